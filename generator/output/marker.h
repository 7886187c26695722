// The output's marker (.lotse-output) marks a folder as Lotse's own output, safe to replace. After
// a first line that says what the file is, it lists every file of the last build as
// "<16 hex digits of its fingerprint> <path>" (fingerprint 0: render anew); each path is a plain
// relative path inside the output, or the marker is not Lotse's. A rebuild keeps a file whose
// fingerprint is unchanged, and touches nothing the marker does not list.
#pragma once

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse {

inline constexpr const char* kOutputMarker = ".lotse-output";

// A path as a marker may list it: relative, inside the output, through plain names only.
bool plain_relative(std::string_view path);

// The first entry of a marker that is not a fingerprint and a plain relative path: where it is
// (line and column, from 1) and the path it names.
struct MarkerProblem {
    int line = 0, column = 0;
    std::string_view path;
};

// Calls entry(path, fingerprint) for each entry of the marker `text` (the paths point into it);
// stops at the first bad entry and returns it.
template <typename Entry>
std::optional<MarkerProblem> read_marker(std::string_view text, Entry entry) {
    std::string_view rest = text;
    for (int line = 1; !rest.empty(); ++line) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        const std::string_view row = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line == 1) continue;  // what the file is
        std::uint64_t fingerprint = 0;
        const bool numbered = row.size() > 17 && row[16] == ' ' &&
                              std::from_chars(row.data(), row.data() + 16, fingerprint, 16).ptr == row.data() + 16;
        const std::string_view path = numbered ? row.substr(17) : row;
        if (!numbered || !plain_relative(path)) return MarkerProblem{line, numbered ? 18 : 1, path};
        entry(path, fingerprint);
    }
    return std::nullopt;
}

// The marker of a build that wrote `files` ((path, fingerprint), sorted by path).
std::string marker_text(const std::vector<std::pair<std::string_view, std::uint64_t>>& files);

// What the marker is and when it last changed, as one number: it differs for another build's
// marker. Never 0.
std::uint64_t marker_stamp(const struct stat& st);

}  // namespace lotse
