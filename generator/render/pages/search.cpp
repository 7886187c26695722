// The search page: a field and the results search.js finds in the language's search index
// (search/search_index.h). Without JavaScript it leads to the A–Z, which lists every record.
#include "render/pages/pages.h"
#include "site/routes.h"

namespace lotse {

PageBody search_page(const PageContext& c) {
    const LanguageView& v = c.v;
    PageBody page{"search", v.msg("search.title"), Data()};
    page.data.set("index", routes::link(c.p.route, routes::kSearchIndex));
    page.data.set("az", routes::link(c.p.route, routes::kAz));
    page.data.set("language_root", routes::up(c.p.route));
    page.data.set("status_plural", v.plural_json("search.count"));
    return page;
}

}  // namespace lotse
