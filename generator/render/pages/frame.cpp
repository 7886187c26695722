// What every page shares around its body (navigation, language switcher, alternates, footer), and
// the free pages (imprint, privacy, …), which the navigation and footer list.
#include <algorithm>
#include <tuple>

#include "render/pages/pages.h"
#include "site/routes.h"

namespace lotse {

namespace {

// Free pages as the menus list them: by weight, then slug; with their menu ("main" or "footer").
std::vector<std::tuple<int, std::string, std::string>> menu_pages(const RenderInputs& in) {
    std::vector<std::tuple<int, std::string, std::string>> out;
    for (const auto& [slug, versions] : in.plan.free_pages) {
        auto src = versions.find(in.content.site.source_language);
        if (src == versions.end() || src->second->menu == "none") continue;
        out.emplace_back(src->second->weight, slug, src->second->menu);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The page of `slug` in `lang`, else in the source language.
const Page& free_page_in(const RenderInputs& in, const std::string& slug, const std::string& lang) {
    const auto& versions = in.plan.free_pages.at(slug);
    auto it = versions.find(lang);
    return it != versions.end() ? *it->second : *versions.at(in.content.site.source_language);
}

}  // namespace

Data frame(const PageContext& c, const std::string& title) {
    const std::string& lang = c.v.language();
    const std::string& route = c.p.route;
    const std::string& base_url = c.in().content.site.base_url;
    const std::string up = routes::up(lang + "/" + route);
    Data page;
    page.set("page_title", title);
    page.set("root", up);
    page.set("open_data", up + std::string(routes::kDcat));
    page.set("home", routes::link(route, routes::kHome));
    page.set("stylesheet", up + std::string(routes::kStylesheet));
    // The language switcher and alternates come from the language's shared data; the page only
    // says where it is (their links are root + language + route).
    page.set("route", route);
    page.set("pretty_route", routes::pretty(route));
    page.set("x_default", base_url.empty() ? up + std::string(routes::kChooser) : base_url);
    if (!base_url.empty()) page.set("canonical", base_url + lang + "/" + routes::pretty(route));
    // The language's feed exists where the site's address is known (render/feed.h).
    if (!base_url.empty()) {
        page.set("feed", routes::link(route, routes::kFeed));
        page.set("feed_title", c.v.msg("feed.title", {{"site", c.v.plain(c.in().content.site.title)}}));
    }

    // A link's label carries the language it is in where that is not the interface's: a catalog
    // message borrowed from the source language, a free page's title without a translation.
    Data nav = list();
    auto item = [&](std::string_view target, Data d) {
        d.set("href", routes::link(route, target));
        if (target == route) d.set("current", true);
        append(nav, std::move(d));
    };
    item(routes::kHome, c.v.said("nav.home"));
    item(routes::kCourses, c.v.said("nav.courses"));
    item(routes::kCounselling, c.v.said("nav.counselling"));
    item(routes::kAz, c.v.said("nav.az"));
    if (!c.in().content.glossary.empty()) item(routes::kGlossary, c.v.said("nav.glossary"));
    Data footer = list();
    for (const auto& [weight, slug, menu] : menu_pages(c.in())) {
        const Page& p = free_page_in(c.in(), slug, lang);
        Data d = c.v.language_marks(p.language);
        d.set("label", p.title);
        if (menu == "main") {
            item(routes::free_page(slug), std::move(d));
            continue;
        }
        d.set("href", routes::link(route, routes::free_page(slug)));
        append(footer, std::move(d));
    }
    put(page, "nav", std::move(nav));
    // The header's search field sends its words to the search page; the search page has its own.
    if (route != routes::kSearch) page.set("search_action", routes::link(route, routes::kSearch));
    put(page, "footer_pages", std::move(footer));
    return page;
}

PageBody free_page(const PageContext& c) {
    const Page& page = free_page_in(c.in(), c.p.slug, c.v.language());
    Data d;
    d.set("html", c.v.render_markdown(page.body, c.p.route, 2));
    c.v.mark_fallback(d, page.language);
    const Page* source = page.outdated ? &free_page_in(c.in(), c.p.slug, c.v.source_language()) : nullptr;
    d.set("outdated", source ? c.v.outdated_notice({{&source->title, false}, {&source->body, true}}, c.p.route) : Data(false));
    return {"page", page.title, std::move(d)};
}

}  // namespace lotse
