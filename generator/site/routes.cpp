#include "site/routes.h"

namespace lotse::routes {

namespace {
std::string concat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view p : parts) out += p;
    return out;
}
}  // namespace

std::string sitemap_part(std::size_t n) { return "sitemap-" + std::to_string(n) + ".xml"; }
std::string hsds_folder(std::string_view language) { return concat({kHsds, language, "/"}); }
std::string record(RecordKind kind, std::string_view id) {
    if (info(kind).listing == Listing::glossary) return concat({kGlossary, "#", id});
    return concat({info(kind).folder, "/", id, ".html"});
}
std::string life_phase(std::string_view id) { return concat({kLifePhases, "/", id, ".html"}); }
std::string topic(std::string_view id) { return concat({kTopics, "/", id, ".html"}); }
std::string course_month(std::string_view month) { return concat({"courses/", month, "/index.html"}); }
std::string free_page(std::string_view slug) { return concat({slug, "/index.html"}); }
std::string language_home(std::string_view language) { return concat({language, "/index.html"}); }
std::string feed(std::string_view language) { return concat({language, "/", kFeed}); }

const std::vector<std::string_view>& reserved_slugs() {
    static const std::vector<std::string_view> slugs = [] {
        std::vector<std::string_view> out;
        for (const KindInfo& k : kRecordKinds) out.push_back(k.folder);
        for (std::string_view page : {kCounselling, kAz, kSearch})  // "courses" is a kind's folder already
            out.push_back(page.substr(0, page.find('/')));
        out.insert(out.end(), {kLifePhases, kTopics, kAssets});
        return out;
    }();
    return slugs;
}

std::string up(std::string_view path) {
    std::string out;
    for (char c : path)
        if (c == '/') out += "../";
    return out;
}

std::string link(std::string_view from, std::string_view to) { return up(from) + std::string(to); }

std::string pretty(std::string_view route) {
    constexpr std::string_view kIndex = "index.html";
    if (route.ends_with(kIndex)) route.remove_suffix(kIndex.size());
    return std::string(route);
}

}  // namespace lotse::routes
