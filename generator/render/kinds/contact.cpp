// What a counselling contact shows: its organisation, languages, topics and opening hours on its
// card (with what the counselling filters match), and on its page how to reach it.
#include <algorithm>

#include "render/break_points.h"
#include "render/kinds/kinds.h"
#include "render/list_items.h"

namespace lotse {

namespace {

// Every opening time in one short line, "Mo., Mi. 09:00–12:00 · Do. 13:00–17:00": days with the
// same hours together, in the order of the week. A card showing only some days makes an office
// look closed on the others.
std::string hours_line(const LanguageView& v, const std::vector<TimeSlot>& hours) {
    std::vector<TimeSlot> merged;
    for (const TimeSlot& s : hours) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const TimeSlot& m) { return m.from == s.from && m.to == s.to; });
        if (same == merged.end()) same = merged.insert(merged.end(), TimeSlot{{}, s.from, s.to, {}, {}});
        same->days.insert(same->days.end(), s.days.begin(), s.days.end());
    }
    const auto first_day = [](const TimeSlot& s) { return *std::min_element(s.days.begin(), s.days.end()); };
    std::stable_sort(merged.begin(), merged.end(), [&](const TimeSlot& a, const TimeSlot& b) {
        return a.days.empty() || b.days.empty() ? !a.days.empty() : first_day(a) < first_day(b);
    });
    std::string line;
    for (const TimeSlot& s : merged)
        line += (line.empty() ? "" : " · ") + v.days(s.days) + " " + v.fmt().time_range(s.from, s.to);
    return line;
}

std::string topic_names(const LanguageView& v, const std::vector<Located>& topics) {
    std::vector<std::string> names;
    for (const Located& t : topics) names.push_back(v.msg("topic." + t.value));
    return v.fmt().list(names);
}

}  // namespace

Data title(const LanguageView& v, const Contact& r) { return v.text(r.name); }
std::string title_text(const LanguageView& v, const Contact& r) { return v.plain(r.name); }

void card_facts(const LanguageView& v, const Contact& c, Data& card, Data& facts) {
    if (const Provider* p = v.provider(c.organisation.value)) append(facts, v.proper_name(p->name));
    if (!c.languages.empty()) append(facts, LanguageView::fact(v.msg("contact.languages_short", {{"languages", v.languages(c.languages)}})));
    if (!c.topics.empty()) append(facts, LanguageView::fact(v.msg("contact.topics_short", {{"topics", topic_names(v, c.topics)}})));
    if (!c.hours.empty()) append(facts, LanguageView::fact(hours_line(v, c.hours)));
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
    if (!r.email.empty()) d.set("email_html", address_html(r.email));
    if (!r.url.empty()) d.set("url_html", address_html(r.url));
    if (!r.languages.empty()) d.set("languages", v.languages(r.languages));
    if (!r.hours.empty()) set_list(d, "hours", v.slots(r.hours));
    if (!r.appointment.empty()) d.set("appointment", v.msg("appointment." + r.appointment));
}

}  // namespace lotse
