// End to end: builds small sites and reads the HTML back as a browser and a web server would.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "output/writer.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// Offers whose titles sort differently by German collation than by bytes.
void add_records(TestSite& site) {
    auto offer = [&](const std::string& id, const std::string& title_de, const std::string& extra) {
        site.file("content/offers/" + id + ".yaml",
                  "title: {de: \"" + title_de + "\", en: \"" + title_de + " (en)\"}\n"
                  "summary: {de: \"Kurz\", en: \"Short\", ar: \"ملخص\"}\n"
                  "provider: vhs\n"
                  "checked: 2026-11-02\n" + extra);
    };
    offer("zeitung", "Zeitungswerkstatt", "life_phases: [school]\ntopics: [school]\n");
    offer("aepfel", "Äpfel ernten", "life_phases: [school]\ntopics: [school]\n");
    offer("buecher", "Bücherei-Führung", "life_phases: [school, work-and-career]\ntopics: [school, work]\n"
          "description:\n  de: |\n    Hallo <script>alert('x')</script> <img src=x onerror=alert(1)>\n"
          "    und die [Beratung](ref:contact/mbe).\n");
    site.file("content/offers/arabisch.yaml",
              "title: {de: \"Lesecafé\", en: \"Reading café\", ar: \"مقهى القراءة\"}\n"
              "summary: {de: \"Lesen\", en: \"Reading\", ar: \"قراءة\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "schedule:\n  - {days: [mon, tue, wed, thu], from: \"08:30\", to: \"12:45\"}\nlessons: 700\n"
              "checked: 2026-11-10\n");
    site.file("content/courses/old.yaml",
              "type: job-language\nprovider: vhs\nlevel: {from: B1, to: B2}\nstart: 2026-01-12\nend: 2026-07-17\n"
              "checked: 2026-11-10\n");
    site.file("content/contacts/mbe.yaml",
              "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\n"
              "topics: [work]\nlife_phases: [work-and-career]\nlanguages: [de, ar, ti]\n"
              "hours:\n  - {days: [mon, wed], from: \"09:00\", to: \"12:00\"}\nchecked: 2026-10-20\n");
    site.file("content/pathways/weg.yaml",
              "title: {de: \"Weg in die Arbeit\", en: \"Way into work\"}\nlife_phases: [work-and-career]\n"
              "topics: [work]\nsteps:\n  - title: {de: \"Deutsch lernen\", en: \"Learn German\"}\n"
              "    links: [course/ik, contact/mbe, course/old]\nchecked: 2026-11-01\n");
}

std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files[e.path().lexically_relative(root).generic_string()] = read(e.path());
    return files;
}

// The values of every attribute that starts with `prefix` (` href="`) in a page.
std::vector<std::string> attribute_values(const std::string& html, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto at = html.find(prefix); at != std::string::npos; at = html.find(prefix, at + 1)) {
        const auto start = at + prefix.size();
        out.push_back(html.substr(start, html.find('"', start) - start));
    }
    return out;
}

class BuiltSite : public ::testing::Test {
protected:
    void SetUp() override {
        add_records(site);
        ASSERT_EQ(site.build(), 0) << site.err();
    }
    TestSite site;
};

TEST_F(BuiltSite, PagesCarryLanguageAndDirection) {
    EXPECT_THAT(site.page("de/index.html"), HasSubstr("<html lang=\"de\" dir=\"ltr\">"));
    EXPECT_THAT(site.page("ar/index.html"), HasSubstr("<html lang=\"ar\" dir=\"rtl\">"));
    EXPECT_THAT(site.page("ar/offers/arabisch.html"), HasSubstr("<h1>مقهى القراءة</h1>"));
}

TEST_F(BuiltSite, UntranslatedTextIsMarkedAsTheSourceLanguage) {
    const std::string page = site.page("ar/offers/zeitung.html");
    EXPECT_THAT(page, HasSubstr("<h1><span lang=\"de\" dir=\"ltr\">Zeitungswerkstatt</span></h1>"));
    // The page says once, in its own language, that some of its texts are not translated yet.
    EXPECT_THAT(page, HasSubstr("<p class=\"fallback-note\">بعض النصوص في هذه الصفحة لم تُترجم بعد، وهي معروضة باللغة "
                                "الألمانية.</p>"));
    // The summary is translated, so it is not marked.
    EXPECT_THAT(page, HasSubstr("<p class=\"lead\">ملخص</p>"));
}

