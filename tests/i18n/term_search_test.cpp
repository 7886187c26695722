// Finding glossary terms in texts (i18n/term_search.h): whole words, any case, the longest form.
#include <gtest/gtest.h>

#include "i18n/term_search.h"

namespace lotse {
namespace {

// What a match covers, as text.
std::string found(const TermForms& forms, std::string_view text) {
    const std::optional<TermMatch> m = forms.find(text);
    return m ? std::string(text.substr(m->offset, m->length)) : "(none)";
}

TEST(TermSearch, FindsTheWordInAnyCase) {
    TermForms f;
    f.add("Jobcenter");
    EXPECT_EQ(found(f, "Gehen Sie zum JOBCENTER."), "JOBCENTER");
    EXPECT_EQ(found(f, "das jobcenter hilft"), "jobcenter");
}

TEST(TermSearch, OnlyWholeWordsCount) {
    TermForms f;
    f.add("Jobcenter");
    EXPECT_EQ(found(f, "Die Jobcenterin kommt."), "(none)");
    EXPECT_EQ(found(f, "Ein Jobcenter-Termin"), "Jobcenter");
    EXPECT_EQ(found(f, "Zentraljobcenter"), "(none)");
}

TEST(TermSearch, ThePluralIsFoundAsAFormOfItsOwn) {
    TermForms f;
    f.add("Integrationskurs");
    f.add("Integrationskurse");
    const std::optional<TermMatch> m = f.find("Alle Integrationskurse beginnen im Januar.");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->offset, 5u);
    EXPECT_EQ(m->length, 17u);
    EXPECT_EQ(m->form, 1u);
}

TEST(TermSearch, UmlautsFoldWithTheirCapitals) {
    TermForms f;
    f.add("Ausländerbehörde");
    EXPECT_EQ(found(f, "Termin bei der AUSLÄNDERBEHÖRDE"), "AUSLÄNDERBEHÖRDE");
}

TEST(TermSearch, OffsetsAreBytesOfTheTextSearched) {
    TermForms f;
    f.add("مركز العمل");
    const std::string text = "اذهب إلى مركز العمل (Jobcenter).";
    const std::optional<TermMatch> m = f.find(text);
    ASSERT_TRUE(m);
    EXPECT_EQ(text.substr(m->offset, m->length), "مركز العمل");
    // An Arabic word that only begins like the name is not it.
    EXPECT_EQ(found(f, "مركز العملاء"), "(none)");
}

TEST(TermSearch, NoFormsFindNothing) {
    TermForms f;
    f.add("");
    EXPECT_TRUE(f.empty());
    EXPECT_EQ(found(f, "Jobcenter"), "(none)");
}

}  // namespace
}  // namespace lotse
