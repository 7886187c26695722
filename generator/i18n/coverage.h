// How much of a site is translated, per language: record texts, catalog messages and free pages,
// each translated, outdated or missing. Behind `lotse i18n status`, so coordinators see where
// translation work is needed.
#pragma once

#include <string>
#include <vector>

#include "content/records.h"
#include "i18n/catalog.h"
#include "i18n/currency.h"

namespace lotse {

// `translated` counts current and unrecorded translations; the rest of `total` is outdated or missing.
struct Share {
    std::size_t translated = 0, total = 0, outdated = 0;
    std::size_t missing() const { return total - translated - outdated; }
    Share& operator+=(const Share& o);
};

struct Coverage {
    std::string language;
    Share records, catalog, pages;
    Share all() const;
};

// A text of one language that needs a translator, for `--list`.
struct StatusLine {
    std::string language;
    TextState state;  // outdated or missing
    std::string id;   // offer/kita-sprechstunde/title, page/imprint, catalog/nav.az
    SourcePos pos;    // where the outdated translation is (none for a missing one)
};

struct StatusReport {
    std::vector<Coverage> rows;  // one per site language, in the site's order
    std::vector<StatusLine> lines;  // by language, outdated before missing, then by id
};

// `states` from text_states(); `only`: one language (empty: all of them).
StatusReport translation_status(const Content& content, const Catalogs& catalogs, const std::vector<TextStatus>& states,
                                const std::string& only = {});

std::string coverage_table(const std::vector<Coverage>& rows);
std::string status_list(const std::vector<StatusLine>& lines);
std::string status_json(const StatusReport& report, bool list);

}  // namespace lotse
