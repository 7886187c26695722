#include "i18n/catalog_texts.h"

#include "common/data_dir.h"
#include "common/site_files.h"
#include "common/whole_file.h"
#include "content/encoding.h"
#include "i18n/text_patch.h"

namespace lotse {

namespace fs = std::filesystem;

fs::path own_catalog(const fs::path& site_dir, const std::string& language) { return site_dir / "i18n" / (language + ".txt"); }

std::vector<CatalogText> read_catalog_texts(const fs::path& site_dir, const std::vector<std::string>& languages,
                                            Diagnostics& diags) {
    std::vector<CatalogText> out;
    const std::vector<fs::path> layers = layered(site_dir, "i18n");
    for (const std::string& language : languages) {
        // The last layer that has the file is the one the catalogs use.
        for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) {
            const fs::path file = *layer / (language + ".txt");
            std::error_code ec;
            const bool own = fs::equivalent(*layer, site_dir / "i18n", ec);
            std::string text;
            if (site_entry(file, layer->parent_path(), nullptr, "") != EntryKind::file || !read_whole_file(file, text))
                continue;
            const FilePath path = shown_path(file);
            auto entries = catalog_entries(without_bom(text));
            if (auto* e = std::get_if<PatchError>(&entries)) {
                diags.note({path, e->line, e->column},
                           "Lotse cannot tell which of this catalog's messages are outdated: " + e->message);
                break;
            }
            for (CatalogEntry& m : std::get<std::vector<CatalogEntry>>(entries))
                out.push_back({language, std::move(m.key), std::move(m.value), {path, m.line, m.column}, own});
            break;
        }
    }
    return out;
}

}  // namespace lotse
