// What partners' machines read from the sample site: the JSON-LD of every record page (schema.org,
// with what Google's course and event guidelines require) and each language's Atom feed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "render/structured_data.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kLanguages[] = {"de", "en", "ar", "fa", "uk", "ru", "tr"};
constexpr const char* kBase = "https://bildung.beispielstadt.example/";

// The JSON-LD scripts of a page, as text.
std::vector<std::string> scripts(const std::string& html) {
    const std::string open = "<script type=\"application/ld+json\">", close = "</script>";
    std::vector<std::string> out;
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        const auto start = at + open.size();
        out.push_back(html.substr(start, html.find(close, start) - start));
    }
    return out;
}

// The sample site, built once for every test here.
class SampleOutput : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        RunOptions o;
        o.site_dir = LOTSE_SOURCE_DATA_DIR;
        o.out = out();
        o.today = day("2026-11-22");
        std::ostringstream log, err;
        ASSERT_EQ(run_build(o, log, err), 0) << err.str();
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static fs::path out() { return dir_->path() / "public"; }

    // The one JSON-LD node of a record page.
    static json ld(const std::string& page) {
        const std::vector<std::string> found = scripts(read(out() / page));
        if (found.size() != 1) {
            ADD_FAILURE() << page << " has " << found.size() << " JSON-LD scripts";
            return json::object();
        }
        return json::parse(found.front());
    }

    static std::unique_ptr<TempDir> dir_;
};
std::unique_ptr<TempDir> SampleOutput::dir_;

TEST_F(SampleOutput, EveryRecordPageCarriesWhatSearchEnginesRequire) {
    std::size_t pages = 0;
    for (const char* lang : kLanguages)
        for (const char* folder : {"courses", "offers", "contacts", "providers", "pathways"})
            for (const auto& f : fs::directory_iterator(out() / lang / folder)) {
                // Record pages only: not the course overview, nor the month folders beside it.
                if (f.path().extension() != ".html" || f.path().filename() == "index.html") continue;
                const std::string page = f.path().lexically_relative(out()).generic_string();
                const std::vector<std::string> found = scripts(read(f.path()));
                ASSERT_EQ(found.size(), 1u) << page;
                json j = json::parse(found.front(), nullptr, false);
                ASSERT_FALSE(j.is_discarded()) << page << ": " << found.front();
                ++pages;
                EXPECT_EQ(j["@context"], "https://schema.org") << page;
                EXPECT_TRUE(j["name"].is_string() && !j["name"].get<std::string>().empty()) << page;
                EXPECT_EQ(j["mainEntityOfPage"]["inLanguage"], lang) << page;
                // The page itself, and the same page in every other language.
                const std::string route = page.substr(page.find('/') + 1);
                EXPECT_EQ(j["url"], kBase + page) << page;
                for (const char* other : kLanguages) {
                    if (std::string(other) != lang) {
                        EXPECT_THAT(j["sameAs"], testing::Contains(kBase + std::string(other) + "/" + route)) << page;
                    }
                }
                const std::string type = j["@type"];
                if (type == "Course") {
                    // Google's course info: name, description, provider; a course instance with its
                    // mode and a schedule or a workload; offers where the fee is known.
                    EXPECT_TRUE(j["description"].is_string()) << page;
                    EXPECT_TRUE(j["provider"]["name"].is_string()) << page;
                    json instance = j["hasCourseInstance"];
                    EXPECT_EQ(instance["@type"], "CourseInstance") << page;
                    EXPECT_THAT(instance["courseMode"].get<std::string>(), testing::AnyOf("onsite", "online", "blended")) << page;
                    EXPECT_TRUE(instance.contains("courseSchedule") || instance.contains("courseWorkload")) << page;
                    EXPECT_EQ(j["inLanguage"], "de") << page;
                } else if (type == "EducationEvent") {
                    // Google's events: name, startDate, location.
                    EXPECT_TRUE(j["startDate"].is_string()) << page;
                    EXPECT_TRUE(j["location"]["@type"].is_string()) << page;
                } else {
                    EXPECT_THAT(type, testing::AnyOf("Service", "EducationalOrganization", "HowTo")) << page;
                }
            }
    EXPECT_GE(pages, 7u * 50);
}

