// The open data as a partner's tools read it: the HSDS packages (datapackage.json and its CSVs,
// one package per language) and the DCAT-AP.de description an open-data portal harvests.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>

#include "sheet/sheet.h"
#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Json = nlohmann::json;

class OpenDataSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
                  "tagline: {de: \"Bildung für alle\", en: \"Education for all\"}\n"
                  "source_language: de\nlanguages: [de, en, ar]\nbase_url: https://bildung.teststadt.example/\n"
                  "contact: {email: info@teststadt.example}\n"
                  "open_data: {publisher: \"Stadt Teststadt, Bildungsbüro\", state: \"Niedersachsen\"}\n");
        site.file("content/courses/abend.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-02-01\nend: 2027-08-20\n"
                  "checked: 2026-11-10\ntitle: {de: \"Integrationskurs am Abend\", en: \"Evening integration course\"}\n"
                  "schedule:\n  - {days: [mon, tue, wed, thu], from: \"17:30\", to: \"20:45\"}\n"
                  "lessons: 700\nseats: open\nfee: 0\n"
                  "registration: {phone: \"+49 000 12\", email: kurse@vhs.example, deadline: 2027-01-25}\n");
        site.file("content/contacts/mbe.yaml",
                  "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\n"
                  "person: \"Frau S. Beispiel\"\nphone: \"+49 000 3\"\nemail: mbe@vhs.example\n"
                  "topics: [work]\nlife_phases: [work-and-career]\nlanguages: [ar, ti]\nappointment: recommended\n"
                  "hours:\n  - {days: [mon, tue, wed], from: \"09:00\", to: \"12:00\"}\n"
                  "  - {days: [thu], from: \"13:00\", to: \"17:00\", note: {de: \"nur mit Termin\", en: \"by appointment\"}}\n"
                  "checked: 2026-10-20\n");
        site.file("content/offers/online.yaml",
                  "title: {de: \"Lernen online\"}\nsummary: {de: \"Am Computer\"}\nprovider: vhs\nlife_phases: [school]\n"
                  "topics: [school]\nlanguages: [de, uk]\nlocation: online\nurl: https://vhs.example/online\n"
                  "checked: 2026-10-20\n");
        ASSERT_EQ(site.build(), 0) << site.err();
    }

    std::string file(const std::string& rel) const { return site.page("open-data/" + rel); }
    Json package(const std::string& lang) const { return Json::parse(file("hsds/" + lang + "/datapackage.json")); }
    // A CSV of a package as rows of cells, its header first.
    std::vector<std::vector<std::string>> table(const std::string& lang, const std::string& path) const {
        Diagnostics diags;
        std::optional<Sheet> sheet = read_csv(file("hsds/" + lang + "/" + path), path, diags);
        EXPECT_TRUE(sheet) << path;
        std::vector<std::vector<std::string>> rows;
        if (sheet)
            for (SheetRow& r : sheet->rows) rows.push_back(std::move(r.cells));
        return rows;
    }
    // The CSV line whose first field is `id`.
    std::string line(const std::string& lang, const std::string& path, const std::string& id) const {
        const std::string text = file("hsds/" + lang + "/" + path);
        const auto at = text.find("\r\n" + id + ",");
        if (at == std::string::npos) return "(no row " + id + ")";
        return text.substr(at + 2, text.find("\r\n", at + 2) - at - 2);
    }

    TestSite site;
};

TEST_F(OpenDataSite, EveryCsvHasItsSchemasFieldsInOrderAndNothingElse) {
    for (const std::string lang : {"de", "en", "ar"}) {
        const Json p = package(lang);
        EXPECT_EQ(p["profile"], "tabular-data-package");
        ASSERT_EQ(p["resources"].size(), 10u);
        for (const Json& r : p["resources"]) {
            std::vector<std::string> fields;
            for (const Json& f : r["schema"]["fields"]) fields.push_back(f["name"]);
            const auto rows = table(lang, r["path"]);
            ASSERT_FALSE(rows.empty()) << r["path"];
            EXPECT_EQ(rows[0], fields) << lang << " " << r["path"];
            for (std::size_t n = 1; n < rows.size(); ++n) EXPECT_EQ(rows[n].size(), fields.size()) << r["path"] << " row " << n;
        }
    }
    // The specification's names and order, for the first tables and fields.
    const Json p = package("de");
    EXPECT_EQ(p["resources"][0]["name"], "organization");
    EXPECT_EQ(p["resources"][0]["path"], "organizations.csv");
    EXPECT_EQ(p["resources"][1]["schema"]["fields"][1], Json::parse(R"({"name":"organization_id","type":"string","format":"uuid","constraints":{"required":true}})"));
}

