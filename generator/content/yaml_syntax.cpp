// Reads the raw lines of a YAML text only to explain a mistake; the values always come from
// yaml-cpp. Positions here are byte offsets within a line until they become a SourcePos.
#include "content/yaml_syntax.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "content/yaml_reader.h"

namespace lotse {

namespace {

constexpr auto npos = std::string_view::npos;

// One line of the text, taken apart as far as explaining needs.
struct Line {
    int index = -1;
    std::string_view text;  // without the line break
    std::size_t indent = 0;  // leading spaces and tabs
    std::size_t tab = npos;  // the first tab among them
    std::size_t body = 0;    // after the indentation and a list item's "- "
    bool blank = true;       // nothing but whitespace or a comment
    bool item = false;       // a list item: "- …"

    bool exists() const { return index >= 0; }
};

int line_count(const FileContext& file) {
    int n = static_cast<int>(file.line_starts.size());
    // A text ending in a line break has no line after it.
    if (n > 1 && file.line_starts.back() == file.text.size()) --n;
    return n;
}

Line line_at(const FileContext& file, int index) {
    Line l;
    if (index < 0 || index >= line_count(file)) return l;
    l.index = index;
    const std::size_t start = file.line_starts[index];
    std::size_t end = file.text.find('\n', start);
    if (end == npos) end = file.text.size();
    l.text = file.text.substr(start, end - start);
    if (!l.text.empty() && l.text.back() == '\r') l.text.remove_suffix(1);
    const std::string_view t = l.text;
    while (l.indent < t.size() && (t[l.indent] == ' ' || t[l.indent] == '\t')) {
        if (t[l.indent] == '\t' && l.tab == npos) l.tab = l.indent;
        ++l.indent;
    }
    l.blank = l.indent == t.size() || t[l.indent] == '#';
    l.body = l.indent;
    if (!l.blank && t[l.indent] == '-' && (l.indent + 1 == t.size() || t[l.indent + 1] == ' ')) {
        l.item = true;
        l.body = t.find_first_not_of(' ', l.indent + 1);
        if (l.body == npos) l.body = t.size();
    }
    return l;
}

// The nearest line before or after `from` with something on it.
Line content_line(const FileContext& file, int from, int step) {
    for (int i = from + step; i >= 0 && i < line_count(file); i += step)
        if (Line l = line_at(file, i); !l.blank) return l;
    return {};
}

SourcePos at(const FileContext& file, int line, std::size_t byte) {
    return {file.path, line + 1 + file.line_offset, file.column_of(line, static_cast<int>(byte))};
}

std::string trimmed(std::string_view s) {
    const std::size_t first = s.find_first_not_of(' ');
    if (first == npos) return "";
    return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// Where the quote at `open` ends on its line: npos if it does not.
std::size_t closing_quote(std::string_view t, std::size_t open) {
    const char q = t[open];
    for (std::size_t i = open + 1; i < t.size(); ++i) {
        if (q == '"' && t[i] == '\\') ++i;
        else if (t[i] == q && q == '\'' && i + 1 < t.size() && t[i + 1] == '\'') ++i;  // '' is one '
        else if (t[i] == q) return i;
    }
    return npos;
}

// Whether a value may start at `at`: YAML takes a quote or bracket there as the start of a quoted
// text or a list, and elsewhere as a plain character ("Kita's", "Kurs [neu]").
bool starts_value(const Line& l, std::size_t at) {
    std::size_t p = at;
    while (p > l.body && l.text[p - 1] == ' ') --p;
    if (p == l.body) return true;
    const char c = l.text[p - 1];
    return c == '[' || c == '{' || c == ',' || (c == ':' && p < at);
}

// "title: " before a quote, as the example writes it: the key alone inside braces.
std::string written_before(const Line& l, std::size_t quote, bool in_flow) {
    if (!in_flow) return std::string(l.text.substr(l.indent, quote - l.indent));
    std::size_t p = quote;
    while (p > 0 && l.text[p - 1] == ' ') --p;
    if (p == 0 || l.text[p - 1] != ':') return "";
    std::size_t k = --p;
    while (k > 0 && is_word_char(l.text[k - 1])) --k;
    return std::string(l.text.substr(k, p - k)) + ": ";
}

SyntaxProblem unclosed_quote(const FileContext& file, const Line& l, std::size_t quote, bool in_flow) {
    const std::string q(1, l.text[quote]);
    const std::string rest = in_flow ? "…" : trimmed(l.text.substr(quote + 1));
    return {at(file, l.index, quote), "the quote " + q + " that starts here is not closed; end the text with " + q +
                                          " on this line: " + written_before(l, quote, in_flow) + q + rest + q};
}

SyntaxProblem text_after_quote(const Line& l, const FileContext& file, std::size_t quote, std::size_t close) {
    const std::string before = written_before(l, quote, false);
    std::string after = trimmed(l.text.substr(close + 1));
    const char next = close + 1 < l.text.size() ? l.text[close + 1] : ' ';
    if (l.text[quote] == '\'' && next != ' ') {
        std::string text = trimmed(l.text.substr(quote + 1));
        if (!text.empty() && text.back() == '\'') text.pop_back();
        return {at(file, l.index, quote), "the apostrophe in this text ends the single quotes early; put the text in "
                                          "double quotes: " + before + "\"" + text + "\""};
    }
    const std::string inside(l.text.substr(quote + 1, close - quote - 1));
    return {at(file, l.index, quote), "there is text after the closing quote; put all of the text inside the quotes: " +
                                          before + l.text[quote] + inside + " " + after + l.text[quote]};
}

// "key:" or "key: value" or "- …": a line that starts something new.
bool starts_entry(const Line& l) {
    if (l.item) return true;
    std::size_t k = l.body;
    while (k < l.text.size() && is_word_char(l.text[k])) ++k;
    return k > l.body && k < l.text.size() && l.text[k] == ':' && (k + 1 == l.text.size() || l.text[k + 1] == ' ');
}

// Whether a quote not closed on line `l` takes in what was meant as the next entries: the text
// ends, or the next line starts an entry no further indented. A quoted text may go on over lines
// indented further.
bool swallows_next_lines(const FileContext& file, const Line& l) {
    const Line next = content_line(file, l.index, 1);
    return !next.exists() || (next.indent <= l.indent && starts_entry(next));
}

struct Bracket {
    int line;
    std::size_t byte;
    char c;
};

// Follows quotes and brackets along a line; a quote not closed on it, or text after a closing
// quote, is the problem it finds.
std::optional<SyntaxProblem> scan_quotes(const FileContext& file, const Line& l, std::vector<Bracket>& open,
                                         bool& unclosed_continues) {
    const std::string_view t = l.text;
    bool closed_here = false;  // a bracket closed on this line: a plain "]" after it is one too many
    for (std::size_t i = l.body; i < t.size(); ++i) {
        const char c = t[i];
        if (c == '#' && (i == 0 || t[i - 1] == ' ')) break;
        if ((c == '"' || c == '\'') && starts_value(l, i)) {
            const std::size_t close = closing_quote(t, i);
            if (close == npos) {
                unclosed_continues = !swallows_next_lines(file, l);
                return unclosed_quote(file, l, i, !open.empty());
            }
            const std::size_t after = t.find_first_not_of(' ', close + 1);
            const std::string_view ends = open.empty() ? ":#" : ":#,]}";
            if (after != npos && ends.find(t[after]) == npos) return text_after_quote(l, file, i, close);
            i = close;
        } else if ((c == '[' || c == '{') && (!open.empty() || starts_value(l, i))) {
            open.push_back({l.index, i, c});
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
            closed_here = true;
        } else if ((c == ']' || c == '}') && closed_here) {
            return SyntaxProblem{at(file, l.index, i), std::string("this \"") + c + "\" closes nothing; remove it"};
        }
    }
    return std::nullopt;
}

// "key: value" on a line outside braces: where the value starts, or npos.
std::size_t value_start(const Line& l) {
    const std::string_view t = l.text;
    if (l.body >= t.size() || !is_word_start(t[l.body])) return npos;
    std::size_t k = l.body;
    while (k < t.size() && is_word_char(t[k])) ++k;
    if (k + 1 >= t.size() || t[k] != ':' || t[k + 1] != ' ') return npos;
    return t.find_first_not_of(' ', k + 1);
}

bool starts_block_text(const Line& l) {
    const std::size_t v = value_start(l);
    const std::size_t from = v != npos ? v : l.body;
    return from < l.text.size() && (l.text[from] == '|' || l.text[from] == '>');
}

std::optional<SyntaxProblem> glued_colon(const FileContext& file, const Line& l) {
    const std::string_view t = l.text;
    if (l.item || l.body >= t.size() || !is_word_start(t[l.body])) return std::nullopt;
    std::size_t k = l.body;
    while (k < t.size() && is_word_char(t[k])) ++k;
    if (k + 1 >= t.size() || t[k] != ':' || t[k + 1] == ' ' || t[k + 1] == '/' || t[k + 1] == ':') return std::nullopt;
    return SyntaxProblem{at(file, l.index, k), "put a space after the colon: " + std::string(t.substr(l.body, k - l.body)) +
                                                   ": " + trimmed(t.substr(k + 1))};
}

std::optional<SyntaxProblem> colon_in_value(const FileContext& file, const Line& l) {
    const std::size_t v = value_start(l);
    if (v == npos || std::string_view("\"'[{|>&*!%@`#").find(l.text[v]) != npos) return std::nullopt;
    std::string_view value = l.text.substr(v);
    if (const std::size_t comment = value.find(" #"); comment != npos) value = value.substr(0, comment);
    const std::string text = trimmed(value);
    if (text.empty() || (text.find(": ") == npos && text.back() != ':')) return std::nullopt;
    std::string quoted;
    for (char c : text) quoted += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
    return SyntaxProblem{at(file, l.index, v), "the text contains \": \", which YAML reads as a new key; put the text "
                                               "in quotes: " + std::string(l.text.substr(l.body, v - l.body)) + "\"" +
                                                   quoted + "\""};
}

std::string spaces(std::size_t n) { return std::to_string(n) + (n == 1 ? " space" : " spaces"); }
std::string line_number(const FileContext& file, const Line& l) { return std::to_string(l.index + 1 + file.line_offset); }

// A line that does not fit the indentation of the lines above it.
std::optional<SyntaxProblem> misplaced(const FileContext& file, const Line& cur) {
    const Line prev = content_line(file, cur.index, -1);
    if (!prev.exists()) return std::nullopt;
    const SourcePos pos = at(file, cur.index, cur.indent);
    const bool prev_has_value = prev.item || value_start(prev) != npos;
    if (cur.indent > prev.body && prev_has_value)
        return SyntaxProblem{pos, "this line is indented more than line " + line_number(file, prev) +
                                      ", which already has a value; indent it like line " + line_number(file, prev) +
                                      " (" + spaces(prev.body) + ")"};
    for (Line s = prev; s.exists(); s = content_line(file, s.index, -1)) {
        if (s.indent > cur.indent) continue;
        if (s.indent < cur.indent) {
            if (s.item && s.body == cur.indent) return std::nullopt;  // a key of the item
            if (s.index == prev.index) {
                if (!s.item || cur.indent > s.body) return std::nullopt;  // the first key under the line above
                return SyntaxProblem{pos, "this line is indented " + spaces(cur.indent) + ", like no line above it; indent "
                                          "it " + spaces(s.body) + ", like the text after \"- \" on line " +
                                              line_number(file, s)};
            }
            return SyntaxProblem{pos, "this line is indented " + spaces(cur.indent) + ", like no line above it; indent it " +
                                          spaces(prev.indent) + " like line " + line_number(file, prev) + ", or " +
                                          std::to_string(s.indent) + " like line " + line_number(file, s)};
        }
        if (cur.item && !s.item && value_start(s) != npos) {
            const std::size_t colon = s.text.find(':', s.body);
            return SyntaxProblem{pos, "a list item (\"- \") cannot stand among \"key: value\" lines; put the list under "
                                      "its key, indented: \"" + std::string(s.text.substr(s.body, colon - s.body)) +
                                          ":\" on one line and \"  " + trimmed(cur.text) + "\" on the next"};
        }
        if (!cur.item && s.item)
            return SyntaxProblem{pos, "this \"key: value\" line stands among list items (\"- \"); start it with \"- \" "
                                      "to make it an item, or indent it under the item it belongs to"};
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

SyntaxProblem explain_syntax_error(const FileContext& file, const YAML::Mark& mark) {
    const int last = std::min(mark.line, line_count(file) - 1);
    std::vector<Bracket> open;
    std::size_t skip_deeper_than = npos;  // the lines of a block text ("|") or of a quote that goes on
    for (int i = 0; i <= last; ++i) {
        const Line l = line_at(file, i);
        if (skip_deeper_than != npos) {
            // Tabs may be text in a block, but not before the block's indentation.
            if (l.tab != npos && l.tab <= skip_deeper_than)
                return {at(file, i, l.tab), "a tab character indents this line; use spaces"};
            if (l.blank || l.indent > skip_deeper_than) continue;
            skip_deeper_than = npos;
        }
        if (l.tab != npos) return {at(file, i, l.tab), "a tab character indents this line; use spaces"};
        if (l.text.starts_with("<<<<<<<") || l.text.starts_with("=======") || l.text.starts_with(">>>>>>>"))
            return {at(file, i, 0), "this line is left over from merging two versions of the file; keep the lines you "
                                    "want and delete the lines <<<<<<<, ======= and >>>>>>>"};
        if (l.blank) continue;
        const bool in_flow = !open.empty();
        bool continues = false;
        if (auto problem = scan_quotes(file, l, open, continues)) {
            if (!continues || i == last) return *problem;
            skip_deeper_than = l.indent;
            continue;
        }
        if (in_flow) continue;
        if (auto problem = glued_colon(file, l)) return *problem;
        if (auto problem = colon_in_value(file, l)) return *problem;
        if (starts_block_text(l)) skip_deeper_than = l.indent;
    }
    if (!open.empty()) {
        const Bracket& b = open.back();
        return {at(file, b.line, b.byte), b.c == '[' ? "the \"[\" here is not closed; add the \"]\" that ends the list"
                                                     : "the \"{\" here is not closed; add the \"}\" that ends it"};
    }
    Line cur = line_at(file, last);
    if (!cur.exists() || cur.blank) cur = content_line(file, last, -1);
    if (cur.exists())
        if (auto problem = misplaced(file, cur)) return *problem;
    return {position(file, mark), "this line cannot be read; check that it is indented like the lines it belongs "
                                  "with, that each colon has a space after it and that every quote and bracket is closed"};
}

bool is_unclosed_quote(const FileContext& file, const YAML::Node& scalar, SyntaxProblem& problem) {
    if (scalar.Tag() != "!" || scalar.Mark().is_null()) return false;
    const Line l = line_at(file, scalar.Mark().line);
    const auto quote = static_cast<std::size_t>(scalar.Mark().column);
    if (!l.exists() || quote >= l.text.size() || (l.text[quote] != '"' && l.text[quote] != '\'')) return false;
    if (closing_quote(l.text, quote) != npos) return false;
    if (!swallows_next_lines(file, l)) return false;
    const std::string_view before = l.text.substr(0, quote);
    const bool in_flow = before.find_first_of("{[") != npos;
    problem = unclosed_quote(file, l, quote, in_flow);
    return true;
}

bool is_glued_key(const FileContext& file, const YAML::Node& scalar, SyntaxProblem& problem) {
    if (!scalar.IsScalar() || scalar.Tag() != "?" || scalar.Mark().is_null()) return false;
    const Line l = line_at(file, scalar.Mark().line);
    if (!l.exists() || static_cast<std::size_t>(scalar.Mark().column) != l.body) return false;
    auto glued = glued_colon(file, l);
    if (!glued) return false;
    problem = *glued;
    return true;
}

}  // namespace lotse
