#include "output/writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>
#include <utility>

#include "common/crew.h"
#include "common/site_files.h"
#include "output/folder_ops.h"
#include "output/marker.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// The names of what builds of `target` leave beside it.
std::string beside(const fs::path& target, const char* what) {
    std::string name = ".";  // appended, not "." + …: GCC 12 warns of an overlap that is not there (bug 105329)
    name += target.filename().string();
    name += what;
    return name;
}

}  // namespace

std::unique_ptr<OutputWriter> OutputWriter::open(const fs::path& out, Diagnostics& diags) {
    std::unique_ptr<OutputWriter> writer = read(out);
    return writer->start(diags) ? std::move(writer) : nullptr;
}

std::unique_ptr<OutputWriter> OutputWriter::read(const fs::path& out_arg) {
    // A link given as the output stands for the folder it leads to: that folder is replaced.
    std::error_code ec;
    fs::path out = fs::weakly_canonical(fs::absolute(out_arg), ec);
    if (ec) out = fs::absolute(out_arg).lexically_normal();
    std::unique_ptr<OutputWriter> writer(new OutputWriter(out_arg, out.has_filename() ? out : out.parent_path()));
    writer->load();
    return writer;
}

// What the output folder holds: its marker's list of files, and which of them are there.
void OutputWriter::load() {
    if (target_fd_ >= 0) ::close(target_fd_);
    target_fd_ = -1;
    marker_.clear();
    previous_.clear();
    marker_stamp_ = 0;
    folders_read_ = 0;
    struct stat st {};
    if (::lstat(target_.c_str(), &st) != 0) {
        found_ = Found::nothing;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        found_ = Found::not_a_folder;
        return;
    }
    target_fd_ = ::open(target_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    const int fd = target_fd_ < 0 ? -1 : ::openat(target_fd_, kOutputMarker, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        bool empty = true;
        if (const int dir = target_fd_ < 0 ? -1 : open_folder(target_fd_, "", O_RDONLY); dir >= 0) {
            each_entry(dir, [&](std::string_view, unsigned char) { empty = false; });
            ::close(dir);
        }
        found_ = empty ? Found::empty : Found::foreign;
        return;
    }
    // Read whole and taken apart in place: a large site's marker lists a hundred thousand files.
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        marker_.resize(static_cast<std::size_t>(st.st_size));
        if (read_all(fd, marker_) && marker_.size() == static_cast<std::size_t>(st.st_size)) marker_stamp_ = marker_stamp(st);
    }
    ::close(fd);
    if (!S_ISREG(st.st_mode)) {
        found_ = Found::foreign;
        return;
    }
    previous_.reserve(static_cast<std::size_t>(std::count(marker_.begin(), marker_.end(), '\n')));
    found_ = Found::listed;
    const auto bad = read_marker(marker_, [&](std::string_view path, std::uint64_t fingerprint) {
        previous_[path].fingerprint = fingerprint;
    });
    if (bad) {
        found_ = Found::bad_marker;
        bad_entry_ = {(target_ / kOutputMarker).generic_string(), bad->line, bad->column};
        bad_path_ = std::string(bad->path);
        previous_.clear();
        return;
    }
    // Without a list of its files (the marker of an older Lotse) the output is replaced whole; a
    // rebuild never guesses which files are its own.
    if (previous_.empty()) {
        found_ = Found::unlisted;
        return;
    }
    find_present();
}

// Takes the lock of the folder at `path` (kept open in `fd`); false if another build holds it.
// The kernel's lock on an open folder ends with the process that holds it, however that ends,
// so a killed build never leaves it stuck.
static bool lock_folder(const fs::path& path, int& fd) {
    fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return true;  // nothing there to lock
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    ::close(std::exchange(fd, -1));
    return false;
}

