// The command line: parses flags, runs the pipeline, maps the outcome to an exit code.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <iostream>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include "build.h"
#include "sheet/import_courses.h"
#include "digest/digest.h"
#include "translate.h"
#include "common/interrupt.h"
#include "serve/serve.h"

#ifdef LOTSE_WITH_JEMALLOC
#include <sys/mman.h>

#include <jemalloc/jemalloc.h>

// jemalloc's settings, read when it starts. A build fills its memory once and exits: backing the
// heap with huge pages where the kernel offers them (transparent huge pages) saves most of the
// page faults of filling it, for a little more memory. One arena per processor, used by whichever
// thread runs there (instead of four per processor, each thread keeping its own): a run's threads
// are kept for the whole run (common/crew.h), and memory one of them frees is reused by the
// others, which lowers the peak without slowing the build.
extern "C" const char* malloc_conf;
const char* malloc_conf = "thp:always,percpu_arena:percpu";

namespace {

// jemalloc takes memory from the system in extents of a few megabytes, and not all of an extent
// can be a huge page (extents of 2.5 or 3 MB do not start on a 2 MB boundary). A build fills what
// it is given soon after, so each new extent is mapped in one call (MADV_POPULATE_WRITE, Linux
// 5.14; an older kernel refuses it and nothing changes) instead of page by page on first touch,
// which is slow on a virtual machine. The price is a higher peak: a whole extent is backed at once.
extent_hooks_t* system_hooks = nullptr;
extent_hooks_t populating_hooks;

void* alloc_populated(extent_hooks_t*, void* new_addr, size_t size, size_t alignment, bool* zero, bool* commit,
                      unsigned arena) {
    void* p = system_hooks->alloc(system_hooks, new_addr, size, alignment, zero, commit, arena);
    if (p && *commit) ::madvise(p, size, MADV_POPULATE_WRITE);
    return p;
}

// For the arenas the threads of a run use, before any thread starts. Setting an arena's hooks
// starts it, at about 0.15 ms each. With an arena per processor (above) there are as many as
// processors; should jemalloc fall back to arenas per thread (no getcpu), a run has at most a
// thread per core and two more, and a thread beyond those gets jemalloc's own hooks.
void populate_new_extents() {
    size_t size = sizeof system_hooks;
    if (mallctl("arena.0.extent_hooks", &system_hooks, &size, nullptr, 0) != 0 || !system_hooks) return;
    populating_hooks = *system_hooks;
    populating_hooks.alloc = alloc_populated;
    unsigned arenas = 0;
    size = sizeof arenas;
    if (mallctl("opt.narenas", &arenas, &size, nullptr, 0) != 0) return;
    arenas = std::min(arenas, std::thread::hardware_concurrency() + 2);
    extent_hooks_t* hooks = &populating_hooks;
    for (unsigned i = 0; i < arenas; ++i)
        mallctl(("arena." + std::to_string(i) + ".extent_hooks").c_str(), nullptr, nullptr, &hooks, sizeof hooks);
}

}  // namespace
#endif

namespace {

namespace fs = std::filesystem;

// --date must be a real day; CLI11 reports anything else as a usage error (exit 2).
lotse::Date parse_date_flag(const std::string& text) {
    const lotse::ParsedDate parsed = lotse::parse_date(text);
    if (parsed.error == lotse::CalendarError::out_of_range)
        throw CLI::ValidationError("--date", "must be a date from " + std::string(lotse::kFirstDate) + " to " +
                                                 std::string(lotse::kLastDate) + "; found \"" + text + "\"");
    if (parsed.error != lotse::CalendarError::none)
        throw CLI::ValidationError("--date", "must be a date written YYYY-MM-DD that exists, e.g. 2026-11-15; found \"" + text + "\"");
    return parsed.date;
}

// "today" for date-dependent rules: SOURCE_DATE_EPOCH if set, else the system clock. A
// SOURCE_DATE_EPOCH that is not a whole number of seconds, or outside the dates Lotse accepts, is a
// usage error (std::invalid_argument saying so): it would otherwise silently be ignored.
lotse::Date default_today() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        const std::string_view text(epoch);
        long long seconds = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error != std::errc() || end != text.data() + text.size())
            throw std::invalid_argument("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, "
                                        "e.g. 1798761600; found \"" + std::string(text) + "\"");
        const lotse::Date today = lotse::date_from_epoch_seconds(seconds);
        const std::string iso = lotse::to_iso(today);
        if (!today.ok() || iso < lotse::kFirstDate || iso > lotse::kLastDate)
            throw std::invalid_argument("SOURCE_DATE_EPOCH " + std::string(text) + " is outside the dates Lotse accepts (" +
                                        std::string(lotse::kFirstDate) + " to " + std::string(lotse::kLastDate) + ")");
        return today;
    }
    return lotse::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace

