// Markdown through cmark with Lotse's link policy: what a reader's browser receives.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "markdown/markdown.h"

namespace lotse::markdown {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string html(std::string_view md) {
    return to_html(md, [](std::string_view kind, std::string_view id) -> std::string {
        if (kind == "contact" && id == "mbe") return "../../contacts/mbe.html";
        return "";
    });
}

TEST(Markdown, PlainTextKeepsWhatAReaderSeesWithoutMarkupOrTargets) {
    EXPECT_EQ(to_text("# Head\n\nBring **your passport**\nand [letters](ref:contact/mbe).\n\n- one `code`\n- <b>two</b>\n"),
              "Head\nBring your passport and letters.\none code\ntwo");
    EXPECT_EQ(to_text(""), "");
}

TEST(Markdown, RawHtmlNeverPasses) {
    const std::string out = html("Hallo <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>\n");
    EXPECT_THAT(out, Not(HasSubstr("<script")));
    EXPECT_THAT(out, Not(HasSubstr("<img")));
    EXPECT_THAT(out, Not(HasSubstr("onerror")));
    EXPECT_THAT(out, Not(HasSubstr("<div")));
    EXPECT_THAT(out, HasSubstr("<p>Hallo"));
}

TEST(Markdown, OnlyWebMailAndPhoneLinksStay) {
    const std::string out = html(
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](https://vhs.example/) [d](mailto:a@b.example) "
        "[e](tel:+49000) [f](vbscript:x) [g](/etc/passwd) [h](http://x.example/)");
    EXPECT_THAT(out, Not(HasSubstr("javascript:")));
    EXPECT_THAT(out, Not(HasSubstr("data:")));
    EXPECT_THAT(out, Not(HasSubstr("vbscript:")));
    EXPECT_THAT(out, Not(HasSubstr("/etc/passwd")));
    EXPECT_THAT(out, HasSubstr("a b <a href=\"https://vhs.example/\">c</a> <a href=\"mailto:a@b.example\">d</a> "
                               "<a href=\"tel:+49000\">e</a> f g <a href=\"http://x.example/\">h</a>"));
}

TEST(Markdown, RefLinksBecomeRelativeLinks) {
    EXPECT_EQ(html("Die [Beratung](ref:contact/mbe) hilft."),
              "<p>Die <a href=\"../../contacts/mbe.html\">Beratung</a> hilft.</p>\n");
    // A ref that cannot be resolved (an unpublished record) keeps its text.
    EXPECT_EQ(html("Der [Kurs](ref:course/alt) ist vorbei."), "<p>Der Kurs ist vorbei.</p>\n");
}

TEST(Markdown, ImagesBecomeTheirText) {
    EXPECT_EQ(html("![Stadtplan](https://tracker.example/pixel.gif)"), "<p>Stadtplan</p>\n");
}

TEST(Markdown, HeadingsMoveBelowThePageHeadingWithoutSkippingALevel) {
    const auto none = [](auto, auto) { return std::string(); };
    EXPECT_EQ(to_html("# Ziel\n\n## Weg", none, 2), "<h2>Ziel</h2>\n<h3>Weg</h3>\n");
    EXPECT_EQ(to_html("## Ziel\n\n### Weg", none, 2), "<h2>Ziel</h2>\n<h3>Weg</h3>\n");
    EXPECT_EQ(to_html("### Ziel\n\n#### Weg", none, 3), "<h3>Ziel</h3>\n<h4>Weg</h4>\n");
}

TEST(Markdown, ListsLinksWithTheirLines) {
    const auto links = markdown::links("Eins\n\n[a](ref:contact/x)\n\nzwei [b](https://x.example)\n");
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0].url, "ref:contact/x");
    EXPECT_EQ(links[0].line, 3);
    EXPECT_EQ(links[1].url, "https://x.example");
    EXPECT_EQ(links[1].line, 5);
}

}  // namespace
}  // namespace lotse::markdown
