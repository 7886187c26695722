// The kinds of record, and the one place that turns a kind into its type.
//
// A record kind is a RecordKind everywhere past the loader; its name ("offer") appears only in
// file names, ref: links, pathway steps, messages and template names. What differs between kinds
// is written once per kind: how a file is read (content/kinds/), what a record refers to (here:
// provider_ref, contact_ref, step links), and what its page and cards show (render/kinds/).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "content/records.h"

namespace lotse {

enum class RecordKind : std::uint8_t { provider, offer, course, contact, pathway, glossary };

// Which lists outside its own page show a record.
enum class Listing : std::uint8_t {
    none,     // providers: only their own page and the A–Z
    grouped,  // offers, courses, pathways: grouped on life-phase and topic pages
    advice,   // contacts: "advice and help" on term pages, and the counselling page
    glossary, // glossary terms: the glossary page instead of a page of their own, and the A–Z
};

struct KindInfo {
    RecordKind kind;
    std::string_view name;    // offer: as written in ref: links, pathway steps and messages
    std::string_view folder;  // offers: content/offers/<id>.yaml, <lang>/offers/<id>.html
    Listing listing;
};

// In plan order: the order of record pages in the site and the sitemap.
inline constexpr KindInfo kRecordKinds[] = {
    {RecordKind::provider, "provider", "providers", Listing::none},
    {RecordKind::offer, "offer", "offers", Listing::grouped},
    {RecordKind::course, "course", "courses", Listing::grouped},
    {RecordKind::contact, "contact", "contacts", Listing::advice},
    {RecordKind::pathway, "pathway", "pathways", Listing::grouped},
    {RecordKind::glossary, "glossary", "glossary", Listing::glossary},
};

constexpr const KindInfo& info(RecordKind k) { return kRecordKinds[static_cast<std::size_t>(k)]; }
constexpr std::string_view name(RecordKind k) { return info(k).name; }
constexpr std::optional<RecordKind> kind_named(std::string_view name) {
    for (const KindInfo& k : kRecordKinds)
        if (k.name == name) return k.kind;
    return std::nullopt;
}

template <typename R> struct KindOf;
template <> struct KindOf<Provider> { static constexpr RecordKind value = RecordKind::provider; };
template <> struct KindOf<Offer> { static constexpr RecordKind value = RecordKind::offer; };
template <> struct KindOf<Course> { static constexpr RecordKind value = RecordKind::course; };
template <> struct KindOf<Contact> { static constexpr RecordKind value = RecordKind::contact; };
template <> struct KindOf<Pathway> { static constexpr RecordKind value = RecordKind::pathway; };
template <> struct KindOf<GlossaryTerm> { static constexpr RecordKind value = RecordKind::glossary; };

// Calls f with the record as its own type: the only switch on a record's kind.
template <typename F>
decltype(auto) visit_record(RecordKind kind, const Record& r, F&& f) {
    switch (kind) {
        case RecordKind::provider: return std::forward<F>(f)(static_cast<const Provider&>(r));
        case RecordKind::offer: return std::forward<F>(f)(static_cast<const Offer&>(r));
        case RecordKind::course: return std::forward<F>(f)(static_cast<const Course&>(r));
        case RecordKind::contact: return std::forward<F>(f)(static_cast<const Contact&>(r));
        case RecordKind::pathway: return std::forward<F>(f)(static_cast<const Pathway&>(r));
        case RecordKind::glossary: break;
    }
    return std::forward<F>(f)(static_cast<const GlossaryTerm&>(r));
}

// Calls f with each kind's records: f(const std::vector<Provider>&), … in plan order (the
// vectors are not const for a Content that is not: the loader fills them).
template <typename C, typename F>
    requires std::same_as<std::remove_const_t<C>, Content>
void for_each_kind(C& c, F&& f) {
    f(c.providers), f(c.offers), f(c.courses), f(c.contacts), f(c.pathways), f(c.glossary);
}

// What a record refers to: the provider that runs it (an offer's and a course's provider, a
// contact's organisation) and the contact it names. (A pathway's steps link to records of any
// kind; site/plan.cpp resolves them.)
inline const Located* provider_ref(const Record&) { return nullptr; }
inline const Located* provider_ref(const Offer& o) { return &o.provider; }
inline const Located* provider_ref(const Course& c) { return &c.provider; }
inline const Located* provider_ref(const Contact& c) { return &c.organisation; }
inline const Located* contact_ref(const Record&) { return nullptr; }
inline const Located* contact_ref(const Offer& o) { return &o.contact; }

// The same, for a record known by its kind.
inline const Located* provider_ref(RecordKind kind, const Record& r) {
    return visit_record(kind, r, [](const auto& x) { return provider_ref(x); });
}
inline const Located* contact_ref(RecordKind kind, const Record& r) {
    return visit_record(kind, r, [](const auto& x) { return contact_ref(x); });
}

}  // namespace lotse
