#include "content/ids.h"

#include <string>

#include <unicode/locid.h>

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
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale l = icu::Locale::forLanguageTag(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status);
    return U_SUCCESS(status) && !l.isBogus() && *l.getLanguage() != '\0';
}

}  // namespace lotse
