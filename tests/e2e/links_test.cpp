// Every address the content supplies (record url, email and phone fields, site.yaml's base_url and
// contact, Markdown links) as a browser receives it, or the error that keeps it off the site. The
// tables hold the OWASP XSS filter-evasion cases: schemes encoded as entities, whitespace and
// control characters inside the scheme, mixed case, attribute break-outs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// One row: the value as written in the YAML file, and either the error `lotse check` reports for
// it (after "path:line:column: error: ") or the attribute value the page publishes.
struct Case {
    const char* yaml;
    const char* error;
    const char* href;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.yaml; }

// The provider page shows the provider's phone, e-mail and web address as links (partials/reach).
std::string provider_with(const std::string& field, const std::string& value) {
    return "name: {de: \"Volkshochschule Teststadt\", en: \"Adult education centre Teststadt\"}\n" + field + ": " +
           value + "\nchecked: 2026-11-01\n";
}

void expect_row(const Case& c, const std::string& field, const std::string& href_prefix) {
    TestSite site;
    site.file("content/providers/vhs.yaml", provider_with(field, c.yaml));
    if (c.error) {
        EXPECT_EQ(site.check(), 1) << c.yaml;
        const std::string column = std::to_string(field.size() + 3);
        EXPECT_THAT(site.diagnostics(),
                    ElementsAre("content/providers/vhs.yaml:2:" + column + ": error: " + c.error));
        return;
    }
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string page = site.page("de/providers/vhs.html");
    EXPECT_THAT(page, HasSubstr("<a href=\"" + href_prefix + c.href + "\" dir=\"ltr\">")) << c.yaml;
}

const char* const kWeb = "\"url\" must be a web address starting with https:// or http://; ";

const std::string web(const char* rest) { return std::string(kWeb) + rest; }

class WebAddress : public ::testing::TestWithParam<Case> {};

TEST_P(WebAddress, IsPublishedEscapedOrReported) { expect_row(GetParam(), "url", ""); }

// Built once, as the cases must outlive the test registration.
const std::vector<std::string>& web_errors() {
    static const std::vector<std::string> errors = {
        web("\"javascript:alert(document.domain)\" starts with \"javascript:\""),
        web("\"JaVaScRiPt:alert(1)\" starts with \"JaVaScRiPt:\""),
        web("\"data:text/html,<script>alert(1)</script>\" starts with \"data:\""),
        web("\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\" starts with \"data:\""),
        web("\"vbscript:msgbox(1)\" starts with \"vbscript:\""),
        web("\"jav&#x61;script:alert(1)\" does not start with https:// or http://"),
        web("\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\" does not start with https:// "
            "or http://"),
        web("\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\" does not start with https:// or "
            "http://"),
        web("\"javascript&colon;alert(1)\" does not start with https:// or http://"),
        web("\"java\\tscript:alert(1)\" has a tab at character 5"),
        web("\"java\\nscript:alert(1)\" has a line break at character 5"),
        web("\"java\\rscript:alert(1)\" has a line break at character 5"),
        web("\"\\u0001javascript:alert(1)\" has a control character (U+0001) at character 1"),
        web("\" javascript:alert(1)\" has a space at character 1"),
        web("\"//evil.example/x\" does not start with https:// or http://"),
        web("\"https:evil.example\" has no server name after \"https://\""),
        web("\"https:///evil.example\" has no server name after \"https://\""),
        web("\"https://vhs.example@evil.example/\" names a user before the server (\"vhs.example@\"), which disguises "
            "where the link leads"),
        web("\"https://vhs.example/\"onmouseover=\"alert(1)\" cannot hold the \" at character 21"),
        web("\"https://vhs.example/<script>\" cannot hold the < at character 21"),
        web("\"https://vhs.example/`x`\" cannot hold the ` at character 21"),
        web("\"https://vhs.example\\@evil.example\" cannot hold the \\ at character 20"),
    };
    return errors;
}

