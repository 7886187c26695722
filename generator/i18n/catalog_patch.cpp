// The catalog half of text_patch.h: a catalog source read as far as finding its strings (one table
// of "key" { "text" } entries), and one message set in its bytes.
#include "i18n/text_patch.h"

#include <algorithm>
#include <vector>

#include <unicode/unistr.h>

#include "content/encoding.h"
#include "i18n/patch_text.h"

namespace lotse {

using patch::PatchFailure;

namespace {

constexpr std::string_view kNotFlat =
    "Lotse writes only into catalogs made of one table of messages, each \"key\" { \"text\" }; ";

struct Token {
    enum Kind { open, close, string, word, end } kind = end;
    std::size_t begin = 0, end_offset = 0;
};

// The tokens of a catalog source that Lotse writes into, with // and /* */ comments skipped.
class Lexer {
public:
    Lexer(std::string_view text, std::size_t from) : text_(text), at_(from) {}

    Token next() {
        skip_space_and_comments();
        if (at_ >= text_.size()) return {Token::end, at_, at_};
        const std::size_t begin = at_;
        const char c = text_[at_];
        if (c == '{' || c == '}') return {c == '{' ? Token::open : Token::close, begin, ++at_};
        if (c == '"') {
            for (++at_; at_ < text_.size() && text_[at_] != '"'; ++at_)
                if (text_[at_] == '\\') ++at_;
            if (at_ >= text_.size()) throw PatchFailure{begin, "this text's closing quote \" is missing"};
            return {Token::string, begin, ++at_};
        }
        while (at_ < text_.size() && is_word_character(text_[at_])) ++at_;
        if (at_ == begin) throw PatchFailure{begin, std::string(kNotFlat) + "this character is not part of one"};
        return {Token::word, begin, at_};
    }

private:
    static bool is_word_character(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               c == '.' || c == '@';
    }

    void skip_space_and_comments() {
        while (at_ < text_.size()) {
            const std::string_view rest = text_.substr(at_);
            if (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r' || rest[0] == '\n') {
                ++at_;
            } else if (rest.starts_with("//")) {
                at_ = std::min(text_.size(), text_.find('\n', at_));
            } else if (rest.starts_with("/*")) {
                const auto close = text_.find("*/", at_ + 2);
                if (close == std::string_view::npos) throw PatchFailure{at_, "this comment /* is not closed with */"};
                at_ = close + 2;
            } else {
                return;
            }
        }
    }

