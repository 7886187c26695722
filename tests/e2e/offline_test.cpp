// End to end: each language's offline copy as built: its list of files, size and version, its
// service worker, the home page's hidden section and the note every page carries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "i18n/locale_format.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

class OfflineSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/offers/jobcenter.yaml",
                  "title: {de: \"Jobcenter-Sprechstunde\", ar: \"ساعة استشارة جوب سنتر\"}\n"
                  "summary: {de: \"Fragen zum Bürgergeld.\", ar: \"أسئلة حول إعانة المواطن.\"}\n"
                  "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    json manifest(const std::string& lang) const { return json::parse(site.page(lang + "/offline.json")); }
    // What the copy of `lang` must hold, as the worker fetches it from the language folder: every
    // page of the language, its search files, and every asset.
    std::set<std::string> files_of(const std::string& lang) const {
        std::set<std::string> out;
        const fs::path folder = site.out() / lang;
        for (const auto& e : fs::recursive_directory_iterator(folder)) {
            const std::string rel = fs::relative(e.path(), folder).generic_string();
            if (e.is_regular_file() && (rel.ends_with(".html") || (rel.starts_with("search/") && rel.ends_with(".json")))) out.insert(rel);
        }
        for (const auto& e : fs::recursive_directory_iterator(site.out() / "assets"))
            if (e.is_regular_file()) out.insert("../" + fs::relative(e.path(), site.out()).generic_string());
        return out;
    }
    std::uintmax_t bytes_of(const std::string& lang) const {
        std::uintmax_t total = 0;
        for (const std::string& f : files_of(lang)) total += fs::file_size((site.out() / lang / f).lexically_normal());
        return total;
    }
    TestSite site;
};

TEST_F(OfflineSite, TheListHoldsExactlyTheLanguagesPagesSearchIndexAndAssetsWithTheirBytes) {
    for (const std::string lang : {"de", "ar"}) {
        const json m = manifest(lang);
        EXPECT_EQ(m["language"], lang);
        const std::set<std::string> listed = m["files"].get<std::set<std::string>>();
        EXPECT_EQ(listed, files_of(lang)) << lang;
        EXPECT_EQ(listed.size(), m["files"].size()) << "no file twice";
        EXPECT_EQ(m["bytes"].get<std::uintmax_t>(), bytes_of(lang)) << lang;
        EXPECT_THAT(m["version"].get<std::string>(), ::testing::MatchesRegex("[0-9a-f]{16}"));
    }
    const std::set<std::string> ar = manifest("ar")["files"].get<std::set<std::string>>();
    EXPECT_TRUE(ar.count("index.html") && ar.count("courses/index.html") && ar.count("offers/jobcenter.html"));
    EXPECT_TRUE(ar.count("search/index.json") && ar.count("../assets/style.css") && ar.count("../assets/offline.js"));
    // The search works offline only with the word shards and item chunks its entry loads.
    EXPECT_TRUE(ar.count("search/words-0.json") && ar.count("search/infix-0.json") && ar.count("search/items-0.json"));
    // Not another language's pages, not the feeds or open data, not the list or the worker itself.
    for (const std::string& f : ar) EXPECT_FALSE(f.starts_with("../de/") || f.starts_with("../en/")) << f;
    EXPECT_FALSE(ar.count("offline.json") || ar.count("offline-worker.js"));
}

TEST_F(OfflineSite, TheWorkerCarriesItsLanguagesVersion) {
    for (const std::string lang : {"de", "en", "ar"}) {
        const std::string worker = site.page(lang + "/offline-worker.js");
        EXPECT_THAT(worker, HasSubstr("const VERSION = '" + manifest(lang)["version"].get<std::string>() + "';\n")) << lang;
        EXPECT_THAT(worker, HasSubstr("self.addEventListener('fetch'"));
    }
    EXPECT_NE(manifest("de")["version"], manifest("ar")["version"]);
}

