#include "render/sitemap.h"

namespace lotse {

std::vector<std::pair<std::size_t, std::size_t>> sitemap_parts(const std::vector<std::size_t>& bytes,
                                                               std::size_t urls_per_page, const SitemapLimits& limits) {
    const std::size_t byte_limit = limits.bytes - limits.bytes / 20;
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t first = 0, urls = 0, total = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > first && (urls + urls_per_page > limits.urls || total + bytes[i] > byte_limit)) {
            parts.emplace_back(first, i);
            first = i, urls = 0, total = 0;
        }
        urls += urls_per_page;
        total += bytes[i];
    }
    parts.emplace_back(first, bytes.size());
    return parts;
}

}  // namespace lotse
