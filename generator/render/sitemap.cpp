#include "render/sitemap.h"

#include <algorithm>

namespace lotse {

std::vector<std::pair<std::size_t, std::size_t>> sitemap_parts(const std::vector<std::string>& paths,
                                                               const std::vector<std::string>& languages,
                                                               std::string_view base_url, const SitemapLimits& limits) {
    // Bytes of one page's entries, as the built-in template writes them:
    // <url><loc>URL</loc>(<xhtml:link rel="alternate" hreflang="LANG" href="URL"/>)*</url>\n
    // where URL is base, language, "/", path. A twentieth of the byte limit is kept for the
    // file's head and for escaped characters.
    std::size_t languages_bytes = 0;
    for (const std::string& l : languages) languages_bytes += l.size();
    const std::size_t n = languages.size();
    auto bytes_of = [&](const std::string& path) {
        const std::size_t urls = n * (base_url.size() + 1 + path.size()) + languages_bytes;  // every language once
        return n * (10 + 6 + 7) + urls + n * (urls + n * (38 + 8 + 3) + languages_bytes);
    };
    const std::size_t byte_limit = limits.bytes - limits.bytes / 20;
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t first = 0, urls = 0, bytes = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::size_t b = bytes_of(paths[i]);
        if (i > first && (urls + n > limits.urls || bytes + b > byte_limit)) {
            parts.emplace_back(first, i);
            first = i, urls = 0, bytes = 0;
        }
        urls += n;
        bytes += b;
    }
    parts.emplace_back(first, paths.size());
    return parts;
}

std::string sitemap_part_name(std::size_t n) { return "sitemap-" + std::to_string(n) + ".xml"; }

}  // namespace lotse
