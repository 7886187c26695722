// `lotse digest`: the month's language courses as an e-mail draft a coordinator sends to
// counsellors, job centres and schools: the courses the month page shows, with absolute links to
// each course, the month page and the spreadsheet.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

#include "build.h"

namespace lotse {

struct DigestOptions {
    std::string month;          // YYYY-MM, as typed
    std::string language;       // empty: the site's source language
    std::filesystem::path out;  // empty: standard output
    std::filesystem::path since;  // an earlier digest or course list; empty: none
};

// Writes the .eml; exit 2 for a month that is not one, a language the site does not have, or a
// site without base_url (mailed links must be absolute), or a --since file without a course list;
// exit 1 for content errors. The mail carries the month's courses as a CSV attachment, which a
// later --since reads back.
int run_digest(const RunOptions& options, const DigestOptions& digest, std::ostream& out, std::ostream& err);

}  // namespace lotse
