#include "i18n/catalog.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <unicode/locid.h>
#include <unicode/uvernum.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "cache/cache_file.h"
#include "common/hash.h"
#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/encoding.h"

extern char** environ;

namespace lotse {

namespace fs = std::filesystem;

namespace {

// A message MessageFormat would give back as it is: no argument, no plural, no quoting, no brace
// (an unmatched one is an error MessageFormat reports).
bool is_plain(const UChar* s, int32_t len) {
    return std::none_of(s, s + len, [](UChar c) { return c == u'{' || c == u'}' || c == u'\''; });
}

struct BundleCloser {
    void operator()(UResourceBundle* b) const { ures_close(b); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

// One genrb run on one catalog. Every catalog's run is started before the first is waited for,
// so the languages compile side by side.
class GenrbRun {
public:
    GenrbRun(const fs::path& source, const fs::path& out_dir) : log_(out_dir / (source.filename().string() + ".log")) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const std::string src = source.string(), dir = out_dir.string();
        std::vector<const char*> argv = {LOTSE_GENRB, "-q", "-e", "UTF-8", "-d", dir.c_str(), src.c_str(), nullptr};
        started_ = posix_spawn(&pid_, LOTSE_GENRB, &actions, nullptr, const_cast<char* const*>(argv.data()), environ) == 0;
        posix_spawn_file_actions_destroy(&actions);
    }
    GenrbRun(const GenrbRun&) = delete;
    GenrbRun& operator=(const GenrbRun&) = delete;

    // Waits for genrb; returns its complaints ("" when it succeeded).
    std::string complaints() {
        if (!started_) return std::string("cannot run genrb (") + LOTSE_GENRB + "); install icu-devtools";
        int status = 0;
        waitpid(pid_, &status, 0);
        std::string said = whole_file(log_);
        fs::remove(log_);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
        return said.empty() ? "genrb could not compile this catalog" : said;
    }

private:
    fs::path log_;
    pid_t pid_ = 0;
    bool started_ = false;
};

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Puts the one compiled bundle (<locale>.res) in `from` into `to`: as a second name for the same
// file where the file system allows (no bytes are copied), else as a copy. False if there is none.
bool place_bundle(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(from, ec))
        if (e.path().extension() == ".res") {
            const fs::path placed = to / e.path().filename();
            fs::create_hard_link(e.path(), placed, ec);
            return !ec || fs::copy_file(e.path(), placed, fs::copy_options::overwrite_existing, ec);
        }
    return false;
}

// A kept bundle is a cache file (cache/cache_file.h) whose payload is the bundle's file name, a
// newline and the bundle's bytes, made by this genrb of this ICU.
constexpr std::string_view kKeptBundle = "compiled catalog 1";
const std::string& compiler() {
    static const std::string identity = std::string(LOTSE_GENRB) + " " + U_ICU_VERSION;
    return identity;
}

// Puts the bundle kept as `kept` into `to`. ICU trusts a bundle's bytes (a damaged one crashes it),
// so only bytes whose checksum verifies are written there, by this run, for ICU to read. False if
// there is no such bundle or it cannot be written.
bool place_kept_bundle(const fs::path& kept, const fs::path& to) {
    const CacheFile cached = CacheFile::read(kept, kKeptBundle, compiler());
    const std::string_view payload = cached.payload();
    const std::size_t newline = payload.find('\n');
    if (newline == std::string_view::npos) return false;
    const std::string name(payload.substr(0, newline));
    if (name.size() <= 4 || !name.ends_with(".res") || name.front() == '.' || name.find('/') != std::string::npos)
        return false;
    const std::string_view bytes = payload.substr(newline + 1);
    const fs::path placed = to / name;
    {
        std::ofstream out(placed, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (out.flush()) return true;
    }
    std::error_code ec;
    fs::remove(placed, ec);
    return false;
}

// Keeps the bundle genrb compiled into `folder` as `kept`; a cache that cannot be written only
// means compiling again next time.
void keep_bundle(const fs::path& folder, const fs::path& kept) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.path().extension() == ".res") {
            write_cache_file(kept, kKeptBundle, compiler(), e.path().filename().string() + "\n" + whole_file(e.path()));
            return;
        }
}

// Line of the first mention of `key` in a catalog's text, for a diagnostic's position.
int line_of(const std::string& text, const std::string& key) {
    auto at = text.find('"' + key + '"');
    if (at == std::string::npos) at = text.find(key);
    if (at == std::string::npos) return 0;
    return static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
}

}  // namespace

Catalogs::Catalogs(Catalogs&&) noexcept = default;
Catalogs& Catalogs::operator=(Catalogs&&) noexcept = default;
Catalogs::~Catalogs() = default;

