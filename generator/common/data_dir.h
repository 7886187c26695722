// Where the built-in templates and catalogs are, and how a site's own folders are layered over them.
#pragma once

#include <filesystem>
#include <vector>

namespace lotse {

// Where the built-in templates and catalogs are: $LOTSE_DATA_DIR, an installed share/lotse beside
// the binary, or the source tree Lotse was built from.
std::filesystem::path data_dir();

// The built-in folder `name` ("templates", "i18n") first, then the site's own, unless they are the
// same folder: a file in the site's folder replaces the built-in one of the same name.
std::vector<std::filesystem::path> layered(const std::filesystem::path& site_dir, const char* name);

}  // namespace lotse
