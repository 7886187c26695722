// The pipeline behind `lotse check` and `lotse build`:
// content -> check -> site plan -> render -> output. Each stage takes the previous one's result.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>

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

// Where the built-in templates and catalogs are: $LOTSE_DATA_DIR, an installed share/lotse beside
// the binary, or the source tree Lotse was built from.
std::filesystem::path data_dir();

// "today" for date-dependent rules: SOURCE_DATE_EPOCH if set, else the system clock. A
// SOURCE_DATE_EPOCH that is not a whole number of seconds, or outside the dates Lotse accepts,
// throws std::invalid_argument saying so (a usage error: it would otherwise silently be ignored).
Date default_today();

int run_check(const RunOptions& options, std::ostream& out, std::ostream& err);
int run_build(const RunOptions& options, std::ostream& out, std::ostream& err);
// `lotse i18n status`: per language, how much is translated; as a table or as JSON.
int run_i18n_status(const RunOptions& options, bool json, std::ostream& out, std::ostream& err);

}  // namespace lotse
