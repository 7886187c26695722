// The course list as files for partners' tools: courses.csv and courses.xlsx for spreadsheets and
// courses.ics for calendars. All are in the site's source language, which is what partners work in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/renderer.h"

namespace lotse {

class LanguageView;

// The columns of the course list, in order, as the header rows of courses.csv and courses.xlsx name
// them; `lotse import courses` reads the same names back.
inline constexpr std::string_view kCourseColumns[] = {
    "id",       "title", "type",    "level_from", "level_to", "start", "end",
    "schedule", "lessons", "mode",  "district",   "address",  "provider", "childcare",
    "seats",    "fee",   "registration_deadline", "registration_phone", "registration_email", "registration_url",
    "page"};
// Where `column` stands in kCourseColumns (a name from that list).
std::size_t course_column(std::string_view column);
// The columns that hold a date (written YYYY-MM-DD, or as a date cell in courses.xlsx).
bool is_date_column(std::string_view column);

// A course's page as the list gives it: absolute if the site has a base_url.
std::string course_page(const RenderInputs& in, const RecordEntry& e);
// A course's row of the list, one text per column of kCourseColumns; `page` is its page's address.
std::vector<std::string> course_fields(const LanguageView& source, const Course& c, const std::string& page);
// The rows of the published courses, in the order of the course overview.
std::vector<std::vector<std::string>> course_rows(const RenderInputs& in, const LanguageView& source);

// RFC 4180, UTF-8 with a byte order mark (so spreadsheet programs pick the right encoding),
// CRLF line ends, one row per published course; the columns are documented in README.md.
std::string courses_csv(const RenderInputs& in, const LanguageView& source);
// The same shape (byte order mark, header row, CRLF) for any rows of the list.
std::string course_list_csv(const std::vector<std::vector<std::string>>& rows);
// One RFC 4180 record with its CRLF: fields quoted only where the format needs it and otherwise
// as they are, for data that programs read (the course list guards against spreadsheet formulas).
std::string csv_record(const std::vector<std::string>& fields);

// The same rows as an Excel workbook through libxlsxwriter: a frozen header row with a filter, dates
// as date cells shown in the reader's own date format, the lessons as numbers. Its creation time is
// the build date, so the same input and --date give the same bytes.
// On failure (no temporary file), empty, with the reason in `error`.
std::string courses_xlsx(const RenderInputs& in, const LanguageView& source, std::string& error);

// RFC 5545 through libical: one all-day event per course from start to end, with a UID that stays
// the same from build to build.
std::string courses_ics(const RenderInputs& in, const LanguageView& source);

}  // namespace lotse
