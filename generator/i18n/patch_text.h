// What the text patchers (text_patch.h) share: how a file ends its lines, a failure at a byte
// offset, and that offset as a line and column an editor shows.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "i18n/text_patch.h"

namespace lotse::patch {

// Thrown inside a patcher and turned into a PatchError where it is called, so that each step
// below can refuse without threading a result through every function.
struct PatchFailure {
    std::size_t offset = 0;  // into the text being patched
    std::string message;
};

// The line end of `text`: that of its first line, "\n" if it has a single line.
std::string_view line_end_of(std::string_view text);

// `text`, written with \n, with `line_end` instead.
std::string with_line_end(std::string_view text, std::string_view line_end);

// `message` at `offset` of `text` (which has no byte order mark): the line and the column in
// characters, both from 1, plus `line_offset` lines.
PatchError error_at(std::string_view text, std::size_t offset, std::string message, int line_offset = 0);

// `text` from 0 to `begin`, `insert`, `text` from `end` on.
std::string spliced(std::string_view text, std::size_t begin, std::size_t end, std::string_view insert);

// "…" around `text`, for names in messages.
std::string in_quotes(std::string_view text);

}  // namespace lotse::patch
