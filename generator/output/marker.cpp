#include "output/marker.h"

#include <functional>

#include "common/hash.h"

namespace lotse {

bool plain_relative(std::string_view path) {
    if (path.empty() || path.size() > 4000 || path == kOutputMarker) return false;
    for (std::string_view rest = path; !rest.empty();) {
        const std::size_t end = std::min(rest.find('/'), rest.size());
        const std::string_view part = rest.substr(0, end);
        if (part.empty() || part == "." || part == "..") return false;
        if (std::any_of(part.begin(), part.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
            return false;
        rest.remove_prefix(end);
        if (!rest.empty()) {
            rest.remove_prefix(1);
            if (rest.empty()) return false;  // ends with a slash
        }
    }
    return true;
}

std::string marker_text(const std::vector<std::pair<std::string_view, std::uint64_t>>& files) {
    std::string marker = "This folder is written by Lotse and replaced on every build.\n";
    std::size_t size = marker.size();
    for (const auto& [path, fingerprint] : files) size += 18 + path.size();
    marker.reserve(size);
    for (const auto& [path, fingerprint] : files) {
        append_hex16(marker, fingerprint);
        marker.append(1, ' ').append(path).append(1, '\n');
    }
    return marker;
}

std::uint64_t marker_stamp(const struct stat& st) {
    const std::uint64_t parts[] = {static_cast<std::uint64_t>(st.st_dev),          static_cast<std::uint64_t>(st.st_ino),
                                   static_cast<std::uint64_t>(st.st_size),         static_cast<std::uint64_t>(st.st_mtim.tv_sec),
                                   static_cast<std::uint64_t>(st.st_mtim.tv_nsec), static_cast<std::uint64_t>(st.st_ctim.tv_sec),
                                   static_cast<std::uint64_t>(st.st_ctim.tv_nsec)};
    return std::hash<std::string_view>{}({reinterpret_cast<const char*>(parts), sizeof parts}) | 1;
}

}  // namespace lotse
