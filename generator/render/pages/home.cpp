// The home page: the life phases and topics to start from, and the counts of courses and contacts.
#include "render/offline_copy.h"
#include "render/pages/pages.h"
#include "site/routes.h"

namespace lotse {

namespace {

Data terms(const PageContext& c, const std::vector<Term>& list_of, std::string_view kind, bool phases) {
    Data out = list();
    for (const Term& t : list_of) {
        Data item;
        item.set("id", t.id);
        item.set("label", c.v.msg(std::string(kind) + "." + t.id));
        item.set("description", c.v.msg(std::string(kind) + "_description." + t.id));
        item.set("href", routes::link(c.p.route, phases ? routes::life_phase(t.id) : routes::topic(t.id)));
        append(out, std::move(item));
    }
    return out;
}

}  // namespace

PageBody home_page(const PageContext& c) {
    const LanguageView& v = c.v;
    Data d;
    set_list(d, "life_phases", terms(c, c.in().content.taxonomy.life_phases, "life_phase", true));
    set_list(d, "topics", terms(c, c.in().content.taxonomy.topics, "topic", false));
    d.set("courses_href", routes::link(c.p.route, routes::kCourses));
    d.set("counselling_href", routes::link(c.p.route, routes::kCounselling));
    d.set("az_href", routes::link(c.p.route, routes::kAz));
    // A tagline is a text to translate, not a name like the site's title.
    if (!c.in().content.site.tagline.empty()) d.set("tagline", v.text(c.in().content.site.tagline));
    std::size_t courses = 0, contacts = 0;
    for (const RecordEntry& e : c.in().plan.entries) {
        courses += e.kind == RecordKind::course;
        contacts += e.kind == RecordKind::contact;
    }
    d.set("courses_count", v.msg("courses.count", {{"count", static_cast<long long>(courses)}}));
    d.set("contacts_count", v.msg("counselling.count", {{"count", static_cast<long long>(contacts)}}));
    // The offline copy: its size is known once every other file of the language is
    // (render/offline_copy.h); the section stays hidden where the script cannot save it.
    d.set("offline_size", v.msg("offline.size", {{"size", std::string(kOfflineSizePlaceholder)}}));
    d.set("offline_saved", v.msg("offline.saved", {{"date", v.fmt().date(c.in().today)}}));
    d.set("offline_manifest", std::string(routes::kOfflineManifest));
    d.set("offline_worker", std::string(routes::kOfflineWorker));
    return {"home", v.plain(c.in().content.site.title), std::move(d)};
}

}  // namespace lotse
