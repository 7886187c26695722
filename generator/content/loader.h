// Loads a site folder's content/ into typed records. Problems of form (YAML syntax, unknown keys,
// missing fields, values of the wrong kind) are reported here; rules across records live in check/.
//
// The site's settings are read first and on their own, so that what depends only on them (the
// catalogs, which need the site's languages) can start before the records are read:
//   settings = read_site_settings(…); <start what needs them>; content = read_content(…, settings, …)
#pragma once

#include <filesystem>
#include <optional>
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

// The site's settings (content/site.yaml); their source language is empty if they could not be
// read (reported). nullopt if the content folder itself cannot be used (a link out of the site, a
// loop; reported): then there is nothing more to read.
std::optional<SiteConfig> read_site_settings(const std::filesystem::path& site_dir, Diagnostics& diags);

// Everything else under content/, read with the settings `site` read before.
Content read_content(const std::filesystem::path& site_dir, SiteConfig site, Diagnostics& diags,
                     const RecordCacheFile& cache = {});

// One record file read again on its own (`lotse serve` reads only the files that changed):
// `file` (relative to the site folder, content/<kind's folder>/<id>.yaml) replaces its record in
// `content`, which is the site's content as read before; a file that is gone or has errors leaves
// no record. What reading it found goes to `diags`. False, with `content` unchanged, for any other
// file, or one that is not a plain file: then the whole content must be read again.
bool reread_record_file(const std::filesystem::path& site_dir, const std::filesystem::path& file, Content& content,
                        Diagnostics& diags);

// Both: the whole content folder.
Content load_content(const std::filesystem::path& site_dir, Diagnostics& diags, const RecordCacheFile& cache = {});

}  // namespace lotse
