// Reading a whole file into memory, the way every reader of site files and caches does it.
#pragma once

#include <filesystem>
#include <string>

namespace lotse {

// The bytes of `file` into `out`; false if it cannot be opened (`out` is then unchanged).
bool read_whole_file(const std::filesystem::path& file, std::string& out);
// The bytes of `file`; empty if it cannot be read.
std::string whole_file(const std::filesystem::path& file);

}  // namespace lotse
