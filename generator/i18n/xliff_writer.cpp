// write_xliff: one <file> with one unit per text, in XLIFF 2.1 or 1.2.
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "i18n/xliff.h"

namespace lotse {

namespace {

constexpr const char* kCore2 = "urn:oasis:names:tc:xliff:document:2.0";
constexpr const char* kMatches2 = "urn:oasis:names:tc:xliff:matches:2.0";
constexpr const char* kCore12 = "urn:oasis:names:tc:xliff:document:1.2";

// XML 1.0 cannot carry these even as character references: C0 controls but tab, line feed
// and carriage return, and U+FFFE, U+FFFF. Returns the code point of the one at `i`, or -1.
long forbidden_char(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return c;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF) {
        const auto last = static_cast<unsigned char>(s[i + 2]);
        if (last == 0xBE || last == 0xBF) return 0xFFFE + (last - 0xBE);
    }
    return -1;
}

// Text into an element; in 2.1 a character XML cannot carry becomes <cp hex="…"/>, which is
// what the standard has it for. 1.2 has nothing of the kind: there it is written as a
// character reference, which pugixml reads back and a strict parser refuses.
void append_text(pugi::xml_node into, std::string_view text, XliffVersion version) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size() && version == XliffVersion::v2_1; ++i) {
        const long c = forbidden_char(text, i);
        if (c < 0) continue;
        if (i > from) into.append_child(pugi::node_pcdata).set_value(std::string(text.substr(from, i - from)).c_str());
        char hex[20];
        std::snprintf(hex, sizeof hex, "%04lX", c);
        into.append_child("cp").append_attribute("hex") = hex;
        from = i + (c < 0x20 ? 1 : 3);
        i = from - 1;
    }
    if (from < text.size()) into.append_child(pugi::node_pcdata).set_value(std::string(text.substr(from)).c_str());
}

std::string data_id(int code, Piece::Kind kind) {
    return "d" + std::to_string(code) + (kind == Piece::Kind::close ? "e" : "");
}

// The inline content of a 2.1 <source> or <target>: a link is <pc> around its text, with the
// original characters of both ends in the unit's <originalData>. A code a target repeats
// (ICU only) is a copy of the source's code under an id of its own.
void append_inline_v2(pugi::xml_node into, const std::vector<Piece>& pieces, TextSyntax syntax, int& next_copy) {
    std::vector<pugi::xml_node> open{into};
    std::set<int> used;
    const bool markdown = syntax == TextSyntax::markdown;
    for (const Piece& p : pieces) {
        if (p.kind == Piece::Kind::text) {
            append_text(open.back(), p.text, XliffVersion::v2_1);
        } else if (p.kind == Piece::Kind::close) {
            open.pop_back();
        } else {
            pugi::xml_node code = open.back().append_child(p.kind == Piece::Kind::open ? "pc" : "ph");
            const std::string id = std::to_string(p.code);
            const bool copy = !used.insert(p.code).second;
            code.append_attribute("id") = copy ? std::to_string(next_copy++).c_str() : id.c_str();
            if (markdown) code.append_attribute("canCopy") = "no";
            if (markdown) code.append_attribute("canDelete") = "no";
            // A copy has no original data of its own: it is the data of the code it copies.
            if (copy) code.append_attribute("copyOf") = id.c_str();
            else if (p.kind == Piece::Kind::placeholder) code.append_attribute("dataRef") = data_id(p.code, p.kind).c_str();
            if (p.kind == Piece::Kind::open && !copy) {
                code.append_attribute("dataRefStart") = data_id(p.code, Piece::Kind::open).c_str();
                code.append_attribute("dataRefEnd") = data_id(p.code, Piece::Kind::close).c_str();
            }
            if (p.kind == Piece::Kind::open) open.push_back(code);
            if (markdown) code.append_attribute("type") = p.image ? "image" : "link";
        }
    }
}

