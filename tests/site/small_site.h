// A small site's content, made in code for unit tests of the plan and the page data: a provider
// running an offer and three courses (one ended), a contact, a pathway whose steps link to them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "content/records.h"

namespace lotse::test {

inline Date day(const char* iso) { return parse_date(iso).date; }

template <typename R>
R record(const char* id, std::vector<const char*> phases = {}, std::vector<const char*> topics = {}) {
    R r;
    r.id = id;
    for (const char* p : phases) r.life_phases.push_back({p, {}});
    for (const char* t : topics) r.topics.push_back({t, {}});
    return r;
}

inline LocalisedText text(std::map<std::string, std::string> by_language) {
    LocalisedText t;
    t.by_language = std::move(by_language);
    return t;
}

inline Course course(const char* id, const char* start, const char* end, const char* type = "integration") {
    Course c = record<Course>(id);
    c.type.value = type;
    c.level = {"A1", "B1", {}};
    c.schedule.push_back({{Weekday::mon, Weekday::tue, Weekday::wed}, 8 * 60 + 30, 12 * 60, {}, {}});
    c.start = day(start);
    c.end = day(end);
    c.provider.value = "vhs";
    return c;
}

inline Content site() {
    Content c;
    c.site.source_language = "de";
    c.site.languages = {{"de", {}}, {"ar", {}}};
    c.taxonomy.life_phases = {{"school", {}}, {"work-and-career", {}}};
    c.taxonomy.topics = {{"german-language", {}}, {"work", {}}};
    Provider vhs = record<Provider>("vhs");
    vhs.name = text({{"de", "Volkshochschule"}, {"ar", "الجامعة الشعبية"}});
    vhs.location = Address{"Hauptstraße 1", "00100", "Teststadt", "Mitte", {}, {}};
    vhs.phone = "+49 000 2";
    c.providers.push_back(vhs);
    Offer o = record<Offer>("sprechstunde", {"work-and-career"}, {"work"});
    o.provider.value = "vhs";
    o.contact.value = "beratung";
    o.title = text({{"de", "Offene Sprechstunde"}});
    o.summary = text({{"de", "Ohne Termin"}, {"ar", "بدون موعد"}});
    o.fee = Fee{};
    c.offers.push_back(o);
    Offer ended = record<Offer>("vorbei", {"school"}, {"work"});
    ended.dates.until = day("2026-01-31");
    c.offers.push_back(ended);
    // In id order, as the loader gives them.
    c.courses.push_back(course("ik-alt", "2026-01-01", "2026-06-30"));
    c.courses.push_back(course("ik-dezember", "2026-12-01", "2027-05-31", "integration-youth"));
    c.courses.push_back(course("ik-januar", "2027-01-11", "2027-06-30"));
    Contact k = record<Contact>("beratung", {"work-and-career"}, {"work", "german-language"});
    k.organisation.value = "vhs";
    k.name = text({{"de", "Migrationsberatung"}});
    k.languages = {{"ar", {}}, {"fa", {}}};
    k.hours.push_back({{Weekday::thu}, 14 * 60, 16 * 60, {}, {}});
    k.appointment = "required";
    c.contacts.push_back(k);
    Pathway p = record<Pathway>("ankommen", {"work-and-career"}, {"work"});
    p.title = text({{"de", "Ankommen"}});
    p.steps.resize(2);
    p.steps[0].title = text({{"de", "Deutsch lernen"}});
    p.steps[1].title = text({{"de", "Beraten lassen"}});
    p.steps[0].links = {{"course", "ik-januar", {}}, {"course", "ik-alt", {}}};
    p.steps[1].links = {{"contact", "beratung", {}}};
    c.pathways.push_back(p);
    return c;
}

}  // namespace lotse::test
