#include "output/writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace lotse {

namespace fs = std::filesystem;

namespace {

bool same_bytes(const fs::path& p, const std::string& bytes) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec) || fs::file_size(p, ec) != bytes.size()) return false;
    std::ifstream in(p, std::ios::binary);
    std::string old(bytes.size(), '\0');
    in.read(old.data(), static_cast<std::streamsize>(old.size()));
    return in && old == bytes;
}

bool write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return static_cast<bool>(out);
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

bool write_output(const fs::path& out_arg, const std::vector<OutputFile>& files, Diagnostics& diags,
                  WriteStats* stats) {
    const fs::path out = fs::absolute(out_arg).lexically_normal();
    const fs::path target = out.has_filename() ? out : out.parent_path();
    std::error_code ec;
    if (fs::exists(target, ec) && !fs::is_directory(target, ec)) {
        diags.error({shown(out_arg), 0, 0}, "the output must be a folder, but this is a file; choose another --out");
        return false;
    }
    if (!may_replace(target)) {
        diags.error({shown(out_arg), 0, 0}, "this folder is not empty and was not written by Lotse, so it is left alone; "
                                            "choose another --out or empty it");
        return false;
    }
    const fs::path parent = target.parent_path();
    fs::create_directories(parent, ec);
    std::string stem = target.filename().string();  // (built in steps: GCC 12 misreports "." + string)
    stem.insert(0, 1, '.');
    stem += ".lotse-";
    const fs::path temp = parent / (stem + "new-" + std::to_string(getpid()));
    fs::remove_all(temp, ec);
    if (!fs::create_directory(temp, ec)) {
        diags.error({shown(parent), 0, 0}, "cannot create a folder here: " + ec.message());
        return false;
    }
    WriteStats local;
    WriteStats& s = stats ? *stats : local;
    auto fail = [&](const fs::path& p, const std::string& why) {
        diags.error({shown(p), 0, 0}, "cannot write the output: " + why + "; the previous output is unchanged");
        fs::remove_all(temp, ec);
        return false;
    };
    for (const OutputFile& f : files) {
        const fs::path dest = temp / f.path;
        fs::create_directories(dest.parent_path(), ec);
        if (ec) return fail(dest.parent_path(), ec.message());
        const fs::path previous = target / f.path;
        // Unchanged bytes: link the previous file, keeping its modification time.
        if (same_bytes(previous, f.bytes) && ::link(previous.c_str(), dest.c_str()) == 0) {
            ++s.unchanged;
        } else {
            if (!write_file(dest, f.bytes)) return fail(dest, std::strerror(errno));
            ++s.written;
        }
        s.bytes += f.bytes.size();
    }
    if (!write_file(temp / kOutputMarker, "This folder is written by Lotse and replaced on every build.\n"))
        return fail(temp / kOutputMarker, std::strerror(errno));

    if (fs::exists(target, ec)) {
        // One atomic step: readers see either the old site or the new one, never a mix.
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
            return fail(target, std::strerror(errno));
        fs::remove_all(temp, ec);  // now holds the previous output
    } else if (::rename(temp.c_str(), target.c_str()) != 0) {
        return fail(target, std::strerror(errno));
    }
    return true;
}

}  // namespace lotse
