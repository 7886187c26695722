#include "content/encoding.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

namespace lotse {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Where a text stops being UTF-8, and how much of it is.
struct Scan {
    std::size_t first_bad = std::string_view::npos;  // byte offset
    std::size_t line_start = 0;                      // of the line holding it
    int line = 1;
    int column = 1;
    std::size_t bad = 0;             // ill-formed sequences
    std::size_t valid_non_ascii = 0;  // well-formed characters beyond ASCII
};

Scan scan(std::string_view text) {
    Scan out;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::int64_t length = static_cast<std::int64_t>(text.size());
    std::int64_t line_start = 0;
    int line = 1, column = 1;
    for (std::int64_t i = 0; i < length;) {
        const std::int64_t at = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            if (out.bad++ == 0) {
                out.first_bad = static_cast<std::size_t>(at);
                out.line_start = static_cast<std::size_t>(line_start);
                out.line = line;
                out.column = column;
            }
        } else if (c >= 0x80) {
            ++out.valid_non_ascii;
        }
        if (c == '\n') {
            ++line;
            column = 1;
            line_start = i;
        } else {
            ++column;
        }
    }
    return out;
}

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// ICU's name of the encoding `text` most likely is in; "" if it cannot tell.
std::string detect(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return "";
    ucsdet_setText(detector.get(), text.data(), static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX)),
                   &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || !match) return "";
    const char* name = ucsdet_getName(match, &status);
    return U_SUCCESS(status) && name ? name : "";
}

// The character that starts at `bytes` when read in `encoding`, as UTF-8; "" if it is none a
// reader would recognise (a control character, a byte order mark).
std::string character_in(const std::string& encoding, std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status)) return "";
    const char* source = bytes.data();
    const UChar32 c = ucnv_getNextUChar(converter.get(), &source, bytes.data() + bytes.size(), &status);
    if (U_FAILURE(status) || !u_isgraph(c)) return "";
    char utf8[U8_MAX_LENGTH];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(utf8, n, U8_MAX_LENGTH, c, error);
    return error ? "" : std::string(utf8, static_cast<std::size_t>(n));
}

// How a coordinator knows an encoding: the name their editor's "Save as" shows, and what it is for.
std::string described(const std::string& icu_name) {
    struct Known {
        std::string_view icu, shown;
    };
    // ICU says ISO-8859-1 for text without the bytes where Windows-1252 differs from it; Windows
    // editors call both Windows-1252 (or "ANSI").
    static constexpr Known kKnown[] = {
        {"ISO-8859-1", "Windows-1252 (Western European, \"ANSI\" on German Windows)"},
        {"windows-1252", "Windows-1252 (Western European, \"ANSI\" on German Windows)"},
        {"ISO-8859-2", "ISO-8859-2 (Central European)"},
        {"windows-1250", "Windows-1250 (Central European)"},
        {"ISO-8859-5", "ISO-8859-5 (Cyrillic)"},
        {"windows-1251", "Windows-1251 (Cyrillic)"},
        {"KOI8-R", "KOI8-R (Cyrillic)"},
        {"ISO-8859-6", "ISO-8859-6 (Arabic)"},
        {"windows-1256", "Windows-1256 (Arabic)"},
        {"ISO-8859-9", "ISO-8859-9 (Turkish)"},
        {"windows-1254", "Windows-1254 (Turkish)"},
        {"UTF-16LE", "UTF-16 (which Notepad calls \"Unicode\")"},
        {"UTF-16BE", "UTF-16 (which Notepad calls \"Unicode big endian\")"},
    };
    for (const Known& k : kKnown)
        if (k.icu == icu_name) return std::string(k.shown);
    return icu_name;
}

constexpr std::string_view kSaveAsUtf8 =
    "Save it as UTF-8: in Notepad, choose File > Save as and set Encoding to UTF-8; other editors offer the same "
    "choice when saving";

}  // namespace

std::string_view without_bom(std::string_view text) {
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    return text;
}

bool check_utf8(const FilePath& path, std::string_view text, Diagnostics& diags) {
    text = without_bom(text);
    const Scan found = scan(text);
    if (found.bad == 0) return true;
    const SourcePos pos{path, found.line, found.column};
    // Well-formed characters beyond ASCII do not happen by chance: a file that has more of them
    // than broken ones is UTF-8 with a few characters damaged (cut off or pasted in another
    // encoding), and saving it again would not mend them.
    if (found.valid_non_ascii > found.bad) {
        std::string message =
            "the character here is damaged: its bytes are not valid UTF-8, while the rest of the file is; delete it "
            "and type it again";
        if (found.bad > 1)
            message += " (the file has " + std::to_string(found.bad) + " damaged characters; this is the first)";
        diags.error(pos, std::move(message));
        return false;
    }
    // The detector looks at a limited stretch of its input, so it is given the text from the first
    // line that is not UTF-8 on.
    const std::string_view from_line = text.substr(found.line_start);
    const std::string encoding = detect(from_line);
    std::string message = "this file is not saved as UTF-8, the only encoding Lotse reads";
    if (!encoding.empty() && encoding != "UTF-8") {
        message += "; it looks like " + described(encoding);
        const std::string shown = character_in(encoding, text.substr(found.first_bad));
        if (!shown.empty()) message += ", in which the character here is \"" + shown + "\"";
    }
    message += ". ";
    message += kSaveAsUtf8;
    diags.error(pos, std::move(message));
    return false;
}

}  // namespace lotse
