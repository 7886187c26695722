#include "serve/preview_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace lotse {

namespace fs = std::filesystem;

bool PreviewOutput::keep(std::string_view path, std::uint64_t fingerprint, std::uint64_t* size) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files_.find(path);
    if (fingerprint == 0 || it == files_.end() || it->second.fingerprint != fingerprint) return false;
    if (size) *size = it->second.size;
    made_.emplace(path);
    return true;
}

namespace {

// Writes `bytes` over the file `target` (made if missing), then cuts it to their size; 0, or the
// errno of what failed. Not truncated first: ext4 flushes a file truncated to nothing when it is
// closed.
int write_over(const fs::path& target, std::string_view bytes) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) return errno;
    int error = 0;
    for (std::size_t done = 0; !error && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n > 0) done += static_cast<std::size_t>(n);
        else if (n == 0) error = EIO;
        else if (errno != EINTR) error = errno;
    }
    if (!error && ::ftruncate(fd, static_cast<off_t>(bytes.size())) != 0) error = errno;
    if (::close(fd) != 0 && !error) error = errno;
    return error;
}

}  // namespace

bool PreviewOutput::write(const OutputFile& file, Diagnostics& diags) {
    const fs::path target = folder_ / file.path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    int error = 0;
    if (!ec) {
        std::unique_lock<std::shared_mutex> writing(writing_);
        error = write_over(target, file.bytes);
    }
    std::lock_guard<std::mutex> lock(mutex_);
    if (ec || error) {
        files_[file.path] = {};  // whatever is there now is written again by the next build
        diags.error({target.generic_string(), 0, 0},
                    std::string("cannot write this preview file: ") + (ec ? ec.message() : std::strerror(error)));
        return false;
    }
    files_[file.path] = {file.fingerprint, file.bytes.size()};
    made_.insert(file.path);
    return true;
}

std::string PreviewOutput::read(const fs::path& file) const {
    std::shared_lock<std::shared_mutex> reading(writing_);
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void PreviewOutput::finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = files_.begin(); it != files_.end();) {
        if (made_.contains(it->first)) {
            ++it;
            continue;
        }
        std::error_code ec;
        fs::path gone = folder_ / it->first;
        fs::remove(gone, ec);
        // A folder is left empty when its last page goes (a removed record's folder): a fresh build
        // has no such folder either.
        for (gone = gone.parent_path(); gone != folder_ && fs::is_empty(gone, ec) && !ec; gone = gone.parent_path())
            fs::remove(gone, ec);
        it = files_.erase(it);
    }
    made_.clear();
}

void PreviewOutput::forget() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [path, made] : files_) made.fingerprint = 0;
    made_.clear();
}

}  // namespace lotse
