// A life phase's or topic's page: its records grouped by the other dimension, and its contacts.
#include "render/pages/pages.h"

namespace lotse {

PageBody term_page(const PageContext& c) {
    const LanguageView& v = c.v;
    const PlannedPage& p = c.p;
    const bool phase = p.kind == PageKind::life_phase;
    const std::string kind = phase ? "life_phase" : "topic";
    const std::string other = phase ? "topic" : "life_phase";
    Data d;
    d.set("description", v.msg(kind + "_description." + p.term));
    d.set("grouped_by", v.msg(phase ? "term.grouped_by_topic" : "term.grouped_by_life_phase"));
    Data groups = list();
    for (const Group& g : p.groups) {
        Data group;
        group.set("id", g.term);
        group.set("heading", v.msg(other + "." + g.term));
        set_list(group, "cards", c.items.cards(v, g.entries, p.route));
        append(groups, std::move(group));
    }
    set_list(d, "groups", std::move(groups));
    if (p.groups.empty()) d.set("empty", true);
    if (!p.contacts.empty()) set_list(d, "contacts", c.items.cards(v, p.contacts, p.route));
    return {"term", v.msg(kind + "." + p.term), std::move(d)};
}

}  // namespace lotse
