// Cards, course rows and A–Z entries rendered by an earlier build, one file per language, so that
// a rebuild renders a list page from the fragments of the records that did not change instead of
// rendering every card on it again. A fragment is used only if it was made from the same inputs:
// the same record as the language shows it, with its provider (its fingerprint), and the same
// everything else (the shared hash: Lotse, templates, catalogs, settings, date, published records).
// A missing, damaged or outdated file is simply empty (cache/cache_file.h checks every byte of it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cache/cache_file.h"

namespace lotse {

struct Fragment {
    std::uint64_t id = 0;           // which record, partial and page depth
    std::uint64_t fingerprint = 0;  // what it was made from
    std::string html;
};

class FragmentCache {
public:
    FragmentCache() = default;  // no cache: nothing is found, nothing is saved
    // The files are `stem`.<language>.fragments. `across_builds`: the cache serves more than one
    // build (the preview's rebuilds), so what a language's file is saved with is found afterwards.
    FragmentCache(std::filesystem::path stem, std::uint64_t shared, const std::vector<std::string>& languages,
                  bool across_builds = false);
    ~FragmentCache();
    FragmentCache(const FragmentCache&) = delete;
    FragmentCache& operator=(const FragmentCache&) = delete;

    bool enabled() const { return !languages_.empty(); }
    // Fragment `id` of language number `language`, if one made from `fingerprint` was kept. The
    // first call for a language reads its file. Thread-safe.
    std::optional<std::string_view> find(std::size_t language, std::uint64_t id, std::uint64_t fingerprint);
    // Fragments just rendered, to keep for the next build. Thread-safe.
    void add(std::size_t language, std::vector<Fragment>&& rendered);
    // Every page of the language is done: its file is written again if enough fragments were
    // added (at least one for every 64 it had). A file that cannot be written is no error (the
    // next build renders them again). Thread-safe.
    void save(std::size_t language);

private:
    struct Language {
        std::filesystem::path file;
        std::once_flag loaded;
        CacheFile cached;
        std::string_view index;  // into `cached`: per fragment its id, fingerprint, offset and size, by id
        std::string_view html;   // into `cached`: the fragments' HTML, one after another
        std::mutex mutex;  // for `added`
        std::unordered_map<std::uint64_t, Fragment> added;
    };
    void load(Language& l);
    // Takes the index and HTML from `l.cached`; both empty if it does not hold a whole index.
    static void parse(Language& l);
    // The kept fragment number `n` of the language's index.
    struct Kept {
        std::uint64_t id = 0, fingerprint = 0;
        std::string_view html;
    };
    static Kept kept(const Language& l, std::size_t n);

    std::uint64_t shared_ = 0;
    bool across_builds_ = false;
    std::vector<std::unique_ptr<Language>> languages_;
};

}  // namespace lotse
