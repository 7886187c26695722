#include "cache/place.h"

#include <elf.h>
#include <link.h>

#include <cstdlib>
#include <cstring>

#include "common/hash.h"
#include "common/whole_file.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

// The build id the linker gave this program (GNU build-id note): it changes with every change to
// Lotse's code, and is found without reading the binary.
std::string program_build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) {
            if (info->dlpi_name && *info->dlpi_name) return 0;  // the program itself has no name here
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                const char* at = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
                const char* end = at + ph.p_memsz;
                while (at + sizeof(ElfW(Nhdr)) <= end) {
                    const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
                    const char* name = at + sizeof(ElfW(Nhdr));
                    const char* desc = name + ((note->n_namesz + 3) & ~3u);
                    if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        static_cast<std::string*>(data)->assign(desc, note->n_descsz);
                        return 1;
                    }
                    at = desc + ((note->n_descsz + 3) & ~3u);
                }
            }
            return 1;
        },
        &id);
    return id;
}

}  // namespace

const std::string& program_identity() {
    static const std::string identity = [] {
        std::string id = program_build_id();
        // A linker told not to write a build id: the binary's bytes stand in for it.
        if (id.empty()) id = whole_file("/proc/self/exe");
        return std::string("lotse ") + LOTSE_VERSION + " " + hex16(hash_of(id));
    }();
    return identity;
}

fs::path cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "lotse";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "lotse";
    return {};
}

fs::path site_cache_stem(const fs::path& site_dir) {
    const fs::path base = cache_dir();
    if (base.empty()) return {};
    // Another spelling of the same folder (., a path through a link) is the same site.
    std::error_code ec;
    const fs::path site = fs::weakly_canonical(fs::absolute(site_dir), ec);
    return base / hex16(hash_of(site.string()));
}

fs::path site_cache_file(const fs::path& site_dir, std::string_view extension) {
    const fs::path stem = site_cache_stem(site_dir);
    if (stem.empty()) return {};
    return fs::path(stem.string() + std::string(extension));
}

}  // namespace lotse