TEST_F(BuiltSite, EveryPageHasTheSharedFrame) {
    const std::string page = site.page("en/courses/ik.html");
    EXPECT_THAT(page, HasSubstr("<a class=\"skip-link\" href=\"#main\">"));
    EXPECT_THAT(page, HasSubstr("<main id=\"main\""));
    EXPECT_THAT(page, HasSubstr("<link rel=\"alternate\" hreflang=\"ar\" href=\"../../ar/courses/ik.html\">"));
    EXPECT_THAT(page, HasSubstr("<link rel=\"alternate\" hreflang=\"x-default\" href=\"../../index.html\">"));
    EXPECT_THAT(page, HasSubstr("<a href=\"../../ar/courses/ik.html\" lang=\"ar\" dir=\"rtl\" hreflang=\"ar\">العربية</a>"));
    EXPECT_THAT(page, HasSubstr("aria-current=\"page\">English</a>"));
}

TEST_F(BuiltSite, LifePhasePagesGroupByTopicInTaxonomyOrder) {
    const std::string school_page = site.page("de/life-phases/school.html");
    EXPECT_EQ(school_page.find("<h2 id=\"group-german-language\""), std::string::npos);  // no school offer is about German
    EXPECT_NE(school_page.find("<h2 id=\"group-school\""), std::string::npos);
    // The Bücherei-Führung (topics: school, work) is listed once, under its first topic.
    EXPECT_EQ(school_page.find("<h2 id=\"group-work\""), std::string::npos);
    const std::string page = site.page("de/life-phases/work-and-career.html");
    const auto school = page.find("<h2 id=\"group-school\"");
    const auto work = page.find("<h2 id=\"group-work\"");
    ASSERT_NE(school, std::string::npos);
    ASSERT_NE(work, std::string::npos);
    EXPECT_LT(school, work);
    const std::string topic = site.page("de/topics/work.html");
    EXPECT_LT(topic.find("<h2 id=\"group-school\""), topic.find("<h2 id=\"group-work-and-career\""));
    // Counselling appears under its own heading on its life phase's page.
    EXPECT_THAT(site.page("de/life-phases/work-and-career.html"),
                HasSubstr("<h2 id=\"advice\">Rat und Hilfe</h2>"));
}

TEST_F(BuiltSite, ListsFollowThePageLanguagesCollation) {
    const std::string page = site.page("de/life-phases/school.html");
    const auto a = page.find("Äpfel ernten");
    const auto b = page.find("Bücherei-Führung");
    const auto z = page.find("Zeitungswerkstatt");
    ASSERT_NE(a, std::string::npos);
    EXPECT_LT(a, b);
    EXPECT_LT(b, z);
}

TEST_F(BuiltSite, MarkdownCannotInjectScriptsOrLinks) {
    const std::string page = site.page("de/offers/buecher.html");
    // The only script element is the page's own structured data, which is not run.
    EXPECT_THAT(page, Not(HasSubstr("<script>")));
    EXPECT_EQ(page.find("<script"), page.find("<script type=\"application/ld+json\">"));
    EXPECT_EQ(page.find("<script", page.find("<script") + 1), std::string::npos);
    EXPECT_THAT(page, Not(HasSubstr("javascript:")));
    EXPECT_THAT(page, Not(HasSubstr("onerror")));
    EXPECT_THAT(page, HasSubstr("<a href=\"../contacts/mbe.html\">Beratung</a>"));
}

TEST_F(BuiltSite, EndedCoursesAreNotPublished) {
    EXPECT_FALSE(fs::exists(site.out() / "de/courses/old.html"));
    EXPECT_TRUE(fs::exists(site.out() / "de/courses/ik.html"));
    EXPECT_THAT(site.page("de/pathways/weg.html"), Not(HasSubstr("courses/old")));
}

