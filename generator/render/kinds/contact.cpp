// What a counselling contact shows: its organisation, languages and first opening hours on its
// card (with what the counselling filters match), and on its page how to reach it.
#include "render/kinds/kinds.h"
#include "render/list_items.h"

namespace lotse {

Data title(const LanguageView& v, const Contact& r) { return v.text(r.name); }
std::string title_text(const LanguageView& v, const Contact& r) { return v.plain(r.name); }

void card_facts(const LanguageView& v, const Contact& c, Data& card, Data& facts) {
    if (const Provider* p = v.provider(c.organisation.value)) append(facts, v.proper_name(p->name));
    if (!c.languages.empty()) append(facts, LanguageView::fact(v.msg("contact.languages_short", {{"languages", v.languages(c.languages)}})));
    if (!c.hours.empty())
        append(facts, LanguageView::fact(v.days(c.hours.front().days) + " " + v.fmt().time_range(c.hours.front().from, c.hours.front().to)));
    Data filter;
    filter.set("topic", tokens(c.topics));
    filter.set("life_phase", tokens(c.life_phases));
    filter.set("language", tokens(c.languages));
    card.set("filter", filter);
}

void index_details(const LanguageView& v, const Contact& r, Data& details) {
    if (const Provider* p = v.provider(r.organisation.value)) append(details, v.proper_name(p->name));
}

void page_data(const PageContext& page, const Contact& r, Data& d) {
    const LanguageView& v = page.v;
    auto set_if = [&](const char* key, const std::string& value) {
        if (!value.empty()) d.set(key, value);
    };
    d.set("provider", v.provider_link(r.organisation.value, page.p.route));
    set_if("person", r.person);
    d.set("location", v.location(r.location, r.organisation.value));
    set_if("phone", r.phone);
    if (!r.phone.empty()) d.set("phone_uri", tel_uri(r.phone));
    set_if("email", r.email);
    set_if("url", r.url);
    if (!r.languages.empty()) d.set("languages", v.languages(r.languages));
    if (!r.hours.empty()) set_list(d, "hours", v.slots(r.hours));
    if (!r.appointment.empty()) d.set("appointment", v.msg("appointment." + r.appointment));
}

}  // namespace lotse
