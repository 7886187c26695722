// Where an address may break on a phone: at its parts, never inside a name or after a hyphen.
#include "render/break_points.h"

#include <gtest/gtest.h>

namespace lotse {
namespace {

TEST(AddressHtml, BreaksAfterSlashesAndBeforeDotsAndAt) {
    EXPECT_EQ(address_html("https://vhs-beispielstadt.example/kurs/27F-1104"),
              "https://<wbr>vhs-beispielstadt<wbr>.example/<wbr>kurs/<wbr>27F-1104");
    EXPECT_EQ(address_html("jmd@awo-beispielstadt.example"), "jmd<wbr>@awo-beispielstadt<wbr>.example");
}

TEST(AddressHtml, EscapesWhatHtmlWouldRead) {
    EXPECT_EQ(address_html("https://a.example/?q=\"<x>\"&y='1'"),
              "https://<wbr>a<wbr>.example/<wbr><wbr>?q<wbr>=&quot;&lt;x&gt;&quot;<wbr>&amp;y<wbr>=&#39;1&#39;");
    EXPECT_EQ(address_html(""), "");
    EXPECT_EQ(address_html("/"), "/");
}

}  // namespace
}  // namespace lotse
