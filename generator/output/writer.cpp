#include "output/writer.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <tuple>
#include <utility>

namespace lotse {

namespace fs = std::filesystem;

namespace {

bool same_bytes(const fs::path& p, const std::string& bytes) {
    std::error_code ec;
    if (fs::file_size(p, ec) != bytes.size() || ec) return false;
    std::ifstream in(p, std::ios::binary);
    std::string old(bytes.size(), '\0');
    in.read(old.data(), static_cast<std::streamsize>(old.size()));
    return in && old == bytes;
}

bool write_file(const fs::path& p, const std::string& bytes) {
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return ::close(fd) == 0;
}

std::string shown(const fs::path& p) { return p.lexically_normal().generic_string(); }

// The folder part of a path in the output ("" for the output folder itself).
std::string_view folder_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// Opens the folder `name` (relative to `root`) to read it, without following a symbolic link
// anywhere on the way: a folder replaced by a link is not the folder that was written (openat2,
// Linux 5.6; an older kernel checks the last part of the path only).
int open_folder(int root, const std::string& name, int flags) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_DIRECTORY | O_CLOEXEC);
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH;
    const long fd = ::syscall(SYS_openat2, root, name.c_str(), &how, sizeof how);
    if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
    return ::openat(root, name.c_str(), flags | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
}

// What a folder (or the marker) is and when it last changed, as one number: it differs once
// anything was added to, removed from or renamed in a folder (its change time moves on), and for
// another folder in its place. Never 0.
std::uint64_t stamp_of(const struct stat& st) {
    const std::uint64_t parts[] = {static_cast<std::uint64_t>(st.st_dev),          static_cast<std::uint64_t>(st.st_ino),
                                   static_cast<std::uint64_t>(st.st_size),         static_cast<std::uint64_t>(st.st_mtim.tv_sec),
                                   static_cast<std::uint64_t>(st.st_mtim.tv_nsec), static_cast<std::uint64_t>(st.st_ctim.tv_sec),
                                   static_cast<std::uint64_t>(st.st_ctim.tv_nsec)};
    return std::hash<std::string_view>{}({reinterpret_cast<const char*>(parts), sizeof parts}) | 1;
}

std::string hex(std::uint64_t n) {
    char text[17];
    const auto end = std::to_chars(text, text + 16, n, 16).ptr;
    return std::string(16 - static_cast<std::size_t>(end - text), '0').append(text, end);
}

constexpr std::string_view kFolderStampsHeader = "lotse output folders 1\n";

}  // namespace

bool may_replace(const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) return true;
    if (!fs::is_directory(out, ec)) return false;
    if (fs::is_empty(out, ec)) return true;
    return fs::is_regular_file(out / kOutputMarker, ec);
}

std::unique_ptr<OutputWriter> OutputWriter::open(const fs::path& out, Diagnostics& diags, const fs::path& folder_stamps) {
    std::unique_ptr<OutputWriter> writer = read(out, folder_stamps);
    return writer->start(diags) ? std::move(writer) : nullptr;
}

std::unique_ptr<OutputWriter> OutputWriter::read(const fs::path& out_arg, const fs::path& folder_stamps) {
    const fs::path out = fs::absolute(out_arg).lexically_normal();
    std::unique_ptr<OutputWriter> writer(new OutputWriter(out_arg, out.has_filename() ? out : out.parent_path()));
    writer->folder_stamps_file_ = folder_stamps;
    // Read whole and taken apart in place: a large site's marker lists a hundred thousand files.
    if (const int fd = ::open((writer->target_ / kOutputMarker).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW); fd >= 0) {
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            std::string& text = writer->marker_;
            text.resize(static_cast<std::size_t>(st.st_size));
            std::size_t done = 0;
            for (ssize_t n; done < text.size() && (n = ::read(fd, text.data() + done, text.size() - done)) != 0;) {
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) break;
                done += static_cast<std::size_t>(n);
            }
            text.resize(done);
            if (done == static_cast<std::size_t>(st.st_size)) writer->marker_stamp_ = stamp_of(st);
        }
        ::close(fd);
    }
    std::string_view rest = writer->marker_;
    writer->previous_.reserve(static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n')));
    bool header = true;  // the first line says what the file is
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        const std::string_view line = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (std::exchange(header, false)) continue;
        const auto space = line.find(' ');
        if (space == std::string_view::npos) continue;
        std::uint64_t fingerprint = 0;
        std::from_chars(line.data(), line.data() + space, fingerprint, 16);
        writer->previous_[line.substr(space + 1)].fingerprint = fingerprint;
    }
    // Without a list of its files (an empty folder, or the marker of an older Lotse) the output is
    // replaced whole; a rebuild never guesses which files are its own.
    writer->in_place_ = !writer->previous_.empty();
    if (writer->in_place_) {
        writer->target_fd_ = ::open(writer->target_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        writer->read_folder_stamps();
        writer->find_present();
    }
    return writer;
}

