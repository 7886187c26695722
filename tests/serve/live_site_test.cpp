// `lotse serve` keeps the site in memory and writes only what changed into its preview folder:
// after every kind of edit the folder holds what a fresh `lotse build` writes, byte for byte.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "output/marker.h"
#include "serve/live_site.h"
#include "test_site.h"
#include "translate.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Every folder and file under `root` with its bytes, as `diff -r` compares them. The marker of a
// built output is Lotse's own list of what it wrote, which the preview keeps in memory instead.
std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(root)) {
        const std::string rel = e.path().lexically_relative(root).generic_string();
        if (rel == kOutputMarker) continue;
        if (e.is_directory()) out[rel + "/"] = "";
        else out[rel] = read(e.path());
    }
    return out;
}

// The paths only in one of the trees or with other bytes: what `diff -r` lists.
std::vector<std::string> differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : a) {
        auto other = b.find(path);
        if (other == b.end()) out.push_back("only in the preview: " + path);
        else if (other->second != bytes) out.push_back("differs: " + path);
    }
    for (const auto& [path, bytes] : b)
        if (!a.contains(path)) out.push_back("only in the build: " + path);
    return out;
}

// The errors and warnings as `lotse check` prints them, from the site folder.
std::vector<std::string> formatted(const Diagnostics& diags, const fs::path& site_dir) {
    std::vector<std::string> out;
    const std::string prefix = (site_dir / "").lexically_normal().generic_string();
    for (const Diagnostic& d : diags.sorted()) {
        if (d.severity == Severity::note) continue;
        std::string line = format(d);
        if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
        out.push_back(line);
    }
    return out;
}

constexpr const char* kOffer =
    "title: {de: \"Zeitungswerkstatt\", en: \"Newspaper workshop\"}\n"
    "summary: {de: \"Kurz\", en: \"Short\", ar: \"ملخص\"}\n"
    "provider: vhs\n"
    "life_phases: [school]\ntopics: [school]\n"
    "checked: 2026-11-02\n";

class LiveSiteTest : public ::testing::Test {
protected:
    void SetUp() override {
        site.file("content/offers/zeitung.yaml", kOffer);
        site.file("content/courses/ik.yaml",
                  "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
                  "checked: 2026-11-10\n");
        site.file("content/contacts/mbe.yaml",
                  "name: {de: \"Migrationsberatung\", en: \"Migration counselling\"}\norganisation: vhs\n"
                  "topics: [work]\nlife_phases: [work-and-career]\nchecked: 2026-10-20\n");
        RunOptions o;
        o.site_dir = site.path();
        o.out = preview();
        o.today = day("2026-11-22");
        live.emplace(o);
    }
    fs::path preview() const { return tmp.path() / "preview"; }

    // Rebuilds the preview after `changed`; expects it to succeed and to hold what a fresh build
    // of the same content writes.
    BuildOutcome expect_same_as_build(const std::vector<fs::path>& changed) {
        BuildOutcome outcome;
        EXPECT_EQ(live->rebuild(changed, outcome), kSuccess) << ::testing::PrintToString(formatted(outcome.diags, site.path()));
        EXPECT_EQ(site.build(day("2026-11-22"), tmp.path() / "fresh"), kSuccess) << site.err();
        EXPECT_THAT(differences(tree(preview()), tree(tmp.path() / "fresh")), ElementsAre());
        return outcome;
    }

    TestSite site;
    TempDir tmp;
    std::optional<LiveSite> live;
};

TEST_F(LiveSiteTest, AfterEveryEditThePreviewIsWhatAFreshBuildWrites) {
    const BuildOutcome first = expect_same_as_build({});
    EXPECT_EQ(first.kept, 0u);

    std::string edited = kOffer;
    edited.replace(edited.find("Zeitungswerkstatt"), 17, "Zeitungswerkstatt neu");
    site.file("content/offers/zeitung.yaml", edited);
    const BuildOutcome edit = expect_same_as_build({"content/offers/zeitung.yaml"});
    EXPECT_THAT(read(preview() / "de/offers/zeitung.html"), HasSubstr("<h1>Zeitungswerkstatt neu</h1>"));
    // Only the pages that show the offer are rendered again.
    EXPECT_GT(edit.rendered, 0u);
    EXPECT_GT(edit.kept, edit.rendered);

    site.file("content/courses/b1.yaml",
              "type: intensive\nprovider: vhs\nlevel: {from: B1, to: B1}\nstart: 2027-02-01\nend: 2027-03-26\n"
              "checked: 2026-11-10\n");
    expect_same_as_build({"content/courses/b1.yaml"});
    EXPECT_TRUE(fs::exists(preview() / "de/courses/b1.html"));

    site.remove("content/contacts/mbe.yaml");
    expect_same_as_build({"content/contacts/mbe.yaml"});
    EXPECT_FALSE(fs::exists(preview() / "de/contacts/mbe.html"));

    std::string en = read(fs::path(LOTSE_SOURCE_DATA_DIR) / "i18n/en.txt");
    en.replace(en.find("\"Skip to content\""), 17, "\"Jump to the content\"");
    site.file("i18n/en.txt", en);
    expect_same_as_build({"i18n/en.txt"});
    EXPECT_THAT(read(preview() / "en/index.html"), HasSubstr(">Jump to the content</a>"));

    site.file("templates/home.mustache", "<h1>Our own home page</h1>\n");
    expect_same_as_build({"templates/home.mustache"});
    EXPECT_THAT(read(preview() / "de/index.html"), HasSubstr("<h1>Our own home page</h1>"));
}

