// A record's own page: what every kind shows (description, terms, audience, when it was
// checked), then what its kind shows (render/kinds/).
#include "render/kinds/kinds.h"
#include "i18n/texts.h"
#include "render/pages/pages.h"

namespace lotse {

namespace {

Data common_record(const PageContext& c, const Record& r) {
    const LanguageView& v = c.v;
    Data d;
    d.set("id", r.id);
    d.set("description", v.markdown(r.description, c.p.route, 2, true));
    if (!r.life_phases.empty()) set_list(d, "life_phases", v.terms(r.life_phases, "life_phase", c.p.route));
    if (!r.topics.empty()) set_list(d, "topics", v.terms(r.topics, "topic", c.p.route));
    if (!r.audience.empty()) d.set("audience", v.words(r.audience, "audience."));
    if (r.checked) d.set("checked", v.msg("record.checked", {{"date", v.fmt().date(*r.checked)}}));
    return d;
}

// The present source texts of the record's outdated translations into the page's language.
template <typename R>
Data outdated_notice(const PageContext& c, const R& r) {
    std::vector<LanguageView::SourceText> texts;
    const std::string& lang = c.v.language();
    each_localised(r, [&](std::string_view, const LocalisedText& t, TextSyntax syntax) {
        if (t.is_outdated(lang)) texts.push_back({t.find(c.v.source_language()), syntax == TextSyntax::markdown});
    });
    return c.v.outdated_notice(texts, c.p.route);
}

}  // namespace

PageBody record_page(const PageContext& c) {
    const RecordEntry& e = *c.p.entry;
    Data d = common_record(c, *e.record);
    d.set("title", c.v.title(e));
    // People phone, visit and read letters in German: the German title stays visible.
    d.set("title_de", c.v.source_title(e));
    d.set("kind", c.v.msg("kind." + std::string(name(e.kind))));
    e.visit([&](const auto& r) {
        page_data(c, r, d);
        d.set("outdated", outdated_notice(c, r));
    });
    return {std::string(name(e.kind)), c.v.title_text(e), std::move(d)};
}

}  // namespace lotse
