#include "render/open_data.h"

#include <unicode/locid.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "render/language_view.h"
#include "site/routes.h"

namespace lotse {

namespace {

using Json = nlohmann::ordered_json;

constexpr OpenDataLicence kLicences[] = {
    {"dl-de/by-2-0", "Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0",
     "http://dcat-ap.de/def/licenses/dl-by-de/2.0"},
    {"dl-de/zero-2-0", "Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0",
     "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"},
    {"CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/",
     "http://dcat-ap.de/def/licenses/cc-by/4.0"},
    {"CC0-1.0", "Creative Commons CC0 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/",
     "http://dcat-ap.de/def/licenses/cc-zero"},
};

// A file of the site as a DCAT distribution.
struct Distribution {
    std::string path;
    std::string_view media_type, file_type;  // IANA's, and the EU vocabulary's
    std::string language;                    // empty: the source language's texts
};

// The EU's URI for a language (its ISO 639-3 code, as ICU knows it).
std::string language_uri(const std::string& tag) {
    std::string code = icu::Locale(tag.c_str()).getISO3Language();
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return "http://publications.europa.eu/resource/authority/language/" + code;
}

Json texts(const LocalisedText& text) {
    Json out = Json::array();
    for (const auto& [lang, value] : text.by_language) out.push_back({{"@value", value}, {"@language", lang}});
    return out;
}

Json distribution(const RenderInputs& in, const Distribution& d, const OpenDataLicence& licence) {
    const std::string& base = in.content.site.base_url;
    // Relative to open-data/dcat.jsonld, where JSON-LD resolves a relative address.
    const std::string url = base.empty() ? (d.path.starts_with(routes::kOpenData) ? d.path.substr(routes::kOpenData.size()) : "../" + d.path)
                                         : base + d.path;
    Json out = {{"@type", "dcat:Distribution"},
                {"dct:title", d.path},
                {"dcat:accessURL", {{"@id", url}}},
                {"dcat:downloadURL", {{"@id", url}}},
                {"dcat:mediaType", {{"@id", "https://www.iana.org/assignments/media-types/" + std::string(d.media_type)}}},
                {"dct:format", {{"@id", "http://publications.europa.eu/resource/authority/file-type/" + std::string(d.file_type)}}},
                {"dct:license", {{"@id", licence.dcat}}}};
    out["dct:language"] = {{"@id", language_uri(d.language.empty() ? in.content.site.source_language : d.language)}};
    if (d.path.ends_with("datapackage.json")) out["dct:conformsTo"] = {{"@id", "http://docs.openreferral.org"}};
    return out;
}

}  // namespace

const OpenDataLicence& open_data_licence(std::string_view id) {
    for (const OpenDataLicence& l : kLicences)
        if (l.id == id) return l;
    return kLicences[0];
}

std::string dcat_description(const RenderInputs& in, const LanguageView& source) {
    const SiteConfig& site = in.content.site;
    const OpenDataLicence& licence = open_data_licence(site.licence);
    std::vector<Distribution> files = {
        {std::string(routes::kCoursesCsv), "text/csv", "CSV", {}},
        {std::string(routes::kCoursesXlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", {}},
        {std::string(routes::kCoursesIcs), "text/calendar", "ICAL", {}}};
    for (const std::string& lang : in.plan.languages)
        files.push_back({routes::hsds_folder(lang) + "datapackage.json", "application/json", "JSON", lang});
    Json distributions = Json::array(), languages = Json::array();
    for (const Distribution& d : files) distributions.push_back(distribution(in, d, licence));
    for (const std::string& lang : in.plan.languages) languages.push_back({{"@id", language_uri(lang)}});
    const std::string publisher = site.publisher.empty() ? source.plain(site.title) : site.publisher;
    Json publisher_agent = {{"@type", "foaf:Agent"}, {"foaf:name", publisher}};
    Json dataset = {{"@context",
                     {{"dcat", "http://www.w3.org/ns/dcat#"},
                      {"dct", "http://purl.org/dc/terms/"},
                      {"foaf", "http://xmlns.com/foaf/0.1/"},
                      {"vcard", "http://www.w3.org/2006/vcard/ns#"},
                      {"xsd", "http://www.w3.org/2001/XMLSchema#"}}},
                    {"@id", site.base_url.empty() ? "#dataset" : site.base_url + std::string(routes::kDcat) + "#dataset"},
                    {"@type", "dcat:Dataset"},
                    {"dct:title", texts(site.title)},
                    {"dct:publisher", std::move(publisher_agent)},
                    {"dct:license", {{"@id", licence.dcat}}},
                    {"dct:modified", {{"@value", to_iso(in.today)}, {"@type", "xsd:date"}}},
                    {"dct:language", std::move(languages)}};
    if (!site.tagline.empty()) dataset["dct:description"] = texts(site.tagline);
    if (!site.base_url.empty()) dataset["dcat:landingPage"] = {{"@id", site.base_url}};
    if (!site.email.empty())
        dataset["dcat:contactPoint"] = {{"@type", "vcard:Organization"}, {"vcard:fn", publisher},
                                        {"vcard:hasEmail", {{"@id", "mailto:" + site.email}}}};
    dataset["dcat:distribution"] = std::move(distributions);
    return dataset.dump(2) + "\n";
}

}  // namespace lotse
