// The pipeline: content -> check -> plan -> render -> output. What does not depend on the records
// (the catalogs, the templates, what the output holds from the previous build) is read beside
// them on a helper thread.
#include "build.h"

#include <atomic>
#include <memory>
#include <optional>
#include <ostream>

#include "cache/inputs_hash.h"
#include "cache/place.h"
#include "check/check.h"
#include "check/completeness.h"
#include "common/alongside.h"
#include "common/data_dir.h"
#include "common/leave_to_exit.h"
#include "common/site_files.h"
#include "content/loader.h"
#include "i18n/catalog.h"
#include "i18n/catalog_texts.h"
#include "i18n/currency.h"
#include "output/writer.h"
#include "render/offline_copy.h"
#include "render/renderer.h"
#include "render/templates.h"
#include "site/plan.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

using Loaded = LoadedSite;

}  // namespace

// The catalogs of the site's languages; none without a source language (reported with the settings).
Catalogs load_catalogs(const fs::path& site_dir, const std::optional<SiteConfig>& site, Diagnostics& diags) {
    if (!site || site->source_language.empty()) return Catalogs();
    std::vector<std::string> languages;
    for (const Located& lang : site->languages) languages.push_back(lang.value);
    const fs::path cache = cache_dir();
    return Catalogs::load(layered(site_dir, "i18n"), languages, site->source_language, diags,
                          cache.empty() ? fs::path() : cache / "catalogs");
}

void read_translations(const fs::path& site_dir, const SiteConfig& site, LoadedSite& l, Diagnostics& diags) {
    l.translations = TranslationRecord::read(site_dir, diags);
    std::vector<std::string> languages;
    for (const Located& lang : site.languages) languages.push_back(lang.value);
    l.catalog_texts = read_catalog_texts(site_dir, languages, diags);
}

void check_translations(Date today, LoadedSite& l, Diagnostics& diags) {
    check_currency(l.content, today, l.catalog_texts, l.translations, diags);
    mark_outdated(l.content, l.translations);
}

namespace {

// Loads the content and the catalogs and checks them. The catalogs depend only on the site's
// settings: a helper thread reads them while this thread reads the records, then both take tasks
// from `alongside`. So a small site's records and a large site's output folder do not keep one
// thread waiting for the other.
Loaded load_and_check(const RunOptions& o, Diagnostics& diags, Alongside& alongside) {
    const std::optional<SiteConfig> site = read_site_settings(o.site_dir, diags);
    Diagnostics catalog_diags;
    Beside<Catalogs> catalogs([&] { return load_catalogs(o.site_dir, site, catalog_diags); }, alongside);
    Loaded l;
    if (site) l.content = read_content(o.site_dir, *site, diags, {site_cache_file(o.site_dir, ".records"), program_identity()});
    alongside.run();
    l.catalogs = catalogs.get();
    diags.append(catalog_diags);
    check_content(l.content, l.catalogs, o.today, diags);
    if (site) {
        read_translations(o.site_dir, *site, l, diags);
        check_translations(o.today, l, diags);
    }
    catalogs.wait();  // a task the helper took may still run; what it threw is thrown here
    return l;
}

// What a build put in the output: files, and pages rendered anew or kept from the last build.
struct Written {
    std::atomic<std::size_t> files{0}, rendered{0}, kept{0};
};

// Renders the site into `writer`, which keeps the previous build's pages whose inputs are
// unchanged (in `target`); each language's offline copy is made from all of them at the end.
void render_into(const RunOptions& o, const Loaded& l, const SitePlan& plan, const Templates& templates,
                 const fs::path& target, OutputWriter& writer, Diagnostics& diags, Written& written) {
    RenderInputs inputs{l.content, plan, l.catalogs, templates, o.today, o.jobs,
                        shared_inputs_hash(o.site_dir, o.today, plan, templates), {}, o.sitemap,
                        site_cache_stem(o.site_dir)};
    OfflineCopies offline(plan.languages, templates);
    inputs.reuse = [&](std::string_view path, std::uint64_t fingerprint) {
        if (offline.always_rendered(path) || !writer.keep(path, fingerprint)) return false;
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(target / path, ec);
        offline.kept(path, fingerprint, ec ? 0 : size);
        ++written.files;
        written.kept += path.ends_with(".html");
        return true;
    };
    auto write = [&](const OutputFile& f) {
        ++written.files;
        written.rendered += f.path.ends_with(".html");
        writer.write(f);
    };
    render_site(inputs, diags, [&](OutputFile&& f) {
        if (std::optional<OutputFile> now = offline.take(std::move(f))) write(*now);
    });
    for (const OutputFile& f : offline.finish(diags)) write(f);
    if (!diags.has_errors()) writer.commit();
}

void print_written(std::ostream& out, const Written& w, const SitePlan& plan, const fs::path& target,
                   const WriteStats& stats) {
    out << "wrote " << w.files << " files (" << w.rendered + w.kept << " pages, " << plan.languages.size()
        << " languages) to " << shown_path(target) << ": " << stats.written << " changed, " << stats.unchanged
        << " unchanged" << (stats.removed ? ", " + std::to_string(stats.removed) + " removed" : "") << "; "
        << w.rendered << " pages rendered, " << w.kept << " kept from the last build\n";
}

}  // namespace

