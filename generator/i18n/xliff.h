// XLIFF, the file format translation tools and agencies exchange: the texts of one language
// written out for translators (`lotse i18n export`) and their translations read back
// (`lotse i18n import`). Text in, text out: this module reads no files and knows no site.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/diagnostics.h"
#include "i18n/inline_codes.h"

namespace lotse {

struct XliffUnit {
    std::string id;  // "offer/kita-sprechstunde/title", "page/imprint/body", "catalog/nav.courses"
    std::string note;  // for the translator: the kind of record and where the text appears
    TextSyntax syntax = TextSyntax::plain;
    std::string source;                 // the current source-language text
    std::optional<std::string> target;  // the translation, if there is one
    // An outdated translation: the source text it was made from and the translation itself,
    // offered to the translator as a candidate (2.1: <mtc:matches>, 1.2: <alt-trans>).
    std::optional<std::string> previous_source, previous_target;
    SourcePos pos;         // read_xliff: where the unit starts, for messages about it
    SourcePos target_pos;  // read_xliff: where its (first) <target> starts

    bool operator==(const XliffUnit&) const = default;
};

struct XliffFile {
    std::string original;  // names the site the texts come from; written and read back as it is
    std::string source_language, target_language;
    std::vector<XliffUnit> units;
    SourcePos pos;  // read_xliff: where the <file> element starts, for messages about site or language

    bool operator==(const XliffFile&) const = default;
};

enum class XliffVersion { v2_1, v1_2 };

// A whole XLIFF document in UTF-8. Unit ids must be unique; XLIFF 2.1 ids are XML name tokens,
// which cannot hold "/", so a 2.1 unit carries Lotse's id in `name` and a token derived from it
// in `id`; 1.2 ids are free strings and carry it in `id` and `resname` both.
std::string write_xliff(const XliffFile& file, XliffVersion version);

// Reads XLIFF 2.x or 1.2 (the version is read from the file). A target is rebuilt as plain text:
// its text plus the original characters of each inline code, taken by the code's id from the
// SOURCE of the same unit, so that no tool and no translator can change a link target or a
// placeholder through a code. Reports, at file:line:column, every problem in one run:
// malformed XML, a root that is not <xliff>, missing languages, unit ids missing or twice,
// codes a target invents, drops or repeats, changed Markdown link targets, and ICU targets
// that do not parse or whose arguments differ from the source's. A unit with such an error
// comes back without a target. Returns nullopt if the file cannot be used at all.
std::optional<XliffFile> read_xliff(const FilePath& path, std::string_view text, Diagnostics& diags);

}  // namespace lotse
