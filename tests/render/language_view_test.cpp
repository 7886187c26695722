// The view of one page language: what the filter script is given to say how many results it shows.
#include "render/language_view.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unicode/plurrule.h>

#include "build.h"
#include "site/plan.h"
#include "site/small_site.h"

namespace lotse {
namespace {

// What templates/assets/filter.js does with plural_json: the "0" form for no result, else the form
// of the count's plural category in the language the status is written in (the closest lang
// around it), with the count written where "#" is.
std::string as_the_script_says(const nlohmann::json& forms, const std::string& language, const LocaleFormat& fmt,
                               long long count) {
    std::string form = "0";
    if (count != 0) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(language.c_str()), status));
        form.clear();
        rules->select(static_cast<int32_t>(count)).toUTF8String(form);
    }
    std::string text = forms.contains(form) ? forms[form].get<std::string>() : forms.value("other", "");
    if (const auto at = text.find('#'); at != std::string::npos) text.replace(at, 1, fmt.number(count));
    return text;
}

TEST(LanguageView, TheFilterStatusSaysHowManyResultsInEveryLanguage) {
    // Every built-in catalog's language, and one without a catalog (ti: the interface, and so the
    // status and its plural rules, are German). In fa and ti, 0 is a sample of the form "one".
    const std::vector<std::string> languages = {"de", "en", "ar", "fa", "uk", "ru", "tr", "ti"};
    Content content = test::site();
    content.site.languages.clear();
    for (const std::string& l : languages) content.site.languages.push_back({l, {}});
    const SitePlan plan = plan_site(content, test::day("2026-11-15"));
    Diagnostics diags;
    const Catalogs catalogs = Catalogs::load({data_dir() / "i18n"}, languages, "de", diags, {});
    const Templates templates = Templates::load({data_dir() / "templates"}, diags);
    const RenderInputs in{content, plan, catalogs, templates, test::day("2026-11-15"), 1, 1, {}, {}, {}};
    for (const std::string& language : languages) {
        const LanguageView v(in, language);
        for (const char* key : {"courses.shown", "counselling.shown"}) {
            const nlohmann::json forms = nlohmann::json::parse(v.plural_json(key));
            for (const long long count : {0LL, 1LL, 2LL, 5LL, 11LL})
                EXPECT_EQ(as_the_script_says(forms, v.msg_language(key), v.fmt(), count), v.msg(key, {{"count", count}}))
                    << language << " " << key << " " << count;
        }
    }
}

}  // namespace
}  // namespace lotse