// What one load compiles and opens, in the steps Catalogs::load takes. A member of Catalogs, so
// that it may fill the catalogs' private parts.
class Catalogs::Loader {
public:
    Loader(std::map<std::string, fs::path> sources, fs::path work, Diagnostics& diags)
        : sources_(std::move(sources)), work_(std::move(work)), package_(work_.string() + "/"), diags_(diags) {}
    ~Loader() {
        source_bundle_.reset();
        std::error_code ec;
        fs::remove_all(work_, ec);
    }
    Loader(const Loader&) = delete;
    Loader& operator=(const Loader&) = delete;

    // Puts every catalog's compiled bundle into the work folder: a catalog compiled before from the
    // same bytes is taken from `compiled`; the others are compiled, side by side, each into a folder
    // of its own, and kept there for the next run.
    void compile(const fs::path& compiled);
    // The source catalog defines which keys exist.
    void read_source(Catalogs& out);
    // A language's messages: its own along its chain, the others borrowed from the source language.
    void read_language(Catalogs& out, const std::string& language);

private:
    using Runs = std::map<std::string, std::unique_ptr<GenrbRun>>;
    Runs start(const fs::path& compiled, std::map<std::string, fs::path>& kept_as);
    void report(const std::string& shown, const std::string& complaints);
    Bundle open(const std::string& language) const;
    std::shared_ptr<const icu::MessageFormat> compile_message(const std::string& language, const std::string& key,
                                                              const icu::UnicodeString& pattern, const std::string& path);
    static Message borrowed(const UResourceBundle* source, const std::string& key, const std::string& source_language);

    std::map<std::string, fs::path> sources_;  // catalog ("de") -> its file, later folders winning
    std::map<std::string, std::string> texts_;   // catalog -> its text
    std::set<std::string> failed_;               // catalogs that could not be compiled (reported)
    fs::path work_;
    std::string package_;
    std::set<std::string> keys_;
    Bundle source_bundle_;
    Diagnostics& diags_;
};

Catalogs::Loader::Runs Catalogs::Loader::start(const fs::path& compiled, std::map<std::string, fs::path>& kept_as) {
    Runs runs;
    for (const auto& [name, path] : sources_) {
        texts_[name] = whole_file(path);
        // genrb would only say that it found an illegal character, and not where.
        if (!check_utf8(shown_path(path), texts_[name], diags_)) {
            failed_.insert(name);
            continue;
        }
        if (!compiled.empty()) {
            kept_as[name] = compiled / (hex16(hash_of(texts_[name] + "\n" + compiler())) + ".bundle");
            if (place_kept_bundle(kept_as[name], work_)) continue;
        }
        const fs::path own = work_ / ("genrb-" + name);
        std::error_code ec;
        fs::create_directory(own, ec);  // if it fails, genrb says so and the catalog is reported
        runs[name] = std::make_unique<GenrbRun>(path, own);
    }
    return runs;
}

void Catalogs::Loader::compile(const fs::path& compiled) {
    std::map<std::string, fs::path> kept_as;
    Runs runs = start(compiled, kept_as);
    for (const auto& [name, path] : sources_) {
        if (!runs.count(name)) continue;
        const fs::path own = work_ / ("genrb-" + name);
        const std::string complaints = runs.at(name)->complaints();
        if (complaints.empty()) {
            place_bundle(own, work_);
            if (kept_as.count(name)) keep_bundle(own, kept_as[name]);
            continue;
        }
        failed_.insert(name);
        report(shown_path(path), complaints);
    }
}

// At the line genrb names ("de.txt:12: message"), else at the whole file.
void Catalogs::Loader::report(const std::string& shown, const std::string& complaints) {
    std::istringstream lines(complaints);
    std::string line;
    while (std::getline(lines, line)) {
        const auto colon = line.find(':');
        const auto end = colon == std::string::npos ? colon : line.find(": ", colon + 1);
        if (end == std::string::npos || end == colon + 1) continue;
        const std::string number = line.substr(colon + 1, end - colon - 1);
        if (number.find_first_not_of("0123456789") != std::string::npos) continue;
        diags_.error({shown, std::stoi(number), 1}, "this catalog cannot be compiled: " + line.substr(end + 2));
        return;
    }
    diags_.error({shown, 0, 0}, "this catalog cannot be compiled: " + complaints);
}

