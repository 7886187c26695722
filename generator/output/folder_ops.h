// File operations in an output folder that never follow a link and never leave the folder they
// start from: writing and reading whole files, opening beneath a folder, listing a folder, and
// removing a tree.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

namespace lotse {

bool write_all(int fd, std::string_view bytes);
// Makes `name` in the folder `dir` with `bytes`; false (errno set) if that fails.
bool write_file_at(int dir, const char* name, std::string_view bytes);
// Reads up to bytes.size() bytes; `bytes` is cut to what was read.
bool read_all(int fd, std::string& bytes);

// The folder part of a path in the output ("" for the output folder itself), and the name.
std::string_view folder_of(std::string_view path);
std::string_view name_of(std::string_view path);

// Opens `name` (relative to `root`) without following a symbolic link anywhere on the way and
// without leaving `root`: a folder of the output replaced by a link is not the output (openat2,
// Linux 5.6; an older kernel checks the last part of the path only).
int open_beneath(int root, const std::string& name, int flags);
int open_folder(int root, const std::string& name, int flags);

// Reads the entries of an open folder with getdents64 itself (opendir and readdir would add two
// system calls per folder): calls `each(name, type)` with a d_type (DT_UNKNOWN resolved).
template <typename Each>
void each_entry(int fd, Each each) {
    alignas(dirent64) char entries[32 * 1024];
    for (ssize_t n; (n = ::getdents64(fd, entries, sizeof entries)) > 0;) {
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const dirent64*>(entries + at);
            at += e->d_reclen;
            if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
            unsigned char type = e->d_type;
            if (type == DT_UNKNOWN) {
                struct stat st {};
                if (::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                    type = S_ISREG(st.st_mode) ? DT_REG : S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
            }
            each(std::string_view(e->d_name), type);
        }
    }
}

// Removes the folder `root` and everything in it, never following a link: the files of each
// folder on every core (a rebuild removes the whole previous output), then the folders.
void remove_tree(const std::filesystem::path& root);

}  // namespace lotse
