// Setting localised texts in a YAML file's bytes: yaml-cpp finds the field, yaml_scalar_text.h
// finds and writes the bytes, and the result is read back and compared with what was meant before
// anything is returned.
#include "i18n/yaml_patch.h"

#include <algorithm>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "i18n/patch_text.h"
#include "i18n/yaml_scalar_text.h"

namespace lotse::patch {

namespace {

constexpr std::string_view kNotWritten =
    "Lotse cannot write this translation here without changing something else in the file, so it "
    "writes nothing; add the translation by hand";

std::size_t offset_of(const YAML::Node& node) { return static_cast<std::size_t>(std::max(0, node.Mark().pos)); }

// A field as a value in a map: its key, its value, and whether the map is written {…}.
struct Field {
    YAML::Node key, value;
    bool flow = false;
    std::string name;  // the path, dotted, for messages

    // Where messages about the field point: its value, or its key when the value is empty.
    std::size_t offset() const { return value.IsNull() ? offset_of(key) : offset_of(value); }
    int indent() const { return key.Mark().column; }
};

std::string dotted(std::span<const std::string> path) {
    std::string out;
    for (const std::string& step : path) out += (out.empty() ? "" : ".") + step;
    return out;
}

YAML::Node parsed(const std::string& text) {
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw PatchFailure{static_cast<std::size_t>(std::max(e.mark.pos, 0)),
                           "this file is not valid YAML (" + e.msg + "), so Lotse writes nothing into it"};
    }
}

bool is_flow(const YAML::Node& collection) { return collection.Style() == YAML::EmitterStyle::Flow; }

// The list entry `step` of `list`, or a failure that names `name` and what is there instead.
YAML::Node entry(const YAML::Node& list, const std::string& step, const std::string& name) {
    const bool number = !step.empty() && step.size() < 9 && step.find_first_not_of("0123456789") == std::string::npos;
    if (number && std::stoul(step) < list.size()) return list[std::stoul(step)];
    throw PatchFailure{offset_of(list), in_quotes(name) + " is a list of " + std::to_string(list.size()) +
                                            " entries, counted from 0; it has no entry " + in_quotes(step)};
}

Field find_field(const YAML::Node& root, std::span<const std::string> path) {
    Field field;
    field.name = dotted(path);
    if (path.empty()) throw PatchFailure{0, "a translation needs the name of the field it is for"};
    YAML::Node at = root;
    bool in_map = false;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const std::string there = dotted(path.first(i));
        if (at.IsMap()) {
            auto it = at.begin();
            while (it != at.end() && !(it->first.IsScalar() && it->first.Scalar() == path[i])) ++it;
            if (it == at.end())
                throw PatchFailure{offset_of(at), "there is no " + in_quotes(path[i]) + (there.empty() ? "" : " in " + in_quotes(there)) +
                                                      " in this file, so " + in_quotes(field.name) + " cannot be written"};
            field.key.reset(it->first);
            field.value.reset(it->second);
            field.flow = is_flow(at);
            in_map = true;
        } else if (at.IsSequence()) {
            field.value.reset(entry(at, path[i], there));
            in_map = false;
        } else {
            throw PatchFailure{at.IsNull() ? (i == 0 ? 0 : offset_of(field.key)) : offset_of(at),
                               in_quotes(there.empty() ? "this file" : there) + " holds no fields, so " + in_quotes(field.name) +
                                   " cannot be written"};
        }
        at.reset(field.value);
    }
    if (!in_map) throw PatchFailure{field.offset(), in_quotes(field.name) + " is a list entry, not a text"};
    return field;
}

// `begin` to `end` replaced by `insert`, which ends in a literal block: blank lines after a
// block that keeps them would become its text, so they are replaced too; a block at the end of
// the file gets a line break.
std::string block_written(const std::string& text, std::size_t begin, std::size_t end, const std::string& insert,
                          bool keeps_blank_lines, std::string_view eol) {
    if (keeps_blank_lines) end = end_of_blank_lines(text, end);
    std::string out = spliced(text, begin, end, insert);
    if (end == text.size()) out += eol;
    return out;
}

std::string replaced(const std::string& text, const Field& field, std::string_view value, std::string_view eol) {
    if (field.value.Scalar() == value) return text;
    const ScalarBytes b = scalar_bytes(text, offset_of(field.value), field.indent(), field.flow, field.value.Scalar());
    if (field.flow) return spliced(text, b.begin, b.end, double_quoted(value));
    const std::string after = text.substr(b.after_begin, b.after_end - b.after_begin);
    if (!as_literal_block(value)) return spliced(text, b.begin, b.rewrite_end(), double_quoted(value) + after);
    const LiteralBlock block = literal_block(value, field.indent(), eol);
    return block_written(text, b.begin, b.rewrite_end(), block.header + after + block.body, block.keeps_blank_lines, eol);
}

