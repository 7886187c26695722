#include "build.h"

#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <stdexcept>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <future>
#include <optional>
#include <mutex>
#include <ostream>
#include <sstream>

#include "check/check.h"
#include "common/crew.h"
#include "common/site_files.h"
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
        const std::string_view text(epoch);
        long long seconds = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (error != std::errc() || end != text.data() + text.size())
            throw std::invalid_argument("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, "
                                        "e.g. 1798761600; found \"" + std::string(text) + "\"");
        const Date today = date_from_epoch_seconds(seconds);
        const std::string iso = to_iso(today);
        if (!today.ok() || iso < kFirstDate || iso > kLastDate)
            throw std::invalid_argument("SOURCE_DATE_EPOCH " + std::string(text) + " is outside the dates Lotse accepts (" +
                                        std::string(kFirstDate) + " to " + std::string(kLastDate) + ")");
        return today;
    }
    return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

namespace {

// The built-in folder first, then the site's own, unless they are the same folder.
std::vector<fs::path> layered(const fs::path& site_dir, const char* name) {
    std::vector<fs::path> dirs{data_dir() / name};
    std::error_code ec;
    const fs::path own = site_dir / name;
    // Anything there but a folder (a loop, a link out of the site) is reported where it is read.
    if (site_entry(own, site_dir, nullptr, {}) != EntryKind::missing && !fs::equivalent(own, dirs.front(), ec))
        dirs.push_back(own);
    return dirs;
}

std::uint64_t mix(std::uint64_t h, const std::string& s) {
    return h ^ (std::hash<std::string>{}(s) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

// The build id the linker gave this program (GNU build-id note): it changes with every change to
// Lotse's code, and is found without reading the binary.
std::string program_build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) {
            if (info->dlpi_name && *info->dlpi_name) return 0;  // the program itself has no name here
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                const char* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
                const char* end = at + ph.p_memsz;
                while (at + sizeof(ElfW(Nhdr)) <= end) {
                    const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
                    const char* name = at + sizeof(ElfW(Nhdr));
                    const char* desc = name + ((note->n_namesz + 3) & ~3u);
                    if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        static_cast<std::string*>(data)->assign(desc, note->n_descsz);
                        return 1;
                    }
                    at = desc + ((note->n_descsz + 3) & ~3u);
                }
            }
            return 1;
        },
        &id);
    return id;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// This Lotse: its version and build, so a new Lotse neither keeps pages nor uses records that an
// older one made. Without a build id (a linker told not to write one) the binary's bytes stand in.
const std::string& program_identity() {
    static const std::string identity = [] {
        std::string id = program_build_id();
        if (id.empty()) id = slurp("/proc/self/exe");
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(std::hash<std::string>{}(id)));
        return std::string("lotse ") + LOTSE_VERSION + " " + hex;
    }();
    return identity;
}

// Where Lotse keeps what saves work on the next run (parsed records, compiled catalogs):
// $XDG_CACHE_HOME/lotse, else ~/.cache/lotse; empty (no cache) without either variable.
fs::path cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "lotse";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "lotse";
    return {};
}

// What the cache keeps of a site folder is in files named after it: this path plus an extension.
fs::path site_cache_stem(const fs::path& site_dir) {
    const fs::path base = cache_dir();
    if (base.empty()) return {};
    std::error_code ec;
    const fs::path site = fs::weakly_canonical(fs::absolute(site_dir), ec);
    char name[32];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(std::hash<std::string>{}(site.string())));
    return base / name;
}

// Records read on an earlier run of this site.
RecordCacheFile record_cache_file(const fs::path& site_dir) {
    const fs::path stem = site_cache_stem(site_dir);
    if (stem.empty()) return {};
    return {stem.string() + ".records", program_identity()};
}

