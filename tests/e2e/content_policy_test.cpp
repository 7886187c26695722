// End to end: every page names a strict Content-Security-Policy and a referrer policy, and holds
// nothing inline that the policy would block, so it shows the same on any web server.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "test_site.h"

namespace lotse::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

// The value of the page's CSP <meta> in its <head>; empty if there is none there.
std::string meta_policy(const std::string& page) {
    static const std::regex meta("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
    std::smatch m;
    const std::string head = page.substr(0, page.find("</head>"));
    return std::regex_search(head, m, meta) ? m[1].str() : std::string();
}

TEST(ContentPolicy, EverySamplePageNamesThePoliciesAndRunsNothingInline) {
    TempDir out;
    RunOptions o;
    o.site_dir = LOTSE_SOURCE_DATA_DIR;
    o.out = out.path() / "public";
    o.today = day("2026-11-22");
    std::ostringstream log, err;
    ASSERT_EQ(run_build(o, log, err), 0) << err.str();
    // A script element without src runs inline, unless it is a data block such as JSON-LD.
    const std::regex inline_script("<script(?![^>]*\\bsrc=\")(?![^>]*type=\"application/ld\\+json\")[^>]*>");
    const std::regex handler("<[^>]*\\son[a-z]+=", std::regex::icase);
    int pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(o.out)) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        const std::string rel = e.path().lexically_relative(o.out).generic_string();
        const std::string page = read(e.path());
        const std::string head = page.substr(0, page.find("</head>"));
        EXPECT_THAT(head, HasSubstr("<meta name=\"referrer\" content=\"same-origin\">")) << rel;
        EXPECT_FALSE(std::regex_search(page, inline_script)) << rel;
        EXPECT_FALSE(std::regex_search(page, handler)) << rel;
        EXPECT_THAT(page, Not(HasSubstr(" style=\""))) << rel;
        EXPECT_THAT(page, Not(HasSubstr("javascript:"))) << rel;
        if (rel == "404.html") continue;
        EXPECT_EQ(meta_policy(page), kPolicy) << rel;
        EXPECT_THAT(page, Not(HasSubstr("<style"))) << rel;
    }
    EXPECT_GT(pages, 300);
    const std::string not_found = read(o.out / "404.html");
    EXPECT_THAT(meta_policy(not_found), testing::StartsWith("default-src 'none'; script-src 'self'; style-src 'self' 'sha256-"));
}

TEST(ContentPolicy, TheNotFoundPagesInlineStyleIsAllowedByItsHashAlone) {
    TestSite site;
    site.file("templates/assets/style.css", "body{color:#111}\n");
    ASSERT_EQ(site.build(), 0) << site.err();
    const std::string page = site.page("404.html");
    EXPECT_THAT(page, HasSubstr("<style>body{color:#111}\n</style>"));
    EXPECT_EQ(meta_policy(page),
              "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-CcY0mG8YOoMEEZ+5khmu96/JSrCECSoPKA3c75NZP8M='; "
              "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; "
              "base-uri 'none'; object-src 'none'");
    // Every other page loads the same stylesheet as a file, and allows no inline style.
    EXPECT_EQ(meta_policy(site.page("index.html")), kPolicy);
    EXPECT_EQ(meta_policy(site.page("ar/index.html")), kPolicy);
    EXPECT_THAT(site.page("ar/index.html"), HasSubstr("<meta name=\"referrer\" content=\"same-origin\">"));
}

}  // namespace
}  // namespace lotse::test
