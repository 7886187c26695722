// Writes a built site: into a fresh folder beside the output, swapped in only when every file is
// written, so a failed build leaves the previous output untouched. Files whose bytes did not change
// keep their inode and modification time, so rsync and web caches see only real changes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "content/diagnostics.h"
#include "render/renderer.h"

namespace lotse {

// The file that marks a folder as Lotse's own output, safe to replace.
inline constexpr const char* kOutputMarker = ".lotse-output";

struct WriteStats {
    std::size_t written = 0, unchanged = 0;
    std::size_t bytes = 0;
};

// Refuses (with a diagnostic) to replace a non-empty folder that Lotse did not create.
bool write_output(const std::filesystem::path& out, const std::vector<OutputFile>& files, Diagnostics& diags,
                  WriteStats* stats = nullptr);

// True if `out` may be replaced: it does not exist, is empty, or carries the marker.
bool may_replace(const std::filesystem::path& out);

}  // namespace lotse
