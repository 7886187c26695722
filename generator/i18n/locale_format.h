// Everything locale-dependent that ICU knows better than we do: dates (always Gregorian), times,
// weekday names, numbers, money, language names, list joining, sorting and text direction.
// One instance per page language and thread, built once and reused for every page; it keeps
// what it has formatted before, so it must not be shared between threads. Each ICU formatter is
// set up when first used: a rebuild that renders a few pages needs only some of them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>

#include "content/calendar.h"

namespace lotse {

// Texts a LocaleFormat made on an earlier run, by a key that names the function and its arguments.
// Each ICU formatter costs milliseconds the first time a run uses it (its locale data is loaded
// and taken apart), more than a rebuild that changes one record spends on anything else in a
// language; a text looked up costs microseconds. What a text depends on besides its key (ICU,
// the locale) the memo's owner vouches for.
class FormatMemo {
public:
    virtual ~FormatMemo() = default;
    virtual std::optional<std::string_view> find(std::string_view key) = 0;
    virtual void keep(std::string_view key, const std::string& text) = 0;
};

class LocaleFormat {
public:
    explicit LocaleFormat(const std::string& language);
    // From now on, texts are looked up in `memo` first and kept there once made (nullptr: none).
    void remember_in(FormatMemo* memo) { memo_ = memo; }

    const std::string& language() const { return language_; }
    bool right_to_left() const { return rtl_; }
    std::string_view dir() const { return direction(language_); }

    std::string date(Date d) const;                 // 11. Jan. 2027
    std::string date_range(Date from, Date to) const;  // 11. Jan. – 16. Juli 2027
    std::string month(Date d) const;                // Januar 2027
    std::string time_range(int from_minutes, int to_minutes) const;  // 08:30–12:45
    std::string weekday(Weekday d) const;           // Mo.
    std::string number(long long n) const;
    // The digits this locale's numbers use, as a CLDR numbering system name ("arab", "arabext", "latn").
    std::string numbering_system() const;
    // A download's size in this locale's words and digits, to two significant digits: "1,2 MB".
    std::string data_size(std::uint64_t bytes) const;
    std::string money(double amount, const std::string& currency) const;
    std::string list(const std::vector<std::string>& items) const;  // A, B und C
    // The name of `tag` in this locale ("Arabisch"), or in its own language when `tag` is ours.
    std::string language_name(const std::string& tag) const;
    static std::string own_name(const std::string& tag);  // "العربية"
    // The same, taken from the memo if it is there: finding it in ICU's data costs a third of a
    // millisecond per language, and every page language's menu names every site language.
    std::string native_name(const std::string& tag) const;
    static bool is_right_to_left(const std::string& tag);
    // "rtl" or "ltr", as HTML's dir attribute takes it.
    static std::string_view direction(const std::string& tag) { return is_right_to_left(tag) ? "rtl" : "ltr"; }

    // Collation order of the page language: true if a sorts before b.
    bool less(const std::string& a, const std::string& b) const;
    // A key that sorts bytewise like `less` (to sort many items once).
    std::string sort_key(const std::string& s) const;

private:
    // The text for `key`, from the memo or made by `make` (and kept there).
    template <typename Make>
    std::string remembered(const std::string& key, Make make) const;

    const icu::DateFormat& date_format() const;
    const icu::DateFormat& month_format() const;
    const icu::DateFormat& weekday_format() const;
    const icu::DateIntervalFormat& date_interval() const;
    const icu::DateIntervalFormat& time_interval() const;
    const icu::NumberFormat& number_format() const;
    std::string end_of_day_range(int from) const;  // from .. 24:00
    const icu::Collator& collator() const;

    std::string language_;
    icu::Locale locale_;
    bool rtl_ = false;
    mutable std::unique_ptr<icu::DateFormat> date_, month_, weekday_;
    mutable std::unique_ptr<icu::DateIntervalFormat> date_interval_, time_interval_;
    mutable std::unique_ptr<icu::NumberFormat> number_, money_;
    mutable std::unique_ptr<icu::ListFormatter> list_;
    mutable std::unique_ptr<icu::Collator> collator_;
    mutable std::map<std::string, std::string, std::less<>> language_names_;
    mutable std::map<std::pair<std::string, bool>, std::unique_ptr<icu::NumberFormat>> money_by_currency_;
    FormatMemo* memo_ = nullptr;
};

}  // namespace lotse
