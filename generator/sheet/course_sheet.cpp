// What a spreadsheet of the course list changes: each row's cells read as values of their columns
// and compared with what the record gives for the same column.
#include "sheet/course_sheet.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

#include "content/domain.h"
#include "content/ids.h"
#include "common/whole_file.h"
#include "content/yaml_reader.h"
#include "i18n/text_patch.h"
#include "render/exports.h"
#include "render/kinds/kinds.h"
#include "render/language_view.h"

namespace lotse {

namespace {

namespace fs = std::filesystem;

// The columns a sheet sets, and the field of the record each one is.
struct Taken {
    std::string_view column;
    std::vector<std::string> path;
};
const Taken kTaken[] = {
    {"title", {"title"}},       {"type", {"type"}},         {"level_from", {"level", "from"}}, {"level_to", {"level", "to"}},
    {"start", {"start"}},       {"end", {"end"}},           {"lessons", {"lessons"}},          {"mode", {"mode"}},
    {"provider", {"provider"}}, {"childcare", {"childcare"}}, {"seats", {"seats"}},
    {"registration_deadline", {"registration", "deadline"}}, {"registration_phone", {"registration", "phone"}},
    {"registration_email", {"registration", "email"}},       {"registration_url", {"registration", "url"}},
};
// The columns Lotse makes from several fields: compared with the records, never written back.
constexpr std::string_view kMade[] = {"schedule", "district", "address", "fee"};
// What a new course cannot do without.
constexpr std::string_view kRequired[] = {"type", "provider", "level_from", "level_to", "start", "end"};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

struct Columns {
    std::map<std::string, std::size_t, std::less<>> at;  // column → its place in a row
    std::vector<std::string> headers;                     // as the sheet writes them
};

std::optional<Columns> columns_of(const Sheet& sheet, Diagnostics& diags) {
    const SheetRow& header = sheet.rows.front();
    Columns c{{}, header.cells};
    const std::size_t errors = diags.items().size();
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        if (header.cells[i].empty()) continue;
        const SourcePos pos{sheet.file, header.number, static_cast<int>(i + 1)};
        const std::string name = column_named(header.cells[i]);
        if (name.empty())
            diags.error(pos, "column " + in_quotes(header.cells[i]) + " is not one Lotse reads; the columns are those of "
                             "courses.csv (id, title, type, level_from, start, …) or their German names (Kennung, Titel, "
                             "Kursart, Niveau von, Beginn, …)");
        else if (!c.at.emplace(name, i).second)
            diags.error(pos, "column " + in_quotes(header.cells[i]) + " is the same column as " +
                                 in_quotes(header.cells[c.at.find(name)->second]) + "; keep one of them");
    }
    if (!c.at.count("id"))
        diags.error({sheet.file, header.number, 1}, "the sheet has no column \"id\" (or \"Kennung\"), which says "
                                                    "which course each row is");
    if (diags.items().size() != errors) return std::nullopt;
    return c;
}

// One row's cells by column, and what is wrong with them, at their cell.
class Row {
public:
    Row(const Sheet& sheet, const SheetRow& row, const Columns& columns, Diagnostics& diags)
        : sheet_(sheet), row_(row), columns_(columns), diags_(diags) {}

    bool has(std::string_view column) const { return columns_.at.count(column) > 0; }
    std::string cell(std::string_view column) const {
        auto it = columns_.at.find(column);
        return it != columns_.at.end() && it->second < row_.cells.size() ? row_.cells[it->second] : std::string();
    }
    void error(std::string_view column, const std::string& message) {
        auto it = columns_.at.find(column);
        const std::size_t at = it == columns_.at.end() ? columns_.at.find("id")->second : it->second;
        diags_.error({sheet_.file, row_.number, static_cast<int>(at + 1)},
                     "column " + in_quotes(columns_.headers[at]) + ": " + message);
    }
    // The cell of a date column as YYYY-MM-DD ("" if empty); nullopt if it is no date (reported).
    std::optional<std::string> date(std::string_view column) {
        const std::string text = cell(column);
        std::string iso = text;
        if (text.size() == 10 && text[2] == '.' && text[5] == '.')
            iso = text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2);
        else
            iso = workbook_date(sheet_, text);
        if (text.empty() || parse_date(iso).error == CalendarError::none) return iso;
        error(column, in_quotes(text) + " is not a date; write a day that exists, as 2027-01-11 or 11.01.2027");
        return std::nullopt;
    }

private:
    const Sheet& sheet_;
    const SheetRow& row_;
    const Columns& columns_;
    Diagnostics& diags_;
};

