// The messages of a site's catalogs as texts to translate and keep current: each language's
// catalog file as the site uses it (its own i18n/<lang>.txt, else the built-in one), read with
// positions. Only the site's own files hold translations it tracks; a built-in translation is
// Lotse's and counts as current.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "content/diagnostics.h"
#include "i18n/texts.h"

namespace lotse {

// Every message of the catalog files of `languages`; a file this cannot read message by message
// (a shape other than one table of strings) is reported as a note and left out: the catalogs
// themselves still work, only their currency is not tracked.
std::vector<CatalogText> read_catalog_texts(const std::filesystem::path& site_dir, const std::vector<std::string>& languages,
                                            Diagnostics& diags);

// The site's own catalog file of `language` (it may not exist yet).
std::filesystem::path own_catalog(const std::filesystem::path& site_dir, const std::string& language);

}  // namespace lotse
