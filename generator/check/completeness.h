// What keeps each site language from being complete: the free pages that have no version in it
// and the catalog messages it shows in the source language. `lotse check` prints one note per such
// language; notes are not warnings, since a site's translations grow over time.
#pragma once

#include <string>
#include <vector>

#include "content/records.h"
#include "i18n/catalog.h"

namespace lotse {

// One line per incomplete language, at the place site.yaml lists it:
// `content/site.yaml:3:17: note: "ar" is not complete: …`.
std::vector<std::string> completeness_notes(const Content& content, const Catalogs& catalogs);

}  // namespace lotse
