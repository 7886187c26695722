// One builder per page kind: the data its template shows. Each reads the records the plan says
// the page shows (PlannedPage::groups and contacts), never finds them on its own, so what a page
// shows and what its rebuild fingerprint hashes are the same list.
#pragma once

#include <string>

#include "render/list_items.h"

namespace lotse {

struct PageBody {
    std::string name;   // the template: "home", "term", "offer" …
    std::string title;  // the page's <title> and heading
    Data data;
};

PageBody home_page(const PageContext& c);
PageBody term_page(const PageContext& c);         // life phases and topics
PageBody record_page(const PageContext& c);       // any record kind
PageBody courses_page(const PageContext& c);      // the overview and the month pages
PageBody counselling_page(const PageContext& c);
PageBody az_page(const PageContext& c);
PageBody search_page(const PageContext& c);
PageBody glossary_page(const PageContext& c);
PageBody free_page(const PageContext& c);

// What every page shares around its body: navigation, language switcher, alternates, footer.
Data frame(const PageContext& c, const std::string& title);

// A choice of a filter: {value, label}.
Data option(const std::string& value, const std::string& label);
// The summary of the folded filters: how many are active ({lang, dir, label} for none, as the page
// is served) and the message's plural forms, with which filter.js counts the reader's choices.
Data filters_summary(const LanguageView& v);

}  // namespace lotse
