#include "content/calendar.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace lotse {

namespace {

bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

constexpr WeekdaySpelling kSpellings[] = {
    {"mon", Weekday::mon}, {"tue", Weekday::tue}, {"wed", Weekday::wed}, {"thu", Weekday::thu},
    {"fri", Weekday::fri}, {"sat", Weekday::sat}, {"sun", Weekday::sun},
    {"mo", Weekday::mon},  {"di", Weekday::tue},  {"mi", Weekday::wed},  {"do", Weekday::thu},
    {"fr", Weekday::fri},  {"sa", Weekday::sat},  {"so", Weekday::sun},
    {"montag", Weekday::mon}, {"dienstag", Weekday::tue}, {"mittwoch", Weekday::wed}, {"donnerstag", Weekday::thu},
    {"freitag", Weekday::fri}, {"samstag", Weekday::sat}, {"sonnabend", Weekday::sat}, {"sonntag", Weekday::sun},
    {"monday", Weekday::mon}, {"tuesday", Weekday::tue}, {"wednesday", Weekday::wed}, {"thursday", Weekday::thu},
    {"friday", Weekday::fri}, {"saturday", Weekday::sat}, {"sunday", Weekday::sun},
};

}  // namespace

ParsedDate parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-' || !digits(t.substr(0, 4)) ||
        !digits(t.substr(5, 2)) || !digits(t.substr(8, 2))) {
        return {{}, CalendarError::format};
    }
    Date d{std::chrono::year{number(t.substr(0, 4))},
           std::chrono::month{static_cast<unsigned>(number(t.substr(5, 2)))},
           std::chrono::day{static_cast<unsigned>(number(t.substr(8, 2)))}};
    if (!d.ok()) return {{}, CalendarError::does_not_exist};
    // ISO dates compare as text.
    if (t < kFirstDate || t > kLastDate) return {{}, CalendarError::out_of_range};
    return {d, CalendarError::none};
}

std::string to_iso(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

long long days_since_epoch(Date d) {
    return std::chrono::sys_days{d}.time_since_epoch().count();
}

Date date_from_epoch_seconds(long long seconds) {
    return Date{std::chrono::floor<std::chrono::days>(
        std::chrono::sys_seconds{std::chrono::seconds{seconds}})};
}

ParsedTime parse_time(std::string_view t) {
    if (t.size() != 5 || t[2] != ':' || !digits(t.substr(0, 2)) || !digits(t.substr(3, 2))) {
        return {0, CalendarError::format};
    }
    const int h = number(t.substr(0, 2));
    const int m = number(t.substr(3, 2));
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return {0, CalendarError::does_not_exist};
    return {h * 60 + m, CalendarError::none};
}

std::optional<Weekday> parse_weekday(std::string_view text) {
    std::string lower;
    for (char c : text) lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    const bool dot = !lower.empty() && lower.back() == '.';
    if (dot) lower.pop_back();
    for (const WeekdaySpelling& s : kSpellings)
        if (s.text == lower && (!dot || s.text.size() <= 3)) return s.day;
    return std::nullopt;
}

std::span<const WeekdaySpelling> weekday_spellings() { return kSpellings; }

std::string_view weekday_key(Weekday d) { return kWeekdays[static_cast<std::size_t>(d)]; }

std::vector<Weekday> in_week_order(std::vector<Weekday> days) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

}  // namespace lotse
