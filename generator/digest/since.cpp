#include "digest/since.h"

#include <algorithm>
#include <map>
#include <ostream>

#include "build.h"
#include "common/site_files.h"
#include "content/calendar.h"
#include "common/whole_file.h"
#include "digest/mail_draft.h"
#include "render/exports.h"
#include "render/language_view.h"
#include "sheet/course_sheet.h"
#include "sheet/sheet.h"
#include "site/plan.h"

namespace lotse {

namespace {

namespace fs = std::filesystem;

const std::size_t kId = course_column("id"), kTitle = course_column("title"), kSeats = course_column("seats"),
                  kPage = course_column("page");

// The list writes dates as YYYY-MM-DD, so that is what a workbook's date cell is compared as.
std::string as_written(const Sheet& sheet, std::string_view column, const std::string& cell) {
    return is_date_column(column) ? workbook_date(sheet, cell) : cell;
}

std::optional<Sheet> sheet_of(const fs::path& file, const std::string& shown, std::ostream& err) {
    std::string bytes;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || !read_whole_file(file, bytes)) {
        err << "--since " << shown << ": there is no file to read there\n";
        return std::nullopt;
    }
    Diagnostics diags;
    std::optional<Sheet> sheet;
    if (file.extension() == ".eml" || file.extension() == ".EML") {
        const std::optional<std::string> attached = attached_file(bytes);
        if (!attached) {
            err << "--since " << shown << ": this mail has no course list attached; give a digest that lotse digest "
                                          "wrote, or courses.csv or courses.xlsx\n";
            return std::nullopt;
        }
        sheet = read_csv(*attached, shown, diags);
    } else {
        sheet = read_sheet(file, shown, diags);
    }
    if (!sheet) report(diags, err);
    return sheet;
}

}  // namespace

std::optional<EarlierList> read_earlier(const fs::path& file, std::ostream& err) {
    const std::string shown = shown_path(file);
    const std::optional<Sheet> sheet = sheet_of(file, shown, err);
    if (!sheet) return std::nullopt;
    const std::size_t columns = std::size(kCourseColumns);
    std::vector<std::size_t> at(columns, std::string::npos);  // each column's place in the sheet's rows
    if (!sheet->rows.empty())
        for (std::size_t i = 0; i < sheet->rows.front().cells.size(); ++i)
            if (const std::string name = column_named(sheet->rows.front().cells[i]); !name.empty())
                at[course_column(name)] = i;
    if (at[kId] == std::string::npos) {
        err << "--since " << shown << ": the list has no column \"id\" (or \"Kennung\"), which says which course "
                                      "each row is\n";
        return std::nullopt;
    }
    EarlierList list;
    for (std::size_t c = 0; c < columns; ++c) list.has.push_back(at[c] != std::string::npos);
    for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
        const std::vector<std::string>& cells = sheet->rows[r].cells;
        std::vector<std::string> row(columns);
        for (std::size_t c = 0; c < columns; ++c)
            if (at[c] < cells.size()) row[c] = as_written(*sheet, kCourseColumns[c], cells[at[c]]);
        if (!row[kId].empty()) list.rows.push_back(std::move(row));
    }
    return list;
}

