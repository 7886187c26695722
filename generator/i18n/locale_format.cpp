#include "i18n/locale_format.h"

#include <unicode/dtptngen.h>
#include <unicode/formattedvalue.h>
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/numsys.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <charconv>
#include <cmath>
#include <map>
#include <mutex>
#include <type_traits>

namespace lotse {

namespace {

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString ustr(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Noon UTC of a day, as ICU's UDate, so no time zone can move it to another day.
UDate at_noon(Date d) { return (static_cast<double>(days_since_epoch(d)) * 86400.0 + 43200.0) * 1000.0; }

// ICU's default calendar for fa and ps is the Persian one; German institutions date everything
// in the Gregorian calendar, so it is asked for explicitly (digits and month names stay the locale's).
icu::Locale gregorian(const std::string& language) {
    icu::Locale l(language.c_str());
    UErrorCode status = U_ZERO_ERROR;
    l.setKeywordValue("calendar", "gregorian", status);
    return l;
}

std::unique_ptr<icu::DateFormat> with_skeleton(const icu::Locale& locale, const char* skeleton) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateFormat> f(icu::DateFormat::createInstanceForSkeleton(skeleton, locale, status));
    if (U_FAILURE(status)) return nullptr;
    f->setTimeZone(*icu::TimeZone::getGMT());
    return f;
}

std::unique_ptr<icu::DateIntervalFormat> interval(const icu::Locale& locale, const char* skeleton) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateIntervalFormat> f(icu::DateIntervalFormat::createInstance(skeleton, locale, status));
    if (U_FAILURE(status)) return nullptr;
    f->setTimeZone(*icu::TimeZone::getGMT());
    return f;
}

std::string money_key(double amount, const std::string& currency) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, amount).ptr;  // the shortest exact form
    return "money " + std::string(digits, end) + " " + currency;
}

// The formatter in `slot`, made by `make` the first time it is asked for.
template <typename T, typename Make>
const T& once(std::unique_ptr<T>& slot, Make make) {
    if (!slot) slot = make();
    return *slot;
}

}  // namespace

template <typename Make>
std::string LocaleFormat::remembered(const std::string& key, Make make) const {
    // A text, not a pointer into a formatter that is gone once `make` returns.
    static_assert(std::is_same_v<std::invoke_result_t<Make>, std::string>);
    if (!memo_) return make();
    if (const std::optional<std::string_view> kept = memo_->find(key)) return std::string(*kept);
    std::string made = make();
    memo_->keep(key, made);
    return made;
}

LocaleFormat::LocaleFormat(const std::string& language)
    : language_(language), locale_(gregorian(language)), rtl_(is_right_to_left(language)) {
    // Every date is formatted in GMT (at noon, see above). A date formatter starts with ICU's
    // default time zone, which ICU would look up from the system's settings and time zone data
    // (2 ms) only for it to be replaced by GMT; so GMT is made the default, once.
    static std::once_flag gmt;
    std::call_once(gmt, [] { icu::TimeZone::setDefault(*icu::TimeZone::getGMT()); });
}

const icu::DateFormat& LocaleFormat::date_format() const {
    return once(date_, [&] { return with_skeleton(locale_, "yMMMd"); });
}
const icu::DateFormat& LocaleFormat::month_format() const {
    return once(month_, [&] { return with_skeleton(locale_, "yMMMM"); });
}
const icu::DateFormat& LocaleFormat::weekday_format() const {
    return once(weekday_, [&] { return with_skeleton(locale_, "EEE"); });
}
const icu::DateIntervalFormat& LocaleFormat::date_interval() const {
    return once(date_interval_, [&] { return interval(locale_, "yMMMd"); });
}
const icu::DateIntervalFormat& LocaleFormat::time_interval() const {
    return once(time_interval_, [&] { return interval(locale_, "jmm"); });  // the locale's own hour cycle
}
const icu::NumberFormat& LocaleFormat::number_format() const {
    return once(number_, [&] {
        UErrorCode status = U_ZERO_ERROR;
        return std::unique_ptr<icu::NumberFormat>(icu::NumberFormat::createInstance(locale_, status));
    });
}
const icu::Collator& LocaleFormat::collator() const {
    return once(collator_, [&] {
        UErrorCode status = U_ZERO_ERROR;
        return std::unique_ptr<icu::Collator>(icu::Collator::createInstance(icu::Locale(language_.c_str()), status));
    });
}

std::string LocaleFormat::date(Date d) const {
    return remembered("date " + to_iso(d), [&] {
        icu::UnicodeString out;
        date_format().format(at_noon(d), out);
        return utf8(out);
    });
}

