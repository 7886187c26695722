// What the open data says about itself: the licence it is under, and the DCAT-AP.de description of
// the data set (open-data/dcat.jsonld) that an open-data portal harvests: title, description,
// publisher, licence, the build date as its modification date, and every file a partner can fetch.
#pragma once

#include <string>
#include <string_view>

#include "render/renderer.h"

namespace lotse {

class LanguageView;

struct OpenDataLicence {
    std::string_view id;     // as site.yaml names it (domain::kLicences)
    std::string_view title;  // its own name
    std::string_view url;    // its text
    std::string_view dcat;   // DCAT-AP.de's URI for it
};
// The licence `id` names; the default licence for an id Lotse does not know (the loader reports it).
const OpenDataLicence& open_data_licence(std::string_view id);

// JSON-LD, the site's title and tagline in every site language, the files' addresses absolute where
// the site's address is known and relative to the description otherwise.
std::string dcat_description(const RenderInputs& in, const LanguageView& source);

}  // namespace lotse
