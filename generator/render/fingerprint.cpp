#include "render/fingerprint.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>

#include "common/crew.h"
#include "content/record_fields.h"

namespace lotse {

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); }
std::uint64_t mix(std::uint64_t h, std::string_view s) { return mix(h, std::hash<std::string_view>{}(s)); }

// Hashes a record's fields as one language shows them (record_fields.h walks them).
class Digest : public ReadingWalk<Digest> {
public:
    using ReadingWalk<Digest>::operator();
    Digest(const std::string& language, const std::string& source) : language_(language), source_(source) {}
    std::uint64_t value() const { return h_; }

    void operator()(std::string_view s) { h_ = mix(mix(h_, s.size()), s); }
    void operator()(std::uint64_t v) { h_ = mix(h_, v); }
    void operator()(int v) { h_ = mix(h_, static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
    void operator()(bool v) { h_ = mix(h_, v ? 1u : 2u); }
    void operator()(double v) {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        h_ = mix(h_, bits);
    }
    void operator()(const SourcePos&) {}  // where a value was written does not show
    void operator()(const Date& d) { (*this)(static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count())); }
    // The text the page shows (LanguageView::text): the language's own, else the source
    // language's, marked, else whichever there is.
    void operator()(const LocalisedText& t) {
        if (const std::string* own = t.find(language_)) {
            (*this)(std::uint64_t{1});
            (*this)(*own);
        } else if (const std::string* source = t.find(source_)) {
            (*this)(std::uint64_t{2});
            (*this)(*source);
        } else {
            (*this)(std::uint64_t{3});
            (*this)(t.empty() ? std::string_view() : std::string_view(t.by_language.begin()->second));
        }
    }

private:
    const std::string& language_;
    const std::string& source_;
    std::uint64_t h_ = 0;
};

std::string provider_of(const RecordEntry& e) {
    if (e.kind == "offer") return static_cast<const Offer&>(*e.record).provider.value;
    if (e.kind == "course") return static_cast<const Course&>(*e.record).provider.value;
    if (e.kind == "contact") return static_cast<const Contact&>(*e.record).organisation.value;
    return {};
}

}  // namespace

std::uint64_t record_digest(const RecordEntry& e, const std::string& language, const std::string& source_language) {
    Digest d(language, source_language);
    d(e.kind);
    d(e.record->id);
    if (e.kind == "provider") d(static_cast<const Provider&>(*e.record));
    else if (e.kind == "offer") d(static_cast<const Offer&>(*e.record));
    else if (e.kind == "course") d(static_cast<const Course&>(*e.record));
    else if (e.kind == "contact") d(static_cast<const Contact&>(*e.record));
    else if (e.kind == "pathway") d(static_cast<const Pathway&>(*e.record));
    return d.value();
}

Fingerprints::Fingerprints(const SitePlan& plan, const std::string& source_language, std::uint64_t shared,
                           const SitemapLimits& sitemap, unsigned threads)
    : plan_(plan), shared_(shared), sitemap_(sitemap) {
    const std::size_t n = plan.entries.size();
    auto index = [&](const RecordEntry* e) { return static_cast<std::size_t>(e - plan.entries.data()); };
    std::vector<std::size_t> provider(n, n);
    std::vector<std::vector<std::size_t>> runs(n);  // [provider's entry]: the entries it runs, in plan order
    for (std::size_t i = 0; i < n; ++i)
        if (const RecordEntry* p = plan.find("provider", provider_of(plan.entries[i]))) {
            provider[i] = index(p);
            runs[provider[i]].push_back(i);
        }
    shows_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const RecordEntry& e = plan.entries[i];
        const Record& r = *e.record;
        auto show = [&](const RecordEntry* other) {
            if (other) shows_[i].push_back(index(other));
        };
        if (e.kind == "offer") show(plan.find("contact", static_cast<const Offer&>(r).contact.value));
        if (e.kind == "pathway")
            for (const PathwayStep& s : static_cast<const Pathway&>(r).steps)
                for (const RecordRef& l : s.links) show(plan.find(l.kind, l.id));
        if (e.kind == "provider") shows_[i] = std::move(runs[i]);
    }
    // Every record as each language shows it: languages on several threads, each its own.
    const std::size_t languages = plan.languages.size();
    for (std::size_t l = 0; l < languages; ++l)
        if (plan.languages[l] == source_language) source_ = l;
    cards_.resize(languages);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        std::vector<std::uint64_t> digests(n);
        for (std::size_t l; (l = next.fetch_add(1)) < languages;) {
            for (std::size_t i = 0; i < n; ++i) digests[i] = record_digest(plan.entries[i], plan.languages[l], source_language);
            std::vector<std::uint64_t>& cards = cards_[l];
            cards.resize(n);
            for (std::size_t i = 0; i < n; ++i) cards[i] = provider[i] < n ? mix(digests[i], digests[provider[i]]) : digests[i];
        }
    };
    run_together(static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), languages)), [&](unsigned) { work(); });
}

std::uint64_t Fingerprints::card(std::uint64_t h, const RecordEntry* e, std::size_t language) const {
    return e ? mix(h, cards_[language][static_cast<std::size_t>(e - plan_.entries.data())]) : h;
}

std::uint64_t Fingerprints::page(const PlannedPage& p, std::size_t language) const {
    std::uint64_t h = mix(mix(shared_, plan_.languages[language]), p.route);
    auto card = [&](const RecordEntry* e) { h = this->card(h, e, language); };
    switch (p.kind) {
        case PageKind::home:
        case PageKind::free_page: break;
        case PageKind::life_phase:
        case PageKind::topic:
            for (const Group& g : p.groups)
                for (const RecordEntry* e : g.entries) card(e);
            for (const RecordEntry* e : p.contacts) card(e);
            break;
        case PageKind::courses:
        case PageKind::course_month:
            for (const RecordEntry* e : plan_.courses) card(e);
            break;
        case PageKind::counselling:
        case PageKind::az:
            for (const RecordEntry& e : plan_.entries)
                if (p.kind == PageKind::az || e.kind == "contact") card(&e);
            break;
        case PageKind::record:
            card(p.entry);
            for (std::size_t i : shows_[static_cast<std::size_t>(p.entry - plan_.entries.data())]) card(&plan_.entries[i]);
            break;
    }
    return h ? h : 1;
}

std::uint64_t Fingerprints::site_file(const std::string& path) const {
    // The course exports show every course in the source language, the sitemap (and its index and
    // parts, split by the pages there are) every page; the others only what every page shares.
    std::uint64_t h = mix(shared_, path);
    if (path == "courses.csv" || path == "courses.ics")
        for (const RecordEntry* e : plan_.courses) h = card(h, e, source_);
    if (path.starts_with("sitemap")) {
        h = mix(mix(h, sitemap_.urls), sitemap_.bytes);
        for (const PlannedPage& p : plan_.pages) h = mix(h, p.route);
    }
    return h ? h : 1;
}

}  // namespace lotse
