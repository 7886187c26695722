// Parts of a Markdown text linked by a TextLinker (markdown/markdown.h), as the glossary links
// the first mention of a term: only in running text, never inside a link or a heading.
#include <gtest/gtest.h>

#include "markdown/markdown.h"

namespace lotse::markdown {
namespace {

// Links each "Jobcenter" the first time it sees one, as the glossary does with a term.
std::string linked(std::string_view md) {
    bool done = false;
    const TextLinker linker = [&](std::string_view text) -> std::optional<TextLink> {
        const std::size_t at = text.find("Jobcenter");
        if (done || at == std::string_view::npos) return std::nullopt;
        done = true;
        return TextLink{at, 9, "<a class=\"term\" href=\"../glossary/index.html#jobcenter\">", "</a>"};
    };
    return to_html(
        md, [](std::string_view, std::string_view) { return std::string("../contacts/mbe.html"); }, 2, &linker);
}

TEST(TextLinks, TheFirstMentionIsLinked) {
    EXPECT_EQ(linked("Das Jobcenter zahlt. Das Jobcenter hilft."),
              "<p>Das <a class=\"term\" href=\"../glossary/index.html#jobcenter\">Jobcenter</a> zahlt. Das Jobcenter "
              "hilft.</p>\n");
}

TEST(TextLinks, NotInsideALinkOrAHeading) {
    EXPECT_EQ(linked("# Jobcenter\n\nFragen Sie [im Jobcenter](ref:contact/mbe) oder **beim Jobcenter** nach."),
              "<h2>Jobcenter</h2>\n<p>Fragen Sie <a href=\"../contacts/mbe.html\">im Jobcenter</a> oder <strong>beim "
              "<a class=\"term\" href=\"../glossary/index.html#jobcenter\">Jobcenter</a></strong> nach.</p>\n");
}

TEST(TextLinks, TheLinkedWordIsEscapedLikeAnyText) {
    EXPECT_EQ(linked("A & B: Jobcenter <3"),
              "<p>A &amp; B: <a class=\"term\" href=\"../glossary/index.html#jobcenter\">Jobcenter</a> &lt;3</p>\n");
}

TEST(TextLinks, WithoutALinkerNothingChanges) {
    EXPECT_EQ(to_html("Das Jobcenter zahlt.", [](std::string_view, std::string_view) { return std::string(); }),
              "<p>Das Jobcenter zahlt.</p>\n");
}

}  // namespace
}  // namespace lotse::markdown
