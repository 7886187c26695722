// Golden values per locale for every formatter: what a reader of each language sees. The expected
// strings come from ICU's data for that locale, checked by eye once (thin and no-break spaces and
// bidi marks written as escapes) and frozen here so that a change in Lotse's use of ICU shows.
#include <gtest/gtest.h>

#include "i18n/locale_format.h"
#include "test_site.h"

namespace lotse {
namespace {

struct Golden {
    const char* language;
    const char* date;
    const char* date_range;
    const char* month;
    const char* morning;
    const char* evening;
    const char* monday;
    const char* sunday;
    const char* number;
    const char* money;
    const char* list;
    const char* tigrinya;
    const char* dari;
    const char* own_name;
};

const Golden kGolden[] = {
    {"de", "11. Jan. 2027", "11. Jan.\u2009–\u200916. Juli 2027", "Januar 2027", "08:30–12:45 Uhr", "17:30–20:45 Uhr", "Mo", "So", "1.000", "25,50\u00a0€", "Deutsch, Arabisch und Russisch", "Tigrinya", "Dari", "Deutsch"},
    {"en", "Jan 11, 2027", "Jan 11\u2009–\u2009Jul 16, 2027", "January 2027", "8:30\u202fAM\u2009–\u200912:45\u202fPM", "5:30\u2009–\u20098:45\u202fPM", "Mon", "Sun", "1,000", "€25.50", "German, Arabic, and Russian", "Tigrinya", "Dari", "English"},
    {"ar", "١١ يناير ٢٠٢٧", "١١ يناير – ١٦ يوليو، ٢٠٢٧", "يناير ٢٠٢٧", "٨:٣٠ ص – ١٢:٤٥ م", "٥:٣٠–٨:٤٥ م", "الاثنين", "الأحد", "١٬٠٠٠", "\u200f٢٥٫٥٠\u00a0€", "الألمانية والعربية والروسية", "التغرينية", "الدارية", "العربية"},
    {"fa", "۱۱ ژانویه ۲۰۲۷", "۱۱ ژانویه تا ۱۶ ژوئیه ۲۰۲۷", "ژانویهٔ ۲۰۲۷", "۸:۳۰ تا ۱۲:۴۵", "۱۷:۳۰ تا ۲۰:۴۵", "دوشنبه", "یکشنبه", "۱٬۰۰۰", "\u200e€۲۵٫۵۰", "آلمانی،\u200f عربی، و روسی", "تیگرینیایی", "دری", "فارسی"},
    {"uk", "11 січ. 2027\u202fр.", "11 січ. – 16 лип. 2027\u202fр.", "січень 2027\u202fр.", "08:30–12:45", "17:30–20:45", "пн", "нд", "1\u00a0000", "25,50\u00a0EUR", "німецька, арабська і російська", "тигринья", "дарі", "Українська"},
    {"ru", "11 янв. 2027\u202fг.", "11 янв. – 16 июл. 2027\u202fг.", "январь 2027\u202fг.", "08:30–12:45", "17:30–20:45", "пн", "вс", "1\u00a0000", "25,50\u00a0€", "немецкий, арабский и русский", "тигринья", "дари", "Русский"},
    {"tr", "11 Oca 2027", "11 Oca\u2009–\u200916 Tem 2027", "Ocak 2027", "08:30–12:45", "17:30–20:45", "Pzt", "Paz", "1.000", "€25,50", "Almanca, Arapça ve Rusça", "Tigrinya dili", "Darice", "Türkçe"},
};

class GoldenFormat : public ::testing::TestWithParam<Golden> {};

TEST_P(GoldenFormat, EveryFormatterInTheLocale) {
    const Golden& g = GetParam();
    const LocaleFormat f(g.language);
    const Date start = test::day("2027-01-11"), end = test::day("2027-07-16");
    EXPECT_EQ(f.date(start), g.date);
    EXPECT_EQ(f.date_range(start, end), g.date_range);
    EXPECT_EQ(f.month(start), g.month);
    EXPECT_EQ(f.time_range(8 * 60 + 30, 12 * 60 + 45), g.morning);
    EXPECT_EQ(f.time_range(17 * 60 + 30, 20 * 60 + 45), g.evening);
    EXPECT_EQ(f.weekday(Weekday::mon), g.monday);
    EXPECT_EQ(f.weekday(Weekday::sun), g.sunday);
    EXPECT_EQ(f.number(1000), g.number);
    EXPECT_EQ(f.money(25.5, "EUR"), g.money);
    EXPECT_EQ(f.list({f.language_name("de"), f.language_name("ar"), f.language_name("ru")}), g.list);
    EXPECT_EQ(f.language_name("ti"), g.tigrinya);
    EXPECT_EQ(f.language_name("prs"), g.dari);
    EXPECT_EQ(LocaleFormat::own_name(g.language), g.own_name);
}

INSTANTIATE_TEST_SUITE_P(Locales, GoldenFormat, ::testing::ValuesIn(kGolden),
                         [](const auto& info) { return std::string(info.param.language); });

}  // namespace
}  // namespace lotse