// XLIFF 2 unit ids are XML name tokens (letters, digits, ".", "-", "_", ":"). Lotse's ids differ
// from them only in "/", which becomes ":"; an id with anything else gets a numbered token.
std::string token_for(const std::string& id, std::size_t index, std::set<std::string>& taken) {
    bool simple = !id.empty();
    for (char c : id)
        simple &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                  c == '_' || c == '/';
    std::string token = "u" + std::to_string(index + 1);
    if (simple) {
        token = id;
        for (char& c : token)
            if (c == '/') c = ':';
    }
    while (!taken.insert(token).second) token += "_";
    return token;
}

void write_unit_v2(pugi::xml_node file, const XliffUnit& u, const std::string& token) {
    pugi::xml_node unit = file.append_child("unit");
    unit.append_attribute("id") = token.c_str();
    unit.append_attribute("name") = u.id.c_str();
    unit.append_attribute("xml:space") = "preserve";
    // How the text is read, so that reading the file back knows what to check.
    if (u.syntax != TextSyntax::plain) unit.append_attribute("type") = u.syntax == TextSyntax::icu ? "lotse:icu" : "lotse:markdown";
    if (u.previous_target) {
        pugi::xml_node match = unit.append_child("mtc:matches").append_child("mtc:match");
        match.append_attribute("ref") = "#s1";
        match.append_attribute("type") = "tm";
        match.append_attribute("origin") = "previous translation";
        append_text(match.append_child("source"), u.previous_source.value_or(""), XliffVersion::v2_1);
        append_text(match.append_child("target"), *u.previous_target, XliffVersion::v2_1);
    }
    if (!u.note.empty() || u.previous_target) {
        pugi::xml_node notes = unit.append_child("notes");
        if (!u.note.empty()) {
            pugi::xml_node note = notes.append_child("note");
            note.append_attribute("category") = "location";
            append_text(note, u.note, XliffVersion::v2_1);
        }
        // Many tools show notes but not translation candidates.
        if (u.previous_target)
            append_text(notes.append_child("note"),
                        "Previous translation (the source text has changed since): " + *u.previous_target,
                        XliffVersion::v2_1);
    }
    const std::vector<Piece> source = pieces(u.source, u.syntax);
    pugi::xml_node data;
    for (const Piece& p : source) {
        if (p.kind == Piece::Kind::text) continue;
        if (!data) data = unit.append_child("originalData");
        pugi::xml_node d = data.append_child("data");
        d.append_attribute("id") = data_id(p.code, p.kind).c_str();
        append_text(d, p.text, XliffVersion::v2_1);
    }
    pugi::xml_node segment = unit.append_child("segment");
    segment.append_attribute("id") = "s1";
    segment.append_attribute("state") = u.target ? "translated" : "initial";
    int next_copy = static_cast<int>(source.size()) + 1;
    append_inline_v2(segment.append_child("source"), source, u.syntax, next_copy);
    if (u.target)
        append_inline_v2(segment.append_child("target"),
                         numbered_as(source, pieces(*u.target, u.syntax), u.syntax == TextSyntax::icu), u.syntax,
                         next_copy);
}

// 1.2 inline content: a link is <bpt>…</bpt>text<ept>…</ept>, the codes holding their
// original characters themselves.
void append_inline_v12(pugi::xml_node into, const std::vector<Piece>& pieces, TextSyntax syntax) {
    for (const Piece& p : pieces) {
        if (p.kind == Piece::Kind::text) {
            append_text(into, p.text, XliffVersion::v1_2);
            continue;
        }
        const char* name = p.kind == Piece::Kind::open ? "bpt" : p.kind == Piece::Kind::close ? "ept" : "ph";
        pugi::xml_node code = into.append_child(name);
        code.append_attribute("id") = std::to_string(p.code).c_str();
        if (p.kind == Piece::Kind::open) code.append_attribute("ctype") = p.image ? "x-image" : "link";
        if (p.kind == Piece::Kind::placeholder)
            code.append_attribute("ctype") = syntax == TextSyntax::icu ? "x-icu-argument" : "x-autolink";
        append_text(code, p.text, XliffVersion::v1_2);
    }
}