TEST_F(SampleOutput, ACourseIsACourseWithItsInstanceScheduleAndPrice) {
    json de = ld("de/courses/vhs-ik-abend.html");
    EXPECT_EQ(de["@type"], "Course");
    EXPECT_EQ(de["name"], "Integrationskurs am Abend – für Berufstätige");
    EXPECT_EQ(de["provider"], json::parse(R"({"@type": "Organization", "name": "Volkshochschule Beispielstadt",
                                             "url": "https://vhs-beispielstadt.example/"})"));
    EXPECT_EQ(de["educationalLevel"], json::parse(R"(["A1", "A2", "B1"])"));
    EXPECT_EQ(de["hasCourseInstance"], json::parse(R"({
        "@type": "CourseInstance", "courseMode": "onsite", "startDate": "2027-02-01", "endDate": "2027-12-17",
        "courseSchedule": [{"@type": "Schedule",
            "byDay": ["https://schema.org/Monday", "https://schema.org/Tuesday", "https://schema.org/Wednesday",
                      "https://schema.org/Thursday"],
            "startTime": "17:30", "endTime": "20:45", "duration": "PT3H15M", "repeatFrequency": "P1W",
            "startDate": "2027-02-01", "endDate": "2027-12-17"}],
        "courseWorkload": "PT525H",
        "location": {"@type": "Place", "name": "Volkshochschule Beispielstadt",
            "address": {"@type": "PostalAddress", "streetAddress": "Am Lindenplatz 4", "postalCode": "00110",
                        "addressLocality": "Beispielstadt"}}})"));
    EXPECT_EQ(de["offers"], json::parse(R"({"@type": "Offer", "price": 0.0, "priceCurrency": "EUR", "category": "Free",
                                           "url": "https://vhs-beispielstadt.example/deutsch/anmeldung"})"));
    EXPECT_EQ(de["url"], "https://bildung.beispielstadt.example/de/courses/vhs-ik-abend.html");
    EXPECT_EQ(de["sameAs"][0], "https://bildung.beispielstadt.example/en/courses/vhs-ik-abend.html");
    EXPECT_EQ(de["mainEntityOfPage"], json::parse(R"({"@type": "WebPage", "inLanguage": "de",
        "url": "https://bildung.beispielstadt.example/de/courses/vhs-ik-abend.html"})"));

    // In Arabic: the page's language and address, the provider's Arabic name, the course still German.
    json ar = ld("ar/courses/vhs-ik-abend.html");
    EXPECT_EQ(ar["name"], "Integrationskurs am Abend – für Berufstätige");  // no Arabic title yet
    EXPECT_EQ(ar["provider"]["name"], "الجامعة الشعبية في بايشبيلشتات");
    EXPECT_EQ(ar["inLanguage"], "de");
    EXPECT_EQ(ar["mainEntityOfPage"]["inLanguage"], "ar");
    EXPECT_EQ(ar["url"], "https://bildung.beispielstadt.example/ar/courses/vhs-ik-abend.html");
    EXPECT_EQ(ar["sameAs"][0], "https://bildung.beispielstadt.example/de/courses/vhs-ik-abend.html");
    EXPECT_EQ(ar["hasCourseInstance"]["location"]["name"], "الجامعة الشعبية في بايشبيلشتات");
    EXPECT_EQ(ar["hasCourseInstance"]["courseSchedule"], de["hasCourseInstance"]["courseSchedule"]);
}