// The open page reloads as soon as its new version is written, not after the search index, open
// data and exports, which take longer on a large site.
TEST_F(LiveSiteTest, ThePagesAreDoneBeforeTheFilesOncePerSite) {
    expect_same_as_build({});
    const std::string index_before = read(preview() / "de/search/index.json");
    std::string edited = kOffer;
    edited.replace(edited.find("Zeitungswerkstatt"), 17, "Zeitungswerkstatt neu");
    site.file("content/offers/zeitung.yaml", edited);
    int calls = 0;
    std::string page_then, index_then, home_then;
    const std::string home_before = read(preview() / "de/index.html");
    BuildOutcome outcome;
    EXPECT_EQ(live->rebuild({"content/offers/zeitung.yaml"}, outcome,
                            [&](const Diagnostics& found) {
                                EXPECT_FALSE(found.has_errors());
                                if (calls++ > 0) return;  // again only if a home page's offline size changed
                                page_then = read(preview() / "de/offers/zeitung.html");
                                index_then = read(preview() / "de/search/index.json");
                                home_then = read(preview() / "de/index.html");
                            }),
              kSuccess);
    EXPECT_GE(calls, 1);
    EXPECT_THAT(page_then, HasSubstr("<h1>Zeitungswerkstatt neu</h1>"));
    EXPECT_EQ(index_then, index_before);
    // The home page is there already, with the offline copy's size of the build before.
    EXPECT_THAT(home_then, Not(HasSubstr("@@lotse-offline-size@@")));
    EXPECT_EQ(home_then, home_before);
    EXPECT_NE(read(preview() / "de/search/index.json"), index_before);
    EXPECT_EQ(site.build(day("2026-11-22"), tmp.path() / "fresh"), kSuccess) << site.err();
    EXPECT_THAT(differences(tree(preview()), tree(tmp.path() / "fresh")), ElementsAre());
}

// Content errors: the pages are never done, the open pages do not reload.
// The preview works the translation checks out again only for the records read again: after each
// edit it says what a fresh `lotse check` says, warnings and the note of unrecorded translations.
TEST_F(LiveSiteTest, TranslationWarningsAndNotesAreThoseOfAFreshCheckAfterEveryEdit) {
    // The warnings, and the translation record's notes (`lotse check` notes more, of coverage).
    auto translations = [](const std::string& line) {
        return line.find(": warning: ") != std::string::npos || line.starts_with("content/translations.yaml: note: ");
    };
    auto printed = [&](const Diagnostics& diags) {
        std::vector<std::string> out;
        const std::string prefix = (site.path() / "").lexically_normal().generic_string();
        for (const Diagnostic& d : diags.sorted()) {
            std::string line = format(d);
            if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
            if (translations(line)) out.push_back(line);
        }
        return out;
    };
    auto checked = [&] {
        EXPECT_EQ(site.check(day("2026-11-22")), kSuccess) << site.err();
        std::vector<std::string> out;
        std::istringstream in(site.err());
        const std::string prefix = (site.path() / "").lexically_normal().generic_string();
        for (std::string line; std::getline(in, line);) {
            if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
            if (translations(line)) out.push_back(line);
        }
        return out;
    };
    const std::vector<std::string> untracked = printed(expect_same_as_build({}).diags);
    EXPECT_THAT(untracked, ElementsAre(HasSubstr("content/translations.yaml: note: translations are not tracked yet: "
                                                 "7 translations have no record")));
    EXPECT_EQ(untracked, checked());

    RunOptions o;
    o.site_dir = site.path();
    o.today = day("2026-11-22");
    std::ostringstream out, err;
    for (const char* language : {"en", "ar"}) ASSERT_EQ(run_i18n_confirm(o, language, {}, out, err), kSuccess) << err.str();
    EXPECT_THAT(printed(expect_same_as_build({"content/translations.yaml"}).diags), ElementsAre());

    std::string edited = kOffer;
    edited.replace(edited.find("\"Kurz\""), 6, "\"Ganz kurz\"");
    site.file("content/offers/zeitung.yaml", edited);
    const std::vector<std::string> outdated = printed(expect_same_as_build({"content/offers/zeitung.yaml"}).diags);
    EXPECT_THAT(outdated, ElementsAre(StartsWith("content/offers/zeitung.yaml:2:32: warning: the en translation of "
                                                 "offer zeitung, summary is out of date"),
                                      StartsWith("content/offers/zeitung.yaml:2:45: warning: the ar translation of "
                                                 "offer zeitung, summary is out of date")));
    EXPECT_EQ(outdated, checked());

    // Another record edited: the offer's warnings stay, and its new translation is unrecorded.
    site.file("content/contacts/mbe.yaml",
              "name: {de: \"Migrationsberatung\", en: \"Migration counselling\", ar: \"استشارة الهجرة\"}\n"
              "organisation: vhs\ntopics: [work]\nlife_phases: [work-and-career]\nchecked: 2026-10-20\n");
    const std::vector<std::string> both = printed(expect_same_as_build({"content/contacts/mbe.yaml"}).diags);
    EXPECT_THAT(both, ElementsAre(outdated[0], outdated[1],
                                  HasSubstr("translations.yaml: note: 1 translation has no record of the source text they "
                                            "were made from (contact/mbe/name (ar))")));
    EXPECT_EQ(both, checked());
}

