// What a glossary term shows: its name in the page language where it has one, else the German
// word; the German word with its article beside it in lists.
#include "content/domain.h"
#include "render/kinds/kinds.h"
#include "render/list_items.h"

namespace lotse {

namespace {

// The German word: German whatever the page language, and a name, never counted as untranslated.
Data german(const LanguageView& v, std::string text) {
    Data d = v.language_marks("de");
    d.set("text", moved(std::move(text)));
    d.set("fallback", false);
    return d;
}

}  // namespace

Data title(const LanguageView& v, const GlossaryTerm& r) {
    if (r.name.find(v.language())) return v.text(r.name);
    return german(v, std::string(domain::without_article(r.term.value)));
}

std::string title_text(const LanguageView& v, const GlossaryTerm& r) {
    if (const std::string* name = r.name.find(v.language())) return *name;
    return std::string(domain::without_article(r.term.value));
}

Data german_term(const LanguageView& v, const GlossaryTerm& r) { return german(v, r.term.value); }

void card_facts(const LanguageView& v, const GlossaryTerm& r, Data&, Data& facts) { append(facts, german_term(v, r)); }

void index_details(const LanguageView& v, const GlossaryTerm& r, Data& details) { append(details, german_term(v, r)); }

void page_data(const PageContext&, const GlossaryTerm&, Data&) {}

}  // namespace lotse
