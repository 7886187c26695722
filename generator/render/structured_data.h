// A record page's structured data: the record as schema.org says it, in JSON-LD, for search
// engines and partners' apps (a course as Course, an offer as EducationEvent or Service, a
// counselling contact as Service, a provider as EducationalOrganization, a pathway as HowTo).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace lotse {

struct PageContext;

// The JSON-LD of the record page `c` as the text of a <script type="application/ld+json">.
std::string structured_data(const PageContext& c);

// `j` as text that cannot end the <script> element it stands in: every "<" (which JSON has only
// inside strings) is written \u003c, so no value can close the element or open a comment.
std::string script_json(const nlohmann::ordered_json& j);

}  // namespace lotse
