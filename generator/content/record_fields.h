// Every field of every record kind, listed once, for whatever walks them: the record cache writes
// and reads them, rebuild fingerprints hash them. A field missing here would be lost from the
// cache and would not make a page render anew; tests/content/record_cache_test.cpp compares
// records from the cache with records from the files.
//   fields(a, record) calls a(field) for each field; a handles values, optionals, vectors, maps
//   and, through fields() again, the structs below.
#pragma once

#include <optional>
#include <type_traits>
#include <vector>

#include "content/records.h"

namespace lotse {

template <typename A> void fields(A& a, Located& x) { a(x.value), a(x.pos); }
template <typename A> void fields(A& a, LocalisedText& x) { a(x.by_language), a(x.positions), a(x.pos); }
template <typename A> void fields(A& a, Address& x) { a(x.street), a(x.postcode), a(x.city), a(x.district), a(x.lat), a(x.lon); }
template <typename A> void fields(A& a, Location& x) { a(x.kind), a(x.address), a(x.pos); }
template <typename A> void fields(A& a, Fee& x) { a(x.free), a(x.amount), a(x.currency), a(x.pos); }
template <typename A> void fields(A& a, TimeSlot& x) { a(x.days), a(x.from), a(x.to), a(x.note), a(x.pos); }
template <typename A> void fields(A& a, DateSpan& x) { a(x.from), a(x.until), a(x.pos); }
template <typename A> void fields(A& a, Level& x) { a(x.from), a(x.to), a(x.pos); }
template <typename A> void fields(A& a, Registration& x) { a(x.phone), a(x.email), a(x.url), a(x.deadline), a(x.deadline_pos); }
template <typename A> void fields(A& a, RecordRef& x) { a(x.kind), a(x.id), a(x.pos); }
template <typename A> void fields(A& a, PathwayStep& x) { a(x.title), a(x.text), a(x.links); }
template <typename A> void fields(A& a, Diagnostic& x) { a(x.severity), a(x.pos), a(x.message); }
// id and path come from the file itself.
template <typename A> void common_fields(A& a, Record& x) {
    a(x.checked), a(x.checked_pos), a(x.life_phases), a(x.topics), a(x.audience), a(x.description), a(x.markdown_links);
}
template <typename A> void fields(A& a, Provider& x) {
    common_fields(a, x), a(x.name), a(x.short_name), a(x.location), a(x.phone), a(x.email), a(x.url), a(x.accessible);
}
template <typename A> void fields(A& a, Offer& x) {
    common_fields(a, x), a(x.title), a(x.summary), a(x.fee_note), a(x.provider), a(x.contact), a(x.languages), a(x.location),
        a(x.dates), a(x.fee), a(x.childcare), a(x.url);
}
template <typename A> void fields(A& a, Course& x) {
    common_fields(a, x), a(x.type), a(x.title), a(x.fee_note), a(x.provider), a(x.level), a(x.start), a(x.start_pos), a(x.end), a(x.end_pos),
        a(x.schedule), a(x.lessons), a(x.mode), a(x.location), a(x.childcare), a(x.seats), a(x.seats_pos), a(x.fee),
        a(x.registration);
}
template <typename A> void fields(A& a, Contact& x) {
    common_fields(a, x), a(x.name), a(x.organisation), a(x.person), a(x.languages), a(x.location), a(x.phone), a(x.email),
        a(x.url), a(x.hours), a(x.appointment);
}
template <typename A> void fields(A& a, Pathway& x) { common_fields(a, x), a(x.title), a(x.summary), a(x.steps); }
template <typename A> void fields(A& a, GlossaryTerm& x) {
    common_fields(a, x), a(x.term), a(x.plural), a(x.name), a(x.explanation), a(x.see);
}

// The part of a walker that only reads values: enums, optionals, vectors and the structs above it
// takes apart here and hands their values to Derived, which says what a number, a string, a
// position, a date or a map is to it (and may take over any other type with an overload of its own).
template <typename Derived>
class ReadingWalk {
public:
    template <typename E>
        requires std::is_enum_v<E>
    void operator()(const E& e) {
        self()(static_cast<int>(e));
    }
    template <typename T>
    void operator()(const std::optional<T>& o) {
        self()(o.has_value());
        if (o) self()(*o);
    }
    template <typename T>
    void operator()(const std::vector<T>& v) {
        self()(static_cast<std::uint64_t>(v.size()));
        for (const T& item : v) self()(item);
    }
    template <typename T>
        requires requires(Derived& d, T& t) { fields(d, t); }
    void operator()(const T& t) {
        fields(self(), const_cast<T&>(t));  // fields() only reads when given a reading walker
    }

private:
    Derived& self() { return static_cast<Derived&>(*this); }
};

}  // namespace lotse
