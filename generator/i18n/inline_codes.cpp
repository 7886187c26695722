#include "i18n/inline_codes.h"

#include <algorithm>
#include <map>
#include <utility>

#include <unicode/messagepattern.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "markdown/markdown.h"

namespace lotse {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
bool escapes(std::string_view s, std::size_t i, std::size_t end) {
    return s[i] == '\\' && i + 1 < end && is_ascii_punct(s[i + 1]);
}

// Past the code span that a run of backticks at `i` opens; past the run alone if no run of the
// same length closes it (then the backticks are literal).
std::size_t skip_code_span(std::string_view s, std::size_t i, std::size_t end) {
    auto run = [&](std::size_t at) {
        std::size_t n = 0;
        while (at + n < end && s[at + n] == '`') ++n;
        return n;
    };
    const std::size_t n = run(i);
    for (std::size_t j = i + n; j < end;) {
        if (s[j] != '`') {
            ++j;
            continue;
        }
        const std::size_t m = run(j);
        if (m == n) return j + m;
        j += m;
    }
    return i + n;
}

// The length of the autolink (`<scheme:…>` or `<name@host>`) that starts at `i`, or 0.
std::size_t autolink_length(std::string_view s, std::size_t i, std::size_t end) {
    std::size_t j = i + 1;
    while (j < end && (is_alnum(s[j]) || s[j] == '+' || s[j] == '.' || s[j] == '-')) ++j;
    if (j < end && s[j] == ':' && is_alpha(s[i + 1]) && j - i - 1 >= 2 && j - i - 1 <= 32) {
        std::size_t k = j + 1;
        while (k < end && s[k] != '>' && s[k] != '<' && static_cast<unsigned char>(s[k]) > 0x20) ++k;
        return k < end && s[k] == '>' ? k + 1 - i : 0;
    }
    const std::string_view local_chars = ".!#$%&'*+/=?^_`{|}~-";
    j = i + 1;
    while (j < end && (is_alnum(s[j]) || local_chars.find(s[j]) != npos)) ++j;
    if (j == i + 1 || j >= end || s[j] != '@') return 0;
    std::size_t k = j + 1;
    while (k < end && (is_alnum(s[k]) || s[k] == '-' || s[k] == '.')) ++k;
    return k > j + 1 && k < end && s[k] == '>' ? k + 1 - i : 0;
}

// The "]" that closes a link text starting at `i` (just after its "["), or npos. Code spans and
// autolinks bind tighter than brackets, as in CommonMark.
std::size_t closing_bracket(std::string_view s, std::size_t i, std::size_t end) {
    int depth = 0;
    while (i < end) {
        if (escapes(s, i, end)) {
            i += 2;
        } else if (s[i] == '`') {
            i = skip_code_span(s, i, end);
        } else if (s[i] == '<' && autolink_length(s, i, end) > 0) {
            i += autolink_length(s, i, end);
        } else {
            if (s[i] == '[') ++depth;
            if (s[i] == ']' && depth-- == 0) return i;
            ++i;
        }
    }
    return npos;
}

// Past spaces and tabs, and at most one line break among them.
std::size_t skip_space(std::string_view s, std::size_t i, std::size_t end) {
    bool broke = false;
    while (i < end && (s[i] == ' ' || s[i] == '\t' || (s[i] == '\n' && !broke))) broke |= s[i++] == '\n';
    return i;
}

// Past the ")" of an inline link's `(destination "title")` whose "(" is at `i`, or npos.
std::size_t destination_end(std::string_view s, std::size_t i, std::size_t end) {
    i = skip_space(s, i + 1, end);
    if (i < end && s[i] == '<') {
        for (++i; i < end && s[i] != '>'; i += escapes(s, i, end) ? 2 : 1)
            if (s[i] == '\n' || s[i] == '<') return npos;
        if (i++ >= end) return npos;
    } else {
        int parens = 0;
        while (i < end && static_cast<unsigned char>(s[i]) > 0x20) {
            if (escapes(s, i, end)) {
                i += 2;
                continue;
            }
            if (s[i] == '(') ++parens;
            if (s[i] == ')' && parens-- == 0) break;
            ++i;
        }
        if (parens > 0) return npos;
    }
    std::size_t after = skip_space(s, i, end);
    if (after > i && after < end && (s[after] == '"' || s[after] == '\'' || s[after] == '(')) {
        const char close = s[after] == '(' ? ')' : s[after];
        std::size_t j = after + 1;
        while (j < end && s[j] != close) j += escapes(s, j, end) ? 2 : 1;
        if (j >= end) return npos;
        after = skip_space(s, j + 1, end);
    }
    return after < end && s[after] == ')' ? after + 1 : npos;
}

// Finds inline links, images and autolinks the way CommonMark does for the texts Lotse has;
// cmark's inline source positions are not exact across line breaks, so it cannot do this
// itself. Its own reading of the links checks the result (agrees_with_cmark).
class MarkdownSplitter {
public:
    explicit MarkdownSplitter(std::string_view s) : s_(s) {}

