// Weekdays written in German (Mo, Di, Mittwoch) are the same days as the keys mon … sun: the site
// built from them is the same, byte for byte.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "diagnostic_table.h"

namespace lotse::test {
namespace {

// The course page and the course overview of a site whose one course meets on `days`.
std::string built(const std::string& days) {
    TestSite site;
    site.file("content/courses/ik.yaml", edited(course(), {{"[mon, tue]", days}}));
    EXPECT_EQ(site.build(), 0) << site.err();
    return site.page("de/courses/ik.html") + site.page("en/courses/ik.html") + site.page("de/courses/index.html");
}

TEST(WeekdayNames, GermanNamesBuildTheSameSiteAsTheKeys) {
    const std::string keys = built("[mon, tue, wed, fri]");
    EXPECT_THAT(keys, testing::HasSubstr("<li>Mo–Mi und Fr <bdi>"));
    EXPECT_EQ(built("[Mo, Di, Mi, Fr]"), keys);
    EXPECT_EQ(built("[Montag, dienstag, MI, Fr.]"), keys);
    EXPECT_EQ(built("[Fr, Mi, Di, Mo]"), keys);
}

}  // namespace
}  // namespace lotse::test
