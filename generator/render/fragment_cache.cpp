#include "render/fragment_cache.h"

#include <algorithm>
#include <cstring>

#include "common/hash.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kKind = "fragments 3";
// The file is written again when one fragment in this many is new.
constexpr std::size_t kWorthSaving = 64;
constexpr std::size_t kEntry = 4 * sizeof(std::uint64_t);  // an index entry

void put_number(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

// The cache file's identity: the shared hash, so that a file made from other inputs is a miss.
std::string identity(std::uint64_t shared) { return hex16(shared); }

}  // namespace

FragmentCache::FragmentCache(fs::path stem, std::uint64_t shared, const std::vector<std::string>& languages,
                             bool across_builds)
    : shared_(shared), across_builds_(across_builds) {
    if (stem.empty()) return;
    for (const std::string& language : languages) {
        languages_.push_back(std::make_unique<Language>());
        languages_.back()->file = stem.string() + "." + language + ".fragments";
    }
}

FragmentCache::~FragmentCache() = default;

// The cache file's payload (cache/cache_file.h; its identity is the shared hash): the number of
// fragments and the size of all their HTML; then per fragment, by id, its id, fingerprint, and the
// offset and size of its HTML; then the HTML. Numbers are 8 bytes. Nothing is copied: a fragment
// is found by a binary search of the index in the mapped file.
void FragmentCache::load(Language& l) {
    l.cached = CacheFile::read(l.file, kKind, identity(shared_));
    parse(l);
}

void FragmentCache::parse(Language& l) {
    l.index = {};
    l.html = {};
    std::string_view rest = l.cached.payload();
    auto number = [&](std::uint64_t& v) {
        if (rest.size() < sizeof v) return false;
        std::memcpy(&v, rest.data(), sizeof v);
        rest.remove_prefix(sizeof v);
        return true;
    };
    std::uint64_t count = 0, bytes = 0;
    if (!number(count) || !number(bytes)) return;
    if (count > rest.size() / kEntry || rest.size() - count * kEntry != bytes) return;  // cut short or too long
    const std::string_view index = rest.substr(0, count * kEntry), html = rest.substr(count * kEntry);
    // The index must be whole: ids in order, each fragment's HTML right after the one before.
    std::uint64_t previous = 0, next_offset = 0;
    for (std::size_t n = 0; n < count; ++n) {
        std::uint64_t entry[4];
        std::memcpy(entry, index.data() + n * kEntry, kEntry);
        if ((n > 0 && entry[0] <= previous) || entry[2] != next_offset || entry[3] > bytes - next_offset) return;
        previous = entry[0];
        next_offset += entry[3];
    }
    if (next_offset != bytes) return;
    l.index = index;
    l.html = html;
}

FragmentCache::Kept FragmentCache::kept(const Language& l, std::size_t n) {
    std::uint64_t entry[4];
    std::memcpy(entry, l.index.data() + n * kEntry, kEntry);
    return {entry[0], entry[1], l.html.substr(entry[2], entry[3])};
}

std::optional<std::string_view> FragmentCache::find(std::size_t language, std::uint64_t id, std::uint64_t fingerprint) {
    if (language >= languages_.size()) return std::nullopt;
    Language& l = *languages_[language];
    std::call_once(l.loaded, [&] { load(l); });
    std::size_t low = 0, high = l.index.size() / kEntry;
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        std::uint64_t at;
        std::memcpy(&at, l.index.data() + mid * kEntry, sizeof at);
        if (at < id) low = mid + 1;
        else high = mid;
    }
    if (low == l.index.size() / kEntry) return std::nullopt;
    const Kept k = kept(l, low);
    if (k.id != id || k.fingerprint != fingerprint) return std::nullopt;
    return k.html;
}

void FragmentCache::add(std::size_t language, std::vector<Fragment>&& rendered) {
    if (language >= languages_.size() || rendered.empty()) return;
    Language& l = *languages_[language];
    std::lock_guard<std::mutex> lock(l.mutex);
    for (Fragment& f : rendered) l.added[f.id] = std::move(f);
}

void FragmentCache::save(std::size_t language) {
    if (language >= languages_.size()) return;
    Language& l = *languages_[language];
    std::lock_guard<std::mutex> lock(l.mutex);
    if (l.added.empty()) return;
    std::call_once(l.loaded, [&] { load(l); });
    // Writing the file costs about as much as rendering one fragment in fifty: a few fragments
    // rendered anew (a rebuild after an edit) are left to be rendered again next time, until
    // enough are new to be worth it.
    const std::size_t kept_count = l.index.size() / kEntry;
    if (l.added.size() * kWorthSaving <= kept_count) return;
    std::vector<Kept> all;
    all.reserve(kept_count + l.added.size());
    for (std::size_t n = 0; n < kept_count; ++n)
        if (Kept k = kept(l, n); !l.added.contains(k.id)) all.push_back(k);
    for (const auto& [id, f] : l.added) all.push_back({id, f.fingerprint, f.html});
    std::sort(all.begin(), all.end(), [](const Kept& a, const Kept& b) { return a.id < b.id; });
    std::string payload;
    std::uint64_t bytes = 0;
    for (const Kept& k : all) bytes += k.html.size();
    payload.reserve(16 + all.size() * kEntry + bytes);
    put_number(payload, all.size());
    put_number(payload, bytes);
    std::uint64_t offset = 0;
    for (const Kept& k : all) {
        put_number(payload, k.id);
        put_number(payload, k.fingerprint);
        put_number(payload, offset);
        put_number(payload, k.html.size());
        offset += k.html.size();
    }
    for (const Kept& k : all) payload += k.html;
    l.added.clear();
    if (!write_cache_file(l.file, kKind, identity(shared_), payload) || !across_builds_) return;
    // No page of the language asks for fragments while it is saved, and the next build's pages
    // find what was just saved.
    l.cached = CacheFile::read(l.file, kKind, identity(shared_));
    parse(l);
}

}  // namespace lotse
