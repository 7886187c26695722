// read_xliff: XLIFF 2.x and 1.2 back into units, each target rebuilt from its text and its
// source's codes and checked against its source.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <variant>

#include <pugixml.hpp>

#include "content/encoding.h"
#include "i18n/xliff.h"

namespace lotse {

namespace {

enum class Version { v2, v1_2 };

// An element's name without its namespace prefix. pugixml does not resolve namespaces; XLIFF
// files put the core elements in the default namespace, and no two of the elements read here
// share a local name in the places they are looked for.
std::string_view local_name(const pugi::xml_node& node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string quoted(std::string_view s) { return '"' + std::string(s) + '"'; }

std::string utf8_of(unsigned long c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x110000) {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

// The character a 2.x <cp hex="…"/> stands for.
std::string code_point(const pugi::xml_node& cp) {
    return utf8_of(std::strtoul(cp.attribute("hex").value(), nullptr, 16));
}

// All text inside an element, codes and markup left out (notes, candidates, original data).
std::string text_of(const pugi::xml_node& node) {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (local_name(child) == "cp") out += code_point(child);
        else if (child.type() == pugi::node_element) out += text_of(child);
    }
    return out;
}

// Byte offsets into line:column, columns counted in characters as the rest of Lotse counts them.
class Positions {
public:
    Positions(FilePath path, std::string_view text) : path_(std::move(path)), text_(text) {
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts_.push_back(i + 1);
    }

    SourcePos at(std::size_t offset) const {
        offset = std::min(offset, text_.size());
        const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
        int column = 1;
        for (std::size_t i = *line; i < offset; ++i) column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
        return {path_, static_cast<int>(line - line_starts_.begin()) + 1, column};
    }
    // Where an element's "<" is, or where a text starts.
    SourcePos of(const pugi::xml_node& node) const {
        const std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) return {path_, 1, 1};
        return at(static_cast<std::size_t>(offset) - (node.type() == pugi::node_element ? 1 : 0));
    }

private:
    FilePath path_;
    std::string_view text_;
    std::vector<std::size_t> line_starts_{0};
};

// An inline code as a file has it: its id, and where its original characters are (2.x: the id
// of a <data>; 1.2: the code's own content).
struct Code {
    Piece::Kind kind;
    std::string id, ref, own;
    SourcePos pos;
};
using Item = std::variant<std::string, Code>;

// The codes of a unit's source: their original characters by kind and id, and how often; and
// the source text they make with its text.
struct SourceCodes {
    std::map<std::pair<Piece::Kind, std::string>, std::string> text;
    std::map<std::pair<Piece::Kind, std::string>, int> count;
    std::vector<std::pair<Piece::Kind, std::string>> order;
    std::string source;
};

// A unit's source and target as the file has them, codes unresolved.
struct Parts {
    std::vector<Item> source;
    std::optional<std::vector<Item>> target;
};

class Reader {
public:
    Reader(Version version, const Positions& positions, Diagnostics& diags)
        : version_(version), positions_(positions), diags_(diags) {}

    std::optional<XliffUnit> unit(const pugi::xml_node& node);

private:
    void inline_items(const pugi::xml_node& node, const XliffUnit& u, std::vector<Item>& out);
    Parts parts_v2(const pugi::xml_node& node, XliffUnit& u);
    Parts parts_v12(const pugi::xml_node& node, XliffUnit& u);
    void read_hints(const pugi::xml_node& node, XliffUnit& u);
    SourceCodes codes_of(const std::vector<Item>& source, const pugi::xml_node& unit, const XliffUnit& u);
    std::optional<std::string> rebuilt(const std::vector<Item>& target, const SourceCodes& codes, const XliffUnit& u);
    void check_meaning(XliffUnit& u);
    void error(const SourcePos& pos, const XliffUnit& u, const std::string& message) {
        diags_.error(pos, "the translation of " + quoted(u.id) + " " + message);
    }

