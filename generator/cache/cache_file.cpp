#include "cache/cache_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "lotse cache 1\n";

constexpr std::uint64_t kP1 = 0x9E3779B185EBCA87ULL, kP2 = 0xC2B2AE3D27D4EB4FULL, kP3 = 0x165667B19E3779F9ULL,
                        kP4 = 0x85EBCA77C2B2AE63ULL, kP5 = 0x27D4EB2F165667C5ULL;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
std::uint64_t load64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
std::uint32_t load32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
std::uint64_t xxh_round(std::uint64_t acc, std::uint64_t input) { return rotl(acc + input * kP2, 31) * kP1; }
std::uint64_t merge(std::uint64_t h, std::uint64_t acc) { return (h ^ xxh_round(0, acc)) * kP1 + kP4; }

void put_number(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_text(std::string& out, std::string_view s) {
    put_number(out, s.size());
    out += s;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

// The reference algorithm (github.com/Cyan4973/xxHash, doc/xxhash_spec.md), reading words in the
// machine's byte order: a cache file is read only on the machine that wrote it.
std::uint64_t checksum(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* const end = p + bytes.size();
    std::uint64_t h;
    if (bytes.size() >= 32) {
        std::uint64_t v1 = kP1 + kP2, v2 = kP2, v3 = 0, v4 = 0 - kP1;
        for (; end - p >= 32; p += 32) {
            v1 = xxh_round(v1, load64(p));
            v2 = xxh_round(v2, load64(p + 8));
            v3 = xxh_round(v3, load64(p + 16));
            v4 = xxh_round(v4, load64(p + 24));
        }
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = merge(merge(merge(merge(h, v1), v2), v3), v4);
    } else {
        h = kP5;
    }
    h += bytes.size();
    for (; end - p >= 8; p += 8) h = rotl(h ^ xxh_round(0, load64(p)), 27) * kP1 + kP4;
    if (end - p >= 4) {
        h = rotl(h ^ (std::uint64_t{load32(p)} * kP1), 23) * kP2 + kP3;
        p += 4;
    }
    for (; p < end; ++p) h = rotl(h ^ (*p * kP5), 11) * kP1;
    h ^= h >> 33;
    h *= kP2;
    h ^= h >> 29;
    h *= kP3;
    return h ^ (h >> 32);
}

bool write_cache_file(const fs::path& file, std::string_view kind, std::string_view identity, std::string_view payload) {
    std::string head(kMagic);
    put_text(head, kind);
    put_text(head, identity);
    put_number(head, payload.size());
    put_number(head, checksum(payload));
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    // A name no other writer uses, not even another thread of this run or a build at the same time.
    static std::atomic<unsigned> counter{0};
    const fs::path temp = file.string() + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    const bool written = write_all(fd, head) && write_all(fd, payload);
    if (::close(fd) != 0 || !written || ::rename(temp.c_str(), file.c_str()) != 0) {
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

// Mapped, not read: a large file's pages come straight from the page cache, and every page is
// mapped in one call (MADV_POPULATE_READ, Linux 5.14; an older kernel refuses it and nothing
// changes) instead of faulting them in one by one while the checksum reads them.
CacheFile CacheFile::read(const fs::path& file, std::string_view kind, std::string_view identity) {
    CacheFile out;
    // O_NONBLOCK: a pipe put in the file's place does not stop the build.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return out;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        ::close(fd);
        return out;
    }
    void* at = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (at == MAP_FAILED) return out;
    out.mapped_ = at;
    out.size_ = static_cast<std::size_t>(st.st_size);
    ::madvise(at, out.size_, MADV_POPULATE_READ);

    std::string_view rest(static_cast<const char*>(at), out.size_);
    auto number = [&](std::uint64_t& v) {
        if (rest.size() < sizeof v) return false;
        std::memcpy(&v, rest.data(), sizeof v);
        rest.remove_prefix(sizeof v);
        return true;
    };
    auto text_is = [&](std::string_view expected) {
        std::uint64_t n = 0;
        if (!number(n) || n != expected.size() || rest.substr(0, n) != expected) return false;
        rest.remove_prefix(n);
        return true;
    };
    std::uint64_t length = 0, sum = 0;
    if (!rest.starts_with(kMagic)) return out;
    rest.remove_prefix(kMagic.size());
    if (!text_is(kind) || !text_is(identity) || !number(length) || !number(sum)) return out;
    if (length != rest.size() || checksum(rest) != sum) return out;
    out.payload_ = rest;
    out.found_ = true;
    return out;
}

CacheFile::CacheFile(CacheFile&& other) noexcept
    : mapped_(std::exchange(other.mapped_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      payload_(std::exchange(other.payload_, {})),
      found_(std::exchange(other.found_, false)) {}

CacheFile& CacheFile::operator=(CacheFile&& other) noexcept {
    if (this != &other) {
        if (mapped_) ::munmap(mapped_, size_);
        mapped_ = std::exchange(other.mapped_, nullptr);
        size_ = std::exchange(other.size_, 0);
        payload_ = std::exchange(other.payload_, {});
        found_ = std::exchange(other.found_, false);
    }
    return *this;
}

CacheFile::~CacheFile() {
    if (mapped_) ::munmap(mapped_, size_);
}

}  // namespace lotse
