// A language course (content/courses/<id>.yaml): its type, level, dates and schedule.
#include <algorithm>

#include "content/domain.h"
#include "content/reading.h"

namespace lotse {

namespace {

constexpr std::string_view kKeys[] = {"type",      "title", "provider", "level",    "start",        "end",
                                      "schedule",  "lessons", "mode",   "location", "childcare",    "seats",
                                      "fee",       "fee_note", "registration", "life_phases", "topics",
                                      "description", "checked"};
constexpr std::string_view kLevelKeys[] = {"from", "to"};
constexpr std::string_view kRegistrationKeys[] = {"phone", "email", "url", "deadline"};

// The course's type, one of the BAMF course types; empty if it is not one (reported).
Located read_type(const FileContext& ctx, MapReader& m) {
    Located type = m.located("type", Need::required).value_or(Located{});
    const auto& types = domain::kCourseTypes;
    if (!type.value.empty() && std::find(std::begin(types), std::end(types), type.value) == std::end(types)) {
        std::string hint;
        if (auto guess = closest(type.value, types)) hint = "; did you mean \"" + std::string(*guess) + "\"?";
        ctx.diags.error(type.pos, "\"type\" cannot be \"" + type.value + "\"" + hint + " Allowed: " + joined(types));
        type.value.clear();
    }
    return type;
}

// A level written as one value ("A1-B1", "A1–B1", "B2") is answered with the form to write.
void report_written_level(const FileContext& ctx, const YAML::Node& n) {
    const std::string& written = n.Scalar();
    auto is_level = [](std::string_view s) {
        return std::find(std::begin(domain::kCefrLevels), std::end(domain::kCefrLevels), s) != std::end(domain::kCefrLevels);
    };
    std::string from, to;
    for (std::string_view dash : {"-", "–", "—", "/"}) {
        const auto at = written.find(dash);
        if (at == std::string::npos) continue;
        auto part = [](std::string s) {
            s.erase(0, s.find_first_not_of(' '));
            s.erase(s.find_last_not_of(' ') + 1);
            return s;
        };
        from = part(written.substr(0, at));
        to = part(written.substr(at + dash.size()));
        break;
    }
    if (from.empty() && is_level(written)) from = to = written;
    if (is_level(from) && is_level(to)) {
        ctx.diags.error(position(ctx, n), "\"level\" must be written {from: " + from + ", to: " + to + "}, not \"" + written + "\"");
        return;
    }
    ctx.diags.error(position(ctx, n), "\"level\" must be written {from: A1, to: B1} with CEFR levels " +
                                          joined(domain::kCefrLevels) + "; found \"" + written + "\"");
}

Level read_level(const FileContext& ctx, MapReader& record) {
    Level level;
    YAML::Node n = record.node("level", Need::required);
    if (!n.IsDefined()) return level;
    if (n.IsScalar()) {
        report_written_level(ctx, n);
        level.pos = position(ctx, n);
        return level;
    }
    MapReader m(ctx, n, "level", kLevelKeys);
    level.pos = m.pos();
    if (!m.valid()) return level;
    level.from = m.one_of("from", domain::kCefrLevels, Need::required).value_or("");
    level.to = m.one_of("to", domain::kCefrLevels, Need::required).value_or("");
    return level;
}

std::optional<Registration> read_registration(const FileContext& ctx, MapReader& record) {
    YAML::Node r = record.node("registration");
    if (!r.IsDefined()) return std::nullopt;
    MapReader reg(ctx, r, "registration", kRegistrationKeys);
    if (!reg.valid()) return std::nullopt;
    Registration out;
    out.phone = address_field(reg, "phone", AddressUse::phone);
    out.email = address_field(reg, "email", AddressUse::email);
    out.url = address_field(reg, "url", AddressUse::web);
    if (YAML::Node d = reg.node("deadline"); d.IsDefined()) {
        out.deadline_pos = position(ctx, d);
        out.deadline = read_date(ctx, d, "deadline");
    }
    return out;
}

}  // namespace

template <> const std::span<const std::string_view> RecordReader<Course>::keys = kKeys;

template <> Course RecordReader<Course>::read(const SourceFile& file, MapReader& m) {
    Course c;
    read_common(file, m, c);
    c.type = read_type(file.ctx, m);
    c.title = m.text("title");
    c.provider = m.located("provider", Need::required).value_or(Located{});
    c.level = read_level(file.ctx, m);
    if (YAML::Node s = m.node("start", Need::required); s.IsDefined()) {
        c.start_pos = position(file.ctx, s);
        if (auto start = read_date(file.ctx, s, "start")) c.start = *start;
    }
    if (YAML::Node e = m.node("end", Need::required); e.IsDefined()) {
        c.end_pos = position(file.ctx, e);
        if (auto end = read_date(file.ctx, e, "end")) c.end = *end;
    }
    c.schedule = read_slots(file.ctx, m, "schedule", Need::optional);
    c.lessons = m.integer("lessons");
    if (auto mode = m.one_of("mode", domain::kCourseModes)) c.mode = *mode;  // else in person (records.h)
    c.location = read_location(file.ctx, m);
    c.childcare = m.boolean("childcare");
    c.seats = m.one_of("seats", domain::kSeats).value_or("");
    if (!c.seats.empty()) c.seats_pos = position(file.ctx, m.node("seats"));
    c.fee = read_fee(file.ctx, m);
    c.fee_note = m.text("fee_note");
    c.registration = read_registration(file.ctx, m);
    c.life_phases = m.words("life_phases");
    c.topics = m.words("topics");
    return c;
}

}  // namespace lotse