    Version version_;
    const Positions& positions_;
    Diagnostics& diags_;
};

std::string describe(const SourceCodes& codes, const std::pair<Piece::Kind, std::string>& key) {
    if (key.first == Piece::Kind::placeholder) return quoted(codes.text.at(key));
    const auto end = codes.text.find({Piece::Kind::close, key.second});
    const auto start = codes.text.find({Piece::Kind::open, key.second});
    return quoted((start == codes.text.end() ? "" : start->second) + "…" + (end == codes.text.end() ? "" : end->second));
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node child : node.children())
        if (child.type() == pugi::node_element && local_name(child) == name) return child;
    return {};
}

void append_text(std::vector<Item>& out, std::string_view text) {
    if (!out.empty() && std::holds_alternative<std::string>(out.back())) std::get<std::string>(out.back()) += text;
    else out.emplace_back(std::string(text));
}

void append_items(std::vector<Item>& out, std::vector<Item> more) {
    for (Item& item : more) {
        if (const std::string* text = std::get_if<std::string>(&item)) append_text(out, *text);
        else out.push_back(std::move(item));
    }
}

void Reader::inline_items(const pugi::xml_node& node, const XliffUnit& u, std::vector<Item>& out) {
    const bool v2 = version_ == Version::v2;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) append_text(out, child.value());
        if (child.type() != pugi::node_element) continue;
        const std::string_view name = local_name(child);
        const SourcePos pos = positions_.of(child);
        // A copy of a code (2.x copyOf) stands for the code it copies.
        const char* copy_of = child.attribute("copyOf").value();
        auto code = [&](Piece::Kind kind, const char* id, const char* ref) {
            out.push_back(Code{kind, *copy_of ? copy_of : child.attribute(id).value(), child.attribute(ref).value(),
                               v2 ? "" : text_of(child), pos});
        };
        const bool paired = v2 ? name == "pc" : name == "g";
        if (name == "mrk") {
            inline_items(child, u, out);
        } else if (v2 && name == "cp") {
            append_text(out, code_point(child));
        } else if (paired) {
            code(Piece::Kind::open, "id", "dataRefStart");
            inline_items(child, u, out);
            code(Piece::Kind::close, "id", "dataRefEnd");
        } else if (v2 ? name == "sc" : name == "bpt" || name == "bx") {
            code(Piece::Kind::open, "id", "dataRef");
        } else if (v2 ? name == "ec" : name == "ept" || name == "ex") {
            code(Piece::Kind::close, *child.attribute("startRef").value() ? "startRef" : "id", "dataRef");
        } else if (v2 ? name == "ph" : name == "ph" || name == "x" || name == "it") {
            code(Piece::Kind::placeholder, "id", "dataRef");
        } else if (!(v2 && (name == "sm" || name == "em"))) {
            diags_.error(pos, "unit " + quoted(u.id) + " holds <" + std::string(child.name()) +
                                  ">, which is not inline content of XLIFF " + (v2 ? "2" : "1.2"));
        }
    }
}

