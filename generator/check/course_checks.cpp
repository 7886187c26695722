#include "check/course_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <string>

namespace lotse {

namespace {

long days_between(Date from, Date to) { return static_cast<long>(days_since_epoch(to) - days_since_epoch(from)); }

double weekly_hours(const Course& c) {
    double minutes = 0;
    for (const TimeSlot& s : c.schedule) minutes += static_cast<double>(s.to - s.from) * static_cast<double>(s.days.size());
    return minutes / 60;
}

std::string number(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", value);
    return buf;
}

// The longest the course can plausibly run, in days: a year, or longer when its lessons (45
// minutes each) at its weekly hours take longer, with half as much time again for holidays and
// breaks. Part-time literacy and parents' courses run well over a year.
long plausible_days(const Course& c) {
    const double hours = weekly_hours(c);
    if (!c.lessons || hours <= 0) return 365;
    const double weeks = *c.lessons * 0.75 / hours;
    return std::max(365L, static_cast<long>(std::ceil(weeks * 1.5 * 7)));
}

// A start or end a year off makes a course run a year longer than it does; which of the two is
// off: the start if the course began more than a year ago, else the one further from today.
void check_length(const Course& c, Date today, Diagnostics& diags) {
    const long length = days_between(c.start, c.end);
    if (length <= plausible_days(c)) return;
    if (days_between(c.start, today) > 365) {
        diags.warning(c.start_pos, "\"start\" is " + to_iso(c.start) + ", more than a year before today (" + to_iso(today) +
                                       "), and the course still runs until " + to_iso(c.end) +
                                       "; check the year of \"start\"");
        return;
    }
    const bool start_is_off = std::abs(days_between(today, c.start)) > std::abs(days_between(today, c.end));
    const std::string which = start_is_off ? "start" : "end";
    std::string message = "the course runs " + std::to_string(length) + " days (" + to_iso(c.start) + " to " +
                          to_iso(c.end) + "), ";
    const double hours = weekly_hours(c);
    if (c.lessons && hours > 0) {
        message += "far longer than its " + std::to_string(*c.lessons) + " lessons take at " + number(hours) +
                   " hours a week; check the year of \"" + which + "\"";
    } else {
        const std::string missing = !c.lessons && hours <= 0 ? "\"lessons\" and \"schedule\""
                                    : !c.lessons             ? "\"lessons\""
                                                             : "\"schedule\"";
        message += "more than a year; check the year of \"" + which + "\" (if both dates are right, give " + missing +
                   " so that the length can be checked)";
    }
    diags.warning(start_is_off ? c.start_pos : c.end_pos, message);
}

}  // namespace

void check_course_dates(const Course& c, Date today, Diagnostics& diags) {
    if (!c.start.ok()) return;
    if (c.registration && c.registration->deadline && c.start < *c.registration->deadline)
        diags.error(c.registration->deadline_pos, "the registration deadline (" + to_iso(*c.registration->deadline) +
                                                      ") is after the course starts (" + to_iso(c.start) +
                                                      "); move \"deadline\" to the start or earlier");
    if (!c.end.ok()) return;
    if (c.end < c.start)
        diags.error(c.end_pos, "the course ends (" + to_iso(c.end) + ") before it starts (" + to_iso(c.start) + ")");
    else if (c.end < today)
        diags.warning(c.end_pos, "this course ended on " + to_iso(c.end) + " and is not published; update or remove it");
    else
        check_length(c, today, diags);
}

bool report_full_course(const Course& c, Date today, int review_after_days, Diagnostics& diags) {
    if (c.seats != "full" || !c.checked) return false;
    const long age = days_between(*c.checked, today);
    if (age <= review_after_days) return false;
    diags.warning(c.seats_pos, "this course was marked full on " + to_iso(*c.checked) + " (\"checked\"), " +
                                   std::to_string(age) + " days ago (more than review_after_days: " +
                                   std::to_string(review_after_days) +
                                   "); seats may have opened; check with the provider and update \"seats\" and \"checked\"");
    return true;
}

}  // namespace lotse
