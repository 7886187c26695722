// The search index of one page language (<lang>/search/index.json), read by
// templates/assets/search.js: every published record and free page with its title in the page
// language and a line to show under it; the folding rules of search/fold.h, by which the browser
// folds the query and the title and line it shows; the words of the source-language title besides
// those, so a German word from a letter finds the page in any language; and more words of the
// record's texts, folded here, the page language's first.
//
//   {"rules": {"map": {…}, "drop": "…"}, "kinds": ["Angebot", …],
//    "items": [[kind, route, title, line, source title's words, text's words], …]}
//
// kind: a number into "kinds" (the record kinds in kRecordKinds order, then free pages); route:
// relative to the language folder; words: space-separated, each once, none that the title or
// line already has.
#pragma once

#include <string>

#include "render/language_view.h"

namespace lotse::search {

// How many words of a record's texts besides its title and line the index keeps: what a visitor
// searches for is mostly in the title and first sentence, and the index must stay small on a phone.
inline constexpr std::size_t kBodyWords = 6;
// The most letters of the line shown under a result: one line of a phone.
inline constexpr std::size_t kLineLetters = 45;

std::string search_index(const LanguageView& v, const LanguageView& source);

// The plain text of Markdown `text`: its words without markup; `first_block` stops after the
// first paragraph or heading.
std::string markdown_text(std::string_view text, bool first_block = false);

}  // namespace lotse::search
