// Writes a built site: into a fresh folder beside the output, swapped in only when every file is
// written, so a failed build leaves the previous output untouched. Files whose bytes did not change
// keep their inode and modification time, so rsync and web caches see only real changes.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
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

// True if `out` may be replaced: it does not exist, is empty, or carries the marker.
bool may_replace(const std::filesystem::path& out);

class OutputWriter {
public:
    // Prepares the temporary folder; nullptr (with a diagnostic) if `out` may not be replaced,
    // for example a non-empty folder that Lotse did not create.
    static std::unique_ptr<OutputWriter> open(const std::filesystem::path& out, Diagnostics& diags);
    ~OutputWriter();  // removes the temporary folder unless committed

    // Safe to call from several threads at once. False (with a diagnostic) on failure.
    bool write(const OutputFile& file);
    // Keeps the previous build's file at `path` if it was made from inputs with the same
    // fingerprint; false if it must be rendered again. Safe to call from several threads.
    bool keep(const std::string& path, std::uint64_t fingerprint);
    // Swaps the new output in, in one step. Call once, after every write succeeded.
    bool commit();
    WriteStats stats() const;

private:
    OutputWriter(std::filesystem::path target, std::filesystem::path temp, std::string shown, Diagnostics& diags);
    bool fail(const std::filesystem::path& where, const std::string& why);
    bool make_parent(const std::filesystem::path& file, std::error_code& ec);

    std::filesystem::path target_, temp_;
    std::string shown_;
    Diagnostics& diags_;
    std::mutex diags_mutex_;
    std::atomic<std::size_t> written_{0}, unchanged_{0}, bytes_{0};
    std::atomic<bool> failed_{false};
    // path -> fingerprint, of the previous build (read from the marker) and of this one.
    std::map<std::string, std::uint64_t> previous_;
    std::map<std::string, std::uint64_t> current_;
    std::mutex current_mutex_;
    std::unordered_set<std::string> folders_;  // made in the new output so far
    std::mutex folders_mutex_;
    bool committed_ = false;
};

}  // namespace lotse