// `language: value` added after the last entry of the map `field`; with `raw`, `value` is written as
// given (bytes that read back as the value on one line).
std::string added(const std::string& text, const Field& field, const std::string& language, std::string_view value,
                  std::string_view eol, bool raw = false) {
    const std::string written = raw ? std::string(value) : double_quoted(value);
    const YAML::Node& map = field.value;
    const bool flow = is_flow(map);
    if (map.size() == 0) {
        if (!flow) throw PatchFailure{field.offset(), in_quotes(field.name) + " has no text"};
        return spliced(text, offset_of(map) + 1, offset_of(map) + 1, language + ": " + written);
    }
    Field last{YAML::Node(), YAML::Node(), flow, field.name};
    for (auto it = map.begin(); it != map.end(); ++it) {
        last.key.reset(it->first);
        last.value.reset(it->second);
    }
    if (!last.value.IsScalar())
        throw PatchFailure{last.offset(), in_quotes(field.name + "." + last.key.as<std::string>("")) + " is not a text"};
    const ScalarBytes b = scalar_bytes(text, offset_of(last.value), last.indent(), flow, last.value.Scalar());
    if (flow) return spliced(text, b.end, b.end, ", " + language + ": " + written);
    const std::size_t at = b.rewrite_end();
    const std::string line = std::string(eol) + std::string(static_cast<std::size_t>(last.indent()), ' ') + language + ": ";
    if (raw || !as_literal_block(value)) return spliced(text, at, at, line + written);
    const LiteralBlock block = literal_block(value, last.indent(), eol);
    return block_written(text, at, at, line + block.header + block.body, block.keeps_blank_lines, eol);
}

// `text` with two more spaces at the start of each line after its first that is not empty.
std::string indented_further(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') out += "  ";
    }
    return out;
}

// Whether the scalar `bytes` (of `style`) reads as `value` inside a flow map too: a plain text may
// hold characters that end it there (, ? [ …), which yaml-cpp itself is asked about.
bool fits_flow_map(ScalarStyle style, std::string_view bytes, const std::string& value) {
    if (style == ScalarStyle::block || bytes.find('\n') != std::string_view::npos) return false;
    try {
        const YAML::Node map = YAML::Load("{k: " + std::string(bytes) + "}");
        return map["k"].IsScalar() && map["k"].Scalar() == value;
    } catch (const YAML::Exception&) {
        return false;
    }
}

// The plain text `field` as a map from the source language to its bytes, and `language` to `value`:
// {de: …, ar: …} where both fit on the line, else a block map under the key.
std::string as_map(const std::string& text, const Field& field, std::string_view source, const std::string& language,
                   std::string_view value, std::string_view eol) {
    const ScalarBytes b = scalar_bytes(text, offset_of(field.value), field.indent(), field.flow, field.value.Scalar());
    const std::string bytes = text.substr(b.begin, b.end - b.begin);
    if (field.flow || (fits_flow_map(b.style, bytes, field.value.Scalar()) && !as_literal_block(value)))
        return spliced(text, b.begin, b.end,
                       "{" + std::string(source) + ": " + bytes + ", " + language + ": " + double_quoted(value) + "}");
    std::size_t after_colon = b.begin;
    while (after_colon > 0 && std::string_view(" \t\r\n").find(text[after_colon - 1]) != std::string_view::npos) --after_colon;
    if (after_colon == 0 || text[after_colon - 1] != ':')
        throw PatchFailure{b.begin, "Lotse can only add languages to " + in_quotes(field.name) +
                                        " when its text follows the key and colon with nothing but spaces between"};
    const std::string margin = std::string(eol) + std::string(static_cast<std::size_t>(field.indent()) + 2, ' ');
    const std::string entries = margin + std::string(source) + ": " +
                                indented_further(std::string_view(text).substr(b.begin, b.rewrite_end() - b.begin)) +
                                margin + language + ": ";
    if (!as_literal_block(value)) return spliced(text, after_colon, b.rewrite_end(), entries + double_quoted(value));
    const LiteralBlock block = literal_block(value, field.indent() + 2, eol);
    return block_written(text, after_colon, b.rewrite_end(), entries + block.header + block.body, block.keeps_blank_lines, eol);
}