Bundle Catalogs::Loader::open(const std::string& language) const {
    // Content uses BCP 47 tags (fa-AF); ICU's bundles are named by locale ids (fa_AF).
    UErrorCode status = U_ZERO_ERROR;
    const std::string id = icu::Locale::forLanguageTag(language, status).getName();
    if (U_FAILURE(status) || id.empty()) return nullptr;
    Bundle b(ures_open(package_.c_str(), id.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    // ICU may answer with the default locale's bundle; only the language's own chain counts.
    const char* actual = ures_getLocaleByType(b.get(), ULOC_ACTUAL_LOCALE, &status);
    const std::string found = actual ? actual : "";
    const bool in_chain = found == id || (id.rfind(found, 0) == 0 && id[found.size()] == '_');
    if (found.empty() || (found != "root" && !in_chain)) return nullptr;
    return b;
}

void Catalogs::Loader::read_source(Catalogs& out) {
    if (Bundle src = open(out.source_language_)) {
        UErrorCode status = U_ZERO_ERROR;
        ures_resetIterator(src.get());
        while (ures_hasNext(src.get())) {
            Bundle item(ures_getNextResource(src.get(), nullptr, &status));
            if (U_FAILURE(status)) break;
            if (ures_getType(item.get()) == URES_STRING) keys_.insert(ures_getKey(item.get()));
        }
        out.source_found_ = true;
    } else {
        // Its file (de.txt, or pt.txt for pt-BR) may be there and have been reported as broken.
        UErrorCode status = U_ZERO_ERROR;
        const std::string id = icu::Locale::forLanguageTag(out.source_language_, status).getName();
        out.source_reported_ = std::any_of(failed_.begin(), failed_.end(), [&](const std::string& name) {
            return id == name || id.rfind(name + "_", 0) == 0;
        });
    }
    out.source_keys_.assign(keys_.begin(), keys_.end());
    source_bundle_ = open(out.source_language_);
}

std::shared_ptr<const icu::MessageFormat> Catalogs::Loader::compile_message(const std::string& language,
                                                                            const std::string& key,
                                                                            const icu::UnicodeString& pattern,
                                                                            const std::string& path) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    auto fmt = std::make_shared<icu::MessageFormat>(pattern, icu::Locale(language.c_str()), parse_error, status);
    if (U_FAILURE(status)) {
        diags_.error({path, line_of(texts_[fs::path(path).stem().string()], key), 1},
                     "message \"" + key + "\" is not a valid ICU message: " + u_errorName(status) + " near character " +
                         std::to_string(parse_error.offset + 1) +
                         " (braces must match, e.g. {count, plural, one {# course} other {# courses}})");
        return nullptr;
    }
    return fmt;
}

// A message borrowed from the source language keeps that language's grammar (plural rules).
Catalogs::Message Catalogs::Loader::borrowed(const UResourceBundle* source, const std::string& key,
                                             const std::string& source_language) {
    Message m;
    int32_t len = 0;
    UErrorCode status = U_ZERO_ERROR;
    const UChar* s = ures_getStringByKey(source, key.c_str(), &len, &status);
    if (!s || U_FAILURE(status)) return m;
    if (is_plain(s, len)) {
        m.plain = utf8(icu::UnicodeString(s, len));
        return m;
    }
    UParseError pe{};
    auto fmt = std::make_shared<icu::MessageFormat>(icu::UnicodeString(s, len), icu::Locale(source_language.c_str()), pe, status);
    if (U_SUCCESS(status)) m.format = fmt;
    return m;
}

void Catalogs::Loader::read_language(Catalogs& out, const std::string& language) {
    Language& lang = out.languages_[language];
    Bundle own = open(language);
    if (!own) {
        if (language != out.source_language_) out.uncatalogued_.push_back(language);
    } else {
        UErrorCode status = U_ZERO_ERROR;
        const char* actual = ures_getLocaleByType(own.get(), ULOC_ACTUAL_LOCALE, &status);
        if (actual && sources_.count(actual)) lang.path = shown_path(sources_[actual]);
    }
    for (const std::string& key : keys_) {
        Message m;
        if (own) {
            int32_t len = 0;
            UErrorCode status = U_ZERO_ERROR;
            // Looks along the locale chain (fa_AF -> fa -> root) as ICU does.
            const UChar* s = ures_getStringByKey(own.get(), key.c_str(), &len, &status);
            if (s && U_SUCCESS(status)) {
                m.own = true;
                if (is_plain(s, len)) m.plain = utf8(icu::UnicodeString(s, len));
                else m.format = compile_message(language, key, icu::UnicodeString(s, len), lang.path);
            }
        }
        if (!m.own && source_bundle_) m = borrowed(source_bundle_.get(), key, out.source_language_);
        if (m.format || m.plain) lang.messages.emplace(key, std::move(m));
    }
}

namespace {

// File by file: a later folder's de.txt replaces an earlier one's.
std::map<std::string, fs::path> catalog_files(const std::vector<fs::path>& dirs, Diagnostics& diags) {
    std::map<std::string, fs::path> sources;
    for (const fs::path& dir : dirs)
        for (const SiteFile& f : site_files(dir, dir.parent_path(), &diags))
            if (f.path.extension() == ".txt") sources[f.path.stem().string()] = f.path;
    return sources;
}

// ICU reads a language's chain of bundles (fa_AF, fa, root) from one folder, made for this run in
// the temporary folder: not in the cache, whose disk may be full or read-only.
std::optional<fs::path> work_folder(Diagnostics& diags) {
    std::error_code ec;
    fs::path temp = fs::temp_directory_path(ec);
    if (ec) temp = "/tmp";
    std::string templ = (temp / "lotse-i18n-XXXXXX").string();
    if (!mkdtemp(templ.data())) {
        diags.error({"i18n", 0, 0}, "cannot create a temporary folder to compile the catalogs");
        return std::nullopt;
    }
    return fs::path(templ);
}

}  // namespace

Catalogs Catalogs::load(const std::vector<fs::path>& dirs, const std::vector<std::string>& languages,
                        const std::string& source_language, Diagnostics& diags, const fs::path& compiled) {
    Catalogs out;
    out.source_language_ = source_language;
    std::map<std::string, fs::path> sources = catalog_files(dirs, diags);
    std::optional<fs::path> work = work_folder(diags);
    if (!work) return out;
    Loader loader(std::move(sources), std::move(*work), diags);
    loader.compile(compiled);
    loader.read_source(out);
    std::vector<std::string> wanted = languages;
    if (std::find(wanted.begin(), wanted.end(), source_language) == wanted.end()) wanted.push_back(source_language);
    for (const std::string& language : wanted) loader.read_language(out, language);
    return out;
}

const Catalogs::Message* Catalogs::find(const std::string& language, std::string_view key) const {
    auto lang = languages_.find(language);
    if (lang == languages_.end()) lang = languages_.find(source_language_);
    if (lang == languages_.end()) return nullptr;
    auto it = lang->second.messages.find(key);
    return it == lang->second.messages.end() ? nullptr : &it->second;
}

bool Catalogs::has(const std::string& language, std::string_view key) const { return find(language, key) != nullptr; }

std::string Catalogs::language_of(const std::string& language, std::string_view key) const {
    const Message* m = find(language, key);
    if (!m) return {};
    return m->own && languages_.count(language) ? language : source_language_;
}

bool Catalogs::has_catalog(const std::string& language) const {
    return language == source_language_ ||
           (languages_.count(language) &&
            std::find(uncatalogued_.begin(), uncatalogued_.end(), language) == uncatalogued_.end());
}

std::string Catalogs::format(const std::string& language, std::string_view key, MessageArgs args) const {
    const Message* m = find(language, key);
    if (!m) return std::string(key);
    if (m->plain) return *m->plain;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))));
        if (auto s = std::get_if<std::string>(&value)) values.emplace_back(icu::UnicodeString::fromUTF8(*s));
        else if (auto d = std::get_if<double>(&value)) values.emplace_back(*d);
        else values.emplace_back(static_cast<int64_t>(std::get<long long>(value)));
    }
    icu::UnicodeString result;
    UErrorCode status = U_ZERO_ERROR;
    {
        // Pages are rendered on several threads, and ICU's MessageFormat sets up its number and
        // date formatters on first use inside format(), unguarded: two threads at once made two
        // and lost one. Formatting a message takes microseconds; they take turns.
        static std::mutex formatting;
        std::lock_guard<std::mutex> lock(formatting);
        m->format->format(names.data(), values.data(), static_cast<int32_t>(names.size()), result, status);
    }
    if (U_FAILURE(status)) return std::string(key);
    return utf8(result);
}

const std::vector<std::string>& Catalogs::keys() const { return source_keys_; }

std::vector<Catalogs::Gap> Catalogs::gaps() const {
    std::vector<Gap> out;
    for (const auto& [language, lang] : languages_) {
        if (language == source_language_) continue;
        if (std::find(uncatalogued_.begin(), uncatalogued_.end(), language) != uncatalogued_.end()) continue;
        for (const std::string& key : source_keys_) {
            auto it = lang.messages.find(key);
            if (it == lang.messages.end() || !it->second.own) out.push_back({language, key});
        }
    }
    return out;
}

std::string Catalogs::catalog_path(const std::string& language) const {
    auto it = languages_.find(language);
    return it == languages_.end() ? std::string() : it->second.path;
}

}  // namespace lotse
