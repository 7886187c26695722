// An offer: a service or event for people in a life phase (content/offers/<id>.yaml).
#include "content/domain.h"
#include "content/reading.h"

namespace lotse {

namespace {
constexpr std::string_view kKeys[] = {"title",     "summary",  "description", "provider", "life_phases", "topics",
                                      "audience",  "languages", "location",   "dates",    "fee",         "fee_note",
                                      "childcare", "url",       "contact",    "checked"};
constexpr std::string_view kDatesKeys[] = {"from", "until"};
}  // namespace

template <> const std::span<const std::string_view> RecordReader<Offer>::keys = kKeys;

template <> Offer RecordReader<Offer>::read(const SourceFile& file, MapReader& m) {
    Offer o;
    read_common(file, m, o);
    o.title = m.text("title", Need::required);
    o.summary = m.text("summary", Need::required);
    o.provider = m.located("provider", Need::required).value_or(Located{});
    o.life_phases = m.words("life_phases", Need::required);
    o.topics = m.words("topics", Need::required);
    o.audience = m.words("audience", Need::optional, domain::kAudiences);
    o.languages = language_tags(file.ctx, m.words("languages"));
    o.location = read_location(file.ctx, m);
    if (YAML::Node d = m.node("dates"); d.IsDefined()) {
        MapReader dates(file.ctx, d, "dates", kDatesKeys);
        o.dates.pos = dates.pos();
        o.dates.from = dates.date("from");
        o.dates.until = dates.date("until");
    }
    o.fee = read_fee(file.ctx, m);
    o.fee_note = m.text("fee_note");
    o.childcare = m.boolean("childcare");
    o.url = address_field(m, "url", AddressUse::web);
    o.contact = m.located("contact").value_or(Located{});
    return o;
}

}  // namespace lotse
