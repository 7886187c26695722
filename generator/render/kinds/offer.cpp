// What an offer shows: title, summary and provider on its card; on its page also where and when,
// its fee, languages and contact.
#include "render/break_points.h"
#include "render/kinds/kinds.h"
#include "render/list_items.h"

namespace lotse {

Data title(const LanguageView& v, const Offer& r) { return v.text(r.title); }
std::string title_text(const LanguageView& v, const Offer& r) { return v.plain(r.title); }

void card_facts(const LanguageView& v, const Offer& r, Data& card, Data& facts) {
    card.set("summary", v.text(r.summary));
    if (const Provider* p = v.provider(r.provider.value)) append(facts, v.proper_name(p->name));
}

void index_details(const LanguageView& v, const Offer& r, Data& details) {
    if (const Provider* p = v.provider(r.provider.value)) append(details, v.proper_name(p->name));
}

void page_data(const PageContext& page, const Offer& r, Data& d) {
    const LanguageView& v = page.v;
    d.set("summary", v.text(r.summary));
    d.set("provider", v.provider_link(r.provider.value, page.p.route));
    d.set("location", v.location(r.location, r.provider.value));
    if (r.dates.from && r.dates.until) d.set("dates", v.fmt().date_range(*r.dates.from, *r.dates.until));
    else if (r.dates.from) d.set("dates", v.msg("dates.from", {{"date", v.fmt().date(*r.dates.from)}}));
    else if (r.dates.until) d.set("dates", v.msg("dates.until", {{"date", v.fmt().date(*r.dates.until)}}));
    if (const std::string fee = v.fee(r.fee); !fee.empty()) d.set("fee", fee);
    if (!r.fee_note.empty()) d.set("fee_note", v.text(r.fee_note));
    if (r.childcare.value_or(false)) d.set("childcare", v.msg("childcare.yes"));
    if (!r.languages.empty()) d.set("languages", v.languages(r.languages));
    if (!r.url.empty()) {
        d.set("url", r.url);
        d.set("url_html", address_html(r.url));
    }
    // The plan names the contact the page shows, if it is published.
    for (const Group& g : page.p.groups)
        for (const RecordEntry* c : g.entries) d.set("contact", page.items.card(v, *c, page.p.route));
}

}  // namespace lotse
