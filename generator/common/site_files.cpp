#include "common/site_files.h"

#include <algorithm>
#include <set>

namespace lotse {

namespace fs = std::filesystem;

std::string shown_path(const fs::path& p) { return p.lexically_normal().generic_string(); }

namespace {

bool inside(const fs::path& canonical, const fs::path& root) {
    const fs::path rel = canonical.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

void report(Diagnostics* diags, const std::string& shown, const std::string& message) {
    if (diags) diags->error({shown, 0, 0}, message);
}

// Appended, not "\"" + …: GCC 12 warns of an overlapping copy that is not there (its bug 105329).
std::string quoted(const fs::path& p) {
    std::string out = "\"";
    out += p.string();
    out += '"';
    return out;
}

}  // namespace

EntryKind site_entry(const fs::path& path, const fs::path& root, Diagnostics* diags, const std::string& shown) {
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(path, ec);
    if (ec || own.type() == fs::file_type::not_found) return EntryKind::missing;
    fs::file_status status = own;
    if (fs::is_symlink(own)) {
        const fs::path target = fs::read_symlink(path, ec);
        status = fs::status(path, ec);
        if (ec == std::errc::too_many_symbolic_link_levels) {
            report(diags, shown, "this link leads in a circle (to itself, or through other links back to itself); "
                                 "remove it or point it at a file");
            return EntryKind::unusable;
        }
        if (ec || status.type() == fs::file_type::not_found) {
            report(diags, shown, "this link points to " + quoted(target) +
                                     ", which does not exist; remove the link or point it at a file");
            return EntryKind::unusable;
        }
        const fs::path site = fs::weakly_canonical(fs::absolute(root), ec);
        const fs::path resolved = fs::canonical(path, ec);
        if (ec || !inside(resolved, site)) {
            report(diags, shown, "this link points to " + quoted(target) +
                                     ", outside the site folder; a site is built only from what is in its folder, "
                                     "so copy the file into it instead");
            return EntryKind::unusable;
        }
    }
    switch (status.type()) {
        case fs::file_type::regular: return EntryKind::file;
        case fs::file_type::directory: return EntryKind::folder;
        case fs::file_type::fifo:
            report(diags, shown, "this is a named pipe (FIFO), not a file; Lotse reads only files, so remove it or put a file in its place");
            return EntryKind::unusable;
        case fs::file_type::block:
        case fs::file_type::character:
            report(diags, shown, "this is a device, not a file; Lotse reads only files, so remove it or put a file in its place");
            return EntryKind::unusable;
        default:
            report(diags, shown, "this is neither a file nor a folder; Lotse reads only files, so remove it or put a file in its place");
            return EntryKind::unusable;
    }
}

std::vector<SiteFile> site_files(const fs::path& dir, const fs::path& root, Diagnostics* diags, bool recursive) {
    std::vector<SiteFile> out;
    if (site_entry(dir, root, diags, shown_path(dir)) != EntryKind::folder) return out;
    // The folder itself may be reached through a link further up (content/ linked elsewhere).
    std::error_code ec;
    const fs::path site = fs::weakly_canonical(fs::absolute(root), ec);
    if (!inside(fs::canonical(dir, ec), site) && fs::canonical(dir, ec) != site) {
        report(diags, shown_path(dir), "this folder is reached through a link that leads outside the site folder; a site "
                                       "is built only from what is in its folder, so copy the files into it instead");
        return out;
    }
    // Folders already listed, by their real path: a link to a folder above it would list it again
    // without end.
    std::set<fs::path> listed;
    std::vector<std::pair<fs::path, std::string>> pending{{dir, ""}};
    while (!pending.empty()) {
        auto [folder, prefix] = std::move(pending.back());
        pending.pop_back();
        if (!listed.insert(fs::canonical(folder, ec)).second) {
            report(diags, shown_path(folder), "this link leads in a circle (to a folder it is in); remove it or point it at another folder");
            continue;
        }
        // The type a folder listing gives comes without a system call per entry (a site has
        // thousands of records); only what is not a plain file or folder is looked at closer.
        std::vector<std::pair<std::string, fs::file_type>> names;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            std::error_code type_ec;
            if (!name.empty() && name.front() != '.') names.emplace_back(std::move(name), it->symlink_status(type_ec).type());
        }
        std::sort(names.begin(), names.end());
        for (const auto& [name, type] : names) {
            const fs::path p = folder / name;
            const EntryKind kind = type == fs::file_type::regular     ? EntryKind::file
                                   : type == fs::file_type::directory ? EntryKind::folder
                                                                      : site_entry(p, root, diags, shown_path(p));
            switch (kind) {
                case EntryKind::file: out.push_back({p, prefix + name}); break;
                case EntryKind::folder:
                    if (recursive) pending.push_back({p, prefix + name + "/"});
                    break;
                default: break;
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const SiteFile& a, const SiteFile& b) { return a.name < b.name; });
    return out;
}

}  // namespace lotse