bool OutputWriter::start(Diagnostics& diags) {
    diags_ = &diags;
    // One build per output at a time: a build locks the output folder it replaces and its own
    // staging folder, which becomes the output, so the next build finds the output locked until
    // this one has ended.
    if (!lock_folder(target_, lock_fd_)) {
        diags.error({shown_path(out_), 0, 0}, "another Lotse build is writing this output folder right now; nothing was written. "
                                         "Wait until it has finished, then build again");
        return false;
    }
    // What was read before the lock was taken may be another build's output by now.
    struct stat held {}, read_then {}, marker {};
    const bool same_folder = (lock_fd_ < 0 && target_fd_ < 0) ||
                             (lock_fd_ >= 0 && target_fd_ >= 0 && ::fstat(lock_fd_, &held) == 0 &&
                              ::fstat(target_fd_, &read_then) == 0 && held.st_ino == read_then.st_ino && held.st_dev == read_then.st_dev);
    const bool marker_now = target_fd_ >= 0 && ::fstatat(target_fd_, kOutputMarker, &marker, AT_SYMLINK_NOFOLLOW) == 0;
    if (!same_folder || (marker_now ? marker_stamp(marker) : 0) != marker_stamp_) load();

    switch (found_) {
        case Found::nothing:
        case Found::empty:
        case Found::listed:
        case Found::unlisted:
            break;
        case Found::not_a_folder:
            diags.error({shown_path(out_), 0, 0}, "this is a file, not a folder, so the site cannot be written here; "
                                             "choose another --out, or move the file away");
            return false;
        case Found::foreign:
            diags.error({shown_path(out_), 0, 0}, "this folder is not empty and was not written by Lotse, so it is left alone; "
                                             "choose another --out or empty it");
            return false;
        case Found::bad_marker:
            diags.error(bad_entry_, "\"" + bad_path_ + "\" is not a file inside the output folder, so this " + kOutputMarker +
                                        " was not written by Lotse and the folder is left alone; choose another --out, "
                                        "or delete the folder if nothing in it is needed");
            return false;
    }
    std::error_code ec;
    const fs::path parent = target_.parent_path();
    fs::create_directories(parent, ec);
    remove_leftovers();
    static std::atomic<unsigned> started{0};  // (tests start several writers in one process)
    std::string name = beside(target_, ".lotse-new-");
    name += std::to_string(::getpid()) + "-" + std::to_string(started++);
    stage_ = parent / name;
    if (::mkdir(stage_.c_str(), 0755) != 0 || (stage_fd_ = ::open(stage_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)) < 0 ||
        !lock_folder(stage_, stage_lock_fd_)) {
        diags.error({shown_path(parent), 0, 0}, std::string("cannot create a folder here: ") + std::strerror(errno));
        stage_.clear();
        return false;
    }
    leftover_.emplace(stage_);
    // The new output folder gets the old one's permissions (a web server's group, say).
    if (lock_fd_ >= 0 && stage_lock_fd_ >= 0 && ::fstat(lock_fd_, &held) == 0) {
        ::fchmod(stage_lock_fd_, held.st_mode & 07777);
        (void)!::fchown(stage_lock_fd_, held.st_uid, held.st_gid);
    }
    return true;
}

// Staging folders of builds that were killed: those whose lock nobody holds.
void OutputWriter::remove_leftovers() const {
    const std::string prefix = beside(target_, ".lotse-new-");
    const fs::path parent = target_.parent_path();
    const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    std::vector<std::string> found;
    each_entry(dir, [&](std::string_view name, unsigned char type) {
        if (name.starts_with(prefix) && type == DT_DIR) found.emplace_back(name);
    });
    ::close(dir);
    for (const std::string& name : found) {
        int fd = -1;
        if (!lock_folder(parent / name, fd)) continue;  // a build running now
        remove_tree(parent / name);
        if (fd >= 0) ::close(fd);
    }
}

// Marks the listed files that are regular files in the output now; a file removed by hand (or
// replaced by a folder or link) is written again. Each folder that held listed files is read
// once: the output of a large site has a hundred thousand files, and asking for each one on its
// own takes longer than rendering the pages an edit changed.
void OutputWriter::find_present() {
    FolderSet holding;
    for (const auto& [path, p] : previous_) holding.insert(folder_of(path));
    std::string path;  // of the entry looked at; one buffer, not a string per file
    for (const std::string_view folder : holding) {
        const int fd = open_folder(target_fd_, std::string(folder), O_RDONLY);
        if (fd < 0) continue;
        ++folders_read_;
        each_entry(fd, [&](std::string_view entry, unsigned char type) {
            if (type != DT_REG) return;
            path.assign(folder).append(folder.empty() ? "" : "/").append(entry);
            if (auto it = previous_.find(path); it != previous_.end()) it->second.present = true;
        });
        ::close(fd);
    }
}

