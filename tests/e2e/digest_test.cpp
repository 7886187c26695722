// `lotse digest`: the e-mail draft read back as a mail program reads it (headers, the multipart
// split at its boundary, each part's transfer encoding undone), and every refusal with its message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "digest/mail_draft.h"
#include "test_site.h"

namespace lotse::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string decode_base64(const std::string& text) {
    static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0, value = 0;
    for (char c : text) {
        const std::size_t i = kAlphabet.find(c);
        if (i == std::string::npos) continue;  // line breaks and padding
        value = value << 6 | static_cast<unsigned>(i);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

// RFC 2047 encoded-words ("=?UTF-8?B?…?=", folded over lines) back to UTF-8.
std::string decode_words(const std::string& value) {
    std::string out;
    for (std::size_t at = value.find("=?UTF-8?B?"); at != std::string::npos; at = value.find("=?UTF-8?B?", at)) {
        const std::size_t end = value.find("?=", at + 10);
        out += decode_base64(value.substr(at + 10, end - at - 10));
        at = end + 2;
    }
    return out;
}

struct Part {
    std::map<std::string, std::string> headers;
    std::string body;  // decoded
};

// "Name: value" lines (folded lines joined) up to the first empty line; the rest is the body.
std::map<std::string, std::string> headers_of(const std::string& text, std::string* body) {
    const std::size_t end = text.find("\r\n\r\n");
    std::map<std::string, std::string> headers;
    std::string last;
    std::size_t at = 0;
    while (at < end) {
        const std::size_t eol = text.find("\r\n", at);
        const std::string line = text.substr(at, eol - at);
        if (line[0] == ' ') headers[last] += line;
        else headers[last = line.substr(0, line.find(':'))] = line.substr(line.find(':') + 2);
        at = eol + 2;
    }
    *body = text.substr(end + 4);
    return headers;
}

// The entities of a multipart body, split at its boundary: each one's headers and undecoded body.
std::vector<std::pair<std::map<std::string, std::string>, std::string>> entities(const std::string& type, const std::string& body) {
    const std::string boundary = "--" + type.substr(type.find("boundary=\"") + 10, type.rfind('"') - type.find("boundary=\"") - 10);
    EXPECT_NE(body.find(boundary + "--\r\n"), std::string::npos) << "no closing boundary";
    std::vector<std::pair<std::map<std::string, std::string>, std::string>> out;
    for (std::size_t at = body.find(boundary + "\r\n"); at != std::string::npos;) {
        const std::size_t start = at + boundary.size() + 2, next = body.find(boundary, start);
        std::string inner;
        auto headers = headers_of(body.substr(start, next - start), &inner);
        out.emplace_back(std::move(headers), std::move(inner));
        at = body.compare(next, boundary.size() + 2, boundary + "\r\n") == 0 ? next : std::string::npos;
    }
    return out;
}

struct Mail {
    std::map<std::string, std::string> headers;
    std::map<std::string, std::string> alternative;  // of the multipart/alternative entity
    std::vector<Part> parts;                         // its text and HTML versions
    std::vector<Part> attachments;
};

Part decoded(std::map<std::string, std::string> headers, const std::string& encoded) {
    EXPECT_EQ(headers["Content-Transfer-Encoding"], "base64");
    return Part{std::move(headers), decode_base64(encoded)};
}

// multipart/mixed holding the multipart/alternative and the attachments.
Mail parse_mail(const std::string& eml) {
    Mail m;
    std::string body;
    m.headers = headers_of(eml, &body);
    for (auto& [headers, inner] : entities(m.headers["Content-Type"], body)) {
        if (headers["Content-Type"].rfind("multipart/alternative;", 0) != 0) {
            m.attachments.push_back(decoded(std::move(headers), inner));
            continue;
        }
        m.alternative = headers;
        for (auto& [h, encoded] : entities(headers["Content-Type"], inner)) m.parts.push_back(decoded(std::move(h), encoded));
    }
    return m;
}

class DigestSite : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/site.yaml",
                  "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
                  "source_language: de\nlanguages: [de, en, ar]\nbase_url: https://bildung.teststadt.example/\n");
        site.file("content/courses/frauen.yaml",
                  "type: integration-women\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-12-17\n"
                  "checked: 2026-11-10\ntitle: {de: \"Frauenkurs am Vormittag\", en: \"Women's course in the morning\"}\n"
                  "seats: full\nlocation: {street: \"Ring 2\", postcode: \"00110\", city: \"Teststadt\", district: \"Nord\"}\n");
        site.file("content/courses/beruf.yaml",
                  "type: job-language\nprovider: vhs\nlevel: {from: B1, to: B2}\nstart: 2027-01-25\nend: 2027-06-30\n"
                  "checked: 2026-11-10\nseats: few\n");
        site.file("content/courses/abend.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-02-01\nend: 2027-08-20\n"
                  "checked: 2026-11-10\n");
    }
    // `lotse digest` on the site with `args`; the draft is read from --out.
    int digest(const std::string& args, std::string* output) {
        return run("digest " + site.path().string() + " --date 2026-11-22 " + args, output);
    }
    Mail mail(const std::string& args) {
        const std::string file = (site.path() / "digest.eml").string();
        std::string output;
        EXPECT_EQ(digest(args + " --out " + file, &output), 0) << output;
        EXPECT_EQ(output, "wrote " + file + "\n");
        return parse_mail(read(file));
    }
    TestSite site;
};

