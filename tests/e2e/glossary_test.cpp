// The glossary of official terms (content/glossary/) as a newcomer meets it: its page per
// language, the first mention of a term in a record's text linked there, and the German title
// kept visible beside translated ones on record pages, cards and in the A–Z.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

class Glossary : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/glossary/jobcenter.yaml",
                  "term: {de: \"das Jobcenter\", plural: \"die Jobcenter\"}\n"
                  "name: {ar: \"مركز العمل\"}\n"
                  "explanation:\n"
                  "  de: \"Das Amt für Bürgergeld.\"\n"
                  "  en: \"The office for citizen's benefit.\"\n"
                  "see: [contact/beratung]\n"
                  "checked: 2026-11-01\n");
        site.file("content/glossary/aufenthaltstitel.yaml",
                  "term: {de: \"der Aufenthaltstitel\", plural: \"die Aufenthaltstitel\"}\n"
                  "explanation: {de: \"Eine Erlaubnis, in Deutschland zu leben.\"}\n"
                  "checked: 2026-11-01\n");
        site.file("content/contacts/beratung.yaml",
                  "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\n"
                  "organisation: vhs\n"
                  "topics: [work]\n"
                  "life_phases: [work-and-career]\n"
                  "checked: 2026-10-20\n");
        site.file("content/offers/jobcafe.yaml",
                  "title: {de: \"Jobcafé im Jobcenter\", en: \"Career café\"}\n"
                  "summary: {de: \"Hilfe bei der Arbeitssuche\", en: \"Help finding work\"}\n"
                  "description:\n"
                  "  de: \"Im Jobcenter gibt es Hilfe. Das Jobcenter hat auch einen [Aufenthaltstitel-Service](ref:contact/beratung).\"\n"
                  "  en: \"Ask at the JOBCENTER. The Jobcenter helps too.\"\n"
                  "  ar: \"اسأل في مركز العمل.\"\n"
                  "provider: vhs\n"
                  "life_phases: [work-and-career]\n"
                  "topics: [work]\n"
                  "checked: 2026-11-02\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }

    TestSite site;
};

TEST_F(Glossary, EachLanguageHasAGlossaryPageInTheOrderOfTheGermanWords) {
    const std::string de = site.page("de/glossary/index.html");
    EXPECT_THAT(de, HasSubstr("<h1>Wörter vom Amt</h1>"));
    EXPECT_THAT(de, HasSubstr("<dt id=\"jobcenter\"><dfn lang=\"de\" dir=\"ltr\">Jobcenter</dfn></dt>\n<dd>\n"
                              "<p class=\"term-forms\"><bdi lang=\"de\" dir=\"ltr\">das Jobcenter</bdi> · <span>Mehrzahl:</span> "
                              "<bdi lang=\"de\" dir=\"ltr\">die Jobcenter</bdi></p>\n"
                              "<div class=\"prose\"><p>Das Amt für Bürgergeld.</p>\n</div>\n"
                              "<p class=\"term-see\">Dazu auf dieser Website:</p>\n"
                              "<ul class=\"term-see\"><li><a href=\"../contacts/beratung.html\">Migrationsberatung</a></li></ul>\n</dd>"));
    // "Aufenthaltstitel" before "Jobcenter": the articles (der, das) do not count.
    EXPECT_LT(de.find("id=\"aufenthaltstitel\""), de.find("id=\"jobcenter\""));
}

TEST_F(Glossary, AnUntranslatedExplanationIsShownInGermanAndSaysSo) {
    const std::string ar = site.page("ar/glossary/index.html");
    EXPECT_THAT(ar, HasSubstr("<dt id=\"jobcenter\"><dfn lang=\"de\" dir=\"ltr\">Jobcenter</dfn> "
                              "<bdi class=\"term-name\">مركز العمل</bdi></dt>"));
    EXPECT_THAT(ar, HasSubstr("<div class=\"prose\" lang=\"de\" dir=\"ltr\"><p>Das Amt für Bürgergeld.</p>"));
    EXPECT_THAT(ar, HasSubstr("class=\"fallback-note\""));
    const std::string en = site.page("en/glossary/index.html");
    EXPECT_THAT(en, HasSubstr("<div class=\"prose\"><p>The office for citizen's benefit.</p>"));
    EXPECT_THAT(en, HasSubstr("<li><a href=\"../contacts/beratung.html\">Migration counselling</a></li>"));
}

