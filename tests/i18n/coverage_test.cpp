// Translation coverage (i18n/coverage): per site language, how many record texts, catalog
// messages and free pages it has of the source language's, and the table and JSON that
// `lotse i18n status` prints.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "i18n/coverage.h"
#include "test_site.h"
#include "translate.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

LocalisedText text(std::map<std::string, std::string> by_language) {
    LocalisedText t;
    t.by_language = std::move(by_language);
    return t;
}

TimeSlot slot_noted(LocalisedText note) {
    TimeSlot slot;
    slot.note = std::move(note);
    return slot;
}

// German source, English and Arabic. Every kind of record with each of its texts; 15 have German.
Content content() {
    Content c;
    c.site.source_language = "de";
    c.site.languages = {{"de", {}}, {"en", {}}, {"ar", {}}};
    c.site.title = text({{"de", "Bildung"}, {"en", "Education"}, {"ar", "التعليم"}});
    c.site.tagline = text({{"de", "Kurse und Beratung"}});
    Provider provider;
    provider.name = text({{"de", "Volkshochschule"}, {"en", "Adult education centre"}});
    provider.description = text({{"de", "Kurse"}, {"ar", "دورات"}});
    c.providers.push_back(provider);
    Offer offer;
    offer.title = text({{"de", "Computerkurs"}, {"en", "Computer course"}, {"ar", "دورة حاسوب"}});
    offer.summary = text({{"de", "Einstieg"}, {"en", "Basics"}});
    offer.fee_note = text({{"de", "Ermäßigung möglich"}});
    c.offers.push_back(offer);
    Course course;
    course.title = text({{"de", "Integrationskurs"}, {"en", "Integration course"}});
    course.schedule = {slot_noted(text({{"de", "in Raum 3"}, {"ar", "في الغرفة ٣"}}))};
    c.courses.push_back(course);
    Contact contact;
    contact.name = text({{"de", "Migrationsberatung"}});
    contact.hours = {slot_noted(text({{"de", "nach Vereinbarung"}, {"en", "by appointment"}}))};
    contact.description = text({{"en", "Without a German text: not counted"}});
    c.contacts.push_back(contact);
    Pathway pathway;
    pathway.title = text({{"de", "Weg ins Studium"}, {"en", "Way to university"}});
    pathway.summary = text({{"de", "Schritte"}, {"en", "Steps"}});
    PathwayStep step;
    step.title = text({{"de", "Anerkennung"}, {"en", "Recognition"}});
    step.text = text({{"de", "Zeugnisse anerkennen lassen"}});
    pathway.steps = {step};
    c.pathways.push_back(pathway);
    // Three German pages; an English page without a German one is not counted.
    for (const auto& [slug, language] : {std::pair{"imprint", "de"}, {"privacy", "de"}, {"about", "de"},
                                         {"imprint", "en"}, {"extra", "en"}}) {
        Page page;
        page.slug = slug;
        page.language = language;
        c.pages.push_back(page);
    }
    return c;
}

// Three German messages; the English catalog lacks one, and Arabic has none.
class TranslationCoverage : public testing::Test {
protected:
    void SetUp() override {
        write(dir.path() / "de.txt", "de {\n  nav.home { \"Start\" }\n  nav.az { \"A–Z\" }\n  skip_link { \"Zum Inhalt\" }\n}\n");
        write(dir.path() / "en.txt", "en {\n  nav.home { \"Home\" }\n  nav.az { \"A–Z\" }\n}\n");
        catalogs = Catalogs::load({dir.path()}, {"de", "en", "ar"}, "de", diags);
        ASSERT_FALSE(diags.has_errors());
    }
    TempDir dir;
    Diagnostics diags;
    Catalogs catalogs;
};

// A row as "language records catalog pages", each as translated/total.
std::string row(const Coverage& c) {
    auto share = [](const Share& s) { return std::to_string(s.translated) + "/" + std::to_string(s.total); };
    return c.language + " " + share(c.records) + " " + share(c.catalog) + " " + share(c.pages);
}

TEST_F(TranslationCoverage, CountsEachLanguagesShareOfTheSourceTextsMessagesAndPages) {
    std::vector<std::string> rows;
    const Content c = content();
    const std::vector<TextUnit> units = text_units(c, Date{});  // the course ends on that day: it is shown
    const std::vector<TextStatus> states = text_states(units, TranslationRecord{}, site_languages(c), "de");
    for (const Coverage& r : translation_status(c, catalogs, states).rows) rows.push_back(row(r));
    EXPECT_THAT(rows, ElementsAre("de 15/15 3/3 3/3", "en 9/15 2/3 1/3", "ar 4/15 0/3 0/3"));
}

