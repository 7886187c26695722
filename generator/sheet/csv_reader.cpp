// CSV as spreadsheet programs write it: RFC 4180 quoting, `,` or `;`, in the encoding of the
// computer that saved it. ICU tells the encoding and converts it to UTF-8.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "sheet/sheet.h"

namespace lotse {

namespace {

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// `bytes` in UTF-8, or the reason they cannot be.
bool to_utf8(std::string& bytes, std::string& error) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.erase(0, 3);
        return true;
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    const char* name = match ? ucsdet_getName(match, &status) : nullptr;
    if (U_FAILURE(status) || !name) {
        error = "Lotse cannot tell which encoding this file is in; save it as \"CSV UTF-8\"";
        return false;
    }
    std::string encoding = name;
    if (encoding == "UTF-8") return true;
    // Windows-1252 is ISO-8859-1 plus € and typographic quotes: the text of any file ICU takes for
    // the one reads the same in the other, and Excel writes the former.
    if (encoding == "ISO-8859-1") encoding = "windows-1252";
    const int32_t needed = ucnv_convert("UTF-8", encoding.c_str(), nullptr, 0, bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &(status = U_ZERO_ERROR));
    std::string out(static_cast<std::size_t>(needed), '\0');
    status = U_ZERO_ERROR;
    ucnv_convert("UTF-8", encoding.c_str(), out.data(), needed, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) {
        error = "this file is in " + encoding + ", which Lotse cannot convert; save it as \"CSV UTF-8\"";
        return false;
    }
    bytes = std::move(out);
    return true;
}

// The separator the first row uses more, outside quotes: `;` (Excel in German) or `,`.
char separator_of(std::string_view text) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) break;
        if (!quoted && c == ',') ++commas;
        if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

std::string trimmed(std::string_view text) {
    const std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    return std::string(text.substr(begin, text.find_last_not_of(" \t") - begin + 1));
}

// A cell as courses.csv wrote it: a text that spreadsheet programs would run as a formula has a
// leading ' there, which is not part of the text.
std::string cell_text(std::string_view raw) {
    std::string text = trimmed(raw);
    if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos) text.erase(0, 1);
    return text;
}

std::vector<SheetRow> parse(std::string_view text, char separator) {
    std::vector<SheetRow> rows;
    SheetRow row{1, {}};
    std::string cell;
    bool quoted = false, blank = true;
    auto end_row = [&] {
        row.cells.push_back(cell_text(cell));
        if (!blank) rows.push_back(std::move(row));
        row = SheetRow{row.number + 1, {}};
        cell.clear();
        blank = true;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
            blank = false;
        } else if (c == separator) {
            row.cells.push_back(cell_text(cell));
            cell.clear();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
        } else {
            cell += c;
            if (c != ' ' && c != '\t') blank = false;
        }
    }
    if (!cell.empty() || !row.cells.empty()) end_row();
    return rows;
}

}  // namespace

std::optional<Sheet> read_csv(std::string bytes, const std::string& shown, Diagnostics& diags) {
    std::string error;
    if (!to_utf8(bytes, error)) {
        diags.error({shown, 0, 0}, error);
        return std::nullopt;
    }
    Sheet sheet{shown, false, parse(bytes, separator_of(bytes))};
    if (sheet.rows.empty()) {
        diags.error({shown, 0, 0}, "this file has no rows; the first row names the columns");
        return std::nullopt;
    }
    return sheet;
}

}  // namespace lotse
