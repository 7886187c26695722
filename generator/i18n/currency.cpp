#include "i18n/currency.h"

#include <map>

namespace lotse {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves a byte index back to the start of the UTF-8 character it is in.
std::size_t char_start(std::string_view s, std::size_t i) {
    while (i > 0 && i < s.size() && continuation(s[i])) --i;
    return i;
}

std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// `s` from byte `from` to `to`, with "…" where it was cut.
std::string excerpt(std::string_view s, std::size_t from, std::size_t to) {
    std::string out = from > 0 ? "…" : "";
    out += s.substr(from, to - from);
    if (to < s.size()) out += "…";
    return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// How many unrecorded translations the note names; it counts the others.
constexpr std::size_t kUnrecordedListed = 3;

}  // namespace

std::string_view state_name(TextState s) {
    switch (s) {
        case TextState::current: return "current";
        case TextState::unrecorded: return "unrecorded";
        case TextState::outdated: return "outdated";
        case TextState::missing: break;
    }
    return "missing";
}

std::vector<TextStatus> text_states(const std::vector<TextUnit>& units, const TranslationRecord& record,
                                    const std::vector<std::string>& languages, const std::string& source_language) {
    std::vector<TextStatus> out;
    for (const TextUnit& u : units) {
        if (!u.published) continue;
        for (const std::string& language : languages) {
            if (language == source_language) continue;
            auto t = u.translations.find(language);
            if (t == u.translations.end()) {
                out.push_back({&u, language, TextState::missing});
                continue;
            }
            if (!t->second.tracked) {
                out.push_back({&u, language, TextState::current});
                continue;
            }
            const std::string* was = record.source_of(u.id, language);
            if (!was) out.push_back({&u, language, TextState::unrecorded});
            else if (*was == u.source) out.push_back({&u, language, TextState::current});
            else out.push_back({&u, language, TextState::outdated, was});
        }
    }
    return out;
}

CurrencyFindings currency_findings(const std::vector<TextStatus>& states, const std::string& source_language) {
    CurrencyFindings found;
    for (const TextStatus& s : states) {
        if (s.state == TextState::unrecorded && ++found.unrecorded <= kUnrecordedListed)
            found.first_unrecorded.push_back(s.unit->id + " (" + s.language + ")");
        if (s.state != TextState::outdated) continue;
        const auto [before, after] = changed_parts(*s.was, s.unit->source);
        found.outdated.warning(s.unit->translations.at(s.language).pos,
                               "the " + s.language + " translation of " + s.unit->what + " is out of date: the " +
                                   source_language + " text changed from " + quoted(before) + " to " + quoted(after) +
                                   " since it was translated. Translate it again (lotse i18n export --lang " + s.language +
                                   "), or if its meaning did not change: lotse i18n confirm --lang " + s.language + " " +
                                   s.unit->id);
    }
    return found;
}

void report_currency(const std::vector<const CurrencyFindings*>& parts, const TranslationRecord& record,
                     Diagnostics& diags) {
    std::size_t count = 0;
    std::string listed;
    for (const CurrencyFindings* part : parts) {
        diags.append(part->outdated);
        for (const std::string& ref : part->first_unrecorded)
            if (count++ < kUnrecordedListed) listed += (listed.empty() ? "" : ", ") + ref;
        count += part->unrecorded - part->first_unrecorded.size();
    }
    if (count == 0) return;
    const std::string n = std::to_string(count);
    const std::string what = count == 1 ? "translation has" : "translations have";
    if (!record.exists())
        diags.note({record.path(), 0, 0},
                      "translations are not tracked yet: " + n + " " + what +
                          " no record of the source text they were made from, so Lotse cannot tell when one goes out of "
                          "date. Once they are right, record them with lotse i18n confirm --lang L, for each language L "
                          "(README, \"Translating\")");
    else
        diags.note({record.path(), 0, 0},
                      n + " " + what + " no record of the source text they were made from (" + listed +
                          (count > kUnrecordedListed ? ", …" : "") +
                          "), so Lotse cannot tell when they go out of date; once they are right, record them with "
                          "lotse i18n confirm --lang L REF");
}

void report_currency(const std::vector<TextStatus>& states, const TranslationRecord& record,
                     const std::string& source_language, Diagnostics& diags) {
    const CurrencyFindings found = currency_findings(states, source_language);
    report_currency({&found}, record, diags);
}

std::vector<std::string> site_languages(const Content& content) {
    std::vector<std::string> out;
    for (const Located& l : content.site.languages) out.push_back(l.value);
    return out;
}

void check_currency(const Content& content, Date today, const std::vector<CatalogText>& catalog,
                    const TranslationRecord& record, Diagnostics& diags) {
    const std::vector<TextUnit> units = text_units(content, today, catalog);
    const std::string& src = content.site.source_language;
    report_currency(text_states(units, record, site_languages(content), src), record, src, diags);
}

std::pair<std::string, std::string> changed_parts(std::string_view before, std::string_view after, std::size_t width) {
    const std::string a = one_line(before), b = one_line(after);
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    // Context before the change, then the changed part and what follows, up to `width` bytes each
    // side; cuts fall on character starts.
    const std::size_t context = width / 3;
    const std::size_t from = char_start(a, prefix > context ? prefix - context : 0);
    auto cut = [&](const std::string& s) {
        std::size_t to = std::min(s.size(), std::max(s.size() - suffix, from) + context);
        if (to - from > width) to = from + width;
        return excerpt(s, from, char_start(s, to) == from ? to : char_start(s, to));
    };
    return {cut(a), cut(b)};
}

namespace {

void mark(const std::string& id, LocalisedText& t, const TranslationRecord& record, const std::string& src) {
    t.outdated.clear();
    const std::string* source = t.find(src);
    if (!source) return;
    for (const auto& [language, text] : t.by_language) {
        const std::string* was = language == src ? nullptr : record.source_of(id, language);
        if (was && *was != *source) t.outdated.push_back(language);
    }
}

}  // namespace

template <typename R>
void mark_outdated(R& r, const TranslationRecord& record, const std::string& source_language) {
    const std::string prefix = std::string(name(KindOf<R>::value)) + "/" + r.id + "/";
    each_localised(r, [&](std::string_view field, LocalisedText& t, TextSyntax) {
        mark(prefix + std::string(field), t, record, source_language);
    });
}
template void mark_outdated(Provider&, const TranslationRecord&, const std::string&);
template void mark_outdated(Offer&, const TranslationRecord&, const std::string&);
template void mark_outdated(Course&, const TranslationRecord&, const std::string&);
template void mark_outdated(Contact&, const TranslationRecord&, const std::string&);
template void mark_outdated(Pathway&, const TranslationRecord&, const std::string&);
template void mark_outdated(GlossaryTerm&, const TranslationRecord&, const std::string&);

void mark_outdated_pages(Content& content, const TranslationRecord& record) {
    const std::string& src = content.site.source_language;
    mark("site/title", content.site.title, record, src);
    mark("site/tagline", content.site.tagline, record, src);
    std::map<std::string, const Page*> sources;
    for (const Page& p : content.pages)
        if (p.language == src) sources.emplace(p.slug, &p);
    for (Page& p : content.pages) {
        auto s = sources.find(p.slug);
        if (p.language == src || s == sources.end()) continue;
        const std::string id = "page/" + p.slug;
        const std::string* title = record.source_of(id + "/title", p.language);
        const std::string* body = record.source_of(id + "/body", p.language);
        p.outdated = (title && *title != s->second->title) || (body && *body != s->second->body);
    }
}

void mark_outdated(Content& content, const TranslationRecord& record) {
    mark_outdated_pages(content, record);
    for_each_kind(content, [&](auto& records) {
        for (auto& r : records) mark_outdated(r, record, content.site.source_language);
    });
}

}  // namespace lotse
