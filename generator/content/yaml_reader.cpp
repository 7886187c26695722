#include "content/yaml_reader.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "content/ids.h"
#include "content/yaml_syntax.h"

namespace lotse {

namespace {

std::string quoted(std::string_view s) { return '"' + std::string(s) + '"'; }

bool is_empty_value(const YAML::Node& node) {
    return !node.IsDefined() || node.IsNull() || (node.IsScalar() && node.Scalar().empty() && node.Tag() == "?");
}

std::string shape(const YAML::Node& node) {
    if (node.IsMap()) return "a mapping";
    if (node.IsSequence()) return "a list";
    return "a single value";
}

std::string allowed_hint(std::string_view found, std::span<const std::string_view> allowed) {
    std::string out;
    if (auto guess = closest(found, allowed)) out += "; did you mean " + quoted(*guess) + "?";
    out += (out.empty() ? "; " : " ");
    out += "Allowed: " + joined(allowed);
    return out;
}

}  // namespace

void FileContext::set_text(std::string_view parsed) {
    text = parsed;
    line_starts.assign(1, 0);
    for (std::size_t i = 0; i < parsed.size(); ++i)
        if (parsed[i] == '\n') line_starts.push_back(i + 1);
}

int FileContext::column_of(int line_index, int byte_column) const {
    if (line_index < 0 || static_cast<std::size_t>(line_index) >= line_starts.size()) return byte_column + 1;
    const std::size_t start = line_starts[line_index];
    const std::size_t end = std::min(text.size(), start + static_cast<std::size_t>(std::max(byte_column, 0)));
    int column = 1;
    for (std::size_t i = start; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

SourcePos position(const FileContext& file, const YAML::Mark& mark) {
    if (mark.is_null()) return {file.path, 1 + file.line_offset, 1};
    return {file.path, mark.line + 1 + file.line_offset, file.column_of(mark.line, mark.column)};
}

SourcePos position(const FileContext& file, const YAML::Node& node) {
    return position(file, node.Mark());
}

namespace {

// A mistake YAML reads without complaint as something else: reported like a syntax error.
bool report_slip(const FileContext& file, const YAML::Node& scalar, bool is_key_without_value) {
    SyntaxProblem problem;
    if (!is_unclosed_quote(file, scalar, problem) && !(is_key_without_value && is_glued_key(file, scalar, problem)))
        return false;
    file.diags.error(problem.pos, problem.message);
    return true;
}

// Reports every key given twice in a mapping, in every mapping of the document: YAML readers
// differ on which of the two counts, so a coordinator's correction could silently not show. Also
// reports the slips above; returns whether there was one.
bool walk_document(const FileContext& file, const YAML::Node& root) {
    bool slipped = report_slip(file, root, root.IsScalar());
    // An alias is its anchor's node again: each collection is walked once, known by where it is.
    std::set<int> walked;
    std::vector<YAML::Node> pending{root};
    while (!pending.empty()) {
        const YAML::Node node = pending.back();
        pending.pop_back();
        if (!(node.IsMap() || node.IsSequence()) || !walked.insert(node.Mark().pos).second) continue;
        if (node.IsSequence()) {
            for (const auto& item : node) {
                if (item.IsScalar()) slipped = report_slip(file, item, false) || slipped;
                pending.push_back(item);
            }
            continue;
        }
        std::map<std::string, int> first_line;
        for (auto it = node.begin(); it != node.end(); ++it) {
            pending.push_back(it->second);
            if (it->second.IsScalar()) slipped = report_slip(file, it->second, false) || slipped;
            if (!it->first.IsScalar()) continue;
            slipped = report_slip(file, it->first, it->second.IsNull()) || slipped;
            const SourcePos key_pos = position(file, it->first);
            const auto [first, fresh] = first_line.emplace(it->first.Scalar(), key_pos.line);
            if (!fresh)
                file.diags.error(key_pos, "key " + quoted(it->first.Scalar()) +
                                              " is given twice in this mapping (first on line " +
                                              std::to_string(first->second) + "); keep one");
        }
    }
    return slipped;
}

}  // namespace

std::optional<YAML::Node> parse_yaml(const FileContext& file, const std::string& text) {
    try {
        YAML::Node root = YAML::Load(text);
        if (walk_document(file, root)) return std::nullopt;
        return root;
    } catch (const YAML::ParserException& e) {
        SyntaxProblem problem = explain_syntax_error(file, e.mark);
        file.diags.error(problem.pos, std::move(problem.message));
    } catch (const YAML::Exception& e) {
        file.diags.error({file.path, 1 + file.line_offset, 1}, "this is not valid YAML: " + e.msg);
    }
    return std::nullopt;
}

std::optional<std::string> read_scalar(const FileContext& file, const YAML::Node& node,
                                       std::string_view name) {
    if (is_empty_value(node)) {
        file.diags.error(position(file, node), quoted(name) + " is empty; give it a value or remove the line");
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        file.diags.error(position(file, node),
                         quoted(name) + " must be a single value, not " + shape(node));
        return std::nullopt;
    }
    return node.Scalar();
}

LocalisedText read_text(const FileContext& file, const YAML::Node& node, std::string_view name) {
    LocalisedText text;
    text.pos = position(file, node);
    if (node.IsMap()) {
        std::map<std::string, int> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const SourcePos key_pos = position(file, it->first);
            if (!it->first.IsScalar()) {
                file.diags.error(key_pos, "the languages of " + quoted(name) + " must be language codes such as de or ar");
                continue;
            }
            const std::string& language = it->first.Scalar();
            if (seen.count(language)) continue;  // reported by parse_yaml
            if (!is_language_tag(language)) {
                file.diags.error(key_pos, not_a_language_tag(language));
                continue;
            }
            seen[language] = key_pos.line;
            if (auto value = read_scalar(file, it->second, std::string(name) + "." + language)) {
                text.by_language[language] = *value;
                text.positions[language] = position(file, it->second);
            }
        }
        // Without a valid source language (reported in site.yaml) there is nothing to compare with.
        if (!text.by_language.empty() && !file.source_language.empty() && !text.find(file.source_language)) {
            file.diags.error(text.pos, quoted(name) + " has no text in the source language " +
                                           quoted(file.source_language) + "; every text needs it, e.g. " +
                                           std::string(name) + ": {" + file.source_language + ": \"…\"}");
        }
        return text;
    }
    if (auto value = read_scalar(file, node, name)) {
        text.by_language[file.source_language] = *value;
        text.positions[file.source_language] = text.pos;
    }
    return text;
}

std::optional<Date> read_date(const FileContext& file, const YAML::Node& node, std::string_view name) {
    auto value = read_scalar(file, node, name);
    if (!value) return std::nullopt;
    const ParsedDate parsed = parse_date(*value);
    switch (parsed.error) {
        case CalendarError::none: return parsed.date;
        case CalendarError::format:
            file.diags.error(position(file, node), quoted(name) + " must be a date written YYYY-MM-DD, e.g. 2027-01-11; found " + quoted(*value));
            break;
        case CalendarError::does_not_exist:
            file.diags.error(position(file, node), quoted(name) + " is " + *value + ", a date that does not exist");
            break;
        case CalendarError::out_of_range:
            file.diags.error(position(file, node), quoted(name) + " is " + *value + ", outside the dates Lotse accepts (" +
                                                       std::string(kFirstDate) + " to " + std::string(kLastDate) + ")");
            break;
    }
    return std::nullopt;
}

std::optional<int> read_time(const FileContext& file, const YAML::Node& node, std::string_view name) {
    auto value = read_scalar(file, node, name);
    if (!value) return std::nullopt;
    const ParsedTime parsed = parse_time(*value);
    switch (parsed.error) {
        case CalendarError::none: return parsed.minutes;
        case CalendarError::format:
            file.diags.error(position(file, node), quoted(name) + " must be a time written HH:MM on the 24-hour clock, e.g. \"08:30\"; found " + quoted(*value));
            break;
        case CalendarError::does_not_exist:
            file.diags.error(position(file, node), quoted(name) + " is " + *value + ", a time that does not exist (hours 00 to 23, minutes 00 to 59, or 24:00 for midnight)");
            break;
        case CalendarError::out_of_range: break;  // dates only
    }
    return std::nullopt;
}

MapReader::MapReader(const FileContext& file, const YAML::Node& map, std::string what,
                     std::span<const std::string_view> keys)
    : file_(file), map_(map), what_(std::move(what)), keys_(keys.begin(), keys.end()), pos_(position(file, map)) {
    if (!map.IsMap()) {
        valid_ = false;
        file.diags.error(pos_, what_ + " must be written as \"key: value\" lines, not " +
                                   (is_empty_value(map) ? std::string("empty") : shape(map)));
        return;
    }
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const SourcePos key_pos = position(file, it->first);
        if (!it->first.IsScalar()) {
            file.diags.error(key_pos, "a key must be a plain word such as \"title\"");
            continue;
        }
        const std::string& key = it->first.Scalar();
        if (!seen.insert(key).second) continue;  // reported by parse_yaml
        if (std::find(keys_.begin(), keys_.end(), key) == keys_.end()) {
            file.diags.error(key_pos, "unknown key " + quoted(key) + " in " + what_ + allowed_hint(key, keys_));
        }
    }
}

bool MapReader::has(std::string_view key) const {
    if (!valid_) return false;
    for (auto it = map_.begin(); it != map_.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return !it->second.IsNull();
    return false;
}

YAML::Node MapReader::node(std::string_view key, Need need) {
    if (valid_) {
        for (auto it = map_.begin(); it != map_.end(); ++it) {
            if (!it->first.IsScalar() || it->first.Scalar() != key) continue;
            // "title:" with nothing after it: YAML places the empty value on the next line, so the
            // key is the place to point at.
            if (is_empty_value(it->second)) {
                file_.diags.error(position(file_, it->first), quoted(key) + " is empty; give it a value or remove the line");
                return YAML::Node(YAML::NodeType::Undefined);
            }
            return it->second;
        }
        if (need == Need::required)
            file_.diags.error(pos_, what_ + " is missing the required field " + quoted(key));
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> MapReader::string(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    return read_scalar(file_, n, key);
}

std::optional<Located> MapReader::located(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    if (auto s = read_scalar(file_, n, key)) return Located{*s, position(file_, n)};
    return std::nullopt;
}

std::optional<std::string> MapReader::one_of(std::string_view key, std::span<const std::string_view> allowed,
                                             Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    auto s = read_scalar(file_, n, key);
    if (!s) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
        file_.diags.error(position(file_, n), quoted(key) + " cannot be " + quoted(*s) + allowed_hint(*s, allowed));
        return std::nullopt;
    }
    return s;
}

std::optional<bool> MapReader::boolean(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    auto s = read_scalar(file_, n, key);
    if (!s) return std::nullopt;
    bool value = false;
    if (n.Tag() == "?" && YAML::convert<bool>::decode(n, value)) return value;
    file_.diags.error(position(file_, n), quoted(key) + " must be true or false; found " + quoted(*s));
    return std::nullopt;
}

std::optional<int> MapReader::integer(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    auto s = read_scalar(file_, n, key);
    if (!s) return std::nullopt;
    int value = 0;
    if (YAML::convert<int>::decode(n, value) && value >= 0) return value;
    file_.diags.error(position(file_, n), quoted(key) + " must be a whole number such as 700; found " + quoted(*s));
    return std::nullopt;
}

std::optional<double> MapReader::number(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    auto s = read_scalar(file_, n, key);
    if (!s) return std::nullopt;
    double value = 0;
    if (YAML::convert<double>::decode(n, value)) return value;
    file_.diags.error(position(file_, n), quoted(key) + " must be a number such as 25.00; found " + quoted(*s));
    return std::nullopt;
}

std::optional<Date> MapReader::date(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return std::nullopt;
    return read_date(file_, n, key);
}

LocalisedText MapReader::text(std::string_view key, Need need) {
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return {};
    return read_text(file_, n, key);
}

std::vector<Located> MapReader::words(std::string_view key, Need need,
                                      std::span<const std::string_view> allowed) {
    std::vector<Located> out;
    YAML::Node n = node(key, need);
    if (!n.IsDefined()) return out;
    if (!n.IsSequence()) {
        file_.diags.error(position(file_, n), quoted(key) + " must be a list such as [a, b], not " +
                                                  (is_empty_value(n) ? std::string("empty") : shape(n)));
        return out;
    }
    if (n.size() == 0 && need == Need::required) {
        file_.diags.error(position(file_, n), quoted(key) + " needs at least one entry");
    }
    for (const auto& item : n) {
        auto s = read_scalar(file_, item, key);
        if (!s) continue;
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
            file_.diags.error(position(file_, item), quoted(key) + " cannot contain " + quoted(*s) + allowed_hint(*s, allowed));
            continue;
        }
        out.push_back({*s, position(file_, item)});
    }
    return out;
}

namespace {

// Levenshtein distance, one row at a time.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::optional<std::string_view> closest(std::string_view word, std::span<const std::string_view> candidates) {
    std::optional<std::string_view> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (std::string_view c : candidates) {
        if (const std::size_t distance = edit_distance(word, c); distance < best_distance) {
            best_distance = distance;
            best = c;
        }
    }
    return best;
}

std::vector<std::string_view> closest_ids(std::string_view id, std::span<const std::string_view> ids, std::size_t count) {
    const std::size_t near = std::max<std::size_t>(2, id.size() / 2);
    std::vector<std::pair<std::size_t, std::string_view>> found;
    for (std::string_view candidate : ids) {
        const std::size_t distance = edit_distance(id, candidate);
        const bool part = id.size() > candidate.size() && id.substr(0, candidate.size() + 1) == std::string(candidate) + "-";
        if (distance <= near || part) found.emplace_back(distance, candidate);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < found.size() && i < count; ++i) out.push_back(found[i].second);
    return out;
}

std::string did_you_mean(std::span<const std::string_view> words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        out += i == 0 ? "; did you mean " : i + 1 == words.size() ? " or " : ", ";
        out += quoted(words[i]);
    }
    return out.empty() ? out : out + "?";
}

std::string joined(std::span<const std::string_view> words) {
    std::string out;
    for (std::string_view w : words) {
        if (!out.empty()) out += ", ";
        out += w;
    }
    return out;
}

}  // namespace lotse