INSTANTIATE_TEST_SUITE_P(
    Owasp, WebAddress,
    ::testing::Values(
        Case{"javascript:alert(document.domain)", web_errors()[0].c_str(), nullptr},
        Case{"JaVaScRiPt:alert(1)", web_errors()[1].c_str(), nullptr},
        Case{"\"data:text/html,<script>alert(1)</script>\"", web_errors()[2].c_str(), nullptr},
        Case{"\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"", web_errors()[3].c_str(), nullptr},
        Case{"vbscript:msgbox(1)", web_errors()[4].c_str(), nullptr},
        Case{"\"jav&#x61;script:alert(1)\"", web_errors()[5].c_str(), nullptr},
        Case{"\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\"", web_errors()[6].c_str(),
             nullptr},
        Case{"\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\"", web_errors()[7].c_str(), nullptr},
        Case{"\"javascript&colon;alert(1)\"", web_errors()[8].c_str(), nullptr},
        Case{"\"java\\tscript:alert(1)\"", web_errors()[9].c_str(), nullptr},
        Case{"\"java\\nscript:alert(1)\"", web_errors()[10].c_str(), nullptr},
        Case{"\"java\\rscript:alert(1)\"", web_errors()[11].c_str(), nullptr},
        Case{"\"\\x01javascript:alert(1)\"", web_errors()[12].c_str(), nullptr},
        Case{"\" javascript:alert(1)\"", web_errors()[13].c_str(), nullptr},
        Case{"//evil.example/x", web_errors()[14].c_str(), nullptr},
        Case{"https:evil.example", web_errors()[15].c_str(), nullptr},
        Case{"https:///evil.example", web_errors()[16].c_str(), nullptr},
        Case{"https://vhs.example@evil.example/", web_errors()[17].c_str(), nullptr},
        Case{"'https://vhs.example/\"onmouseover=\"alert(1)'", web_errors()[18].c_str(), nullptr},
        Case{"\"https://vhs.example/<script>\"", web_errors()[19].c_str(), nullptr},
        Case{"\"https://vhs.example/`x`\"", web_errors()[20].c_str(), nullptr},
        Case{"'https://vhs.example\\@evil.example'", web_errors()[21].c_str(), nullptr},
        // What may stay is escaped for the attribute it stands in.
        Case{"https://vhs.example/kurs?a=1&b=2", nullptr, "https://vhs.example/kurs?a=1&amp;b=2"},
        Case{"\"https://vhs.example/it's\"", nullptr, "https://vhs.example/it&apos;s"},
        Case{"HTTPS://VHS.EXAMPLE/Kurs", nullptr, "HTTPS://VHS.EXAMPLE/Kurs"},
        Case{"http://vhs.example/", nullptr, "http://vhs.example/"},
        Case{"https://vhs.example/kurs#anmeldung", nullptr, "https://vhs.example/kurs#anmeldung"},
        Case{"https://bücherei.example/übersicht", nullptr, "https://bücherei.example/übersicht"}));

const char* const kEmail = "\"email\" must be an e-mail address such as name@example.org; ";
const std::string email(const char* rest) { return std::string(kEmail) + rest; }

const std::vector<std::string>& email_errors() {
    static const std::vector<std::string> errors = {
        email("\"kurse@vhs.example?cc=alle@evil.example\" cannot hold the ? at character 18"),
        email("\"kurse@vhs.example\"><script>alert(1)</script>\" cannot hold the \" at character 18"),
        email("\"javascript:alert(1)//@x.example\" cannot hold the : at character 11"),
        email("\"kurse.vhs.example\" has no @"),
        email("\"kurse@vhs@example.org\" has more than one @"),
        email("\"@vhs.example\" has nothing before the @"),
        email("\"kurse@localhost\" has no domain such as example.org after the @"),
        email("\"kurse@vhs.example\\nbcc: x@evil.example\" has a line break at character 18"),
        email("\"jav&#x61;script:alert(1)@x.example\" cannot hold the & at character 4"),
    };
    return errors;
}

class EmailAddress : public ::testing::TestWithParam<Case> {};

TEST_P(EmailAddress, IsPublishedEscapedOrReported) { expect_row(GetParam(), "email", "mailto:"); }

INSTANTIATE_TEST_SUITE_P(
    Owasp, EmailAddress,
    ::testing::Values(Case{"\"kurse@vhs.example?cc=alle@evil.example\"", email_errors()[0].c_str(), nullptr},
                      Case{"'kurse@vhs.example\"><script>alert(1)</script>'", email_errors()[1].c_str(), nullptr},
                      Case{"\"javascript:alert(1)//@x.example\"", email_errors()[2].c_str(), nullptr},
                      Case{"kurse.vhs.example", email_errors()[3].c_str(), nullptr},
                      Case{"kurse@vhs@example.org", email_errors()[4].c_str(), nullptr},
                      Case{"\"@vhs.example\"", email_errors()[5].c_str(), nullptr},
                      Case{"kurse@localhost", email_errors()[6].c_str(), nullptr},
                      Case{"\"kurse@vhs.example\\nbcc: x@evil.example\"", email_errors()[7].c_str(), nullptr},
                      Case{"\"jav&#x61;script:alert(1)@x.example\"", email_errors()[8].c_str(), nullptr},
                      Case{"kurse@vhs.example", nullptr, "kurse@vhs.example"},
                      Case{"Kurse.Anmeldung+ik@vhs-beispielstadt.example", nullptr,
                           "Kurse.Anmeldung+ik@vhs-beispielstadt.example"}));

const char* const kPhone = "\"phone\" must be a phone number such as +49 391 1234-56; ";
const std::string phone(const char* rest) { return std::string(kPhone) + rest; }

const std::vector<std::string>& phone_errors() {
    static const std::vector<std::string> errors = {
        phone("\"+49 000 1\"><script>alert(1)</script>\" cannot hold the \" at character 10"),
        phone("\"javascript:alert(1)\" cannot hold the j at character 1"),
        phone("\"0391 + 1\" cannot hold the + at character 6"),
        phone("\"- -\" has no digits"),
    };
    return errors;
}

class PhoneNumber : public ::testing::TestWithParam<Case> {};

TEST_P(PhoneNumber, IsPublishedEscapedOrReported) { expect_row(GetParam(), "phone", ""); }

INSTANTIATE_TEST_SUITE_P(
    Owasp, PhoneNumber,
    ::testing::Values(Case{"'+49 000 1\"><script>alert(1)</script>'", phone_errors()[0].c_str(), nullptr},
                      Case{"javascript:alert(1)", phone_errors()[1].c_str(), nullptr},
                      Case{"\"0391 + 1\"", phone_errors()[2].c_str(), nullptr},
                      Case{"\"- -\"", phone_errors()[3].c_str(), nullptr},
                      Case{"\"+49 000 1234-56\"", nullptr, "tel:+49000123456"},
                      Case{"\"(0391) 540/12.34\"", nullptr, "tel:03915401234"}));

// Markdown links in a record's description: the same policy, after cmark has decoded entities and
// read autolinks and link reference definitions.
class MarkdownLink : public ::testing::TestWithParam<Case> {};

std::string offer_with(const std::string& description) {
    return "title: {de: \"Computerkurs\", en: \"Computer course\"}\n"
           "summary: {de: \"Einstieg\", en: \"Basics\"}\n"
           "provider: vhs\nlife_phases: [work-and-career]\ntopics: [work]\nchecked: 2026-11-02\n"
           "description: " + description + "\n";
}

TEST_P(MarkdownLink, IsPublishedEscapedOrReported) {
    const Case& c = GetParam();
    TestSite site;
    site.file("content/offers/a.yaml", offer_with(c.yaml));
    if (c.error) {
        EXPECT_EQ(site.check(), 1) << c.yaml;
        EXPECT_THAT(site.diagnostics(), ElementsAre(std::string("content/offers/a.yaml:") + c.error));
        return;
    }
    ASSERT_EQ(site.build(), 0) << site.err();
    EXPECT_THAT(site.page("de/offers/a.html"), HasSubstr(c.href)) << c.yaml;
}

#define LINK_MUST "error: this link must be an address starting with https://, http://, mailto: or tel:, or ref:<kind>/<id>; "

INSTANTIATE_TEST_SUITE_P(
    Owasp, MarkdownLink,
    ::testing::Values(
        Case{"\"[klick](javascript:alert(1))\"", "7:23: " LINK_MUST "\"javascript:alert(1)\" starts with \"javascript:\"",
             nullptr},
        Case{"\"[klick](JaVaScRiPt:alert(1))\"", "7:23: " LINK_MUST "\"JaVaScRiPt:alert(1)\" starts with \"JaVaScRiPt:\"",
             nullptr},
        // cmark decodes the entity, so the link's text is not in the file: the position is the text's.
        Case{"\"[klick](jav&#x61;script:alert(1))\"", "7:14: " LINK_MUST "\"javascript:alert(1)\" starts with \"javascript:\"",
             nullptr},
        Case{"\"[klick](&#106;avascript:alert(1))\"", "7:14: " LINK_MUST "\"javascript:alert(1)\" starts with \"javascript:\"",
             nullptr},
        Case{"\"<javascript:alert(1)>\"", "7:16: " LINK_MUST "\"javascript:alert(1)\" starts with \"javascript:\"", nullptr},
        Case{"\"[klick][x]\\n\\n[x]: javascript:alert(1)\"",
             "7:34: " LINK_MUST "\"javascript:alert(1)\" starts with \"javascript:\"", nullptr},
        Case{"\"[klick](data:text/html;base64,PHNjcmlwdD4=)\"",
             "7:23: " LINK_MUST "\"data:text/html;base64,PHNjcmlwdD4=\" starts with \"data:\"", nullptr},
        Case{"\"[klick](<java script:alert(1)>)\"", "7:24: " LINK_MUST "\"java script:alert(1)\" has a space at character 5",
             nullptr},
        Case{"\"[klick](/etc/passwd)\"", "7:23: " LINK_MUST "\"/etc/passwd\" does not start with https:// or http://",
             nullptr},
        Case{"\"[klick](mailto:javascript:alert(1))\"", "7:23: " LINK_MUST "\"mailto:javascript:alert(1)\" cannot hold the : at character 18",
             nullptr},
        Case{"\"[klick](https://vhs.example/?a=1&b=2)\"", nullptr,
             "<a href=\"https://vhs.example/?a=1&amp;b=2\">klick</a>"},
        Case{"\"[klick](https://vhs.example/it's)\"", nullptr, "<a href=\"https://vhs.example/it&#x27;s\">klick</a>"},
        Case{"\"<HTTPS://vhs.example/kurs>\"", nullptr,
             "<a href=\"HTTPS://vhs.example/kurs\">HTTPS://vhs.example/kurs</a>"},
        Case{"\"<kurse@vhs.example>\"", nullptr, "<a href=\"mailto:kurse@vhs.example\">kurse@vhs.example</a>"},
        Case{"\"[schreiben](mailto:kurse@vhs.example?subject=Anmeldung)\"", nullptr,
             "<a href=\"mailto:kurse@vhs.example?subject=Anmeldung\">schreiben</a>"},
        Case{"\"[anrufen](tel:+49000123)\"", nullptr, "<a href=\"tel:+49000123\">anrufen</a>"}));

TEST(Links, FreePagesFollowTheSamePolicy) {
    TestSite site;
    site.file("content/pages/about.de.md", "---\ntitle: Über uns\n---\nText.\n\n[Klick](JAVA&#x53;CRIPT:alert(1)) und "
                                           "<vbscript:msgbox(1)>\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/pages/about.de.md:6:1: " LINK_MUST "\"JAVASCRIPT:alert(1)\" starts with \"JAVASCRIPT:\"",
                            "content/pages/about.de.md:6:40: " LINK_MUST "\"vbscript:msgbox(1)\" starts with \"vbscript:\""));
}