OutputWriter::OutputWriter(fs::path out, fs::path target) : out_(std::move(out)), target_(std::move(target)) {}

OutputWriter::~OutputWriter() { close(); }

void OutputWriter::close() {
    for (const auto& [folder, fd] : stage_folders_) ::close(fd);
    stage_folders_.clear();
    for (int* fd : {&stage_fd_, &target_fd_})
        if (*fd >= 0) ::close(std::exchange(*fd, -1));
    // The staging folder, or after a commit the previous output; an interruption meanwhile waits,
    // rather than removing the same folder at the same time.
    if (!stage_.empty()) {
        const auto held = interrupt::hold();
        remove_tree(stage_);
    }
    stage_.clear();
    leftover_.reset();
    for (int* fd : {&lock_fd_, &stage_lock_fd_})
        if (*fd >= 0) ::close(std::exchange(*fd, -1));
}

bool OutputWriter::fail(const fs::path& where, const std::string& why) {
    failed_ = true;
    std::lock_guard<std::mutex> lock(diags_mutex_);
    diags_->error({shown_path(where), 0, 0}, "cannot write the output: " + why + "; the previous output is unchanged");
    return false;
}

// The folder `folder` of the staging folder, made if it is not there yet; -1 (errno set) if it
// cannot be made. Each folder is made once and kept open, not looked up again for every file.
int OutputWriter::stage_folder(std::string_view folder) {
    if (folder.empty()) return stage_fd_;
    std::lock_guard<std::mutex> lock(stage_folders_mutex_);
    if (auto it = stage_folders_.find(std::string(folder)); it != stage_folders_.end()) return it->second;
    // The nearest folder above that is made already, then each one below it.
    std::size_t made = 0;
    int at = stage_fd_;
    for (std::size_t slash = folder.rfind('/'); slash != std::string_view::npos; slash = folder.rfind('/', slash - 1)) {
        if (auto it = stage_folders_.find(std::string(folder.substr(0, slash))); it != stage_folders_.end()) {
            made = slash + 1;
            at = it->second;
            break;
        }
        if (slash == 0) break;
    }
    while (made <= folder.size()) {
        const std::size_t end = std::min(folder.find('/', made), folder.size());
        const std::string part(folder.substr(made, end - made));
        if (::mkdirat(at, part.c_str(), 0755) != 0 && errno != EEXIST) return -1;
        const int fd = ::openat(at, part.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) return -1;
        stage_folders_.emplace(std::string(folder.substr(0, end)), fd);
        at = fd;
        made = end + 1;
    }
    return at;
}

bool OutputWriter::keep(std::string_view path, std::uint64_t fingerprint) {
    if (failed_ || fingerprint == 0) return false;
    auto it = previous_.find(path);
    if (it == previous_.end() || it->second.fingerprint != fingerprint || !it->second.present) return false;
    it->second.kept = true;  // only this thread asks for this path: no lock needed
    ++unchanged_;
    return true;
}

// True if the previous output has a regular file at the same path with the same bytes.
bool OutputWriter::same_as_previous(const OutputFile& f) const {
    if (target_fd_ < 0) return false;
    if (auto it = previous_.find(f.path); it != previous_.end() && !it->second.present) return false;
    const int fd = open_beneath(target_fd_, f.path, O_RDONLY);
    if (fd < 0) return false;
    struct stat st {};
    std::string old;
    bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) == f.bytes.size();
    if (same) {
        old.resize(f.bytes.size());
        same = read_all(fd, old) && old == f.bytes;
    }
    ::close(fd);
    return same;
}

