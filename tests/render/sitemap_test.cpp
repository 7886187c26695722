// How the pages are split into sitemap files: within the URL and the byte limit, in order.
#include "render/sitemap.h"
#include "site/routes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace lotse {
namespace {

using Parts = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(SitemapParts, ASiteWithinTheLimitsHasOnePart) {
    EXPECT_EQ(sitemap_parts({300, 300, 300}, 2, {}), (Parts{{0, 3}}));
    EXPECT_EQ(sitemap_parts({}, 1, {}), (Parts{{0, 0}}));
}

TEST(SitemapParts, EachPartHasAtMostTheUrlLimit) {
    // 7 pages in 3 languages, 6 URLs per file: two pages per part.
    EXPECT_EQ(sitemap_parts(std::vector<std::size_t>(7, 300), 3, {6, 1 << 20}), (Parts{{0, 2}, {2, 4}, {4, 6}, {6, 7}}));
}

TEST(SitemapParts, EachPartStaysUnderTheByteLimit) {
    // One page in two languages, base "https://x.example/" (18 bytes), path "offers/a.html" (13):
    // its two entries with two alternates each take 2 * (10 + 32 + 6 + 2 * (38 + 2 + 8 + 32 + 3) + 7)
    // = 442 bytes as the built-in template writes them (tests/e2e measures them on the rendered
    // file). With 1,000 bytes (950 after the margin for the file's head), two pages fit in a
    // part, three do not.
    const std::vector<std::size_t> pages(5, 442);
    EXPECT_EQ(sitemap_parts(pages, 2, {1000, 1000}), (Parts{{0, 2}, {2, 4}, {4, 5}}));
    // A page larger than the limit on its own still gets a part of its own, not an empty one.
    EXPECT_EQ(sitemap_parts(pages, 2, {1000, 100}), (Parts{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}}));
}

TEST(SitemapParts, PartsAreNumberedFromOne) {
    EXPECT_EQ(routes::sitemap_part(1), "sitemap-1.xml");
    EXPECT_EQ(routes::sitemap_part(12), "sitemap-12.xml");
}

}  // namespace
}  // namespace lotse
