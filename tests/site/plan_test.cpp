// The site plan: which pages exist, where, and which records each one shows.
#include "site/plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "site/routes.h"
#include "site/small_site.h"

namespace lotse {
namespace {

using testing::ElementsAre;
using test::day;
using test::site;

const PlannedPage& page(const SitePlan& plan, const std::string& route) {
    for (const PlannedPage& p : plan.pages)
        if (p.route == route) return p;
    throw std::runtime_error("no page " + route);
}

std::vector<std::string> ids(const std::vector<const RecordEntry*>& entries) {
    std::vector<std::string> out;
    for (const RecordEntry* e : entries) out.push_back(e->record->id);
    return out;
}

TEST(Plan, RecordsThatHaveEndedAreNotPublished) {
    const Content content = site();
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    std::vector<std::string> routes;
    for (const RecordEntry& e : plan.entries) routes.push_back(e.route);
    EXPECT_THAT(routes, ElementsAre("providers/vhs.html", "offers/sprechstunde.html", "courses/ik-dezember.html",
                                    "courses/ik-januar.html", "contacts/beratung.html", "pathways/ankommen.html"));
    EXPECT_EQ(plan.find(RecordKind::course, "ik-alt"), nullptr);
    EXPECT_EQ(plan.find("offer", "sprechstunde"), &plan.entries[1]);
    EXPECT_EQ(plan.find("kurs", "ik-januar"), nullptr) << "not a kind";
}

TEST(Plan, ATermPageGroupsByTheOtherDimensionAndListsItsContactsApart) {
    const Content content = site();
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    const PlannedPage& work = page(plan, "life-phases/work-and-career.html");
    EXPECT_EQ(work.kind, PageKind::life_phase);
    ASSERT_EQ(work.groups.size(), 2u);
    // A course without terms of its own is under its type's life phases and german-language; an
    // integration-youth course is not under work-and-career.
    EXPECT_EQ(work.groups[0].term, "german-language");
    EXPECT_THAT(ids(work.groups[0].entries), ElementsAre("ik-januar"));
    EXPECT_EQ(work.groups[1].term, "work");
    EXPECT_THAT(ids(work.groups[1].entries), ElementsAre("sprechstunde", "ankommen"));
    EXPECT_THAT(ids(work.contacts), ElementsAre("beratung"));
    EXPECT_TRUE(page(plan, "life-phases/school.html").groups.empty()) << "the offer there has ended";
}

// The phone walk (issue 22): a pathway under two topics appeared twice on one life-phase page.
TEST(Plan, ATermPageListsEachRecordOnceUnderItsFirstTerm) {
    Content content = site();
    content.pathways[0].topics = {{"work", {}}, {"german-language", {}}};
    content.contacts[0].life_phases.push_back({"school", {}});
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    const PlannedPage& work = page(plan, "life-phases/work-and-career.html");
    ASSERT_EQ(work.groups.size(), 2u);
    EXPECT_EQ(work.groups[0].term, "german-language");
    EXPECT_THAT(ids(work.groups[0].entries), ElementsAre("ik-januar")) << "the pathway is under its first topic only";
    EXPECT_EQ(work.groups[1].term, "work");
    EXPECT_THAT(ids(work.groups[1].entries), ElementsAre("sprechstunde", "ankommen"));
    const PlannedPage& topic = page(plan, "topics/work.html");
    ASSERT_EQ(topic.groups.size(), 1u);
    EXPECT_EQ(topic.groups[0].term, "work-and-career");
    EXPECT_THAT(ids(topic.contacts), ElementsAre("beratung"));
}

// A mother with a toddler looks under early childhood: a course with childcare is there too,
// besides the life phases of its type or its own.
TEST(Plan, ACourseWithChildcareIsUnderEarlyChildhood) {
    Content content = site();
    content.taxonomy.life_phases.insert(content.taxonomy.life_phases.begin(), {"early-childhood", {}});
    content.courses[2].childcare = true;  // ik-januar, no life phases of its own
    content.courses[1].childcare = true;  // ik-dezember, integration-youth
    content.courses[1].life_phases = {{"school-to-work", {}}};
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    const PlannedPage& early = page(plan, "life-phases/early-childhood.html");
    ASSERT_EQ(early.groups.size(), 1u);
    EXPECT_EQ(early.groups[0].term, "german-language");
    EXPECT_THAT(ids(early.groups[0].entries), ElementsAre("ik-dezember", "ik-januar"));
    const PlannedPage& work = page(plan, "life-phases/work-and-career.html");
    EXPECT_THAT(ids(work.groups[0].entries), ElementsAre("ik-januar")) << "and still under its type's life phase";
}

TEST(Plan, ARecordPageShowsWhatItsKindLinksTo) {
    const Content content = site();
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    const PlannedPage& provider = page(plan, "providers/vhs.html");
    ASSERT_EQ(provider.groups.size(), 3u);
    EXPECT_EQ(provider.groups[0].term, "offers");
    EXPECT_THAT(ids(provider.groups[0].entries), ElementsAre("sprechstunde"));
    EXPECT_EQ(provider.groups[1].term, "courses");
    EXPECT_THAT(ids(provider.groups[1].entries), ElementsAre("ik-dezember", "ik-januar"));
    EXPECT_EQ(provider.groups[2].term, "contacts");

    const PlannedPage& offer = page(plan, "offers/sprechstunde.html");
    ASSERT_EQ(offer.groups.size(), 1u);
    EXPECT_THAT(ids(offer.groups[0].entries), ElementsAre("beratung"));

    // One group per step, with the links that are published.
    const PlannedPage& pathway = page(plan, "pathways/ankommen.html");
    ASSERT_EQ(pathway.groups.size(), 2u);
    EXPECT_THAT(ids(pathway.groups[0].entries), ElementsAre("ik-januar"));
    EXPECT_THAT(ids(pathway.groups[1].entries), ElementsAre("beratung"));

    EXPECT_TRUE(page(plan, "courses/ik-januar.html").groups.empty());
    std::vector<std::string> shown;
    offer.for_each_shown([&](const RecordEntry& e) { shown.push_back(e.record->id); });
    EXPECT_THAT(shown, ElementsAre("sprechstunde", "beratung"));
}

TEST(Plan, CoursesByStartMonthWithAPagePerMonth) {
    const Content content = site();
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    EXPECT_THAT(ids(plan.courses), ElementsAre("ik-dezember", "ik-januar"));
    const PlannedPage& overview = page(plan, "courses/index.html");
    ASSERT_EQ(overview.groups.size(), 2u);
    EXPECT_EQ(overview.groups[0].term, "2026-12");
    EXPECT_EQ(overview.groups[1].term, "2027-01");
    const PlannedPage& january = page(plan, "courses/2027-01/index.html");
    EXPECT_EQ(january.kind, PageKind::course_month);
    EXPECT_EQ(january.term, "2027-01");
    ASSERT_EQ(january.groups.size(), 1u);
    EXPECT_THAT(ids(january.groups[0].entries), ElementsAre("ik-januar"));
}

TEST(Plan, CounsellingByTopicAndTheAzOfEverything) {
    const Content content = site();
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    const PlannedPage& counselling = page(plan, "counselling/index.html");
    // One card per contact: under its first topic (its others are tags on the card and filters).
    ASSERT_EQ(counselling.groups.size(), 1u);
    EXPECT_EQ(counselling.groups[0].term, "work");
    EXPECT_THAT(ids(counselling.groups[0].entries), ElementsAre("beratung"));
    EXPECT_THAT(ids(counselling.contacts), ElementsAre("beratung"));
    const PlannedPage& az = page(plan, "a-z/index.html");
    ASSERT_EQ(az.groups.size(), 1u);
    EXPECT_EQ(az.groups[0].entries.size(), plan.entries.size());
}

TEST(Plan, FreePagesNeedASourceLanguageVersion) {
    Content content = site();
    Page imprint;
    imprint.slug = "imprint", imprint.language = "de";
    Page only_arabic;
    only_arabic.slug = "hilfe", only_arabic.language = "ar";
    Page other_language;
    other_language.slug = "privacy", other_language.language = "fr";
    content.pages = {imprint, only_arabic, other_language};
    const SitePlan plan = plan_site(content, day("2026-11-15"));
    EXPECT_EQ(page(plan, "imprint/index.html").slug, "imprint");
    EXPECT_THROW(page(plan, "hilfe/index.html"), std::runtime_error);
    EXPECT_THROW(page(plan, "privacy/index.html"), std::runtime_error);
    EXPECT_EQ(plan.free_pages.count("privacy"), 0u) << "fr is not a site language";
}

TEST(Routes, EveryFolderOfALanguageIsReservedForFreePages) {
    EXPECT_EQ(routes::record(RecordKind::contact, "mbe"), "contacts/mbe.html");
    EXPECT_EQ(routes::record(RecordKind::glossary, "jobcenter"), "glossary/index.html#jobcenter");
    EXPECT_EQ(routes::course_month("2027-01"), "courses/2027-01/index.html");
    EXPECT_EQ(routes::link("courses/2027-01/index.html", "offers/x.html"), "../../offers/x.html");
    EXPECT_EQ(routes::pretty("courses/index.html"), "courses/");
    EXPECT_EQ(routes::pretty("offers/x.html"), "offers/x.html");
    EXPECT_THAT(routes::reserved_slugs(),
                testing::UnorderedElementsAre("providers", "offers", "courses", "contacts", "pathways", "glossary", "counselling",
                                              "a-z", "search", "life-phases", "topics", "assets"));
}

}  // namespace
}  // namespace lotse