// Everything every page depends on. A page of a rebuild is rendered again unless this and the
// records it shows are unchanged.
std::uint64_t shared_inputs_hash(const RunOptions& o, const SitePlan& plan, const Templates& templates) {
    std::uint64_t h = mix(0, program_identity());
    h = mix(h, to_iso(o.today));
    const fs::path content = o.site_dir / "content";
    h = mix(h, slurp(content / "site.yaml"));
    h = mix(h, slurp(content / "taxonomy.yaml"));
    // Named as from the site folder, so that another spelling of it (., an absolute path) is the same site.
    // The same files the loader and the catalogs read: never a pipe, which would keep this waiting.
    std::vector<std::pair<std::string, fs::path>> files;
    for (SiteFile& f : site_files(content / "pages", o.site_dir, nullptr)) files.emplace_back("pages/" + f.name, std::move(f.path));
    int layer = 0;
    for (const fs::path& i18n : layered(o.site_dir, "i18n")) {
        for (SiteFile& f : site_files(i18n, i18n.parent_path(), nullptr))
            files.emplace_back("i18n" + std::to_string(layer) + "/" + f.name, std::move(f.path));
        ++layer;
    }
    std::sort(files.begin(), files.end());
    for (const auto& [name, f] : files) h = mix(mix(h, name), slurp(f));
    for (const auto& [name, text] : templates.sources()) h = mix(mix(h, name), text);
    for (const auto& [name, bytes] : templates.assets()) h = mix(mix(h, name), bytes);
    // Which records are published decides links and lists everywhere.
    for (const RecordEntry& e : plan.entries) h = mix(h, std::string(name(e.kind)) + "/" + e.record->id);
    return h;
}

struct Loaded {
    Content content;
    Catalogs catalogs;
};

// Freeing 20,000 records piece by piece takes a twentieth of a rebuild, and freeing a small
// site's compiled templates, plan and output listing more than a millisecond; a program about to
// end leaves them to the system, which takes all its memory back at once. They stay reachable
// from here, so a leak checker does not count them.
template <typename... T>
void leave_to_exit(T&&... things) {
    static auto* kept = new std::vector<std::shared_ptr<void>>;  // never freed, on purpose
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    (kept->push_back(std::make_shared<std::remove_cvref_t<T>>(std::forward<T>(things))), ...);
}

// Tasks that do not depend on the content, each done once, by whichever thread takes it first.
class Alongside {
public:
    explicit Alongside(std::vector<std::function<void()>> tasks) : tasks_(std::move(tasks)) {}
    void run() {
        for (std::size_t i; (i = next_++) < tasks_.size();) tasks_[i]();
    }

private:
    std::vector<std::function<void()>> tasks_;
    std::atomic<std::size_t> next_{0};
};

// Loads the content and the catalogs and checks them. A second thread, handed its job first,
// meanwhile reads the catalogs, which depend only on the site's languages, and then takes tasks
// from `alongside`; this thread takes what is left of them once the records are loaded. So a
// small site's records and a large site's output folder do not keep one thread waiting for the
// other.
Loaded load_and_check(const RunOptions& o, Diagnostics& diags, Alongside& alongside) {
    struct Languages {
        std::vector<std::string> languages;
        std::string source;  // empty: the site's settings could not be read
    };
    std::promise<Languages> settings;
    std::future<Languages> languages_read = settings.get_future();
    Diagnostics catalog_diags;
    std::promise<Catalogs> catalogs;
    std::future<Catalogs> catalogs_read = catalogs.get_future();
    Loaded l;
    {
        Background second([&] {
            try {
                const Languages site = languages_read.get();
                catalogs.set_value(site.source.empty()
                                       ? Catalogs()
                                       : Catalogs::load(layered(o.site_dir, "i18n"), site.languages, site.source, catalog_diags,
                                                        cache_dir().empty() ? fs::path() : cache_dir() / "catalogs"));
            } catch (...) {
                catalogs.set_exception(std::current_exception());
            }
            alongside.run();
        });
        // However this block ends, the second thread gets the languages (and so ends, before
        // `second` waits for it).
        struct HandOver {
            std::promise<Languages>& settings;
            bool done = false;
            ~HandOver() {
                if (!done) settings.set_value({});
            }
        } hand_over{settings};
        l.content = load_content(o.site_dir, diags, record_cache_file(o.site_dir), [&](const SiteConfig& site) {
            Languages read{{}, site.source_language};
            for (const Located& lang : site.languages) read.languages.push_back(lang.value);
            settings.set_value(std::move(read));
            hand_over.done = true;
        });
        alongside.run();
        l.catalogs = catalogs_read.get();
        for (const Diagnostic& d : catalog_diags.items()) {
            if (d.severity == Severity::error) diags.error(d.pos, d.message);
            else diags.warning(d.pos, d.message);
        }
        check_content(l.content, l.catalogs, o.today, diags);
        second.wait();  // a task it took may still run; what it threw is thrown here
    }
    return l;
}

