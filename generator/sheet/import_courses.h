// `lotse import courses FILE [SITE_DIR] [--dry-run]`: the course list from a spreadsheet into the
// course records (PRODUCT.md, "Command line").
#pragma once

#include <filesystem>
#include <iosfwd>

#include "build.h"

namespace lotse {

// Adds the sheet's new courses and updates the fields it changes, or with `dry_run` only says so.
// Refuses every change if a cell is wrong or the site would not check cleanly afterwards.
int run_import_courses(const RunOptions& options, const std::filesystem::path& file, bool dry_run, std::ostream& out,
                       std::ostream& err);

}  // namespace lotse