// Each field that becomes a link, in every kind of record and in site.yaml (diagnostics come sorted by file).
TEST(Links, EveryAddressFieldIsChecked) {
    TestSite site;
    site.file("content/site.yaml",
              "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
              "source_language: de\nlanguages: [de, en, ar]\n"
              "base_url: \"javascript:alert(1)//\"\n"
              "contact: {email: \"info@teststadt.example?bcc=x@evil.example\", phone: \"+49 000 1\\\"><b>\"}\n");
    site.file("content/offers/a.yaml",
              offer_with("Text.") + "url: \"data:text/html,<script>alert(1)</script>\"\n");
    site.file("content/contacts/mbe.yaml",
              "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\n"
              "topics: [work]\nlife_phases: [work-and-career]\nchecked: 2026-10-20\n"
              "url: javascript:alert(1)\nemail: \"javascript:alert(1)\"\nphone: \"tel:1\"\n");
    site.file("content/courses/ik.yaml",
              "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
              "checked: 2026-11-10\n"
              "registration: {phone: \"0391/x\", email: kurse, url: \"vbscript:msgbox(1)\"}\n");
    EXPECT_EQ(site.check(), 1);
    EXPECT_THAT(
        site.diagnostics(),
        ElementsAre(
            "content/contacts/mbe.yaml:6:6: error: \"url\" must be a web address starting with https:// or http://; "
            "\"javascript:alert(1)\" starts with \"javascript:\"",
            "content/contacts/mbe.yaml:7:8: error: \"email\" must be an e-mail address such as name@example.org; "
            "\"javascript:alert(1)\" cannot hold the : at character 11",
            "content/contacts/mbe.yaml:8:8: error: \"phone\" must be a phone number such as +49 391 1234-56; "
            "\"tel:1\" cannot hold the t at character 1",
            "content/courses/ik.yaml:7:23: error: \"phone\" must be a phone number such as +49 391 1234-56; "
            "\"0391/x\" cannot hold the x at character 6",
            "content/courses/ik.yaml:7:40: error: \"email\" must be an e-mail address such as name@example.org; "
            "\"kurse\" has no @",
            "content/courses/ik.yaml:7:52: error: \"url\" must be a web address starting with https:// or http://; "
            "\"vbscript:msgbox(1)\" starts with \"vbscript:\"",
            "content/offers/a.yaml:8:6: error: \"url\" must be a web address starting with https:// or http://; "
            "\"data:text/html,<script>alert(1)</script>\" starts with \"data:\"",
            "content/site.yaml:4:11: error: \"base_url\" must be a web address starting with https:// or http://; "
            "\"javascript:alert(1)//\" starts with \"javascript:\"",
            "content/site.yaml:5:18: error: \"email\" must be an e-mail address such as name@example.org; "
            "\"info@teststadt.example?bcc=x@evil.example\" cannot hold the ? at character 23",
            "content/site.yaml:5:70: error: \"phone\" must be a phone number such as +49 391 1234-56; "
            "\"+49 000 1\"><b>\" cannot hold the \" at character 10"));
}

