#include "render/templates.h"

#include <charconv>
#include <set>
#include <string_view>

#include "cache/cache_file.h"
#include "common/hash.h"
#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/encoding.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// Partials are pasted into the templates once, when they are loaded, instead of being parsed
// again at every use while rendering ({{>partials/card}} inside a list of a thousand cards).
std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials, int depth,
                            std::string& problem) {
    if (depth > 8) {
        problem = "partials include each other without end";
        return text;
    }
    std::string out;
    std::size_t at = 0;
    for (std::size_t open; (open = text.find("{{>", at)) != std::string::npos;) {
        const std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        out += text.substr(at, open - at);
        auto it = partials.find(name);
        if (it == partials.end()) {
            problem = "the partial \"" + name + "\" does not exist (templates/" + name + ".mustache)";
            return text;
        }
        out += inline_partials(it->second, partials, depth + 1, problem);
        at = close + 2;
    }
    return out + text.substr(at);
}

// The kinds of file a page includes or links as text; other assets (images, fonts) are bytes.
bool is_text(const fs::path& p) {
    static const std::set<std::string> kText = {".mustache", ".css", ".js", ".mjs", ".svg", ".html", ".txt", ".json", ".xml"};
    return kText.count(p.extension().string()) > 0;
}

constexpr std::string_view kKind = "checked templates 2";

// The hashes of the templates `file` lists as checked by a Lotse named `key`; none if the file is
// missing, damaged or from another Lotse (cache/cache_file.h checks every byte of it).
std::set<std::uint64_t> read_checked(const fs::path& file, const std::string& key) {
    std::set<std::uint64_t> out;
    if (file.empty()) return out;
    const CacheFile cached = CacheFile::read(file, kKind, key);
    std::string_view rest = cached.payload();
    for (std::size_t end; (end = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(end + 1)) {
        std::uint64_t h = 0;
        if (end == 16 && std::from_chars(rest.data(), rest.data() + 16, h, 16).ptr == rest.data() + 16) out.insert(h);
    }
    return out;
}

// One hash a line, in hexadecimal.
void write_checked(const fs::path& file, const std::string& key, const std::set<std::uint64_t>& hashes) {
    std::string text;
    for (std::uint64_t h : hashes) {
        append_hex16(text, h);
        text += '\n';
    }
    write_cache_file(file, kKind, key, text);
}

}  // namespace

Templates Templates::load(const std::vector<fs::path>& dirs, Diagnostics& diags, const fs::path& checked,
                          const std::string& key) {
    // name -> file, later folders winning.
    std::map<std::string, fs::path> files;
    for (const fs::path& dir : dirs)
        for (SiteFile& f : site_files(dir, dir.parent_path(), &diags, true)) files[f.name] = std::move(f.path);
    Templates out;
    std::map<std::string, std::pair<std::string, fs::path>> sources;  // name -> text, file
    for (const auto& [rel, path] : files) {
        std::string text = whole_file(path);
        const fs::path r(rel);
        if (is_text(r)) check_utf8(shown_path(path), text, diags);
        if (r.extension() != ".mustache") {
            out.assets_[rel] = std::move(text);
            continue;
        }
        // A byte order mark is no part of the markup: left in, it would sit inside every page.
        text.erase(0, text.size() - without_bom(text).size());
        const std::string name = r.parent_path().empty() ? r.stem().string() : (r.parent_path() / r.stem()).generic_string();
        if (name.rfind("partials/", 0) == 0) {
            // A file's final newline would end up inside inline markup.
            while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
            out.partials_[name] = text;
        }
        // Partials are also templates of their own: cards and course rows are rendered once and
        // reused on every page that lists them.
        sources[name] = {std::move(text), path};
    }
    // Compiling every template would cost much of a small site's rebuild, which needs only a few.
    const std::set<std::uint64_t> known = read_checked(checked, key);
    std::set<std::uint64_t> now;  // the hashes of this run's templates that compile
    for (auto& [name, source] : sources) {
        auto& [text, path] = source;
        const std::string shown = shown_path(path);
        std::string problem;
        const std::string expanded = inline_partials(text, out.partials_, 0, problem);
        if (!problem.empty()) {
            diags.error({shown, 0, 0}, "this template cannot be used: " + problem);
            continue;
        }
        const std::uint64_t hash = hash_of(key + '\0' + name + '\0' + expanded);
        if (known.count(hash)) {
            now.insert(hash);
            out.sources_[name] = expanded;
            continue;
        }
        auto compiled = std::make_unique<kainjow::mustache::mustache>(expanded);
        if (!compiled->is_valid()) {
            diags.error({shown, 0, 0}, "this template cannot be used: " + compiled->error_message());
            continue;
        }
        now.insert(hash);
        out.sources_[name] = expanded;
        out.templates_[name] = std::move(compiled);
    }
    if (!checked.empty() && now != known) write_checked(checked, key, now);
    return out;
}

std::unique_ptr<kainjow::mustache::mustache> Templates::take(const std::string& name) const {
    std::lock_guard<std::mutex> lock(*taking_);
    auto it = templates_.find(name);
    return it == templates_.end() ? nullptr : std::move(it->second);
}

}  // namespace lotse