int main(int argc, char** argv) {
    // Before any thread starts: an interrupted build removes its staging folder.
    lotse::interrupt::take_signals();
#ifdef LOTSE_WITH_JEMALLOC
    populate_new_extents();
#endif
    CLI::App app{"Lotse: builds a multilingual education portal from YAML records", "lotse"};
    app.set_version_flag("--version", std::string("lotse ") + LOTSE_VERSION);
    app.require_subcommand(1);

    lotse::RunOptions options;
    std::string site = ".", out, date;

    auto add_common = [&](CLI::App* cmd) {
        cmd->add_option("SITE_DIR", site, "the site folder (content/, optional i18n/ and templates/)")->capture_default_str();
        cmd->add_option("--date", date, "\"today\" for published courses and staleness, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)");
    };
    CLI::App* build = app.add_subcommand("build", "check the records and write the site");
    add_common(build);
    build->add_option("--out", out, "the output folder (default: SITE_DIR/public)");
    build->add_option("--jobs", options.jobs, "pages rendered in parallel (default: all cores)")->check(CLI::NonNegativeNumber);
    CLI::App* check = app.add_subcommand("check", "check the records and report every problem");
    add_common(check);
    lotse::ServeOptions serve_options;
    CLI::App* serve = app.add_subcommand("serve", "preview the site in a browser, rebuilt on every saved change");
    add_common(serve);
    serve->add_option("--port", serve_options.port, "the port to listen on (0: any free one)")->check(CLI::Range(0, 65535))->capture_default_str();
    serve->add_option("--host", serve_options.host, "the address to listen on; another than 127.0.0.1 lets other computers see the preview")->capture_default_str();
    CLI::App* i18n = app.add_subcommand("i18n", "translation tools");
    i18n->require_subcommand(1);
    lotse::StatusOptions status_options;
    CLI::App* status = i18n->add_subcommand("status", "how much of the site is translated, outdated and missing, per language");
    add_common(status);
    status->add_option("--lang", status_options.language, "only this language");
    status->add_flag("--list", status_options.list, "list the outdated and missing texts");
    status->add_flag("--json", status_options.json, "print JSON instead of a table");
    std::string language;
    std::vector<std::string> refs;
    CLI::App* confirm = i18n->add_subcommand(
        "confirm", "record translations as current after a change of their source text that does not change the meaning");
    // [SITE_DIR] [REF...]: the first is the site folder if it is a folder (REFs never are).
    confirm->add_option("SITE_DIR REF", refs,
                        "the site folder (default: .), then texts or records, e.g. offer/kita-sprechstunde/title "
                        "(default: every text)");
    confirm->add_option("--lang", language, "the language of the translations")->required();
    lotse::ExportOptions export_options;
    std::string format = "xliff-2.1", export_out;
    CLI::App* exporter = i18n->add_subcommand("export", "write an XLIFF file of the texts a translator has to translate");
    exporter->add_option("SITE_DIR", site, "the site folder")->capture_default_str();
    exporter->add_option("--lang", export_options.language, "the language to translate into")->required();
    exporter->add_option("--format", format, "xliff-2.1 (DeepL, Crowdin) or xliff-1.2 (memoQ, Trados, Weblate)")
        ->check(CLI::IsMember({"xliff-2.1", "xliff-1.2"}))
        ->capture_default_str();
    exporter->add_flag("--all", export_options.all, "every text, not only the outdated and missing ones");
    exporter->add_option("--out", export_out, "the file to write (default: standard output)");
    exporter->add_option("--date", date, "\"today\": which records are shown, YYYY-MM-DD");
    std::vector<std::string> import_args;
    CLI::App* importer = i18n->add_subcommand("import", "take the translations of XLIFF files into the site");
    importer->add_option("SITE_DIR FILE", import_args, "the site folder (default: .), then one or more XLIFF files")
        ->required();
    // `lotse import courses FILE [SITE_DIR] [--dry-run]`
    std::string sheet_file;
    bool dry_run = false;
    CLI::App* import = app.add_subcommand("import", "take records from other tools into the site");
    import->require_subcommand(1);
    CLI::App* import_courses = import->add_subcommand("courses", "take the course list from a spreadsheet (CSV or XLSX)");
    import_courses->add_option("FILE", sheet_file, "the spreadsheet, with the columns of courses.csv")->required();
    add_common(import_courses);
    import_courses->add_flag("--dry-run", dry_run, "say what would change, and write nothing");
    lotse::DigestOptions digest_options;
    CLI::App* digest = app.add_subcommand("digest", "write the month's language courses as an e-mail draft (.eml)");
    add_common(digest);
    digest->add_option("--month", digest_options.month, "the month whose courses to list, YYYY-MM")->required();
    digest->add_option("--lang", digest_options.language, "the language of the mail (default: the site's source language)");
    digest->add_option("--out", digest_options.out, "the .eml file to write (default: standard output)");
    digest->add_option("--since", digest_options.since, "an earlier digest (.eml), courses.csv or courses.xlsx: lead with what changed since");

    try {
        app.parse(argc, argv);
        if (*importer && import_args.size() > 1 && fs::is_directory(import_args.front())) {
            site = import_args.front();
            import_args.erase(import_args.begin());
        }
        export_options.version = format == "xliff-1.2" ? lotse::XliffVersion::v1_2 : lotse::XliffVersion::v2_1;
        export_options.out = export_out;
        if (*confirm && !refs.empty() && fs::is_directory(refs.front())) {
            site = refs.front();
            refs.erase(refs.begin());
        }
        options.site_dir = site;
        options.out = out;
        if (build->count("--out") && out.empty())
            throw CLI::ValidationError("--out", "is empty; give the folder to write the site to, e.g. --out public");
        // Only a folder can hold a site; the writer would call a file a folder that is not empty.
        std::error_code ec;
        if (!out.empty() && fs::exists(out, ec) && !fs::is_directory(out, ec))
            throw CLI::ValidationError("--out", "\"" + out + "\" is a file, not a folder; give a folder for the site "
                                                "(a new or empty one, or one Lotse wrote before)");
        options.today = date.empty() ? default_today() : parse_date_flag(date);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? lotse::kSuccess : lotse::kUsageError;
    } catch (const std::invalid_argument& e) {
        std::cerr << e.what() << '\n';
        return lotse::kUsageError;
    }
    options.exits_after = true;
    if (*build) return lotse::run_build(options, std::cout, std::cerr);
    if (*import_courses) return lotse::run_import_courses(options, sheet_file, dry_run, std::cout, std::cerr);
    if (*digest) return lotse::run_digest(options, digest_options, std::cout, std::cerr);
    if (*serve) return lotse::run_serve(options, serve_options, std::cout, std::cerr);
    if (*status) return lotse::run_i18n_status(options, status_options, std::cout, std::cerr);
    if (*confirm) return lotse::run_i18n_confirm(options, language, refs, std::cout, std::cerr);
    if (*exporter) return lotse::run_i18n_export(options, export_options, std::cout, std::cerr);
    if (*importer) {
        std::vector<fs::path> files(import_args.begin(), import_args.end());
        return lotse::run_i18n_import(options, files, std::cout, std::cerr);
    }
    return lotse::run_check(options, std::cout, std::cerr);
}