namespace {

// The catalog label a changed column is named with: one per thing a reader tells apart.
std::string_view label_key(std::string_view column) {
    static const std::map<std::string_view, std::string_view> kLabels = {
        {"title", "digest.since.column_title"}, {"type", "digest.since.column_type"},
        {"level_from", "field.level"},          {"level_to", "field.level"},
        {"start", "field.dates"},               {"end", "field.dates"},
        {"schedule", "field.schedule"},         {"lessons", "field.lessons"},
        {"mode", "field.mode"},                 {"district", "field.location"},
        {"address", "field.address"},           {"provider", "field.provider"},
        {"childcare", "field.childcare"},       {"seats", "field.seats"},
        {"fee", "field.fee"},                   {"registration_deadline", "field.registration"},
        {"registration_phone", "field.registration"}, {"registration_email", "field.registration"},
        {"registration_url", "field.registration"},
    };
    const auto it = kLabels.find(column);
    return it == kLabels.end() ? std::string_view() : it->second;
}

// The labels of the columns in which `now` differs from `before`, in column order, each once; the
// seats not if they became full (a section of their own).
std::string changed_columns(const LanguageView& v, const EarlierList& earlier, const std::vector<std::string>& before,
                            const std::vector<std::string>& now) {
    std::vector<std::string> labels;
    for (std::size_t c = 0; c < now.size(); ++c) {
        if (c == kPage || !earlier.has[c] || before[c] == now[c]) continue;
        if (c == kSeats && now[c] == "full") continue;
        const std::string_view key = label_key(kCourseColumns[c]);
        if (key.empty()) continue;
        std::string label = v.msg(key);
        if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(std::move(label));
    }
    std::string out;
    for (const std::string& l : labels) out += (out.empty() ? "" : ", ") + l;
    return out;
}

Data item(const std::string& title, const std::string& url, const std::string& note) {
    Data d;
    d.set("title", title);
    d.set("url", text_or_false(url));
    d.set("note", text_or_false(note));
    return d;
}

void add_section(Data& sections, const LanguageView& v, std::string_view key, Data items) {
    if (!items.is_non_empty_list()) return;
    Data s;
    s.set("heading", v.msg(key));
    s.set("items", std::move(items));
    append(sections, std::move(s));
}

// A course of the earlier list that this month's list no longer has: by its title now if the site
// still has it (and the month it starts in now, if another), else by the list's title.
Data gone_item(const LanguageView& v, const std::vector<std::string>& row, const std::string& month, const std::string& base) {
    for (const RecordEntry* e : v.inputs().plan.courses) {
        const Course& c = e->as<Course>();
        if (c.id != row[kId]) continue;
        const std::string starts = to_iso(c.start).substr(0, 7);
        const Date first = c.start.year() / c.start.month() / std::chrono::day(1);
        return item(v.title_text(*e), base + e->route,
                    starts == month ? "" : v.msg("digest.since.moved", {{"month", v.fmt().month(first)}}));
    }
    return item(row[kTitle].empty() ? row[kId] : row[kTitle], "", "");
}

}  // namespace

Data since_data(const LanguageView& v, const LanguageView& source, const std::vector<const RecordEntry*>& listed,
                const std::string& month, const EarlierList& earlier, const std::string& base) {
    std::map<std::string, const std::vector<std::string>*> before;
    // A whole courses.csv holds every month's courses; of them, those that started in this month then.
    const std::size_t start = course_column("start");
    std::vector<const std::vector<std::string>*> then_listed;
    for (const std::vector<std::string>& row : earlier.rows)
        if (!earlier.has[start] || row[start].rfind(month, 0) == 0) {
            before.emplace(row[kId], &row);
            then_listed.push_back(&row);
        }
    Data added = list(), changed = list(), full = list(), gone = list();
    std::map<std::string, bool> listed_ids;
    for (const RecordEntry* e : listed) {
        const Course& c = e->as<Course>();
        listed_ids[c.id] = true;
        const std::vector<std::string> now = course_fields(source, c, course_page(v.inputs(), *e));
        const auto was = before.find(c.id);
        if (was == before.end()) {
            append(added, item(v.title_text(*e), base + e->route, ""));
            continue;
        }
        const std::vector<std::string>& then = *was->second;
        if (now[kSeats] == "full" && earlier.has[kSeats] && then[kSeats] != "full")
            append(full, item(v.title_text(*e), base + e->route, ""));
        if (const std::string columns = changed_columns(v, earlier, then, now); !columns.empty())
            append(changed, item(v.title_text(*e), base + e->route, columns));
    }
    for (const std::vector<std::string>* row : then_listed)
        if (!listed_ids.count((*row)[kId])) append(gone, gone_item(v, *row, month, base));
    Data sections = list();
    add_section(sections, v, "digest.since.new", std::move(added));
    add_section(sections, v, "digest.since.changed", std::move(changed));
    add_section(sections, v, "digest.since.full", std::move(full));
    add_section(sections, v, "digest.since.gone", std::move(gone));
    Data d;
    const bool nothing = !sections.is_non_empty_list();
    set_list(d, "sections", std::move(sections));
    d.set("nothing", nothing ? Data(v.msg("digest.since.none")) : Data(false));
    return d;
}

}  // namespace lotse
