// Every text carries the language it is really in, and untranslated texts are said so calmly: in
// de, en, ar, fa and ti (a language without any catalog, whose interface is German).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

class TextLanguage : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung\", en: \"Education\", ar: \"التعليم\", fa: \"آموزش\", ti: \"ትምህርቲ\"}\n"
                  "source_language: de\nlanguages: [de, en, ar, fa, ti]\n");
        // A provider's name in German only: a name, never "untranslated".
        site.file("content/providers/hafen.yaml",
                  "name: \"Volkshochschule Hafenstadt\"\n"
                  "location: {street: \"Kai 1\", postcode: \"00100\", city: \"Teststadt\", district: \"Hafen\"}\n"
                  "checked: 2026-11-01\n");
        site.file("content/providers/bib.yaml", "name: \"Stadtbibliothek Hafenstadt\"\nchecked: 2026-11-01\n");
        site.file("content/offers/cafe.yaml",
                  "title: {de: \"Lesecafé\", en: \"Reading café\", ti: \"ናይ ንባብ ካፈ\"}\n"
                  "summary: {de: \"Gemeinsam lesen\"}\n"
                  "description: {de: \"Wir lesen **gemeinsam**.\"}\n"
                  "provider: hafen\nlife_phases: [school]\ntopics: [school]\n"
                  "dates: {from: 2026-12-01}\nchecked: 2026-11-02\n");
        site.file("content/offers/ganz.yaml",
                  "title: {de: \"Schach\", en: \"Chess\", ar: \"شطرنج\", fa: \"شطرنج\", ti: \"ቸስ\"}\n"
                  "summary: {de: \"Spielen\", en: \"Play\", ar: \"لعب\", fa: \"بازی\", ti: \"ጸወታ\"}\n"
                  "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
        site.file("content/courses/ik.yaml",
                  "type: integration\nprovider: hafen\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
                  "checked: 2026-11-10\n");
        site.file("content/pathways/weg.yaml",
                  "title: {de: \"Weg in die Schule\", en: \"Way into school\"}\nlife_phases: [school]\ntopics: [school]\n"
                  "steps:\n  - title: {de: \"Anmelden\"}\n    text: {de: \"Beim Schulamt anmelden.\"}\n"
                  "    links: [offer/cafe]\n  - title: {de: \"Lernen\", en: \"Learn\"}\n"
                  "checked: 2026-09-01\n");
        site.file("content/pages/about.de.md", "---\ntitle: Über uns\nmenu: main\n---\nWir.\n");
        site.file("content/pages/about.en.md", "---\ntitle: About us\nmenu: main\n---\nUs.\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(TextLanguage, WithoutACatalogTheInterfaceIsMarkedAsTheSourceLanguage) {
    const std::string page = site.page("ti/offers/cafe.html");
    // The page is the Tigrinya one; its interface is German and says so once, on <body>.
    EXPECT_THAT(page, HasSubstr("<html lang=\"ti\" dir=\"ltr\">"));
    EXPECT_THAT(page, HasSubstr("<body lang=\"de\" dir=\"ltr\">"));
    EXPECT_THAT(page, HasSubstr("<dt>Anbieter</dt>")) << "German labels need no mark of their own";
    // The Tigrinya title says it is Tigrinya; the German summary inherits German.
    EXPECT_THAT(page, HasSubstr("<h1><span lang=\"ti\" dir=\"ltr\">ናይ ንባብ ካፈ</span></h1>"));
    EXPECT_THAT(page, HasSubstr("<p class=\"lead\">Gemeinsam lesen</p>"));
    // Dates inside German labels are German: "ab 1. Dez. 2026", not Tigrinya month names.
    EXPECT_THAT(page, HasSubstr("Dez. 2026"));
    // The note is German all through ("Deutsch", not "ጀርመን"), once.
    EXPECT_THAT(page, HasSubstr("<p class=\"fallback-note\">Einige Texte auf dieser Seite sind noch nicht übersetzt und "
                                "werden auf Deutsch gezeigt.</p>"));
    EXPECT_THAT(page, Not(HasSubstr("ጀርመን")));
    EXPECT_EQ(count(page, "fallback-note"), 1u);
    // The language menu names each language in itself, marked as such.
    EXPECT_THAT(page, HasSubstr("lang=\"ti\" dir=\"ltr\" hreflang=\"ti\" aria-current=\"page\">ትግርኛ</a>"));
}

TEST_F(TextLanguage, WithoutACatalogDatesAndNumbersFollowTheInterface) {
    const std::string course = site.page("ti/courses/ik.html");
    EXPECT_THAT(course, HasSubstr("<dd>11. Jan.\u2009–\u200916. Juli 2027</dd>"));
    const std::string fa = site.page("fa/courses/ik.html");
    EXPECT_THAT(fa, HasSubstr("<dd>۱۱ ژانویه تا ۱۶ ژوئیه ۲۰۲۷</dd>"));
    EXPECT_THAT(fa, Not(HasSubstr("<body lang=")));
}

TEST_F(TextLanguage, OneNotePerPageAndNoneAfterFragments) {
    for (const char* lang : {"en", "ar", "fa", "ti"}) {
        const std::string page = site.page(std::string(lang) + "/pathways/weg.html");
        // The first step's title and text are German: once said for the whole page, not after each.
        EXPECT_EQ(count(page, "class=\"fallback-note\""), 1u) << lang;
        EXPECT_THAT(page, Not(HasSubstr("<small class=\"fallback-note\""))) << lang;
    }
    const std::string en = site.page("en/pathways/weg.html");
    EXPECT_THAT(en, HasSubstr("<h2><span lang=\"de\" dir=\"ltr\">Anmelden</span></h2>"));
    EXPECT_THAT(en, HasSubstr("<div class=\"prose\" lang=\"de\" dir=\"ltr\">"));
    EXPECT_THAT(en, HasSubstr("<h2>Learn</h2>"));
    EXPECT_THAT(en, HasSubstr("<p class=\"fallback-note\">Some texts on this page are not translated yet and are shown "
                              "in German.</p>"));
    const std::string fa = site.page("fa/pathways/weg.html");
    EXPECT_THAT(fa, HasSubstr("<p class=\"fallback-note\">برخی از متن‌های این صفحه هنوز ترجمه نشده‌اند و به زبان آلمانی"));
    EXPECT_THAT(site.page("de/pathways/weg.html"), Not(HasSubstr("fallback-note")));
}

TEST_F(TextLanguage, NamesAreMarkedWithTheirLanguageButNeverUntranslated) {
    // The provider's page shows only its German name: no note, but English pages mark it German.
    const std::string en = site.page("en/providers/bib.html");
    EXPECT_THAT(en, HasSubstr("<h1><span lang=\"de\" dir=\"ltr\">Stadtbibliothek Hafenstadt</span></h1>"));
    EXPECT_THAT(en, Not(HasSubstr("fallback-note")));
    // Where it runs an offer with a German summary, that summary is what the note is about.
    EXPECT_EQ(count(site.page("en/providers/hafen.html"), "class=\"fallback-note\""), 1u);
    // On a card, the name and the district are marked too.
    const std::string ar = site.page("ar/courses/ik.html");
    EXPECT_THAT(ar, HasSubstr("<a href=\"../providers/hafen.html\"><span lang=\"de\" dir=\"ltr\">Volkshochschule "
                              "Hafenstadt</span></a>"));
    EXPECT_THAT(ar, Not(HasSubstr("fallback-note")));
    const std::string list = site.page("en/life-phases/school.html");
    EXPECT_THAT(list, HasSubstr("<li><bdi lang=\"de\" dir=\"ltr\">Volkshochschule Hafenstadt</bdi></li>"));
    // On a Tigrinya page the German name is in the interface's language: nothing to mark.
    EXPECT_THAT(site.page("ti/providers/bib.html"), HasSubstr("<h1>Stadtbibliothek Hafenstadt</h1>"));
}

TEST_F(TextLanguage, AFullyTranslatedPageHasNoNote) {
    for (const char* lang : {"de", "en", "ar", "fa"})
        EXPECT_THAT(site.page(std::string(lang) + "/offers/ganz.html"), Not(HasSubstr("fallback-note"))) << lang;
    // On the Tigrinya page the interface is German, but that is said by <body>, not by a note.
    const std::string ti = site.page("ti/offers/ganz.html");
    EXPECT_THAT(ti, Not(HasSubstr("fallback-note")));
    EXPECT_THAT(ti, HasSubstr("<p class=\"lead\"><span lang=\"ti\" dir=\"ltr\">ጸወታ</span></p>"));
}

TEST_F(TextLanguage, ListsSayOnceThatSomeTitlesAreUntranslated) {
    const std::string ar = site.page("ar/life-phases/school.html");
    EXPECT_EQ(count(ar, "class=\"fallback-note\""), 1u);
    EXPECT_THAT(ar, HasSubstr("<span lang=\"de\" dir=\"ltr\">Lesecafé</span>"));
}

TEST_F(TextLanguage, FreePagesInMenusCarryTheirLanguage) {
    const std::string ar = site.page("ar/index.html");
    EXPECT_THAT(ar, HasSubstr("lang=\"de\" dir=\"ltr\">Über uns</a>"));
    EXPECT_THAT(ar, HasSubstr("lang=\"de\" dir=\"ltr\">Seite imprint</a>"));
    EXPECT_THAT(site.page("en/index.html"), HasSubstr(">About us</a>"));
    const std::string about = site.page("ar/about/index.html");
    EXPECT_THAT(about, HasSubstr("<h1 lang=\"de\" dir=\"ltr\">Über uns</h1>"));
    EXPECT_EQ(count(about, "class=\"fallback-note\""), 1u);
    // On the Tigrinya page the German title needs no mark of its own.
    EXPECT_THAT(site.page("ti/about/index.html"), HasSubstr("<h1>Über uns</h1>"));
}

TEST_F(TextLanguage, ChooserAndNotFoundPageSayWhichLanguageTheirWordsAreIn) {
    const std::string chooser = site.page("index.html");
    EXPECT_THAT(chooser, HasSubstr("<li lang=\"ti\" dir=\"ltr\"><a href=\"ti/index.html\" hreflang=\"ti\"><strong>ትግርኛ</strong> "
                                   "<span lang=\"de\" dir=\"ltr\">Weiter auf Deutsch</span>"));
    EXPECT_THAT(chooser, HasSubstr("<strong>English</strong> <span>"));
    const std::string not_found = site.page("404.html");
    EXPECT_THAT(not_found, Not(HasSubstr("<section lang=\"ti\"")));
    EXPECT_EQ(count(not_found, "<section lang=\"de\" dir=\"ltr\">"), 2u) << "German's and Tigrinya's, both German";
}

TEST(TextLanguageCatalog, AMessageBorrowedFromTheSourceLanguageSaysSo) {
    TestSite site;
    std::string en = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    for (const char* key : {"    \"nav.az\"", "    \"field.provider\"", "    \"courses.shown\""}) {
        const auto at = en.find(key);
        ASSERT_NE(at, std::string::npos) << key;
        en.erase(at, en.find('\n', at) - at + 1);
    }
    site.file("i18n/en.txt", en);
    site.file("content/offers/o.yaml", "title: {de: \"Kurs\", en: \"Course\"}\nsummary: {de: \"K\", en: \"C\"}\n"
                                       "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
    site.file("content/courses/ik.yaml", "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\n"
                                         "start: 2027-01-11\nend: 2027-07-16\nchecked: 2026-11-10\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string offer = site.page("en/offers/o.html");
    EXPECT_THAT(offer, HasSubstr("lang=\"de\" dir=\"ltr\">A–Z</a>"));
    EXPECT_THAT(offer, HasSubstr("<dt lang=\"de\" dir=\"ltr\">Anbieter</dt>"));
    EXPECT_THAT(offer, HasSubstr(">Home</a>"));
    EXPECT_THAT(offer, Not(HasSubstr("<body lang=")));
    // The filter status in German: marked, so the script counts in German's grammar.
    EXPECT_THAT(site.page("en/courses/index.html"), HasSubstr("role=\"status\" lang=\"de\" dir=\"ltr\""));
}

TEST(TextLanguageCheck, CheckSaysWhatKeepsALanguageFromBeingComplete) {
    TestSite site;
    site.file("content/site.yaml", "title: Teststadt\nsource_language: de\nlanguages: [de, en, ar, ti]\n");
    site.file("content/pages/imprint.en.md", "---\ntitle: Imprint\n---\nText.\n");
    std::string en = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    const auto at = en.find("    \"nav.az\"");
    en.erase(at, en.find('\n', at) - at + 1);
    site.file("i18n/en.txt", en);
    EXPECT_EQ(site.check(), 0) << site.err();
    // The notes name files as diagnostics do; the temporary folder is cut off.
    std::string out = site.err();
    const std::string folder = (site.path() / "").lexically_normal().generic_string();
    for (std::size_t at; (at = out.find(folder)) != std::string::npos;) out.erase(at, folder.size());
    EXPECT_THAT(out, HasSubstr("content/site.yaml:3:17: note: \"en\" is not complete: the free pages \"accessibility\", "
                               "\"privacy\" have no \"en\" version (content/pages/<name>.en.md); 1 catalog message is shown "
                               "in \"de\" (not in i18n/en.txt): nav.az\n"));
    EXPECT_THAT(out, HasSubstr("content/site.yaml:3:21: note: \"ar\" is not complete: the free pages \"accessibility\", "
                               "\"imprint\", \"privacy\" have no \"ar\" version (content/pages/<name>.ar.md)\n"));
    EXPECT_THAT(out, HasSubstr("content/site.yaml:3:25: note: \"ti\" is not complete: it has no catalog (i18n/ti.txt), "
                               "so every interface text is in \"de\"; the free pages"));
    EXPECT_THAT(out, Not(HasSubstr("\"de\" is not complete")));
    EXPECT_THAT(site.err(), HasSubstr("0 errors, 2 warnings"));
}

}  // namespace
}  // namespace lotse::test
