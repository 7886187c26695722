#include "output/folder_ops.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <thread>
#include <vector>

#include "common/crew.h"

namespace lotse {

namespace fs = std::filesystem;

bool write_all(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool write_file_at(int dir, const char* name, std::string_view bytes) {
    const int fd = ::openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return false;
    const bool whole = write_all(fd, bytes);
    const int saved = errno;
    if (::close(fd) != 0 || !whole) {
        if (!whole) errno = saved;
        return false;
    }
    return true;
}

bool read_all(int fd, std::string& bytes) {
    std::size_t done = 0;
    for (ssize_t n; done < bytes.size() && (n = ::read(fd, bytes.data() + done, bytes.size() - done)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return true;
}

std::string_view folder_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}
std::string_view name_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

int open_beneath(int root, const std::string& name, int flags) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC | O_NOFOLLOW);
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
    const long fd = ::syscall(SYS_openat2, root, name.c_str(), &how, sizeof how);
    if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
    if (name.starts_with('/') || name == ".." || name.starts_with("../") || name.find("/../") != std::string::npos) {
        errno = EXDEV;
        return -1;
    }
    return ::openat(root, name.c_str(), flags | O_CLOEXEC | O_NOFOLLOW);
}

int open_folder(int root, const std::string& name, int flags) { return open_beneath(root, name.empty() ? "." : name, flags | O_DIRECTORY); }

void remove_tree(const fs::path& root) {
    const int top = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (top < 0) {
        ::unlink(root.c_str());
        return;
    }
    std::vector<std::string> folders{""};  // each after the folder it is in
    for (std::size_t i = 0; i < folders.size(); ++i) {
        const int fd = open_folder(top, folders[i], O_RDONLY);
        if (fd < 0) continue;
        each_entry(fd, [&](std::string_view name, unsigned char type) {
            if (type == DT_DIR) folders.push_back(folders[i].empty() ? std::string(name) : folders[i] + "/" + std::string(name));
        });
        ::close(fd);
    }
    std::atomic<std::size_t> next{0};
    run_together(std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), static_cast<unsigned>(folders.size())),
                 [&](unsigned) {
                     std::vector<std::string> names;
                     for (std::size_t i; (i = next++) < folders.size();) {
                         const int fd = open_folder(top, folders[i], O_RDONLY);
                         if (fd < 0) continue;
                         names.clear();
                         each_entry(fd, [&](std::string_view name, unsigned char type) {
                             if (type != DT_DIR) names.emplace_back(name);
                         });
                         for (const std::string& name : names) ::unlinkat(fd, name.c_str(), 0);
                         ::close(fd);
                     }
                 });
    for (auto it = folders.rbegin(); it != folders.rend() && !it->empty(); ++it) ::unlinkat(top, it->c_str(), AT_REMOVEDIR);
    ::close(top);
    // Whatever is left (made while this ran) goes the slow way.
    std::error_code ec;
    fs::remove_all(root, ec);
}

}  // namespace lotse
