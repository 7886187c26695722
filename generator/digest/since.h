// `lotse digest --since FILE`: what changed in the month's course list since an earlier digest
// (its attached list) or courses.csv / courses.xlsx, for the top of the mail.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "render/mustache_data.h"

namespace lotse {

class LanguageView;
struct RecordEntry;

// The rows of an earlier course list, each with one text per column of kCourseColumns.
struct EarlierList {
    std::vector<bool> has;                       // which columns the file has
    std::vector<std::vector<std::string>> rows;  // in the file's order
};

// The list in `file`: the attachment of a .eml, else a CSV or XLSX sheet. Nothing if it cannot be
// read, with the reason, naming the file, in `err`.
std::optional<EarlierList> read_earlier(const std::filesystem::path& file, std::ostream& err);

// The sections the mail leads with: new, changed, now full and no longer listed courses of the
// month (`listed`, in the mail's order) against `earlier`; the sentence that nothing changed if so.
// `v` is the mail's language, `source` the site's source language the lists are in.
Data since_data(const LanguageView& v, const LanguageView& source, const std::vector<const RecordEntry*>& listed,
                const std::string& month, const EarlierList& earlier, const std::string& base);

}  // namespace lotse
