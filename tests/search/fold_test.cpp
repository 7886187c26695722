// The search normaliser, per language, as exact folded strings: what the index holds and what a
// query is compared as.
#include <gtest/gtest.h>

#include "search/fold.h"

namespace lotse::search {
namespace {

std::string fold(std::string_view s) { return fold_rules().fold(s); }

TEST(SearchFold, GermanUmlautsAndSharpSMatchTheirTwoLetterSpellings) {
    EXPECT_EQ(fold("Führerschein"), "fuehrerschein");
    EXPECT_EQ(fold("Fuehrerschein"), "fuehrerschein");
    EXPECT_EQ(fold("FÜHRERSCHEIN"), "fuehrerschein");
    EXPECT_EQ(fold("Größe"), "groesse");
    EXPECT_EQ(fold("Groesse"), "groesse");
    EXPECT_EQ(fold("Ärztin"), "aerztin");
    EXPECT_EQ(fold("STRAẞE"), "strasse");
    // Decomposed input (u + combining diaeresis, as some keyboards send it) is composed first.
    EXPECT_EQ(fold("Fu\u0308hrerschein"), "fuehrerschein");
}

TEST(SearchFold, ArabicAlefFormsYehAndDiacritics) {
    EXPECT_EQ(fold("أحمد"), "احمد");
    EXPECT_EQ(fold("إسلام"), "اسلام");
    EXPECT_EQ(fold("آمال"), "امال");
    EXPECT_EQ(fold("ٱلكتاب"), "الكتاب");
    EXPECT_EQ(fold("مستشفى"), "مستشفي");
    EXPECT_EQ(fold("مُسْتَشْفَى"), "مستشفي");     // tashkeel dropped
    EXPECT_EQ(fold("كـــتاب"), "كتاب");           // tatweel dropped
    EXPECT_EQ(fold("ﻛﺘﺎﺏ"), "كتاب");              // presentation forms through NFKC
}

TEST(SearchFold, PersianYehKafAndArabicSpellingsAreOne) {
    EXPECT_EQ(fold("کتاب"), "كتاب");
    EXPECT_EQ(fold("كتاب"), "كتاب");
    EXPECT_EQ(fold("ایران"), "ايران");
    EXPECT_EQ(fold("ايران"), "ايران");
    EXPECT_EQ(fold("می‌خواهم"), "ميخواهم");  // the ZWNJ is dropped
}

TEST(SearchFold, PersianZwnjWordsAreIndexedJoinedAndAsParts) {
    EXPECT_EQ(fold_rules().words("می‌خواهم بروم"), (std::vector<std::string>{"ميخواهم", "بروم", "مي", "خواهم"}));
    EXPECT_EQ(fold_rules().words("میخواهم"), (std::vector<std::string>{"ميخواهم"}));
}

TEST(SearchFold, DigitsOfEveryScriptAreLatin) {
    EXPECT_EQ(fold("۱۲۳"), "123");  // Persian
    EXPECT_EQ(fold("١٢٣"), "123");  // Arabic-Indic
    EXPECT_EQ(fold("１２３"), "123");  // full width, through NFKC
}

TEST(SearchFold, RussianYoIsYe) {
    EXPECT_EQ(fold("Учёба"), "учеба");
    EXPECT_EQ(fold("УЧЁБА"), "учеба");
    EXPECT_EQ(fold("ученье"), "ученье");
}

TEST(SearchFold, UkrainianShortIAndYiStayLettersOfTheirOwn) {
    EXPECT_EQ(fold("Київ"), "київ");
    EXPECT_EQ(fold("ЇЖАК"), "їжак");
    EXPECT_EQ(fold("Йод"), "йод");
    EXPECT_NE(fold("ї"), fold("і"));
    EXPECT_NE(fold("й"), fold("и"));
    EXPECT_EQ(fold("і\u0308"), "ї");  // composed, not stripped
}

TEST(SearchFold, TurkishDottedAndDotlessIAreI) {
    EXPECT_EQ(fold("İzmir"), "izmir");
    EXPECT_EQ(fold("ISPARTA"), "isparta");
    EXPECT_EQ(fold("kırmızı"), "kirmizi");
}

TEST(SearchFold, CaseAndWidthAreFolded) {
    EXPECT_EQ(fold("JOBCENTER"), "jobcenter");
    EXPECT_EQ(fold("Ｊｏｂｃｅｎｔｅｒ"), "jobcenter");
}

TEST(SearchFold, WordsAreRunsOfLettersAndDigitsEachOnce) {
    EXPECT_EQ(fold_rules().words("Jobcenter – Team Integration, Jobcenter B2!"),
              (std::vector<std::string>{"jobcenter", "team", "integration", "b2"}));
}

TEST(SearchFold, TheBrowsersTableHoldsTheRules) {
    const nlohmann::json rules = fold_rules().to_json();
    EXPECT_EQ(rules["map"]["Ü"], "ue");
    EXPECT_EQ(rules["map"]["ß"], "ss");
    EXPECT_EQ(rules["map"]["ک"], "ك");
    EXPECT_EQ(rules["map"]["ی"], "ي");
    EXPECT_EQ(rules["map"]["۴"], "4");
    EXPECT_EQ(rules["map"]["Ё"], "е");
    EXPECT_FALSE(rules["map"].contains("ї"));
    EXPECT_FALSE(rules["map"].contains("й"));
    const std::string drop = rules["drop"];
    EXPECT_NE(drop.find("\u200C"), std::string::npos);  // ZWNJ
    EXPECT_NE(drop.find("\u064E"), std::string::npos);  // fatha
    EXPECT_NE(drop.find("\u0640"), std::string::npos);  // tatweel
}

}  // namespace
}  // namespace lotse::search
