// The typed records of a site (PRODUCT.md "Content schema"), plain values that keep the source
// position of everything a later stage may need to complain about.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/calendar.h"
#include "content/diagnostics.h"

namespace lotse {

// Text in several languages: a plain YAML string is taken as the source language.
struct LocalisedText {
    std::map<std::string, std::string> by_language;
    std::map<std::string, SourcePos> positions;  // where each language's text starts
    SourcePos pos;
    // Languages whose translation was made from another source text than the one there now
    // (i18n/currency.h marks them after loading; the record cache does not keep them).
    std::vector<std::string> outdated;

    bool empty() const { return by_language.empty(); }
    bool is_outdated(const std::string& language) const {
        return std::find(outdated.begin(), outdated.end(), language) != outdated.end();
    }
    const std::string* find(const std::string& language) const {
        auto it = by_language.find(language);
        return it == by_language.end() ? nullptr : &it->second;
    }

    bool operator==(const LocalisedText&) const = default;
};

struct Located {
    std::string value;
    SourcePos pos;

    bool operator==(const Located&) const = default;
};

struct Address {
    std::string street, postcode, city, district;
    std::optional<double> lat, lon;

    bool operator==(const Address&) const = default;
};

struct Location {
    enum class Kind { provider, address, online };
    Kind kind = Kind::provider;
    Address address;
    SourcePos pos;

    bool operator==(const Location&) const = default;
};

struct Fee {
    bool free = true;
    double amount = 0;
    std::string currency;
    SourcePos pos;

    bool operator==(const Fee&) const = default;
};

struct TimeSlot {
    std::vector<Weekday> days;
    int from = 0, to = 0;  // minutes after midnight
    LocalisedText note;
    SourcePos pos;

    bool operator==(const TimeSlot&) const = default;
};

struct DateSpan {
    std::optional<Date> from, until;
    SourcePos pos;

    bool operator==(const DateSpan&) const = default;
};

struct Level {
    std::string from, to;  // CEFR A1 … C2
    SourcePos pos;

    bool operator==(const Level&) const = default;
};

struct Registration {
    std::string phone, email, url;
    std::optional<Date> deadline;
    SourcePos deadline_pos;

    bool operator==(const Registration&) const = default;
};

// A link to another record: `course/vhs-ik` in pathway steps, `ref:course/vhs-ik` in Markdown.
struct RecordRef {
    std::string kind, id;
    SourcePos pos;

    bool operator==(const RecordRef&) const = default;
};

// Fields every record kind shares.
struct Record {
    std::string id;
    std::string path;  // the file, as shown in diagnostics
    std::optional<Date> checked;
    SourcePos checked_pos;
    std::vector<Located> life_phases, topics, audience;
    LocalisedText description;
    std::vector<Located> markdown_links;  // every link target in the record's Markdown

    bool operator==(const Record&) const = default;
};

struct Provider : Record {
    LocalisedText name;
    std::string short_name;
    std::optional<Address> location;
    std::string phone, email, url;
    std::optional<bool> accessible;

    bool operator==(const Provider&) const = default;
};

struct Offer : Record {
    LocalisedText title, summary, fee_note;
    Located provider, contact;
    std::vector<Located> languages;
    Location location;
    DateSpan dates;
    std::optional<Fee> fee;
    std::optional<bool> childcare;
    std::string url;

    bool operator==(const Offer&) const = default;
};

struct Course : Record {
    Located type;
    LocalisedText title, fee_note;
    Located provider;
    Level level;
    Date start{}, end{};
    SourcePos start_pos, end_pos;
    std::vector<TimeSlot> schedule;
    std::optional<int> lessons;
    std::string mode = "in-person";
    Location location;
    std::optional<bool> childcare;
    std::string seats;
    SourcePos seats_pos;
    std::optional<Fee> fee;
    std::optional<Registration> registration;

    bool operator==(const Course&) const = default;
};

struct Contact : Record {
    LocalisedText name;
    Located organisation;
    std::string person;
    std::vector<Located> languages;
    Location location;
    std::string phone, email, url;
    std::vector<TimeSlot> hours;
    std::string appointment;

    bool operator==(const Contact&) const = default;
};

struct PathwayStep {
    LocalisedText title, text;
    std::vector<RecordRef> links;

    bool operator==(const PathwayStep&) const = default;
};

struct Pathway : Record {
    LocalisedText title, summary;
    std::vector<PathwayStep> steps;

    bool operator==(const Pathway&) const = default;
};

// An official term (content/glossary/<id>.yaml): the German word people meet on letters, at
// offices and on the phone, explained in plain language per language.
struct GlossaryTerm : Record {
    Located term;    // with its article: "der Berechtigungsschein"
    Located plural;  // "die Berechtigungsscheine"; may be empty
    LocalisedText name;         // optional: the term in other languages, for the glossary page and matching
    LocalisedText explanation;  // plain language
    std::vector<RecordRef> see;  // related records

    bool operator==(const GlossaryTerm&) const = default;
};

// content/pages/<slug>.<lang>.md
struct Page {
    std::string slug, language, path;
    std::string title;
    SourcePos title_pos;
    std::string menu = "footer";  // main | footer | none
    int weight = 0;
    std::string body;  // Markdown
    int body_line = 1;  // line of the body's first line in the file
    std::vector<Located> markdown_links;
    SourcePos pos;
    bool outdated = false;  // a translation whose title or text was made from another source page
};

struct SiteConfig {
    std::string path;
    LocalisedText title, tagline;
    std::string source_language;  // empty if missing or not a language tag (reported)
    SourcePos source_language_pos;
    std::vector<Located> languages;  // only valid tags (the others are reported)
    std::string base_url;
    std::string region;
    int review_after_days = 180;
    std::string email, phone;
    // The open data's description (open_data: in site.yaml): who publishes it, under which licence
    // (a domain::kLicences id), and the federal state its addresses are in (HSDS asks for one).
    std::string publisher, licence, state;
};

struct Term {
    std::string id;
    SourcePos pos;
};

struct Taxonomy {
    std::vector<Term> life_phases, topics;
};

// Everything under content/, in a stable order (records sorted by id).
struct Content {
    SiteConfig site;
    Taxonomy taxonomy;
    std::vector<Provider> providers;
    std::vector<Offer> offers;
    std::vector<Course> courses;
    std::vector<Contact> contacts;
    std::vector<Pathway> pathways;
    std::vector<GlossaryTerm> glossary;
    std::vector<Page> pages;
};

}  // namespace lotse
