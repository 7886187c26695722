#include "render/feed.h"

#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

#include "markdown/markdown.h"
#include "render/kinds/kinds.h"
#include "site/routes.h"

namespace lotse {

namespace {

// RFC 3339 at the start of the day, in UTC: records know the day they were checked, not the hour.
std::string timestamp(Date d) { return to_iso(d) + "T00:00:00Z"; }

// Courses and offers that say when they were checked, newest first; the route breaks ties.
std::vector<const RecordEntry*> entries_of(const SitePlan& plan) {
    std::vector<const RecordEntry*> out;
    for (const RecordEntry& e : plan.entries)
        if ((e.kind == RecordKind::course || e.kind == RecordKind::offer) && e.record->checked) out.push_back(&e);
    std::sort(out.begin(), out.end(), [](const RecordEntry* a, const RecordEntry* b) {
        if (*a->record->checked != *b->record->checked) return *a->record->checked > *b->record->checked;
        return a->route < b->route;
    });
    return out;
}

// What a reader sees of an entry below its title: an offer's summary, a course's dates, level and
// provider.
std::string summary(const LanguageView& v, const RecordEntry& e) {
    if (e.kind == RecordKind::offer) {
        const Offer& o = e.as<Offer>();
        return o.summary.empty() ? markdown::to_text(v.plain(o.description)) : v.plain(o.summary);
    }
    const Course& c = e.as<Course>();
    std::string out = v.fmt().date_range(c.start, c.end) + " · " + v.msg("level.label", {{"level", v.level(c.level)}});
    if (const Provider* p = v.provider(c.provider.value)) out += " · " + v.plain(p->name);
    return out;
}

void link(pugi::xml_node parent, const char* rel, const std::string& href, const char* type, const std::string& hreflang) {
    pugi::xml_node l = parent.append_child("link");
    l.append_attribute("rel") = rel;
    l.append_attribute("type") = type;
    l.append_attribute("href") = href.c_str();
    if (!hreflang.empty()) l.append_attribute("hreflang") = hreflang.c_str();
}

void text_element(pugi::xml_node parent, const char* name, const std::string& text) {
    parent.append_child(name).text() = text.c_str();
}

void entry(pugi::xml_node feed, const LanguageView& v, const RecordEntry& e) {
    const std::string& lang = v.language();
    const std::string url = v.inputs().content.site.base_url + lang + "/" + routes::pretty(e.route);
    pugi::xml_node n = feed.append_child("entry");
    text_element(n, "id", url);
    pugi::xml_node title = n.append_child("title");
    title.append_attribute("type") = "text";
    title.text() = v.title_text(e).c_str();
    text_element(n, "updated", timestamp(*e.record->checked));
    link(n, "alternate", url, "text/html", lang);
    pugi::xml_node category = n.append_child("category");
    category.append_attribute("term") = std::string(name(e.kind)).c_str();
    category.append_attribute("label") = v.msg("kind." + std::string(name(e.kind))).c_str();
    pugi::xml_node said = n.append_child("summary");
    said.append_attribute("type") = "text";
    said.text() = summary(v, e).c_str();
}

}  // namespace

std::string atom_feed(const LanguageView& v) {
    const RenderInputs& in = v.inputs();
    const std::string& base_url = in.content.site.base_url;
    const std::string& lang = v.language();
    const std::vector<const RecordEntry*> entries = entries_of(in.plan);
    const std::string site_title = v.plain(in.content.site.title);

    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "utf-8";
    pugi::xml_node feed = doc.append_child("feed");
    feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
    feed.append_attribute("xml:lang") = lang.c_str();
    text_element(feed, "id", base_url + routes::feed(lang));
    pugi::xml_node title = feed.append_child("title");
    title.append_attribute("type") = "text";
    title.text() = v.msg("feed.title", {{"site", site_title}}).c_str();
    // The newest entry's date; a feed without entries has changed on the day it was built.
    text_element(feed, "updated", timestamp(entries.empty() ? in.today : *entries.front()->record->checked));
    link(feed, "self", base_url + routes::feed(lang), "application/atom+xml", "");
    link(feed, "alternate", base_url + lang + "/", "text/html", lang);
    pugi::xml_node author = feed.append_child("author");
    text_element(author, "name", site_title);
    text_element(author, "uri", base_url);
    if (!in.content.site.email.empty()) text_element(author, "email", in.content.site.email);
    for (const RecordEntry* e : entries) entry(feed, v, *e);

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace lotse