bool OutputWriter::start(Diagnostics& diags) {
    diags_ = &diags;
    if (!may_replace(target_)) {
        diags.error({shown(out_), 0, 0}, "this folder is not empty and was not written by Lotse, so it is left alone; "
                                         "choose another --out or empty it");
        return false;
    }
    std::error_code ec;
    const fs::path parent = target_.parent_path();
    fs::create_directories(parent, ec);
    std::string name = target_.filename().string();  // (built in steps: GCC 12 misreports "." + string)
    name.insert(0, 1, '.');
    name += ".lotse-new-" + std::to_string(getpid());
    const fs::path stage = parent / name;
    fs::remove_all(stage, ec);
    if (!fs::create_directory(stage, ec)) {
        diags.error({shown(parent), 0, 0}, "cannot create a folder here: " + ec.message());
        return false;
    }
    stage_ = stage;
    return true;
}

// The folder stamps saved after the build that wrote the marker as it is now; none if the marker
// changed since (another build, or one interrupted) or the file is missing or damaged.
void OutputWriter::read_folder_stamps() {
    if (folder_stamps_file_.empty() || marker_stamp_ == 0) return;
    std::ifstream in(folder_stamps_file_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    folder_stamps_text_ = std::move(text).str();
    std::string_view rest = folder_stamps_text_;
    const std::string marker_line = hex(marker_stamp_) + "\n";
    if (!rest.starts_with(kFolderStampsHeader)) return;
    rest.remove_prefix(kFolderStampsHeader.size());
    if (!rest.starts_with(marker_line)) return;
    rest.remove_prefix(marker_line.size());
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        if (end == std::string_view::npos) break;  // cut short: the last line does not count
        const std::string_view line = rest.substr(0, end);
        rest.remove_prefix(end + 1);
        std::uint64_t stamp = 0;
        if (line.size() < 18 || line[16] != ' ' || std::from_chars(line.data(), line.data() + 16, stamp, 16).ptr != line.data() + 16)
            continue;
        folder_stamps_[line.substr(17)] = stamp;
    }
}

