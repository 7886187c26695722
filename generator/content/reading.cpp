#include "content/reading.h"

#include <algorithm>
#include <cctype>

#include "content/calendar.h"
#include "content/domain.h"
#include "content/encoding.h"
#include "content/ids.h"
#include "markdown/markdown.h"

namespace lotse {

SourceFile::SourceFile(std::string path, std::string text, Diagnostics& diags, std::string source_language)
    : ctx{std::move(path), diags, std::move(source_language)}, text_(std::move(text)) {
    // YAML's positions do not count a byte order mark; neither do the ones found here.
    text_.erase(0, text_.size() - without_bom(text_).size());
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
    ctx.set_text(text_);
}

SourcePos SourceFile::locate(const SourcePos& from, std::string_view needle) const {
    if (from.line < 1 || static_cast<std::size_t>(from.line) > line_starts_.size()) return from;
    // Columns count characters, not bytes, so that editors show the same place.
    std::size_t start = line_starts_[from.line - 1];
    for (int column = 1; column < from.column && start < text_.size() && text_[start] != '\n'; ++column) {
        ++start;
        while (start < text_.size() && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) ++start;
    }
    const std::size_t at = text_.find(needle, std::min(start, text_.size()));
    if (at == std::string::npos) return from;
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), at) - line_starts_.begin();
    int column = 1;
    for (std::size_t i = line_starts_[line - 1]; i < at; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {ctx.path, static_cast<int>(line), column};
}

void SourceFile::collect_links(const LocalisedText& markdown, std::vector<Located>& out) const {
    for (const auto& [language, body] : markdown.by_language) {
        const SourcePos start = markdown.positions.at(language);
        for (const markdown::Link& link : markdown::links(body)) out.push_back({link.url, locate(start, link.url)});
    }
}

namespace {

constexpr std::string_view kAddressKeys[] = {"street", "postcode", "city", "district", "lat", "lon"};
constexpr std::string_view kFeeKeys[] = {"amount", "currency"};
constexpr std::string_view kSlotKeys[] = {"days", "from", "to", "note"};

Address read_address(MapReader& m) {
    Address a;
    a.street = m.string("street").value_or("");
    a.postcode = m.string("postcode").value_or("");
    a.city = m.string("city").value_or("");
    a.district = m.string("district").value_or("");
    a.lat = m.number("lat");
    a.lon = m.number("lon");
    return a;
}

// A fee's {amount, currency}; nullopt (reported) unless both are there and make sense.
std::optional<Fee> read_fee_map(const FileContext& ctx, const YAML::Node& n, Fee fee) {
    MapReader m(ctx, n, "fee", kFeeKeys);
    if (!m.valid()) return std::nullopt;
    auto amount = m.number("amount", Need::required);
    auto currency = m.string("currency", Need::required);
    if (!amount || !currency) return std::nullopt;
    const bool iso4217 = currency->size() == 3 &&
                         std::all_of(currency->begin(), currency->end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!iso4217) {
        ctx.diags.error(position(ctx, m.node("currency")),
                        "\"currency\" must be a three-letter ISO 4217 code such as EUR; found \"" + *currency + "\"");
        return std::nullopt;
    }
    if (*amount < 0) {
        ctx.diags.error(position(ctx, m.node("amount")), "\"amount\" cannot be negative");
        return std::nullopt;
    }
    fee.free = *amount == 0;
    fee.amount = *amount;
    fee.currency = *currency;
    return fee;
}

// A slot's weekdays; a word that is no weekday is reported with the key of the day it is closest to.
std::vector<Weekday> read_days(const FileContext& ctx, MapReader& m) {
    std::vector<Weekday> days;
    for (const Located& d : m.words("days", Need::required)) {
        if (const std::optional<Weekday> day = parse_weekday(d.value)) {
            days.push_back(*day);
            continue;
        }
        std::vector<std::string_view> spellings;
        for (const WeekdaySpelling& s : weekday_spellings()) spellings.push_back(s.text);
        std::string lower;
        for (char c : d.value) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string hint = ";";
        if (const auto meant = closest(lower, spellings)) {
            const auto at = std::find(spellings.begin(), spellings.end(), *meant) - spellings.begin();
            hint = "; did you mean \"" + std::string(weekday_key(weekday_spellings()[at].day)) + "\"?";
        }
        ctx.diags.error(d.pos, "\"days\" cannot contain \"" + d.value + "\"" + hint + " Allowed: " + joined(domain::kWeekdays));
    }
    return days;
}

// One item of a list of time slots; nullopt if it is not a whole slot (reported).
std::optional<TimeSlot> read_slot(const FileContext& ctx, const YAML::Node& item) {
    MapReader m(ctx, item, "time slot", kSlotKeys);
    if (!m.valid()) return std::nullopt;
    TimeSlot slot;
    slot.pos = m.pos();
    slot.days = read_days(ctx, m);
    auto from = m.node("from", Need::required);
    auto to = m.node("to", Need::required);
    auto f = from.IsDefined() ? read_time(ctx, from, "from") : std::nullopt;
    if (f && *f == 24 * 60) {
        ctx.diags.error(position(ctx, from), "\"from\" is 24:00, the end of a day; a time slot can end at 24:00 but "
                                             "begins at 00:00 at the earliest");
        f.reset();
    }
    auto t = to.IsDefined() ? read_time(ctx, to, "to") : std::nullopt;
    slot.note = m.text("note");
    if (!f || !t) return std::nullopt;
    slot.from = *f;
    slot.to = *t;
    return slot;
}

}  // namespace

