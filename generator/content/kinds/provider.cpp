// A provider: an organisation that runs offers and courses (content/providers/<id>.yaml).
#include "content/reading.h"

namespace lotse {

namespace {
constexpr std::string_view kKeys[] = {"name", "short_name", "location", "phone", "email",
                                      "url",  "accessible", "description", "checked"};
}  // namespace

template <> const std::span<const std::string_view> RecordReader<Provider>::keys = kKeys;

template <> Provider RecordReader<Provider>::read(const SourceFile& file, MapReader& m) {
    Provider p;
    read_common(file, m, p);
    p.name = m.text("name", Need::required);
    p.short_name = m.string("short_name").value_or("");
    if (YAML::Node loc = m.node("location"); loc.IsDefined()) p.location = read_address_node(file.ctx, loc);
    p.phone = address_field(m, "phone", AddressUse::phone);
    p.email = address_field(m, "email", AddressUse::email);
    p.url = address_field(m, "url", AddressUse::web);
    p.accessible = m.boolean("accessible");
    return p;
}

}  // namespace lotse
