#include "serve/preview_output.h"

#include <cerrno>
#include <cstring>
#include <fstream>

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

bool PreviewOutput::write(const OutputFile& file, Diagnostics& diags) {
    const fs::path target = folder_ / file.path;
    std::string hidden(".");  // a name the preview never serves
    hidden += target.filename().string();
    hidden += ".lotse-new";
    const fs::path temporary = target.parent_path() / hidden;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    bool written = false;
    if (!ec) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        written = out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size())) && (out.close(), !out.fail());
        if (written) fs::rename(temporary, target, ec);
        written = written && !ec;
    }
    const int error = errno;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!written) {
        fs::remove(temporary, ec);
        files_[file.path] = {};  // whatever is there now is written again by the next build
        diags.error({target.generic_string(), 0, 0},
                    std::string("cannot write this preview file: ") + (ec ? ec.message() : std::strerror(error)));
        return false;
    }
    files_[file.path] = {file.fingerprint, file.bytes.size()};
    made_.insert(file.path);
    return true;
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
