// The data each page kind and each record kind gives its template (render/pages/, render/kinds/),
// in German and Arabic, with the built-in catalogs and templates.
#include "render/pages/pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "build.h"
#include "render/kinds/kinds.h"
#include "site/small_site.h"

namespace lotse {
namespace {

using testing::HasSubstr;

// Everything a page needs, once per test: the small site's plan, the built-in catalogs and
// templates, and a language's view.
class PageData : public testing::Test {
protected:
    PageData()
        : content_(test::site()), plan_(plan_site(content_, test::day("2026-11-15"))),
          catalogs_(Catalogs::load({data_dir() / "i18n"}, {"de", "ar"}, "de", diags_, {})),
          templates_(Templates::load({data_dir() / "templates"}, diags_)),
          in_{content_, plan_, catalogs_, templates_, test::day("2026-11-15"), 1, 1, {}, {}, {}},
          fingerprints_(plan_, "de", 1), compiled_(templates_, diags_), items_(in_, fingerprints_, kept_, compiled_) {}

    // The data of the page at `route`, in `language`.
    Data page(const std::string& route, const std::string& language) {
        const LanguageView& v = *views_.emplace_back(std::make_unique<LanguageView>(in_, language));
        for (const PlannedPage& p : plan_.pages)
            if (p.route == route) {
                const PageContext c{v, p, items_};
                switch (p.kind) {
                    case PageKind::record: return record_page(c).data;
                    case PageKind::courses:
                    case PageKind::course_month: return courses_page(c).data;
                    case PageKind::counselling: return counselling_page(c).data;
                    default: return term_page(c).data;
                }
            }
        ADD_FAILURE() << "no page " << route;
        return {};
    }

    static std::string text(const Data& d, std::initializer_list<const char*> path) {
        const Data* at = &d;
        for (const char* key : path) {
            at = at->get(key);
            if (!at) return "(no " + std::string(key) + ")";
        }
        return at->is_string() ? at->string_value() : "(not a string)";
    }
    static std::string html_of(const Data& list, std::size_t n) {
        return n < list.list_value().size() ? list.list_value()[n].get("html")->string_value() : "(none)";
    }

