// Catalog messages through ICU: plural forms per language, the locale fallback chain, overrides.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "i18n/catalog.h"
#include "test_site.h"

namespace lotse {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Catalogs built_in(const std::vector<std::string>& languages, Diagnostics& diags) {
    return Catalogs::load({std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n"}, languages, "de", diags);
}

std::vector<std::string> lessons(const Catalogs& c, const std::string& language, std::initializer_list<long long> counts) {
    std::vector<std::string> out;
    for (long long n : counts) out.push_back(c.format(language, "course.lessons", {{"count", n}}));
    return out;
}

TEST(Catalog, ArabicUsesAllSixPluralForms) {
    Diagnostics diags;
    const Catalogs c = built_in({"ar"}, diags);
    EXPECT_FALSE(diags.has_errors());
    // zero, one, two, few (3–10), many (11–99), other (100)
    const auto forms = lessons(c, "ar", {0, 1, 2, 3, 11, 100});
    std::set<std::string> distinct(forms.begin(), forms.end());
    EXPECT_EQ(distinct.size(), 6u);
    EXPECT_THAT(c.format("ar", "courses.count", {{"count", 2LL}}), "دورتان");
    EXPECT_THAT(c.format("ar", "courses.count", {{"count", 3LL}}), "٣ دورات");
    EXPECT_THAT(c.format("ar", "courses.count", {{"count", 11LL}}), "١١ دورة");
}

TEST(Catalog, UkrainianAndRussianUseFewAndMany) {
    Diagnostics diags;
    const Catalogs c = built_in({"uk", "ru"}, diags);
    EXPECT_THAT((std::vector<std::string>{c.format("uk", "courses.count", {{"count", 1LL}}),
                                          c.format("uk", "courses.count", {{"count", 3LL}}),
                                          c.format("uk", "courses.count", {{"count", 5LL}}),
                                          c.format("uk", "courses.count", {{"count", 21LL}})}),
                ElementsAre("1 курс", "3 курси", "5 курсів", "21 курс"));
    EXPECT_THAT((std::vector<std::string>{c.format("ru", "courses.count", {{"count", 2LL}}),
                                          c.format("ru", "courses.count", {{"count", 11LL}}),
                                          c.format("ru", "courses.count", {{"count", 22LL}})}),
                ElementsAre("2 курса", "11 курсов", "22 курса"));
}

TEST(Catalog, PersianCountsInPersianDigits) {
    Diagnostics diags;
    const Catalogs c = built_in({"fa"}, diags);
    EXPECT_THAT(c.format("fa", "courses.count", {{"count", 12LL}}), HasSubstr("۱۲"));
}

TEST(Catalog, RegionalLanguagesFallBackAlongIcusChain) {
    Diagnostics diags;
    const Catalogs c = built_in({"de", "fa", "fa-AF", "de-AT"}, diags);
    EXPECT_EQ(c.format("fa-AF", "nav.home"), c.format("fa", "nav.home"));
    EXPECT_NE(c.format("fa-AF", "nav.home"), c.format("de", "nav.home"));
    EXPECT_EQ(c.format("de-AT", "nav.home"), "Startseite");
    EXPECT_TRUE(c.uncatalogued().empty());
}

TEST(Catalog, LanguageWithoutCatalogBorrowsTheSourceLanguage) {
    Diagnostics diags;
    const Catalogs c = built_in({"de", "ti"}, diags);
    EXPECT_THAT(c.uncatalogued(), ElementsAre("ti"));
    EXPECT_EQ(c.format("ti", "nav.home"), "Startseite");
    EXPECT_EQ(c.format("ti", "courses.count", {{"count", 1LL}}), "1 Kurs");
}

TEST(Catalog, UnknownKeyShowsItself) {
    Diagnostics diags;
    const Catalogs c = built_in({"de"}, diags);
    EXPECT_EQ(c.format("de", "no.such.key"), "no.such.key");
}

}  // namespace
}  // namespace lotse