TEST_F(BuiltSite, EveryInternalLinkAndFragmentResolves) {
    std::map<std::string, std::set<std::string>> ids;
    const auto files = tree(site.out());
    for (const auto& [path, text] : files)
        for (const std::string& id : attribute_values(text, " id=\"")) ids[path].insert(id);
    int checked = 0;
    for (const auto& [path, text] : files) {
        if (!path.ends_with(".html") || path == "404.html") continue;
        auto hrefs = attribute_values(text, " href=\"");
        for (const std::string& src : attribute_values(text, " src=\"")) hrefs.push_back(src);
        for (const std::string& href : hrefs) {
            if (href.rfind("https:", 0) == 0 || href.rfind("http:", 0) == 0 || href.rfind("mailto:", 0) == 0 ||
                href.rfind("tel:", 0) == 0)
                continue;
            const auto hash = href.find('#');
            const std::string file = href.substr(0, hash);
            const std::string target =
                file.empty() ? path : (fs::path(path).parent_path() / file).lexically_normal().generic_string();
            EXPECT_TRUE(files.count(target)) << path << " links to " << href;
            if (hash != std::string::npos) {
                EXPECT_TRUE(ids[target].count(href.substr(hash + 1))) << path << " links to missing fragment " << href;
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 1000);
}

TEST_F(BuiltSite, SameInputGivesByteIdenticalOutput) {
    TempDir other;
    ASSERT_EQ(site.build(day("2026-11-22"), other.path() / "out"), 0);
    EXPECT_EQ(tree(site.out()), tree(other.path() / "out"));
}

TEST_F(BuiltSite, FailedBuildLeavesThePreviousOutputUntouched) {
    const auto before = tree(site.out());
    site.file("content/offers/broken.yaml", "title: [oops\n");
    EXPECT_EQ(site.build(), 1);
    EXPECT_THAT(site.err(), HasSubstr("nothing was written"));
    EXPECT_EQ(tree(site.out()), before);
}

TEST_F(BuiltSite, UnchangedFilesKeepTheirModificationTime) {
    const auto stamp = fs::last_write_time(site.out() / "de/offers/zeitung.html");
    site.file("content/offers/zeitung.yaml",
              "title: {de: \"Zeitungswerkstatt neu\", en: \"Newspaper\"}\nsummary: {de: \"Kurz\", en: \"Short\"}\n"
              "provider: vhs\nlife_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
    const auto other_stamp = fs::last_write_time(site.out() / "de/courses/ik.html");
    ASSERT_EQ(site.build(), 0);
    EXPECT_EQ(fs::last_write_time(site.out() / "de/courses/ik.html"), other_stamp);
    EXPECT_THAT(site.page("de/offers/zeitung.html"), HasSubstr("Zeitungswerkstatt neu"));
    (void)stamp;
}

TEST(Output, AForeignFolderIsNeverReplaced) {
    TestSite site;
    site.file("public/notes.txt", "my notes");
    EXPECT_EQ(site.build(), 1);
    EXPECT_THAT(site.diagnostics(),
                testing::Contains(HasSubstr("public: error: this folder is not empty and was not written by Lotse, so "
                                            "it is left alone; choose another --out or empty it")));
    EXPECT_EQ(read(site.out() / "notes.txt"), "my notes");
    EXPECT_EQ(std::distance(fs::directory_iterator(site.out()), fs::directory_iterator()), 1);
}

TEST(Output, SitemapAndRobotsWhenTheSiteHasAnAddress) {
    TestSite site;
    site.file("content/site.yaml",
              "title: Teststadt\nsource_language: de\nlanguages: [de, en]\nbase_url: https://bildung.teststadt.example\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string sitemap = site.page("sitemap.xml");
    EXPECT_THAT(sitemap, HasSubstr("<url><loc>https://bildung.teststadt.example/en/providers/vhs.html</loc>"
                                   "<xhtml:link rel=\"alternate\" hreflang=\"de\" "
                                   "href=\"https://bildung.teststadt.example/de/providers/vhs.html\"/>"));
    EXPECT_THAT(site.page("robots.txt"), HasSubstr("Sitemap: https://bildung.teststadt.example/sitemap.xml"));
    EXPECT_TRUE(fs::exists(site.out() / "404.html"));
}

TEST(Output, ASiteOverTheSitemapLimitsGetsAnIndexOfParts) {
    // The protocol allows 50,000 URLs per sitemap file; here the limit is 10 URLs (5 pages in two
    // languages), so the site's 17 pages (4 of them the month pages from the current month on) need
    // four parts.
    TestSite site;
    site.file("content/site.yaml",
              "title: Teststadt\nsource_language: de\nlanguages: [de, en]\nbase_url: https://bildung.teststadt.example\n");
    site.sitemap_limits.urls = 10;
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string index = site.page("sitemap.xml");
    EXPECT_THAT(index, HasSubstr("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                                 "<sitemap><loc>https://bildung.teststadt.example/sitemap-1.xml</loc></sitemap>\n"
                                 "<sitemap><loc>https://bildung.teststadt.example/sitemap-2.xml</loc></sitemap>\n"));
    // Every page of the site is in exactly one part, in every language, and no part is over the limit.
    std::size_t parts = 0, urls = 0;
    std::string all;
    for (; fs::exists(site.out() / ("sitemap-" + std::to_string(parts + 1) + ".xml")); ++parts) {
        const std::string part = site.page("sitemap-" + std::to_string(parts + 1) + ".xml");
        EXPECT_THAT(part, HasSubstr("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""));
        std::size_t in_part = 0;
        for (std::size_t at = 0; (at = part.find("<url>", at)) != std::string::npos; ++at) ++in_part;
        EXPECT_LE(in_part, 10u);
        urls += in_part;
        all += part;
    }
    EXPECT_EQ(parts, 4u);
    EXPECT_THAT(index, HasSubstr("sitemap-" + std::to_string(parts) + ".xml"));
    EXPECT_THAT(index, Not(HasSubstr("sitemap-" + std::to_string(parts + 1) + ".xml")));
    std::size_t pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(site.out() / "de"))
        pages += e.path().extension() == ".html";
    EXPECT_EQ(urls, 2 * pages);
    EXPECT_THAT(all, HasSubstr("<url><loc>https://bildung.teststadt.example/en/providers/vhs.html</loc>"
                               "<xhtml:link rel=\"alternate\" hreflang=\"de\" "
                               "href=\"https://bildung.teststadt.example/de/providers/vhs.html\"/>"));
    EXPECT_THAT(site.page("robots.txt"), HasSubstr("Sitemap: https://bildung.teststadt.example/sitemap.xml"));

    // Under the limits again, the site has one sitemap and the parts are gone.
    site.sitemap_limits = {};
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.page("sitemap.xml"), HasSubstr("<urlset"));
    EXPECT_FALSE(fs::exists(site.out() / "sitemap-1.xml"));
}

TEST(Output, ASitesOwnSitemapTemplateIsSplitByTheBytesItWrites) {
    // A site's sitemap template that writes far more per page than the built-in one (a comment
    // with the path four times): the parts are cut by the bytes it renders, so none is over the
    // limit, and every page is listed.
    TestSite site;
    site.file("content/site.yaml",
              "title: Teststadt\nsource_language: de\nlanguages: [de, en]\nbase_url: https://bildung.teststadt.example\n");
    site.file("templates/sitemap.mustache",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
              "{{#routes}}{{#site_languages}}<url><loc>{{base_url}}{{lang}}/{{path}}</loc></url>"
              "<!-- {{path}} {{path}} {{path}} {{path}} -->\n{{/site_languages}}{{/routes}}</urlset>\n");
    site.sitemap_limits.bytes = 2000;
    ASSERT_EQ(site.build(), 0) << site.err();
    std::size_t parts = 0, urls = 0;
    for (; fs::exists(site.out() / ("sitemap-" + std::to_string(parts + 1) + ".xml")); ++parts) {
        const std::string part = site.page("sitemap-" + std::to_string(parts + 1) + ".xml");
        EXPECT_LE(part.size(), 2000u) << "sitemap-" << parts + 1 << ".xml";
        for (std::size_t at = 0; (at = part.find("<url>", at)) != std::string::npos; ++at) ++urls;
    }
    EXPECT_GT(parts, 1u);
    std::size_t pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(site.out() / "de"))
        pages += e.path().extension() == ".html";
    EXPECT_EQ(urls, 2 * pages);
}

TEST(Output, NoSitemapWithoutAddress) {
    TestSite site;
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_FALSE(fs::exists(site.out() / "sitemap.xml"));
    EXPECT_EQ(site.page("robots.txt"), "User-agent: *\nAllow: /\n");
}

TEST(Output, LanguageChooserNamesEachLanguageInItself) {
    TestSite site;
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string page = site.page("index.html");
    EXPECT_THAT(page, HasSubstr("<li lang=\"ar\" dir=\"rtl\"><a href=\"ar/index.html\" hreflang=\"ar\"><strong>العربية</strong>"));
    EXPECT_THAT(page, HasSubstr("<li lang=\"de\" dir=\"ltr\"><a href=\"de/index.html\" hreflang=\"de\"><strong>Deutsch</strong>"));
}

TEST(CommandLine, ExitCodes) {
    TestSite site;
    std::string out;
    EXPECT_EQ(run("check " + site.path().string() + " --date 2026-11-22", &out), 0) << out;
    EXPECT_THAT(out, HasSubstr("0 errors, 0 warnings"));
    EXPECT_EQ(run("", &out), 2);
    EXPECT_EQ(run("build " + site.path().string() + " --date 2026-02-30", &out), 2);
    EXPECT_THAT(out, HasSubstr("--date: must be a date written YYYY-MM-DD that exists"));
    EXPECT_EQ(run("publish", &out), 2);
    EXPECT_EQ(run("--version", &out), 0);
    EXPECT_THAT(out, HasSubstr("lotse "));
    site.file("content/offers/x.yaml", "title: x\n");
    EXPECT_EQ(run("check " + site.path().string() + " --date 2026-11-22", &out), 1);
    EXPECT_EQ(run("build " + site.path().string() + " --date 2026-11-22", &out), 1);
    EXPECT_FALSE(fs::exists(site.out()));
}

TEST(CommandLine, SourceDateEpochIsToday) {
    TestSite site;
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "checked: 2026-11-10\n");
    std::string out;
    // 2027-08-01T00:00:00Z
    EXPECT_EQ(run("check " + site.path().string() + " 2>&1; SOURCE_DATE_EPOCH=1817078400 " + LOTSE_BINARY + " check " +
                      site.path().string(),
                  &out),
              0);
    EXPECT_THAT(out, HasSubstr("this course ended on 2027-07-16"));
}

TEST(SampleSite, ChecksCleanAndBuildsEveryPageKindInEveryLanguage) {
    TempDir out;
    RunOptions o;
    o.site_dir = LOTSE_SOURCE_DATA_DIR;
    o.out = out.path() / "public";
    o.today = day("2026-11-22");
    std::ostringstream log, err;
    ASSERT_EQ(run_build(o, log, err), 0) << err.str();
    EXPECT_THAT(err.str(), HasSubstr("0 errors"));
    for (const char* lang : {"de", "en", "ar", "fa", "uk", "ru", "tr"}) {
        for (const char* page : {"index.html", "life-phases/school.html", "topics/german-language.html",
                                 "courses/index.html", "counselling/index.html", "a-z/index.html",
                                 "imprint/index.html", "privacy/index.html", "accessibility/index.html"})
            EXPECT_TRUE(fs::exists(o.out / lang / page)) << lang << "/" << page;
        for (const char* kind : {"offers", "courses", "contacts", "providers", "pathways"})
            EXPECT_GE(std::distance(fs::directory_iterator(o.out / lang / kind), fs::directory_iterator()), 3)
                << lang << "/" << kind;
    }
    EXPECT_TRUE(fs::exists(o.out / "index.html"));
    EXPECT_TRUE(fs::exists(o.out / "404.html"));
    EXPECT_TRUE(fs::exists(o.out / "sitemap.xml"));
    EXPECT_TRUE(fs::exists(o.out / "assets/style.css"));
}

}  // namespace
}  // namespace lotse::test

