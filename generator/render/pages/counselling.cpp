// The counselling page: every contact by topic, with filters by topic, life phase and language.
#include <algorithm>
#include <set>

#include "render/pages/pages.h"

namespace lotse {

namespace {

// The languages any contact offers, by their names in the page language.
Data language_options(const LanguageView& v, const std::vector<const RecordEntry*>& contacts) {
    std::set<std::string> languages;
    for (const RecordEntry* e : contacts)
        for (const Located& l : e->as<Contact>().languages) languages.insert(l.value);
    std::vector<std::pair<std::string, std::string>> named;
    for (const std::string& l : languages) named.emplace_back(v.fmt().language_name(l), l);
    std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) { return v.fmt().less(a.first, b.first); });
    Data langs = list();
    for (const auto& [name, tag] : named) append(langs, option(tag, name));
    return langs;
}

}  // namespace

PageBody counselling_page(const PageContext& c) {
    const LanguageView& v = c.v;
    const PlannedPage& p = c.p;
    Data groups = list();
    for (const Group& g : p.groups) {
        Data group;
        group.set("id", g.term);
        group.set("heading", v.msg("topic." + g.term));
        set_list(group, "cards", c.items.cards(v, g.entries, p.route));
        append(groups, std::move(group));
    }
    Data d;
    set_list(d, "groups", std::move(groups));
    if (p.contacts.empty()) d.set("empty", true);
    Data f, topics = list(), phases = list();
    for (const Term& t : c.in().content.taxonomy.topics) append(topics, option(t.id, v.msg("topic." + t.id)));
    for (const Term& t : c.in().content.taxonomy.life_phases) append(phases, option(t.id, v.msg("life_phase." + t.id)));
    f.set("active", filters_summary(v));
    f.set("topics", topics);
    f.set("life_phases", phases);
    f.set("languages", language_options(v, p.contacts));
    d.set("filters", f);
    d.set("status_plural", v.plural_json("counselling.shown"));
    return {"counselling", v.msg("counselling.title"), std::move(d)};
}

}  // namespace lotse
