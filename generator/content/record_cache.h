// Records read on an earlier run, so that a rebuild parses only the record files that changed:
// YAML parsing is most of loading, and a coordinator edits one file at a time.
// A cached record is used only if its file has the same bytes as when it was read (known from
// what stat says where that cannot be fooled, else from the bytes themselves), and only by the
// same Lotse for the same source language. A missing, damaged or foreign cache is simply empty
// (cache/cache_file.h checks every byte of it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cache/cache_file.h"
#include "content/diagnostics.h"
#include "content/records.h"

namespace lotse {

// What stat says of a file: any write changes its change time.
struct FileStamp {
    std::uint64_t size = 0, mtime_ns = 0, ctime_ns = 0, inode = 0;
    bool operator==(const FileStamp&) const = default;
};
std::optional<FileStamp> stamp_of(const std::filesystem::path& file);
// The same for the file `name` in the open folder `folder` (a file descriptor): the folder's path
// is not looked up again for every file in it.
std::optional<FileStamp> stamp_of(int folder, const char* name);

class RecordCache {
public:
    RecordCache() = default;  // no cache: nothing is found, nothing is saved
    // Reads the cache file; `key` names this Lotse and the site's source language.
    RecordCache(std::filesystem::path file, std::string key);
    ~RecordCache();
    RecordCache(const RecordCache&) = delete;
    RecordCache& operator=(const RecordCache&) = delete;

    // The record of `path` as cached, if the file is the same. `text` is called for the file's
    // bytes only when its stamp cannot tell; it may return nullptr if the file cannot be read.
    // Thread-safe.
    template <typename Rec>
    bool find(const std::string& path, const FileStamp& stamp, const std::function<const std::string*()>& text,
              Rec& out, Diagnostics& diags);
    // A record just read from its file, for the next run; not called for files with errors.
    template <typename Rec>
    void put(const std::string& path, const FileStamp& stamp, std::uint64_t hash, const Rec& record,
             const Diagnostics& diags);

    // Writes what this run found or read, if enough of it differs from what was there (at least
    // one entry in 64: records read anew, found under a new stamp, or gone); a cache that cannot
    // be written is no error (the next run reads the files again).
    void save();

private:
    struct Entry {
        FileStamp stamp;
        std::uint64_t hash = 0;
        std::string_view blob;
    };
    struct Next {
        FileStamp stamp;
        std::uint64_t hash = 0;
        std::string owned;       // a record read on this run
        std::string_view blob;   // into `owned` or, for a record found, into mapped_
    };
    bool read_index();

    std::filesystem::path file_;
    std::string key_;
    CacheFile cached_;
    std::string_view mapped_;  // the cache file's payload; entries point into it
    std::uint64_t saved_ns_ = 0;
    std::unordered_map<std::string_view, Entry> entries_;
    std::mutex mutex_;
    std::map<std::string, Next> next_;
    std::size_t changes_ = 0;  // records read anew or with a new stamp
};

}  // namespace lotse
