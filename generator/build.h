// The pipeline behind `lotse check` and `lotse build`:
// content -> check -> site plan -> render -> output. Each stage takes the previous one's result.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>

#include "common/data_dir.h"  // data_dir(): the built-in templates and catalogs
#include "content/calendar.h"
#include "content/records.h"
#include "i18n/catalog.h"
#include "i18n/texts.h"
#include "i18n/translation_record.h"
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

// The site as read and checked: records, catalogs and the record of what each translation was
// made from, with the outdated translations marked (i18n/currency.h).
struct LoadedSite {
    Content content;
    Catalogs catalogs;
    TranslationRecord translations;
    std::vector<CatalogText> catalog_texts;  // the site's own catalog messages
};
LoadedSite load_and_check(const RunOptions& options, Diagnostics& diags);
// Its steps, for a caller that keeps the site between runs (`lotse serve`): the catalogs of the
// site's languages (none without settings); the translation record and the site's own catalog
// messages; and, once the records are checked, which translations are outdated.
Catalogs load_catalogs(const std::filesystem::path& site_dir, const std::optional<SiteConfig>& site, Diagnostics& diags);
void read_translations(const std::filesystem::path& site_dir, const SiteConfig& site, LoadedSite& loaded,
                       Diagnostics& diags);
void check_translations(Date today, LoadedSite& loaded, Diagnostics& diags);
void report(const Diagnostics& diags, std::ostream& err);

int run_check(const RunOptions& options, std::ostream& out, std::ostream& err);
int run_build(const RunOptions& options, std::ostream& out, std::ostream& err);

// What a build found and did, for a caller that shows it its own way (`lotse serve`).
struct BuildOutcome {
    Diagnostics diags;
    std::size_t rendered = 0, kept = 0;  // pages; both 0 when nothing was written
};
int run_build(const RunOptions& options, std::ostream& out, std::ostream& err, BuildOutcome& outcome);

}  // namespace lotse
