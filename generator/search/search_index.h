// The search files of one page language (<lang>/search/), read by templates/assets/search.js a
// piece at a time, so a visitor downloads what a query needs and not the whole site's words:
//
//   index.json      the entry: the folding rules of search/fold.h (the browser folds the query by
//                   them), the kinds, how many items there are and how many a chunk holds, and the
//                   first word of each word shard and each infix shard
//                   {"v": "…", "rules": {…}, "kinds": ["Angebot", …], "items": n, "chunk": c,
//                    "words": ["", "b", "be", …], "infix": ["", "d", …]}
//   words-N.json    folded words, sorted, each with the items it is a word of
//                   {"v": "…", "words": {"fuehrerschein": [entry, …], …}}
//   infix-N.json    the same for the ends of words (from the second letter, at least three letters
//                   long), so "schein" finds "Führerschein" as a part of it
//   items-N.json    the items N·c to N·c+c−1 as a result shows them: [[kind, route, title, line], …]
//
// An item is a published record or free page. Each word list holds, in increasing order and each
// as the difference to the one before, item·4 + where: 0 the item's title (or its source-language
// title), 1 a part of a title word, 2 its line or text, 3 a part of a word there; an item is listed
// once per word, where the word counts most. Shards are cut between words in the order JavaScript
// compares strings, so a prefix's words are in consecutive shards that the entry's first words name.
// "v" is the same in every file of a build, so a script never mixes files of two builds.
#pragma once

#include <string>
#include <vector>

#include "render/language_view.h"

namespace lotse::search {

// How many words of a record's texts besides its title and line the index keeps: what a visitor
// searches for is mostly in the title and first sentence; every word more adds to the shards.
inline constexpr std::size_t kBodyWords = 6;
// The most letters of the line shown under a result: one line of a phone.
inline constexpr std::size_t kLineLetters = 45;
// About how many bytes a word or infix shard holds before the next one starts: small enough for a
// phone to load for each word of a query, large enough that a query needs few files.
inline constexpr std::size_t kShardBytes = 16 * 1024;
// How many items a chunk holds: a page of results touches a few chunks, each small.
inline constexpr std::size_t kChunkItems = 8;

// The folder of a language's search files, and a file after the entry: search/<part>-<n>.json
// (part: words, infix, items). The entry is routes::kSearchIndex.
inline constexpr std::string_view kSearchFolder = "search/";
std::string search_file(std::string_view part, std::size_t n);

struct SearchFile {
    std::string path;  // relative to the language folder: search/index.json, search/words-0.json, …
    std::string bytes;
};

// Every search file of `v`'s language; the entry (routes::kSearchIndex) first.
std::vector<SearchFile> search_files(const LanguageView& v, const LanguageView& source);

// The plain text of Markdown `text`: its words without markup; `first_block` stops after the
// first paragraph or heading.
std::string markdown_text(std::string_view text, bool first_block = false);

}  // namespace lotse::search
