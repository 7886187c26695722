// Translations that stay true (i18n/texts, translation_record, currency; `lotse check`,
// `lotse i18n status` and `lotse i18n confirm`): a changed source text makes every translation
// made from the old one outdated, at the translation's position, until it is renewed or confirmed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "i18n/currency.h"
#include "test_site.h"
#include "translate.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

LocalisedText text(std::map<std::string, std::string> by_language) {
    LocalisedText t;
    t.by_language = std::move(by_language);
    return t;
}

std::vector<std::string> ids(const std::vector<TextUnit>& units) {
    std::vector<std::string> out;
    for (const TextUnit& u : units) out.push_back(u.id + (u.syntax == TextSyntax::markdown ? " (md)" : ""));
    return out;
}

TEST(TextUnits, EachLocalisedFieldPageAndCatalogMessageHasAStableId) {
    Content c;
    c.site.source_language = "de";
    c.site.title = text({{"de", "Bildung"}, {"en", "Education"}});
    Course course;
    course.id = "vhs-ik";
    course.title = text({{"de", "Integrationskurs"}});
    TimeSlot slot;
    slot.note = text({{"de", "Raum 3"}});
    course.schedule = {TimeSlot{}, slot};
    c.courses.push_back(course);
    Contact contact;
    contact.id = "mbe";
    contact.name = text({{"de", "Migrationsberatung"}});
    contact.description = text({{"en", "no German: nothing to translate from"}});
    contact.hours = {slot};
    c.contacts.push_back(contact);
    Pathway pathway;
    pathway.id = "ankommen";
    pathway.title = text({{"de", "Ankommen"}});
    PathwayStep step;
    step.title = text({{"de", "Anmelden"}});
    step.text = text({{"de", "Beim Bürgeramt"}});
    pathway.steps = {step, step};
    c.pathways.push_back(pathway);
    for (const char* language : {"de", "en"}) {
        Page page;
        page.slug = "imprint";
        page.language = language;
        c.pages.push_back(page);
    }
    const std::vector<CatalogText> catalog = {{"de", "nav.az", "A–Z", {}}, {"en", "nav.az", "A–Z", {}}, {"en", "only.en", "x", {}}};
    const std::vector<TextUnit> units = text_units(c, day("2026-11-22"), catalog);
    EXPECT_THAT(ids(units),
                ElementsAre("site/title", "course/vhs-ik/title", "course/vhs-ik/schedule/1/note", "contact/mbe/name",
                            "contact/mbe/hours/0/note", "pathway/ankommen/title", "pathway/ankommen/steps/0/title",
                            "pathway/ankommen/steps/0/text (md)", "pathway/ankommen/steps/1/title",
                            "pathway/ankommen/steps/1/text (md)", "page/imprint/title", "page/imprint/body (md)",
                            "catalog/nav.az"));
    EXPECT_EQ(units[0].what, "site, title");
    EXPECT_EQ(units[2].what, "course vhs-ik, schedule/1/note");
    EXPECT_EQ(units[0].translations.at("en").text, "Education");
    EXPECT_THAT(units.back().translations, testing::SizeIs(1));
}

TEST(TextUnits, ARefNamesATextOrEveryTextOfARecordOrPage) {
    EXPECT_TRUE(names("offer/kita", "offer/kita/title"));
    EXPECT_TRUE(names("offer/kita/title", "offer/kita/title"));
    EXPECT_TRUE(names("page/imprint", "page/imprint/body"));
    EXPECT_TRUE(names("offer/kita/", "offer/kita/title"));
    EXPECT_FALSE(names("offer/kit", "offer/kita/title"));
    EXPECT_FALSE(names("offer/kita/title", "offer/kita"));
    EXPECT_FALSE(names("", "offer/kita"));
}

