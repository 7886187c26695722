// A contact: counselling or advice people can turn to (content/contacts/<id>.yaml).
#include "content/domain.h"
#include "content/reading.h"

namespace lotse {

namespace {
constexpr std::string_view kKeys[] = {"name",     "organisation", "person", "topics", "life_phases",
                                      "audience", "languages",    "location", "phone", "email",
                                      "url",      "hours",        "appointment", "description", "checked"};
}  // namespace

template <> const std::span<const std::string_view> RecordReader<Contact>::keys = kKeys;

template <> Contact RecordReader<Contact>::read(const SourceFile& file, MapReader& m) {
    Contact c;
    read_common(file, m, c);
    c.name = m.text("name", Need::required);
    c.organisation = m.located("organisation", Need::required).value_or(Located{});
    c.person = m.string("person").value_or("");
    c.topics = m.words("topics", Need::required);
    c.life_phases = m.words("life_phases", Need::required);
    c.audience = m.words("audience", Need::optional, domain::kAudiences);
    c.languages = language_tags(file.ctx, m.words("languages"));
    c.location = read_location(file.ctx, m);
    c.phone = address_field(m, "phone", AddressUse::phone);
    c.email = address_field(m, "email", AddressUse::email);
    c.url = address_field(m, "url", AddressUse::web);
    c.hours = read_slots(file.ctx, m, "hours", Need::optional);
    c.appointment = m.one_of("appointment", domain::kAppointments).value_or("");
    return c;
}

}  // namespace lotse
