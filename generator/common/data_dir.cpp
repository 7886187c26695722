#include "common/data_dir.h"

#include <cstdlib>

#include "common/site_files.h"

namespace lotse {

namespace fs = std::filesystem;

fs::path data_dir() {
    if (const char* env = std::getenv("LOTSE_DATA_DIR"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "lotse";
        if (fs::is_directory(installed / "templates", ec)) return installed;
    }
    return LOTSE_SOURCE_DATA_DIR;
}

std::vector<fs::path> layered(const fs::path& site_dir, const char* name) {
    std::vector<fs::path> dirs{data_dir() / name};
    std::error_code ec;
    const fs::path own = site_dir / name;
    // Anything there but a folder (a loop, a link out of the site) is reported where it is read.
    if (site_entry(own, site_dir, nullptr, {}) != EntryKind::missing && !fs::equivalent(own, dirs.front(), ec))
        dirs.push_back(own);
    return dirs;
}

}  // namespace lotse
