// End to end: the search index per language, the search page and the header field, as built.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

// A language's search files read back as the script reads them: the entry, the items of every
// chunk, and each word's items with where the word is (0 title, 1 in a title word, 2 text, 3 in a
// text word).
struct SearchFiles {
    json entry;
    std::vector<json> items;
    std::map<std::string, std::map<std::size_t, int>> words, infixes;
    std::vector<std::string> names;  // every file, the entry first

    std::size_t number(const std::string& route) const {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i][1] == route) return i;
        return items.size();
    }
    // Where `word` is in the item at `route`; -1: the item is not listed under the word.
    int where(const std::string& word, const std::string& route, bool infix = false) const {
        const auto& lists = infix ? infixes : words;
        auto w = lists.find(word);
        if (w == lists.end()) return -1;
        auto it = w->second.find(number(route));
        return it == w->second.end() ? -1 : it->second;
    }
};

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
    SearchFiles files(const std::string& lang) const {
        SearchFiles f;
        const std::string folder = lang + "/search/";
        f.entry = json::parse(site.page(folder + "index.json"));
        f.names.push_back(folder + "index.json");
        const std::string version = f.entry["v"];
        auto read = [&](const std::string& name) {
            f.names.push_back(folder + name);
            json part = json::parse(site.page(folder + name));
            EXPECT_EQ(part["v"], version) << name;
            return part;
        };
        for (const char* part : {"words", "infix"})
            for (std::size_t n = 0; n < f.entry[part].size(); ++n) {
                const json shard = read(std::string(part) + "-" + std::to_string(n) + ".json");
                for (const auto& [word, list] : shard["words"].items()) {
                    std::size_t value = 0;
                    for (const json& step : list) {
                        value += step.get<std::size_t>();
                        (part == std::string("words") ? f.words : f.infixes)[word][value / 4] = static_cast<int>(value % 4);
                    }
                }
            }
        const std::size_t chunk = f.entry["chunk"], count = f.entry["items"];
        for (std::size_t n = 0; n * chunk < count; ++n) {
            const json items = read("items-" + std::to_string(n) + ".json");
            for (const json& item : items["items"]) f.items.push_back(item);
        }
        EXPECT_EQ(f.items.size(), count);
        return f;
    }
    const json& item(const SearchFiles& f, const std::string& route) const {
        static const json none;
        const std::size_t n = f.number(route);
        return n < f.items.size() ? f.items[n] : none;
    }
    TestSite site;
};

TEST_F(SearchSite, TheArabicIndexHasTheArabicTitleAndTheGermanTitlesWords) {
    const SearchFiles ar = files("ar");
    const json& jc = item(ar, "offers/jobcenter.html");
    ASSERT_FALSE(jc.is_null());
    EXPECT_EQ(ar.entry["kinds"][jc[0].get<int>()], "عرض");
    EXPECT_EQ(jc[2], "ساعة استشارة جوب سنتر");
    EXPECT_EQ(jc[3], "أسئلة حول إعانة المواطن.");
    // Its own title's words, folded, count as title; so do the German title's, so "Jobcenter" from
    // a letter finds the Arabic page.
    EXPECT_EQ(ar.where("ساعة", "offers/jobcenter.html"), 0);
    EXPECT_EQ(ar.where("jobcenter", "offers/jobcenter.html"), 0);
    EXPECT_EQ(ar.where("sprechstunde", "offers/jobcenter.html"), 0);
    EXPECT_EQ(ar.where("اعانة", "offers/jobcenter.html"), 2);  // the line, folded: إ as ا
    // Untranslated texts are searched in the source language, after the page language's.
    EXPECT_EQ(ar.where("erdgeschoss", "offers/jobcenter.html"), 2);
    // The parts of words, from the second letter: "center" in "Jobcenter".
    EXPECT_EQ(ar.where("center", "offers/jobcenter.html", true), 1);
    EXPECT_EQ(ar.where("bcenter", "offers/jobcenter.html", true), 1);
    EXPECT_EQ(ar.where("jobcenter", "offers/jobcenter.html", true), -1);  // the whole word is no part
    EXPECT_EQ(ar.where("er", "offers/jobcenter.html", true), -1);          // nor two letters
}