// A 2.x unit's text is the sequence of its segments and ignorables (a tool may split a text
// into sentences); their targets go in that order, or in the one their `order` gives. An
// ignorable without a target stands for itself.
Parts Reader::parts_v2(const pugi::xml_node& node, XliffUnit& u) {
    Parts out;
    std::vector<std::pair<long long, std::vector<Item>>> targets;
    int missing = 0, translated = 0;
    for (pugi::xml_node part : node.children()) {
        const std::string_view name = local_name(part);
        if (name != "segment" && name != "ignorable") continue;
        std::vector<Item> items;
        inline_items(child_named(part, "source"), u, items);
        const long long place = static_cast<long long>(targets.size()) + missing + 1;
        if (const pugi::xml_node t = child_named(part, "target")) {
            translated += name == "segment";
            if (u.target_pos.line == 0) u.target_pos = positions_.of(t);
            targets.emplace_back(t.attribute("order").as_llong(place), std::vector<Item>{});
            inline_items(t, u, targets.back().second);
        } else if (name == "ignorable") {
            targets.emplace_back(place, items);
        } else {
            ++missing;
        }
        append_items(out.source, std::move(items));
    }
    if (translated > 0 && missing > 0)
        diags_.warning(u.pos, "unit " + quoted(u.id) + " is translated only in part; it is left out");
    if (translated == 0 || missing > 0) return out;
    std::stable_sort(targets.begin(), targets.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out.target.emplace();
    for (auto& [place, items] : targets) append_items(*out.target, std::move(items));
    return out;
}

Parts Reader::parts_v12(const pugi::xml_node& node, XliffUnit& u) {
    Parts out;
    inline_items(child_named(node, "source"), u, out.source);
    if (const pugi::xml_node t = child_named(node, "target")) {
        u.target_pos = positions_.of(t);
        inline_items(t, u, out.target.emplace());
    }
    return out;
}

SourceCodes Reader::codes_of(const std::vector<Item>& source, const pugi::xml_node& unit, const XliffUnit& u) {
    std::map<std::string, std::string> data;
    for (pugi::xml_node d : child_named(unit, "originalData").children())
        if (d.type() == pugi::node_element) data[d.attribute("id").value()] = text_of(d);
    SourceCodes codes;
    for (const Item& item : source) {
        if (const std::string* text = std::get_if<std::string>(&item)) {
            codes.source += *text;
            continue;
        }
        const Code& c = std::get<Code>(item);
        std::string original = c.own;
        if (version_ == Version::v2) {
            const auto it = data.find(c.ref);
            if (it != data.end()) original = it->second;
            else diags_.error(c.pos, "unit " + quoted(u.id) + " has a code in its source (id " + quoted(c.id) +
                                         ") whose original data " + quoted(c.ref) + " is missing");
        }
        const std::pair key{c.kind, c.id};
        if (codes.count[key]++ == 0) codes.order.push_back(key);
        codes.text.emplace(key, original);
        codes.source += original;
    }
    return codes;
}

std::optional<std::string> Reader::rebuilt(const std::vector<Item>& target, const SourceCodes& codes, const XliffUnit& u) {
    std::string out;
    std::map<std::pair<Piece::Kind, std::string>, int> seen;
    std::set<std::string> reported;
    // A language with more plural forms than the source repeats "#" and arguments, and one
    // with fewer leaves some out: in ICU messages the arguments are compared instead.
    const bool counted = u.syntax != TextSyntax::icu;
    for (const Item& item : target) {
        if (const std::string* text = std::get_if<std::string>(&item)) {
            out += *text;
            continue;
        }
        const Code& c = std::get<Code>(item);
        const std::pair key{c.kind, c.id};
        const auto it = codes.text.find(key);
        if (it == codes.text.end()) {
            error(c.pos, u, "has a code its source does not have (id " + quoted(c.id) +
                                "): an invented code cannot be written back; use the codes of the source");
            reported.insert(c.id);
            continue;
        }
        out += it->second;
        if (++seen[key] > codes.count.at(key) && counted && reported.insert(c.id).second)
            error(c.pos, u, "repeats the code " + describe(codes, key) + " (id " + c.id + "), which its source has once");
    }
    for (const auto& key : codes.order)
        if (counted && seen[key] < codes.count.at(key) && reported.insert(key.second).second)
            error(u.target_pos, u, "drops the code " + describe(codes, key) + " (id " + key.second + ") of its source");
    if (!reported.empty()) return std::nullopt;
    return out;
}

void Reader::check_meaning(XliffUnit& u) {
    const std::size_t before = diags_.error_count();
    if (u.syntax == TextSyntax::markdown) {
        const std::vector<std::string> source = link_targets(u.source), target = link_targets(*u.target);
        std::vector<std::string> gone, added;
        std::set_difference(source.begin(), source.end(), target.begin(), target.end(), std::back_inserter(gone));
        std::set_difference(target.begin(), target.end(), source.begin(), source.end(), std::back_inserter(added));
        for (const std::string& url : added)
            error(u.target_pos, u, "changes a link target: it links to " + quoted(url) +
                                       (std::binary_search(source.begin(), source.end(), url) ? " more often than its source"
                                                                                              : ", which its source does not"));
        for (const std::string& url : gone)
            error(u.target_pos, u, "changes a link target: it no longer links to " + quoted(url) +
                                       (std::binary_search(target.begin(), target.end(), url) ? " as often as its source" : ""));
    } else if (u.syntax == TextSyntax::icu) {
        const auto target = icu_arguments(*u.target);
        const auto source = icu_arguments(u.source);
        if (const std::string* problem = std::get_if<std::string>(&target)) {
            error(u.target_pos, u, "is not a valid ICU message: " + *problem);
        } else if (const auto* names = std::get_if<std::set<std::string>>(&source)) {
            const auto& has = std::get<std::set<std::string>>(target);
            for (const std::string& name : *names)
                if (!has.count(name)) error(u.target_pos, u, "drops the argument {" + name + "}");
            for (const std::string& name : has)
                if (!names->count(name)) error(u.target_pos, u, "uses the argument {" + name + "}, which its source does not have");
        }
    }
    if (diags_.error_count() > before) u.target.reset();
}

// The note on where the text appears, and the previous translation Lotse offered as a candidate.
void Reader::read_hints(const pugi::xml_node& node, XliffUnit& u) {
    const bool v2 = version_ == Version::v2;
    for (pugi::xml_node note : v2 ? child_named(node, "notes").children() : node.children()) {
        if (local_name(note) != "note" || (v2 && std::string_view(note.attribute("category").value()) != "location")) continue;
        u.note = text_of(note);
        break;
    }
    const pugi::xml_node candidates = v2 ? child_named(node, "matches") : node;
    for (pugi::xml_node c : candidates.children()) {
        if (local_name(c) != (v2 ? "match" : "alt-trans") ||
            std::string_view(c.attribute("origin").value()) != "previous translation")
            continue;
        u.previous_source = text_of(child_named(c, "source"));
        u.previous_target = text_of(child_named(c, "target"));
        break;
    }
}

std::optional<XliffUnit> Reader::unit(const pugi::xml_node& node) {
    XliffUnit u;
    u.pos = positions_.of(node);
    const bool v2 = version_ == Version::v2;
    u.id = node.attribute(v2 ? "name" : "resname").value();
    if (u.id.empty()) u.id = node.attribute("id").value();
    if (u.id.empty()) {
        diags_.error(u.pos, "this unit has no id");
        return std::nullopt;
    }
    const std::string_view type = node.attribute(v2 ? "type" : "datatype").value();
    if (type == (v2 ? "lotse:markdown" : "x-markdown")) u.syntax = TextSyntax::markdown;
    if (type == (v2 ? "lotse:icu" : "x-icu-messageformat")) u.syntax = TextSyntax::icu;
    read_hints(node, u);
    const Parts parts = v2 ? parts_v2(node, u) : parts_v12(node, u);
    const SourceCodes codes = codes_of(parts.source, node, u);
    u.source = codes.source;
    if (parts.target) u.target = rebuilt(*parts.target, codes, u);
    // Tools write an empty target for a text nobody translated.
    if (u.target && u.target->empty() && !u.source.empty()) u.target.reset();
    if (u.target) check_meaning(u);
    return u;
}

// Every unit under `node`, also inside groups (which tools may add).
void collect_units(const pugi::xml_node& node, Version version, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node child : node.children()) {
        const std::string_view name = local_name(child);
        if (name == (version == Version::v2 ? "unit" : "trans-unit")) out.push_back(child);
        else if (name == "group" || name == "body") collect_units(child, version, out);
    }
}

