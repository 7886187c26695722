// Writing translations into site files as text: given a file's bytes and the new texts, the new
// bytes, in which only what the new texts need has changed (PRODUCT.md "Command line": comments,
// key order, quoting, a byte order mark and CR LF line ends stay). Pure: no file is read or written.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lotse {

struct TextEdit {
    std::vector<std::string> path;  // {"title"}, {"steps", "2", "text"} (a number is a list index)
    std::string language;           // "ar"
    std::string value;              // the new text (may be multi-line Markdown)
    // false: `path` names a value that is not localised (a date, a number, a phone number); the
    // language is not looked at, and a key missing on the way is added (see patch_yaml).
    bool localised = true;
};

// Why a file cannot be patched, at a line and column (from 1, columns in characters) of the file.
struct PatchError {
    std::string message;
    int line = 0, column = 0;

    bool operator==(const PatchError&) const = default;
};

// A record file (YAML) with each edit's localised text set: the value of an existing language is
// replaced, a missing language is added to the field's map, and a field that is a plain string
// (the source language) becomes a map that keeps the source value's bytes. New values are written
// double-quoted when they are one line, or inside a flow map; else as a literal block (`|`, `|-`,
// `|+`) under their key. A new language's line in a block map goes right after the last language's
// value, before any comment that follows it. A value equal to the file's leaves the text as it is.
// An edit that is not `localised` sets a one-line value: written plain where it was plain and reads
// back the same that way, else double-quoted. If its key is missing, `key: value` is added at the
// end of its map (the file's end for a top-level key), with maps for any keys missing on the way
// written `{key: value}`.
// Errors: the first path that is not in the file, or not localised text, or a value written in a
// way this module does not rewrite (a tag, an anchor, a plain text continued on further lines).
std::variant<std::string, PatchError> patch_yaml(std::string_view text, std::span<const TextEdit> edits,
                                                 std::string_view source_language);

// The translated page file for `title` and `body` (nullopt: keep them as they are), made from the
// existing translation's text if `is_existing`, else from the source page's text. Both keep the
// front matter's bytes but the title's value (menu, weight, comments, any other key) and replace
// the body, which is given with \n line ends and written with the file's.
std::variant<std::string, PatchError> patch_page(std::string_view existing_or_source_text, bool is_existing,
                                                 const std::optional<std::string>& title,
                                                 const std::optional<std::string>& body);

// One message of a catalog source (i18n/<lang>.txt).
struct CatalogEntry {
    std::string key, value;      // value: as genrb reads it, escapes resolved, adjacent strings joined
    int line = 0, column = 0;    // where the value's first string starts (from 1, in characters)
    std::size_t begin = 0, end = 0;  // byte range of the value's string(s), quotes included

    bool operator==(const CatalogEntry&) const = default;
};

// The messages of a catalog source made of one table of strings (`de { "key" { "value" } … }`, with
// `//` and `/* */` comments anywhere); an error for anything else (nested tables, arrays, numbers).
std::variant<std::vector<CatalogEntry>, PatchError> catalog_entries(std::string_view text);

// The catalog with `key` set to `value`: its string replaced in place, or a new line
// `    "key" { "value" }` before the table's closing brace, indented like the entry before it. An
// empty text becomes a new catalog for `language`.
std::variant<std::string, PatchError> patch_catalog(std::string_view text, std::string_view language,
                                                    std::string_view key, std::string_view value);

}  // namespace lotse
