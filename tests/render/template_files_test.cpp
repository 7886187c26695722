// Template files as Windows editors save them: a byte order mark at the start of a template or
// partial is not part of the markup, so it does not end up inside the pages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;

TEST(TemplateFiles, ByteOrderMarkStaysOutOfThePage) {
    const std::string bom = "\xEF\xBB\xBF";
    TestSite site;
    site.file("templates/page.mustache", bom + read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "templates/page.mustache"));
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string page = site.page("de/imprint/index.html");
    EXPECT_THAT(page, HasSubstr("<article class=\"free-page\">"));
    EXPECT_EQ(page.find(bom), std::string::npos) << "the page has a U+FEFF from the template in it";
}

}  // namespace
}  // namespace lotse::test
