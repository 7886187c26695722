// One file of Lotse's cache (records, fragments, templates, compiled catalogs): written whole or
// not at all, and read only if its bytes are the ones that were written. A cache file that is
// missing, damaged, from another Lotse or cannot be written is a miss, never an error.
//   A file: the line "lotse cache 1", then the kind of the file, the identity of what made it, the
//   payload's length and a checksum of the payload (strings as their length and bytes, numbers as
//   8 bytes), then the payload.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace lotse {

// XXH64 (seed 0) of `bytes`: several GB/s, so every byte read from the cache is checked.
std::uint64_t checksum(std::string_view bytes);

// Writes `payload` as the cache file `file`: into a temporary file of its own beside it, renamed
// into place, so that a reader (another build at the same time too) finds the whole new file or
// the previous one. `kind` names what the payload holds and its layout ("records 2"); `identity`
// names what made it (this Lotse, its inputs). False if it could not be written (no folder, read
// only, disk full); then nothing is left behind.
bool write_cache_file(const std::filesystem::path& file, std::string_view kind, std::string_view identity,
                      std::string_view payload);

// A cache file mapped read-only, found only if it is a regular file of this kind and identity whose
// payload has the length and checksum its header gives. Move-only; the payload lives as long as it.
class CacheFile {
public:
    CacheFile() = default;
    static CacheFile read(const std::filesystem::path& file, std::string_view kind, std::string_view identity);
    CacheFile(CacheFile&& other) noexcept;
    CacheFile& operator=(CacheFile&& other) noexcept;
    ~CacheFile();

    bool found() const { return found_; }
    // Empty if not found.
    std::string_view payload() const { return payload_; }

private:
    void* mapped_ = nullptr;
    std::size_t size_ = 0;
    std::string_view payload_;
    bool found_ = false;
};

}  // namespace lotse
