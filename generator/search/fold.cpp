#include "search/fold.h"

#include <algorithm>
#include <optional>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace lotse::search {

namespace {

constexpr char32_t kZwnj = 0x200C;

// The blocks whose letters the site's languages write, and the format characters between words:
// Latin with its extensions, Greek, Cyrillic, Arabic (with Persian and Urdu letters), and the
// zero-width and direction marks. Code points outside them are compared as they are.
constexpr std::pair<char32_t, char32_t> kBlocks[] = {
    {0x0000, 0x024F}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x0600, 0x06FF},
    {0x0750, 0x077F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0xFEFF, 0xFEFF},
};

// A script's own rule for a code point (after case folding, except for the Turkish i's, which
// folding would give a combining dot); nullopt: the code point stays.
std::optional<std::u32string> script_rule(char32_t c) {
    switch (c) {
        case U'İ': case U'ı': return U"i";
        case U'ä': return U"ae";
        case U'ö': return U"oe";
        case U'ü': return U"ue";
        case U'ё': return U"е";
        case U'أ': case U'إ': case U'آ': case U'ٱ': return U"ا";
        case U'ى': case U'ی': return U"ي";
        case U'ک': return U"ك";
        case 0x0640:                                             // tatweel
        case 0x0670:                                             // superscript alef
        case 0x00AD: case 0x061C: case 0x200B: case 0x200C: case 0x200D:
        case 0x200E: case 0x200F: case 0x2060: case 0xFEFF:      // soft hyphen, zero-width and direction marks
            return U"";
        default: break;
    }
    if (c >= 0x064B && c <= 0x065F) return U"";  // tashkeel
    if (c >= 0x0660 && c <= 0x0669) return std::u32string(1, U'0' + (c - 0x0660));  // Arabic-Indic digits
    if (c >= 0x06F0 && c <= 0x06F9) return std::u32string(1, U'0' + (c - 0x06F0));  // Persian digits
    return std::nullopt;
}

void append_utf8(std::string& out, char32_t c) {
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
    out.append(buf, static_cast<std::size_t>(n));
}

// Calls f with each code point of UTF-8 `s` (an ill-formed sequence as U+FFFD).
template <typename F>
void each_code_point(std::string_view s, F&& f) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        f(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    }
}

bool in_word(char32_t c) {
    return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

// The runs of letters, marks and digits of folded `s`, added to `out` unless there already.
void add_words(std::string_view s, std::vector<std::string>& out) {
    std::string word;
    auto end_word = [&] {
        if (!word.empty() && std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
        word.clear();
    };
    each_code_point(s, [&](char32_t c) {
        if (in_word(c)) append_utf8(word, c);
        else end_word();
    });
    end_word();
}

}  // namespace

FoldRules::FoldRules() {
    for (const auto& [first, last] : kBlocks)
        for (char32_t c = first; c <= last; ++c) {
            if (u_charType(static_cast<UChar32>(c)) == U_UNASSIGNED) continue;
            std::u32string out;
            if (std::optional<std::u32string> rule = script_rule(c)) {
                out = *rule;
            } else {
                icu::UnicodeString folded(static_cast<UChar32>(c));
                folded.foldCase();
                for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
                    const auto f = static_cast<char32_t>(folded.char32At(i));
                    out += script_rule(f).value_or(std::u32string(1, f));
                }
            }
            if (out == std::u32string(1, c)) continue;
            std::string utf8;
            for (char32_t o : out) append_utf8(utf8, o);
            table_.emplace(c, std::move(utf8));
        }
}

std::string FoldRules::fold(std::string_view text) const {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    std::string normal;
    if (U_SUCCESS(status)) {
        const icu::UnicodeString n = nfkc->normalize(icu::UnicodeString::fromUTF8(text), status);
        if (U_SUCCESS(status)) n.toUTF8String(normal);
    }
    if (U_FAILURE(status)) normal = text;
    std::string out;
    out.reserve(normal.size());
    each_code_point(normal, [&](char32_t c) {
        auto it = table_.find(c);
        if (it != table_.end()) out += it->second;
        else append_utf8(out, c);
    });
    return out;
}

std::vector<std::string> FoldRules::words(std::string_view text) const {
    std::vector<std::string> out;
    add_words(fold(text), out);
    std::string split;
    bool had_zwnj = false;
    each_code_point(text, [&](char32_t c) {
        had_zwnj |= c == kZwnj;
        append_utf8(split, c == kZwnj ? U' ' : c);
    });
    if (had_zwnj) add_words(fold(split), out);
    return out;
}

nlohmann::json FoldRules::to_json() const {
    nlohmann::json map = nlohmann::json::object();
    std::vector<char32_t> dropped;
    for (const auto& [c, replacement] : table_) {
        if (replacement.empty()) {
            dropped.push_back(c);
            continue;
        }
        std::string key;
        append_utf8(key, c);
        map[key] = replacement;
    }
    std::sort(dropped.begin(), dropped.end());
    std::string drop;
    for (char32_t c : dropped) append_utf8(drop, c);
    return {{"map", std::move(map)}, {"drop", std::move(drop)}};
}

const FoldRules& fold_rules() {
    static const FoldRules rules;
    return rules;
}

}  // namespace lotse::search
