#include "build.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "check/check.h"
#include "content/loader.h"
#include "i18n/catalog.h"
#include "i18n/coverage.h"
#include "output/writer.h"
#include "render/renderer.h"
#include "render/templates.h"
#include "site/plan.h"

namespace lotse {

namespace fs = std::filesystem;

fs::path data_dir() {
    if (const char* env = std::getenv("LOTSE_DATA_DIR"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "lotse";
        if (fs::is_directory(installed / "templates", ec)) return installed;
    }
    return LOTSE_SOURCE_DATA_DIR;
}

Date default_today() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0') return date_from_epoch_seconds(seconds);
    }
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

namespace {

// The built-in folder first, then the site's own, unless they are the same folder.
std::vector<fs::path> layered(const fs::path& site_dir, const char* name) {
    std::vector<fs::path> dirs{data_dir() / name};
    std::error_code ec;
    const fs::path own = site_dir / name;
    if (fs::is_directory(own, ec) && !fs::equivalent(own, dirs.front(), ec)) dirs.push_back(own);
    return dirs;
}

struct Loaded {
    Content content;
    Catalogs catalogs;
};

Loaded load_and_check(const RunOptions& o, Diagnostics& diags) {
    Loaded l;
    l.content = load_content(o.site_dir, diags);
    std::vector<std::string> languages;
    for (const Located& lang : l.content.site.languages) languages.push_back(lang.value);
    if (!l.content.site.source_language.empty())
        l.catalogs = Catalogs::load(layered(o.site_dir, "i18n"), languages, l.content.site.source_language, diags);
    check_content(l.content, l.catalogs, o.today, diags);
    return l;
}

void report(const Diagnostics& diags, std::ostream& err) {
    print(err, diags);
    err << summary(diags) << '\n';
}

}  // namespace

int run_check(const RunOptions& o, std::ostream& out, std::ostream& err) {
    (void)out;
    Diagnostics diags;
    load_and_check(o, diags);
    report(diags, err);
    return diags.has_errors() ? kContentErrors : kSuccess;
}

int run_i18n_status(const RunOptions& o, bool json, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    Loaded l = load_and_check(o, diags);
    if (diags.has_errors()) {
        report(diags, err);
        return kContentErrors;
    }
    const auto rows = coverage(l.content, l.catalogs);
    out << (json ? coverage_json(rows) : coverage_table(rows));
    return kSuccess;
}

int run_build(const RunOptions& o, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    Loaded l = load_and_check(o, diags);
    const fs::path target = o.out.empty() ? o.site_dir / "public" : o.out;
    if (diags.has_errors()) {
        report(diags, err);
        err << "nothing was written\n";
        return kContentErrors;
    }
    const Templates templates = Templates::load(layered(o.site_dir, "templates"), diags);
    const SitePlan plan = plan_site(l.content, o.today);
    std::unique_ptr<OutputWriter> writer;
    if (!diags.has_errors()) writer = OutputWriter::open(target, diags);
    std::atomic<std::size_t> files{0}, pages{0};
    if (writer) {
        render_site({l.content, plan, l.catalogs, templates, o.today, o.jobs}, diags, [&](OutputFile&& f) {
            ++files;
            pages += f.path.ends_with(".html");
            writer->write(f);
        });
        if (!diags.has_errors()) writer->commit();
    }
    report(diags, err);
    if (diags.has_errors()) {
        err << "nothing was written\n";
        return kContentErrors;
    }
    const WriteStats stats = writer->stats();
    out << "wrote " << files << " files (" << pages << " pages, " << plan.languages.size() << " languages) to "
        << target.lexically_normal().generic_string() << ": " << stats.written << " changed, " << stats.unchanged
        << " unchanged\n";
    return kSuccess;
}

}  // namespace lotse