    std::vector<Piece> run() {
        scan(0, s_.size(), 0);
        flush(s_.size());
        return std::move(out_);
    }

private:
    void flush(std::size_t to) {
        if (to > text_start_) out_.push_back({Piece::Kind::text, std::string(s_.substr(text_start_, to - text_start_))});
        text_start_ = to;
    }
    void code(Piece::Kind kind, std::size_t from, std::size_t to, int id, bool image = false) {
        flush(from);
        out_.push_back({kind, std::string(s_.substr(from, to - from)), id, image});
        text_start_ = to;
    }

    void scan(std::size_t i, std::size_t end, int depth) {
        while (i < end) {
            const char c = s_[i];
            if (escapes(s_, i, end)) {
                i += 2;
            } else if (c == '`') {
                i = skip_code_span(s_, i, end);
            } else if (const std::size_t n = c == '<' ? autolink_length(s_, i, end) : 0; n > 0) {
                code(Piece::Kind::placeholder, i, i + n, ++codes_);
                i += n;
            } else if ((c == '[' || (c == '!' && i + 1 < end && s_[i + 1] == '[')) && depth < 8) {
                i = link(i, end, depth);
            } else {
                ++i;
            }
        }
    }

    // A link or image at `i` becomes a pair of codes around its text; returns where to go on.
    std::size_t link(std::size_t i, std::size_t end, int depth) {
        const std::size_t bracket = s_[i] == '!' ? i + 1 : i;
        const std::size_t close = closing_bracket(s_, bracket + 1, end);
        if (close == npos || close + 1 >= end || s_[close + 1] != '(') return bracket + 1;
        const std::size_t stop = destination_end(s_, close + 1, end);
        if (stop == npos) return bracket + 1;
        const int id = ++codes_;
        code(Piece::Kind::open, i, bracket + 1, id, bracket != i);
        scan(bracket + 1, close, depth + 1);
        code(Piece::Kind::close, close, stop, id);
        return stop;
    }