// The cell of `column` as the value its field holds (an id for a label, true for "ja", …); ""
// if empty; nullopt if it is none of the column's values (reported).
class Values {
public:
    Values(const LanguageView& v, const Content& content) : v_(v), content_(content) {}

    std::optional<std::string> of(Row& row, std::string_view column) const {
        const std::string text = row.cell(column);
        if (is_date_column(column)) return row.date(column);
        if (text.empty()) return text;
        if (column == "type") return one_of(row, column, text, domain::kCourseTypes, "course_type.");
        if (column == "mode") return one_of(row, column, text, domain::kCourseModes, "mode.");
        if (column == "level_from" || column == "level_to") return one_of(row, column, text, domain::kCefrLevels, "");
        if (column == "seats") return one_of(row, column, text, domain::kSeats, "");
        if (column == "childcare") return yes_no(row, column, text);
        if (column == "provider") return provider(row, column, text);
        if (column == "lessons" && (text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos || text == "0")) {
            row.error(column, in_quotes(text) + " is not a number of lessons; write a whole number such as 700");
            return std::nullopt;
        }
        return text;
    }

    // What the record holds for `column`, as of() gives it.
    std::string of(const Course& c, std::string_view column) const {
        const Registration reg = c.registration.value_or(Registration{});
        if (column == "title") return course_title(v_, c);
        if (column == "type") return c.type.value;
        if (column == "level_from") return c.level.from;
        if (column == "level_to") return c.level.to;
        if (column == "start") return to_iso(c.start);
        if (column == "end") return to_iso(c.end);
        if (column == "lessons") return c.lessons ? std::to_string(*c.lessons) : "";
        if (column == "mode") return c.mode;
        if (column == "provider") return c.provider.value;
        if (column == "childcare") return c.childcare.value_or(false) ? "true" : "false";
        if (column == "seats") return c.seats;
        if (column == "registration_deadline") return reg.deadline ? to_iso(*reg.deadline) : "";
        if (column == "registration_phone") return reg.phone;
        if (column == "registration_email") return reg.email;
        return reg.url;
    }

private:
    std::optional<std::string> one_of(Row& row, std::string_view column, const std::string& text,
                                      std::span<const std::string_view> ids, std::string_view label) const {
        std::string allowed;
        for (std::string_view id : ids) {
            const std::string name = label.empty() ? std::string(id) : v_.msg(std::string(label) + std::string(id));
            if (text == id || text == name) return std::string(id);
            allowed += (allowed.empty() ? "" : ", ") + (name == id ? name : name + " (" + std::string(id) + ")");
        }
        row.error(column, in_quotes(text) + " is none of: " + allowed);
        return std::nullopt;
    }

    static std::optional<std::string> yes_no(Row& row, std::string_view column, const std::string& text) {
        for (const char* yes : {"yes", "ja", "true", "wahr", "x"})
            if (text == yes) return "true";
        for (const char* no : {"no", "nein", "false", "falsch", "-"})
            if (text == no) return "false";
        row.error(column, in_quotes(text) + " is neither yes nor no; write yes or no (ja or nein)");
        return std::nullopt;
    }

    std::optional<std::string> provider(Row& row, std::string_view column, const std::string& text) const {
        for (const Provider& p : content_.providers)
            if (text == p.id || text == v_.plain(p.name)) return p.id;
        row.error(column, in_quotes(text) + " is no provider of this site; write a provider's name as its page shows it, "
                                         "or its id (the file name in content/providers/)");
        return std::nullopt;
    }

    const LanguageView& v_;
    const Content& content_;
};

std::string dotted(const std::vector<std::string>& path) { return path.size() == 1 ? path[0] : path[0] + "." + path[1]; }