    std::string_view text_;
    std::size_t at_;
};

// A string token's text as genrb reads it: ICU's escapes (\uXXXX, \n, \" …) resolved.
std::string decoded(std::string_view text, const Token& token) {
    const std::string_view inner = text.substr(token.begin + 1, token.end_offset - token.begin - 2);
    if (inner.find('\\') == std::string_view::npos) return std::string(inner);
    const icu::UnicodeString unescaped =
        icu::UnicodeString::fromUTF8(icu::StringPiece(inner.data(), static_cast<int32_t>(inner.size()))).unescape();
    if (unescaped.isEmpty()) throw PatchFailure{token.begin, "this text has an escape with \\ that genrb cannot read"};
    std::string out;
    unescaped.toUTF8String(out);
    return out;
}

Token expect(Lexer& lexer, Token::Kind kind, std::string_view what) {
    const Token token = lexer.next();
    if (token.kind != kind) throw PatchFailure{token.begin, std::string(kNotFlat) + "here it needs " + std::string(what)};
    return token;
}

struct Catalog {
    std::vector<CatalogEntry> entries;
    std::vector<std::size_t> key_offsets;  // where each entry's key starts
    std::size_t close = 0;                 // the table's closing brace
};

// Offsets into `text`, which has no byte order mark.
Catalog read_catalog(std::string_view text) {
    Lexer lexer(text, 0);
    const Token name = lexer.next();
    if (name.kind != Token::word && name.kind != Token::string)
        throw PatchFailure{name.begin, std::string(kNotFlat) + "it starts with the table's name, e.g. de {"};
    expect(lexer, Token::open, "a { after the table's name");
    Catalog catalog;
    Token key = lexer.next();
    for (; key.kind != Token::close; key = lexer.next()) {
        if (key.kind != Token::word && key.kind != Token::string)
            throw PatchFailure{key.begin, std::string(kNotFlat) + "here it needs a key in quotes or the closing }"};
        expect(lexer, Token::open, "a { after the key");
        CatalogEntry entry;
        entry.key = key.kind == Token::string ? decoded(text, key) : std::string(text.substr(key.begin, key.end_offset - key.begin));
        Token part = expect(lexer, Token::string, "a text in quotes");
        entry.begin = part.begin;
        for (; part.kind == Token::string; part = lexer.next()) {
            entry.value += decoded(text, part);
            entry.end = part.end_offset;
        }
        if (part.kind != Token::close) throw PatchFailure{part.begin, std::string(kNotFlat) + "here it needs the } after the text"};
        const PatchError at = patch::error_at(text, entry.begin, "");
        entry.line = at.line;
        entry.column = at.column;
        catalog.entries.push_back(std::move(entry));
        catalog.key_offsets.push_back(key.begin);
    }
    catalog.close = key.begin;
    if (const Token rest = lexer.next(); rest.kind != Token::end)
        throw PatchFailure{rest.begin, std::string(kNotFlat) + "nothing may follow the table's closing }"};
    return catalog;
}

// `text` as a genrb string: quotes and backslashes escaped, and control characters, so that each
// message stays on one line.
std::string catalog_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\u00";
            out += kHex[(c >> 4) & 0xF];
            out += kHex[c & 0xF];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

std::variant<std::vector<CatalogEntry>, PatchError> catalog_entries(std::string_view text) {
    const std::string_view body = without_bom(text);
    const std::size_t bom = text.size() - body.size();
    try {
        std::vector<CatalogEntry> entries = read_catalog(body).entries;
        for (CatalogEntry& entry : entries) {
            entry.begin += bom;
            entry.end += bom;
        }
        return entries;
    } catch (const PatchFailure& failure) {
        return patch::error_at(body, failure.offset, failure.message);
    }
}

std::variant<std::string, PatchError> patch_catalog(std::string_view text, std::string_view language,
                                                    std::string_view key, std::string_view value) {
    const std::string entry_text = catalog_string(key) + " { " + catalog_string(value) + " }";
    if (text.empty())
        return "// " + std::string(language) + ": Lotse's messages, ICU resource-bundle source (compiled by genrb)\n" +
               std::string(language) + " {\n    " + entry_text + "\n}\n";
    const std::string_view body = without_bom(text);
    const std::string_view bom = text.substr(0, text.size() - body.size());
    Catalog catalog;
    try {
        catalog = read_catalog(body);
    } catch (const PatchFailure& failure) {
        return patch::error_at(body, failure.offset, failure.message);
    }
    for (const CatalogEntry& entry : catalog.entries) {
        if (entry.key != key) continue;
        if (entry.value == value) return std::string(text);
        return std::string(bom) + patch::spliced(body, entry.begin, entry.end, catalog_string(value));
    }
    const std::string_view eol = patch::line_end_of(body);
    std::string indent = "    ";
    if (!catalog.key_offsets.empty()) {
        const std::size_t key_at = catalog.key_offsets.back();
        const std::size_t line = body.rfind('\n', key_at) + 1;  // npos + 1 is the first line
        if (body.substr(line, key_at - line).find_first_not_of(" \t") == std::string_view::npos)
            indent = body.substr(line, key_at - line);
    }
    const std::size_t line = body.rfind('\n', catalog.close) + 1;
    const std::string new_line = indent + entry_text + std::string(eol);
    if (body.substr(line, catalog.close - line).find_first_not_of(" \t") == std::string_view::npos)
        return std::string(bom) + patch::spliced(body, line, line, new_line);
    return std::string(bom) + patch::spliced(body, catalog.close, catalog.close, std::string(eol) + new_line);
}

}  // namespace lotse