Loaded load_and_check(const RunOptions& o, Diagnostics& diags) {
    Alongside nothing({});
    return load_and_check(o, diags, nothing);
}

void report(const Diagnostics& diags, std::ostream& err) {
    print(err, diags);
    err << summary(diags) << '\n';
}

int run_check(const RunOptions& o, std::ostream& out, std::ostream& err) {
    (void)out;
    Diagnostics diags;
    Loaded l = load_and_check(o, diags);
    // What a language still lacks is no problem to fix now: a note, not counted as a warning.
    note_completeness(l.content, l.catalogs, diags);
    report(diags, err);
    if (o.exits_after) leave_to_exit(std::move(l));
    return diags.has_errors() ? kContentErrors : kSuccess;
}

int run_build(const RunOptions& o, std::ostream& out, std::ostream& err) {
    BuildOutcome outcome;
    return run_build(o, out, err, outcome);
}

int run_build(const RunOptions& o, std::ostream& out, std::ostream& err, BuildOutcome& outcome) {
    Diagnostics& diags = outcome.diags;
    const fs::path target = o.out.empty() ? o.site_dir / "public" : o.out;
    // Read while the content loads: the templates, and what the output holds from the previous
    // build (after the records, a rebuild's largest costs).
    Diagnostics template_diags;
    std::optional<Templates> templates;
    std::unique_ptr<OutputWriter> writer;
    Alongside alongside({
        [&] {
            templates.emplace(Templates::load(layered(o.site_dir, "templates"), template_diags,
                                              site_cache_file(o.site_dir, ".templates"), program_identity()));
        },
        [&] { writer = OutputWriter::read(target); },
    });
    Loaded l = load_and_check(o, diags, alongside);
    // Problems with the templates are shown with those of the content, so one run shows them all.
    diags.append(template_diags);
    if (diags.has_errors()) {
        report(diags, err);
        err << "nothing was written\n";
        return kContentErrors;
    }
    SitePlan plan = plan_site(l.content, o.today);
    Written written;
    if (writer->start(diags)) render_into(o, l, plan, *templates, target, *writer, diags, written);
    else writer.reset();
    report(diags, err);
    if (diags.has_errors()) {
        err << "nothing was written\n";
        return kContentErrors;
    }
    print_written(out, written, plan, target, writer->stats());
    outcome.rendered = written.rendered;
    outcome.kept = written.kept;
    writer->close();
    if (o.exits_after) leave_to_exit(std::move(l), std::move(templates), std::move(plan), std::move(writer));
    return kSuccess;
}

}  // namespace lotse
