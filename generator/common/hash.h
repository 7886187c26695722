// The one way Lotse combines hashes and writes them down. Cache keys, file names in the cache and
// rebuild fingerprints are all made with these, so a value computed in one module and compared in
// another is computed the same way. Not for security: std::hash is fast, not collision-proof.
#pragma once

#include <charconv>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace lotse {

// The hash of some bytes (std::hash, which gives a std::string and a std::string_view of the same
// bytes the same value).
inline std::uint64_t hash_of(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

// `h` with `v` mixed in (boost's hash_combine, with the 64-bit golden ratio): the order of the
// values mixed in matters.
constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }
inline std::uint64_t mix(std::uint64_t h, std::string_view s) { return mix(h, hash_of(s)); }

// `v` as 16 lowercase hexadecimal digits, leading zeros included ("%016llx").
inline void append_hex16(std::string& out, std::uint64_t v) {
    char digits[16];
    const auto end = std::to_chars(digits, digits + 16, v, 16).ptr;
    out.append(16 - static_cast<std::size_t>(end - digits), '0').append(digits, end);
}
inline std::string hex16(std::uint64_t v) {
    std::string out;
    append_hex16(out, v);
    return out;
}

}  // namespace lotse