// An existing course's new file text from its row, or "" if the row changes nothing.
void updated(Row& row, const Values& values, const Course& c, const std::vector<std::string>& fields,
             const std::string& source, CourseChange& change, Diagnostics& diags) {
    std::vector<TextEdit> edits;
    for (const Taken& t : kTaken) {
        if (!row.has(t.column)) continue;
        const std::optional<std::string> value = values.of(row, t.column);
        const std::string now = values.of(c, t.column);
        if (!value || *value == now) continue;
        if (value->empty()) {
            row.error(t.column, "is empty; Lotse does not remove " + in_quotes(dotted(t.path)) + " from " + c.path +
                                    ": remove it there, or write the value");
            continue;
        }
        const bool localised = t.column == "title" && !c.title.empty();
        edits.push_back(TextEdit{t.path, source, *value, localised});
        change.fields.push_back({std::string(t.column), now, *value});
    }
    for (std::string_view made : kMade) {
        const std::size_t at = course_column(made);
        if (row.has(made) && row.cell(made) != fields[at])
            row.error(made, "Lotse makes this column from the course's record and does not read it back; it says " +
                                in_quotes(fields[at]) + " there; change it in " + c.path);
    }
    if (edits.empty()) return;
    std::string text;
    read_whole_file(change.file, text);
    auto patched = patch_yaml(text, edits, source);
    if (const auto* e = std::get_if<PatchError>(&patched))
        diags.error({c.path, e->line, e->column}, "the sheet's values cannot be written here: " + e->message);
    else
        change.text = std::move(std::get<std::string>(patched));
}

// A new course's record from its row, in the order of the record's schema; empty if the row lacks
// a field every course needs (reported).
std::string created(Row& row, const Values& values, const std::string& source, Date today) {
    std::map<std::string_view, std::string> v;
    bool complete = true;
    for (const Taken& t : kTaken)
        if (std::optional<std::string> value = values.of(row, t.column); value && !value->empty()) v[t.column] = *value;
    for (std::string_view column : kRequired)
        if (!v.count(column) && row.has(column) && row.cell(column).empty()) {
            row.error(column, "is empty; a new course needs it");
            complete = false;
        } else if (!v.count(column) && !row.has(column)) {
            row.error("id", "a new course needs " + in_quotes(column) + ", which the sheet has no column for");
            complete = false;
        }
    if (!complete) return {};
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "type" << YAML::Value << v["type"];
    if (v.count("title"))
        out << YAML::Key << "title" << YAML::Value << YAML::BeginMap << YAML::Key << source << YAML::Value
            << YAML::DoubleQuoted << v["title"] << YAML::EndMap;
    out << YAML::Key << "provider" << YAML::Value << v["provider"] << YAML::Key << "level" << YAML::Value << YAML::Flow
        << YAML::BeginMap << YAML::Key << "from" << YAML::Value << v["level_from"] << YAML::Key << "to" << YAML::Value
        << v["level_to"] << YAML::EndMap;
    for (std::string_view key : {"start", "end", "lessons", "mode", "childcare", "seats"})
        if (v.count(key)) out << YAML::Key << std::string(key) << YAML::Value << v[key];
    if (v.count("registration_phone") || v.count("registration_email") || v.count("registration_url") ||
        v.count("registration_deadline")) {
        out << YAML::Key << "registration" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (std::string_view key : {"phone", "email", "url", "deadline"})
            if (auto it = v.find("registration_" + std::string(key)); it != v.end())
                out << YAML::Key << std::string(key) << YAML::Value << it->second;
        out << YAML::EndMap;
    }
    out << YAML::Key << "checked" << YAML::Value << to_iso(today) << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace

std::vector<CourseChange> course_changes(const Sheet& sheet, const LoadedSite& site, const LanguageView& source,
                                         const fs::path& site_dir, Date today, Diagnostics& diags) {
    const std::optional<Columns> columns = columns_of(sheet, diags);
    if (!columns) return {};
    const Values values(source, site.content);
    const std::string& language = site.content.site.source_language;
    std::map<std::string, const Course*, std::less<>> courses;
    for (const Course& c : site.content.courses) courses.emplace(c.id, &c);
    std::set<std::string> seen;
    std::vector<CourseChange> changes;
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        Row row(sheet, sheet.rows[r], *columns, diags);
        CourseChange change{row.cell("id"), {}, false, {}, {}};
        if (!is_valid_id(change.id)) {
            row.error("id", change.id.empty() ? "is empty; each row needs the id of its course"
                                              : in_quotes(change.id) + " is not an id: lowercase letters, digits and single hyphens");
            continue;
        }
        if (!seen.insert(change.id).second) {
            row.error("id", in_quotes(change.id) + " is in an earlier row too; each course has one row");
            continue;
        }
        auto known = courses.find(change.id);
        if (known != courses.end()) {
            change.file = known->second->path;
            updated(row, values, *known->second, course_fields(source, *known->second, ""), language, change, diags);
        } else {
            change.is_new = true;
            change.file = site_dir / "content" / "courses" / (change.id + ".yaml");
            change.text = created(row, values, language, today);
        }
        if (!change.text.empty()) changes.push_back(std::move(change));
    }
    return changes;
}

}  // namespace lotse
