// The course list read back from a spreadsheet (`lotse import courses`): which courses a sheet
// adds and which fields of existing ones it changes, as the new texts of their record files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "build.h"
#include "sheet/sheet.h"

namespace lotse {

class LanguageView;

struct FieldChange {
    std::string column, before, after;
};

struct CourseChange {
    std::string id;
    std::filesystem::path file;  // content/courses/<id>.yaml
    bool is_new = false;
    std::vector<FieldChange> fields;  // of an existing course
    std::string text;                 // the file's new text
};

// The header names Lotse reads: courses.csv's (id, start, …), and German ones (Kennung, Beginn, …);
// case, spaces, hyphens and underscores do not matter. Empty if `header` is none of them.
std::string column_named(std::string_view header);

// The changes `sheet` makes to the courses of `site`, in the order of its rows. Cells that are not
// a value of their column, and columns Lotse makes itself (schedule, address, …) that differ from
// what the records give, are errors in `diags`, at the cell. `today` is a new course's "checked".
std::vector<CourseChange> course_changes(const Sheet& sheet, const LoadedSite& site, const LanguageView& source,
                                         const std::filesystem::path& site_dir, Date today, Diagnostics& diags);

}  // namespace lotse
