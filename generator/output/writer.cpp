#include "output/writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

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

}  // namespace

bool may_replace(const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) return true;
    if (!fs::is_directory(out, ec)) return false;
    if (fs::is_empty(out, ec)) return true;
    return fs::is_regular_file(out / kOutputMarker, ec);
}

std::unique_ptr<OutputWriter> OutputWriter::open(const fs::path& out_arg, Diagnostics& diags) {
    const fs::path out = fs::absolute(out_arg).lexically_normal();
    const fs::path target = out.has_filename() ? out : out.parent_path();
    if (!may_replace(target)) {
        diags.error({shown(out_arg), 0, 0}, "this folder is not empty and was not written by Lotse, so it is left alone; "
                                            "choose another --out or empty it");
        return nullptr;
    }
    std::error_code ec;
    const fs::path parent = target.parent_path();
    fs::create_directories(parent, ec);
    std::string name = target.filename().string();  // (built in steps: GCC 12 misreports "." + string)
    name.insert(0, 1, '.');
    name += ".lotse-new-" + std::to_string(getpid());
    const fs::path temp = parent / name;
    fs::remove_all(temp, ec);
    if (!fs::create_directory(temp, ec)) {
        diags.error({shown(parent), 0, 0}, "cannot create a folder here: " + ec.message());
        return nullptr;
    }
    std::unique_ptr<OutputWriter> writer(new OutputWriter(target, temp, shown(out_arg), diags));
    // The marker lists what each file was made from: "<fingerprint> <path>" after its first line.
    std::ifstream marker(target / kOutputMarker);
    std::string line;
    std::getline(marker, line);
    while (std::getline(marker, line)) {
        const auto space = line.find(' ');
        if (space == std::string::npos) continue;
        writer->previous_[line.substr(space + 1)] = std::strtoull(line.substr(0, space).c_str(), nullptr, 16);
    }
    return writer;
}

OutputWriter::OutputWriter(fs::path target, fs::path temp, std::string shown_path, Diagnostics& diags)
    : target_(std::move(target)), temp_(std::move(temp)), shown_(std::move(shown_path)), diags_(diags) {}

OutputWriter::~OutputWriter() {
    std::error_code ec;
    if (!committed_) fs::remove_all(temp_, ec);
}

bool OutputWriter::fail(const fs::path& where, const std::string& why) {
    failed_ = true;
    std::lock_guard<std::mutex> lock(diags_mutex_);
    diags_.error({shown(where), 0, 0}, "cannot write the output: " + why + "; the previous output is unchanged");
    return false;
}

// Each folder of the new output is made once, not looked up again for every file in it.
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

bool OutputWriter::keep(const std::string& path, std::uint64_t fingerprint) {
    if (failed_ || fingerprint == 0) return false;
    auto it = previous_.find(path);
    if (it == previous_.end() || it->second != fingerprint) return false;
    const fs::path dest = temp_ / path;
    std::error_code ec;
    make_parent(dest, ec);
    const fs::path previous = target_ / path;
    if (ec || ::link(previous.c_str(), dest.c_str()) != 0) return false;
    ++unchanged_;
    bytes_ += fs::file_size(previous, ec);
    std::lock_guard<std::mutex> lock(current_mutex_);
    current_[path] = fingerprint;
    return true;
}

bool OutputWriter::write(const OutputFile& f) {
    if (failed_) return false;
    if (f.fingerprint != 0) {
        std::lock_guard<std::mutex> lock(current_mutex_);
        current_[f.path] = f.fingerprint;
    }
    const fs::path dest = temp_ / f.path;
    std::error_code ec;
    if (!make_parent(dest, ec)) return fail(dest.parent_path(), ec.message());
    const fs::path previous = target_ / f.path;
    // Unchanged bytes: link the previous file, keeping its modification time.
    if (same_bytes(previous, f.bytes) && ::link(previous.c_str(), dest.c_str()) == 0) {
        ++unchanged_;
    } else {
        if (!write_file(dest, f.bytes)) return fail(dest, std::strerror(errno));
        ++written_;
    }
    bytes_ += f.bytes.size();
    return true;
}

bool OutputWriter::commit() {
    if (failed_) return false;
    std::string marker = "This folder is written by Lotse and replaced on every build.\n";
    char hex[24];
    for (const auto& [path, fingerprint] : current_) {
        std::snprintf(hex, sizeof hex, "%016llx ", static_cast<unsigned long long>(fingerprint));
        marker += hex + path + "\n";
    }
    if (!write_file(temp_ / kOutputMarker, marker))
        return fail(temp_ / kOutputMarker, std::strerror(errno));
    std::error_code ec;
    if (fs::exists(target_, ec)) {
        // One atomic step: readers see either the old site or the new one, never a mix.
        if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0)
            return fail(target_, std::strerror(errno));
        committed_ = true;
        fs::remove_all(temp_, ec);  // now holds the previous output
    } else {
        if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail(target_, std::strerror(errno));
        committed_ = true;
    }
    return true;
}

WriteStats OutputWriter::stats() const { return {written_.load(), unchanged_.load(), bytes_.load()}; }

}  // namespace lotse
