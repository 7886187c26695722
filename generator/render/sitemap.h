// The sitemap protocol allows 50,000 URLs and 50 MB per file. A site over either limit (20,000
// records in 7 languages are 140,000 URLs) gets sitemap.xml as an index of numbered parts, each
// within the limits; a smaller site keeps one sitemap.xml.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lotse {

struct SitemapLimits {
    std::size_t urls = 50'000;
    std::size_t bytes = 50 * 1024 * 1024;
};

// Splits the pages (`paths`, as the sitemap names them below each language) into runs
// [first, last) whose sitemap files stay within `limits`: every page is listed once per language,
// with every language as an alternate. One run: the site needs no index.
std::vector<std::pair<std::size_t, std::size_t>> sitemap_parts(const std::vector<std::string>& paths,
                                                               const std::vector<std::string>& languages,
                                                               std::string_view base_url, const SitemapLimits& limits);

// The file of the nth part (from 1): "sitemap-1.xml".
std::string sitemap_part_name(std::size_t n);

}  // namespace lotse