TEST(Links, BaseUrlIsAnAbsoluteWebAddressWithoutQueryOrFragment) {
    for (const char* base : {"bildung.teststadt.example/", "/bildung/", "https://bildung.teststadt.example/?x=1",
                             "https://bildung.teststadt.example/#top"}) {
        TestSite site;
        site.file("content/site.yaml",
                  "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
                  "source_language: de\nlanguages: [de, en, ar]\nbase_url: " + std::string(base) + "\n");
        EXPECT_EQ(site.check(), 1) << base;
        ASSERT_EQ(site.diagnostics().size(), 1u) << site.err();
        EXPECT_THAT(site.diagnostics()[0], HasSubstr("content/site.yaml:4:11: error: \"base_url\" ")) << base;
    }
    TestSite site;
    site.file("content/site.yaml",
              "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
              "source_language: de\nlanguages: [de, en, ar]\nbase_url: https://bildung.teststadt.example/?x=1\n");
    site.check();
    EXPECT_THAT(site.diagnostics(),
                ElementsAre("content/site.yaml:4:11: error: \"base_url\" cannot have a query (?…) or a fragment (#…): "
                            "the pages' paths are added to it"));
}

TEST(Links, BadBaseUrlReachesNoPage) {
    TestSite site;
    site.file("content/site.yaml",
              "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
              "source_language: de\nlanguages: [de, en, ar]\nbase_url: \"javascript:alert(1)//\"\n");
    EXPECT_EQ(site.build(), 1);
    EXPECT_FALSE(std::filesystem::exists(site.out() / "404.html"));
}

}  // namespace
}  // namespace lotse::test
