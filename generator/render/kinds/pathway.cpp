// What a pathway shows: its summary and number of steps on its card; on its page each step with
// the cards of the records it links to.
#include "render/kinds/kinds.h"
#include "render/list_items.h"

namespace lotse {

Data title(const LanguageView& v, const Pathway& r) { return v.text(r.title); }
std::string title_text(const LanguageView& v, const Pathway& r) { return v.plain(r.title); }

void card_facts(const LanguageView& v, const Pathway& p, Data& card, Data& facts) {
    if (!p.summary.empty()) card.set("summary", v.text(p.summary));
    append(facts, LanguageView::fact(v.msg("pathway.steps", {{"count", static_cast<long long>(p.steps.size())}})));
}

void index_details(const LanguageView&, const Pathway&, Data&) {}

void page_data(const PageContext& page, const Pathway& r, Data& d) {
    const LanguageView& v = page.v;
    if (!r.summary.empty()) d.set("summary", v.text(r.summary));
    Data steps = list();
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const PathwayStep& s = r.steps[i];
        Data step;
        step.set("title", v.text(s.title));
        step.set("text", v.markdown(s.text, page.p.route, 3, true));  // under the step's <h2>
        Data cards = list();
        // The plan has a group per step: the records it links to that are published, in its order.
        for (const RecordEntry* target : page.p.groups[i].entries) append(cards, page.items.card(v, *target, page.p.route));
        set_list(step, "cards", std::move(cards));
        append(steps, std::move(step));
    }
    set_list(d, "steps", std::move(steps));
}

}  // namespace lotse
