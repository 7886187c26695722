// Loads a site folder's content/ into typed records. Problems of form (YAML syntax, unknown keys,
// missing fields, values of the wrong kind) are reported here; rules across records live in check/.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "content/diagnostics.h"
#include "content/kinds.h"
#include "content/records.h"

namespace lotse {

// Where the records read on an earlier run are kept (see record_cache.h), and the name of the
// Lotse that may use them; no file: every record file is read.
struct RecordCacheFile {
    std::filesystem::path file;
    std::string program;
};

// `site_read`, if given, is called with the site's settings as soon as they are read, before the
// records are (what depends only on them can start alongside).
Content load_content(const std::filesystem::path& site_dir, Diagnostics& diags, const RecordCacheFile& cache = {},
                     const std::function<void(const SiteConfig&)>& site_read = {});

}  // namespace lotse