    Diagnostics diags_;
    Content content_;
    SitePlan plan_;
    Catalogs catalogs_;
    Templates templates_;
    RenderInputs in_;
    Fingerprints fingerprints_;
    FragmentCache kept_;
    CompiledTemplates compiled_;
    ListItems items_;
    std::vector<std::unique_ptr<LanguageView>> views_;
};

TEST_F(PageData, AProviderListsWhatItRunsByKind) {
    const Data d = page("providers/vhs.html", "de");
    EXPECT_EQ(text(d, {"address"}), "Hauptstraße 1, 00100 Teststadt");
    EXPECT_EQ(text(d, {"district"}), "Mitte");
    EXPECT_EQ(text(d, {"phone_uri"}), "tel:+490002");
    ASSERT_TRUE(d.get("has_courses"));
    EXPECT_EQ(d.get("courses")->list_value().size(), 2u);
    EXPECT_THAT(html_of(*d.get("offers"), 0), HasSubstr("href=\"../offers/sprechstunde.html\""));
    EXPECT_THAT(html_of(*d.get("contacts"), 0), HasSubstr("Migrationsberatung"));
    EXPECT_TRUE(diags_.items().empty());
}

TEST_F(PageData, AnOfferShowsItsProviderAndContact) {
    const Data d = page("offers/sprechstunde.html", "ar");
    EXPECT_EQ(text(d, {"provider", "href"}), "../providers/vhs.html");
    EXPECT_EQ(text(d, {"provider", "name", "text"}), "الجامعة الشعبية");
    EXPECT_EQ(text(d, {"summary", "text"}), "بدون موعد");
    EXPECT_EQ(text(d, {"fee"}), "مجانًا");
    EXPECT_THAT(text(d, {"contact", "html"}), HasSubstr("href=\"../contacts/beratung.html\""));
    // The German title stands in for the missing Arabic one, marked as German.
    EXPECT_EQ(text(d, {"title", "text"}), "Offene Sprechstunde");
    EXPECT_EQ(text(d, {"title", "lang"}), "de");
}

TEST_F(PageData, ACourseInArabicHasArabicDigits) {
    const Data d = page("courses/ik-januar.html", "ar");
    EXPECT_THAT(text(d, {"dates"}), HasSubstr("١١"));
    EXPECT_THAT(text(d, {"level"}), HasSubstr("A1"));
    EXPECT_THAT(text(d, {"level"}), HasSubstr("B1"));
    ASSERT_TRUE(d.get("has_schedule"));
    EXPECT_THAT(text(d.get("schedule")->list_value()[0], {"time"}), HasSubstr("٨:٣٠"));
    EXPECT_EQ(text(d, {"provider", "href"}), "../providers/vhs.html");
}

TEST_F(PageData, ACourseRowCarriesWhatTheFiltersMatch) {
    const LanguageView v(in_, "de");
    const Data row = course_row(v, *plan_.find(RecordKind::course, "ik-januar"), "courses/index.html");
    EXPECT_EQ(text(row, {"f_level"}), "|A1|A2|B1|");
    EXPECT_EQ(text(row, {"f_time"}), "|morning|");
    EXPECT_EQ(text(row, {"f_type"}), "|integration|");
    EXPECT_EQ(text(row, {"district", "text"}), "Mitte") << "the provider's district";
    EXPECT_EQ(text(row, {"href"}), "../courses/ik-januar.html");
}

TEST_F(PageData, AContactSaysHowToReachIt) {
    const Data d = page("contacts/beratung.html", "de");
    EXPECT_EQ(text(d, {"appointment"}), "Nur mit Termin");
    ASSERT_TRUE(d.get("has_hours"));
    EXPECT_THAT(text(d.get("hours")->list_value()[0], {"time"}), HasSubstr("14:00"));
    const LanguageView v(in_, "de");
    const Data card = v.card(*plan_.find(RecordKind::contact, "beratung"), "counselling/index.html");
    EXPECT_EQ(text(card, {"filter", "language"}), "|ar|fa|");
    EXPECT_EQ(text(card, {"filter", "topic"}), "|work|german-language|");
}

TEST_F(PageData, APathwayShowsEachStepWithItsPublishedLinks) {
    const Data d = page("pathways/ankommen.html", "de");
    const auto& steps = d.get("steps")->list_value();
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(text(steps[0], {"title", "text"}), "Deutsch lernen");
    ASSERT_EQ(steps[0].get("cards")->list_value().size(), 1u) << "the ended course is not linked";
    EXPECT_THAT(html_of(*steps[0].get("cards"), 0), HasSubstr("../courses/ik-januar.html"));
    EXPECT_THAT(html_of(*steps[1].get("cards"), 0), HasSubstr("../contacts/beratung.html"));
}

TEST_F(PageData, TheCourseOverviewGroupsByMonthAndOffersOnlyWhatItLists) {
    const Data d = page("courses/2027-01/index.html", "de");
    const auto& months = d.get("months")->list_value();
    ASSERT_EQ(months.size(), 1u);
    EXPECT_EQ(text(months[0], {"heading"}), "Januar 2027");
    const auto& types = d.get("filters")->get("types")->list_value();
    ASSERT_EQ(types.size(), 1u) << "the youth course starts in December";
    EXPECT_EQ(text(types[0], {"value"}), "integration");
    EXPECT_EQ(text(d, {"overview_href"}), "../../courses/index.html");
}

TEST_F(PageData, CounsellingOffersTheLanguagesOfItsContacts) {
    const Data d = page("counselling/index.html", "de");
    const auto& languages = d.get("filters")->get("languages")->list_value();
    ASSERT_EQ(languages.size(), 2u);
    EXPECT_EQ(text(languages[0], {"label"}), "Arabisch");
    EXPECT_EQ(text(languages[1], {"label"}), "Persisch");
    EXPECT_EQ(d.get("groups")->list_value().size(), 1u) << "one card per contact, under its first topic";
}

TEST_F(PageData, ATermPageHasItsContactsApart) {
    const Data d = page("life-phases/work-and-career.html", "de");
    EXPECT_EQ(d.get("groups")->list_value().size(), 2u);
    ASSERT_TRUE(d.get("has_contacts"));
    EXPECT_THAT(html_of(*d.get("contacts"), 0), HasSubstr("Migrationsberatung"));
}

}  // namespace
}  // namespace lotse
