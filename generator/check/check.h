// The rules of `lotse check` that look across records and at the calendar: references, taxonomy
// terms, ranges that run backwards, stale and ended records, catalog gaps. Rules of form are
// checked while loading (content/loader).
#pragma once

#include "content/calendar.h"
#include "content/diagnostics.h"
#include "content/records.h"
#include "i18n/catalog.h"

namespace lotse {

void check_content(const Content& content, const Catalogs& catalogs, Date today, Diagnostics& diags);

}  // namespace lotse