bool OutputWriter::write(const OutputFile& f) {
    if (failed_) return false;
    bool staged = false;
    if (same_as_previous(f)) {
        ++unchanged_;  // linked in at commit: keeps its inode and time
    } else {
        const int dir = stage_folder(folder_of(f.path));
        if (dir < 0) return fail(stage_ / folder_of(f.path), std::strerror(errno));
        if (!write_file_at(dir, std::string(name_of(f.path)).c_str(), f.bytes)) return fail(stage_ / f.path, std::strerror(errno));
        ++written_;
        staged = true;
    }
    std::lock_guard<std::mutex> lock(rendered_mutex_);
    rendered_[f.path] = {f.fingerprint, staged};
    return true;
}

OutputWriter::Listing OutputWriter::listing() const {
    Listing files;
    files.reserve(rendered_.size() + previous_.size());
    for (const auto& [path, r] : rendered_) files.emplace_back(path, r.fingerprint);
    for (const auto& [path, p] : previous_)
        if (p.kept) files.emplace_back(path, p.fingerprint);
    std::sort(files.begin(), files.end());
    return files;
}

bool OutputWriter::write_marker(const Listing& files) {
    const std::string marker = marker_text(files);
    if (!write_file_at(stage_fd_, kOutputMarker, marker)) return fail(stage_ / kOutputMarker, std::strerror(errno));
    return true;
}

// Links the previous output's file `name` in the folder `from` (of the previous output) into the
// staging folder's `folder`. False if it is not there (removed by hand while this build ran).
// That it is a regular file was seen when the output was read (find_present).
bool OutputWriter::link_previous(int from, std::string_view folder, const std::string& name) {
    const int to = from < 0 ? -1 : stage_folder(folder);
    return to >= 0 && ::linkat(from, name.c_str(), to, name.c_str(), 0) == 0;
}

// Carries what the previous output holds besides Lotse's files (someone's own files, folders and
// links, not listed in the marker) into the staging folder as they are: files as hard links,
// links as links. Only plain folders are entered, never a link.
bool OutputWriter::carry_foreign() {
    // Folders that hold Lotse's files, listed or new, and those above them: Lotse's own, where
    // nothing of someone else's (a link, say) takes the place of one.
    FolderSet lotse_folders;
    const auto add_folders = [&](std::string_view path) {
        for (std::string_view up = folder_of(path); !up.empty() && lotse_folders.insert(up).second; up = folder_of(up)) {
        }
    };
    for (const auto& [path, p] : previous_) add_folders(path);
    for (const auto& [path, r] : rendered_) add_folders(path);
    std::vector<std::string> folders{""};
    while (!folders.empty()) {
        const std::string folder = std::move(folders.back());
        folders.pop_back();
        const int fd = open_folder(target_fd_, folder, O_RDONLY);
        if (fd < 0) continue;
        const bool ours = folder.empty() || lotse_folders.count(folder);
        if (!ours && stage_folder(folder) < 0) {  // a folder of someone's own, carried even when empty
            ::close(fd);
            return fail(stage_ / folder, std::strerror(errno));
        }
        bool carried = true;
        std::string path;
        each_entry(fd, [&](std::string_view name, unsigned char type) {
            path.assign(folder).append(folder.empty() ? "" : "/").append(name);
            if (!carried || path == kOutputMarker || previous_.count(path) || rendered_.count(path)) return;
            if (type != DT_DIR && lotse_folders.count(path)) return;
            if (type == DT_DIR) {
                folders.push_back(path);
                return;
            }
            const std::string entry(name);
            if (type == DT_REG) {
                const int to = stage_folder(folder);
                carried = to >= 0 && ::linkat(fd, entry.c_str(), to, entry.c_str(), 0) == 0;
            } else if (type == DT_LNK) {
                std::string target(4096, '\0');
                const ssize_t n = ::readlinkat(fd, entry.c_str(), target.data(), target.size());
                const int to = n > 0 ? stage_folder(folder) : -1;
                carried = to >= 0 && (target.resize(static_cast<std::size_t>(n)), ::symlinkat(target.c_str(), to, entry.c_str()) == 0);
            }
            // Sockets, pipes and devices are not part of a web site: they stay with the old output.
            if (!carried) fail(stage_ / path, std::string("cannot carry this file into the new output: ") + std::strerror(errno));
        });
        ::close(fd);
        if (!carried) return false;
    }
    return true;
}

