// The glossary as one page language uses it: the terms to link in a record's text, and which
// records bear an official name (their German title stays visible beside the translated one).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "i18n/term_search.h"
#include "markdown/markdown.h"
#include "site/plan.h"

namespace lotse {

class GlossaryTerms {
public:
    GlossaryTerms(const SitePlan& plan, const std::string& language, const std::string& source_language);

    // A record names an official term when it is a glossary term, a term's `see` lists it, or its
    // title in the source language contains a term (its German word or plural, as a whole word).
    bool official(const RecordEntry& e, const std::string& source_title) const;

    // Links the first mention of each term in texts of the page at `route`, written in
    // `text_language`: a term already in `linked` (from an earlier text of the same page) is not
    // linked again. The link is announced as a link with the word itself; the term's <dfn> is on
    // the glossary page, where it is defined.
    markdown::TextLinker linker(const std::string& route, const std::string& text_language,
                                std::set<const RecordEntry*>& linked) const;

private:
    struct Entry {
        const RecordEntry* entry;
        TermForms german;  // the term and its plural
        TermForms all;     // those, then the name in the page language
        std::size_t german_forms = 0;
    };
    std::vector<Entry> terms_;
    std::set<const RecordEntry*> seen_;  // listed in a term's `see`
    std::string source_;
};

}  // namespace lotse