TEST_F(SearchSite, TheGermanIndexFoldsUmlautsAndKeepsTheFirstWordsOfTheText) {
    const SearchFiles de = files("de");
    const json& jc = item(de, "offers/jobcenter.html");
    ASSERT_FALSE(jc.is_null());
    EXPECT_EQ(jc[2], "Jobcenter-Sprechstunde");
    EXPECT_EQ(jc[3], "Fragen zum Bürgergeld und zur Arbeitssuche.");  // Markdown as plain text
    EXPECT_EQ(de.where("buergergeld", "offers/jobcenter.html"), 2);
    EXPECT_EQ(de.where("bürgergeld", "offers/jobcenter.html"), -1);
    // The text's first words besides those of the title and line, no more.
    for (const char* word : {"jeden", "montag", "im", "erdgeschoss", "bringen", "sie"})
        EXPECT_EQ(de.where(word, "offers/jobcenter.html"), 2) << word;
    EXPECT_EQ(de.where("bescheid", "offers/jobcenter.html"), -1);
    EXPECT_EQ(de.entry["rules"]["map"]["ü"], "ue");
    EXPECT_EQ(de.entry["rules"]["map"]["ک"], "ك");
}

TEST_F(SearchSite, FreePagesAndEveryRecordKindAreInTheIndex) {
    const SearchFiles de = files("de");
    const json& imprint = item(de, "imprint/index.html");
    ASSERT_FALSE(imprint.is_null());
    EXPECT_EQ(de.entry["kinds"][imprint[0].get<int>()], "Seite");
    EXPECT_EQ(imprint[2], "Seite imprint");
    const json& provider = item(de, "providers/vhs.html");
    ASSERT_FALSE(provider.is_null());
    EXPECT_EQ(de.entry["kinds"][provider[0].get<int>()], "Einrichtung");
}

// The shards hold every word once, in the order JavaScript compares strings, and each shard's
// first word begins with or sorts after the letters the entry names it by.
TEST_F(SearchSite, TheEntryNamesEachShardByItsFirstLetters) {
    const std::string folder = "de/search/";
    const json entry = json::parse(site.page(folder + "index.json"));
    for (const char* part : {"words", "infix"}) {
        const json& firsts = entry[part];
        ASSERT_GE(firsts.size(), 1u);
        EXPECT_EQ(firsts[0], "");
        std::string last;
        for (std::size_t n = 0; n < firsts.size(); ++n) {
            const json shard = json::parse(site.page(folder + part + "-" + std::to_string(n) + ".json"))["words"];
            for (const auto& [word, list] : shard.items()) {
                (void)list;
                EXPECT_GE(word, firsts[n].get<std::string>()) << part << n;
                if (n + 1 < firsts.size()) {
                    EXPECT_LT(word, firsts[n + 1].get<std::string>()) << part << n;
                }
                EXPECT_GT(word, last);
                last = word;
            }
        }
        EXPECT_TRUE(site.page(folder + part + "-" + std::to_string(firsts.size()) + ".json").empty());
    }
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
    EXPECT_THAT(search, HasSubstr("<button type=\"button\" id=\"search-more\" class=\"search-more\" hidden>نتائج أخرى</button>"));
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
    const SearchFiles ar = files("ar");
    EXPECT_EQ(ar.where("beratung", "offers/jobcenter.html"), 0);
    EXPECT_EQ(ar.where("sprechstunde", "offers/jobcenter.html"), -1);
}

// A rebuild that changes nothing the search shows keeps every search file, the entry and the
// files it names.
TEST_F(SearchSite, ARebuildWithoutChangesKeepsEverySearchFile) {
    const SearchFiles before = files("ar");
    ASSERT_EQ(site.build(), 0) << site.err();
    const SearchFiles after = files("ar");
    EXPECT_EQ(after.names, before.names);
    EXPECT_EQ(after.entry, before.entry);
    EXPECT_EQ(after.items, before.items);
}

}  // namespace
}  // namespace lotse::test