TEST(TranslationRecordFile, OneEntryPerSourceTextWithItsLanguagesSortedAndReadBack) {
    Diagnostics diags;
    TranslationRecord r = TranslationRecord::parse("content/translations.yaml", "", diags);
    r.set("offer/kita/title", "en", "Offene Sprechstunde ohne Termin");
    r.set("offer/kita/title", "ar", "Offene Sprechstunde ohne Termin");
    r.set("offer/kita/title", "tr", "Offene Sprechstunde");
    r.set("offer/kita/description", "en", "Erster Absatz.\n\nZweiter: mit \"Zitat\".\n");
    r.set("catalog/nav.az", "en", "A–Z");
    const std::string text = r.text();
    EXPECT_EQ(text,
              "# Which source text each translation was made from: Lotse uses it to tell which translations\n"
              "# are out of date. Written by `lotse i18n import` and `lotse i18n confirm` (see the README,\n"
              "# \"Translating\"); entries may be deleted by hand, the translations then count as unrecorded.\n"
              "catalog/nav.az:\n"
              "  - source: \"A–Z\"\n"
              "    languages: [en]\n"
              "offer/kita/description:\n"
              "  - source: |\n"
              "      Erster Absatz.\n"
              "\n"
              "      Zweiter: mit \"Zitat\".\n"
              "\n"
              "    languages: [en]\n"
              "offer/kita/title:\n"
              "  - source: \"Offene Sprechstunde\"\n"
              "    languages: [tr]\n"
              "  - source: \"Offene Sprechstunde ohne Termin\"\n"
              "    languages: [ar, en]\n");
    const TranslationRecord back = TranslationRecord::parse("content/translations.yaml", text, diags);
    EXPECT_TRUE(back == r);
    EXPECT_EQ(*back.source_of("offer/kita/description", "en"), "Erster Absatz.\n\nZweiter: mit \"Zitat\".\n");
    EXPECT_EQ(back.source_of("offer/kita/title", "fa"), nullptr);
    EXPECT_THAT(diags.items(), IsEmpty());
}

TEST(TranslationRecordFile, AMangledFileIsAWarningAndItsTranslationsCountAsUnrecorded) {
    Diagnostics diags;
    const TranslationRecord r = TranslationRecord::parse("content/translations.yaml",
                                                         "offer/kita/title:\n"
                                                         "<<<<<<< HEAD\n"
                                                         "  - source: \"A\"\n",
                                                         diags);
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].severity, Severity::warning);
    EXPECT_EQ(format(diags.items()[0]),
              "content/translations.yaml:2:1: warning: this line is left over from merging two versions of the file; "
              "keep the lines you want and delete the lines <<<<<<<, ======= and >>>>>>>; until this is mended, the "
              "translations it names count as unrecorded");
    EXPECT_EQ(r.source_of("offer/kita/title", "en"), nullptr);
}

TEST(TranslationRecordFile, AnEntryOfTheWrongShapeIsNamedAndTheOthersCount) {
    Diagnostics diags;
    const TranslationRecord r = TranslationRecord::parse("content/translations.yaml",
                                                         "offer/a/title:\n"
                                                         "  - source: \"A\"\n"
                                                         "    langauges: [en]\n"
                                                         "offer/b/title: \"B\"\n"
                                                         "offer/c/title:\n"
                                                         "  - source: \"C\"\n"
                                                         "    languages: [en]\n",
                                                         diags);
    std::vector<std::string> lines;
    for (const Diagnostic& d : diags.items()) lines.push_back(format(d));
    EXPECT_THAT(lines, ElementsAre(HasSubstr("content/translations.yaml:3:5: warning: "),
                                   HasSubstr("content/translations.yaml:2:5: warning: "),
                                   "content/translations.yaml:4:16: warning: the entry of offer/b/title is a list of "
                                   "`- source: …` with `languages: […]`; until this is mended, the translations it "
                                   "names count as unrecorded"));
    EXPECT_EQ(*r.source_of("offer/c/title", "en"), "C");
}

