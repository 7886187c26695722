// Pages as readers of each language see them: calendar, digits, plural forms, scripts, A–Z.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class LocaleSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung\", en: \"Education\", ar: \"التعليم\", fa: \"آموزش\", uk: \"Освіта\"}\n"
                  "source_language: de\nlanguages: [de, en, ar, fa, uk, ti]\n");
        auto offer = [&](const std::string& id, const std::string& title) {
            site.file("content/offers/" + id + ".yaml",
                      "title: " + title + "\nsummary: {de: \"Kurz\", en: \"Short\"}\nprovider: vhs\n"
                      "life_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
        };
        offer("oel", "{de: \"Ölmalerei\", en: \"Oil painting\", ar: \"الرسم بالزيت\", uk: \"Олійний живопис\"}");
        offer("apfel", "{de: \"Apfelernte\", en: \"Apple harvest\", ar: \"قطف التفاح\", uk: \"Збір яблук\"}");
        offer("zug", "{de: \"Zugfahrt\", en: \"Train ride\", ar: \"رحلة بالقطار\", uk: \"Подорож потягом\"}");
        offer("ueben", "{de: \"Üben für die Prüfung\", en: \"Exam practice\"}");
        site.file("content/courses/ik.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
                  "lessons: 3\nchecked: 2026-11-10\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(LocaleSite, PersianPageShowsGregorianDatesInPersianDigits) {
    const std::string page = site.page("fa/courses/ik.html");
    EXPECT_THAT(page, HasSubstr("<dd>۱۱ ژانویه تا ۱۶ ژوئیه ۲۰۲۷</dd>"));
    EXPECT_THAT(page, Not(HasSubstr("۱۴۰۵")));  // the Persian calendar's year
    EXPECT_THAT(page, HasSubstr("<html lang=\"fa\" dir=\"rtl\">"));
}

TEST_F(LocaleSite, ArabicPageUsesThePluralFormOfItsNumber) {
    // 3 is "few" in Arabic: ٣ وحدات دراسية, not the form for 1, 2 or 11.
    EXPECT_THAT(site.page("ar/courses/ik.html"), HasSubstr("<dd>٣ وحدات دراسية</dd>"));
}

TEST_F(LocaleSite, AlphabeticIndexUsesTheLettersOfThePageLanguage) {
    const std::string de = site.page("de/a-z/index.html");
    // Umlauts are filed under their base letter in German: Ö with O, Ü with U.
    EXPECT_THAT(de, HasSubstr("<h2 id=\"letter-"));
    const auto o = de.find(">O</h2>");
    const auto u = de.find(">U</h2>");
    ASSERT_NE(o, std::string::npos);
    ASSERT_NE(u, std::string::npos);
    EXPECT_LT(o, de.find("Ölmalerei"));
    EXPECT_LT(u, de.find("Üben für die Prüfung"));
    EXPECT_THAT(de, Not(HasSubstr(">Ö</h2>")));
    const std::string ar = site.page("ar/a-z/index.html");
    EXPECT_THAT(ar, HasSubstr(">ر</h2>"));  // رحلة بالقطار
    EXPECT_THAT(ar, HasSubstr(">ق</h2>"));  // قطف التفاح
    EXPECT_LT(ar.find(">ر</h2>"), ar.find(">ق</h2>"));
    // The untranslated German title still gets a Latin letter on the Arabic page.
    EXPECT_THAT(ar, HasSubstr(">U</h2>"));
    const std::string uk = site.page("uk/a-z/index.html");
    EXPECT_THAT(uk, HasSubstr(">З</h2>"));
    EXPECT_THAT(uk, HasSubstr(">О</h2>"));
    EXPECT_LT(uk.find(">З</h2>"), uk.find(">О</h2>"));
}

TEST_F(LocaleSite, AlphabeticIndexGivesEachRecordOneEntryWithWhatTellsItApart) {
    // A line per record, not a card: the title as a link, its kind, and for a course its dates
    // and provider, in the page's language and digits.
    const std::string de = site.page("de/a-z/index.html");
    EXPECT_THAT(de, HasSubstr("<li><a href=\"../offers/oel.html\">Ölmalerei</a> <span class=\"az-about\">Angebot · "
                              "<bdi>Volkshochschule Teststadt</bdi></span></li>\n"));
    EXPECT_THAT(de, HasSubstr("<li><a href=\"../courses/ik.html\">Integrationskurs A1–B1</a> <span class=\"az-about\">"
                              "Deutschkurs · <bdi>11. Jan.\u2009–\u200916. Juli 2027</bdi> · "
                              "<bdi>Volkshochschule Teststadt</bdi></span></li>\n"));
    EXPECT_THAT(de, Not(HasSubstr("card-summary"))) << "no summaries in the index";
    const std::string fa = site.page("fa/a-z/index.html");
    EXPECT_THAT(fa, HasSubstr("<bdi>۱۱ ژانویه تا ۱۶ ژوئیه ۲۰۲۷</bdi>"));
    // A title shown in German on the Arabic index says so, in German's language and direction.
    const std::string ar = site.page("ar/a-z/index.html");
    EXPECT_THAT(ar, HasSubstr("<a href=\"../offers/ueben.html\"><span lang=\"de\" dir=\"ltr\">Üben für die Prüfung</span></a>"));
    EXPECT_THAT(ar, HasSubstr("<p class=\"fallback-note\">"));
}

TEST_F(LocaleSite, LanguageWithoutCatalogStillBuildsInTheSourceLanguage) {
    EXPECT_THAT(site.err(), HasSubstr("there is no catalog for \"ti\""));
    const std::string page = site.page("ti/index.html");
    EXPECT_THAT(page, HasSubstr("<html lang=\"ti\" dir=\"ltr\">"));
    EXPECT_THAT(page, HasSubstr(">Zum Inhalt springen</a>"));
    EXPECT_THAT(page, HasSubstr(">ትግርኛ</a>"));  // the language menu names Tigrinya in itself
}

TEST_F(LocaleSite, LanguageMenuNamesEveryLanguageInItself) {
    const std::string page = site.page("uk/index.html");
    for (const char* name : {">Deutsch</a>", ">English</a>", ">العربية</a>", ">فارسی</a>", ">Українська</a>"})
        EXPECT_THAT(page, HasSubstr(name));
}

}  // namespace
}  // namespace lotse::test
