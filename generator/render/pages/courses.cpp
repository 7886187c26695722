// The course overview and the month pages: courses by start month, as rows, with the filter form
// and the links to the spreadsheet and calendar files.
#include <set>

#include "content/domain.h"
#include "render/pages/pages.h"
#include "render/qr_code.h"
#include "site/routes.h"

namespace lotse {

namespace {

// The choices of each filter, limited to what the listed courses have.
Data course_filters(const LanguageView& v, const std::vector<const RecordEntry*>& shown) {
    std::set<std::string, std::less<>> types, levels, districts, times;
    for (const RecordEntry* e : shown) {
        const Course& c = e->as<Course>();
        types.insert(c.type.value);
        for (std::string_view l : domain::levels_between(c.level.from, c.level.to)) levels.emplace(l);
        if (const std::string d = v.district(c.location, c.provider.value); !d.empty()) districts.insert(d);
        for (const std::string& t : times_of_day(c.schedule)) times.insert(t);
    }
    Data f;
    f.set("active", filters_summary(v));
    Data type_options = list(), level_options = list(), district_options = list(), time_options = list();
    for (std::string_view t : domain::kCourseTypes)
        if (types.count(t)) append(type_options, option(std::string(t), v.msg("course_type." + std::string(t))));
    for (const std::string& l : levels) append(level_options, option(l, l));
    std::vector<std::string> sorted(districts.begin(), districts.end());
    std::sort(sorted.begin(), sorted.end(), [&](const std::string& a, const std::string& b) { return v.fmt().less(a, b); });
    // Districts are names of places, in the source language.
    for (const std::string& d : sorted) {
        Data o = v.language_marks(v.source_language());
        o.set("value", d);
        o.set("label", d);
        append(district_options, std::move(o));
    }
    for (std::string_view t : domain::kTimesOfDay)
        if (times.count(t)) append(time_options, option(std::string(t), v.msg("time_of_day." + std::string(t))));
    f.set("types", type_options);
    f.set("levels", level_options);
    f.set("districts", district_options);
    f.set("times", time_options);
    return f;
}


// Every month page, for the month navigation; the page's own month is marked.
Data month_links(const LanguageView& v, const PlannedPage& p) {
    Data out = list();
    for (const std::string& month : v.inputs().plan.months) {
        Data m;
        m.set("label", v.fmt().month(parse_date(month + "-01").date));
        m.set("href", routes::link(p.route, routes::course_month(month)));
        m.set("current", p.kind == PageKind::course_month && p.term == month);
        append(out, std::move(m));
    }
    return out;
}

// The page's web address and a QR code of it, for the paper copy; false without base_url.
Data printed_address(const LanguageView& v, const PlannedPage& p) {
    const std::string& base_url = v.inputs().content.site.base_url;
    if (base_url.empty()) return Data(false);
    const std::string url = base_url + v.language() + "/" + routes::pretty(p.route);
    const QrCode qr = qr_code(url);
    Data d;
    d.set("url", url);
    d.set("qr_size", std::to_string(qr.size));
    d.set("qr_path", qr.path);
    return d;
}

}  // namespace

Data option(const std::string& value, const std::string& label) {
    Data o;
    o.set("value", value);
    o.set("label", label);
    o.set("lang", false);
    return o;
}

Data filters_summary(const LanguageView& v) {
    Data d = v.said("filters.active", {{"count", 0LL}});
    d.set("plural", v.plural_json("filters.active"));
    return d;
}

PageBody courses_page(const PageContext& c) {
    const LanguageView& v = c.v;
    const PlannedPage& p = c.p;
    std::vector<const RecordEntry*> shown;
    Data month_list = list();
    for (const Group& month : p.groups) {
        Data m;
        m.set("id", month.term);
        m.set("heading", v.fmt().month(parse_date(month.term + "-01").date));
        m.set("href", routes::link(p.route, routes::course_month(month.term)));
        Data rows = list();
        for (const RecordEntry* e : month.entries) {
            append(rows, c.items.course_row(v, *e, p.route));
            shown.push_back(e);
        }
        put(m, "rows", std::move(rows));
        append(month_list, std::move(m));
    }
    Data d;
    set_list(d, "months", std::move(month_list));
    const std::string root = routes::up(v.language() + "/" + p.route);
    d.set("csv_href", root + std::string(routes::kCoursesCsv));
    d.set("ics_href", root + std::string(routes::kCoursesIcs));
    d.set("month_nav", month_links(v, p));
    d.set("printed", printed_address(v, p));
    std::string title = v.msg("courses.title");
    d.set("filters", course_filters(v, shown));
    if (p.kind == PageKind::course_month) {
        const std::string month = v.fmt().month(parse_date(p.term + "-01").date);
        d.set("month_page", true);
        d.set("overview_href", routes::link(p.route, routes::kCourses));
        title = v.msg("courses.month_title", {{"month", month}});
        // A month without courses says so instead of showing an empty list and a filter for it.
        if (shown.empty()) {
            d.set("month_empty", v.said("courses.month_empty", {{"month", month}}));
            d.set("filters", false);
        }
    } else if (shown.empty()) {
        d.set("empty", true);
    }
    d.set("status_plural", v.plural_json("courses.shown"));
    return {"courses", std::move(title), std::move(d)};
}

}  // namespace lotse
