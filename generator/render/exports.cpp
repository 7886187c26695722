#include "render/exports.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "render/kinds/kinds.h"
#include "site/routes.h"

namespace lotse {

namespace {

// One CSV field: quoted when it holds a separator, a quote or a line break; quotes doubled. With
// `guard`, a field that spreadsheet programs would run as a formula (=, +, -, @, tab or carriage
// return first) gets a leading ' that they hide, and is quoted, as OWASP advises against CSV
// injection; a phone number such as +49 … is one too, and shows as written.
std::string field(const std::string& value, bool guard) {
    const bool formula = guard && !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    if (!formula && value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = formula ? "\"'" : "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string row(const std::vector<std::string>& fields, bool guard = true) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += field(fields[i], guard);
    }
    return out + "\r\n";
}

std::string schedule(const LanguageView& v, const Course& c) {
    std::string out;
    for (const TimeSlot& s : c.schedule) {
        if (!out.empty()) out += "; ";
        out += v.days(s.days) + " " + v.fmt().time_range(s.from, s.to);
    }
    return out;
}

std::string where(const LanguageView& v, const Course& c) {
    if (c.location.kind == Location::Kind::online) return v.msg("location.online");
    if (c.location.kind == Location::Kind::address) return v.address(c.location.address);
    const Provider* p = v.provider(c.provider.value);
    return p && p->location ? v.address(*p->location) : std::string();
}

icaltimetype day_of(Date d) {
    icaltimetype t = icaltime_null_date();
    t.year = static_cast<int>(d.year());
    t.month = static_cast<int>(static_cast<unsigned>(d.month()));
    t.day = static_cast<int>(static_cast<unsigned>(d.day()));
    return t;
}

struct ComponentDeleter {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

}  // namespace

std::string course_page(const RenderInputs& in, const RecordEntry& e) {
    const std::string path = in.content.site.source_language + "/" + e.route;
    return in.content.site.base_url.empty() ? path : in.content.site.base_url + routes::pretty(path);
}

std::size_t course_column(std::string_view column) {
    return static_cast<std::size_t>(std::find(std::begin(kCourseColumns), std::end(kCourseColumns), column) -
                                    std::begin(kCourseColumns));
}

bool is_date_column(std::string_view column) {
    return column == "start" || column == "end" || column == "registration_deadline";
}

std::vector<std::string> course_fields(const LanguageView& v, const Course& c, const std::string& page) {
    const Provider* p = v.provider(c.provider.value);
    const Registration reg = c.registration.value_or(Registration{});
    return {c.id, course_title(v, c), v.msg("course_type." + c.type.value), c.level.from, c.level.to,
            to_iso(c.start), to_iso(c.end), schedule(v, c), c.lessons ? std::to_string(*c.lessons) : "",
            v.msg("mode." + c.mode), v.district(c.location, c.provider.value), where(v, c),
            p ? v.plain(p->name) : "", c.childcare.value_or(false) ? "yes" : "no", c.seats, v.fee(c.fee),
            reg.deadline ? to_iso(*reg.deadline) : "", reg.phone, reg.email, reg.url, page};
}

std::vector<std::vector<std::string>> course_rows(const RenderInputs& in, const LanguageView& v) {
    std::vector<std::vector<std::string>> rows;
    for (const RecordEntry* e : in.plan.courses) rows.push_back(course_fields(v, e->as<Course>(), course_page(in, *e)));
    return rows;
}

std::string csv_record(const std::vector<std::string>& fields) { return row(fields, false); }

std::string courses_csv(const RenderInputs& in, const LanguageView& v) { return course_list_csv(course_rows(in, v)); }

std::string course_list_csv(const std::vector<std::vector<std::string>>& rows) {
    std::string out = "\xEF\xBB\xBF";
    out += row(std::vector<std::string>(std::begin(kCourseColumns), std::end(kCourseColumns)));
    for (const std::vector<std::string>& fields : rows) out += row(fields);
    return out;
}

std::string courses_ics(const RenderInputs& in, const LanguageView& v) {
    std::string host = in.content.site.base_url;
    if (const auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    if (host.empty()) host = "lotse.invalid";

    std::unique_ptr<icalcomponent, ComponentDeleter> calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Lotse//Course overview//DE"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    // The stamp is the build date, so the same input and --date give the same file.
    const icaltimetype stamp = icaltime_from_timet_with_zone(static_cast<time_t>(days_since_epoch(in.today)) * 86400, 0,
                                                             icaltimezone_get_utc_timezone());
    for (const RecordEntry* e : in.plan.courses) {
        const Course& c = e->as<Course>();
        icalcomponent* event = icalcomponent_new_vevent();
        icalcomponent_add_property(event, icalproperty_new_uid((c.id + "@courses." + host).c_str()));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
        icalcomponent_add_property(event, icalproperty_new_dtstart(day_of(c.start)));
        icaltimetype end = day_of(c.end);
        icaltime_adjust(&end, 1, 0, 0, 0);  // DTEND of an all-day event is the day after
        icalcomponent_add_property(event, icalproperty_new_dtend(end));
        icalcomponent_add_property(event, icalproperty_new_summary(course_title(v, c).c_str()));
        if (const std::string place = where(v, c); !place.empty())
            icalcomponent_add_property(event, icalproperty_new_location(place.c_str()));
        std::string description = v.msg("course_type." + c.type.value) + " · " + v.msg("level.label", {{"level", v.level(c.level)}});
        if (const std::string times = schedule(v, c); !times.empty()) description += " · " + times;
        icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
        if (!in.content.site.base_url.empty())
            icalcomponent_add_property(event, icalproperty_new_url(course_page(in, *e).c_str()));
        icalcomponent_add_component(calendar.get(), event);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string out(text);
    std::free(text);
    return out;
}

}  // namespace lotse
