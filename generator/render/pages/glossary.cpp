// The glossary page: every official term in the order of its German word (its article does not
// count), with article and plural, the explanation in the page language and the records it
// relates to; each term has an anchor that the first mention in a record's text links to.
#include <algorithm>

#include "content/domain.h"
#include "render/kinds/kinds.h"
#include "render/pages/pages.h"
#include "site/routes.h"

namespace lotse {

namespace {

Data term_data(const PageContext& c, const RecordEntry& e, const Group* see) {
    const LanguageView& v = c.v;
    const GlossaryTerm& g = e.as<GlossaryTerm>();
    Data d;
    d.set("id", g.id);
    d.set("word", std::string(domain::without_article(g.term.value)));
    d.set("term", g.term.value);
    d.set("plural", text_or_false(g.plural.value));
    const std::string* name = g.name.find(v.language());
    d.set("name", name && v.language() != "de" ? Data(*name) : Data(false));
    d.set("explanation", v.markdown(g.explanation, c.p.route, 3));
    Data links = list();
    if (see)
        for (const RecordEntry* target : see->entries) {
            Data l;
            l.set("href", routes::link(c.p.route, target->route));
            l.set("title", v.title(*target));
            append(links, std::move(l));
        }
    set_list(d, "see", std::move(links));
    return d;
}

}  // namespace

PageBody glossary_page(const PageContext& c) {
    const LanguageView& v = c.v;
    PageBody page{"glossary", v.msg("glossary.title"), Data()};
    std::vector<const RecordEntry*> terms = c.p.groups.front().entries;
    std::vector<std::string> keys;
    for (const RecordEntry* e : terms) keys.push_back(v.fmt().sort_key(std::string(domain::without_article(e->as<GlossaryTerm>().term.value))));
    std::vector<std::size_t> order(terms.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    Data items = list();
    for (std::size_t i : order) {
        const Group* see = nullptr;
        for (const Group& g : c.p.groups)
            if (&g != &c.p.groups.front() && g.term == terms[i]->record->id) see = &g;
        append(items, term_data(c, *terms[i], see));
    }
    set_list(page.data, "terms", std::move(items));
    return page;
}

}  // namespace lotse