TEST_F(DigestSite, IsADraftWithATextAndAnHtmlVersion) {
    const Mail m = mail("--month 2027-01");
    EXPECT_EQ(m.headers.at("MIME-Version"), "1.0");
    EXPECT_EQ(m.headers.at("Date"), "Sun, 22 Nov 2026 00:00:00 +0000");
    EXPECT_EQ(m.headers.at("X-Unsent"), "1");
    EXPECT_EQ(m.headers.at("Content-Language"), "de");
    EXPECT_EQ(m.headers.at("Content-Type"), "multipart/mixed; boundary=\"=_lotse-digest-mixed_=\"");
    EXPECT_EQ(m.alternative.at("Content-Type"), "multipart/alternative; boundary=\"=_lotse-digest_=\"");
    EXPECT_EQ(decode_words(m.headers.at("Subject")), "Sprachkurse im Januar 2027 — Bildung Teststadt");
    EXPECT_EQ(m.headers.count("From"), 0u);  // the mail program fills in the sender
    EXPECT_EQ(m.headers.count("To"), 0u);
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].headers.at("Content-Type"), "text/plain; charset=UTF-8");
    EXPECT_EQ(m.parts[1].headers.at("Content-Type"), "text/html; charset=UTF-8");
    ASSERT_EQ(m.attachments.size(), 1u);
    EXPECT_EQ(m.attachments[0].headers.at("Content-Type"), "text/csv; charset=UTF-8; name=\"sprachkurse-2027-01.csv\"");
    EXPECT_EQ(m.attachments[0].headers.at("Content-Disposition"), "attachment; filename=\"sprachkurse-2027-01.csv\"");
}

TEST_F(DigestSite, AttachesTheMonthsRowsOfCoursesCsv) {
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string csv = read(site.out() / "courses.csv");
    const Mail m = mail("--month 2027-01");
    ASSERT_EQ(m.attachments.size(), 1u);
    const std::string& attached = m.attachments[0].body;
    // The header row and the January rows of courses.csv, byte for byte; not February's.
    const std::size_t header_end = csv.find("\r\n") + 2;
    EXPECT_EQ(attached.substr(0, header_end), csv.substr(0, header_end));
    for (const char* id : {"\r\nfrauen,", "\r\nberuf,"}) {
        const std::size_t at = csv.find(id);
        ASSERT_NE(at, std::string::npos) << id;
        const std::string line = csv.substr(at + 2, csv.find("\r\n", at + 2) - at);
        EXPECT_THAT(attached, HasSubstr(line));
    }
    EXPECT_THAT(attached, Not(HasSubstr("abend")));
}