TEST_F(LiveSiteTest, BrokenContentNeverSaysThePagesAreDone) {
    expect_same_as_build({});
    site.file("content/offers/zeitung.yaml", "title: {de: \"Zeitung\"\n");
    BuildOutcome outcome;
    int calls = 0;
    EXPECT_EQ(live->rebuild({"content/offers/zeitung.yaml"}, outcome, [&](const Diagnostics&) { ++calls; }), kContentErrors);
    EXPECT_EQ(calls, 0);
}

TEST_F(LiveSiteTest, BrokenYamlKeepsTheLastGoodSiteUntilFixed) {
    expect_same_as_build({});
    const auto good = tree(preview());
    site.file("content/offers/zeitung.yaml", std::string(kOffer) + "topics: [work\n");
    BuildOutcome broken;
    EXPECT_EQ(live->rebuild({"content/offers/zeitung.yaml"}, broken), kContentErrors);
    EXPECT_THAT(formatted(broken.diags, site.path()),
                ElementsAre("content/offers/zeitung.yaml:7:9: error: the \"[\" here is not closed; add the \"]\" that "
                            "ends the list"));
    EXPECT_THAT(differences(tree(preview()), good), ElementsAre());

    std::string fixed = kOffer;
    fixed.replace(fixed.find("Zeitungswerkstatt"), 17, "Zeitungswerkstatt repariert");
    site.file("content/offers/zeitung.yaml", fixed);
    const BuildOutcome outcome = expect_same_as_build({"content/offers/zeitung.yaml"});
    EXPECT_THAT(formatted(outcome.diags, site.path()), ElementsAre());
    EXPECT_THAT(read(preview() / "de/offers/zeitung.html"), HasSubstr("<h1>Zeitungswerkstatt repariert</h1>"));
}

TEST_F(LiveSiteTest, AFileThatIsNoRecordIsReadWithTheWholeContent) {
    expect_same_as_build({});
    site.file("content/offers/notes.txt", "to do\n");
    const BuildOutcome outcome = expect_same_as_build({"content/offers/notes.txt"});
    EXPECT_THAT(formatted(outcome.diags, site.path()),
                ElementsAre("content/offers/notes.txt: warning: this file is ignored; records are .yaml files"));
    // An editor's own files beside the records are not read at all.
    site.file("content/offers/.zeitung.yaml.swp", "binary");
    EXPECT_THAT(formatted(expect_same_as_build({"content/offers/.zeitung.yaml.swp"}).diags, site.path()),
                ElementsAre("content/offers/notes.txt: warning: this file is ignored; records are .yaml files"));
}

TEST_F(LiveSiteTest, AFileThatCannotBeWrittenIsAnErrorAndTheNextBuildWritesEverythingAgain) {
    // A file where the preview needs the folder de/.
    write(preview() / "de", "in the way");
    BuildOutcome blocked;
    EXPECT_EQ(live->rebuild({}, blocked), kContentErrors);
    const std::vector<std::string> problems = formatted(blocked.diags, site.path());
    ASSERT_FALSE(problems.empty());
    EXPECT_THAT(problems.front(), StartsWith((preview() / "de").generic_string() + "/"));
    EXPECT_THAT(problems.front(), HasSubstr(": error: cannot write this preview file: "));
    fs::remove(preview() / "de");
    expect_same_as_build({"content/offers/zeitung.yaml"});
}

}  // namespace
}  // namespace lotse::test
