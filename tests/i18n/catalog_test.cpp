// Catalog messages through ICU: plural forms per language, the locale fallback chain, overrides.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "i18n/catalog.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
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

TEST(Catalog, MessagesAreFormattedFromSeveralThreadsAtOnce) {
    // Pages are rendered on several threads that share the catalogs. ICU's MessageFormat sets up
    // its number formatter on first use inside format(); two threads doing that at once made two
    // and lost one (a leak, found by the sanitizers) or worse. Each round starts with catalogs
    // whose messages were never formatted, and every thread formats at once.
    for (int round = 0; round < 20; ++round) {
        Diagnostics diags;
        const Catalogs c = built_in({"de", "ar", "fa", "uk"}, diags);
        std::atomic<int> ready{0};
        std::vector<std::vector<std::string>> seen(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < seen.size(); ++t)
            threads.emplace_back([&, t] {
                for (++ready; ready < static_cast<int>(seen.size());) std::this_thread::yield();
                for (const char* language : {"ar", "fa", "uk", "de"})
                    for (long long n : {3LL, 11LL, 1LL}) seen[t].push_back(c.format(language, "courses.count", {{"count", n}}));
            });
        for (std::thread& th : threads) th.join();
        for (const auto& s : seen) EXPECT_EQ(s, seen[0]);
        EXPECT_EQ(seen[0][0], "٣ دورات");
    }
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

// Labels without arguments are kept as they are written; anything MessageFormat would change
// (quoting, braces) still goes through it, and an unmatched brace is still an error.
TEST(Catalog, PlainTextsAreTheirOwnMessageAndQuotingStillWorks) {
    test::TempDir dir;
    test::write(dir.path() / "i18n/de.txt",
                "de {\n  plain { \"Kurse & Beratung <b>\" }\n  apostrophe { \"Don't, it''s\" }\n"
                "  quoted { \"a '{'b'}' #\" }\n  count { \"{count, plural, one {# Kurs} other {# Kurse}}\" }\n}\n");
    test::write(dir.path() / "i18n/en.txt", "en {\n  closing { \"oops }\" }\n}\n");
    Diagnostics diags;
    const Catalogs c = Catalogs::load({dir.path() / "i18n"}, {"de", "en"}, "de", diags);
    EXPECT_EQ(c.format("de", "plain"), "Kurse & Beratung <b>");
    EXPECT_EQ(c.format("de", "apostrophe"), "Don't, it's");
    EXPECT_EQ(c.format("de", "quoted"), "a {b} #");
    EXPECT_EQ(c.format("en", "plain"), "Kurse & Beratung <b>") << "borrowed";
    EXPECT_EQ(c.format("en", "count", {{"count", 3LL}}), "3 Kurse");
    EXPECT_TRUE(diags.items().empty()) << "a closing brace alone is text to MessageFormat";
    test::write(dir.path() / "i18n/de.txt", "de {\n  lone { \"oops {\" }\n}\n");
    Diagnostics broken;
    Catalogs::load({dir.path() / "i18n"}, {"de"}, "de", broken);
    ASSERT_EQ(broken.items().size(), 1u);
    EXPECT_THAT(broken.items()[0].message, HasSubstr("message \"lone\" is not a valid ICU message"));
}

TEST(Catalog, UnknownKeyShowsItself) {
    Diagnostics diags;
    const Catalogs c = built_in({"de"}, diags);
    EXPECT_EQ(c.format("de", "no.such.key"), "no.such.key");
}

// Compiled catalogs are kept by the bytes they came from: an unchanged catalog is not compiled
// again, an edited one is, and one genrb rejects is reported every time.
TEST(Catalog, CompiledCatalogsAreKeptByTheirBytes) {
    test::TempDir dir;
    const std::filesystem::path i18n = dir.path() / "i18n", compiled = dir.path() / "compiled";
    test::write(i18n / "de.txt", "de {\n  nav.home { \"Start\" }\n  courses.count { \"{count, plural, one {# Kurs} other {# Kurse}}\" }\n}\n");
    test::write(i18n / "en.txt", "en {\n  nav.home { \"Home\" }\n}\n");
    auto load = [&](Diagnostics& diags) { return Catalogs::load({i18n}, {"de", "en"}, "de", diags, compiled); };
    Diagnostics first;
    EXPECT_EQ(load(first).format("en", "nav.home"), "Home");
    ASSERT_TRUE(first.items().empty());
    // Which bundles are kept: each is a cache file named by its catalog's bytes.
    auto kept = [&] {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::recursive_directory_iterator(compiled))
            if (e.is_regular_file()) {
                EXPECT_EQ(e.path().extension(), ".bundle");
                const std::string bytes = test::read(e.path());
                out.push_back(bytes.find("de.res\n") != std::string::npos ? "de.res" : bytes.find("en.res\n") != std::string::npos ? "en.res" : "?");
            }
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_THAT(kept(), ElementsAre("de.res", "en.res"));

    // The kept bundle is what the next run reads: one planted in its place shows.
    test::write(dir.path() / "planted/en.txt", "en {\n  nav.home { \"Planted\" }\n}\n");
    Diagnostics planting;
    Catalogs::load({dir.path() / "planted"}, {"en"}, "en", planting, dir.path() / "planted-compiled");
    for (const auto& kept_en : std::filesystem::recursive_directory_iterator(compiled))
        if (test::read(kept_en.path()).find("en.res\n") != std::string::npos)
            for (const auto& planted : std::filesystem::recursive_directory_iterator(dir.path() / "planted-compiled"))
                std::filesystem::copy_file(planted.path(), kept_en.path(), std::filesystem::copy_options::overwrite_existing);
    Diagnostics second;
    const Catalogs again = load(second);
    EXPECT_EQ(again.format("de", "courses.count", {{"count", 2LL}}), "2 Kurse");
    EXPECT_EQ(again.format("en", "nav.home"), "Planted");

    test::write(i18n / "en.txt", "en {\n  nav.home { \"Start page\" }\n}\n");
    Diagnostics third;
    EXPECT_EQ(load(third).format("en", "nav.home"), "Start page");
    EXPECT_THAT(kept(), ElementsAre("de.res", "en.res", "en.res"));

    test::write(i18n / "en.txt", "en {\n  nav.home { \"Start page\" \n}\n");
    for (int run = 0; run < 2; ++run) {
        Diagnostics broken;
        load(broken);
        ASSERT_EQ(broken.items().size(), 1u) << "run " << run;
        EXPECT_THAT(format(broken.items()[0]), HasSubstr("/i18n/en.txt:1:1: error: this catalog cannot be compiled: unterminated table"));
    }
    EXPECT_THAT(kept(), ElementsAre("de.res", "en.res", "en.res"));
}

}  // namespace
}  // namespace lotse