TEST_F(DigestSite, ListsTheMonthPagesCoursesWithAbsoluteLinks) {
    const Mail m = mail("--month 2027-01");
    ASSERT_EQ(m.parts.size(), 2u);
    const std::string& text = m.parts[0].body;
    EXPECT_THAT(text, HasSubstr("Deutschkurse mit Beginn im Januar 2027\r\nStand: 22. Nov. 2026\r\n\r\n"
                                "Frauenkurs am Vormittag (Frauenintegrationskurs)\r\n"
                                "  Zeitraum: 11. Jan.\u2009–\u200917. Dez. 2027\r\n  Niveau: A1–B1\r\n  Ort: Nord · Volkshochschule Teststadt\r\n"
                                "  Plätze: Ausgebucht\r\n"
                                "  Mehr und Anmeldung: https://bildung.teststadt.example/de/courses/frauen.html\r\n"));
    EXPECT_THAT(text, HasSubstr("https://bildung.teststadt.example/de/courses/beruf.html"));
    EXPECT_THAT(text, Not(HasSubstr("abend")));  // starts in February
    EXPECT_THAT(text, HasSubstr("Diese Übersicht im Web, zum Drucken und Weiterleiten:\r\n"
                                "https://bildung.teststadt.example/de/courses/2027-01/\r\n"));
    EXPECT_THAT(text, HasSubstr("Alle Kurse als Tabelle:\r\nhttps://bildung.teststadt.example/courses.csv (CSV)\r\n"
                                "https://bildung.teststadt.example/courses.xlsx (Excel)\r\n"));
    const std::string& html = m.parts[1].body;
    EXPECT_THAT(html, HasSubstr("<html lang=\"de\" dir=\"ltr\">"));
    EXPECT_THAT(html, HasSubstr("<tr><td><a href=\"https://bildung.teststadt.example/de/courses/frauen.html\">"
                                "Frauenkurs am Vormittag</a><br>Frauenintegrationskurs</td><td>11. Jan.\u2009–\u200917. Dez. 2027</td>"
                                "<td><bdi>A1–B1</bdi></td><td>Nord · Volkshochschule Teststadt</td><td>Ausgebucht</td></tr>"));
    EXPECT_THAT(html, HasSubstr("<a href=\"https://bildung.teststadt.example/de/courses/2027-01/\">"));
}

TEST_F(DigestSite, IsInTheLanguageAsked) {
    const Mail m = mail("--month 2027-01 --lang en");
    EXPECT_EQ(decode_words(m.headers.at("Subject")), "Language courses in January 2027 — Education Teststadt");
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_THAT(m.parts[0].body, HasSubstr("Women's course in the morning"));
    EXPECT_THAT(m.parts[0].body, HasSubstr("https://bildung.teststadt.example/en/courses/2027-01/"));
}

TEST_F(DigestSite, WritesToStandardOutputByDefault) {
    std::string output;
    ASSERT_EQ(digest("--month 2027-02", &output), 0) << output;
    EXPECT_EQ(output.rfind("MIME-Version: 1.0\r\n", 0), 0u) << output;
    const Mail m = parse_mail(output);
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_THAT(m.parts[0].body, HasSubstr("https://bildung.teststadt.example/de/courses/abend.html"));
}

TEST_F(DigestSite, AMonthWithoutCoursesIsStillADigestThatSaysSo) {
    const Mail m = mail("--month 2026-12");
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_THAT(m.parts[0].body, HasSubstr("Für Dezember 2026 sind noch keine Deutschkurse eingetragen.\r\n"));
    EXPECT_THAT(m.parts[0].body, HasSubstr("https://bildung.teststadt.example/de/courses/2026-12/"));
    EXPECT_THAT(m.parts[1].body, HasSubstr("<p class=\"month-empty\">Für Dezember 2026 sind noch keine Deutschkurse eingetragen.</p>"));
    EXPECT_THAT(m.parts[1].body, Not(HasSubstr("<table")));
    // A month without a page links the overview only.
    const Mail later = mail("--month 2028-05");
    EXPECT_THAT(later.parts.at(0).body, Not(HasSubstr("/courses/2028-05/")));
    EXPECT_THAT(later.parts.at(0).body, HasSubstr("Alle Deutschkurse:\r\nhttps://bildung.teststadt.example/de/courses/\r\n"));
}

TEST_F(DigestSite, RefusesAMonthThatIsNotOne) {
    for (const char* month : {"2027-13", "2027-1", "Januar", "2027-01-01"}) {
        std::string output;
        EXPECT_EQ(digest(std::string("--month ") + month, &output), 2);
        EXPECT_EQ(output, std::string("--month must be a month written YYYY-MM, e.g. 2027-01; found \"") + month + "\"\n");
    }
}

TEST_F(DigestSite, RefusesALanguageTheSiteDoesNotHave) {
    std::string output;
    EXPECT_EQ(digest("--month 2027-01 --lang fr", &output), 2);
    EXPECT_EQ(output, "--lang \"fr\" is not a language of the site (de, en, ar)\n");
}

TEST_F(DigestSite, RefusesASiteWithoutBaseUrl) {
    site.file("content/site.yaml", "title: {de: \"Bildung Teststadt\"}\nsource_language: de\nlanguages: [de]\n");
    std::string output;
    EXPECT_EQ(digest("--month 2027-01", &output), 2);
    EXPECT_EQ(output, (site.path() / "content/site.yaml").string() +
                          " has no base_url: the links of a mailed digest must be absolute. Add the site's web address, "
                          "e.g. base_url: https://bildung.beispielstadt.de/\n");
}