TEST_F(Glossary, TheFirstMentionInARecordsTextLinksToItsExplanation) {
    const std::string de = site.page("de/offers/jobcafe.html");
    EXPECT_THAT(de, HasSubstr("<p>Im <a class=\"term\" href=\"../glossary/index.html#jobcenter\">Jobcenter</a> gibt es "
                              "Hilfe. Das Jobcenter hat auch einen <a href=\"../contacts/beratung.html\">"
                              "Aufenthaltstitel-Service</a>.</p>"));
    // In a text of another language the German word is marked German; the case is the text's.
    const std::string en = site.page("en/offers/jobcafe.html");
    EXPECT_THAT(en, HasSubstr("<p>Ask at the <a class=\"term\" href=\"../glossary/index.html#jobcenter\" lang=\"de\" "
                              "dir=\"ltr\">JOBCENTER</a>. The Jobcenter helps too.</p>"));
    // The translated name counts as a mention, and is in the text's own language.
    const std::string ar = site.page("ar/offers/jobcafe.html");
    EXPECT_THAT(ar, HasSubstr("<p>اسأل في <a class=\"term\" href=\"../glossary/index.html#jobcenter\">مركز العمل</a>.</p>"));
}

TEST_F(Glossary, RecordPagesInOtherLanguagesKeepTheGermanTitle) {
    EXPECT_THAT(site.page("en/offers/jobcafe.html"),
                HasSubstr("<h1>Career café</h1><p class=\"title-de\" lang=\"de\" dir=\"ltr\">Jobcafé im Jobcenter</p>"));
    EXPECT_THAT(site.page("en/contacts/beratung.html"),
                HasSubstr("<h1>Migration counselling</h1><p class=\"title-de\" lang=\"de\" dir=\"ltr\">Migrationsberatung</p>"));
    EXPECT_THAT(site.page("de/offers/jobcafe.html"), Not(HasSubstr("title-de")));
    // A title shown in German already (the provider has no Arabic name) is not repeated.
    EXPECT_THAT(site.page("ar/providers/vhs.html"), Not(HasSubstr("<p class=\"title-de\"")));
    EXPECT_THAT(site.page("en/providers/vhs.html"),
                HasSubstr("<h1>Adult education centre Teststadt</h1><p class=\"title-de\" lang=\"de\" dir=\"ltr\">"
                          "Volkshochschule Teststadt</p>"));
}

TEST_F(Glossary, CardsOfOfficialNamesShowTheGermanName) {
    const std::string en = site.page("en/topics/work.html");
    // Its German title names a term.
    EXPECT_THAT(en, HasSubstr("<a href=\"../offers/jobcafe.html\">Career café</a> "
                              "<span class=\"title-de\" lang=\"de\" dir=\"ltr\">Jobcafé im Jobcenter</span></h3>"));
    // A term's "see" lists it.
    EXPECT_THAT(en, HasSubstr("<a href=\"../contacts/beratung.html\">Migration counselling</a> "
                              "<span class=\"title-de\" lang=\"de\" dir=\"ltr\">Migrationsberatung</span></h3>"));
    EXPECT_THAT(site.page("de/topics/work.html"), Not(HasSubstr("class=\"title-de\"")));
}

TEST_F(Glossary, TheAzListsOfficialNamesUnderTheirGermanLetterToo) {
    const std::string en = site.page("en/a-z/index.html");
    // Under C (Career café) and under J (Jobcafé im Jobcenter).
    EXPECT_EQ(count(en, "<li><a href=\"../offers/jobcafe.html\">Career café</a> <span class=\"title-de\" lang=\"de\" "
                        "dir=\"ltr\">Jobcafé im Jobcenter</span>"),
              2u);
    EXPECT_THAT(en, HasSubstr("<p class=\"az-glossary\"><a href=\"../glossary/index.html\">Official terms</a></p>"));
    // The terms themselves, linked to their explanation: the German word, marked German elsewhere.
    EXPECT_THAT(site.page("de/a-z/index.html"),
                HasSubstr("<li><a href=\"../glossary/index.html#jobcenter\">Jobcenter</a> <span class=\"az-about\">Wort vom "
                          "Amt · <bdi>das Jobcenter</bdi></span></li>"));
    EXPECT_THAT(en, HasSubstr("<li><a href=\"../glossary/index.html#jobcenter\"><span lang=\"de\" dir=\"ltr\">Jobcenter</span></a>"));
}

TEST_F(Glossary, TheNavigationLinksTheGlossary) {
    EXPECT_THAT(site.page("en/index.html"), HasSubstr("<a href=\"glossary/index.html\">Official terms</a>"));
    EXPECT_THAT(site.page("en/offers/jobcafe.html"), HasSubstr("<li><a href=\"../glossary/index.html\">Official terms</a>"));
    EXPECT_THAT(site.page("en/glossary/index.html"),
                HasSubstr("<li><a href=\"../glossary/index.html\" aria-current=\"page\">Official terms</a>"));
}

TEST(GlossaryAbsent, NoPageAndNoLinkWithoutTerms) {
    TestSite site;
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_FALSE(std::filesystem::exists(site.out() / "de/glossary/index.html"));
    EXPECT_THAT(site.page("de/index.html"), Not(HasSubstr("glossary")));
}

}  // namespace
}  // namespace lotse::test
