// Writes a built site. Nothing reaches the output folder until every file is rendered and written
// to a staging folder beside it, so a failed build leaves the previous output untouched.
// A first build is moved in whole, in one step. A rebuild moves in only the files whose bytes
// changed, each in one step: new files first, removed files last, so no link ever points nowhere.
// Unchanged files keep their inode and modification time, so rsync and web caches see only real
// changes, and a rebuild after a small edit touches a handful of files instead of the whole site.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "content/diagnostics.h"
#include "render/renderer.h"

namespace lotse {

// The file that marks a folder as Lotse's own output, safe to replace. After its first line it
// lists every file of the output as "<fingerprint> <path>" (fingerprint 0: render anew).
inline constexpr const char* kOutputMarker = ".lotse-output";

struct WriteStats {
    std::size_t written = 0, unchanged = 0, removed = 0;
    std::size_t folders_read = 0;  // folders of the previous output read to see which files are there
};

// True if `out` may be replaced: it does not exist, is empty, or carries the marker.
bool may_replace(const std::filesystem::path& out);

class OutputWriter {
public:
    // Prepares the staging folder; nullptr (with a diagnostic) if `out` may not be replaced,
    // for example a non-empty folder that Lotse did not create. The same as `read` and `start`.
    static std::unique_ptr<OutputWriter> open(const std::filesystem::path& out, Diagnostics& diags,
                                              const std::filesystem::path& folder_stamps = {});
    // Reads what `out` holds from the previous build: its marker's list of files, and which of
    // them are there. It only reads, so it can run while the content loads.
    // `folder_stamps` (optional, a file outside the output: in the cache) keeps what each folder
    // of the output looked like when the last build had written it. A folder that has not changed
    // since is not read again: its files are all still there.
    static std::unique_ptr<OutputWriter> read(const std::filesystem::path& out,
                                              const std::filesystem::path& folder_stamps = {});
    // Prepares the staging folder; false (with a diagnostic) as `open` says.
    bool start(Diagnostics& diags);
    ~OutputWriter();  // the same as close()
    // Closes the output folder and removes the staging folder; the output stays as it was unless
    // committed. What was read and written is still known.
    void close();

    // Safe to call from several threads at once. False (with a diagnostic) on failure.
    bool write(const OutputFile& file);
    // Keeps the previous build's file at `path` if it was made from inputs with the same
    // fingerprint and is still there; false if it must be rendered again. Safe to call from
    // several threads, each path once.
    bool keep(std::string_view path, std::uint64_t fingerprint);
    // Moves the new output in. Call once, after every write succeeded.
    bool commit();
    WriteStats stats() const;
    // True if a commit failed after it had begun to change the output (said in its diagnostic).
    bool partly_written() const { return partly_written_; }

private:
    OutputWriter(std::filesystem::path out, std::filesystem::path target);
    bool fail(const std::filesystem::path& where, const std::string& why);
    bool make_parent(const std::filesystem::path& file, std::error_code& ec);
    // (path, fingerprint), sorted by path.
    using Listing = std::vector<std::pair<std::string_view, std::uint64_t>>;
    Listing listing() const;  // this build's files
    bool write_marker(const std::filesystem::path& folder, const Listing& files);
    void find_present();
    struct PathHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
    };
    using FolderSet = std::unordered_set<std::string_view, PathHash, std::equal_to<>>;
    void read_folder_stamps();
    void save_folder_stamps(const Listing& files, const FolderSet& touched);
    bool swap_in();
    bool update_in_place();

    std::filesystem::path out_, target_, stage_;  // out_: as given, for messages
    Diagnostics* diags_ = nullptr;
    std::mutex diags_mutex_;
    std::atomic<std::size_t> written_{0}, unchanged_{0}, removed_{0};
    std::atomic<bool> failed_{false};
    // A rebuild of an output whose marker lists its files updates it in place; otherwise the
    // staging folder becomes the output.
    bool in_place_ = false;
    int target_fd_ = -1;  // in place: the output folder, so files in it are looked up from there
    bool partly_written_ = false;
    // The previous build's files, from its marker: fingerprint, whether the file is in the output
    // now (looked up once, by reading each folder), and whether this build keeps it.
    struct Previous {
        std::uint64_t fingerprint = 0;
        bool present = false, kept = false;
    };
    std::string marker_;  // the previous build's marker, which the paths of previous_ point into
    std::unordered_map<std::string_view, Previous, PathHash, std::equal_to<>> previous_;
    // What the marker and the folders of the output were like when the last build had written
    // them (from `folder_stamps`): a folder with the same stamp now still holds every file it had.
    std::filesystem::path folder_stamps_file_;
    std::uint64_t marker_stamp_ = 0;  // 0: no marker
    std::string folder_stamps_text_;  // which the folders of folder_stamps_ point into
    std::unordered_map<std::string_view, std::uint64_t, PathHash, std::equal_to<>> folder_stamps_;
    FolderSet unchanged_folders_;  // of folder_stamps_: found as they were
    std::size_t folders_read_ = 0;
    // The files this build rendered: fingerprint, and whether it goes in from the staging folder
    // (in place: a new or changed file).
    struct Rendered {
        std::uint64_t fingerprint = 0;
        bool staged = false;
    };
    std::map<std::string, Rendered, std::less<>> rendered_;
    std::mutex rendered_mutex_;
    std::unordered_set<std::string> folders_;  // made in the staging folder so far
    std::mutex folders_mutex_;
};

}  // namespace lotse