TEST_F(OpenDataSite, EveryIdIsAUniqueUuidAndEveryReferenceResolves) {
    const std::regex uuid5("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    const Json p = package("de");
    std::map<std::string, std::set<std::string>> ids;  // [resource]: its ids
    std::map<std::string, std::vector<std::vector<std::string>>> tables;
    for (const Json& r : p["resources"]) {
        tables[r["name"]] = table("de", r["path"]);
        for (std::size_t n = 1; n < tables[r["name"]].size(); ++n) {
            const std::string& id = tables[r["name"]][n][0];
            EXPECT_TRUE(std::regex_match(id, uuid5)) << id;
            EXPECT_TRUE(ids[r["name"]].insert(id).second) << r["name"] << " has " << id << " twice";
        }
    }
    int references = 0;
    for (const Json& r : p["resources"]) {
        const auto& rows = tables[r["name"]];
        for (const Json& key : r["schema"].value("foreignKeys", Json::array())) {
            const auto column = std::find(rows[0].begin(), rows[0].end(), key["fields"].get<std::string>()) - rows[0].begin();
            for (std::size_t n = 1; n < rows.size(); ++n) {
                const std::string& value = rows[n][static_cast<std::size_t>(column)];
                if (value.empty()) continue;
                ++references;
                EXPECT_TRUE(ids[key["reference"]["resource"]].contains(value)) << r["name"] << "." << key["fields"] << " = " << value;
            }
        }
    }
    EXPECT_EQ(references, 26);
    EXPECT_EQ(ids["organization"].size(), 1u);
    EXPECT_EQ(ids["service"].size(), 3u);  // the offer, the course and the contact
}


TEST_F(OpenDataSite, ACourseIsAServiceWithItsWeeklyRuleAtItsProvidersLocation) {
    const std::string course = "baa588bf-db51-5c04-ad43-22341c72b1af";  // uuid5(uuid5(URL, base_url), "service/course/abend")
    const std::string vhs = "72d1d7d3-5c77-5800-b913-b52b21e3f601";
    EXPECT_EQ(line("de", "services.csv", course),
              course + "," + vhs + ",,Integrationskurs am Abend,,,https://bildung.teststadt.example/de/courses/abend.html,"
              "kurse@vhs.example,active,,Anmeldung bis 25. Jan. 2027.,Kostenlos,,,,,,,2026-11-10,,,,");
    EXPECT_EQ(line("de", "schedules.csv", "f18afc7f-e0a0-55d3-a575-88a8d04c79cf"),
              "f18afc7f-e0a0-55d3-a575-88a8d04c79cf," + course + ",,fcd1ba9e-73b5-58bd-9905-9cbddb0166ff,2027-02-01,"
              "2027-08-20,2027-02-01,,2027-08-20,,,WEEKLY,,\"MO,TU,WE,TH\",,,,Mo–Do 17:30–20:45 Uhr,17:30,20:45,,,");
    EXPECT_EQ(line("de", "service_at_location.csv", "fcd1ba9e-73b5-58bd-9905-9cbddb0166ff"),
              "fcd1ba9e-73b5-58bd-9905-9cbddb0166ff," + course + ",37adbe76-e447-588c-91b5-182fa2d676db,");
    // A phone number is data here, written as it is (courses.csv guards it against spreadsheets).
    EXPECT_EQ(line("de", "phones.csv", "8cb729b2-1faf-5be3-a948-e0538edc5056"),
              "8cb729b2-1faf-5be3-a948-e0538edc5056,," + course + ",,,,+49 000 12,,voice,");
    EXPECT_EQ(line("de", "addresses.csv", "24a7db7b-d466-500d-98cd-faff51ba51aa"),
              "24a7db7b-d466-500d-98cd-faff51ba51aa,37adbe76-e447-588c-91b5-182fa2d676db,,Hauptstraße 1,,Teststadt,Mitte,"
              "Niedersachsen,00100,DE,physical");
}

TEST_F(OpenDataSite, AContactIsAServiceWithItsPersonPhoneLanguagesAndHours) {
    const std::string mbe = "08aeab4d-5e92-5a28-a7c0-789547f253a1";
    EXPECT_EQ(line("en", "services.csv", mbe),
              mbe + ",72d1d7d3-5c77-5800-b913-b52b21e3f601,,Migration counselling,,,https://bildung.teststadt.example/en/contacts/"
              "mbe.html,mbe@vhs.example,active,,Appointment recommended,,,,,,,,2026-10-20,,,,");
    EXPECT_EQ(line("en", "contacts.csv", "c10ff183-5878-5b2d-8091-ac276f143859"),
              "c10ff183-5878-5b2d-8091-ac276f143859,," + mbe + ",,,Frau S. Beispiel,,,mbe@vhs.example");
    EXPECT_EQ(line("en", "languages.csv", "c5874d06-ee48-5880-b315-0986751e19b5"),
              "c5874d06-ee48-5880-b315-0986751e19b5," + mbe + ",,,Arabic,ar,");
    // Open-ended: no first and last day, as the contact's hours have none.
    EXPECT_EQ(line("en", "schedules.csv", "005f2b85-095c-5b71-af9b-e682855be91e"),
              "005f2b85-095c-5b71-af9b-e682855be91e," + mbe + ",,dff75d1a-9382-5d99-aeaf-f141b2d25fc2,,,,,,,,WEEKLY,,TH,,,,"
              "Thu 1:00\u2009–\u20095:00\u202FPM,13:00,17:00,,,by appointment");
    EXPECT_EQ(line("en", "phones.csv", "a4599a54-79f0-50c8-ac5b-92af685c1ac2"),
              "a4599a54-79f0-50c8-ac5b-92af685c1ac2,," + mbe + ",,,,+49 000 3,,voice,");
}

TEST_F(OpenDataSite, EachLanguageHasItsOwnPackageWithTheSameIds) {
    const std::string course = "baa588bf-db51-5c04-ad43-22341c72b1af";
    EXPECT_THAT(line("en", "services.csv", course), HasSubstr(",Evening integration course,"));
    EXPECT_THAT(line("en", "services.csv", course), HasSubstr(",https://bildung.teststadt.example/en/courses/abend.html,"));
    // Without an Arabic title, the Arabic package has the German one, as the Arabic page does.
    EXPECT_THAT(line("ar", "services.csv", course), HasSubstr(",Integrationskurs am Abend,"));
    EXPECT_THAT(line("ar", "services.csv", course), HasSubstr(",https://bildung.teststadt.example/ar/courses/abend.html,"));
    EXPECT_EQ(package("en")["title"], "Education Teststadt");
    EXPECT_EQ(package("ar")["name"], "hsds-ar");
    // The package's language, as HSDS records it.
    EXPECT_THAT(file("hsds/en/meta_table_descriptions.csv"), HasSubstr(",organization,en,UTF-8\r\n"));
    for (const std::string lang : {"de", "en", "ar"}) {
        const auto rows = table(lang, "services.csv");
        std::vector<std::string> ids;
        for (const auto& r : rows) ids.push_back(r[0]);
        EXPECT_THAT(ids, ElementsAre("id", "798eb343-448f-58b8-b506-44c64a089e67", course, "08aeab4d-5e92-5a28-a7c0-789547f253a1"));
    }
}

TEST_F(OpenDataSite, TheSameInputAndDateGiveTheSameBytes) {
    TempDir again;
    ASSERT_EQ(site.build(day("2026-11-22"), again.path() / "out"), 0) << site.err();
    int files = 0;
    for (const auto& f : fs::recursive_directory_iterator(site.out() / "open-data")) {
        if (!f.is_regular_file()) continue;
        ++files;
        EXPECT_EQ(read(f.path()), read(again.path() / "out" / fs::relative(f.path(), site.out()))) << f.path();
    }
    EXPECT_EQ(files, 1 + 3 * 11);  // the description, and per language a datapackage.json and ten CSVs
}

TEST_F(OpenDataSite, TheDescriptionNamesTitlePublisherLicenceDateAndEveryFile) {
    const Json d = Json::parse(file("dcat.jsonld"));
    EXPECT_EQ(d["@type"], "dcat:Dataset");
    EXPECT_EQ(d["dct:title"], Json::parse(R"([{"@value":"التعليم","@language":"ar"},{"@value":"Bildung Teststadt","@language":"de"},{"@value":"Education Teststadt","@language":"en"}])"));
    EXPECT_EQ(d["dct:publisher"]["foaf:name"], "Stadt Teststadt, Bildungsbüro");
    EXPECT_EQ(d["dct:license"]["@id"], "http://dcat-ap.de/def/licenses/dl-by-de/2.0");
    EXPECT_EQ(d["dct:modified"], Json::parse(R"({"@value":"2026-11-22","@type":"xsd:date"})"));
    EXPECT_EQ(d["dcat:contactPoint"]["vcard:hasEmail"]["@id"], "mailto:info@teststadt.example");
    std::vector<std::string> urls;
    for (const Json& dist : d["dcat:distribution"]) urls.push_back(dist["dcat:downloadURL"]["@id"]);
    EXPECT_THAT(urls, ElementsAre("https://bildung.teststadt.example/courses.csv", "https://bildung.teststadt.example/courses.xlsx",
                                  "https://bildung.teststadt.example/courses.ics",
                                  "https://bildung.teststadt.example/open-data/hsds/de/datapackage.json",
                                  "https://bildung.teststadt.example/open-data/hsds/en/datapackage.json",
                                  "https://bildung.teststadt.example/open-data/hsds/ar/datapackage.json"));
    EXPECT_EQ(d["dcat:distribution"][0]["dcat:mediaType"]["@id"], "https://www.iana.org/assignments/media-types/text/csv");
    EXPECT_EQ(d["dcat:distribution"][5]["dct:language"]["@id"], "http://publications.europa.eu/resource/authority/language/ARA");
}

TEST_F(OpenDataSite, EveryPageLinksTheOpenDataFromItsFooter) {
    EXPECT_THAT(site.page("de/courses/abend.html"),
                HasSubstr("<li><a href=\"../../open-data/dcat.jsonld\" type=\"application/ld+json\">Offene Daten</a></li>"));
    EXPECT_THAT(site.page("en/index.html"),
                HasSubstr("<li><a href=\"../open-data/dcat.jsonld\" type=\"application/ld+json\">Open data</a></li>"));
}

TEST(OpenData, WithoutBaseUrlTheFilesAreNamedRelativeToTheDescription) {
    TestSite site;
    site.file("content/site.yaml", "title: {de: \"Bildung\"}\nsource_language: de\nlanguages: [de]\n"
                                   "open_data: {licence: CC-BY-4.0}\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const Json d = Json::parse(site.page("open-data/dcat.jsonld"));
    EXPECT_EQ(d["dcat:distribution"][0]["dcat:downloadURL"]["@id"], "../courses.csv");
    EXPECT_EQ(d["dcat:distribution"][3]["dcat:downloadURL"]["@id"], "hsds/de/datapackage.json");
    EXPECT_EQ(d["dct:license"]["@id"], "http://dcat-ap.de/def/licenses/cc-by/4.0");
    EXPECT_EQ(d["dct:publisher"]["foaf:name"], "Bildung");  // the site's title, without a publisher
    const Json p = Json::parse(site.page("open-data/hsds/de/datapackage.json"));
    EXPECT_EQ(p["licenses"][0]["path"], "https://creativecommons.org/licenses/by/4.0/");
}

TEST(OpenData, AnUnknownLicenceIsNamedWithTheOnesThereAre) {
    TestSite site;
    site.file("content/site.yaml", "title: {de: \"Bildung\"}\nsource_language: de\nlanguages: [de]\n"
                                   "open_data:\n  licence: cc-by\n");
    EXPECT_NE(site.build(), 0);
    EXPECT_THAT(site.diagnostics(), ElementsAre("content/site.yaml:5:12: error: \"licence\" cannot be \"cc-by\"; Allowed: "
                                                "dl-de/by-2-0, dl-de/zero-2-0, CC-BY-4.0, CC0-1.0"));
}

}  // namespace
}  // namespace lotse::test
