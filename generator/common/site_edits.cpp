#include "common/site_edits.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/whole_file.h"
#include "output/folder_ops.h"  // write_all

namespace lotse {

namespace fs = std::filesystem;

void SiteEdits::put(const fs::path& file, std::string text) {
    std::string now;
    if (read_whole_file(file, now) && now == text) return;
    for (File& f : edits_)
        if (f.path == file) {
            f.text = std::move(text);
            return;
        }
    edits_.push_back({file, std::move(text)});
}

const std::vector<fs::path>& SiteEdits::files() const {
    files_.clear();
    for (const File& f : edits_) files_.push_back(f.path);
    return files_;
}

bool SiteEdits::commit(std::string& error) {
    std::vector<fs::path> temps;
    auto fail = [&](const fs::path& file) {
        error = file.string() + ": " + std::strerror(errno);
        for (const fs::path& t : temps) ::unlink(t.c_str());
        return false;
    };
    for (const File& f : edits_) {
        // A new file gets the usual mode; an existing one keeps its own.
        struct stat st {};
        const mode_t mode = ::stat(f.path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
        const fs::path temp = f.path.string() + ".lotse-" + std::to_string(::getpid());
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd < 0) return fail(temp);
        temps.push_back(temp);
        const bool written = write_all(fd, f.text) && ::fsync(fd) == 0 && ::fchmod(fd, mode) == 0;
        if (::close(fd) != 0 || !written) return fail(f.path);
    }
    for (std::size_t i = 0; i < edits_.size(); ++i)
        if (::rename(temps[i].c_str(), edits_[i].path.c_str()) != 0) {
            error = edits_[i].path.string() + ": " + std::strerror(errno);
            for (std::size_t j = i; j < temps.size(); ++j) ::unlink(temps[j].c_str());
            return false;
        }
    return true;
}

}  // namespace lotse