std::string LocaleFormat::date_range(Date from, Date to) const {
    return remembered("dates " + to_iso(from) + " " + to_iso(to), [&] {
        UErrorCode status = U_ZERO_ERROR;
        icu::DateInterval span(at_noon(from), at_noon(to));
        icu::UnicodeString out;
        icu::FieldPosition pos;
        date_interval().format(&span, out, pos, status);
        return utf8(out);
    });
}

std::string LocaleFormat::month(Date d) const {
    return remembered("month " + to_iso(d).substr(0, 7), [&] {
        icu::UnicodeString out;
        month_format().format(at_noon(Date{d.year(), d.month(), std::chrono::day{1}}), out);
        return utf8(out);
    });
}

std::string LocaleFormat::time_range(int from, int to) const {
    return remembered("times " + std::to_string(from) + " " + std::to_string(to), [&] {
        UErrorCode status = U_ZERO_ERROR;
        if (to < 24 * 60) {
            icu::DateInterval span(from * 60000.0, to * 60000.0);
            icu::UnicodeString out;
            icu::FieldPosition pos;
            time_interval().format(&span, out, pos, status);
            return utf8(out);
        }
        return end_of_day_range(from);
    });
}

std::string LocaleFormat::end_of_day_range(int from) const {
    // 24:00 is midnight at the end of the same day. As the next day's 00:00 the range would span
    // two days and show both dates, so it is formatted as ending at 00:00 (01:00 when it starts at
    // 00:00, so that the two ends differ) of the same day, and the end's hour is then written as
    // the locale writes the end of a day: 24 on a 24-hour clock; 12 AM on a 12-hour one is
    // midnight already.
    UErrorCode status = U_ZERO_ERROR;
    const int shown_end = from == 0 ? 60 : 0;
    const icu::DateInterval span(from * 60000.0, shown_end * 60000.0);
    const icu::FormattedDateInterval formatted = time_interval().formatToValue(span, status);
    icu::UnicodeString out = formatted.toString(status);
    if (U_FAILURE(status)) return "24:00";
    int32_t end_start = -1;
    icu::ConstrainedFieldPosition spans;
    spans.constrainCategory(UFIELD_CATEGORY_DATE_INTERVAL_SPAN);
    while (formatted.nextPosition(spans, status))
        if (spans.getField() == 1) end_start = spans.getStart();
    icu::ConstrainedFieldPosition hour;
    hour.constrainCategory(UFIELD_CATEGORY_DATE);
    while (end_start >= 0 && formatted.nextPosition(hour, status)) {
        if (hour.getStart() < end_start) continue;
        const int32_t field = hour.getField();
        if (field != UDAT_HOUR_OF_DAY0_FIELD && field != UDAT_HOUR1_FIELD && field != UDAT_HOUR0_FIELD &&
            field != UDAT_HOUR_OF_DAY1_FIELD)
            continue;
        const int32_t width = hour.getLimit() - hour.getStart();
        std::unique_ptr<icu::NumberFormat> digits(number_format().clone());
        digits->setGroupingUsed(false);
        digits->setMinimumIntegerDigits(width);
        icu::UnicodeString written;
        // The hour field as each clock writes the end of a day: H 24, k 24, h 12, K 0.
        const int32_t value = field == UDAT_HOUR1_FIELD ? 12 : field == UDAT_HOUR0_FIELD ? 0 : 24;
        digits->format(static_cast<int64_t>(value), written);
        out.replace(hour.getStart(), width, written);
        break;
    }
    return utf8(out);
}

std::string LocaleFormat::weekday(Weekday d) const {
    return remembered("weekday " + std::to_string(static_cast<int>(d)), [&] {
        // 2024-01-01 was a Monday.
        const Date monday{std::chrono::year{2024}, std::chrono::January, std::chrono::day{1}};
        const Date day{std::chrono::sys_days{monday} + std::chrono::days{static_cast<int>(d)}};
        icu::UnicodeString out;
        weekday_format().format(at_noon(day), out);
        return utf8(out);
    });
}

std::string LocaleFormat::number(long long n) const {
    return remembered("number " + std::to_string(n), [&] {
        icu::UnicodeString out;
        number_format().format(static_cast<int64_t>(n), out);
        return utf8(out);
    });
}