void write_unit_v12(pugi::xml_node body, const XliffUnit& u) {
    pugi::xml_node unit = body.append_child("trans-unit");
    unit.append_attribute("id") = u.id.c_str();
    unit.append_attribute("resname") = u.id.c_str();
    unit.append_attribute("xml:space") = "preserve";
    unit.append_attribute("datatype") = u.syntax == TextSyntax::markdown ? "x-markdown"
                                        : u.syntax == TextSyntax::icu    ? "x-icu-messageformat"
                                                                         : "plaintext";
    const std::vector<Piece> source = pieces(u.source, u.syntax);
    append_inline_v12(unit.append_child("source"), source, u.syntax);
    pugi::xml_node target = unit.append_child("target");
    target.append_attribute("state") = !u.target ? "needs-translation"
                                       : u.previous_target ? "needs-review-translation"
                                                           : "translated";
    if (u.target)
        append_inline_v12(target, numbered_as(source, pieces(*u.target, u.syntax), u.syntax == TextSyntax::icu), u.syntax);
    if (!u.note.empty()) append_text(unit.append_child("note"), u.note, XliffVersion::v1_2);
    if (u.previous_target) {
        pugi::xml_node alt = unit.append_child("alt-trans");
        alt.append_attribute("origin") = "previous translation";
        append_text(alt.append_child("source"), u.previous_source.value_or(""), XliffVersion::v1_2);
        append_text(alt.append_child("target"), *u.previous_target, XliffVersion::v1_2);
    }
}

// Indents the elements that hold only elements. pugixml's own indenting would also indent a
// <source> that starts with a code, which changes its text; so the document is written raw,
// with this whitespace in the structure only.
void indent(pugi::xml_node node, int depth) {
    const std::string_view name = node.name();
    if (name == "source" || name == "target" || name == "data" || name == "note" || !node.first_child()) return;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        indent(child, depth + 1);
        node.insert_child_before(pugi::node_pcdata, child).set_value(("\n" + std::string(2 * (depth + 1), ' ')).c_str());
    }
    node.append_child(pugi::node_pcdata).set_value(("\n" + std::string(2 * depth, ' ')).c_str());
}

}  // namespace

std::string write_xliff(const XliffFile& in, XliffVersion version) {
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("xliff");
    pugi::xml_node file;
    if (version == XliffVersion::v2_1) {
        root.append_attribute("xmlns") = kCore2;
        root.append_attribute("xmlns:mtc") = kMatches2;
        root.append_attribute("version") = "2.1";
        root.append_attribute("srcLang") = in.source_language.c_str();
        root.append_attribute("trgLang") = in.target_language.c_str();
        file = root.append_child("file");
        file.append_attribute("id") = "f1";
        file.append_attribute("original") = in.original.c_str();
        std::set<std::string> taken;
        for (std::size_t i = 0; i < in.units.size(); ++i) write_unit_v2(file, in.units[i], token_for(in.units[i].id, i, taken));
    } else {
        root.append_attribute("xmlns") = kCore12;
        root.append_attribute("version") = "1.2";
        file = root.append_child("file");
        file.append_attribute("original") = in.original.c_str();
        file.append_attribute("source-language") = in.source_language.c_str();
        file.append_attribute("target-language") = in.target_language.c_str();
        file.append_attribute("datatype") = "plaintext";
        pugi::xml_node body = file.append_child("body");
        for (const XliffUnit& u : in.units) write_unit_v12(body, u);
    }
    indent(root, 0);
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    // A carriage return written as it is would come back as a line feed (XML normalises line
    // ends); pugixml writes it raw in text, and the indenting has none, so every one is text's.
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    for (char c : out.str()) xml += c == '\r' ? std::string("&#13;") : std::string(1, c);
    return xml + "\n";
}

}  // namespace lotse
