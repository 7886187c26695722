// The first sheet of an XLSX workbook: minizip takes the parts out of the archive, pugixml reads
// the shared strings and the sheet's cells.
#include <minizip/unzip.h>

#include <pugixml.hpp>

#include <chrono>
#include <memory>

#include "common/whole_file.h"
#include "content/calendar.h"
#include "sheet/sheet.h"

namespace lotse {

namespace {

struct ZipCloser {
    void operator()(void* zip) const { unzClose(zip); }
};

// The part `name` of the archive; nullopt if it has none.
std::optional<std::string> part(unzFile zip, const char* name) {
    if (unzLocateFile(zip, name, 0) != UNZ_OK || unzOpenCurrentFile(zip) != UNZ_OK) return std::nullopt;
    std::string out;
    char buffer[65536];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    unzCloseCurrentFile(zip);
    if (n < 0) return std::nullopt;
    return out;
}

// A text element's text, or its runs' (<r><t>…</t></r>), skipping phonetic hints.
std::string text_of(const pugi::xml_node& node) {
    if (pugi::xml_node t = node.child("t")) return t.text().get();
    std::string out;
    for (pugi::xml_node r : node.children("r")) out += r.child("t").text().get();
    return out;
}

// "C12" → 3 (the column, from 1); 0 if it names none.
int column_of(std::string_view ref) {
    int column = 0;
    for (char c : ref) {
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + (c - 'A' + 1);
    }
    return column;
}

std::string trimmed(std::string text) {
    const std::size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) return {};
    return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::string cell_text(const pugi::xml_node& c, const std::vector<std::string>& strings) {
    const std::string_view type = c.attribute("t").value();
    const std::string value = c.child("v").text().get();
    if (type == "s") {
        const std::size_t index = static_cast<std::size_t>(c.child("v").text().as_ullong(strings.size()));
        return index < strings.size() ? strings[index] : std::string();
    }
    if (type == "inlineStr") return text_of(c.child("is"));
    if (type == "b") return value == "1" ? "true" : "false";
    return value;
}

}  // namespace

std::optional<Sheet> read_xlsx(const std::filesystem::path& file, const std::string& shown, Diagnostics& diags) {
    std::unique_ptr<void, ZipCloser> zip(unzOpen(file.c_str()));
    std::optional<std::string> sheet_xml = zip ? part(zip.get(), "xl/worksheets/sheet1.xml") : std::nullopt;
    if (!sheet_xml) {
        diags.error({shown, 0, 0}, "this file is not an Excel workbook (XLSX) with a sheet Lotse can read");
        return std::nullopt;
    }
    std::vector<std::string> strings;
    if (std::optional<std::string> shared = part(zip.get(), "xl/sharedStrings.xml")) {
        pugi::xml_document doc;
        if (doc.load_buffer(shared->data(), shared->size()))
            for (pugi::xml_node si : doc.child("sst").children("si")) strings.push_back(text_of(si));
    }
    pugi::xml_document doc;
    if (!doc.load_buffer(sheet_xml->data(), sheet_xml->size())) {
        diags.error({shown, 0, 0}, "the workbook's first sheet cannot be read (it is not well-formed XML)");
        return std::nullopt;
    }
    Sheet sheet{shown, true, {}};
    int previous = 0;
    for (pugi::xml_node r : doc.child("worksheet").child("sheetData").children("row")) {
        SheetRow row{r.attribute("r").as_int(previous + 1), {}};
        previous = row.number;
        bool blank = true;
        for (pugi::xml_node c : r.children("c")) {
            const int column = column_of(c.attribute("r").value());
            const std::size_t at = column > 0 ? static_cast<std::size_t>(column - 1) : row.cells.size();
            if (at >= 16384) continue;
            if (row.cells.size() <= at) row.cells.resize(at + 1);
            row.cells[at] = trimmed(cell_text(c, strings));
            blank = blank && row.cells[at].empty();
        }
        if (!blank) sheet.rows.push_back(std::move(row));
    }
    if (sheet.rows.empty()) {
        diags.error({shown, 0, 0}, "the workbook's first sheet has no rows; the first row names the columns");
        return std::nullopt;
    }
    return sheet;
}

std::optional<Sheet> read_sheet(const std::filesystem::path& file, const std::string& shown, Diagnostics& diags) {
    std::string bytes;
    if (!std::filesystem::is_regular_file(file) || !read_whole_file(file, bytes)) {
        diags.error({shown, 0, 0}, "this file cannot be read");
        return std::nullopt;
    }
    if (bytes.starts_with("PK\x03\x04")) return read_xlsx(file, shown, diags);
    return read_csv(std::move(bytes), shown, diags);
}

std::string workbook_date(const Sheet& sheet, const std::string& cell) {
    if (!sheet.workbook || cell.empty() || cell.size() >= 7 || cell.find_first_not_of("0123456789") != std::string::npos)
        return cell;
    return to_iso(Date{std::chrono::sys_days(std::chrono::year(1899) / 12 / 30) + std::chrono::days(std::stoi(cell))});
}

}  // namespace lotse
