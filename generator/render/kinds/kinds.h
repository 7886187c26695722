// What each kind of record shows: its title, the facts on its card, the details of its A–Z
// entry, and its own page. One file per kind (render/kinds/<kind>.cpp) defines these for its
// type; LanguageView and the record page reach them through RecordEntry::visit.
#pragma once

#include <string>

#include "render/language_view.h"

namespace lotse {

struct PageContext;

// Per kind: the title as lists show it and as plain text (for sorting and the page's <title>);
// what its card shows besides title and link (`facts`: its short lines); the details of its A–Z
// entry; and what its own page shows.
Data title(const LanguageView& v, const Provider& r);
std::string title_text(const LanguageView& v, const Provider& r);
void card_facts(const LanguageView& v, const Provider& r, Data& card, Data& facts);
void index_details(const LanguageView& v, const Provider& r, Data& details);
void page_data(const PageContext& page, const Provider& r, Data& d);

Data title(const LanguageView& v, const Offer& r);
std::string title_text(const LanguageView& v, const Offer& r);
void card_facts(const LanguageView& v, const Offer& r, Data& card, Data& facts);
void index_details(const LanguageView& v, const Offer& r, Data& details);
void page_data(const PageContext& page, const Offer& r, Data& d);

Data title(const LanguageView& v, const Course& r);
std::string title_text(const LanguageView& v, const Course& r);
void card_facts(const LanguageView& v, const Course& r, Data& card, Data& facts);
void index_details(const LanguageView& v, const Course& r, Data& details);
void page_data(const PageContext& page, const Course& r, Data& d);

Data title(const LanguageView& v, const Contact& r);
std::string title_text(const LanguageView& v, const Contact& r);
void card_facts(const LanguageView& v, const Contact& r, Data& card, Data& facts);
void index_details(const LanguageView& v, const Contact& r, Data& details);
void page_data(const PageContext& page, const Contact& r, Data& d);

Data title(const LanguageView& v, const Pathway& r);
std::string title_text(const LanguageView& v, const Pathway& r);
void card_facts(const LanguageView& v, const Pathway& r, Data& card, Data& facts);
void index_details(const LanguageView& v, const Pathway& r, Data& details);
void page_data(const PageContext& page, const Pathway& r, Data& d);

// A glossary term has no page of its own (the glossary page shows it); its page_data is empty.
Data title(const LanguageView& v, const GlossaryTerm& r);
std::string title_text(const LanguageView& v, const GlossaryTerm& r);
void card_facts(const LanguageView& v, const GlossaryTerm& r, Data& card, Data& facts);
void index_details(const LanguageView& v, const GlossaryTerm& r, Data& details);
void page_data(const PageContext& page, const GlossaryTerm& r, Data& d);
// The German word with its article as the glossary and the A–Z show it: {text, lang, dir}.
Data german_term(const LanguageView& v, const GlossaryTerm& r);


// A course's title: its own, else made of its type and level ("Integration course A1–B1").
std::string course_title(const LanguageView& v, const Course& c);
// One course as a row of the overview: every fact a newcomer or a partner needs at a glance.
Data course_row(const LanguageView& v, const RecordEntry& e, const std::string& route);

}  // namespace lotse