TEST(ChangedParts, ShowsWhereTheSourceChangedWithContextAndEllipses) {
    EXPECT_EQ(changed_parts("Offene Sprechstunde für Eltern, ohne Termin", "Offene Sprechstunde für Eltern, nur mit Termin"),
              std::pair(std::string("…stunde für Eltern, ohne Termin"), std::string("…stunde für Eltern, nur mit Termin")));
    EXPECT_EQ(changed_parts("Integrationskurs am Vormittag", "Integrationskurs am Nachmittag"),
              std::pair(std::string("Integrationskurs am Vormittag"), std::string("Integrationskurs am Nachmittag")));
    // Long texts: only the part around the change, never cut inside a character; lines become one.
    const std::string before = "Ä" + std::string(100, 'x') + "\n\nalt" + std::string(100, 'y');
    const std::string after = "Ä" + std::string(100, 'x') + "\n\nneu" + std::string(100, 'y');
    const auto [b, a] = changed_parts(before, after);
    EXPECT_EQ(b, "…" + std::string(19, 'x') + " alt" + std::string(20, 'y') + "…");
    EXPECT_EQ(a, "…" + std::string(19, 'x') + " neu" + std::string(20, 'y') + "…");
}

// The walk: an offer translated into en and ar, recorded, then its German title changed.
class Currency : public testing::Test {
protected:
    void SetUp() override {
        site.file("content/offers/kita.yaml", offer("Offene Sprechstunde ohne Termin"));
        options.site_dir = site.path();
        options.today = day("2026-11-22");
    }
    static std::string offer(const std::string& german_title) {
        return "title:\n"
               "  de: \"" + german_title + "\"\n"
               "  en: \"Open consultation without an appointment\"\n"
               "  ar: \"استشارة مفتوحة بدون موعد\"\n"
               "summary: {de: \"Für Eltern\", en: \"For parents\"}\n"
               "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n";
    }
    int confirm(const std::string& language, std::vector<std::string> refs = {}) {
        std::ostringstream out, err;
        const int rc = run_i18n_confirm(options, language, refs, out, err);
        said = out.str() + err.str();
        return rc;
    }
    std::string status(StatusOptions s) {
        std::ostringstream out, err;
        EXPECT_EQ(run_i18n_status(options, s, out, err), 0) << err.str();
        return out.str();
    }
    TestSite site;
    RunOptions options;
    std::string said;
};

TEST_F(Currency, AnUntrackedSiteGetsOneNoteAndNoWarning) {
    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(), IsEmpty());
    EXPECT_THAT(site.err(), HasSubstr("content/translations.yaml: note: translations are not tracked yet: 6 translations "
                                      "have no record of the source text they were made from, so Lotse cannot tell when "
                                      "one goes out of date. Once they are right, record them with lotse i18n confirm "
                                      "--lang L, for each language L (README, \"Translating\")\n"));
    EXPECT_THAT(site.err(), HasSubstr("0 errors, 0 warnings\n"));
}

