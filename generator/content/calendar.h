// Calendar values of the content format: dates (YYYY-MM-DD), times of day (HH:MM) and weekdays.
// Parsing only; everything a reader sees is formatted by ICU in i18n/.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lotse {

using Date = std::chrono::year_month_day;

// Why a date or time was rejected, so the diagnostic can say which rule was broken.
enum class CalendarError { none, format, does_not_exist, out_of_range };

// The dates Lotse accepts: enough for any course, counselling hour or birth year it will show,
// and within what every output (ICU's formats, iCalendar's four-digit years) writes exactly.
inline constexpr std::string_view kFirstDate = "1900-01-01";
inline constexpr std::string_view kLastDate = "2199-12-31";

struct ParsedDate {
    Date date{};
    CalendarError error = CalendarError::none;
};
ParsedDate parse_date(std::string_view text);
std::string to_iso(Date d);  // 2027-01-11
// Days since 1970-01-01, the unit ICU's UDate is built from.
long long days_since_epoch(Date d);
Date date_from_epoch_seconds(long long seconds);

// Minutes after midnight; 24:00 (1440) is the end of a day, which only a closing time can be.
struct ParsedTime {
    int minutes = 0;
    CalendarError error = CalendarError::none;
};
ParsedTime parse_time(std::string_view text);

enum class Weekday { mon, tue, wed, thu, fri, sat, sun };
// The keys mon … sun, and the names coordinators write besides them: German abbreviations and
// names (Di, Dienstag) and English names (tuesday), in any case, an abbreviation also with a dot
// ("Di."). Each is the same day as its key, so the site does not depend on the spelling.
std::optional<Weekday> parse_weekday(std::string_view text);
struct WeekdaySpelling {
    std::string_view text;  // lowercase
    Weekday day;
};
std::span<const WeekdaySpelling> weekday_spellings();
std::string_view weekday_key(Weekday d);
// `days` Monday first, each once: the order data for machines is written in, whatever order a
// coordinator wrote them in ("[Fr, Mo]" and "[mon, fri]" are the same schedule).
std::vector<Weekday> in_week_order(std::vector<Weekday> days);

}  // namespace lotse