TEST_F(SampleOutput, AnOfferWithDatesIsAnEducationEvent) {
    json de = ld("de/offers/kita-infoabend.html");
    EXPECT_EQ(de["@type"], "EducationEvent");
    EXPECT_EQ(de["name"], "Wie funktioniert die Kita? Infoabend für Eltern");
    EXPECT_EQ(de["description"],
              "Einmal im Monat erklären wir Kita-Platz, Eingewöhnung, Kosten und Anmeldung – mit Sprachmittlung.");
    EXPECT_EQ(de["startDate"], "2026-09-01");
    EXPECT_EQ(de["endDate"], "2027-07-31");
    EXPECT_EQ(de["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode");
    EXPECT_EQ(de["location"]["@type"], "Place");
    EXPECT_EQ(de["inLanguage"], json::parse(R"(["de", "ar", "uk", "tr", "so"])"));
    EXPECT_EQ(de["offers"]["category"], "Free");
    EXPECT_EQ(de["offers"]["url"], "https://familienzentrum-rosengarten.example/infoabend-kita");

    json ar = ld("ar/offers/kita-infoabend.html");
    EXPECT_EQ(ar["name"], "كيف تعمل روضة الأطفال؟ أمسية إعلامية للأهالي");
    EXPECT_EQ(ar["description"], "مرة في الشهر نشرح الحصول على مكان في الروضة، وفترة التأقلم، والتكاليف، والتسجيل – مع ترجمة شفهية.");
    EXPECT_EQ(ar["mainEntityOfPage"]["inLanguage"], "ar");
    EXPECT_EQ(ar["startDate"], "2026-09-01");
}

TEST_F(SampleOutput, ACounsellingContactIsAServiceWithItsChannelLanguagesAndHours) {
    json de = ld("de/contacts/mbe-caritas.html");
    EXPECT_EQ(de["@type"], "Service");
    EXPECT_EQ(de["name"], "Migrationsberatung für Erwachsene (MBE) – Caritas");
    EXPECT_THAT(de["description"].get<std::string>(), HasSubstr("Die MBE berät Zugewanderte ab 27 Jahren"));
    EXPECT_THAT(de["description"].get<std::string>(), Not(HasSubstr("ref:")));
    EXPECT_EQ(de["provider"]["name"], "Caritasverband Beispielstadt e. V.");
    EXPECT_EQ(de["areaServed"], "Beispielstadt");
    const json hours = json::parse(R"([
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Wednesday"],
         "opens": "09:00", "closes": "12:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": ["https://schema.org/Thursday"],
         "opens": "13:00", "closes": "17:00", "description": "nur mit Termin"}])");
    EXPECT_EQ(de["hoursAvailable"], hours);
    json channel = de["availableChannel"];
    EXPECT_EQ(channel["serviceUrl"], "https://caritas-beispielstadt.example/migrationsberatung");
    EXPECT_EQ(channel["availableLanguage"], json::parse(R"(["de", "ar", "ku", "fa", "en"])"));
    EXPECT_EQ(channel["servicePhone"]["@type"], "ContactPoint");
    EXPECT_EQ(channel["servicePhone"]["telephone"], "+49 000 3456-12");
    EXPECT_EQ(channel["servicePhone"]["email"], "mbe@caritas-beispielstadt.example");
    EXPECT_EQ(channel["servicePhone"]["url"], "https://caritas-beispielstadt.example/migrationsberatung");
    EXPECT_EQ(channel["servicePhone"]["hoursAvailable"], hours);
    EXPECT_EQ(channel["serviceLocation"]["address"]["streetAddress"], "Sonnenwinkel 9");

    json ar = ld("ar/contacts/mbe-caritas.html");
    EXPECT_EQ(ar["name"], "الاستشارة الخاصة بالهجرة للبالغين (MBE) – كاريتاس");
    EXPECT_EQ(ar["hoursAvailable"][1]["description"], "بموعد مسبق فقط");
    EXPECT_EQ(ar["availableChannel"]["availableLanguage"], channel["availableLanguage"]);
    EXPECT_EQ(ar["url"], "https://bildung.beispielstadt.example/ar/contacts/mbe-caritas.html");
}

