// What a course shows: dates, level and provider on its card; a row of every fact a newcomer or a
// partner needs at a glance in the course overview (with what its filters match); and on its own
// page the schedule, place, fee and how to register.
#include "content/domain.h"
#include "render/break_points.h"
#include "render/kinds/kinds.h"
#include "render/list_items.h"
#include "site/routes.h"

namespace lotse {

std::string course_title(const LanguageView& v, const Course& c) {
    if (!c.title.empty()) return v.plain(c.title);
    return v.msg("course.default_title", {{"type", v.msg("course_type." + c.type.value)}, {"level", v.level(c.level)}});
}

Data title(const LanguageView& v, const Course& c) {
    if (!c.title.empty()) return v.text(c.title);
    Data d = v.language_marks(v.msg_language("course.default_title"));
    d.set("fallback", false);
    d.set("text", course_title(v, c));
    return d;
}

std::string title_text(const LanguageView& v, const Course& c) { return course_title(v, c); }

void card_facts(const LanguageView& v, const Course& c, Data&, Data& facts) {
    append(facts, LanguageView::fact(v.fmt().date_range(c.start, c.end)));
    append(facts, LanguageView::fact(v.msg("level.label", {{"level", v.level(c.level)}})));
    if (const Provider* p = v.provider(c.provider.value)) append(facts, v.proper_name(p->name));
}

void index_details(const LanguageView& v, const Course& c, Data& details) {
    append(details, LanguageView::fact(v.fmt().date_range(c.start, c.end)));
    if (const Provider* p = v.provider(c.provider.value)) append(details, v.proper_name(p->name));
}

namespace {

void fill_registration(const LanguageView& v, const Registration& r, Data& reg) {
    if (!r.phone.empty()) {
        reg.set("phone", r.phone);
        reg.set("phone_uri", tel_uri(r.phone));
    }
    if (!r.email.empty()) {
        reg.set("email", r.email);
        reg.set("email_html", address_html(r.email));
    }
    if (!r.url.empty()) {
        reg.set("url", r.url);
        reg.set("url_html", address_html(r.url));
    }
    if (r.deadline) reg.set("deadline", v.msg("registration.deadline", {{"date", v.fmt().date(*r.deadline)}}));
}

// The registration as a row shows it: every key set, so that mustache never finds an outer value.
Data row_registration(const LanguageView& v, const std::optional<Registration>& r) {
    Data reg;
    for (const char* key : {"deadline", "phone", "email", "url"}) reg.set(key, false);
    if (r) fill_registration(v, *r, reg);
    return reg;
}

std::vector<std::string> levels_of(const Level& l) {
    std::vector<std::string> out;
    for (std::string_view level : domain::levels_between(l.from, l.to)) out.emplace_back(level);
    return out;
}

}  // namespace

void page_data(const PageContext& page, const Course& r, Data& d) {
    const LanguageView& v = page.v;
    d.set("type", v.msg("course_type." + r.type.value));
    d.set("level", v.level(r.level));
    d.set("dates", v.fmt().date_range(r.start, r.end));
    set_list(d, "schedule", v.slots(r.schedule));
    if (r.lessons) d.set("lessons", v.msg("course.lessons", {{"count", static_cast<long long>(*r.lessons)}}));
    d.set("mode", v.msg("mode." + r.mode));
    d.set("provider", v.provider_link(r.provider.value, page.p.route));
    d.set("location", v.location(r.location, r.provider.value));
    if (r.childcare.value_or(false)) d.set("childcare", v.msg("childcare.yes"));
    if (!r.seats.empty()) {
        d.set("seats", v.msg("seats." + r.seats));
        d.set("seats_id", r.seats);
    }
    if (const std::string fee = v.fee(r.fee); !fee.empty()) d.set("fee", fee);
    if (!r.fee_note.empty()) d.set("fee_note", v.text(r.fee_note));
    if (r.registration) {
        Data reg;
        fill_registration(v, *r.registration, reg);
        d.set("registration", reg);
    }
}

Data course_row(const LanguageView& v, const RecordEntry& e, const std::string& route) {
    const Course& c = e.as<Course>();
    Data d;
    d.set("id", c.id);
    d.set("href", routes::link(route, e.route));
    d.set("title", title(v, c));
    d.set("type", v.msg("course_type." + c.type.value));
    d.set("level", v.level(c.level));
    d.set("dates", v.fmt().date_range(c.start, c.end));
    set_list(d, "schedule", v.slots(c.schedule));
    d.set("lessons", text_or_false(c.lessons ? v.msg("course.lessons", {{"count", static_cast<long long>(*c.lessons)}}) : ""));
    d.set("mode", v.msg("mode." + c.mode));
    const std::string where = v.district(c.location, c.provider.value);
    // A district is a place's name, in the source language; "online" is a word of the interface.
    const bool online = c.location.kind == Location::Kind::online;
    if (online || !where.empty()) {
        Data district = v.language_marks(online ? v.msg_language("location.online") : v.source_language());
        district.set("text", online ? v.msg("location.online") : where);
        d.set("district", std::move(district));
    } else {
        d.set("district", false);
    }
    if (const RecordEntry* p = v.inputs().plan.find(RecordKind::provider, c.provider.value)) {
        d.set("provider", v.title(*p));
        d.set("provider_href", routes::link(route, p->route));
    } else {
        d.set("provider", false);
    }
    d.set("childcare", text_or_false(c.childcare.value_or(false) ? v.msg("childcare.yes") : ""));
    d.set("seats", text_or_false(c.seats.empty() ? "" : v.msg("seats." + c.seats)));
    d.set("seats_id", c.seats);
    d.set("fee", text_or_false(v.fee(c.fee)));
    d.set("registration", row_registration(v, c.registration));
    // What the filters match on.
    d.set("f_type", tokens(std::vector<std::string>{c.type.value}));
    d.set("f_level", tokens(levels_of(c.level)));
    d.set("f_district", tokens(std::vector<std::string>{where}));
    d.set("f_time", tokens(times_of_day(c.schedule)));
    d.set("f_childcare", c.childcare.value_or(false) ? "|yes|" : "|no|");
    d.set("f_seats", c.seats == "open" || c.seats == "few" ? "|available|" : "|" + c.seats + "|");
    return d;
}

}  // namespace lotse