TEST(CoverageTable, OneLinePerLanguageWithTheTotalsThenEachKindOfText) {
    const std::vector<Coverage> rows = {
        {"de", {15, 15, 0}, {3, 3, 0}, {3, 3, 0}},
        {"en", {9, 15, 2}, {2, 3, 0}, {1, 3, 1}},
        {"pt-BR-x-long", {}, {}, {}},  // nothing to translate counts as done
    };
    EXPECT_EQ(coverage_table(rows),
              "language  translated        outdated  missing  record texts  catalog messages  free pages\n"
              "de            21/21 100.0 %         0        0  15/15         3/3               3/3\n"
              "en            12/21  57.1 %         3        6  9/15          2/3               1/3\n"
              "pt-BR-x-long        0/0 100.0 %         0        0  0/0           0/0               0/0\n");
}

TEST(StatusList, OutdatedWithTheTranslationsPlaceThenMissing) {
    EXPECT_EQ(status_list({{"en", TextState::outdated, "offer/kita/title", {"content/offers/kita.yaml", 3, 7}},
                           {"en", TextState::missing, "page/imprint", {}}}),
              "outdated  en     offer/kita/title  content/offers/kita.yaml:3:7\n"
              "missing   en     page/imprint\n");
}

TEST(CoverageJson, LanguagesWithTheirTranslatedOutdatedAndMissingCounts) {
    StatusReport report;
    report.rows = {{"en", {9, 15, 2}, {2, 3, 0}, {1, 3, 0}}};
    EXPECT_EQ(status_json(report, false),
              "{\n"
              "  \"languages\": [\n"
              "    {\n"
              "      \"language\": \"en\",\n"
              "      \"translated\": 12,\n"
              "      \"outdated\": 2,\n"
              "      \"missing\": 7,\n"
              "      \"records\": {\n"
              "        \"translated\": 9,\n"
              "        \"outdated\": 2,\n"
              "        \"missing\": 4,\n"
              "        \"total\": 15\n"
              "      },\n"
              "      \"catalog\": {\n"
              "        \"translated\": 2,\n"
              "        \"outdated\": 0,\n"
              "        \"missing\": 1,\n"
              "        \"total\": 3\n"
              "      },\n"
              "      \"pages\": {\n"
              "        \"translated\": 1,\n"
              "        \"outdated\": 0,\n"
              "        \"missing\": 2,\n"
              "        \"total\": 3\n"
              "      }\n"
              "    }\n"
              "  ]\n"
              "}\n");
}

}  // namespace
}  // namespace lotse::test

namespace lotse::test {
namespace {

TEST(I18nStatus, CountsTranslatedTextsMessagesAndPagesPerLanguage) {
    TestSite site;
    site.file("content/offers/a.yaml",
              "title: {de: \"Kurs\", en: \"Course\", ar: \"دورة\"}\nsummary: {de: \"Kurz\", en: \"Short\"}\n"
              "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
    site.file("content/pages/imprint.en.md", "---\ntitle: Imprint\n---\nText\n");
    RunOptions o;
    o.site_dir = site.path();
    o.today = day("2026-11-22");
    std::ostringstream out, err;
    ASSERT_EQ(run_i18n_status(o, {}, out, err), 0) << err.str();
    // Texts: the site title, the provider's name, the offer's title and summary.
    const std::string table = out.str();
    EXPECT_THAT(table, HasSubstr("language  translated        outdated  missing  record texts  catalog messages  free pages\n"));
    EXPECT_THAT(table, testing::MatchesRegex("(.|\n)*\nen +[0-9]+/[0-9]+ +[0-9.]+ % +0 +[0-9]+  4/4 +[0-9]+/[0-9]+ +1/3\n(.|\n)*"));
    EXPECT_THAT(table, testing::MatchesRegex("(.|\n)*\nar +[0-9]+/[0-9]+ +[0-9.]+ % +0 +[0-9]+  2/4 +[0-9]+/[0-9]+ +0/3\n(.|\n)*"));
    std::ostringstream json;
    StatusOptions as_json;
    as_json.json = true;
    ASSERT_EQ(run_i18n_status(o, as_json, json, err), 0);
    EXPECT_THAT(json.str(), HasSubstr("\"records\": {\n        \"translated\": 2,\n        \"outdated\": 0,\n        \"missing\": 2,\n        \"total\": 4\n"));
}

}  // namespace
}  // namespace lotse::test
