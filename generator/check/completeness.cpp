#include "check/completeness.h"

#include <algorithm>
#include <map>
#include <set>

namespace lotse {

namespace {

std::string q(std::string_view s) { return '"' + std::string(s) + '"'; }

// "a, b, c" of at most `shown` items, then "and N more".
std::string listed(const std::vector<std::string>& items, std::size_t shown) {
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < shown; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > shown) out += " and " + std::to_string(items.size() - shown) + " more";
    return out;
}

}  // namespace

void note_completeness(const Content& content, const Catalogs& catalogs, Diagnostics& diags) {
    const SiteConfig& site = content.site;
    const std::string& src = site.source_language;
    if (src.empty() || !catalogs.has_source()) return;
    // Free pages by slug: the languages each has.
    std::map<std::string, std::set<std::string>> pages;
    for (const Page& p : content.pages) pages[p.slug].insert(p.language);
    std::map<std::string, std::vector<std::string>> borrowed;
    for (const Catalogs::Gap& gap : catalogs.gaps()) borrowed[gap.language].push_back(gap.key);
    for (const Located& l : site.languages) {
        if (l.value == src) continue;
        std::vector<std::string> parts;
        if (!catalogs.has_catalog(l.value))
            parts.push_back("it has no catalog (i18n/" + l.value + ".txt), so every interface text is in " + q(src));
        std::vector<std::string> missing;
        for (const auto& [slug, languages] : pages)
            if (languages.count(src) && !languages.count(l.value)) missing.push_back(q(slug));
        if (!missing.empty())
            parts.push_back(std::string(missing.size() == 1 ? "the free page " : "the free pages ") + listed(missing, 8) +
                            (missing.size() == 1 ? " has" : " have") + " no " + q(l.value) + " version (content/pages/<name>." +
                            l.value + ".md)");
        if (const auto it = borrowed.find(l.value); it != borrowed.end()) {
            const std::string path = catalogs.catalog_path(l.value);
            parts.push_back(std::to_string(it->second.size()) +
                            (it->second.size() == 1 ? " catalog message is" : " catalog messages are") + " shown in " +
                            q(src) + " (not in " + (path.empty() ? "i18n/" + l.value + ".txt" : path) +
                            "): " + listed(it->second, 5));
        }
        if (parts.empty()) continue;
        std::string line = q(l.value) + " is not complete: ";
        for (std::size_t i = 0; i < parts.size(); ++i) line += (i ? "; " : "") + parts[i];
        diags.note(l.pos.file.empty() ? SourcePos{site.path, 0, 0} : l.pos, std::move(line));
    }
}

}  // namespace lotse
