// Finding a glossary term in a text as readers see it: case does not matter (ICU case folding),
// and only whole words count ("Jobcenter" in "im Jobcenter-Büro", not in "Jobcenterin").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace lotse {

struct TermMatch {
    std::size_t offset = 0, length = 0;  // bytes of the text searched
    std::size_t form = 0;                // which of the forms, in the order they were added
};

class TermForms {
public:
    // A way the term is written (UTF-8): the German word, its plural, a translated name.
    void add(std::string_view form);
    bool empty() const { return forms_.empty(); }
    // The first place in `text` (UTF-8) where one of the forms stands as a whole word; of forms
    // found at the same place, the longest.
    std::optional<TermMatch> find(std::string_view text) const;

private:
    std::vector<std::vector<char32_t>> forms_;  // case-folded code points
};

}  // namespace lotse
