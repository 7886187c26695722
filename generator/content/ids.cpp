#include "content/ids.h"

#include <string>

#include <unicode/uloc.h>

namespace lotse {

bool is_language_tag(std::string_view s) {
    if (s.empty() || s.size() > 35) return false;
    // ICU accepts any casing and "_"; the content format writes tags the BCP 47 way: "pt-BR".
    // The language itself is an ISO 639 code of two or three lowercase letters ("de", "prs"):
    // BCP 47 would also allow longer ones, which are never meant here ("english").
    const std::string_view language = s.substr(0, s.find('-'));
    if (language.size() < 2 || language.size() > 3) return false;
    for (char c : language)
        if (c < 'a' || c > 'z') return false;
    if (s.find('_') != std::string_view::npos) return false;
    // ICU reads the longest well-formed tag at the start; the whole text must be one ("ar-" is not).
    const std::string tag(s);
    char id[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(tag.c_str(), id, sizeof id, &parsed, &status);
    return U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING && parsed == static_cast<int32_t>(tag.size()) &&
           id[0] != '\0';
}

std::string not_a_language_tag(std::string_view s) {
    std::string out = "\"";  // appended, not "\"" + …: GCC 12 warns of an overlap that is not there
    out += s;
    out += "\" is not a language tag; write a BCP 47 tag such as de, ar, fa, uk or pt-BR";
    return out;
}

}  // namespace lotse
