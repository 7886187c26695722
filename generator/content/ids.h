// The shape of ids: lowercase ASCII letters, digits and single hyphens (^[a-z0-9]+(-[a-z0-9]+)*$).
#pragma once

#include <string>
#include <string_view>

namespace lotse {

constexpr bool is_valid_id(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    char previous = 0;
    for (char c : s) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word && !(c == '-' && previous != '-')) return false;
        previous = c;
    }
    return true;
}

// A well-formed BCP 47 language tag (de, ar, pt-BR, sr-Latn), as ICU reads them.
bool is_language_tag(std::string_view s);
// What a diagnostic says about a tag that is not one.
std::string not_a_language_tag(std::string_view s);

static_assert(is_valid_id("vhs-ik-2027") && !is_valid_id("vhs--ik") && !is_valid_id("Vhs") && !is_valid_id("-a"));

}  // namespace lotse
