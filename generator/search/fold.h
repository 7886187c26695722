// How search matches words across spellings: the one set of rules that normalises the search index
// at build time and, shipped inside the index as data, the visitor's query in the browser
// (templates/assets/search.js), so the two cannot drift apart.
//
// Both sides first apply Unicode NFKC (ICU here, String.prototype.normalize in the browser; NFKC
// is stable across Unicode versions) and then replace each code point by its entry in one table.
// The table is made here with ICU: full case folding, then the rules of the site's scripts:
//   Arabic: alef forms (أ إ آ ٱ) as ا, ى and Persian ی as ي, Persian ک as ك, tashkeel and tatweel
//   dropped; Persian, Arabic-Indic and Latin digits as one; German ä ö ü as ae oe ue (ß folds to
//   ss); Russian ё as е; Turkish ı and İ as i; zero-width and direction marks dropped.
// Ukrainian й and ї stay letters of their own (nothing is decomposed and stripped of its marks).
// Every language has the same rules: an index holds German titles beside the page language's, and
// a visitor may type the letters of any script on their keyboard.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace lotse::search {

class FoldRules {
public:
    FoldRules();

    // `text` as search compares it: NFKC, then each code point by the table.
    std::string fold(std::string_view text) const;
    // The words of `text`, folded, each once, in order: runs of letters, marks and digits. A word
    // written with a zero-width non-joiner (Persian می‌خواهم) is there joined and as its parts,
    // so a query typed with a space instead finds it too.
    std::vector<std::string> words(std::string_view text) const;
    // The table as the browser reads it: {"map": {"Ä": "ae", …}, "drop": "…"}.
    nlohmann::json to_json() const;

private:
    std::unordered_map<char32_t, std::string> table_;  // code point -> its UTF-8 replacement ("" drops it)
};

// The rules, made once.
const FoldRules& fold_rules();

}  // namespace lotse::search