TEST_F(Currency, AChangedSourceTextMakesEachTranslationOutdatedAtItsPosition) {
    ASSERT_EQ(confirm("en"), 0) << said;
    EXPECT_EQ(said, "recorded as made from the present source text: 4 en translations: site/title, provider/vhs/name, "
                    "offer/kita/title, offer/kita/summary\n");
    ASSERT_EQ(confirm("ar"), 0) << said;
    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(), IsEmpty());
    EXPECT_THAT(site.err(), testing::Not(HasSubstr("translations.yaml: note:")));

    site.file("content/offers/kita.yaml", offer("Offene Sprechstunde nur mit Termin"));
    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/kita.yaml:3:7: warning: the en translation of offer kita, title is out of "
                            "date: the de text changed from \"Offene Sprechstunde ohne Termin\" to \"Offene Sprechstunde "
                            "nur mit Termin\" since it was translated. Translate it again (lotse i18n export --lang en), "
                            "or if its meaning did not change: lotse i18n confirm --lang en offer/kita/title",
                            "content/offers/kita.yaml:4:7: warning: the ar translation of offer kita, title is out of "
                            "date: the de text changed from \"Offene Sprechstunde ohne Termin\" to \"Offene Sprechstunde "
                            "nur mit Termin\" since it was translated. Translate it again (lotse i18n export --lang ar), "
                            "or if its meaning did not change: lotse i18n confirm --lang ar offer/kita/title"));

    StatusOptions list;
    list.list = true;
    const std::string table = status(list);
    EXPECT_THAT(table, HasSubstr("\nen          219/223  98.2 %         1        3  3/4           216/216           0/3\n"));
    EXPECT_THAT(table, HasSubstr("\noutdated  en     offer/kita/title  " + (site.path() / "content/offers/kita.yaml").string() +
                                 ":3:7\n"));
    EXPECT_THAT(table, HasSubstr("\noutdated  ar     offer/kita/title  "));
    EXPECT_THAT(table, HasSubstr("\nmissing   ar     provider/vhs/name\nmissing   ar     offer/kita/summary\n"));

    // A typo-level change confirmed for English only: Arabic stays outdated.
    ASSERT_EQ(confirm("en", {"offer/kita/title"}), 0) << said;
    EXPECT_EQ(said, "confirmed as current after a change of their source text: 1 en translation: offer/kita/title\n");
    ASSERT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(), ElementsAre(HasSubstr("kita.yaml:4:7: warning: the ar translation of offer kita, title")));
    EXPECT_THAT(read(site.path() / "content/translations.yaml"),
                HasSubstr("offer/kita/title:\n"
                          "  - source: \"Offene Sprechstunde nur mit Termin\"\n"
                          "    languages: [en]\n"
                          "  - source: \"Offene Sprechstunde ohne Termin\"\n"
                          "    languages: [ar]\n"));
}

TEST_F(Currency, StatusAsJsonWithTheListAndForOneLanguage) {
    ASSERT_EQ(confirm("en"), 0) << said;
    site.file("content/offers/kita.yaml", offer("Offene Sprechstunde nur mit Termin"));
    StatusOptions s;
    s.json = s.list = true;
    s.language = "en";
    const std::string json = status(s);
    EXPECT_THAT(json, HasSubstr("\"records\": {\n        \"translated\": 3,\n        \"outdated\": 1,\n        \"missing\": 0,\n        \"total\": 4\n"));
    EXPECT_THAT(json, HasSubstr("\"texts\": [\n    {\n      \"id\": \"offer/kita/title\",\n      \"language\": \"en\",\n"
                                "      \"state\": \"outdated\",\n"));
    EXPECT_THAT(json, testing::Not(HasSubstr("\"ar\"")));
}

TEST_F(Currency, ConfirmRefusesAnUnknownTextOrLanguageAndWritesNothing) {
    EXPECT_EQ(confirm("en", {"offer/kita/titel"}), 2);
    EXPECT_EQ(said, "error: offer/kita/titel: no text of this site has that name; a name is like offer/kita-sprechstunde, "
                    "offer/kita-sprechstunde/title, page/imprint or catalog/nav.courses (lotse i18n status --list shows them)\n");
    EXPECT_EQ(confirm("fr"), 2);
    EXPECT_EQ(said, "error: --lang fr: the site's languages are de, en, ar (content/site.yaml)\n");
    EXPECT_EQ(confirm("de"), 2);
    EXPECT_EQ(said, "error: --lang de is the source language; its texts are not translations\n");
    EXPECT_FALSE(std::filesystem::exists(site.path() / "content/translations.yaml"));
}

TEST_F(Currency, CommandLineTakesTheSiteFolderOrARefFirst) {
    std::string output;
    EXPECT_EQ(run("i18n confirm " + site.path().string() + " --lang en offer/kita", &output), 0) << output;
    EXPECT_EQ(output, "recorded as made from the present source text: 2 en translations: offer/kita/title, offer/kita/summary\n");
    EXPECT_EQ(run("i18n status " + site.path().string() + " --lang en --list --date 2026-11-22", &output), 0) << output;
    EXPECT_THAT(output, HasSubstr("\nen   "));
}

}  // namespace
}  // namespace lotse::test