std::string applied(const std::string& text, const YAML::Node& root, const TextEdit& edit, std::string_view source,
                    bool plain_only, std::string_view eol) {
    const Field field = find_field(root, edit.path);
    const YAML::Node& v = field.value;
    if (v.IsScalar() && (plain_only || edit.language == source)) return replaced(text, field, edit.value, eol);
    if (v.IsScalar()) return as_map(text, field, source, edit.language, edit.value, eol);
    if (v.IsMap() && !plain_only) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!it->first.IsScalar() || it->first.Scalar() != edit.language) continue;
            const Field text_field{it->first, it->second, is_flow(v), field.name + "." + edit.language};
            if (!it->second.IsScalar())
                throw PatchFailure{text_field.offset(), in_quotes(text_field.name) + " is empty or not a text; write \"\" there or remove it"};
            return replaced(text, text_field, edit.value, eol);
        }
        return added(text, field, edit.language, edit.value, eol);
    }
    const std::string shape = v.IsMap() ? "a map" : v.IsSequence() ? "a list" : "empty";
    throw PatchFailure{field.offset(), in_quotes(field.name) + " is " + shape + ", not a text" +
                                           (plain_only ? "" : " (a text, or languages with their texts)")};
}

// Whether `value` reads back as itself when written plain, in a block map and in a flow map.
bool fits_plain(std::string_view value) {
    if (value.empty() || value.find_first_of("\r\n") != std::string_view::npos || value.front() == ' ' || value.back() == ' ')
        return false;
    for (const std::string& document : {"k: " + std::string(value), "{k: " + std::string(value) + "}"}) {
        try {
            const YAML::Node map = YAML::Load(document);
            if (!map.IsMap() || map.size() != 1) return false;
            const YAML::Node read = map.begin()->second;
            if (!read.IsScalar() || read.Scalar() != value || read.Tag() != "?") return false;
        } catch (const YAML::Exception&) {
            return false;
        }
    }
    return true;
}

std::string value_bytes(std::string_view value) { return fits_plain(value) ? std::string(value) : double_quoted(value); }

// The first steps of `path` up to the first key that is missing from its map; empty if none is.
std::vector<std::string> missing_part(const YAML::Node& root, std::span<const std::string> path) {
    YAML::Node at = root;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (!at.IsMap()) return {};
        auto it = at.begin();
        while (it != at.end() && !(it->first.IsScalar() && it->first.Scalar() == path[i])) ++it;
        if (it == at.end()) return {path.begin(), path.begin() + static_cast<std::ptrdiff_t>(i) + 1};
        at.reset(it->second);
    }
    return {};
}

// `edit` (not localised) applied: its value replaced, keeping a plain value plain where it can, or
// added with the keys missing on its way.
std::string value_set(const std::string& text, const YAML::Node& root, const TextEdit& edit, std::string_view eol) {
    const std::vector<std::string> missing = missing_part(root, edit.path);
    if (missing.empty()) {
        const Field field = find_field(root, edit.path);
        if (!field.value.IsScalar())
            throw PatchFailure{field.offset(), in_quotes(field.name) + " is a map, a list or empty, not a single value"};
        if (field.value.Scalar() == edit.value) return text;
        const ScalarBytes b = scalar_bytes(text, offset_of(field.value), field.indent(), field.flow, field.value.Scalar());
        if (b.style == ScalarStyle::plain && fits_plain(edit.value)) return spliced(text, b.begin, b.end, edit.value);
        return replaced(text, field, edit.value, eol);
    }
    std::string nested = value_bytes(edit.value);
    for (std::size_t j = edit.path.size() - 1; j >= missing.size(); --j) nested = "{" + edit.path[j] + ": " + nested + "}";
    const std::string& key = missing.back();
    if (missing.size() > 1) {
        const Field map = find_field(root, std::span(missing).first(missing.size() - 1));
        if (!map.value.IsMap()) throw PatchFailure{map.offset(), in_quotes(map.name) + " is not a map"};
        return added(text, map, key, nested, eol, true);
    }
    std::string out = text;
    if (!out.empty() && out.back() != '\n') out += eol;
    return out + key + ": " + nested + std::string(eol);
}

using Texts = std::map<std::string, std::string>;

Texts texts_of(const YAML::Node& node, std::string_view source) {
    Texts out;
    if (node.IsScalar()) out.emplace(source, node.Scalar());
    if (node.IsMap())
        for (auto it = node.begin(); it != node.end(); ++it)
            if (it->first.IsScalar() && it->second.IsScalar()) out.emplace(it->first.Scalar(), it->second.Scalar());
    return out;
}

using Paths = std::set<std::vector<std::string>>;

