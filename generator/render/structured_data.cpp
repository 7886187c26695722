// Records as schema.org types in JSON-LD. The record is the top-level node; the page that shows it
// is its mainEntityOfPage, a WebPage in the page's language. With the site's address known, the
// record's `url` is this page and its `sameAs` the same page in the other languages: each of them
// identifies the same course or service (sameAs), while a course is not a translated work, so
// workTranslation, which schema.org defines between creative works, does not fit it.
#include "render/structured_data.h"

#include "content/domain.h"
#include "markdown/markdown.h"
#include "render/kinds/kinds.h"
#include "render/list_items.h"
#include "site/routes.h"

namespace lotse {

namespace {

using json = nlohmann::ordered_json;

// Lotse's courses teach German, whatever language their page is in.
constexpr std::string_view kCourseLanguage = "de";
// A course's lessons are teaching units (Unterrichtseinheiten) of 45 minutes, the unit BAMF counts.
constexpr int kMinutesPerLesson = 45;

constexpr std::string_view kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

std::string schema_day(Weekday d) { return "https://schema.org/" + std::string(kDays[static_cast<int>(d)]); }

std::string two_digits(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }
std::string clock(int minutes) { return two_digits(minutes / 60) + ":" + two_digits(minutes % 60); }

// ISO 8601: 195 minutes -> "PT3H15M".
std::string duration(int minutes) {
    std::string out = "PT";
    if (minutes >= 60) out += std::to_string(minutes / 60) + "H";
    if (minutes % 60 || minutes == 0) out += std::to_string(minutes % 60) + "M";
    return out;
}

void set_if(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

class Builder {
public:
    explicit Builder(const PageContext& c) : c_(c), v_(c.v), base_url_(c.in().content.site.base_url) {}

    json node(const Course& r) const;
    json node(const Offer& r) const;
    json node(const Contact& r) const;
    json node(const Provider& r) const;
    json node(const Pathway& r) const;
    json node(const GlossaryTerm& r) const;
    // The node's url, sameAs and the page it is the main entity of.
    void page(json& j, const std::vector<std::string>& same_as = {}) const;

private:
    std::string url(const std::string& language, const std::string& route) const {
        return base_url_ + language + "/" + routes::pretty(route);
    }
    std::string text(const LocalisedText& t) const { return v_.plain(t); }
    std::string markdown_text(const LocalisedText& t) const { return markdown::to_text(v_.plain(t)); }
    const Provider* find_provider(const std::string& id) const { return v_.provider(id); }
    json organization(const std::string& provider_id) const;
    json postal_address(const Address& a) const;
    json place(const Location& loc, const std::string& provider_id) const;
    json price(const std::optional<Fee>& fee, const std::string& url) const;
    json languages(const std::vector<Located>& items) const;
    json opening_hours(const std::vector<TimeSlot>& slots) const;
    json schedule(const Course& r) const;

    const PageContext& c_;
    const LanguageView& v_;
    const std::string& base_url_;
};

void Builder::page(json& j, const std::vector<std::string>& same_as) const {
    json web_page = {{"@type", "WebPage"}, {"inLanguage", v_.language()}};
    if (!base_url_.empty()) {
        const std::string here = url(v_.language(), c_.p.route);
        j["url"] = here;
        web_page["url"] = here;
        json others = json::array();
        for (const std::string& lang : c_.in().plan.languages)
            if (lang != v_.language()) others.push_back(url(lang, c_.p.route));
        for (const std::string& s : same_as) others.push_back(s);
        if (!others.empty()) j["sameAs"] = std::move(others);
    } else if (!same_as.empty()) {
        j["sameAs"] = same_as;
    }
    j["mainEntityOfPage"] = std::move(web_page);
}

// The provider as an organisation: its own website, else its page on this site.
json Builder::organization(const std::string& provider_id) const {
    const RecordEntry* e = c_.in().plan.find(RecordKind::provider, provider_id);
    if (!e) return nullptr;
    const Provider& p = e->as<Provider>();
    json o = {{"@type", "Organization"}, {"name", text(p.name)}};
    if (!p.url.empty()) o["url"] = p.url;
    else if (!base_url_.empty()) o["url"] = url(v_.language(), e->route);
    return o;
}

json Builder::postal_address(const Address& a) const {
    json j = {{"@type", "PostalAddress"}};
    set_if(j, "streetAddress", a.street);
    set_if(j, "postalCode", a.postcode);
    set_if(j, "addressLocality", a.city);
    return j;
}

// Where it takes place: its own address or its provider's; nothing online, where a course's mode
// says it already.
json Builder::place(const Location& loc, const std::string& provider_id) const {
    if (loc.kind == Location::Kind::online) return nullptr;
    const Provider* p = find_provider(provider_id);
    const Address* a = loc.kind == Location::Kind::address ? &loc.address : p && p->location ? &*p->location : nullptr;
    json j = {{"@type", "Place"}};
    if (p) j["name"] = text(p->name);
    if (a) {
        j["address"] = postal_address(*a);
        if (a->lat && a->lon) j["geo"] = {{"@type", "GeoCoordinates"}, {"latitude", *a->lat}, {"longitude", *a->lon}};
    }
    return j.size() > 1 ? j : json(nullptr);
}

json Builder::price(const std::optional<Fee>& fee, const std::string& url) const {
    if (!fee) return nullptr;
    json o = {{"@type", "Offer"}, {"price", fee->free ? 0.0 : fee->amount}};
    o["priceCurrency"] = fee->currency.empty() ? "EUR" : fee->currency;
    o["category"] = fee->free ? "Free" : "Paid";
    set_if(o, "url", url);
    return o;
}

json Builder::languages(const std::vector<Located>& items) const {
    json out = json::array();
    for (const Located& l : items) out.push_back(l.value);
    return out;
}

json Builder::opening_hours(const std::vector<TimeSlot>& slots) const {
    json out = json::array();
    for (const TimeSlot& s : slots) {
        json days = json::array();
        for (Weekday d : in_week_order(s.days)) days.push_back(schema_day(d));
        json h = {{"@type", "OpeningHoursSpecification"}, {"dayOfWeek", std::move(days)}, {"opens", clock(s.from)}, {"closes", clock(s.to)}};
        if (!s.note.empty()) h["description"] = text(s.note);
        out.push_back(std::move(h));
    }
    return out;
}

// A weekly schedule per time slot, from the course's first day to its last.
json Builder::schedule(const Course& r) const {
    json out = json::array();
    for (const TimeSlot& s : r.schedule) {
        json days = json::array();
        for (Weekday d : in_week_order(s.days)) days.push_back(schema_day(d));
        out.push_back({{"@type", "Schedule"},
                       {"byDay", std::move(days)},
                       {"startTime", clock(s.from)},
                       {"endTime", clock(s.to)},
                       {"duration", duration(s.to - s.from)},
                       {"repeatFrequency", "P1W"},
                       {"startDate", to_iso(r.start)},
                       {"endDate", to_iso(r.end)}});
    }
    return out;
}

json Builder::node(const Course& r) const {
    json j = {{"@context", "https://schema.org"}, {"@type", "Course"}, {"name", course_title(v_, r)}};
    // Google asks every course for a description: its type stands in for a missing one.
    const std::string description = markdown_text(r.description);
    j["description"] = description.empty() ? v_.msg("course_type." + r.type.value) : description;
    if (json p = organization(r.provider.value); !p.is_null()) j["provider"] = std::move(p);
    j["inLanguage"] = kCourseLanguage;
    if (!r.level.from.empty()) {
        json levels = json::array();
        for (std::string_view l : domain::levels_between(r.level.from, r.level.to)) levels.push_back(l);
        j["educationalLevel"] = std::move(levels);
    }
    static constexpr std::pair<std::string_view, std::string_view> kModes[] = {
        {"in-person", "onsite"}, {"online", "online"}, {"hybrid", "blended"}};
    json instance = {{"@type", "CourseInstance"}};
    for (const auto& [mode, schema_mode] : kModes)
        if (r.mode == mode) instance["courseMode"] = schema_mode;
    instance["startDate"] = to_iso(r.start);
    instance["endDate"] = to_iso(r.end);
    if (!r.schedule.empty()) instance["courseSchedule"] = schedule(r);
    if (r.lessons) instance["courseWorkload"] = duration(*r.lessons * kMinutesPerLesson);
    if (json where = place(r.location, r.provider.value); !where.is_null()) instance["location"] = std::move(where);
    j["hasCourseInstance"] = std::move(instance);
    if (json o = price(r.fee, r.registration ? r.registration->url : std::string()); !o.is_null()) j["offers"] = std::move(o);
    page(j);
    return j;
}

// An offer with a first day is an event (a workshop, an information evening); one without is a
// service that is there when asked for.
json Builder::node(const Offer& r) const {
    const bool event = r.dates.from.has_value();
    json j = {{"@context", "https://schema.org"}, {"@type", event ? "EducationEvent" : "Service"}, {"name", text(r.title)}};
    const std::string summary = text(r.summary);
    j["description"] = summary.empty() ? markdown_text(r.description) : summary;
    json where = place(r.location, r.provider.value);
    json org = organization(r.provider.value);
    if (event) {
        j["startDate"] = to_iso(*r.dates.from);
        if (r.dates.until) j["endDate"] = to_iso(*r.dates.until);
        const bool online = r.location.kind == Location::Kind::online;
        j["eventAttendanceMode"] = online ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode";
        if (online) where = {{"@type", "VirtualLocation"}};
        if (online && !r.url.empty()) where["url"] = r.url;
        j["location"] = where.is_null() ? json{{"@type", "Place"}, {"name", c_.in().content.site.region}} : std::move(where);
        if (!org.is_null()) j["organizer"] = std::move(org);
        if (!r.languages.empty()) j["inLanguage"] = languages(r.languages);
    } else {
        if (!org.is_null()) j["provider"] = std::move(org);
        set_if(j, "areaServed", c_.in().content.site.region);
        json channel = {{"@type", "ServiceChannel"}};
        set_if(channel, "serviceUrl", r.url);
        if (!r.languages.empty()) channel["availableLanguage"] = languages(r.languages);
        if (!where.is_null()) channel["serviceLocation"] = std::move(where);
        if (channel.size() > 1) j["availableChannel"] = std::move(channel);
    }
    if (json o = price(r.fee, r.url); !o.is_null()) j["offers"] = std::move(o);
    page(j);
    return j;
}

json Builder::node(const Contact& r) const {
    json j = {{"@context", "https://schema.org"}, {"@type", "Service"}, {"name", text(r.name)}};
    set_if(j, "description", markdown_text(r.description));
    if (json org = organization(r.organisation.value); !org.is_null()) j["provider"] = std::move(org);
    set_if(j, "areaServed", c_.in().content.site.region);
    if (!r.hours.empty()) j["hoursAvailable"] = opening_hours(r.hours);
    json point = {{"@type", "ContactPoint"}};
    set_if(point, "telephone", r.phone);
    set_if(point, "email", r.email);
    set_if(point, "url", r.url);
    if (!r.languages.empty()) point["availableLanguage"] = languages(r.languages);
    if (!r.hours.empty()) point["hoursAvailable"] = opening_hours(r.hours);
    json channel = {{"@type", "ServiceChannel"}};
    set_if(channel, "serviceUrl", r.url);
    if (!r.languages.empty()) channel["availableLanguage"] = languages(r.languages);
    if (point.size() > 1) channel["servicePhone"] = std::move(point);
    if (json where = place(r.location, r.organisation.value); !where.is_null()) channel["serviceLocation"] = std::move(where);
    if (channel.size() > 1) j["availableChannel"] = std::move(channel);
    page(j);
    return j;
}

json Builder::node(const Provider& r) const {
    json j = {{"@context", "https://schema.org"}, {"@type", "EducationalOrganization"}, {"name", text(r.name)}};
    set_if(j, "alternateName", r.short_name);
    set_if(j, "description", markdown_text(r.description));
    if (r.location) j["address"] = postal_address(*r.location);
    set_if(j, "telephone", r.phone);
    set_if(j, "email", r.email);
    // Its own website names the same organisation as its pages here.
    page(j, r.url.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.url});
    return j;
}

json Builder::node(const Pathway& r) const {
    json j = {{"@context", "https://schema.org"}, {"@type", "HowTo"}, {"name", text(r.title)}};
    const std::string summary = text(r.summary);
    set_if(j, "description", summary.empty() ? markdown_text(r.description) : summary);
    j["inLanguage"] = v_.language();
    json steps = json::array();
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const PathwayStep& s = r.steps[i];
        const std::string said = markdown_text(s.text);
        steps.push_back({{"@type", "HowToStep"}, {"position", i + 1}, {"name", text(s.title)}, {"text", said.empty() ? text(s.title) : said}});
    }
    j["step"] = std::move(steps);
    page(j);
    return j;
}

// A glossary term has no page of its own (it is an entry of the glossary page), but it is one of the
// record kinds every visit covers.
json Builder::node(const GlossaryTerm& r) const {
    json j = {{"@context", "https://schema.org"}, {"@type", "DefinedTerm"}, {"name", r.term.value}};
    set_if(j, "description", markdown_text(r.explanation));
    j["inLanguage"] = v_.language();
    return j;
}

}  // namespace

std::string script_json(const nlohmann::ordered_json& j) {
    const std::string text = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        if (ch == '<') out += "\\u003c";
        else out += ch;
    }
    return out;
}

std::string structured_data(const PageContext& c) {
    const Builder b(c);
    return script_json(c.p.entry->visit([&](const auto& r) { return b.node(r); }));
}

}  // namespace lotse
