#include "digest/digest.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <ostream>

#include "common/data_dir.h"
#include "common/site_files.h"
#include "digest/mail_draft.h"
#include "digest/since.h"
#include "render/exports.h"
#include "render/compiled_templates.h"
#include "render/language_view.h"
#include "render/renderer.h"
#include "render/templates.h"
#include "site/plan.h"
#include "site/routes.h"

namespace lotse {

namespace {

// "2027-01" -> the first of that month; nothing for anything else.
std::optional<Date> parse_month(const std::string& text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    const ParsedDate d = parse_date(text + "-01");
    if (d.error != CalendarError::none) return std::nullopt;
    return d.date;
}

// What the month page shows: its planned page's courses (none for a month without a page).
std::vector<const RecordEntry*> month_courses(const SitePlan& plan, const std::string& month) {
    for (const PlannedPage& p : plan.pages)
        if (p.kind == PageKind::course_month && p.term == month) {
            std::vector<const RecordEntry*> out;
            for (const Group& g : p.groups) out.insert(out.end(), g.entries.begin(), g.entries.end());
            return out;
        }
    return {};
}

// Where a course takes place, as a line of text: its district, or "online", and its provider.
std::string place(const LanguageView& v, const Course& c) {
    std::string where = c.location.kind == Location::Kind::online ? v.msg("location.online")
                                                                   : v.district(c.location, c.provider.value);
    if (const Provider* p = v.provider(c.provider.value)) where += (where.empty() ? "" : " · ") + v.plain(p->name);
    return where;
}

Data course_item(const LanguageView& v, const RecordEntry& e, const std::string& base) {
    const Course& c = e.as<Course>();
    Data d;
    d.set("title", v.title_text(e));
    d.set("type", v.msg("course_type." + c.type.value));
    d.set("url", base + e.route);
    d.set("dates", v.fmt().date_range(c.start, c.end));
    d.set("level", v.level(c.level));
    d.set("place", place(v, c));
    d.set("seats", text_or_false(c.seats.empty() ? "" : v.msg("seats." + c.seats)));
    return d;
}

// The view model both parts of the mail show.
Data digest_data(const LanguageView& v, const std::string& month, Date first, const std::string& subject,
                 const std::optional<EarlierList>& earlier) {
    const RenderInputs& in = v.inputs();
    const std::string& base_url = in.content.site.base_url;
    const std::string base = base_url + v.language() + "/";
    const std::string month_name = v.fmt().month(first);
    Data d;
    d.set("subject", subject);
    d.set("heading", v.msg("courses.month_title", {{"month", month_name}}));
    d.set("as_of", v.msg("digest.as_of", {{"date", v.fmt().date(in.today)}}));
    const std::vector<const RecordEntry*> listed = month_courses(in.plan, month);
    d.set("since", earlier ? since_data(v, LanguageView(in, in.content.site.source_language), listed, month, *earlier, base)
                           : Data(false));
    Data courses = list();
    for (const RecordEntry* e : listed) append(courses, course_item(v, *e, base));
    const bool none = !courses.is_non_empty_list();
    set_list(d, "courses", std::move(courses));
    d.set("empty", none ? Data(v.msg("courses.month_empty", {{"month", month_name}})) : Data(false));
    const bool has_page = std::find(in.plan.months.begin(), in.plan.months.end(), month) != in.plan.months.end();
    d.set("month_url", has_page ? Data(base + routes::pretty(routes::course_month(month))) : Data(false));
    d.set("overview_url", base + routes::pretty(routes::kCourses));
    d.set("csv_url", base_url + std::string(routes::kCoursesCsv));
    d.set("xlsx_url", base_url + "courses.xlsx");
    return d;
}

// Why the command line cannot make a digest of this site; empty if it can.
std::string usage_problem(const Content& content, const DigestOptions& o, const std::string& language) {
    if (!parse_month(o.month))
        return "--month must be a month written YYYY-MM, e.g. 2027-01; found \"" + o.month + "\"";
    std::string names;
    bool known = false;
    for (const Located& l : content.site.languages) {
        names += (names.empty() ? "" : ", ") + l.value;
        known = known || l.value == language;
    }
    if (!known) return "--lang \"" + language + "\" is not a language of the site (" + names + ")";
    if (content.site.base_url.empty())
        return content.site.path + " has no base_url: the links of a mailed digest must be absolute. "
               "Add the site's web address, e.g. base_url: https://bildung.beispielstadt.de/";
    return {};
}

// The month's rows of courses.csv, attached so that a later `--since` can tell what changed.
void attach_list(MailDraft& mail, const RenderInputs& in, const std::string& month) {
    const LanguageView source(in, in.content.site.source_language);
    std::vector<std::vector<std::string>> rows;
    for (const RecordEntry* e : month_courses(in.plan, month)) rows.push_back(course_fields(source, e->as<Course>(), course_page(in, *e)));
    mail.filename = "sprachkurse-" + month + ".csv";
    mail.attachment_type = "text/csv; charset=UTF-8";
    mail.attachment = course_list_csv(rows);
}

}  // namespace

int run_digest(const RunOptions& o, const DigestOptions& digest, std::ostream& out, std::ostream& err) {
    if (!parse_month(digest.month)) {  // before reading a site for nothing
        err << usage_problem(Content{}, digest, {}) << '\n';
        return kUsageError;
    }
    Diagnostics diags;
    LoadedSite l = load_and_check(o, diags);
    const Templates templates = Templates::load(layered(o.site_dir, "templates"), diags);
    if (diags.has_errors()) {
        report(diags, err);
        err << "no digest was written\n";
        return kContentErrors;
    }
    const std::string language = digest.language.empty() ? l.content.site.source_language : digest.language;
    if (const std::string problem = usage_problem(l.content, digest, language); !problem.empty()) {
        err << problem << '\n';
        return kUsageError;
    }
    std::optional<EarlierList> earlier;
    if (!digest.since.empty() && !(earlier = read_earlier(digest.since, err))) return kUsageError;
    const SitePlan plan = plan_site(l.content, o.today);
    const RenderInputs in{l.content, plan, l.catalogs, templates, o.today, 1, 0, {}, {}, {}};
    const LanguageView v(in, language);
    const Date first = *parse_month(digest.month);
    MailDraft mail{v.msg("digest.subject", {{"month", v.fmt().month(first)}, {"site", v.plain(l.content.site.title)}}),
                   o.today, language, {}, {}, {}, {}, {}};
    const Data data = digest_data(v, digest.month, first, mail.subject, earlier);
    attach_list(mail, in, digest.month);
    CompiledTemplates compiled(templates, diags);
    mail.text = compiled.render("digest_text", v.shared(), data);
    mail.html = compiled.render("digest_html", v.shared(), data);
    if (diags.has_errors()) {
        report(diags, err);
        return kContentErrors;
    }
    const std::string eml = write_mail_draft(mail);
    if (digest.out.empty()) {
        out << eml;
        return kSuccess;
    }
    std::ofstream file(digest.out, std::ios::binary);
    if (!(file << eml) || !file.flush()) {
        err << "cannot write " << shown_path(digest.out) << '\n';
        return kUsageError;
    }
    out << "wrote " << shown_path(digest.out) << '\n';
    return kSuccess;
}

}  // namespace lotse