bool OutputWriter::commit() {
    if (failed_) return false;
    std::vector<std::string_view> removed;
    for (const auto& [path, p] : previous_)
        if (!p.kept && !rendered_.count(path)) removed.push_back(path);
    const Listing current = listing();
    if (found_ == Found::listed) {
        // Every file kept or written again with the same bytes and fingerprint: nothing to do.
        const bool same_listing = removed.empty() && current.size() == previous_.size() &&
                                  std::all_of(current.begin(), current.end(), [&](const auto& file) {
                                      auto it = previous_.find(file.first);
                                      return it != previous_.end() && it->second.fingerprint == file.second;
                                  });
        const bool staged = std::any_of(rendered_.begin(), rendered_.end(), [](const auto& r) { return r.second.staged; });
        if (same_listing && !staged) return true;
    }
    // Kept files, and files rendered again with the same bytes, are linked in from the previous
    // output, folder by folder on every core: a rebuild links every unchanged file, and links
    // into one folder wait for each other.
    Listing files = current;
    std::vector<std::vector<std::size_t>> by_folder;  // indexes into `files`
    {
        std::unordered_map<std::string_view, std::size_t> folder_index;
        for (std::size_t i = 0; i < files.size(); ++i) {
            auto it = rendered_.find(files[i].first);
            if (it != rendered_.end() && it->second.staged) continue;
            auto [at, added] = folder_index.try_emplace(folder_of(files[i].first), by_folder.size());
            if (added) by_folder.emplace_back();
            by_folder[at->second].push_back(i);
        }
    }
    std::atomic<std::size_t> next{0};
    run_together(std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), static_cast<unsigned>(by_folder.size())),
                 [&](unsigned) {
                     for (std::size_t f; (f = next++) < by_folder.size();) {
                         const std::string_view folder = folder_of(files[by_folder[f].front()].first);
                         const int from = open_folder(target_fd_, std::string(folder), O_PATH);
                         for (const std::size_t i : by_folder[f])
                             // Removed by hand while this build ran: listed as to be rendered anew next time.
                             if (!link_previous(from, folder, std::string(name_of(files[i].first)))) files[i].second = 0;
                         if (from >= 0) ::close(from);
                     }
                 });
    if (found_ == Found::listed && !carry_foreign()) return false;
    if (!write_marker(files) || !swap()) return false;
    removed_ = removed.size();
    return true;
}

// The staging folder takes the output's place in one step; the previous output, now under the
// staging folder's name, is removed by close().
bool OutputWriter::swap() {
    const auto held = interrupt::hold();
    if (interrupt::interrupted()) return false;
    if (found_ == Found::nothing) {
        // A folder there now is another build's, made since this one started.
        if (::rename(stage_.c_str(), target_.c_str()) != 0)
            return fail(target_, errno == ENOTEMPTY || errno == EEXIST ? "another Lotse build has written this folder meanwhile"
                                                                       : std::strerror(errno));
        stage_.clear();
        return true;
    }
    if (::renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) return true;
    if (errno != EINVAL && errno != ENOSYS) return fail(target_, std::strerror(errno));
    // A file system that cannot exchange two folders (NFS): the old output steps aside, the new
    // one takes its name, and for that moment there is no output.
    const fs::path aside = stage_.string() + "-old";
    if (::rename(target_.c_str(), aside.c_str()) != 0) return fail(target_, std::strerror(errno));
    if (::rename(stage_.c_str(), target_.c_str()) != 0) {
        const int saved = errno;  // (ENOTEMPTY: another build's first output got there first)
        ::rename(aside.c_str(), target_.c_str());
        return fail(target_, std::strerror(saved));
    }
    stage_ = aside;
    return true;
}

WriteStats OutputWriter::stats() const { return {written_.load(), unchanged_.load(), removed_.load(), folders_read_}; }

}  // namespace lotse
