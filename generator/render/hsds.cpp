#include "render/hsds.h"

#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "common/name_uuid.h"
#include "render/exports.h"
#include "render/kinds/kinds.h"
#include "render/language_view.h"
#include "render/open_data.h"
#include "site/routes.h"

namespace lotse {

namespace {

// Addresses are in Germany: Lotse is for German municipal education offices.
constexpr std::string_view kCountry = "DE";

std::string hhmm(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    return std::string{char('0' + h / 10), char('0' + h % 10), ':', char('0' + m / 10), char('0' + m % 10)};
}

// The days of a weekly rule as RFC 5545 writes them ("MO,WE"), in libical's words.
std::string byday(const std::vector<Weekday>& days) {
    std::string out;
    for (Weekday d : in_week_order(days)) {
        if (!out.empty()) out += ',';
        // Lotse counts from Monday (0), libical from Sunday (1).
        const int day = (static_cast<int>(d) + 1) % 7 + 1;
        out += icalrecur_weekday_to_string(static_cast<icalrecurrencetype_weekday>(day));
    }
    return out;
}

class Builder {
public:
    Builder(const RenderInputs& in, const LanguageView& v) : in_(in), v_(v) {
        for (const hsds::Table& t : hsds::kTables) tables_.push_back({&t, {}});
    }

    std::vector<HsdsRows> build() {
        for (const RecordEntry* e : in_.plan.of_kind(RecordKind::provider)) organization(*e);
        for (RecordKind kind : {RecordKind::offer, RecordKind::course, RecordKind::contact})
            for (const RecordEntry* e : in_.plan.of_kind(kind)) e->visit([&](const auto& r) { service_of(*e, r); });
        for (const hsds::Table& t : hsds::kTables)
            add("meta_table_description")("id", id("meta_table_description/" + std::string(t.name) + "/" + v_.language()))(
                "name", std::string(t.name))("language", v_.language())("character_set", "UTF-8");
        return std::move(tables_);
    }

private:
    // A row being filled in, field by field by name.
    class Row {
    public:
        Row(const hsds::Table& t, std::vector<std::string>& fields) : table_(t), fields_(fields) {}
        Row& operator()(std::string_view field, std::string value) {
            const auto& f = table_.fields;
            const auto at = std::find_if(f.begin(), f.end(), [&](const hsds::Field& x) { return x.name == field; });
            if (at == f.end()) throw std::logic_error("HSDS table " + std::string(table_.name) + " has no field " + std::string(field));
            fields_[static_cast<std::size_t>(at - f.begin())] = std::move(value);
            return *this;
        }

    private:
        const hsds::Table& table_;
        std::vector<std::string>& fields_;
    };

    Row add(std::string_view table) {
        auto t = std::find_if(tables_.begin(), tables_.end(), [&](const HsdsRows& x) { return x.table->name == table; });
        t->rows.emplace_back(t->table->fields.size());
        return Row(*t->table, t->rows.back());
    }
    // A text as the package's language shows it; a Markdown text as written, without its last line end.
    std::string text(const LocalisedText& t) const {
        std::string out = v_.plain(t);
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        return out;
    }
    std::string id(std::string_view name) const { return hsds_id(in_.content.site.base_url, name); }
    static std::string of(const RecordEntry& e) { return std::string(name(e.kind)) + "/" + e.record->id; }
    // The record's page in the package's language, where the site's address is known.
    std::string page(const RecordEntry& e) const {
        const std::string& base = in_.content.site.base_url;
        return base.empty() ? std::string() : base + v_.language() + "/" + routes::pretty(e.route);
    }

    void organization(const RecordEntry& e) {
        const Provider& p = e.as<Provider>();
        const std::string org = id("organization/" + of(e));
        add("organization")("id", org)("name", v_.plain(p.name))("alternate_name", p.short_name)(
            "description", text(p.description))("email", p.email)("website", p.url)("uri", page(e));
        std::string location;
        if (p.location) {
            location = id("location/" + of(e));
            coordinates(add("location")("id", location)("location_type", "physical")("organization_id", org)(
                            "name", v_.plain(p.name)),
                        *p.location);
            address(location, *p.location);
        }
        if (!p.phone.empty())
            add("phone")("id", id("phone/" + of(e)))("organization_id", org)("location_id", location)("number", p.phone)(
                "type", "voice");
    }

