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

}  // namespace
}  // namespace lotse
