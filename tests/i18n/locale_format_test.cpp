// ICU formatting per locale, asserted as the reader sees it.
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "i18n/locale_format.h"
#include "test_site.h"

namespace lotse {
namespace {

using test::day;

TEST(LocaleFormat, PersianDatesStayGregorianWithPersianDigits) {
    const LocaleFormat fa("fa");
    const std::string s = fa.date(day("2027-01-11"));
    EXPECT_NE(s.find("۲۰۲۷"), std::string::npos) << s;  // 2027 in Persian digits, not 1405
    EXPECT_EQ(s.find("۱۴۰۵"), std::string::npos) << s;
    EXPECT_NE(s.find("ژانویه"), std::string::npos) << s;  // January, not Dey
}

TEST(LocaleFormat, GermanDateRangesAndTimes) {
    const LocaleFormat de("de");
    EXPECT_EQ(de.date(day("2027-01-11")), "11. Jan. 2027");
    EXPECT_EQ(de.date_range(day("2027-01-11"), day("2027-07-16")), "11. Jan.\u2009–\u200916. Juli 2027");
    EXPECT_EQ(de.time_range(8 * 60 + 30, 12 * 60 + 45), "08:30–12:45 Uhr");
    EXPECT_EQ(de.weekday(Weekday::mon), "Mo");
    EXPECT_EQ(de.list({"Deutsch", "Arabisch", "Russisch"}), "Deutsch, Arabisch und Russisch");
    EXPECT_EQ(de.language_name("ti"), "Tigrinya");
    EXPECT_EQ(de.money(25, "EUR"), "25\u00a0€");
}

// 24:00 closes a day: shown as the locale writes the end of the day, on the same day.
TEST(LocaleFormat, MidnightAsClosingTimeStaysOnTheSameDay) {
    EXPECT_EQ(LocaleFormat("de").time_range(23 * 60, 24 * 60), "23:00\u201324:00 Uhr");
    EXPECT_EQ(LocaleFormat("de").time_range(0, 24 * 60), "00:00\u201324:00 Uhr");
    EXPECT_EQ(LocaleFormat("fa").time_range(23 * 60 + 30, 24 * 60),
              "\u06f2\u06f3:\u06f3\u06f0 \u062a\u0627 \u06f2\u06f4:\u06f0\u06f0");  // ۲۳:۳۰ تا ۲۴:۰۰
    EXPECT_EQ(LocaleFormat("en").time_range(23 * 60, 24 * 60), "11:00\u202fPM\u2009\u2013\u200912:00\u202fAM");
    EXPECT_EQ(LocaleFormat("ar").time_range(23 * 60, 24 * 60),
              "\u0661\u0661:\u0660\u0660 \u0645 \u2013 \u0661\u0662:\u0660\u0660 \u0635");  // ١١:٠٠ م – ١٢:٠٠ ص
}

TEST(LocaleFormat, DatesAtTheEdgesOfTheAcceptedRange) {
    EXPECT_EQ(LocaleFormat("de").date_range(day("1900-01-01"), day("2199-12-31")), "1. Jan. 1900\u2009\u2013\u200931. Dez. 2199");
    EXPECT_EQ(LocaleFormat("ar").date_range(day("1900-01-01"), day("2199-12-31")),
              "\u0661 \u064a\u0646\u0627\u064a\u0631\u060c \u0661\u0669\u0660\u0660 \u2013 "
              "\u0663\u0661 \u062f\u064a\u0633\u0645\u0628\u0631\u060c \u0662\u0661\u0669\u0669");
}

// A memo that keeps what it is given, in a map a test can read and plant.
struct MapMemo : FormatMemo {
    std::optional<std::string_view> find(std::string_view key) override {
        auto it = texts.find(key);
        return it == texts.end() ? std::nullopt : std::optional<std::string_view>(it->second);
    }
    void keep(std::string_view key, const std::string& text) override { texts.emplace(key, text); }
    std::map<std::string, std::string, std::less<>> texts;
};

TEST(LocaleFormat, TextsAreKeptInTheMemoAndTakenFromIt) {
    MapMemo memo;
    LocaleFormat de("de");
    de.remember_in(&memo);
    EXPECT_EQ(de.date(day("2027-01-11")), "11. Jan. 2027");
    EXPECT_EQ(de.date_range(day("2027-01-11"), day("2027-07-16")), "11. Jan.\u2009–\u200916. Juli 2027");
    EXPECT_EQ(de.time_range(8 * 60 + 30, 12 * 60 + 45), "08:30–12:45 Uhr");
    EXPECT_EQ(de.money(25.5, "EUR"), "25,50\u00a0€");
    EXPECT_EQ(de.list({"Deutsch", "Arabisch"}), "Deutsch und Arabisch");
    EXPECT_EQ(de.native_name("uk"), "Українська");
    EXPECT_EQ(memo.texts.at("date 2027-01-11"), "11. Jan. 2027");
    EXPECT_EQ(memo.texts.at("dates 2027-01-11 2027-07-16"), "11. Jan.\u2009–\u200916. Juli 2027");
    EXPECT_EQ(memo.texts.at("times 510 765"), "08:30–12:45 Uhr");
    EXPECT_EQ(memo.texts.at("money 25.5 EUR"), "25,50\u00a0€");
    EXPECT_EQ(memo.texts.at("list\x1f" "Deutsch\x1f" "Arabisch"), "Deutsch und Arabisch");
    EXPECT_EQ(memo.texts.at("own uk"), "Українська");
    // Another run's formatter (another thread, or the next build) takes them from the memo: a
    // planted text shows that ICU is not asked again.
    memo.texts["date 2027-01-11"] = "planted";
    LocaleFormat again("de");
    again.remember_in(&memo);
    EXPECT_EQ(again.date(day("2027-01-11")), "planted");
    EXPECT_EQ(again.date(day("2027-01-12")), "12. Jan. 2027");
    memo.texts["own uk"] = "planted name";
    EXPECT_EQ(again.native_name("uk"), "planted name");
    EXPECT_EQ(LocaleFormat("de").date(day("2027-01-11")), "11. Jan. 2027");  // no memo, no lookup
}

TEST(LocaleFormat, EnglishUsesTwelveHourClock) {
    const LocaleFormat en("en");
    EXPECT_EQ(en.time_range(17 * 60 + 30, 20 * 60 + 45), "5:30\u2009–\u20098:45\u202fPM");
}

TEST(LocaleFormat, ArabicUsesArabicIndicDigits) {
    const LocaleFormat ar("ar");
    EXPECT_TRUE(ar.right_to_left());
    EXPECT_NE(ar.date(day("2027-01-11")).find("٢٠٢٧"), std::string::npos) << ar.date(day("2027-01-11"));
}

TEST(LocaleFormat, OwnNamesForTheLanguageMenu) {
    EXPECT_EQ(LocaleFormat::own_name("ar"), "العربية");
    EXPECT_EQ(LocaleFormat::own_name("uk"), "Українська");
    EXPECT_EQ(LocaleFormat::own_name("ru"), "Русский");
    EXPECT_EQ(LocaleFormat::own_name("tr"), "Türkçe");
    EXPECT_TRUE(LocaleFormat::is_right_to_left("fa"));
    EXPECT_FALSE(LocaleFormat::is_right_to_left("uk"));
}

TEST(LocaleFormat, GermanCollationSortsUmlautsWithTheirLetter) {
    const LocaleFormat de("de");
    EXPECT_TRUE(de.less("Ärztin", "Beratung"));
    EXPECT_TRUE(de.less("Öffnung", "Pflege"));
    EXPECT_LT(de.sort_key("Übergang"), de.sort_key("Volkshochschule"));
}

}  // namespace
}  // namespace lotse
