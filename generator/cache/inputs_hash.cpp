#include "cache/inputs_hash.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cache/place.h"
#include "common/data_dir.h"
#include "common/hash.h"
#include "common/site_files.h"
#include "common/whole_file.h"

namespace lotse {

namespace fs = std::filesystem;

std::uint64_t shared_inputs_hash(const fs::path& site_dir, Date today, const SitePlan& plan, const Templates& templates) {
    std::uint64_t h = mix(0, program_identity());
    h = mix(h, to_iso(today));
    const fs::path content = site_dir / "content";
    h = mix(h, whole_file(content / "site.yaml"));
    h = mix(h, whole_file(content / "taxonomy.yaml"));
    // Which translations are outdated: every page may show one (its read was checked by the loader).
    h = mix(h, whole_file(content / "translations.yaml"));
    // Named as from the site folder, so that another spelling of it (., an absolute path) is the same site.
    // The same files the loader and the catalogs read: never a pipe, which would keep this waiting.
    std::vector<std::pair<std::string, fs::path>> files;
    for (SiteFile& f : site_files(content / "pages", site_dir, nullptr)) files.emplace_back("pages/" + f.name, std::move(f.path));
    // The glossary links terms in every record's text and marks the cards of official names.
    for (SiteFile& f : site_files(content / "glossary", site_dir, nullptr)) files.emplace_back("glossary/" + f.name, std::move(f.path));
    int layer = 0;
    for (const fs::path& i18n : layered(site_dir, "i18n")) {
        for (SiteFile& f : site_files(i18n, i18n.parent_path(), nullptr))
            files.emplace_back("i18n" + std::to_string(layer) + "/" + f.name, std::move(f.path));
        ++layer;
    }
    std::sort(files.begin(), files.end());
    for (const auto& [name, f] : files) h = mix(mix(h, name), whole_file(f));
    for (const auto& [name, text] : templates.sources()) h = mix(mix(h, name), text);
    for (const auto& [name, bytes] : templates.assets()) h = mix(mix(h, name), bytes);
    // Which records are published decides links and lists everywhere.
    for (const RecordEntry& e : plan.entries) h = mix(h, std::string(name(e.kind)) + "/" + e.record->id);
    return h;
}

}  // namespace lotse