// The Atom feed of a language: parsed with pugixml, every element RFC 4287 requires.
TEST_F(SampleOutput, EachLanguageHasAnAtomFeedOfCoursesAndOffersNewestFirst) {
    for (const char* lang : kLanguages) {
        const std::string path = std::string(lang) + "/feed.xml";
        pugi::xml_document doc;
        ASSERT_TRUE(doc.load_file((out() / path).c_str())) << path;
        const pugi::xml_node feed = doc.child("feed");
        ASSERT_TRUE(feed) << path;
        EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
        EXPECT_STREQ(feed.attribute("xml:lang").value(), lang);
        EXPECT_EQ(feed.child_value("id"), kBase + path);
        EXPECT_STRNE(feed.child_value("title"), "");
        EXPECT_STRNE(feed.child("author").child_value("name"), "");
        EXPECT_EQ(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value(), kBase + path);
        std::string previous = "9999";
        std::size_t entries = 0;
        for (const pugi::xml_node e : feed.children("entry")) {
            const std::string id = e.child_value("id"), updated = e.child_value("updated");
            EXPECT_THAT(id, testing::StartsWith(kBase + std::string(lang) + "/")) << path;
            EXPECT_STRNE(e.child_value("title"), "") << id;
            EXPECT_STRNE(e.child_value("summary"), "") << id;
            EXPECT_EQ(e.find_child_by_attribute("link", "rel", "alternate").attribute("href").value(), id);
            EXPECT_THAT(updated, testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T00:00:00Z")) << id;
            EXPECT_LE(updated, previous) << id << " after a older entry";
            if (entries++ == 0) {
                EXPECT_EQ(feed.child_value("updated"), updated) << "the feed is as new as its newest entry";
            }
            previous = updated;
        }
        // 18 offers and the courses still running on 2026-11-22.
        EXPECT_GE(entries, 18u + 10u) << path;
    }
    pugi::xml_document ar;
    ASSERT_TRUE(ar.load_file((out() / "ar/feed.xml").c_str()));
    const pugi::xml_node kita = ar.child("feed").find_child([](pugi::xml_node n) {
        return std::string(n.child_value("id")) == "https://bildung.beispielstadt.example/ar/offers/kita-infoabend.html";
    });
    EXPECT_STREQ(kita.child_value("title"), "كيف تعمل روضة الأطفال؟ أمسية إعلامية للأهالي");
    EXPECT_STREQ(kita.child_value("updated"), "2026-10-12T00:00:00Z");
    EXPECT_STREQ(kita.child("category").attribute("term").value(), "offer");
}

TEST_F(SampleOutput, EveryPageLinksItsLanguagesFeedInItsHeadAndFooter) {
    for (const char* page : {"index.html", "courses/index.html", "offers/kita-infoabend.html", "imprint/index.html"}) {
        const std::string de = read(out() / "de" / page), ar = read(out() / "ar" / page);
        const std::string up = std::string(page).find('/') == std::string::npos ? "" : "../";
        EXPECT_THAT(de, HasSubstr("<link rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"de\" href=\"" + up +
                                  "feed.xml\" title=\"Bildungswegweiser Beispielstadt: Deutschkurse und Angebote\">"))
            << page;
        EXPECT_THAT(de, HasSubstr("<p class=\"feed\"><a href=\"" + up +
                                  "feed.xml\" type=\"application/atom+xml\">Neue Deutschkurse und Angebote als Feed (Atom)</a></p>"))
            << page;
        EXPECT_THAT(ar, HasSubstr("type=\"application/atom+xml\" hreflang=\"ar\" href=\"" + up + "feed.xml\"")) << page;
        EXPECT_THAT(ar, HasSubstr(">دورات اللغة الألمانية والعروض الجديدة كخلاصة (Atom)</a>")) << page;
    }
}

// A value cannot end the script element it stands in, whatever a coordinator writes.
TEST(StructuredData, AValueCannotEndItsScriptElement) {
    EXPECT_EQ(script_json(nlohmann::ordered_json{{"name", "a</script><script>alert(1)</script><!--"}}),
              R"({"name":"a\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--"})");
    TestSite site;
    site.file("content/offers/x.yaml",
              "title: {de: \"Kurs </script><script>alert(1)</script>\"}\nsummary: {de: \"<!-- kurz\"}\nprovider: vhs\n"
              "life_phases: [school]\ntopics: [school]\nchecked: 2026-11-02\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string html = site.page("de/offers/x.html");
    const std::vector<std::string> found = scripts(html);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_THAT(found.front(), Not(HasSubstr("<")));
    json j = json::parse(found.front());
    EXPECT_EQ(j["name"], "Kurs </script><script>alert(1)</script>");
    EXPECT_EQ(j["description"], "<!-- kurz");
    EXPECT_EQ(j["@type"], "Service");
    // Without the site's address: no url, no other languages' addresses, no feed.
    EXPECT_FALSE(j.contains("url"));
    EXPECT_FALSE(j.contains("sameAs"));
    EXPECT_EQ(j["mainEntityOfPage"], json::parse(R"({"@type": "WebPage", "inLanguage": "de"})"));
    EXPECT_FALSE(fs::exists(site.out() / "de/feed.xml"));
    EXPECT_THAT(html, Not(HasSubstr("application/atom+xml")));
}

// A feed is the same file for the same input, and follows an edited record on a rebuild.
TEST(Feed, SameInputGivesTheSameBytesAndAnEditShowsAtTheTop) {
    TestSite site;
    site.file("content/site.yaml",
              "title: {de: \"Bildung Teststadt\", ar: \"التعليم في تستشتات\"}\nsource_language: de\nlanguages: [de, ar]\n"
              "base_url: https://bildung.teststadt.example/\nregion: Teststadt\nreview_after_days: 180\n"
              "contact: {email: info@teststadt.example, phone: \"+49 000 1\"}\n");
    auto offer = [&](const char* id, const char* checked) {
        site.file(std::string("content/offers/") + id + ".yaml",
                  std::string("title: {de: \"Angebot ") + id + "\"}\nsummary: {de: \"Kurz\"}\nprovider: vhs\n"
                  "life_phases: [school]\ntopics: [school]\nchecked: " + checked + "\n");
    };
    offer("a", "2026-11-02");
    offer("b", "2026-10-01");
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "checked: 2026-11-10\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string first = site.page("de/feed.xml");
    TempDir again;
    ASSERT_EQ(site.build(day("2026-11-22"), again.path() / "out"), 0);
    EXPECT_EQ(site.page("de/feed.xml"), first);
    EXPECT_EQ(first,
              "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
              "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\">\n"
              "  <id>https://bildung.teststadt.example/de/feed.xml</id>\n"
              "  <title type=\"text\">Bildung Teststadt: Deutschkurse und Angebote</title>\n"
              "  <updated>2026-11-10T00:00:00Z</updated>\n"
              "  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://bildung.teststadt.example/de/feed.xml\" />\n"
              "  <link rel=\"alternate\" type=\"text/html\" href=\"https://bildung.teststadt.example/de/\" hreflang=\"de\" />\n"
              "  <author>\n"
              "    <name>Bildung Teststadt</name>\n"
              "    <uri>https://bildung.teststadt.example/</uri>\n"
              "    <email>info@teststadt.example</email>\n"
              "  </author>\n"
              "  <entry>\n"
              "    <id>https://bildung.teststadt.example/de/courses/ik.html</id>\n"
              "    <title type=\"text\">Integrationskurs A1–B1</title>\n"
              "    <updated>2026-11-10T00:00:00Z</updated>\n"
              "    <link rel=\"alternate\" type=\"text/html\" href=\"https://bildung.teststadt.example/de/courses/ik.html\" hreflang=\"de\" />\n"
              "    <category term=\"course\" label=\"Deutschkurs\" />\n"
              "    <summary type=\"text\">11. Jan.\u2009–\u200916. Juli 2027 · Niveau A1–B1 · Volkshochschule Teststadt</summary>\n"
              "  </entry>\n"
              "  <entry>\n"
              "    <id>https://bildung.teststadt.example/de/offers/a.html</id>\n"
              "    <title type=\"text\">Angebot a</title>\n"
              "    <updated>2026-11-02T00:00:00Z</updated>\n"
              "    <link rel=\"alternate\" type=\"text/html\" href=\"https://bildung.teststadt.example/de/offers/a.html\" hreflang=\"de\" />\n"
              "    <category term=\"offer\" label=\"Angebot\" />\n"
              "    <summary type=\"text\">Kurz</summary>\n"
              "  </entry>\n"
              "  <entry>\n"
              "    <id>https://bildung.teststadt.example/de/offers/b.html</id>\n"
              "    <title type=\"text\">Angebot b</title>\n"
              "    <updated>2026-10-01T00:00:00Z</updated>\n"
              "    <link rel=\"alternate\" type=\"text/html\" href=\"https://bildung.teststadt.example/de/offers/b.html\" hreflang=\"de\" />\n"
              "    <category term=\"offer\" label=\"Angebot\" />\n"
              "    <summary type=\"text\">Kurz</summary>\n"
              "  </entry>\n"
              "</feed>\n");
    // b checked again today: it moves to the top, and the feed with it.
    offer("b", "2026-11-22");
    ASSERT_EQ(site.build(), 0) << site.err();
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(site.page("de/feed.xml").c_str()));
    EXPECT_STREQ(doc.child("feed").child_value("updated"), "2026-11-22T00:00:00Z");
    EXPECT_STREQ(doc.child("feed").child("entry").child_value("id"), "https://bildung.teststadt.example/de/offers/b.html");
}

}  // namespace
}  // namespace lotse::test
