// Runs the course import: reads the sheet, works out the changes, checks the site as it would be
// after them in a copy of its content folder, then writes them all or none.
#include "sheet/import_courses.h"

#include <stdlib.h>

#include <algorithm>
#include <ostream>

#include "check/check.h"
#include "common/site_edits.h"
#include "common/site_files.h"
#include "content/loader.h"
#include "render/language_view.h"
#include "render/templates.h"
#include "sheet/course_sheet.h"
#include "site/plan.h"
#include "translate.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

void say(const std::vector<CourseChange>& changes, std::ostream& out) {
    for (const CourseChange& c : changes) {
        if (c.is_new) {
            out << "new " << c.id << '\n';
            continue;
        }
        out << "update " << c.id << ":";
        for (std::size_t i = 0; i < c.fields.size(); ++i)
            out << (i ? ", " : " ") << c.fields[i].column << " " << (c.fields[i].before.empty() ? "(none)" : c.fields[i].before)
                << " → " << c.fields[i].after;
        out << '\n';
    }
}

// The errors the site would have with `changes`: its content folder copied, changed, read and
// checked. Their paths name the site's files.
Diagnostics errors_after(const RunOptions& o, const LoadedSite& site, const std::vector<CourseChange>& changes) {
    Diagnostics found;
    std::string name = (fs::temp_directory_path() / "lotse-import-XXXXXX").string();
    if (!::mkdtemp(name.data())) {
        found.error({shown_path(o.site_dir), 0, 0}, "a temporary folder to check the result in cannot be made");
        return found;
    }
    const fs::path copy = name;
    std::error_code ec;
    fs::copy(o.site_dir / "content", copy / "content", fs::copy_options::recursive, ec);
    SiteEdits edits;
    for (const CourseChange& c : changes)
        edits.put(copy / fs::weakly_canonical(c.file).lexically_relative(fs::weakly_canonical(o.site_dir)), c.text);
    std::string problem;
    if (ec || !edits.commit(problem)) found.error({shown_path(o.site_dir), 0, 0}, "the result cannot be checked: " + problem);
    Diagnostics diags;
    if (std::optional<SiteConfig> settings = read_site_settings(copy, diags)) {
        const Content content = read_content(copy, *settings, diags);
        check_content(content, site.catalogs, o.today, diags);
    }
    const std::string from = shown_path(copy), to = shown_path(o.site_dir);
    for (const Diagnostic& d : diags.items()) {
        if (d.severity != Severity::error) continue;
        std::string file = d.pos.file.str();
        if (file.starts_with(from)) file = to + file.substr(from.size());
        found.error({file, d.pos.line, d.pos.column}, d.message);
    }
    fs::remove_all(copy, ec);
    return found;
}

}  // namespace

int run_import_courses(const RunOptions& o, const fs::path& file, bool dry_run, std::ostream& out, std::ostream& err) {
    std::optional<LoadedSite> site = load_site(o, err);
    if (!site) return kContentErrors;
    Diagnostics diags;
    // A language view asks no template: none are read.
    Diagnostics no_templates;
    const Templates templates = Templates::load({}, no_templates);
    const SitePlan plan = plan_site(site->content, o.today);
    const RenderInputs inputs{site->content, plan, site->catalogs, templates, o.today, 1, 0, {}, {}, {}};
    const LanguageView source(inputs, site->content.site.source_language);
    std::vector<CourseChange> changes;
    if (std::optional<Sheet> sheet = read_sheet(file, shown_path(file), diags))
        changes = course_changes(*sheet, *site, source, o.site_dir, o.today, diags);
    if (!diags.has_errors() && !changes.empty()) diags = errors_after(o, *site, changes);
    SiteEdits edits;
    for (const CourseChange& c : changes) edits.put(c.file, c.text);
    std::string problem;
    if (diags.has_errors() || (!dry_run && !edits.commit(problem))) {
        report(diags, err);
        if (!problem.empty()) err << "error: " << problem << '\n';
        err << "nothing was written\n";
        return kContentErrors;
    }
    say(changes, out);
    const auto added = std::count_if(changes.begin(), changes.end(), [](const CourseChange& c) { return c.is_new; });
    out << (dry_run ? "dry run: " : "imported courses: ") << added << " new, " << changes.size() - static_cast<std::size_t>(added)
        << " updated" << (dry_run ? "; nothing was written" : "; files written: " + std::to_string(changes.size())) << '\n';
    return kSuccess;
}

}  // namespace lotse
