// A mistake is reported once, where it was written: language tags at their position, and no
// follow-on errors that only repeat a cause already reported. Usage mistakes are usage errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string site_yaml(const std::string& source, const std::string& languages) {
    return "title: {de: \"Bildung Teststadt\"}\nsource_language: " + source + "\nlanguages: " + languages +
           "\nregion: Teststadt\n";
}

TEST(Causes, InvalidSourceLanguageIsOneErrorInSiteYaml) {
    for (const std::string& tag : {std::string("-1"), std::string("../../etc")}) {
        TestSite site;
        site.file("content/site.yaml", site_yaml(tag, "[de, en]"));
        EXPECT_EQ(site.check(), 1);
        EXPECT_THAT(site.diagnostics(),
                    ElementsAre("content/site.yaml:2:18: error: \"" + tag +
                                "\" is not a language tag; write a BCP 47 tag such as de, ar, fa, uk or pt-BR"))
            << site.err();
    }
}

TEST(Causes, SourceLanguageWithoutCatalogIsReportedInSiteYaml) {
    TestSite site;
    site.file("content/site.yaml", "title: Bildung Teststadt\nsource_language: ti\nlanguages: [ti]\n");
    for (const char* slug : {"imprint", "privacy", "accessibility"}) site.remove(std::string("content/pages/") + slug + ".de.md");
    site.file("content/pages/imprint.ti.md", "---\ntitle: x\n---\n");
    site.file("content/pages/privacy.ti.md", "---\ntitle: x\n---\n");
    site.file("content/pages/accessibility.ti.md", "---\ntitle: x\n---\n");
    site.file("content/providers/vhs.yaml", "name: VHS\nchecked: 2026-11-01\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/site.yaml:2:18: error: there is no catalog for the source language \"ti\" "
                            "(i18n/ti.txt); every interface text comes from it"))
        << site.err();
}

TEST(Causes, BrokenSiteCatalogIsOneError) {
    TestSite site;
    site.file("i18n/de.txt", "de {\n    nav.home { \"Start\" \n}\n");
    EXPECT_EQ(site.check(), 1);
    const auto lines = site.diagnostics();
    EXPECT_THAT(lines, ElementsAre(StartsWith("i18n/de.txt:"))) << site.err();
    EXPECT_THAT(lines.front(), HasSubstr(": error: this catalog cannot be compiled: ")) << site.err();
}

TEST(Causes, LanguageTagsAreCheckedWhereTheyAreWritten) {
    TestSite site;
    site.file("content/site.yaml", site_yaml("de", "[de, en, \"..\", ar]"));
    site.file("content/offers/lesen.yaml",
              "title: {de: \"Lesecafe\", de_DE: \"Lesecafe\", english: \"Reading\"}\nsummary: {de: \"Lesen\"}\n"
              "provider: vhs\nlife_phases: [school]\ntopics: [school]\nlanguages: [de, \"ar-\", tr]\n"
              "checked: 2026-11-02\n");
    site.file("content/pages/imprint.de_AT.md", "---\ntitle: Impressum\n---\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/offers/lesen.yaml:1:25: error: \"de_DE\" is not a language tag; write a BCP 47 "
                            "tag such as de, ar, fa, uk or pt-BR",
                            "content/offers/lesen.yaml:1:44: error: \"english\" is not a language tag; write a BCP 47 "
                            "tag such as de, ar, fa, uk or pt-BR",
                            "content/offers/lesen.yaml:6:17: error: \"ar-\" is not a language tag; write a BCP 47 "
                            "tag such as de, ar, fa, uk or pt-BR",
                            "content/pages/imprint.de_AT.md: error: \"de_AT\" in this file's name is not a language "
                            "tag; name a page <slug>.<language>.md with a BCP 47 tag, e.g. imprint.de-AT.md",
                            "content/site.yaml:3:21: error: \"..\" is not a language tag; write a BCP 47 tag such as "
                            "de, ar, fa, uk or pt-BR"))
        << site.err();
}

TEST(Causes, LanguageWithoutCatalogIsNamedWhereItIsListed) {
    TestSite site;
    site.file("content/site.yaml", site_yaml("de", "[de, en, pt-BR]"));
    EXPECT_EQ(site.check(), 0);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/site.yaml:3:21: warning: there is no catalog for \"pt-BR\" (i18n/pt-BR.txt); its "
                            "pages show the interface in \"de\""))
        << site.err();
}

TEST(Causes, OutPointingAtAFileSaysItIsAFile) {
    TestSite site;
    site.file("notes.txt", "mine\n");
    const std::string file = (site.path() / "notes.txt").string();
    std::string out;
    EXPECT_EQ(run("build " + site.path().string() + " --date 2026-11-22 --out " + file, &out), 2) << out;
    EXPECT_THAT(out, HasSubstr("--out: \"" + file + "\" is a file, not a folder; give a folder for the site (a new "
                               "or empty one, or one Lotse wrote before)"));
    EXPECT_EQ(read(site.path() / "notes.txt"), "mine\n");
}

TEST(Causes, EmptyOutIsAUsageError) {
    TestSite site;
    std::string out;
    EXPECT_EQ(run("build " + site.path().string() + " --date 2026-11-22 --out ''", &out), 2) << out;
    EXPECT_THAT(out, HasSubstr("--out: is empty; give the folder to write the site to, e.g. --out public"));
    EXPECT_FALSE(fs::exists(site.out()));
}

TEST(Causes, SourceDateEpochThatIsNoNumberIsAUsageError) {
    TestSite site;
    std::string out;
    EXPECT_EQ(run("check " + site.path().string() + " ; SOURCE_DATE_EPOCH=abc " + LOTSE_BINARY + " check " +
                      site.path().string(),
                  &out),
              2)
        << out;
    EXPECT_THAT(out, HasSubstr("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 00:00 UTC, "
                               "e.g. 1798761600; found \"abc\""));
}

}  // namespace
}  // namespace lotse::test
