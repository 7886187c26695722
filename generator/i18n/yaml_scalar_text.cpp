#include "i18n/yaml_scalar_text.h"

#include <cstdio>

#include "i18n/patch_text.h"

namespace lotse::patch {

namespace {

// Where the line holding `from` ends: its line break ("\n" or "\r\n"), or the end of the text.
std::size_t line_end(std::string_view text, std::size_t from) {
    const auto lf = text.find('\n', from);
    if (lf == std::string_view::npos) return text.size();
    return lf > from && text[lf - 1] == '\r' ? lf - 1 : lf;
}

// The start of the line after the one that ends at `end` (a line_end()).
std::size_t next_line(std::string_view text, std::size_t end) {
    if (end >= text.size()) return text.size();
    return text[end] == '\r' ? end + 2 : end + 1;
}

std::size_t quoted_end(std::string_view text, std::size_t pos) {
    const char quote = text[pos];
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\')
            ++i;
        else if (text[i] == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
            ++i;
        else if (text[i] == quote)
            return i + 1;
    }
    throw PatchFailure{pos, "this text's closing quote is missing"};
}

// A plain scalar ends before a comment (" #"), in a flow collection also before , [ ] { }, and
// at the end of its line; spaces before that end are not part of it.
std::size_t plain_end(std::string_view text, std::size_t pos, bool flow) {
    const std::size_t eol = line_end(text, pos);
    std::size_t stop = eol;
    for (std::size_t i = pos + 1; i < eol && stop == eol; ++i) {
        const char c = text[i];
        if ((c == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) ||
            (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')))
            stop = i;
    }
    while (stop > pos && (text[stop - 1] == ' ' || text[stop - 1] == '\t')) --stop;
    return stop;
}

// A block scalar: its header (`|` or `>`, then a chomping and an indentation indicator in either
// order, then spaces and a comment), then the lines indented more than its key.
ScalarBytes block_scalar(std::string_view text, std::size_t pos, int indent) {
    ScalarBytes b{ScalarStyle::block, pos, pos, pos, pos};
    std::size_t i = pos + 1;
    int explicit_indent = 0;
    bool keep = false;
    for (int k = 0; k < 2 && i < text.size(); ++k, ++i) {
        if (text[i] == '+')
            keep = true;
        else if (text[i] >= '1' && text[i] <= '9')
            explicit_indent = text[i] - '0';
        else if (text[i] != '-')
            break;
    }
    b.after_begin = i;
    b.after_end = line_end(text, i);
    std::size_t content_end = b.after_end, kept_end = b.after_end;
    int content = explicit_indent > 0 ? indent + explicit_indent : -1;
    for (std::size_t line = next_line(text, b.after_end); line < text.size();) {
        const std::size_t eol = line_end(text, line);
        std::size_t first = line;
        while (first < eol && text[first] == ' ') ++first;
        const int spaces = static_cast<int>(first - line);
        if (first != eol || (content >= 0 && spaces > content)) {
            if (content < 0) content = spaces > indent ? spaces : indent + 1;
            if (spaces < content) break;
            content_end = eol;
        }
        kept_end = eol;
        line = next_line(text, eol);
    }
    b.end = keep ? kept_end : content_end;
    return b;
}

void append_hex_escape(std::string& out, char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
    out += buf;
}

// The escape for YAML 1.1's line breaks and the byte order mark at `text[i]`, with its length.
std::pair<std::string_view, std::size_t> special_character(std::string_view text, std::size_t i) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\xC2\x85")) return {"\\N", 2};
    if (rest.starts_with("\xE2\x80\xA8")) return {"\\L", 3};
    if (rest.starts_with("\xE2\x80\xA9")) return {"\\P", 3};
    if (rest.starts_with("\xEF\xBB\xBF")) return {"\\uFEFF", 3};
    return {"", 0};
}

}  // namespace

ScalarBytes scalar_bytes(std::string_view text, std::size_t pos, int indent, bool flow, std::string_view value) {
    if (pos >= text.size()) throw PatchFailure{pos, "this text is empty"};
    const char c = text[pos];
    if (c == '!' || c == '&' || c == '*')
        throw PatchFailure{pos, "this text starts with a YAML tag, anchor or alias (!, & or *), which Lotse does not "
                                "rewrite; write the text itself here and try again"};
    if (c == '|' || c == '>') return block_scalar(text, pos, indent);
    ScalarBytes b{ScalarStyle::plain, pos, pos, pos, pos};
    if (c == '"' || c == '\'') {
        b.style = c == '"' ? ScalarStyle::double_quoted : ScalarStyle::single_quoted;
        b.end = quoted_end(text, pos);
    } else {
        b.end = plain_end(text, pos, flow);
        if (text.substr(pos, b.end - pos) != value)
            throw PatchFailure{pos, "this text goes on over several lines without quotes, which Lotse does not "
                                    "rewrite; put it in double quotes or write it as a block (|) and try again"};
    }
    b.after_begin = b.end;
    b.after_end = flow ? b.end : line_end(text, b.end);
    return b;
}

std::string double_quoted(std::string_view value) {
    std::string out = "\"";
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (const auto [escape, length] = special_character(value, i); length > 0) {
            out += escape;
            i += length - 1;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            append_hex_escape(out, c);
        } else {
            out += c;
        }
    }
    return out + "\"";
}

bool as_literal_block(std::string_view value) {
    if (value.find('\n') == std::string_view::npos) return false;
    if (value.find_first_not_of('\n') == std::string_view::npos) return false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || special_character(value, i).second > 0) return false;
    }
    return true;
}

LiteralBlock literal_block(std::string_view value, int indent, std::string_view line_end) {
    std::size_t breaks = 0;
    while (breaks < value.size() && value[value.size() - 1 - breaks] == '\n') ++breaks;
    const std::string_view text = value.substr(0, value.size() - breaks);
    LiteralBlock block;
    block.header.push_back('|');  // not = "|": GCC 12 warns falsely (-Wrestrict) on that
    // A first line that starts with a space would be taken as deeper indentation of the block.
    const auto first = text.find_first_not_of('\n');
    if (first != std::string_view::npos && text[first] == ' ') block.header += '2';
    block.header += breaks == 0 ? "-" : breaks == 1 ? "" : "+";
    block.keeps_blank_lines = breaks > 1;
    const std::string margin(static_cast<std::size_t>(indent) + 2, ' ');
    for (std::size_t start = 0; start <= text.size();) {
        auto stop = text.find('\n', start);
        if (stop == std::string_view::npos) stop = text.size();
        block.body += line_end;
        if (stop > start) block.body.append(margin).append(text.substr(start, stop - start));
        start = stop + 1;
    }
    for (std::size_t k = 1; k < breaks; ++k) block.body += line_end;
    return block;
}

std::size_t end_of_blank_lines(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    for (std::size_t line = next_line(text, pos); line < text.size();) {
        const std::size_t eol = line_end(text, line);
        if (text.find_first_not_of(' ', line) < eol || eol == text.size()) break;
        end = eol;
        line = next_line(text, eol);
    }
    return end;
}

}  // namespace lotse::patch
