// The pipeline behind `lotse check` and `lotse build`:
// content -> check -> site plan -> render -> output. Each stage takes the previous one's result.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "common/data_dir.h"  // data_dir(): the built-in templates and catalogs
#include "content/calendar.h"
#include "render/sitemap.h"

namespace lotse {

enum ExitCode { kSuccess = 0, kContentErrors = 1, kUsageError = 2 };

struct RunOptions {
    std::filesystem::path site_dir = ".";
    std::filesystem::path out;  // empty: <site_dir>/public
    Date today{};
    int jobs = 0;  // 0: all cores
    SitemapLimits sitemap;  // the protocol's; tests lower them
    // The program ends as soon as the run returns: the records and catalogs are left for the
    // system to take back with the rest of the process instead of being freed one by one.
    bool exits_after = false;
};

int run_check(const RunOptions& options, std::ostream& out, std::ostream& err);
int run_build(const RunOptions& options, std::ostream& out, std::ostream& err);
// `lotse i18n status`: per language, how much is translated; as a table or as JSON.
int run_i18n_status(const RunOptions& options, bool json, std::ostream& out, std::ostream& err);

}  // namespace lotse
