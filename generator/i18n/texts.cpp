#include "i18n/texts.h"

#include <set>

#include "site/plan.h"

namespace lotse {

namespace {

bool is_published(const Record&, Date) { return true; }
template <typename R>
    requires requires(const R& r, Date d) { published(r, d); }
bool is_published(const R& r, Date today) {
    return published(r, today);
}

// A unit for a localised field, if it has a source-language text to translate from.
void add_field(std::vector<TextUnit>& out, std::string id, std::string what, const LocalisedText& t, TextSyntax syntax,
               const std::string& src, bool published) {
    const std::string* source = t.find(src);
    if (!source) return;
    TextUnit u{std::move(id), std::move(what), syntax, *source, {}, {}, published};
    auto pos = t.positions.find(src);
    u.source_pos = pos == t.positions.end() ? t.pos : pos->second;
    for (const auto& [language, text] : t.by_language) {
        if (language == src) continue;
        auto at = t.positions.find(language);
        u.translations.emplace(language, TextUnit::Translation{text, at == t.positions.end() ? t.pos : at->second});
    }
    out.push_back(std::move(u));
}

void add_pages(std::vector<TextUnit>& out, const Content& content) {
    const std::string& src = content.site.source_language;
    for (const Page& source : content.pages) {
        if (source.language != src) continue;
        const std::string id = "page/" + source.slug;
        TextUnit title{id + "/title", "free page " + source.slug + ", title", TextSyntax::plain, source.title,
                       source.title_pos, {}, true};
        TextUnit body{id + "/body", "free page " + source.slug + ", text", TextSyntax::markdown, source.body,
                      {source.path, source.body_line, 1}, {}, true};
        for (const Page& p : content.pages) {
            if (p.slug != source.slug || p.language == src) continue;
            title.translations.emplace(p.language, TextUnit::Translation{p.title, p.title_pos});
            body.translations.emplace(p.language, TextUnit::Translation{p.body, {p.path, p.body_line, 1}});
        }
        out.push_back(std::move(title));
        out.push_back(std::move(body));
    }
}

void add_catalog(std::vector<TextUnit>& out, const std::vector<CatalogText>& catalog, const std::string& src) {
    std::map<std::string, TextUnit> by_key;
    for (const CatalogText& m : catalog)
        if (m.language == src)
            by_key.emplace(m.key, TextUnit{"catalog/" + m.key, "interface text " + m.key, TextSyntax::icu, m.text, m.pos,
                                           {}, true});
    for (const CatalogText& m : catalog) {
        if (m.language == src) continue;
        auto it = by_key.find(m.key);
        if (it != by_key.end()) it->second.translations.emplace(m.language, TextUnit::Translation{m.text, m.pos, m.own});
    }
    for (auto& [key, unit] : by_key) out.push_back(std::move(unit));
}

}  // namespace

std::vector<TextUnit> site_text_units(const Content& content) {
    std::vector<TextUnit> out;
    const std::string& src = content.site.source_language;
    add_field(out, "site/title", "site, title", content.site.title, TextSyntax::plain, src, true);
    add_field(out, "site/tagline", "site, tagline", content.site.tagline, TextSyntax::plain, src, true);
    return out;
}

template <typename R>
void add_record_units(std::vector<TextUnit>& out, const R& r, Date today, const std::string& src) {
    const std::string_view kind = name(KindOf<R>::value);
    const bool shown = is_published(r, today);
    each_localised(r, [&](std::string_view field, const LocalisedText& t, TextSyntax syntax) {
        std::string id(kind);
        id += '/';
        id += r.id;
        id += '/';
        id += field;
        std::string what(kind);
        what += ' ';
        what += r.id;
        what += ", ";
        what += field;
        add_field(out, std::move(id), std::move(what), t, syntax, src, shown);
    });
}

template <typename R>
std::vector<TextUnit> record_text_units(const R& r, Date today, const std::string& source_language) {
    std::vector<TextUnit> out;
    add_record_units(out, r, today, source_language);
    return out;
}
template std::vector<TextUnit> record_text_units(const Provider&, Date, const std::string&);
template std::vector<TextUnit> record_text_units(const Offer&, Date, const std::string&);
template std::vector<TextUnit> record_text_units(const Course&, Date, const std::string&);
template std::vector<TextUnit> record_text_units(const Contact&, Date, const std::string&);
template std::vector<TextUnit> record_text_units(const Pathway&, Date, const std::string&);
template std::vector<TextUnit> record_text_units(const GlossaryTerm&, Date, const std::string&);

std::vector<TextUnit> page_text_units(const Content& content, const std::vector<CatalogText>& catalog) {
    std::vector<TextUnit> out;
    add_pages(out, content);
    add_catalog(out, catalog, content.site.source_language);
    return out;
}

std::vector<TextUnit> text_units(const Content& content, Date today, const std::vector<CatalogText>& catalog) {
    const std::string& src = content.site.source_language;
    if (src.empty()) return {};
    std::vector<TextUnit> out = site_text_units(content);
    for_each_kind(content, [&](const auto& records) {
        for (const auto& r : records) add_record_units(out, r, today, src);
    });
    for (TextUnit& u : page_text_units(content, catalog)) out.push_back(std::move(u));
    return out;
}

bool names(std::string_view ref, std::string_view id) {
    while (!ref.empty() && ref.back() == '/') ref.remove_suffix(1);
    if (ref.empty() || !id.starts_with(ref)) return false;
    return id.size() == ref.size() || id[ref.size()] == '/';
}

}  // namespace lotse
