// The sitemap protocol allows 50,000 URLs and 50 MB per file. A site over either limit (20,000
// records in 7 languages are 140,000 URLs) gets sitemap.xml as an index of numbered parts, each
// within the limits; a smaller site keeps one sitemap.xml. What a page adds to a file is measured
// on the template's rendered bytes (render/pages/site_files.cpp), so a site's own sitemap template
// is measured as it is.
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

// Splits the pages into runs [first, last) whose sitemap files stay within `limits`: page i adds
// `bytes[i]` bytes and `urls_per_page` URLs (one per language) to its file. A twentieth of the
// byte limit is kept for the file's head and foot. One run: the site needs no index.
std::vector<std::pair<std::size_t, std::size_t>> sitemap_parts(const std::vector<std::size_t>& bytes,
                                                               std::size_t urls_per_page, const SitemapLimits& limits);

}  // namespace lotse
