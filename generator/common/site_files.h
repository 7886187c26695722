// Reading a site's folders without trusting what is in them: which entries are files Lotse reads,
// and a diagnostic at every entry it will not read. Nothing here throws or opens a file.
//
// Links are followed while they stay inside the site folder (`root`): a published site is what is
// in its folder, so a link out of it is an error naming where it points. Link loops, dangling
// links, named pipes (a pipe opened for reading waits for a writer), devices and sockets are
// errors at their path. Names starting with "." (editors' lock and backup files) are skipped.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "content/diagnostics.h"

namespace lotse {

// A path as diagnostics and messages name it: normalised, with "/" between folders.
std::string shown_path(const std::filesystem::path& p);

enum class EntryKind { missing, file, folder, unusable };

// What `path` is once links inside `root` are followed; reports an unusable one to `diags` (if
// given) at `shown`, the path as diagnostics name it.
EntryKind site_entry(const std::filesystem::path& path, const std::filesystem::path& root, Diagnostics* diags,
                     const std::string& shown);

struct SiteFile {
    std::filesystem::path path;
    std::string name;  // relative to the folder listed, with "/" between folders
};

// The files of `dir` in name order (with those of its subfolders when `recursive`); nothing if
// `dir` does not exist. Every unusable entry, `dir` itself included, is reported to `diags` if given.
std::vector<SiteFile> site_files(const std::filesystem::path& dir, const std::filesystem::path& root,
                                 Diagnostics* diags, bool recursive = false);

}  // namespace lotse
