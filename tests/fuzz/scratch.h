// Helpers the fuzz targets share: a scratch folder for the files a target hands to Lotse, and
// writing bytes to a file. The folder is removed at exit, but libFuzzer ends a run with a time
// limit without running exit handlers: scripts/fuzz.sh points TMPDIR at a folder it removes.
#pragma once

#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace lotse::fuzz {

// A fresh folder under $TMPDIR (scripts/fuzz.sh points it at a scratch folder of its own).
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        std::string templ = (std::filesystem::temp_directory_path() / "lotse-fuzz-XXXXXX").string();
        std::filesystem::path made = mkdtemp(templ.data());
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratch(), ec);
        });
        return made;
    }();
    return dir;
}

inline void write(const std::filesystem::path& p, std::string_view bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The first byte picks one of `n` variants ('0' the first, '1' the second, …, so that seed files
// stay readable); the rest is the input.
inline std::size_t pick(std::string_view& bytes, std::size_t n) {
    if (bytes.empty()) return 0;
    const std::size_t which = static_cast<unsigned char>(bytes.front() - '0') % n;
    bytes.remove_prefix(1);
    return which;
}

}  // namespace lotse::fuzz
