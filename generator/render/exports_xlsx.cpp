// courses.xlsx: the rows of courses.csv as an Excel workbook. libxlsxwriter writes only to a named
// file, so the workbook goes to a temporary file whose bytes are handed on like any other output.
#include <unistd.h>

#include <xlsxwriter.h>

#include <cstdlib>
#include <iterator>
#include <filesystem>

#include "common/whole_file.h"
#include "render/exports.h"

namespace lotse {

namespace {

// Widths in characters, by column: enough for a date, a title, an address.
double width_of(std::string_view column) {
    if (column == "title" || column == "address" || column == "page") return 40;
    if (column == "schedule" || column == "provider" || column == "registration_url" || column == "registration_email") return 30;
    if (is_date_column(column) || column == "type" || column == "district" || column == "registration_phone") return 16;
    return 10;
}

// A date cell: Excel counts days from 1899-12-30, which libxlsxwriter works out from the fields.
lxw_datetime datetime_of(const std::string& iso) {
    const Date d = parse_date(iso).date;
    return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
            static_cast<int>(static_cast<unsigned>(d.day())), 0, 0, 0};
}

void write_sheet(lxw_workbook* book, const std::vector<std::vector<std::string>>& rows) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    // Built-in format 14 is the short date of the reader's own locale (11.01.2027, 1/11/2027, …).
    lxw_format* date = workbook_add_format(book);
    format_set_num_format_index(date, 14);
    constexpr lxw_col_t columns = std::size(kCourseColumns);
    for (lxw_col_t col = 0; col < columns; ++col) {
        worksheet_set_column(sheet, col, col, width_of(kCourseColumns[col]), nullptr);
        worksheet_write_string(sheet, 0, col, std::string(kCourseColumns[col]).c_str(), header);
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (lxw_col_t col = 0; col < columns; ++col) {
            const std::string& text = rows[r][col];
            const std::string_view name = kCourseColumns[col];
            if (text.empty()) continue;
            if (is_date_column(name)) {
                lxw_datetime when = datetime_of(text);
                worksheet_write_datetime(sheet, row, col, &when, date);
            } else if (name == "lessons") {
                worksheet_write_number(sheet, row, col, std::stod(text), nullptr);
            } else {
                worksheet_write_string(sheet, row, col, text.c_str(), nullptr);
            }
        }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()), columns - 1);
}

}  // namespace

std::string courses_xlsx(const RenderInputs& in, const LanguageView& v, std::string& error) {
    std::error_code ec;
    std::string name = (std::filesystem::temp_directory_path(ec) / "lotse-courses-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(name.data(), 5);
    if (fd < 0) {
        error = "a temporary file for the workbook cannot be made (" + name + ")";
        return {};
    }
    ::close(fd);
    lxw_workbook* book = workbook_new(name.c_str());
    // The creation time is the build date: the same input and --date give the same bytes.
    lxw_doc_properties properties{};
    properties.created = static_cast<time_t>(days_since_epoch(in.today)) * 86400;
    workbook_set_properties(book, &properties);
    write_sheet(book, course_rows(in, v));
    const lxw_error written = workbook_close(book);
    std::string bytes;
    const bool read = written == LXW_NO_ERROR && read_whole_file(name, bytes);
    ::unlink(name.c_str());
    if (!read) error = "the workbook cannot be written: " + std::string(lxw_strerror(written));
    return read ? bytes : std::string();
}

}  // namespace lotse
