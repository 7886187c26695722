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
};

// Writes the .eml; exit 2 for a month that is not one, a language the site does not have, or a
// site without base_url (mailed links must be absolute); exit 1 for content errors.
int run_digest(const RunOptions& options, const DigestOptions& digest, std::ostream& out, std::ostream& err);

}  // namespace lotse