    void address(const std::string& location, const Address& a) {
        add("address")("id", id("address/" + location))("location_id", location)("address_1", a.street)("city", a.city)(
            "region", a.district)("state_province", in_.content.site.state)("postal_code", a.postcode)(
            "country", std::string(kCountry))("address_type", "physical");
    }
    static void coordinates(Row row, const Address& a) {
        if (a.lat && a.lon) row("latitude", nlohmann::json(*a.lat).dump())("longitude", nlohmann::json(*a.lon).dump());
    }

    // The fields every kind of service has; the caller adds its own.
    Row service(const RecordEntry& e, const Record& r, const Located& provider) {
        const RecordEntry* p = in_.plan.find(RecordKind::provider, provider.value);
        Row row = add("service");
        row("id", id("service/" + of(e)))("organization_id", p ? id("organization/" + of(*p)) : std::string())(
            "name", v_.title_text(e))("description", text(r.description))("url", page(e))("status", "active")(
            "assured_date", r.checked ? to_iso(*r.checked) : std::string());
        return row;
    }

    void service_of(const RecordEntry&, const Provider&) {}
    void service_of(const RecordEntry&, const Pathway&) {}
    void service_of(const RecordEntry&, const GlossaryTerm&) {}

    void service_of(const RecordEntry& e, const Offer& o) {
        service(e, o, o.provider)("fees_description", fees(o.fee, o.fee_note));
        place(e, o.location, o.provider.value, o.url);
        spoken(e, o.languages);
    }

    void service_of(const RecordEntry& e, const Course& c) {
        const Registration reg = c.registration.value_or(Registration{});
        service(e, c, c.provider)("email", reg.email)("fees_description", fees(c.fee, c.fee_note))(
            "application_process", reg.deadline ? v_.msg("registration.deadline", {{"date", v_.fmt().date(*reg.deadline)}}) : "");
        const std::string at = place(e, c.location, c.provider.value, reg.url);
        if (!reg.phone.empty())
            add("phone")("id", id("phone/" + of(e)))("service_id", id("service/" + of(e)))("number", reg.phone)("type", "voice");
        times(e, c.schedule, at, &c);
    }

    void service_of(const RecordEntry& e, const Contact& c) {
        const std::string service_id = id("service/" + of(e));
        service(e, c, c.organisation)("email", c.email)(
            "application_process", c.appointment.empty() ? std::string() : v_.msg("appointment." + c.appointment));
        const std::string at = place(e, c.location, c.organisation.value, c.url);
        spoken(e, c.languages);
        if (!c.phone.empty())
            add("phone")("id", id("phone/" + of(e)))("service_id", service_id)("number", c.phone)("type", "voice");
        if (!c.person.empty())
            add("contact")("id", id("contact/" + of(e)))("service_id", service_id)("name", c.person)("email", c.email);
        times(e, c.hours, at, nullptr);
    }

    std::string fees(const std::optional<Fee>& fee, const LocalisedText& note) const {
        std::string out = v_.fee(fee);
        if (!note.empty()) out += (out.empty() ? "" : " ") + v_.plain(note);
        return out;
    }

    // Where the service is given: its provider's location, an address of its own, or online (a
    // virtual location at `url`). The service_at_location's id, empty if it has none.
    std::string place(const RecordEntry& e, const Location& where, const std::string& provider, const std::string& url) {
        std::string location;
        if (where.kind == Location::Kind::provider) {
            const RecordEntry* p = in_.plan.find(RecordKind::provider, provider);
            if (!p || !p->as<Provider>().location) return {};
            location = id("location/" + of(*p));
        } else {
            location = id("location/" + of(e));
            const bool online = where.kind == Location::Kind::online;
            Row row = add("location")("id", location)("location_type", online ? "virtual" : "physical")(
                "name", online ? v_.msg("location.online") : v_.title_text(e))("url", online ? url : std::string());
            if (!online) coordinates(row, where.address);
            if (!online) address(location, where.address);
        }
        const std::string at = id("service_at_location/" + of(e));
        add("service_at_location")("id", at)("service_id", id("service/" + of(e)))("location_id", location);
        return at;
    }