// Whether `a` and `b` read the same, apart from the fields at `skipped` and those at `added` (which
// only `b` has). An alias can make a collection hold itself; such a file is taken as changed
// rather than walked for ever.
bool same(const YAML::Node& a, const YAML::Node& b, std::vector<std::string>& path, const Paths& skipped, const Paths& added) {
    if (skipped.count(path)) return true;
    if (path.size() > 100) return false;
    if (a.Type() != b.Type()) return false;
    if (a.IsScalar()) return a.Scalar() == b.Scalar() && a.Tag() == b.Tag();
    if (a.IsSequence()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            path.push_back(std::to_string(i));
            const bool ok = same(a[i], b[i], path, skipped, added);
            path.pop_back();
            if (!ok) return false;
        }
        return true;
    }
    if (!a.IsMap()) return a.size() == b.size();
    auto entries = [&](const YAML::Node& map) {
        std::vector<std::pair<YAML::Node, YAML::Node>> out;
        for (auto it = map.begin(); it != map.end(); ++it) {
            path.push_back(it->first.IsScalar() ? it->first.Scalar() : "");
            if (!added.count(path)) out.emplace_back(it->first, it->second);
            path.pop_back();
        }
        return out;
    };
    const auto in_a = entries(a), in_b = entries(b);
    if (in_a.size() != in_b.size()) return false;
    for (std::size_t i = 0; i < in_a.size(); ++i) {
        std::vector<std::string> none;
        if (!same(in_a[i].first, in_b[i].first, none, {}, {})) return false;
        path.push_back(in_a[i].first.IsScalar() ? in_a[i].first.Scalar() : "");
        const bool ok = same(in_a[i].second, in_b[i].second, path, skipped, added);
        path.pop_back();
        if (!ok) return false;
    }
    return true;
}

// Where a failure of `path` is reported: its field, or the map that lacks it.
std::size_t offset_near(const YAML::Node& root, std::span<const std::string> path) {
    try {
        return find_field(root, path).offset();
    } catch (const PatchFailure& f) {
        return f.offset;
    }
}

// Whether each edit that is not localised reads back from `after` as its value.
bool values_set(const YAML::Node& after, std::span<const TextEdit> edits) {
    for (const TextEdit& edit : edits) {
        if (edit.localised) continue;
        try {
            const Field is = find_field(after, edit.path);
            if (!is.value.IsScalar() || is.value.Scalar() != edit.value) return false;
        } catch (const PatchFailure&) {
            return false;
        }
    }
    return true;
}

// Throws unless `after` reads as `before` with `edits`, and nothing else, changed.
void check_result(const YAML::Node& before, const std::string& after_text, std::span<const TextEdit> edits,
                  std::string_view source, bool plain_only) {
    const std::size_t where = offset_near(before, edits.front().path);
    YAML::Node after;
    try {
        after.reset(YAML::Load(after_text));
    } catch (const YAML::Exception&) {
        throw PatchFailure{where, std::string(kNotWritten)};
    }
    Paths edited, added, texts;
    for (const TextEdit& edit : edits) {
        std::vector<std::string> missing = edit.localised ? std::vector<std::string>() : missing_part(before, edit.path);
        (missing.empty() ? edited : added).insert(missing.empty() ? edit.path : missing);
        if (edit.localised) texts.insert(edit.path);
    }
    std::vector<std::string> path;
    if (!same(before, after, path, edited, added) || !values_set(after, edits)) throw PatchFailure{where, std::string(kNotWritten)};
    for (const std::vector<std::string>& field_path : texts) {
        const Field was = find_field(before, field_path);
        Texts expected = texts_of(was.value, source);
        for (const TextEdit& edit : edits)
            if (edit.localised && edit.path == field_path) expected[plain_only ? std::string(source) : edit.language] = edit.value;
        try {
            const Field is = find_field(after, field_path);
            if (texts_of(is.value, source) == expected && (!plain_only || is.value.IsScalar())) continue;
        } catch (const PatchFailure&) {
            // The field is gone: reported below, where it was.
        }
        throw PatchFailure{was.offset(), std::string(kNotWritten)};
    }
}

}  // namespace

std::string patched_yaml(std::string_view text, std::span<const TextEdit> edits, std::string_view source_language,
                         bool plain_only) {
    const std::string original(text);
    const std::string_view eol = line_end_of(original);
    const YAML::Node before = parsed(original);
    std::string current = original;
    for (const TextEdit& edit : edits) {
        YAML::Node root = before;
        if (current != original) {
            try {
                root.reset(YAML::Load(current));
            } catch (const YAML::Exception&) {
                throw PatchFailure{offset_near(before, edit.path), std::string(kNotWritten)};
            }
        }
        current = edit.localised ? applied(current, root, edit, source_language, plain_only, eol)
                                 : value_set(current, root, edit, eol);
    }
    if (current != original) check_result(before, current, edits, source_language, plain_only);
    return current;
}

}  // namespace lotse::patch
