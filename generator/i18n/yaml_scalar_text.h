// A YAML scalar's bytes in a file, and a value written as bytes that yaml-cpp reads back exactly.
// yaml-cpp marks only where a node starts; where it ends is found here by scanning according to
// its style, which is all the YAML this module reads itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lotse::patch {

enum class ScalarStyle { plain, single_quoted, double_quoted, block };

struct ScalarBytes {
    ScalarStyle style = ScalarStyle::plain;
    // The scalar from its first byte (a quote, `|`, `>`) to its last; a block scalar's bytes end
    // with its last content line, or with its trailing blank lines if it keeps them (`|+`), the
    // last line break excluded either way.
    std::size_t begin = 0, end = 0;
    // What follows the scalar, or a block scalar's header, on its line: spaces and a comment.
    std::size_t after_begin = 0, after_end = 0;

    // Where a rewrite in block context ends: with the comment after it, or the block's content.
    std::size_t rewrite_end() const { return style == ScalarStyle::block ? end : after_end; }
};

// The bytes of the scalar whose yaml-cpp mark is at `pos` and whose value is `value`; `indent` is
// the column of its key (a block scalar's content is indented further), `flow` says whether it
// stands in a flow collection. Throws PatchFailure for a tag, an anchor or an alias, and for a
// plain scalar continued on another line.
ScalarBytes scalar_bytes(std::string_view text, std::size_t pos, int indent, bool flow, std::string_view value);

// `value` as a double-quoted scalar, on one line: line breaks, tabs, control characters and the
// characters YAML 1.1 takes as line breaks are escaped.
std::string double_quoted(std::string_view value);

// Whether `value` is written as a literal block: text on several lines with nothing a block
// cannot hold (control characters other than tab, CR, YAML 1.1's line breaks).
bool as_literal_block(std::string_view value);

struct LiteralBlock {
    std::string header;  // `|`, `|-` or `|+`, with `2` before if the text starts with a space
    std::string body;    // each line after a line break, indented; empty lines without spaces
    bool keeps_blank_lines = false;  // `|+`: blank lines that follow it in the file become its text
};
// `value` as a literal block under a key at column `indent`; a line break must follow `body`.
LiteralBlock literal_block(std::string_view value, int indent, std::string_view line_end);

// The end of the blank lines (spaces only) after the line break at `pos`: where the line break
// that ends the last of them starts; `pos` if none follows.
std::size_t end_of_blank_lines(std::string_view text, std::size_t pos);

}  // namespace lotse::patch