std::string LocaleFormat::data_size(std::uint64_t bytes) const {
    return remembered("data size " + std::to_string(bytes), [&] {
        // Decimal units, as browsers and phones show a download's size.
        const bool mega = bytes >= 1000 * 1000;
        const double amount = static_cast<double>(bytes) / (mega ? 1e6 : 1e3);
        UErrorCode status = U_ZERO_ERROR;
        const icu::number::FormattedNumber formatted =
            icu::number::NumberFormatter::withLocale(locale_)
                .unit(mega ? icu::MeasureUnit::getMegabyte() : icu::MeasureUnit::getKilobyte())
                .unitWidth(UNUM_UNIT_WIDTH_SHORT)
                .precision(icu::number::Precision::maxSignificantDigits(2))
                .formatDouble(amount, status);
        const icu::UnicodeString out = formatted.toString(status);
        return U_SUCCESS(status) ? utf8(out) : std::to_string(bytes);
    });
}

std::string LocaleFormat::numbering_system() const {
    return remembered(std::string("numbering"), [&] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(locale_, status));
        return std::string(U_SUCCESS(status) && ns ? ns->getName() : "latn");
    });
}

std::string LocaleFormat::money(double amount, const std::string& currency) const {
    return remembered(money_key(amount, currency), [&] {
        const bool whole = std::floor(amount) == amount;
        auto& f = money_by_currency_[{currency, whole}];
        if (!f) {
            UErrorCode status = U_ZERO_ERROR;
            const icu::NumberFormat& money = once(money_, [&] {
                UErrorCode made = U_ZERO_ERROR;
                return std::unique_ptr<icu::NumberFormat>(icu::NumberFormat::createCurrencyInstance(locale_, made));
            });
            f.reset(money.clone());
            f->setCurrency(ustr(currency).getTerminatedBuffer(), status);
            if (whole) f->setMaximumFractionDigits(0);
        }
        icu::UnicodeString out;
        f->format(amount, out);
        return utf8(out);
    });
}

std::string LocaleFormat::list(const std::vector<std::string>& items) const {
    std::string key = "list";
    for (const std::string& item : items) key.append(1, '\x1f').append(item);
    return remembered(key, [&] {
        std::vector<icu::UnicodeString> u;
        u.reserve(items.size());
        for (const std::string& s : items) u.push_back(ustr(s));
        icu::UnicodeString out;
        UErrorCode status = U_ZERO_ERROR;
        once(list_, [&] {
            UErrorCode made = U_ZERO_ERROR;
            return std::unique_ptr<icu::ListFormatter>(icu::ListFormatter::createInstance(locale_, made));
        }).format(u.data(), static_cast<int32_t>(u.size()), out, status);
        return utf8(out);
    });
}

std::string LocaleFormat::language_name(const std::string& tag) const {
    auto it = language_names_.find(tag);
    if (it == language_names_.end())
        it = language_names_.emplace(tag, remembered("language " + tag, [&] {
            icu::UnicodeString out;
            icu::Locale(tag.c_str()).getDisplayName(icu::Locale(language_.c_str()), out);
            return utf8(out);
        })).first;
    return it->second;
}

std::string LocaleFormat::own_name(const std::string& tag) {
    // Asked for every site language by every page language's view, on several threads: each
    // name is looked up in ICU's data once per run.
    static std::mutex mutex;
    static std::map<std::string, std::string, std::less<>> names;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = names.find(tag);
    if (it != names.end()) return it->second;
    icu::UnicodeString out;
    icu::Locale l(tag.c_str());
    l.getDisplayName(l, out);
    // Display names start lower-case in some languages ("русский"); a menu entry starts a line.
    out.toTitle(nullptr, l, U_TITLECASE_NO_LOWERCASE | U_TITLECASE_NO_BREAK_ADJUSTMENT);
    return names.emplace(tag, utf8(out)).first->second;
}

std::string LocaleFormat::native_name(const std::string& tag) const {
    return remembered("own " + tag, [&] { return own_name(tag); });
}

bool LocaleFormat::is_right_to_left(const std::string& tag) {
    // Asked for every site language on every language's pages; ICU finds the answer in its
    // likely-subtags data, at tens of microseconds each time.
    static std::mutex mutex;
    static std::map<std::string, bool, std::less<>> known;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = known.find(tag);
    if (it == known.end()) it = known.emplace(tag, icu::Locale(tag.c_str()).isRightToLeft()).first;
    return it->second;
}

bool LocaleFormat::less(const std::string& a, const std::string& b) const {
    UErrorCode status = U_ZERO_ERROR;
    return collator().compareUTF8(a, b, status) == UCOL_LESS;
}

std::string LocaleFormat::sort_key(const std::string& s) const {
    const icu::UnicodeString u = ustr(s);
    const int32_t n = collator().getSortKey(u, nullptr, 0);
    std::string key(static_cast<std::size_t>(n), '\0');
    collator().getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
    return key;
}

}  // namespace lotse