namespace lotse::test {
namespace {

TEST(Overrides, SiteCatalogAndTemplatesReplaceTheBuiltInOnesFileByFile) {
    TestSite site;
    std::string en = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    en.replace(en.find("\"Skip to content\""), 17, "\"Jump to the content\"");
    site.file("i18n/en.txt", en);
    site.file("templates/home.mustache", "<h1>Our own home page</h1>\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.page("en/index.html"), HasSubstr("<a class=\"skip-link\" href=\"#main\">Jump to the content</a>"));
    EXPECT_THAT(site.page("en/index.html"), HasSubstr("<h1>Our own home page</h1>"));
    // Other languages and other templates are still the built-in ones.
    EXPECT_THAT(site.page("de/index.html"), HasSubstr(">Zum Inhalt springen</a>"));
    EXPECT_THAT(site.page("de/providers/vhs.html"), HasSubstr("<article class=\"record\">"));
}

TEST(Overrides, BrokenTemplateStopsTheBuild) {
    TestSite site;
    site.file("templates/home.mustache", "<h1>{{#site_title}}</h1>\n");
    EXPECT_EQ(site.build(), 1);
    EXPECT_THAT(site.diagnostics(), testing::Contains(HasSubstr("templates/home.mustache: error: this template cannot be used: ")));
    EXPECT_FALSE(fs::exists(site.out()));
}

TEST(Output, ProblemsWithTheContentAndTheTemplatesAreShownTogetherAndTheOutputIsNotTouched) {
    TestSite site;
    site.file("public/notes.txt", "my notes");
    site.file("templates/home.mustache", "<h1>{{#site_title}}</h1>\n");
    site.file("content/offers/kaputt.yaml", "title: {de: \"Kaputt\"\nsummary: x\n");
    EXPECT_EQ(site.build(), 1);
    EXPECT_THAT(site.diagnostics(), testing::Contains(HasSubstr("content/offers/kaputt.yaml:1:8: error: the \"{\" here is not closed")));
    EXPECT_THAT(site.diagnostics(), testing::Contains(HasSubstr("templates/home.mustache: error: this template cannot be used: ")));
    // The output folder (not Lotse's) is never looked at for writing: no complaint about it, and
    // nothing made beside it.
    EXPECT_THAT(site.diagnostics(), testing::Not(testing::Contains(HasSubstr("not written by Lotse"))));
    EXPECT_THAT(site.err(), HasSubstr("nothing was written"));
    EXPECT_EQ(read(site.out() / "notes.txt"), "my notes");
    std::vector<std::string> beside;
    for (const auto& e : fs::directory_iterator(site.path())) beside.push_back(e.path().filename().string());
    EXPECT_THAT(beside, testing::UnorderedElementsAre("content", "public", "templates"));
}

TEST(Output, OutputThatIsAFileIsRefused) {
    TestSite site;
    site.file("public", "not a folder");
    EXPECT_EQ(site.build(), 1);
    EXPECT_THAT(site.diagnostics(), testing::Contains(HasSubstr("public: error: this is a file, not a folder, so the site "
                                                                "cannot be written here; choose another --out, or move the "
                                                                "file away")));
    EXPECT_EQ(read(site.out()), "not a folder");
}

// A marker that lists paths outside the output (edited, or planted): the next build deletes
// nothing anywhere and says why.
TEST(Output, AMarkerListingPathsOutsideTheOutputIsNotLotses) {
    TestSite site;
    ASSERT_EQ(site.build(), 0);
    site.file("victim.txt", "keep me");
    site.file("elsewhere/sub/only.txt", "keep me too");
    const std::string marker = read(site.out() / ".lotse-output");
    write(site.out() / ".lotse-output", marker + "0000000000000000 ../victim.txt\n0000000000000000 ../elsewhere/sub/only.txt\n");
    const auto before = tree(site.out());
    EXPECT_EQ(site.build(day("2026-11-23")), 1);
    const int line = static_cast<int>(std::count(marker.begin(), marker.end(), '\n')) + 1;
    EXPECT_THAT(site.diagnostics(),
                testing::ElementsAre("public/.lotse-output:" + std::to_string(line) +
                                     ":18: error: \"../victim.txt\" is not a file inside the output folder, so this "
                                     ".lotse-output was not written by Lotse and the folder is left alone; choose another "
                                     "--out, or delete the folder if nothing in it is needed"));
    EXPECT_EQ(read(site.path() / "victim.txt"), "keep me");
    EXPECT_EQ(read(site.path() / "elsewhere/sub/only.txt"), "keep me too");
    EXPECT_EQ(tree(site.out()), before);
}

// A folder of the output replaced by a link to a folder elsewhere: the rebuild writes nothing
// there and the output gets a real folder back.
TEST(Output, ALinkInsideTheOutputIsNeverFollowed) {
    TestSite site;
    ASSERT_EQ(site.build(), 0);
    fs::rename(site.out() / "de", site.path() / "elsewhere");
    fs::create_directory_symlink(site.path() / "elsewhere", site.out() / "de");
    const auto elsewhere = tree(site.path() / "elsewhere");
    ASSERT_EQ(site.build(day("2026-11-23")), 0) << site.err();
    EXPECT_EQ(tree(site.path() / "elsewhere"), elsewhere);
    EXPECT_FALSE(fs::is_symlink(site.out() / "de"));
    EXPECT_TRUE(fs::is_regular_file(site.out() / "de/index.html"));
}

}  // namespace
}  // namespace lotse::test

