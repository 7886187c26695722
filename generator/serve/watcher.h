// Tells when the site's sources changed: inotify watches on content/, i18n/ and templates/ and on
// every folder under them, new ones included, and a burst of saves reported as one change.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace lotse {

class Watcher {
public:
    // Watches the folders `names` of `site_dir` and everything under them, also those that appear
    // later. Throws std::system_error if the system gives no watches.
    Watcher(std::filesystem::path site_dir, std::vector<std::string> names);
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    // Blocks until a file changed, then until `quiet` passed without another change (an editor's
    // save is several events: write, rename, attributes). Returns the changed files, relative to
    // the site folder, each once.
    std::vector<std::filesystem::path> wait(std::chrono::milliseconds quiet);

private:
    void watch_tree(const std::filesystem::path& folder);
    void watch(const std::filesystem::path& folder, unsigned mask);
    // Reads the events waiting; adds the changed files to `changed`.
    void read_events(std::vector<std::filesystem::path>& changed);

    std::filesystem::path site_dir_;
    std::vector<std::string> names_;
    int fd_ = -1;
    int site_watch_ = -1;  // the site folder itself, for the watched folders appearing or going
    std::unordered_map<int, std::filesystem::path> folders_;  // watch -> folder
};

}  // namespace lotse
