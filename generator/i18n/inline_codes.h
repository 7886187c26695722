// A text cut into what a translator translates and what they must leave as it is: the syntax of
// Markdown links and ICU placeholders becomes the inline codes of an XLIFF unit, so that a
// translation tool shows them as tags that cannot be mistyped.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "i18n/texts.h"  // TextSyntax: how a text is read (plain, CommonMark, an ICU pattern)

namespace lotse {

// One piece of a text: translatable text, or the original characters of an inline code. A
// paired code (a link: "[" … "](ref:contact/mbe)") has an `open` and a `close` piece with the
// same `code`; a `placeholder` stands alone ("<https://…>", "{count}", "#"). Codes count from 1
// within a text, in the order they start.
struct Piece {
    enum class Kind { text, open, close, placeholder };
    Kind kind = Kind::text;
    std::string text;
    int code = 0;
    bool image = false;  // an open piece that starts an image ("![")

    bool operator==(const Piece&) const = default;
};

// The pieces of `text`; joined again they give `text` back byte for byte. Plain text is one
// piece. Markdown: inline links and images (`[text](destination "title")`) become a pair around
// their text, autolinks (`<https://…>`, `<name@example.org>`) a placeholder. Reference-style
// links stay text: their destination lives in a definition elsewhere, and the import compares
// every destination anyway (link_targets). ICU: simple arguments (`{name}`, `{n, number}`) and
// `#` inside plural become placeholders; plural and select stay text, so that a translator can
// write the categories their language needs.
std::vector<Piece> pieces(std::string_view text, TextSyntax syntax);

std::string joined(const std::vector<Piece>& pieces);

// `target`'s pieces with each code numbered as the code of `source` that has the same
// characters, so that a translation's link keeps its link's id wherever the translator moved
// it. A code the source does not have becomes text. Each code of the source is used once, or
// as often as the target has it if `repeats` (ICU: a language with more plural forms repeats
// "#" and the arguments).
std::vector<Piece> numbered_as(const std::vector<Piece>& source, std::vector<Piece> target, bool repeats);

// Every link and image destination of a Markdown text, as CommonMark reads it, sorted: a
// translation must link to the same places as its source.
std::vector<std::string> link_targets(std::string_view markdown);

// The argument names of an ICU message pattern ("count", "0"), or the reason ICU cannot parse
// it ("U_UNMATCHED_BRACES near character 12").
std::variant<std::set<std::string>, std::string> icu_arguments(std::string_view pattern);

}  // namespace lotse
