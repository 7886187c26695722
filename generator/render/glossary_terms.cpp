#include "render/glossary_terms.h"

#include "content/domain.h"
#include "site/routes.h"

namespace lotse {

GlossaryTerms::GlossaryTerms(const SitePlan& plan, const std::string& language, const std::string& source_language)
    : source_(source_language) {
    for (const RecordEntry* e : plan.of_kind(RecordKind::glossary)) {
        const GlossaryTerm& g = e->as<GlossaryTerm>();
        Entry t{e, {}, {}, 0};
        for (const Located* form : {&g.term, &g.plural}) {
            const std::string_view word = domain::without_article(form->value);
            if (word.empty()) continue;
            t.german.add(word);
            t.all.add(word);
            ++t.german_forms;
        }
        if (const std::string* name = g.name.find(language)) t.all.add(*name);
        if (!t.all.empty()) terms_.push_back(std::move(t));
        for (const RecordRef& ref : g.see)
            if (const RecordEntry* target = plan.find(ref.kind, ref.id)) seen_.insert(target);
    }
}

bool GlossaryTerms::official(const RecordEntry& e, const std::string& source_title) const {
    if (e.kind == RecordKind::glossary || seen_.count(&e)) return true;
    for (const Entry& t : terms_)
        if (t.german.find(source_title)) return true;
    return false;
}

markdown::TextLinker GlossaryTerms::linker(const std::string& route, const std::string& text_language,
                                           std::set<const RecordEntry*>& linked) const {
    if (terms_.empty()) return {};
    return [this, route, text_language, &linked](std::string_view text) -> std::optional<markdown::TextLink> {
        const Entry* first = nullptr;
        TermMatch at;
        for (const Entry& t : terms_) {
            if (linked.count(t.entry)) continue;
            const std::optional<TermMatch> m = t.all.find(text);
            if (m && (!first || m->offset < at.offset)) first = &t, at = *m;
        }
        if (!first) return std::nullopt;
        linked.insert(first->entry);
        markdown::TextLink link{at.offset, at.length, "<a class=\"term\" href=\"" + routes::link(route, first->entry->route) + "\"",
                                "</a>"};
        // The German word in a text of another language is marked as German, for its pronunciation.
        if (at.form < first->german_forms && text_language != "de") link.open += " lang=\"de\" dir=\"ltr\"";
        link.open += ">";
        return link;
    };
}

}  // namespace lotse