Loaded load_and_check(const RunOptions& o, Diagnostics& diags) {
    Alongside nothing({});
    return load_and_check(o, diags, nothing);
}

void report(const Diagnostics& diags, std::ostream& err) {
    print(err, diags);
    err << summary(diags) << '\n';
}

}  // namespace

int run_check(const RunOptions& o, std::ostream& out, std::ostream& err) {
    (void)out;
    Diagnostics diags;
    Loaded l = load_and_check(o, diags);
    report(diags, err);
    if (o.exits_after) leave_to_exit(std::move(l));
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
    const fs::path target = o.out.empty() ? o.site_dir / "public" : o.out;
    // What does not depend on the content is read while the content loads: the templates, and
    // what the output holds from the previous build (a rebuild's largest costs after the records).
    Diagnostics template_diags;
    std::optional<Templates> loaded_templates;
    std::unique_ptr<OutputWriter> writer;
    Alongside alongside({
        [&] {
            const fs::path stem = site_cache_stem(o.site_dir);
            loaded_templates.emplace(Templates::load(layered(o.site_dir, "templates"), template_diags,
                                                     stem.empty() ? fs::path() : fs::path(stem.string() + ".templates"),
                                                     program_identity()));
        },
        [&] { writer = OutputWriter::read(target); },
    });
    Loaded l = load_and_check(o, diags, alongside);
    const Templates& templates = *loaded_templates;
    // Problems with the templates are shown with those of the content, so one run shows them all.
    for (const Diagnostic& d : template_diags.items()) {
        if (d.severity == Severity::error) diags.error(d.pos, d.message);
        else diags.warning(d.pos, d.message);
    }
    if (diags.has_errors()) {
        report(diags, err);
        err << "nothing was written\n";
        return kContentErrors;
    }
    SitePlan plan = plan_site(l.content, o.today);
    if (!writer->start(diags)) writer.reset();
    std::atomic<std::size_t> files{0}, rendered{0}, kept{0};  // files; pages rendered and kept
    if (writer) {
        RenderInputs inputs{l.content, plan, l.catalogs, templates, o.today, o.jobs,
                            shared_inputs_hash(o, plan, templates), {}, o.sitemap, site_cache_stem(o.site_dir)};
        inputs.reuse = [&](std::string_view path, std::uint64_t fingerprint) {
            if (!writer->keep(path, fingerprint)) return false;
            ++files;
            kept += path.ends_with(".html");
            return true;
        };
        render_site(inputs, diags, [&](OutputFile&& f) {
            ++files;
            rendered += f.path.ends_with(".html");
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
    out << "wrote " << files << " files (" << rendered + kept << " pages, " << plan.languages.size() << " languages) to "
        << target.lexically_normal().generic_string() << ": " << stats.written << " changed, " << stats.unchanged
        << " unchanged" << (stats.removed ? ", " + std::to_string(stats.removed) + " removed" : "") << "; " << rendered << " pages rendered, " << kept << " kept from the last build\n";
    writer->close();
    if (o.exits_after) leave_to_exit(std::move(l), std::move(loaded_templates), std::move(plan), std::move(writer));
    return kSuccess;
}

}  // namespace lotse
