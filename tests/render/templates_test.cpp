// Templates (render/templates): loading a site's templates, checking that each compiles, and
// handing the compiled copies out; what a template file holds besides markup stays out of the pages.
#include "render/templates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse {
namespace {

using ::testing::HasSubstr;

// A template compiled to check it is handed to one renderer, with its partials pasted in; the
// others compile their own copy from the text.
TEST(Templates, TheCopyCompiledToCheckATemplateIsHandedOutOnce) {
    test::TempDir dir;
    test::write(dir.path() / "templates/page.mustache", "<p>{{>partials/name}}</p>\n");
    test::write(dir.path() / "templates/partials/name.mustache", "{{name}}\n");
    Diagnostics diags;
    const Templates templates = Templates::load({dir.path() / "templates"}, diags);
    ASSERT_TRUE(diags.items().empty());
    EXPECT_EQ(templates.sources().at("page"), "<p>{{name}}</p>\n");

    std::unique_ptr<kainjow::mustache::mustache> page = templates.take("page");
    ASSERT_NE(page, nullptr);
    kainjow::mustache::data data;
    data.set("name", "Sprachcafé");
    EXPECT_EQ(page->render(data), "<p>Sprachcafé</p>\n");
    EXPECT_EQ(templates.take("page"), nullptr);
    EXPECT_EQ(templates.take("missing"), nullptr);
}

TEST(Templates, ATemplateThatDoesNotParseIsReportedAndNotHandedOut) {
    test::TempDir dir;
    test::write(dir.path() / "templates/page.mustache", "<p>{{#open}}</p>\n");
    Diagnostics diags;
    const Templates templates = Templates::load({dir.path() / "templates"}, diags);
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_THAT(format(diags.items()[0]), HasSubstr("templates/page.mustache: error: this template cannot be used: "));
    EXPECT_EQ(templates.take("page"), nullptr);
    EXPECT_EQ(templates.sources().count("page"), 0u);
}

// A template that compiled on an earlier run (the same text, the same Lotse) is not compiled again
// to check it: a rebuild compiles only the templates its pages need, where they need them.
TEST(Templates, ATemplateCheckedOnAnEarlierRunIsNotCompiledAgain) {
    test::TempDir dir;
    test::write(dir.path() / "templates/page.mustache", "<p>{{>partials/name}}</p>\n");
    test::write(dir.path() / "templates/list.mustache", "<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>\n");
    test::write(dir.path() / "templates/partials/name.mustache", "{{name}}\n");
    const std::filesystem::path checked = dir.path() / "cache/site.templates";
    Diagnostics diags;
    {
        const Templates first = Templates::load({dir.path() / "templates"}, diags, checked, "lotse 1");
        EXPECT_NE(first.take("page"), nullptr) << "compiled to check it";
    }
    EXPECT_TRUE(std::filesystem::is_regular_file(checked));
    {
        const Templates again = Templates::load({dir.path() / "templates"}, diags, checked, "lotse 1");
        EXPECT_EQ(again.take("page"), nullptr) << "known to compile: not compiled";
        EXPECT_EQ(again.take("list"), nullptr);
        EXPECT_EQ(again.sources().at("page"), "<p>{{name}}</p>\n") << "its text is there to compile it when used";
    }
    // Another Lotse, or another text (here a partial it pastes in): checked again.
    EXPECT_NE(Templates::load({dir.path() / "templates"}, diags, checked, "lotse 2").take("page"), nullptr);
    test::write(dir.path() / "templates/partials/name.mustache", "<b>{{name}}</b>\n");
    {
        const Templates changed = Templates::load({dir.path() / "templates"}, diags, checked, "lotse 2");
        EXPECT_NE(changed.take("page"), nullptr);
        EXPECT_EQ(changed.take("list"), nullptr);
    }
    EXPECT_TRUE(diags.items().empty());
}

// A template once checked and then broken is reported, and stays reported until it is repaired.
TEST(Templates, ATemplateBrokenAfterItWasCheckedIsReported) {
    test::TempDir dir;
    test::write(dir.path() / "templates/page.mustache", "<p>{{name}}</p>\n");
    const std::filesystem::path checked = dir.path() / "cache/site.templates";
    Diagnostics diags;
    Templates::load({dir.path() / "templates"}, diags, checked, "lotse 1");
    ASSERT_TRUE(diags.items().empty());
    test::write(dir.path() / "templates/page.mustache", "<p>{{#name}}</p>\n");
    for (int run = 0; run < 2; ++run) {
        Diagnostics broken;
        const Templates templates = Templates::load({dir.path() / "templates"}, broken, checked, "lotse 1");
        ASSERT_EQ(broken.items().size(), 1u) << "run " << run;
        EXPECT_THAT(format(broken.items()[0]), HasSubstr("templates/page.mustache: error: this template cannot be used: "));
        EXPECT_EQ(templates.sources().count("page"), 0u);
    }
    // A damaged list checks everything again.
    test::write(dir.path() / "templates/page.mustache", "<p>{{name}}</p>\n");
    test::write(checked, "lotse checked templates 1\nlotse 1\nnot a hash\n");
    EXPECT_NE(Templates::load({dir.path() / "templates"}, diags, checked, "lotse 1").take("page"), nullptr);
    EXPECT_TRUE(diags.items().empty());
}

// Template files as Windows editors save them: a byte order mark at the start of a template or
// partial is not part of the markup, so it does not end up inside the pages.
TEST(Templates, AByteOrderMarkStaysOutOfThePage) {
    const std::string bom = "\xEF\xBB\xBF";
    test::TestSite site;
    site.file("templates/page.mustache",
              bom + test::read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "templates/page.mustache"));
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string page = site.page("de/imprint/index.html");
    EXPECT_THAT(page, HasSubstr("<article class=\"free-page\">"));
    EXPECT_EQ(page.find(bom), std::string::npos) << "the page has a U+FEFF from the template in it";
}

}  // namespace
}  // namespace lotse
