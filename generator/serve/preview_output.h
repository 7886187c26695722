// The preview folder, written in place: `lotse serve` keeps what each file there was made from, so
// a rebuild writes only the files whose inputs changed and removes those no longer made. (A build
// into public/ is exchanged as a whole instead, output/writer.h; the preview folder is serve's own,
// and nobody copies it while it changes.) A changed file is written over the old one, not renamed
// over it: a new file per write costs a new inode, and after a rebuild's data files ext4 hands the
// next ones out slowly (it passes over the inodes freed in the last seconds), which made writing
// the pages of a one-record edit most of its time. The server reads a file only between writes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "content/diagnostics.h"
#include "render/renderer.h"

namespace lotse {

class PreviewOutput {
public:
    explicit PreviewOutput(std::filesystem::path folder) : folder_(std::move(folder)) {}
    const std::filesystem::path& folder() const { return folder_; }

    // True if the folder's file at `path` was made from `fingerprint`: it stays as it is. Safe to
    // call from several threads, each path once per build.
    // `size`, if given, is set to the file's size.
    bool keep(std::string_view path, std::uint64_t fingerprint, std::uint64_t* size = nullptr);
    // Puts the file in the folder. Safe to call from several threads; false, with a diagnostic in
    // `diags`, on failure.
    bool write(const OutputFile& file, Diagnostics& diags);
    // The bytes of a file of the folder (empty if it cannot be read), never half-written. Safe to
    // call from any thread.
    std::string read(const std::filesystem::path& file) const;
    // After a build that succeeded: removes the files it did not make (the pages of removed
    // records) and the folders that leaves empty.
    void finish();
    // After a build that failed halfway: what the files were made from is no longer known, so the
    // next build writes every one again (and removes those it does not make).
    void forget();

private:
    struct PathHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
    };
    std::filesystem::path folder_;
    mutable std::shared_mutex writing_;  // held by a write, shared by reads
    std::mutex mutex_;                   // for files_ and made_
    // The folder's files (path -> fingerprint and size), and which of them this build made or kept.
    struct Made {
        std::uint64_t fingerprint = 0, size = 0;
    };
    std::unordered_map<std::string, Made, PathHash, std::equal_to<>> files_;
    std::unordered_set<std::string, PathHash, std::equal_to<>> made_;
};

}  // namespace lotse
