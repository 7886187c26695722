// A spreadsheet read as rows of texts: a CSV file (separator, encoding and byte order mark found
// out) or the first sheet of an XLSX workbook. Positions are the sheet's row and column, from 1.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/diagnostics.h"

namespace lotse {

struct SheetRow {
    int number = 0;                  // the row as a spreadsheet program counts it
    std::vector<std::string> cells;  // UTF-8, spaces around trimmed; a number cell as its digits
};

struct Sheet {
    std::string file;  // as diagnostics name it
    bool workbook = false;  // from XLSX: a number in a date column is a date's serial number
    std::vector<SheetRow> rows;  // the header row first; empty rows left out
};

// The rows of `file`: XLSX if it is a ZIP archive, else CSV with `,` or `;` (whichever the header
// row uses more), UTF-8 with or without a byte order mark or any encoding ICU recognises (Excel's
// Windows-1252 above all). nullopt if it cannot be read (reported at `shown`).
std::optional<Sheet> read_sheet(const std::filesystem::path& file, const std::string& shown, Diagnostics& diags);

// The same, from bytes: `text` as a CSV file, or an XLSX file at `file`.
std::optional<Sheet> read_csv(std::string bytes, const std::string& shown, Diagnostics& diags);
std::optional<Sheet> read_xlsx(const std::filesystem::path& file, const std::string& shown, Diagnostics& diags);

// A workbook's date cell holds the day's serial number (days since 1899-12-30): that day as
// YYYY-MM-DD. A cell of a CSV file, or one that is no such number, comes back as it is.
std::string workbook_date(const Sheet& sheet, const std::string& cell);

}  // namespace lotse
