// Reads one YAML mapping field by field, with positions: reports unknown keys (with a "did you
// mean"), missing required fields and values of the wrong shape, and keeps going so that one run
// shows every problem of a file. Keys given twice are reported for the whole file when it is parsed.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "content/calendar.h"
#include "content/diagnostics.h"
#include "content/records.h"

namespace lotse {

// What every reader of one file shares.
struct FileContext {
    FilePath path;  // shared by the positions of everything read from the file
    Diagnostics& diags;
    std::string source_language;
    int line_offset = 0;  // for YAML embedded further down a file (front matter)

    // The text being parsed (without a byte order mark, which YAML does not count): YAML counts
    // columns in bytes, editors and these positions in characters. Without it, columns are bytes.
    void set_text(std::string_view text);
    int column_of(int line_index, int byte_column) const;  // both from 0; the result from 1

    std::string_view text{};
    std::vector<std::size_t> line_starts{};
};

SourcePos position(const FileContext& file, const YAML::Mark& mark);
SourcePos position(const FileContext& file, const YAML::Node& node);

// Loads a whole file; a syntax error becomes a diagnostic and nullopt. A key given twice in any
// mapping is reported at its second place (the first one counts).
std::optional<YAML::Node> parse_yaml(const FileContext& file, const std::string& text);

enum class Need { optional, required };

class MapReader {
public:
    // `what` names the thing in messages ("offer", "schedule slot"); `keys` are the allowed keys,
    // whose characters outlive the reader (string literals, or a constant beside the reader's code).
    MapReader(const FileContext& file, const YAML::Node& map, std::string what,
              std::span<const std::string_view> keys);
    MapReader(const FileContext& file, const YAML::Node& map, std::string what,
              std::initializer_list<std::string_view> keys)
        : MapReader(file, map, std::move(what), std::span<const std::string_view>(keys.begin(), keys.size())) {}
    MapReader(const MapReader&) = delete;
    MapReader& operator=(const MapReader&) = delete;

    bool valid() const { return valid_; }
    SourcePos pos() const { return pos_; }
    const FileContext& file() const { return file_; }

    // The value of a key, or an undefined node; a missing required key is reported.
    YAML::Node node(std::string_view key, Need need = Need::optional);
    bool has(std::string_view key) const;

    std::optional<std::string> string(std::string_view key, Need need = Need::optional);
    std::optional<Located> located(std::string_view key, Need need = Need::optional);
    std::optional<std::string> one_of(std::string_view key, std::span<const std::string_view> allowed,
                                      Need need = Need::optional);
    std::optional<std::string> one_of(std::string_view key, std::initializer_list<std::string_view> allowed,
                                      Need need = Need::optional) {
        return one_of(key, std::span<const std::string_view>(allowed.begin(), allowed.size()), need);
    }
    std::optional<bool> boolean(std::string_view key, Need need = Need::optional);
    std::optional<int> integer(std::string_view key, Need need = Need::optional);
    std::optional<double> number(std::string_view key, Need need = Need::optional);
    std::optional<Date> date(std::string_view key, Need need = Need::optional);
    LocalisedText text(std::string_view key, Need need = Need::optional);
    // A list of plain words; an empty list counts as missing for required keys. With `allowed`,
    // other words are reported.
    std::vector<Located> words(std::string_view key, Need need = Need::optional,
                               std::span<const std::string_view> allowed = {});
    std::vector<Located> words(std::string_view key, Need need, std::initializer_list<std::string_view> allowed) {
        return words(key, need, std::span<const std::string_view>(allowed.begin(), allowed.size()));
    }

private:
    const FileContext& file_;
    YAML::Node map_;
    std::string what_;
    std::vector<std::string_view> keys_;
    SourcePos pos_;
    bool valid_ = true;
};

// Readers for values that are not a single mapping field.
std::optional<std::string> read_scalar(const FileContext& file, const YAML::Node& node,
                                       std::string_view name);
LocalisedText read_text(const FileContext& file, const YAML::Node& node, std::string_view name);
std::optional<Date> read_date(const FileContext& file, const YAML::Node& node, std::string_view name);
std::optional<int> read_time(const FileContext& file, const YAML::Node& node, std::string_view name);

// "titel" -> "title": the closest allowed word, if it is close enough to be a likely typo.
std::optional<std::string_view> closest(std::string_view word, std::span<const std::string_view> candidates);
// "vhs-nrd" -> "vhs-nord", "vhs-ost", "vhs": up to `count` of `ids` close to an id that does not
// exist, nearest first; an id that one of them begins with, hyphen included, counts as close.
std::vector<std::string_view> closest_ids(std::string_view id, std::span<const std::string_view> ids,
                                          std::size_t count = 3);
// "; did you mean \"a\", \"b\" or \"c\"?", or nothing for no words.
std::string did_you_mean(std::span<const std::string_view> words);
std::string joined(std::span<const std::string_view> words);
inline std::optional<std::string_view> closest(std::string_view word, std::initializer_list<std::string_view> candidates) {
    return closest(word, std::span<const std::string_view>(candidates.begin(), candidates.size()));
}
inline std::string joined(std::initializer_list<std::string_view> words) {
    return joined(std::span<const std::string_view>(words.begin(), words.size()));
}

}  // namespace lotse