std::optional<XliffFile> read_file(const pugi::xml_node& root, Version version, const Positions& positions,
                                   Diagnostics& diags) {
    std::vector<pugi::xml_node> files;
    for (pugi::xml_node child : root.children())
        if (local_name(child) == "file") files.push_back(child);
    if (files.size() != 1) {
        diags.error(positions.of(files.empty() ? root : files[1]),
                    files.empty() ? "this XLIFF file has no <file>"
                                  : "this XLIFF file has more than one <file>; Lotse writes one and reads one");
        return std::nullopt;
    }
    const bool v2 = version == Version::v2;
    XliffFile out;
    out.pos = positions.of(files[0]);
    // 2.x names the languages on <xliff>, 1.2 on <file>.
    const pugi::xml_node named = v2 ? root : files[0];
    const char* source = v2 ? "srcLang" : "source-language";
    const char* target = v2 ? "trgLang" : "target-language";
    out.source_language = named.attribute(source).value();
    out.target_language = named.attribute(target).value();
    if (out.source_language.empty())
        diags.error(positions.of(named), "this XLIFF file names no source language (" + std::string(source) + ")");
    if (out.target_language.empty())
        diags.error(positions.of(named), "this XLIFF file names no target language (" + std::string(target) +
                                             "), so it is not known which translation it holds");
    if (out.source_language.empty() || out.target_language.empty()) return std::nullopt;
    out.original = files[0].attribute("original").value();
    std::vector<pugi::xml_node> nodes;
    collect_units(files[0], version, nodes);
    Reader reader(version, positions, diags);
    std::map<std::string, SourcePos> seen;
    for (const pugi::xml_node& node : nodes) {
        std::optional<XliffUnit> u = reader.unit(node);
        if (!u) continue;
        const auto [first, fresh] = seen.emplace(u->id, u->pos);
        if (fresh) out.units.push_back(std::move(*u));
        else diags.error(u->pos, "unit " + quoted(u->id) + " appears twice in this file; the first is on line " +
                                     std::to_string(first->second.line));
    }
    return out;
}

}  // namespace

std::optional<XliffFile> read_xliff(const FilePath& path, std::string_view text, Diagnostics& diags) {
    if (!check_utf8(path, text, diags)) return std::nullopt;
    // Positions count from after a byte order mark, as check_utf8 does: no editor shows one.
    const std::string_view body = without_bom(text);
    const Positions positions(path, body);
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(body.data(), body.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed) {
        std::string what = parsed.description();
        if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        diags.error(positions.at(static_cast<std::size_t>(parsed.offset)), "this is not well-formed XML: " + what);
        return std::nullopt;
    }
    const pugi::xml_node root = doc.document_element();
    if (local_name(root) != "xliff") {
        diags.error(positions.of(root), "this is not an XLIFF file: its root element is <" + std::string(root.name()) +
                                            ">, not <xliff>");
        return std::nullopt;
    }
    const std::string_view number = root.attribute("version").value();
    if (number != "1.2" && !number.starts_with("2.")) {
        diags.error(positions.of(root), "XLIFF version " + quoted(number) + " is not one Lotse reads (2.0, 2.1, 2.2, 1.2)");
        return std::nullopt;
    }
    const Version version = number == "1.2" ? Version::v1_2 : Version::v2;
    return read_file(root, version, positions, diags);
}

}  // namespace lotse
