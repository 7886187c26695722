// How much of a site is translated, per language: record texts, catalog messages and free pages.
// Behind `lotse i18n status`, so coordinators see where translation work is needed.
#pragma once

#include <string>
#include <vector>

#include "content/records.h"
#include "i18n/catalog.h"

namespace lotse {

struct Share {
    std::size_t translated = 0, total = 0;
};

struct Coverage {
    std::string language;
    Share records, catalog, pages;
};

// One entry per site language, in the site's order.
std::vector<Coverage> coverage(const Content& content, const Catalogs& catalogs);

std::string coverage_table(const std::vector<Coverage>& rows);
std::string coverage_json(const std::vector<Coverage>& rows);

}  // namespace lotse
