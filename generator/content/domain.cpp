#include "content/domain.h"

#include <algorithm>

namespace lotse::domain {

std::vector<std::string_view> course_life_phases(std::string_view type) {
    if (type == "integration-youth") return {"school-to-work"};
    if (type == "integration-parents") return {"early-childhood", "school"};
    return {"work-and-career"};
}

std::vector<std::string_view> levels_between(std::string_view from, std::string_view to) {
    std::vector<std::string_view> out;
    bool inside = false;
    for (std::string_view level : kCefrLevels) {
        inside = inside || level == from;
        if (inside) out.push_back(level);
        if (level == to) break;
    }
    return out;
}

std::string_view without_article(std::string_view term) {
    for (std::string_view article : {"der ", "die ", "das "})
        if (term.starts_with(article) && term.size() > article.size()) return term.substr(article.size());
    return term;
}

}  // namespace lotse::domain
