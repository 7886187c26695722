#include "i18n/term_search.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace lotse {

namespace {

// Letters, digits and combining marks make up words (Arabic and Persian words carry marks).
bool in_word(char32_t c) {
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) || u_isdigit(static_cast<UChar32>(c))) return true;
    const int8_t type = u_charType(static_cast<UChar32>(c));
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// The text's code points, case-folded one by one (simple folding keeps one code point for one, so
// a match's place in the folded text is its place in the text), and where each starts in bytes.
struct Folded {
    std::vector<char32_t> points;
    std::vector<std::size_t> starts;  // one more than points: the end of the text
};

Folded fold(std::string_view text) {
    Folded out;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        out.starts.push_back(static_cast<std::size_t>(i));
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) c = 0xFFFD;
        out.points.push_back(static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
    }
    out.starts.push_back(text.size());
    return out;
}

}  // namespace

void TermForms::add(std::string_view form) {
    std::vector<char32_t> points = fold(form).points;
    if (!points.empty()) forms_.push_back(std::move(points));
}

std::optional<TermMatch> TermForms::find(std::string_view text) const {
    if (forms_.empty() || text.empty()) return std::nullopt;
    const Folded t = fold(text);
    const std::size_t n = t.points.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && in_word(t.points[i - 1])) continue;
        std::optional<TermMatch> best;
        std::size_t best_points = 0;
        for (std::size_t f = 0; f < forms_.size(); ++f) {
            const std::vector<char32_t>& form = forms_[f];
            const std::size_t end = i + form.size();
            if (end > n || form.size() <= best_points) continue;
            if (!std::equal(form.begin(), form.end(), t.points.begin() + static_cast<std::ptrdiff_t>(i))) continue;
            if (end < n && in_word(t.points[end]) && in_word(form.back())) continue;
            best = TermMatch{t.starts[i], t.starts[end] - t.starts[i], f};
            best_points = form.size();
        }
        if (best) return best;
    }
    return std::nullopt;
}

}  // namespace lotse
