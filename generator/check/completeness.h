// What keeps each site language from being complete: the free pages that have no version in it
// and the catalog messages it shows in the source language. `lotse check` prints one note per such
// language; notes are not warnings, since a site's translations grow over time.
#pragma once

#include "content/diagnostics.h"
#include "content/records.h"
#include "i18n/catalog.h"

namespace lotse {

// One note per incomplete language, at the place site.yaml lists it:
// `content/site.yaml:3:17: note: "ar" is not complete: …`.
void note_completeness(const Content& content, const Catalogs& catalogs, Diagnostics& diags);

}  // namespace lotse
