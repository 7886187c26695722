// End to end: the search index per language, the search page and the header field, as built.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

class SearchSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/offers/jobcenter.yaml",
                  "title: {de: \"Jobcenter-Sprechstunde\", en: \"Jobcentre drop-in\", ar: \"ساعة استشارة جوب سنتر\"}\n"
                  "summary: {de: \"Fragen zum **Bürgergeld** und zur Arbeitssuche.\", ar: \"أسئلة حول إعانة المواطن.\"}\n"
                  "description:\n  de: |\n    Jeden Montag im Erdgeschoss. Bringen Sie Ihren Bescheid mit.\n"
                  "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    json index(const std::string& lang) const { return json::parse(site.page(lang + "/search/index.json")); }
    static const json* item(const json& index, const std::string& route) {
        for (const json& i : index["items"])
            if (i[1] == route) return &i;
        return nullptr;
    }
    TestSite site;
};

TEST_F(SearchSite, TheArabicIndexHasTheArabicTitleAndTheGermanTitlesWords) {
    const json ar = index("ar");
    const json* jc = item(ar, "offers/jobcenter.html");
    ASSERT_NE(jc, nullptr) << ar.dump();
    EXPECT_EQ(ar["kinds"][(*jc)[0].get<int>()], "عرض");
    EXPECT_EQ((*jc)[2], "ساعة استشارة جوب سنتر");
    EXPECT_EQ((*jc)[3], "أسئلة حول إعانة المواطن.");
    // The German title's words, folded, so "Jobcenter" from a letter finds the Arabic page.
    EXPECT_EQ((*jc)[4], "jobcenter sprechstunde");
    // Untranslated texts are searched in the source language, after the page language's.
    EXPECT_EQ((*jc)[5], "jeden montag im erdgeschoss bringen sie");
}

TEST_F(SearchSite, TheGermanIndexFoldsUmlautsAndLeavesOutWhatTitleAndLineSay) {
    const json de = index("de");
    const json* jc = item(de, "offers/jobcenter.html");
    ASSERT_NE(jc, nullptr);
    EXPECT_EQ((*jc)[2], "Jobcenter-Sprechstunde");
    EXPECT_EQ((*jc)[3], "Fragen zum Bürgergeld und zur Arbeitssuche.");  // Markdown as plain text
    EXPECT_EQ((*jc)[4], "");  // the source title is the title
    EXPECT_EQ((*jc)[5], "jeden montag im erdgeschoss bringen sie");
    EXPECT_EQ(de["rules"]["map"]["ü"], "ue");
    EXPECT_EQ(de["rules"]["map"]["ک"], "ك");
}

TEST_F(SearchSite, FreePagesAndEveryRecordKindAreInTheIndex) {
    const json de = index("de");
    const json* imprint = item(de, "imprint/index.html");
    ASSERT_NE(imprint, nullptr);
    EXPECT_EQ(de["kinds"][(*imprint)[0].get<int>()], "Seite");
    EXPECT_EQ((*imprint)[2], "Seite imprint");
    const json* provider = item(de, "providers/vhs.html");
    ASSERT_NE(provider, nullptr);
    EXPECT_EQ(de["kinds"][(*provider)[0].get<int>()], "Einrichtung");
}

TEST_F(SearchSite, EveryPageHasTheHeaderFieldAndTheSearchPageItsOwn) {
    EXPECT_THAT(site.page("de/offers/jobcenter.html"),
                HasSubstr("<form class=\"header-search\" role=\"search\" action=\"../search/index.html\" method=\"get\" "
                          "aria-labelledby=\"header-search-label\">\n<label id=\"header-search-label\" for=\"header-search-q\" "
                          "class=\"visually-hidden\">Suchbegriff</label>\n<input id=\"header-search-q\" name=\"q\" type=\"search\""));
    EXPECT_THAT(site.page("ar/index.html"), HasSubstr("action=\"search/index.html\" method=\"get\""));
    const std::string search = site.page("ar/search/index.html");
    EXPECT_THAT(search, HasSubstr("<h1>البحث</h1>"));
    EXPECT_THAT(search, HasSubstr("data-search-index=\"../search/index.json\" data-language-root=\"../\""));
    EXPECT_THAT(search, HasSubstr("<p id=\"search-status\" class=\"search-status\" role=\"status\" aria-live=\"polite\""));
    // Without JavaScript, the A–Z lists every record.
    EXPECT_THAT(search, HasSubstr("<p class=\"search-browse\"><a href=\"../a-z/index.html\">كل شيء من أ إلى ي</a></p>"));
    EXPECT_THAT(search, HasSubstr("<script src=\"../../assets/search.js\" defer></script>"));
    EXPECT_THAT(search, ::testing::Not(HasSubstr("class=\"header-search\"")));
    EXPECT_FALSE(site.page("assets/search.js").empty());
}

TEST_F(SearchSite, RebuildWritesTheIndexesAgainWhenAGermanTitleChanges) {
    site.file("content/offers/jobcenter.yaml",
              "title: {de: \"Jobcenter-Beratung\", en: \"Jobcentre drop-in\", ar: \"ساعة استشارة جوب سنتر\"}\n"
              "summary: {de: \"Fragen zum Bürgergeld.\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_EQ((*item(index("ar"), "offers/jobcenter.html"))[4], "jobcenter beratung");
}

}  // namespace
}  // namespace lotse::test
