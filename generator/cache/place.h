// Where Lotse's cache lives and what its files are named, and the identity of this Lotse, which
// every cache file and the output's marker carry so that a new Lotse never uses what an older one
// made.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lotse {

// This Lotse: "lotse <version> <16 hex digits>", the digits a hash of the build id the linker gave
// the program (or of the program's bytes, where it has none). Computed once.
const std::string& program_identity();

// The cache folder: $XDG_CACHE_HOME/lotse, else ~/.cache/lotse; empty (no cache) without either
// variable.
std::filesystem::path cache_dir();

// What the cache keeps of a site folder is in files named after it: this path (the cache folder
// and a hash of the site folder's full path) plus an extension. Empty without a cache folder.
std::filesystem::path site_cache_stem(const std::filesystem::path& site_dir);
// The cache file `extension` (".records") of a site folder; empty without a cache folder.
std::filesystem::path site_cache_file(const std::filesystem::path& site_dir, std::string_view extension);

}  // namespace lotse
