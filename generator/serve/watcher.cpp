#include "serve/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace lotse {

namespace fs = std::filesystem;

namespace {

constexpr unsigned kFileEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ONLYDIR;

// Editors' swap and backup files: saving one is not a change of the site.
bool ignored(std::string_view name) {
    return name.empty() || name.front() == '.' || name.back() == '~' || name.ends_with(".swp") ||
           name.ends_with(".swx") || name == "4913";
}

}  // namespace

Watcher::Watcher(fs::path site_dir, std::vector<std::string> names)
    : site_dir_(std::move(site_dir)), names_(std::move(names)), fd_(inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "inotify");
    site_watch_ = inotify_add_watch(fd_, site_dir_.c_str(), IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR);
    if (site_watch_ < 0) throw std::system_error(errno, std::generic_category(), site_dir_.string());
    for (const std::string& name : names_) watch_tree(site_dir_ / name);
}

Watcher::~Watcher() { ::close(fd_); }

void Watcher::watch(const fs::path& folder, unsigned mask) {
    const int wd = inotify_add_watch(fd_, folder.c_str(), mask);
    if (wd >= 0) folders_[wd] = folder;
    // ENOSPC: the system's limit on watches (fs.inotify.max_user_watches) is reached.
    else if (errno == ENOSPC) throw std::system_error(errno, std::generic_category(), folder.string());
}

void Watcher::watch_tree(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return;
    watch(folder, kFileEvents);
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec)) watch(it->path(), kFileEvents);
}

void Watcher::read_events(std::vector<fs::path>& changed) {
    alignas(inotify_event) char buf[16 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) return;  // EAGAIN: nothing more waits
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
            at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            const std::string_view name = e->len ? std::string_view(e->name) : std::string_view();
            if (e->mask & IN_IGNORED) {
                folders_.erase(e->wd);
                continue;
            }
            if (e->wd == site_watch_) {
                if (std::find(names_.begin(), names_.end(), name) == names_.end()) continue;
                if (e->mask & (IN_CREATE | IN_MOVED_TO)) watch_tree(site_dir_ / name);
                changed.push_back(name);
                continue;
            }
            const auto folder = folders_.find(e->wd);
            if (folder == folders_.end() || (e->len && ignored(name))) continue;
            const fs::path path = e->len ? folder->second / name : folder->second;
            if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) watch_tree(path);
            changed.push_back(path.lexically_relative(site_dir_));
        }
    }
}

std::vector<fs::path> Watcher::wait(std::chrono::milliseconds quiet) {
    std::vector<fs::path> changed;
    pollfd p{fd_, POLLIN, 0};
    while (changed.empty()) {
        if (::poll(&p, 1, -1) < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
        read_events(changed);
    }
    while (::poll(&p, 1, static_cast<int>(quiet.count())) > 0) read_events(changed);
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

}  // namespace lotse