TEST_F(DigestSite, RefusesASiteWithErrors) {
    site.file("content/courses/kaputt.yaml", "type: integration\n");
    std::string output;
    EXPECT_EQ(digest("--month 2027-01", &output), 1);
    EXPECT_THAT(output, HasSubstr("kaputt.yaml"));
    EXPECT_THAT(output, HasSubstr("\nno digest was written\n"));
}

TEST_F(DigestSite, RefusesAFileItCannotWrite) {
    std::string output;
    const std::string file = (site.path() / "missing/digest.eml").string();
    EXPECT_EQ(digest("--month 2027-01 --out " + file, &output), 2);
    EXPECT_EQ(output, "cannot write " + file + "\n");
}

// Two more January courses, a first digest, then the changes a month brings: a start date moved
// (and one into February), a course full, one added, one deleted.
class DigestSince : public DigestSite {
protected:
    void SetUp() override {
        DigestSite::SetUp();
        site.file("content/courses/mittag.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A2, to: B1}\nstart: 2027-01-18\nend: 2027-07-30\n"
                  "checked: 2026-11-10\nseats: few\ntitle: {de: \"Mittagskurs\", en: \"Midday course\"}\n");
        site.file("content/courses/kurz.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: A2}\nstart: 2027-01-04\nend: 2027-03-30\n"
                  "checked: 2026-11-10\ntitle: {de: \"Kurzkurs\"}\n");
    }
    void change() {
        site.file("content/courses/beruf.yaml",
                  "type: job-language\nprovider: vhs\nlevel: {from: B1, to: B2}\nstart: 2027-01-26\nend: 2027-06-30\n"
                  "checked: 2026-11-10\nseats: few\n");
        site.file("content/courses/mittag.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A2, to: B1}\nstart: 2027-01-18\nend: 2027-07-30\n"
                  "checked: 2026-11-10\nseats: full\ntitle: {de: \"Mittagskurs\", en: \"Midday course\"}\n");
        site.file("content/courses/neu.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-20\nend: 2027-09-30\n"
                  "checked: 2026-11-20\ntitle: {de: \"Neuer Abendkurs\"}\n");
        site.remove("content/courses/kurz.yaml");
        site.file("content/courses/frauen.yaml",
                  "type: integration-women\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-02-08\nend: 2027-12-17\n"
                  "checked: 2026-11-10\ntitle: {de: \"Frauenkurs am Vormittag\", en: \"Women's course in the morning\"}\n"
                  "seats: full\nlocation: {street: \"Ring 2\", postcode: \"00110\", city: \"Teststadt\", district: \"Nord\"}\n");
    }
    std::string first_digest() {
        const std::string file = (site.path() / "januar.eml").string();
        std::string output;
        EXPECT_EQ(digest("--month 2027-01 --out " + file, &output), 0) << output;
        return file;
    }
    static constexpr const char* kSections =
        "Deutschkurse mit Beginn im Januar 2027\r\nStand: 22. Nov. 2026\r\n\r\n"
        "Neu seit der letzten Übersicht:\r\n- Neuer Abendkurs\r\n\r\n"
        "Geändert:\r\n- Berufssprachkurs B1–B2 (Zeitraum)\r\n\r\n"
        "Jetzt ausgebucht:\r\n- Mittagskurs\r\n\r\n"
        "Nicht mehr in dieser Übersicht:\r\n- Kurzkurs\r\n- Frauenkurs am Vormittag (beginnt jetzt im Februar 2027)\r\n\r\n";
};

TEST_F(DigestSince, LeadsWithWhatChangedSinceAnEarlierDigest) {
    const std::string first = first_digest();
    change();
    const Mail m = mail("--month 2027-01 --since " + first);
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].body.rfind(kSections, 0), 0u) << m.parts[0].body;
    const std::string& html = m.parts[1].body;
    EXPECT_THAT(html, HasSubstr("<p>Stand: 22. Nov. 2026</p>\r\n<h2>Neu seit der letzten Übersicht</h2>\r\n<ul>\r\n"
                                "<li><a href=\"https://bildung.teststadt.example/de/courses/neu.html\">Neuer Abendkurs</a></li>\r\n</ul>\r\n"
                                "<h2>Geändert</h2>\r\n<ul>\r\n<li><a href=\"https://bildung.teststadt.example/de/courses/beruf.html\">"
                                "Berufssprachkurs B1–B2</a> (Zeitraum)</li>\r\n</ul>\r\n"));
    EXPECT_THAT(html, HasSubstr("<h2>Nicht mehr in dieser Übersicht</h2>\r\n<ul>\r\n<li>Kurzkurs</li>\r\n"
                                "<li><a href=\"https://bildung.teststadt.example/de/courses/frauen.html\">Frauenkurs am Vormittag</a>"
                                " (beginnt jetzt im Februar 2027)</li>\r\n</ul>\r\n"));
}