// Marks the listed files that are regular files in the output now; a file removed by hand (or
// replaced by a folder or link) is written again. Each folder that held listed files is read
// once, unless its stamp says it is as the last build left it: the output of a large site has a
// hundred thousand files, and asking for each one on its own took longer than rendering the pages
// an edit changed; reading every folder still took a tenth of a small site's rebuild.
void OutputWriter::find_present() {
    // The folders that held listed files, and the folders above them, each after its parent.
    FolderSet holding;
    for (const auto& [path, p] : previous_) holding.insert(folder_of(path));
    FolderSet all = holding;
    for (const std::string_view folder : holding)
        for (std::string_view up = folder_of(folder); !up.empty() && all.insert(up).second; up = folder_of(up)) {
        }
    std::vector<std::string_view> folders(all.begin(), all.end());
    std::sort(folders.begin(), folders.end());
    std::string path;  // of the entry looked at; one buffer, not a string per file
    // Folders are read with getdents64 itself: opendir and readdir would add two system calls
    // per folder, and a site has a folder per month of courses in every language.
    alignas(dirent64) char entries[32 * 1024];
    for (const std::string_view folder : folders) {
        const std::string name = folder.empty() ? "." : std::string(folder);
        // A folder is as the last build left it if its stamp is the same, and so are those of all
        // folders above it (a folder above could have been moved and a link to it put in its
        // place). The output folder itself changes whenever a marker is written: it is read.
        const std::string_view parent = folder_of(folder);
        const auto stamped = folder_stamps_.find(folder);
        if (!folder.empty() && stamped != folder_stamps_.end() && (parent.empty() || unchanged_folders_.count(parent))) {
            struct stat st {};
            if (::fstatat(target_fd_, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) &&
                stamp_of(st) == stamped->second) {
                unchanged_folders_.insert(stamped->first);
                continue;
            }
        }
        if (!holding.count(folder)) continue;  // no listed file in it: nothing to look for
        const int fd = open_folder(target_fd_, name, O_RDONLY);
        if (fd < 0) continue;
        ++folders_read_;
        for (ssize_t n; (n = ::getdents64(fd, entries, sizeof entries)) > 0;) {
            for (ssize_t at = 0; at < n;) {
                const auto* e = reinterpret_cast<const dirent64*>(entries + at);
                at += e->d_reclen;
                unsigned char type = e->d_type;
                struct stat st;
                if (type == DT_UNKNOWN && ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                    type = S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
                if (type != DT_REG) continue;
                path.assign(folder).append(folder.empty() ? "" : "/").append(e->d_name);
                if (auto it = previous_.find(path); it != previous_.end()) it->second.present = true;
            }
        }
        ::close(fd);
    }
    if (!unchanged_folders_.empty())
        for (auto& [file, p] : previous_)
            if (unchanged_folders_.count(folder_of(file))) p.present = true;
}

// After a commit: how every folder of the output looks now (each folder with files, and those
// above it), for the next build's find_present.
// Only folders last changed before the marker was written are kept. One changed in the same tick
// of the file system's clock could change again within that tick without its stamp showing it.
// A folder found unchanged by find_present and not touched since (`touched`: folders this
// build moved files into or out of) keeps its stamp without being looked at again.
void OutputWriter::save_folder_stamps(const Listing& files, const FolderSet& touched) {
    if (folder_stamps_file_.empty()) return;
    const int root = ::open(target_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) return;
    struct stat marker {};
    if (::fstatat(root, kOutputMarker, &marker, AT_SYMLINK_NOFOLLOW) != 0) {
        ::close(root);
        return;
    }
    std::string text(kFolderStampsHeader);
    text.append(hex(stamp_of(marker))).append(1, '\n');
    const auto before_marker = [&](const struct stat& st) {
        return std::tie(st.st_ctim.tv_sec, st.st_ctim.tv_nsec) < std::tie(marker.st_ctim.tv_sec, marker.st_ctim.tv_nsec);
    };
    FolderSet seen;
    std::string_view last;  // the files are sorted: most follow another of the same folder
    for (const auto& [file, fingerprint] : files) {
        const std::string_view folder = folder_of(file);
        if (folder == last) continue;
        last = folder;
        // The file's folder and the folders above it.
        for (std::string_view up = folder; !up.empty() && seen.insert(up).second; up = folder_of(up)) {
            if (unchanged_folders_.count(up) && !touched.count(up)) {
                text.append(hex(folder_stamps_.at(up))).append(1, ' ').append(up).append(1, '\n');
                continue;
            }
            struct stat st {};
            if (::fstatat(root, std::string(up).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) && before_marker(st))
                text.append(hex(stamp_of(st))).append(1, ' ').append(up).append(1, '\n');
        }
    }
    ::close(root);
    // Written beside and renamed: a build that reads it finds the whole file or the previous one.
    std::error_code ec;
    fs::create_directories(folder_stamps_file_.parent_path(), ec);
    const fs::path next = folder_stamps_file_.string() + ".new";
    if (write_file(next, text)) ::rename(next.c_str(), folder_stamps_file_.c_str());
}

OutputWriter::OutputWriter(fs::path out, fs::path target) : out_(std::move(out)), target_(std::move(target)) {}

OutputWriter::~OutputWriter() { close(); }

void OutputWriter::close() {
    if (target_fd_ >= 0) ::close(target_fd_);
    target_fd_ = -1;
    std::error_code ec;
    if (!stage_.empty()) fs::remove_all(stage_, ec);
    stage_.clear();
}

bool OutputWriter::fail(const fs::path& where, const std::string& why) {
    failed_ = true;
    std::lock_guard<std::mutex> lock(diags_mutex_);
    diags_->error({shown(where), 0, 0}, "cannot write the output: " + why + "; the previous output is unchanged");
    return false;
}

// Each folder of the staging folder is made once, not looked up again for every file in it.
bool OutputWriter::make_parent(const fs::path& file, std::error_code& ec) {
    const fs::path folder = file.parent_path();
    {
        std::lock_guard<std::mutex> lock(folders_mutex_);
        if (folders_.count(folder.native())) return true;
    }
    fs::create_directories(folder, ec);
    if (ec) return false;
    std::lock_guard<std::mutex> lock(folders_mutex_);
    folders_.insert(folder.native());
    return true;
}

bool OutputWriter::keep(std::string_view path, std::uint64_t fingerprint) {
    if (failed_ || fingerprint == 0) return false;
    auto it = previous_.find(path);
    if (it == previous_.end() || it->second.fingerprint != fingerprint || !it->second.present) return false;
    it->second.kept = true;  // only this thread asks for this path: no lock needed
    ++unchanged_;
    return true;
}

bool OutputWriter::write(const OutputFile& f) {
    if (failed_) return false;
    const fs::path previous = target_ / f.path;
    const bool same = same_bytes(previous, f.bytes);
    bool staged = false;
    if (same && in_place_) {
        ++unchanged_;  // stays where it is
    } else {
        const fs::path dest = stage_ / f.path;
        std::error_code ec;
        if (!make_parent(dest, ec)) return fail(dest.parent_path(), ec.message());
        // Replaced whole: unchanged bytes are linked from the previous output, keeping their time.
        if (same && ::link(previous.c_str(), dest.c_str()) == 0) {
            ++unchanged_;
        } else {
            if (!write_file(dest, f.bytes)) return fail(dest, std::strerror(errno));
            ++written_;
            staged = in_place_;
        }
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

bool OutputWriter::write_marker(const fs::path& folder, const Listing& files) {
    std::string marker = "This folder is written by Lotse and replaced on every build.\n";
    std::size_t size = marker.size();
    for (const auto& [path, fingerprint] : files) size += 18 + path.size();
    marker.reserve(size);
    // A rebuild writes the marker twice; for 14,000 files, snprintf took a millisecond each time.
    char hex[17];
    for (const auto& [path, fingerprint] : files) {
        const auto end = std::to_chars(hex, hex + 16, fingerprint, 16).ptr;
        marker.append(16 - static_cast<std::size_t>(end - hex), '0').append(hex, end).append(1, ' ').append(path).append(1, '\n');
    }
    // Written beside and renamed, so the marker is always whole.
    const fs::path next = folder / (std::string(kOutputMarker) + ".new");
    if (!write_file(next, marker)) return fail(next, std::strerror(errno));
    if (::rename(next.c_str(), (folder / kOutputMarker).c_str()) != 0) return fail(folder / kOutputMarker, std::strerror(errno));
    return true;
}

bool OutputWriter::commit() {
    if (failed_) return false;
    return in_place_ ? update_in_place() : swap_in();
}

// The staging folder becomes the output in one step: readers see the old site or the new one.
bool OutputWriter::swap_in() {
    const Listing files = listing();
    if (!write_marker(stage_, files)) return false;
    std::error_code ec;
    if (fs::exists(target_, ec)) {
        if (::renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
            return fail(target_, std::strerror(errno));
    } else if (::rename(stage_.c_str(), target_.c_str()) != 0) {
        return fail(target_, std::strerror(errno));
    }
    save_folder_stamps(files, {});
    return true;
}

// Moves each changed file in with one rename. Until the final marker is written, the marker names
// every file that is being replaced or removed with fingerprint 0, so a build interrupted here
// (power loss) renders them anew next time and still knows which files are its own.
bool OutputWriter::update_in_place() {
    std::vector<std::string> removed;
    for (const auto& [path, p] : previous_)
        if (!p.kept && !rendered_.count(path)) removed.emplace_back(path);
    std::sort(removed.begin(), removed.end());
    const Listing current = listing();
    std::vector<std::pair<bool, const std::string*>> order;  // staged files: (replaces a file, path)
    for (const auto& [path, r] : rendered_)
        if (r.staged) order.emplace_back(previous_.count(path) > 0, &path);
    // Every file kept or written again with the same bytes, and with the same fingerprint: the
    // marker stays as it is too.
    const bool same_listing = current.size() == previous_.size() &&
                              std::all_of(current.begin(), current.end(), [&](const auto& file) {
                                  auto it = previous_.find(file.first);
                                  return it != previous_.end() && it->second.fingerprint == file.second;
                              });
    if (order.empty() && removed.empty() && same_listing) return true;

    Listing interim = current;
    for (auto& [path, fingerprint] : interim)
        if (auto it = rendered_.find(path); it != rendered_.end() && it->second.staged) fingerprint = 0;
    for (const std::string& path : removed) interim.emplace_back(path, 0);  // sorted, as is `current`
    std::inplace_merge(interim.begin(), interim.begin() + static_cast<std::ptrdiff_t>(current.size()), interim.end());
    if (!write_marker(target_, interim)) return false;

    // New files before changed ones, so a changed page never links to a file not there yet.
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, *a.second) < std::tie(b.first, *b.second);
    });
    std::error_code ec;
    fs::path folder;
    for (const auto& [replaces, path] : order) {
        const fs::path dest = target_ / *path;
        if (dest.parent_path() != folder) fs::create_directories(folder = dest.parent_path(), ec);
        if (::rename((stage_ / *path).c_str(), dest.c_str()) != 0) {
            failed_ = partly_written_ = true;
            diags_->error({shown(dest), 0, 0}, std::string("cannot move the new file into the output: ") + std::strerror(errno) +
                                                  "; the output is partly updated, build again once this is solved");
            return false;
        }
    }
    for (const std::string& path : removed) {
        fs::path gone = target_ / path;
        fs::remove(gone, ec);
        // Folders left empty go too (a month of courses that has passed), up to the output itself.
        for (gone = gone.parent_path(); gone != target_ && ::rmdir(gone.c_str()) == 0;) gone = gone.parent_path();
    }
    removed_ = removed.size();
    if (!write_marker(target_, current)) return false;
    FolderSet touched;
    for (const auto& [replaces, path] : order) touched.insert(folder_of(*path));
    for (const std::string& path : removed) touched.insert(folder_of(path));
    save_folder_stamps(current, touched);
    return true;
}

WriteStats OutputWriter::stats() const { return {written_.load(), unchanged_.load(), removed_.load(), folders_read_}; }

}  // namespace lotse
