// Free pages as Windows editors save them: CRLF line ends, a byte order mark, or both. They build
// like any other page, and a mistake in their front matter is reported where it is.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kBom = "\xEF\xBB\xBF";

void expect_imprint_builds(const std::string& text) {
    TestSite site;
    site.file("content/pages/imprint.de.md", text);
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.diagnostics(), IsEmpty());
    const std::string page = site.page("de/imprint/index.html");
    EXPECT_THAT(page, HasSubstr("<h1>Impressum</h1>"));
    EXPECT_THAT(page, HasSubstr("<p>Verantwortlich: <strong>Stadt Teststadt</strong></p>"));
}

TEST(Pages, CrlfLineEnds) {
    expect_imprint_builds("---\r\ntitle: Impressum\r\nmenu: footer\r\n---\r\nVerantwortlich: **Stadt Teststadt**\r\n");
}

TEST(Pages, ByteOrderMark) {
    expect_imprint_builds(kBom + "---\ntitle: Impressum\nmenu: footer\n---\nVerantwortlich: **Stadt Teststadt**\n");
}

TEST(Pages, ByteOrderMarkAndCrlfLineEnds) {
    expect_imprint_builds(kBom +
                          "---\r\ntitle: Impressum\r\nmenu: footer\r\n---\r\nVerantwortlich: **Stadt Teststadt**\r\n");
}

TEST(Pages, FrontMatterErrorInACrlfPageWithByteOrderMark) {
    TestSite site;
    site.file("content/pages/imprint.de.md", kBom + "---\r\ntitle: Impressum\r\nmenu: top\r\n---\r\nText\r\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pages/imprint.de.md:3:7: error: \"menu\" cannot be \"top\"; Allowed: main, footer, none"));
}

TEST(Pages, LinkInTheBodyOfACrlfPage) {
    TestSite site;
    site.file("content/pages/imprint.de.md",
              kBom + "---\r\ntitle: Impressum\r\n---\r\nText\r\n\r\nSiehe [Beratung](ref:contact/jmd).\r\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/pages/imprint.de.md:6:18: error: link \"ref:contact/jmd\" points "
                                                "to a contact that does not exist (no file content/contacts/jmd.yaml)"));
}

TEST(Pages, RecordWithByteOrderMarkPlacesLinksOnItsFirstLine) {
    TestSite site;
    site.file("content/offers/a.yaml",
              kBom + "description: \"[Beratung](ref:contact/jmd)\"\r\ntitle: {de: \"Kurs\", en: \"Course\"}\r\n"
                     "summary: {de: \"Kurz\", en: \"Short\"}\r\nprovider: vhs\r\nlife_phases: [school]\r\n"
                     "topics: [school]\r\nchecked: 2026-11-02\r\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/offers/a.yaml:1:26: error: link \"ref:contact/jmd\" points to "
                                                "a contact that does not exist (no file content/contacts/jmd.yaml)"));
}

}  // namespace
}  // namespace lotse::test
