// What a provider shows: its name, its district, and on its page its address and contacts and
// the offers, courses and contacts it runs.
#include "render/break_points.h"
#include "render/kinds/kinds.h"
#include "render/list_items.h"

namespace lotse {

// A provider's name is a name: shown as it is written where it has no translation, never noted.
Data title(const LanguageView& v, const Provider& r) { return v.proper_name(r.name); }
std::string title_text(const LanguageView& v, const Provider& r) { return v.plain(r.name); }

namespace {

// A district is the name of a place, in the source language like the addresses.
Data district(const LanguageView& v, const std::string& name) {
    Data d = v.language_marks(v.source_language());
    d.set("text", name);
    return d;
}

}  // namespace

// Its district tells providers of the same name apart, in lists and in the A–Z.
void card_facts(const LanguageView& v, const Provider& r, Data&, Data& facts) {
    if (r.location && !r.location->district.empty()) append(facts, district(v, r.location->district));
}

void index_details(const LanguageView& v, const Provider& r, Data& details) {
    if (r.location && !r.location->district.empty()) append(details, district(v, r.location->district));
}

void page_data(const PageContext& page, const Provider& r, Data& d) {
    const LanguageView& v = page.v;
    auto set_if = [&](const char* key, const std::string& value) {
        if (!value.empty()) d.set(key, value);
    };
    set_if("short_name", r.short_name);
    if (r.location) {
        d.set("address", v.address(*r.location));
        set_if("district", r.location->district);
    }
    set_if("phone", r.phone);
    if (!r.phone.empty()) d.set("phone_uri", tel_uri(r.phone));
    set_if("email", r.email);
    set_if("url", r.url);
    if (!r.email.empty()) d.set("email_html", address_html(r.email));
    if (!r.url.empty()) d.set("url_html", address_html(r.url));
    if (r.accessible.value_or(false)) d.set("accessible", v.msg("provider.accessible"));
    // What it runs, by kind: the plan's groups are named after the kinds' folders ("offers").
    for (const Group& g : page.p.groups) set_list(d, g.term, page.items.cards(v, g.entries, page.p.route));
}

}  // namespace lotse