namespace lotse::test {
namespace {

// A build from scratch: another output folder and an empty cache.
int fresh_build(TestSite& site, Date today, const fs::path& out) {
    TempDir cache;
    const std::string kept = std::getenv("XDG_CACHE_HOME") ? std::getenv("XDG_CACHE_HOME") : "";
    setenv("XDG_CACHE_HOME", cache.path().c_str(), 1);
    const int rc = site.build(today, out);
    setenv("XDG_CACHE_HOME", kept.c_str(), 1);
    return rc;
}

// The site's output is what a build from scratch on `today` writes.
void expect_as_from_scratch(TestSite& site, Date today = day("2026-11-22"), const std::string& after = "") {
    TempDir fresh;
    ASSERT_EQ(fresh_build(site, today, fresh.path() / "out"), 0);
    EXPECT_EQ(tree(site.out()), tree(fresh.path() / "out")) << after;
}

// A rebuild renders only pages whose inputs changed and takes unchanged records from the cache;
// whatever is edited, its output must be the same as a build from scratch.
TEST(Rebuild, EqualsAFreshBuildAfterEveryKindOfEdit) {
    TestSite site;
    add_records(site);
    // With an address, so the sitemap (every page) is compared too.
    site.file("content/site.yaml",
              "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\"}\nsource_language: de\n"
              "languages: [de, en, ar]\nbase_url: https://bildung.teststadt.example/\nregion: Teststadt\n"
              "review_after_days: 180\ncontact: {email: info@teststadt.example, phone: \"+49 000 1\"}\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    ASSERT_TRUE(fs::exists(site.out() / "sitemap.xml"));
    const std::vector<std::pair<std::string, std::string>> edits = {
        {"content/providers/vhs.yaml",
         "name: {de: \"VHS Teststadt neu\", en: \"Adult education centre\"}\nlocation: {street: \"Ring 9\", postcode: "
         "\"00100\", city: \"Teststadt\", district: \"Süd\"}\nchecked: 2026-11-01\n"},
        {"content/offers/zeitung.yaml",
         "title: {de: \"Zeitungswerkstatt 2\", en: \"Newspaper\"}\nsummary: {de: \"Kurz\", en: \"Short\"}\n"
         "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n"},
        {"content/contacts/mbe.yaml",
         "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\ntopics: [work]\n"
         "life_phases: [work-and-career]\nhours:\n  - {days: [fri], from: \"10:00\", to: \"11:00\"}\nchecked: 2026-10-20\n"},
        {"content/pages/imprint.de.md", "---\ntitle: Impressum neu\n---\nNeu.\n"},
        {"content/courses/neu.yaml",
         "type: other\nprovider: vhs\nlevel: {from: A2, to: A2}\nstart: 2027-03-01\nend: 2027-04-01\nchecked: 2026-11-10\n"},
    };
    for (const auto& [path, text] : edits) {
        site.file(path, text);
        ASSERT_EQ(site.build(), 0) << site.err();
        expect_as_from_scratch(site, day("2026-11-22"), "after editing " + path);
        site.build();  // back to the default output folder for the next edit
    }
    // A record removed: its page goes, and every page that listed it follows.
    site.remove("content/offers/aepfel.yaml");
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.out_text(), HasSubstr(" removed; "));
    EXPECT_FALSE(fs::exists(site.out() / "de/offers/aepfel.html"));
    {
        expect_as_from_scratch(site, day("2026-11-22"), "after removing an offer");
        site.build();
    }
    // A later date can unpublish courses: everything that lists them follows.
    ASSERT_TRUE(fs::exists(site.out() / "de/courses/2027-01/index.html"));
    ASSERT_EQ(site.build(day("2027-07-20")), 0);
    expect_as_from_scratch(site, day("2027-07-20"));
    EXPECT_FALSE(fs::exists(site.out() / "de/courses/2027-01")) << "a month's folder goes with its last course";
}

// Cards and index entries come from the cache when their record, the templates, the catalogs and
// the settings are as they were; a change to any of them shows on every page that lists cards.
TEST(Rebuild, ACardTemplateOrCatalogChangedShowsOnEveryPageThatListsCards) {
    TestSite site;
    add_records(site);
    const std::string card = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "templates/partials/card.mustache");
    site.file("templates/partials/card.mustache", card);
    ASSERT_EQ(site.build(), 0) << site.err();
    std::string marked = card;
    marked.replace(marked.find("<p class=\"card-kind\">"), 21, "<p class=\"card-kind marked\">");
    site.file("templates/partials/card.mustache", marked);
    ASSERT_EQ(site.build(), 0) << site.err();
    for (const char* page : {"de/life-phases/work-and-career.html", "en/topics/work.html", "ar/counselling/index.html"})
        EXPECT_THAT(site.page(page), HasSubstr("<p class=\"card-kind marked\">")) << page;
    std::string en = read(std::filesystem::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    en.replace(en.find("\"kind.offer\" { \"Offer\" }"), 24, "\"kind.offer\" { \"Course or event\" }");
    site.file("i18n/en.txt", en);
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.page("en/life-phases/work-and-career.html"), HasSubstr("<p class=\"card-kind marked\">Course or event</p>"));
    expect_as_from_scratch(site);
}

// A record's place in every list and its letter in the A–Z index follow its title at once, though
// the other records' places and letters come from the cache.
TEST(Rebuild, ARenamedRecordMovesInTheListsAndTheIndex) {
    TestSite site;
    add_records(site);
    ASSERT_EQ(site.build(), 0) << site.err();
    ASSERT_NE(site.page("de/a-z/index.html").find(">A</h2>"), std::string::npos) << "Äpfel goes under A";
    const std::string before = site.page("de/life-phases/school.html");
    ASSERT_LT(before.find("Äpfel ernten"), before.find("Zeitungswerkstatt"));
    site.file("content/offers/aepfel.yaml",
              "title: {de: \"Zwetschgen ernten\", en: \"Plums\"}\nsummary: {de: \"Kurz\", en: \"Short\"}\n"
              "provider: vhs\nchecked: 2026-11-02\nlife_phases: [school]\ntopics: [school]\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string after = site.page("de/life-phases/school.html");
    EXPECT_GT(after.find("Zwetschgen ernten"), after.find("Zeitungswerkstatt"));
    const std::string index = site.page("de/a-z/index.html");
    const std::size_t z = index.find(">Z</h2>");
    ASSERT_NE(z, std::string::npos);
    EXPECT_GT(index.find("Zwetschgen ernten"), index.find("Zeitungswerkstatt", z));
    EXPECT_EQ(index.find(">A</h2>"), std::string::npos) << "no record is left under A";
    expect_as_from_scratch(site);
}

// What Lotse keeps between builds may be damaged (a full disk, a crash): the next build renders
// what it cannot use, and its pages are those of a build from scratch.
TEST(Rebuild, ADamagedCacheGivesTheSamePages) {
    TestSite site;
    add_records(site);
    TempDir cache;
    const std::string kept = std::getenv("XDG_CACHE_HOME");
    setenv("XDG_CACHE_HOME", cache.path().c_str(), 1);
    ASSERT_EQ(site.build(), 0) << site.err();
    std::size_t damaged = 0;
    for (const auto& e : fs::recursive_directory_iterator(cache.path()))
        if (e.is_regular_file() && (e.path().extension() == ".fragments" || e.path().extension() == ".records")) {
            const std::string bytes = read(e.path());
            write(e.path(), bytes.substr(0, bytes.size() * 2 / 3));
            ++damaged;
        }
    EXPECT_EQ(damaged, 4u) << "the records, and the fragments of each of the three languages";
    site.file("content/offers/zeitung.yaml",
              "title: {de: \"Zeitungswerkstatt 2\", en: \"Newspaper\"}\nsummary: {de: \"Kurz\", en: \"Short\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    const int rc = site.build();
    setenv("XDG_CACHE_HOME", kept.c_str(), 1);
    ASSERT_EQ(rc, 0) << site.err();
    EXPECT_THAT(site.page("de/life-phases/work-and-career.html"), HasSubstr("Zeitungswerkstatt 2"));
    expect_as_from_scratch(site);
}

TEST(Rebuild, AnotherSpellingOfTheSiteFolderIsTheSameSite) {
    TestSite site;
    add_records(site);
    ASSERT_EQ(site.build(), 0);
    RunOptions o;
    o.site_dir = site.path() / "content" / "..";
    o.out = site.out();
    o.today = day("2026-11-22");
    std::ostringstream out, err;
    ASSERT_EQ(run_build(o, out, err), 0) << err.str();
    // Only the home pages are rendered, as in every build (they show the offline copy's size), and
    // come out the same.
    EXPECT_THAT(out.str(), HasSubstr(": 0 changed, 140 unchanged; 3 pages rendered, 74 kept from the last build"));
}

TEST(Rebuild, OneEditRendersOnlyThePagesThatShowIt) {
    TestSite site;
    add_records(site);
    ASSERT_EQ(site.build(), 0);
    site.file("content/offers/arabisch.yaml",
              "title: {de: \"Lesecafé am Abend\", en: \"Reading café\", ar: \"مقهى القراءة\"}\n"
              "summary: {de: \"Lesen\", en: \"Reading\", ar: \"قراءة\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    ASSERT_EQ(site.build(), 0);
    // The offer, its provider, its life phase and topic, the A–Z page show its title; English and
    // Arabic have titles of their own, so only the German ones are rendered. The language chooser,
    // the 404 page and the course exports do not show offers, so they are kept too; of the open
    // data, the German package's services.csv names the offer. Every language's search files hold
    // the German title, so all five files of each of the three languages (entry, word shard, infix
    // shard, two item chunks: each carries the build's version) are written again, and so are each
    // language's offline list and worker, whose version follows every file; the three home pages
    // are rendered as in every build.
    EXPECT_THAT(site.out_text(), HasSubstr(": 27 changed, 113 unchanged; 8 pages rendered, 69 kept from the last build"));
}

TEST(Rebuild, AnEditShowsInEveryLanguageThatBorrowsTheText) {
    TestSite site;
    add_records(site);
    site.file("content/offers/arabisch.yaml",
              "title: {de: \"Lesecafé\"}\nsummary: {de: \"Lesen\", en: \"Reading\", ar: \"قراءة\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    ASSERT_EQ(site.build(), 0);
    site.file("content/offers/arabisch.yaml",
              "title: {de: \"Lesecafé am Abend\"}\nsummary: {de: \"Lesen\", en: \"Reading\", ar: \"قراءة\"}\n"
              "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n");
    ASSERT_EQ(site.build(), 0);
    // The same five pages in each of the three languages: English and Arabic show the German title,
    // as each language's services.csv and search files do.
    EXPECT_THAT(site.out_text(), HasSubstr(": 39 changed, 101 unchanged; 18 pages rendered, 59 kept from the last build"));
    EXPECT_THAT(site.page("ar/offers/arabisch.html"), HasSubstr("Lesecafé am Abend"));
}

}  // namespace
}  // namespace lotse::test