    // The languages the service is given in, as BCP 47 tags with their names in the package's language.
    void spoken(const RecordEntry& e, const std::vector<Located>& languages) {
        for (const Located& l : languages)
            add("language")("id", id("language/" + of(e) + "/" + l.value))("service_id", id("service/" + of(e)))(
                "name", v_.fmt().language_name(l.value))("code", l.value);
    }

    // Weekly times as RFC 5545 rules: a course's from its first day until its last, a contact's
    // open-ended.
    void times(const RecordEntry& e, const std::vector<TimeSlot>& slots, const std::string& at, const Course* course) {
        for (std::size_t n = 0; n < slots.size(); ++n) {
            const TimeSlot& s = slots[n];
            Row row = add("schedule");
            row("id", id("schedule/" + of(e) + "/" + std::to_string(n + 1)))("service_id", id("service/" + of(e)))(
                "service_at_location_id", at)("freq", icalrecur_freq_to_string(ICAL_WEEKLY_RECURRENCE))(
                "byday", byday(s.days))("opens_at", hhmm(s.from))("closes_at", hhmm(s.to))(
                "description", v_.days(s.days) + " " + v_.fmt().time_range(s.from, s.to))("notes", v_.plain(s.note));
            if (course)
                row("valid_from", to_iso(course->start))("valid_to", to_iso(course->end))("dtstart", to_iso(course->start))(
                    "until", to_iso(course->end));
        }
    }

    const RenderInputs& in_;
    const LanguageView& v_;
    std::vector<HsdsRows> tables_;
};

}  // namespace

std::string hsds_id(const std::string& base_url, std::string_view name) {
    // Ids of one site differ from another's: its address is their namespace.
    const Uuid space = name_uuid(kUrlNamespace, base_url.empty() ? "https://lotse.invalid/" : base_url);
    return to_string(name_uuid(space, name));
}

std::vector<HsdsRows> hsds_tables(const RenderInputs& in, const LanguageView& v) { return Builder(in, v).build(); }

std::string hsds_csv(const HsdsRows& table) {
    std::vector<std::string> header;
    for (const hsds::Field& f : table.table->fields) header.emplace_back(f.name);
    std::string out = csv_record(header);
    for (const std::vector<std::string>& r : table.rows) out += csv_record(r);
    return out;
}

std::string hsds_datapackage(const RenderInputs& in, const LanguageView& v) {
    using Json = nlohmann::ordered_json;
    Json resources = Json::array();
    for (const hsds::Table& t : hsds::kTables) {
        Json fields = Json::array();
        for (const hsds::Field& f : t.fields) {
            Json field = {{"name", f.name}, {"type", f.type}};
            if (!f.format.empty()) field["format"] = f.format;
            if (f.required) field["constraints"] = {{"required", true}};
            fields.push_back(std::move(field));
        }
        Json keys = Json::array();
        for (const hsds::ForeignKey& k : t.keys)
            keys.push_back({{"fields", k.field}, {"reference", {{"resource", k.resource}, {"fields", "id"}}}});
        Json schema = {{"fields", std::move(fields)}, {"primaryKey", "id"}};
        if (!keys.empty()) schema["foreignKeys"] = std::move(keys);
        resources.push_back({{"name", t.name}, {"path", t.path}, {"profile", "tabular-data-resource"}, {"format", "csv"},
                             {"mediatype", "text/csv"}, {"encoding", "utf-8"}, {"schema", std::move(schema)}});
    }
    const OpenDataLicence& licence = open_data_licence(in.content.site.licence);
    Json package = {{"profile", "tabular-data-package"},
                    {"name", "hsds-" + v.language()},
                    {"title", v.plain(in.content.site.title)},
                    {"description", v.plain(in.content.site.tagline)},
                    {"version", "3.0.0"},  // the HSDS version, as the specification's own package gives it
                    {"created", to_iso(in.today) + "T00:00:00Z"},
                    {"licenses", Json::array({{{"name", licence.id}, {"path", licence.url}, {"title", licence.title}}})},
                    {"resources", std::move(resources)}};
    return package.dump(2) + "\n";
}

}  // namespace lotse