TEST_F(OfflineSite, TheVersionChangesWithALanguagesPagesAndOnlyThen) {
    const json de = manifest("de"), ar = manifest("ar");
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.out_text(), HasSubstr("kept from the last build"));
    EXPECT_EQ(manifest("de"), de) << "an unchanged build keeps the copy";
    EXPECT_EQ(manifest("ar"), ar);
    // Only the Arabic title changes: only the Arabic pages and search index do.
    site.file("content/offers/jobcenter.yaml",
              "title: {de: \"Jobcenter-Sprechstunde\", ar: \"ساعة استشارة مركز العمل\"}\n"
              "summary: {de: \"Fragen zum Bürgergeld.\", ar: \"أسئلة حول إعانة المواطن.\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_EQ(manifest("de")["version"], de["version"]);
    EXPECT_NE(manifest("ar")["version"], ar["version"]);
    EXPECT_EQ(manifest("ar")["bytes"].get<std::uintmax_t>(), bytes_of("ar"));
    // Another build date changes every page ("as of"), so every copy.
    ASSERT_EQ(site.build(day("2026-11-23")), 0) << site.err();
    EXPECT_NE(manifest("de")["version"], de["version"]);
}

TEST_F(OfflineSite, TheHomePageHasTheHiddenSectionInItsLanguageWithTheSize) {
    const std::string de = site.page("de/index.html");
    EXPECT_THAT(de, HasSubstr("<section id=\"offline\" class=\"offline\" aria-labelledby=\"offline-heading\" "
                              "data-offline-manifest=\"offline.json\" data-offline-worker=\"offline-worker.js\" hidden>\n"
                              "<h2 id=\"offline-heading\">Ohne Internet nutzen</h2>\n"));
    const std::string de_size = LocaleFormat("de").data_size(manifest("de")["bytes"].get<std::uint64_t>());
    EXPECT_THAT(de, HasSubstr("<p class=\"offline-size\">Download: etwa " + de_size + "</p>"));
    EXPECT_THAT(de_size, ::testing::MatchesRegex("[0-9]+(,[0-9])? kB"));
    EXPECT_THAT(de, HasSubstr("<p id=\"offline-status\" class=\"offline-status\" role=\"status\" aria-live=\"polite\"></p>"));
    EXPECT_THAT(de, HasSubstr("<p data-offline-text=\"saved\" hidden>Für die Offline-Nutzung gespeichert, Stand: " +
                              LocaleFormat("de").date(day("2026-11-22")) + "</p>"));
    EXPECT_THAT(de, HasSubstr("<button type=\"button\" id=\"offline-save\">Für die Offline-Nutzung speichern</button>"));
    EXPECT_THAT(de, HasSubstr("<button type=\"button\" id=\"offline-remove\" hidden>Offline-Kopie entfernen</button>"));
    EXPECT_THAT(de, HasSubstr("<script src=\"../assets/offline.js\" defer></script>"));

    const std::string ar = site.page("ar/index.html");
    const std::string ar_size = LocaleFormat("ar").data_size(manifest("ar")["bytes"].get<std::uint64_t>());
    EXPECT_THAT(ar, HasSubstr("<p class=\"offline-size\">حجم التنزيل: حوالي " + ar_size + "</p>"));
    // Arabic-Indic digits, like the rest of the site.
    EXPECT_EQ(ar_size.find_first_of("0123456789"), std::string::npos) << ar_size;
    bool arabic_digit = false;
    for (const char* d : {"٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"}) arabic_digit |= ar_size.find(d) != std::string::npos;
    EXPECT_TRUE(arabic_digit) << ar_size;
    EXPECT_THAT(ar, HasSubstr("<button type=\"button\" id=\"offline-save\">حفظ للاستخدام بدون إنترنت</button>"));
    EXPECT_THAT(ar, Not(HasSubstr("@@")));
    // Only the home page offers the copy and loads the script.
    EXPECT_THAT(site.page("ar/courses/index.html"), Not(HasSubstr("offline.js")));
}

TEST_F(OfflineSite, EveryPageCarriesTheHiddenOfflineNoteWithTheBuildDate) {
    EXPECT_THAT(site.page("de/offers/jobcenter.html"),
                HasSubstr("<main id=\"main\" tabindex=\"-1\">\n<p class=\"offline-note\" hidden>Offline-Kopie – Stand: " +
                          LocaleFormat("de").date(day("2026-11-22")) + "</p>\n"));
    const std::string note = "<p class=\"offline-note\" hidden>نسخة بدون إنترنت — آخر تحديث: " +
                             LocaleFormat("ar").date(day("2026-11-22")) + "</p>";
    EXPECT_THAT(site.page("ar/courses/index.html"), HasSubstr(note));
    // The worker shows exactly this note, by its markup.
    EXPECT_THAT(site.page("ar/offline-worker.js"), HasSubstr("const NOTE = '<p class=\"offline-note\" hidden>';"));
}

}  // namespace
}  // namespace lotse::test
