// Writes a built site. Every file goes first to a staging folder beside the output; files whose
// bytes did not change are hard links to the previous output's (same inode, same modification
// time, so rsync and web caches see only real changes). The staging folder then takes the output's
// place in one step (a folder exchange), so readers, and a build killed at any moment, see the old
// site or the new one, never a mix. The previous output is removed after the exchange.
// Only one build writes an output at a time (it locks the output folder); a staging folder left by
// a build that was killed is removed by the next one. Lotse replaces only a folder that is empty or carries
// its marker, and never writes, follows a link or deletes anything outside the output: files in the
// output that the marker does not list (someone's own) are carried into the new output as they are.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/interrupt.h"
#include "content/diagnostics.h"
#include "output/marker.h"
#include "render/renderer.h"

namespace lotse {

struct WriteStats {
    std::size_t written = 0, unchanged = 0, removed = 0;
    std::size_t folders_read = 0;  // folders of the previous output read to see which files are there
};

class OutputWriter {
public:
    // Prepares the staging folder; nullptr (with a diagnostic) if `out` may not be replaced,
    // for example a non-empty folder that Lotse did not create. The same as `read` and `start`.
    static std::unique_ptr<OutputWriter> open(const std::filesystem::path& out, Diagnostics& diags);
    // Reads what `out` holds from the previous build: its marker's list of files, and which of
    // them are there. It only reads, so it can run while the content loads.
    static std::unique_ptr<OutputWriter> read(const std::filesystem::path& out);
    // Locks the output, removes what killed builds left, and prepares the staging folder;
    // false (with a diagnostic) as `open` says, or while another build writes the same output.
    bool start(Diagnostics& diags);
    ~OutputWriter();  // the same as close()
    // Removes the staging folder and releases the lock; the output stays as it was unless
    // committed. What was read and written is still known.
    void close();

    // Safe to call from several threads at once. False (with a diagnostic) on failure.
    bool write(const OutputFile& file);
    // Keeps the previous build's file at `path` if it was made from inputs with the same
    // fingerprint and is still there; false if it must be rendered again. Safe to call from
    // several threads, each path once.
    bool keep(std::string_view path, std::uint64_t fingerprint);
    // Puts the new output in place of the old one. Call once, after every write succeeded.
    bool commit();
    WriteStats stats() const;

private:
    OutputWriter(std::filesystem::path out, std::filesystem::path target);
    void load();
    bool fail(const std::filesystem::path& where, const std::string& why);
    int stage_folder(std::string_view folder);
    // (path, fingerprint), sorted by path.
    using Listing = std::vector<std::pair<std::string_view, std::uint64_t>>;
    Listing listing() const;  // this build's files
    bool write_marker(const Listing& files);
    bool same_as_previous(const OutputFile& file) const;
    bool link_previous(int from, std::string_view folder, const std::string& name);
    bool carry_foreign();
    bool swap();
    void remove_leftovers() const;
    void find_present();
    struct PathHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
    };
    using FolderSet = std::unordered_set<std::string_view, PathHash, std::equal_to<>>;

    std::filesystem::path out_, target_, stage_;  // out_: as given, for messages
    Diagnostics* diags_ = nullptr;
    std::mutex diags_mutex_;
    std::atomic<std::size_t> written_{0}, unchanged_{0}, removed_{0};
    std::atomic<bool> failed_{false};
    int lock_fd_ = -1, stage_lock_fd_ = -1;  // the output folder and the staging folder, locked
    int target_fd_ = -1;  // the previous output, if there is one: its files are looked up from here
    int stage_fd_ = -1;   // files are made from here: nothing lands elsewhere if the folder is removed
    std::optional<interrupt::Leftover> leftover_;
    // What the output folder is: none, an empty folder, Lotse's (a marker listing its files, or the
    // marker of an older Lotse without a list), or something Lotse must leave alone.
    enum class Found { nothing, empty, listed, unlisted, not_a_folder, foreign, bad_marker };
    Found found_ = Found::nothing;
    SourcePos bad_entry_;  // Found::bad_marker: the first entry that is not a path inside the output
    std::string bad_path_;
    // The previous build's files, from its marker: fingerprint, whether the file is in the output
    // now (looked up once, by reading each folder), and whether this build keeps it.
    struct Previous {
        std::uint64_t fingerprint = 0;
        bool present = false, kept = false;
    };
    std::string marker_;  // the previous build's marker, which the paths of previous_ point into
    std::unordered_map<std::string_view, Previous, PathHash, std::equal_to<>> previous_;
    std::uint64_t marker_stamp_ = 0;  // the marker as read (0: none): another build may change it
    std::size_t folders_read_ = 0;
    // The files this build rendered: fingerprint, and whether it was written to the staging folder
    // (else the previous output has the same bytes, linked in at commit).
    struct Rendered {
        std::uint64_t fingerprint = 0;
        bool staged = false;
    };
    std::map<std::string, Rendered, std::less<>> rendered_;
    std::mutex rendered_mutex_;
    std::unordered_map<std::string, int> stage_folders_;  // made in the staging folder so far, open
    std::mutex stage_folders_mutex_;
};

}  // namespace lotse