TEST_F(DigestSince, ReadsCoursesCsvTheSameWay) {
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::filesystem::path csv = site.path() / "courses-november.csv";
    std::filesystem::copy_file(site.out() / "courses.csv", csv);
    change();
    const Mail m = mail("--month 2027-01 --since " + csv.string());
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].body.rfind(kSections, 0), 0u) << m.parts[0].body;
}

TEST_F(DigestSince, ReadsCoursesXlsxWithItsDateCells) {
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::filesystem::path xlsx = site.path() / "courses-november.xlsx";
    std::filesystem::copy_file(site.out() / "courses.xlsx", xlsx);
    change();
    const Mail m = mail("--month 2027-01 --since " + xlsx.string());
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_EQ(m.parts[0].body.rfind(kSections, 0), 0u) << m.parts[0].body;
}

TEST_F(DigestSince, SaysSoIfNothingChanged) {
    const std::string first = first_digest();
    const Mail m = mail("--month 2027-01 --since " + first);
    ASSERT_EQ(m.parts.size(), 2u);
    EXPECT_THAT(m.parts[0].body, HasSubstr("Stand: 22. Nov. 2026\r\n\r\nSeit der letzten Übersicht hat sich nichts geändert.\r\n\r\n"
                                           "Kurzkurs (Integrationskurs)\r\n"));
    EXPECT_THAT(m.parts[1].body, HasSubstr("<p>Seit der letzten Übersicht hat sich nichts geändert.</p>\r\n"));
    EXPECT_THAT(m.parts[0].body, Not(HasSubstr("Geändert")));
}

TEST_F(DigestSince, RefusesAFileItCannotRead) {
    std::string output;
    const std::string file = (site.path() / "fehlt.eml").string();
    EXPECT_EQ(digest("--month 2027-01 --since " + file, &output), 2);
    EXPECT_EQ(output, "--since " + file + ": there is no file to read there\n");
}

TEST_F(DigestSince, RefusesAMailWithoutTheList) {
    const std::string file = (site.path() / "anders.eml").string();
    write(file, "MIME-Version: 1.0\r\nSubject: Hallo\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHallo\r\n");
    std::string output;
    EXPECT_EQ(digest("--month 2027-01 --since " + file, &output), 2);
    EXPECT_EQ(output, "--since " + file + ": this mail has no course list attached; give a digest that lotse digest "
                                          "wrote, or courses.csv or courses.xlsx\n");
}

TEST_F(DigestSince, RefusesASheetWithoutIds) {
    const std::string file = (site.path() / "liste.csv").string();
    write(file, "Titel;Beginn\r\nFrauenkurs;2027-01-11\r\n");
    std::string output;
    EXPECT_EQ(digest("--month 2027-01 --since " + file, &output), 2);
    EXPECT_EQ(output, "--since " + file + ": the list has no column \"id\" (or \"Kennung\"), which says which course "
                                          "each row is\n");
}

TEST(MailDraft, SubjectWordsStayShortAndKeepCharactersWhole) {
    const std::string subject = "دورات اللغة في يناير 2027 — التعليم في تستشتات";
    const std::string header = encoded_header("Subject", subject);
    std::size_t at = 0;
    for (std::size_t eol; (eol = header.find("\r\n", at)) != std::string::npos; at = eol + 2)
        EXPECT_LE(eol - at, 76u) << header;
    EXPECT_EQ(decode_words(header), subject);
    for (std::size_t w = header.find("=?UTF-8?B?"); w != std::string::npos; w = header.find("=?UTF-8?B?", w + 1)) {
        const std::string word = decode_base64(header.substr(w + 10, header.find("?=", w) - w - 10));
        EXPECT_NE(static_cast<unsigned char>(word.front()) & 0xC0, 0x80) << "a word starts inside a character";
    }
    EXPECT_EQ(base64("Ma"), "TWE=");
    EXPECT_EQ(base64("Man"), "TWFu");
    EXPECT_EQ(base64("M"), "TQ==");
}

}  // namespace
}  // namespace lotse::test