std::optional<Address> read_address_node(const FileContext& ctx, const YAML::Node& node) {
    MapReader m(ctx, node, "location", kAddressKeys);
    if (!m.valid()) return std::nullopt;
    return read_address(m);
}

Location read_location(const FileContext& ctx, MapReader& record) {
    Location loc;
    YAML::Node n = record.node("location");
    if (!n.IsDefined()) return loc;
    loc.pos = position(ctx, n);
    if (n.IsScalar()) {
        if (n.Scalar() == "provider") loc.kind = Location::Kind::provider;
        else if (n.Scalar() == "online") loc.kind = Location::Kind::online;
        else
            ctx.diags.error(loc.pos, "\"location\" cannot be \"" + n.Scalar() +
                                         "\"; use provider (the provider's address), online, or an address "
                                         "{street: …, postcode: …, city: …, district: …}");
        return loc;
    }
    if (auto a = read_address_node(ctx, n)) {
        loc.kind = Location::Kind::address;
        loc.address = *a;
    }
    return loc;
}

std::optional<Fee> read_fee(const FileContext& ctx, MapReader& record) {
    YAML::Node n = record.node("fee");
    if (!n.IsDefined()) return std::nullopt;
    Fee fee;
    fee.pos = position(ctx, n);
    if (n.IsScalar()) {
        double amount = -1;
        if (YAML::convert<double>::decode(n, amount) && amount == 0) return fee;
        ctx.diags.error(fee.pos, "\"fee\" must be 0 (free of charge) or an amount such as "
                                 "{amount: 25.00, currency: EUR}; found \"" + n.Scalar() + "\"");
        return std::nullopt;
    }
    return read_fee_map(ctx, n, fee);
}

std::vector<TimeSlot> read_slots(const FileContext& ctx, MapReader& record, std::string_view key, Need need) {
    std::vector<TimeSlot> out;
    YAML::Node n = record.node(key, need);
    if (!n.IsDefined()) return out;
    if (!n.IsSequence()) {
        std::string message = "\"";
        message += key;
        message += "\" must be a list of slots such as - {days: [mon, tue], from: \"08:30\", to: \"12:00\"}";
        ctx.diags.error(position(ctx, n), message);
        return out;
    }
    for (const auto& item : n)
        if (std::optional<TimeSlot> slot = read_slot(ctx, item)) out.push_back(std::move(*slot));
    return out;
}

std::string address_field(MapReader& m, std::string_view key, AddressUse use) {
    const std::optional<Located> field = m.located(key);
    if (!field) return "";
    std::string name = "\"";  // appended, not "\"" + …: GCC 12 warns of an overlap that is not there
    name.append(key).append(1, '"');
    if (auto problem = address_problem(name, field->value, use)) {
        m.file().diags.error(field->pos, *problem);
        return "";
    }
    return field->value;
}

std::vector<Located> language_tags(const FileContext& ctx, std::vector<Located> words) {
    std::erase_if(words, [&](const Located& w) {
        if (is_language_tag(w.value)) return false;
        ctx.diags.error(w.pos, not_a_language_tag(w.value));
        return true;
    });
    return words;
}

void read_common(const SourceFile& file, MapReader& m, Record& r) {
    if (YAML::Node c = m.node("checked", Need::required); c.IsDefined()) {
        r.checked_pos = position(file.ctx, c);
        r.checked = read_date(file.ctx, c, "checked");
    }
    r.description = m.text("description");
    file.collect_links(r.description, r.markdown_links);
}

}  // namespace lotse
