#include "render/fragment_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "lotse fragments 1\n";
// The file is written again when one fragment in this many is new.
constexpr std::size_t kWorthSaving = 64;

void put_number(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

}  // namespace

FragmentCache::FragmentCache(fs::path stem, std::uint64_t shared, const std::vector<std::string>& languages)
    : shared_(shared) {
    if (stem.empty()) return;
    for (const std::string& language : languages) {
        languages_.push_back(std::make_unique<Language>());
        languages_.back()->file = stem.string() + "." + language + ".fragments";
    }
}

FragmentCache::~FragmentCache() {
    for (const auto& l : languages_)
        if (!l->mapped.empty()) ::munmap(const_cast<char*>(l->mapped.data()), l->mapped.size());
}

// The file: magic, the shared hash, the number of fragments, then each fragment's id, fingerprint
// and HTML; numbers are 8 bytes, the HTML its length and its bytes.
void FragmentCache::load(Language& l) {
    const int fd = ::open(l.file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        void* at = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (at != MAP_FAILED) l.mapped = {static_cast<const char*>(at), static_cast<std::size_t>(st.st_size)};
    }
    ::close(fd);
    std::string_view rest = l.mapped;
    auto number = [&](std::uint64_t& v) {
        if (rest.size() < sizeof v) return false;
        std::memcpy(&v, rest.data(), sizeof v);
        rest.remove_prefix(sizeof v);
        return true;
    };
    std::uint64_t shared = 0, count = 0;
    if (!rest.starts_with(kMagic)) return;
    rest.remove_prefix(kMagic.size());
    if (!number(shared) || shared != shared_ || !number(count) || count > rest.size()) return;
    l.kept.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t id = 0, fingerprint = 0, size = 0;
        if (!number(id) || !number(fingerprint) || !number(size) || size > rest.size()) return l.kept.clear();
        l.kept[id] = {fingerprint, rest.substr(0, size)};
        rest.remove_prefix(size);
    }
    if (!rest.empty()) l.kept.clear();
}

std::optional<std::string_view> FragmentCache::find(std::size_t language, std::uint64_t id, std::uint64_t fingerprint) {
    if (language >= languages_.size()) return std::nullopt;
    Language& l = *languages_[language];
    std::call_once(l.loaded, [&] { load(l); });
    auto it = l.kept.find(id);
    if (it == l.kept.end() || it->second.fingerprint != fingerprint) return std::nullopt;
    return it->second.html;
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
    std::call_once(l.loaded, [&] { load(l); });
    // Writing the file costs about as much as rendering one fragment in fifty: a few fragments
    // rendered anew (a rebuild after an edit) are left to be rendered again next time, until
    // enough are new to be worth it.
    if (l.added.empty() || l.added.size() * kWorthSaving <= l.kept.size()) return;
    std::error_code ec;
    fs::create_directories(l.file.parent_path(), ec);
    // Written beside and renamed, so another build never reads half a file.
    const fs::path temp = l.file.string() + "." + std::to_string(::getpid());
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    std::string head(kMagic);
    put_number(head, shared_);
    std::uint64_t count = l.added.size();
    for (const auto& [id, kept] : l.kept) count += !l.added.contains(id);
    put_number(head, count);
    auto write = [&](std::uint64_t id, std::uint64_t fingerprint, std::string_view html) {
        put_number(head, id);
        put_number(head, fingerprint);
        put_number(head, html.size());
        f.write(head.data(), static_cast<std::streamsize>(head.size()));
        f.write(html.data(), static_cast<std::streamsize>(html.size()));
        head.clear();
    };
    for (const auto& [id, kept] : l.kept)
        if (!l.added.contains(id)) write(id, kept.fingerprint, kept.html);
    for (const auto& [id, fragment] : l.added) write(id, fragment.fingerprint, fragment.html);
    f.close();
    l.added.clear();
    if (!f) {
        fs::remove(temp, ec);
        return;
    }
    fs::rename(temp, l.file, ec);
    if (ec) fs::remove(temp, ec);
}

}  // namespace lotse
