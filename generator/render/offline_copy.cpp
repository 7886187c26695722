#include "render/offline_copy.h"

#include <nlohmann/json.hpp>

#include "common/hash.h"
#include "i18n/locale_format.h"
#include "site/routes.h"

namespace lotse {

namespace {

bool in_copy_of(std::string_view language, std::string_view path) {
    if (path.starts_with(std::string(routes::kAssets) + "/")) return true;
    if (!path.starts_with(language) || path.size() <= language.size() || path[language.size()] != '/') return false;
    path.remove_prefix(language.size() + 1);
    // The search is the entry and the shards and chunks it loads, all beside it.
    return path.ends_with(".html") || (path.starts_with("search/") && path.ends_with(".json"));
}

// A file's address as the worker fetches it: relative to the language folder, its scope.
std::string from_language_folder(std::string_view language, std::string_view path) {
    if (path.starts_with(language) && path.size() > language.size() && path[language.size()] == '/')
        return std::string(path.substr(language.size() + 1));
    return "../" + std::string(path);
}

void replace_all(std::string& text, std::string_view what, const std::string& with) {
    for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += with.size()) text.replace(at, what.size(), with);
}

}  // namespace

bool OfflineCopies::always_rendered(std::string_view path) const {
    for (const std::string& lang : languages_)
        if (path == lang + "/" + std::string(routes::kHome)) return true;
    return false;
}

void OfflineCopies::note(std::string_view path, std::uint64_t hash, std::uint64_t size) {
    std::lock_guard lock(mutex_);
    files_.insert_or_assign(std::string(path), Entry{hash, size});
}

void OfflineCopies::kept(std::string_view path, std::uint64_t fingerprint, std::uint64_t size) {
    // A file is kept only when its fingerprint is the one its bytes were made from: the same
    // fingerprint stands for the same bytes, rendered or kept.
    note(path, fingerprint, size);
}

std::optional<OutputFile> OfflineCopies::take(OutputFile&& file) {
    if (always_rendered(file.path)) {
        const std::string lang = file.path.substr(0, file.path.find('/'));
        std::lock_guard lock(mutex_);
        held_.insert_or_assign(lang, std::move(file));
        return std::nullopt;
    }
    note(file.path, file.fingerprint ? file.fingerprint : hash_of(file.bytes), file.bytes.size());
    return std::move(file);
}

std::vector<OutputFile> OfflineCopies::held(const std::map<std::string, std::string>& sizes) {
    std::lock_guard lock(mutex_);
    std::vector<OutputFile> out;
    for (const auto& [lang, home] : held_) {
        OutputFile& early = out.emplace_back(home);
        const auto size = sizes.find(lang);
        replace_all(early.bytes, kOfflineSizePlaceholder, size != sizes.end() ? size->second : "");
    }
    return out;
}

std::vector<OutputFile> OfflineCopies::finish(Diagnostics& diags) {
    std::vector<OutputFile> out;
    const auto worker_template = templates_.sources().find("offline_worker");
    if (worker_template == templates_.sources().end()) {
        diags.error({"templates/offline_worker.mustache", 0, 0}, "the offline copy's service worker template is missing");
        for (auto& [lang, home] : held_) out.push_back(std::move(home));
        return out;
    }
    kainjow::mustache::mustache worker(worker_template->second);
    for (const std::string& lang : languages_) {
        auto home = held_.find(lang);
        if (home == held_.end()) continue;
        std::uint64_t others = 0;
        for (const auto& [path, entry] : files_)
            if (in_copy_of(lang, path)) others += entry.size;
        // The size includes the home page with the size text in it: the text's own length is
        // guessed from the size without it, which two significant digits make a close guess.
        std::string& page = home->second.bytes;
        std::size_t places = 0;
        for (std::size_t at = 0; (at = page.find(kOfflineSizePlaceholder, at)) != std::string::npos; at += kOfflineSizePlaceholder.size()) ++places;
        const std::uint64_t without = others + page.size() - places * kOfflineSizePlaceholder.size();
        const LocaleFormat fmt(lang);
        const std::string guess = fmt.data_size(without);
        const std::string& size = sizes_[lang] = fmt.data_size(without + places * guess.size());
        replace_all(page, kOfflineSizePlaceholder, size);
        files_.insert_or_assign(home->second.path, Entry{hash_of(home->second.bytes), home->second.bytes.size()});
        std::uint64_t version = hash_of(lang), total = 0;
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [path, entry] : files_) {
            if (!in_copy_of(lang, path)) continue;
            version = mix(mix(version, std::string_view(path)), entry.hash);
            total += entry.size;
            list.push_back(from_language_folder(lang, path));
        }
        const nlohmann::json manifest = {{"language", lang}, {"version", hex16(version)}, {"bytes", total}, {"files", list}};
        out.push_back({lang + "/" + std::string(routes::kOfflineManifest), manifest.dump(1) + "\n"});
        kainjow::mustache::data data;
        data.set("version", hex16(version));
        out.push_back({lang + "/" + std::string(routes::kOfflineWorker), worker.render(data)});
        out.push_back(std::move(home->second));
    }
    return out;
}

}  // namespace lotse