    std::string_view s_;
    std::vector<Piece> out_;
    std::size_t text_start_ = 0;
    int codes_ = 0;
};

// True if every link the splitter found is one cmark finds, in the same order. cmark may find
// more (reference links, which stay text).
bool agrees_with_cmark(const std::vector<Piece>& found, std::string_view text) {
    std::map<int, std::string> closing;
    for (const Piece& p : found)
        if (p.kind == Piece::Kind::close) closing[p.code] = p.text;
    const std::vector<markdown::Link> all = markdown::links(text);
    std::size_t k = 0;
    for (const Piece& p : found) {
        if (p.kind != Piece::Kind::open && p.kind != Piece::Kind::placeholder) continue;
        const std::vector<markdown::Link> one = markdown::links(p.kind == Piece::Kind::open ? "[x" + closing[p.code] : p.text);
        if (one.size() != 1) return false;
        while (k < all.size() && all[k].url != one[0].url) ++k;
        if (k++ == all.size()) return false;
    }
    return true;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString utf16(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::vector<Piece> icu_pieces(std::string_view text) {
    const icu::UnicodeString u = utf16(text);
    UErrorCode status = U_ZERO_ERROR;
    icu::MessagePattern pattern(status);
    pattern.parse(u, nullptr, status);
    if (U_FAILURE(status)) return {{Piece::Kind::text, std::string(text)}};
    std::vector<Piece> out;
    int32_t at = 0;
    auto placeholder = [&](int32_t from, int32_t to) {
        if (from > at) out.push_back({Piece::Kind::text, utf8(u.tempSubStringBetween(at, from))});
        out.push_back({Piece::Kind::placeholder, utf8(u.tempSubStringBetween(from, to))});
        at = to;
    };
    for (int32_t i = 0; i < pattern.countParts(); ++i) {
        const icu::MessagePattern::Part& part = pattern.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
            placeholder(part.getIndex(), part.getLimit());
        } else if (part.getType() == UMSGPAT_PART_TYPE_ARG_START &&
                   (part.getArgType() == UMSGPAT_ARG_TYPE_NONE || part.getArgType() == UMSGPAT_ARG_TYPE_SIMPLE)) {
            const int32_t limit = pattern.getLimitPartIndex(i);
            placeholder(part.getIndex(), pattern.getPart(limit).getLimit());
            i = limit;
        }
    }
    if (at < u.length()) out.push_back({Piece::Kind::text, utf8(u.tempSubStringBetween(at))});
    int code = 0;
    for (Piece& p : out)
        if (p.kind == Piece::Kind::placeholder) p.code = ++code;
    return out;
}

}  // namespace

std::vector<Piece> pieces(std::string_view text, TextSyntax syntax) {
    std::vector<Piece> out;
    if (syntax == TextSyntax::markdown && text.find_first_of("]<") != npos) {
        out = MarkdownSplitter(text).run();
        if (!agrees_with_cmark(out, text)) out.clear();
    } else if (syntax == TextSyntax::icu) {
        out = icu_pieces(text);
    }
    // A text that is not valid UTF-8 does not survive ICU's conversion; it stays whole.
    if (out.empty() || joined(out) != text) out.assign(1, {Piece::Kind::text, std::string(text)});
    if (text.empty()) out.clear();
    return out;
}

std::string joined(const std::vector<Piece>& pieces) {
    std::string out;
    for (const Piece& p : pieces) out += p.text;
    return out;
}

std::vector<Piece> numbered_as(const std::vector<Piece>& source, std::vector<Piece> target, bool repeats) {
    // A code's key is all of its characters: a pair's opening and closing ones, a placeholder's own.
    auto keys = [](const std::vector<Piece>& ps) {
        std::map<int, std::string> out;
        for (const Piece& p : ps)
            if (p.kind != Piece::Kind::text) out[p.code] += (p.kind == Piece::Kind::close ? "\x1f" : "") + p.text;
        return out;
    };
    std::multimap<std::string, int> unused;
    for (const auto& [code, key] : keys(source)) unused.emplace(key, code);
    std::map<int, int> renumbered;
    for (const auto& [code, key] : keys(target)) {
        const auto it = unused.lower_bound(key);  // the first of equal keys: codes keep their order
        if (it == unused.end() || it->first != key) continue;
        renumbered[code] = it->second;
        if (!repeats) unused.erase(it);
    }
    std::vector<Piece> out;
    for (Piece& p : target) {
        const auto it = renumbered.find(p.code);
        if (p.kind != Piece::Kind::text && it != renumbered.end()) {
            p.code = it->second;
            out.push_back(std::move(p));
        } else if (!out.empty() && out.back().kind == Piece::Kind::text) {
            out.back().text += p.text;
        } else {
            out.push_back({Piece::Kind::text, std::move(p.text)});
        }
    }
    return out;
}

std::vector<std::string> link_targets(std::string_view markdown) {
    std::vector<std::string> out;
    for (markdown::Link& link : markdown::links(markdown)) out.push_back(std::move(link.url));
    std::sort(out.begin(), out.end());
    return out;
}

std::variant<std::set<std::string>, std::string> icu_arguments(std::string_view text) {
    const icu::UnicodeString u = utf16(text);
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    icu::MessagePattern pattern(status);
    pattern.parse(u, &where, status);
    if (U_FAILURE(status)) return std::string(u_errorName(status)) + " near character " + std::to_string(where.offset + 1);
    std::set<std::string> names;
    for (int32_t i = 0; i < pattern.countParts(); ++i) {
        const icu::MessagePattern::Part& part = pattern.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME || part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER)
            names.insert(utf8(pattern.getSubstring(part)));
    }
    return names;
}

}  // namespace lotse
