// The tables of the Open Referral HSDS 3.0 Tabular Data Package that Lotse fills, with every field
// of each in the order of the specification's datapackage.json (openreferral/specification,
// schema/), so a partner's HSDS tools read the CSVs as they read any other HSDS package.
#pragma once

#include <span>
#include <string_view>

namespace lotse::hsds {

struct Field {
    std::string_view name, type, format;  // Table Schema type and format ("" for none)
    bool required = false;
};

struct ForeignKey {
    std::string_view field, resource;  // the field refers to `resource`'s id
};

struct Table {
    std::string_view name, path;
    std::span<const Field> fields;
    std::span<const ForeignKey> keys;
};

inline constexpr Field kOrganizationFields[] = {
    {"id", "string", "uuid", true},
    {"name", "string", "", true},
    {"alternate_name", "string", ""},
    {"description", "string", "", true},
    {"email", "string", "email"},
    {"website", "string", "uri"},
    {"tax_status", "string", ""},
    {"tax_id", "string", ""},
    {"year_incorporated", "number", ""},
    {"legal_status", "string", ""},
    {"logo", "string", ""},
    {"uri", "string", "uri"},
    {"parent_organization_id", "string", "uuid"},
};
inline constexpr Field kServiceFields[] = {
    {"id", "string", "uuid", true},
    {"organization_id", "string", "uuid", true},
    {"program_id", "string", "uuid"},
    {"name", "string", "", true},
    {"alternate_name", "string", ""},
    {"description", "string", ""},
    {"url", "string", "uri"},
    {"email", "string", "email"},
    {"status", "string", "", true},
    {"interpretation_services", "string", ""},
    {"application_process", "string", ""},
    {"fees_description", "string", ""},
    {"wait_time", "string", ""},
    {"fees", "string", ""},
    {"accreditations", "string", ""},
    {"eligibility_description", "string", ""},
    {"minimum_age", "number", ""},
    {"maximum_age", "number", ""},
    {"assured_date", "date", ""},
    {"assurer_email", "string", "email"},
    {"licenses", "string", ""},
    {"alert", "string", ""},
    {"last_modified", "datetime", ""},
};
inline constexpr ForeignKey kServiceKeys[] = {{"organization_id", "organization"}};
inline constexpr Field kLocationFields[] = {
    {"id", "string", "uuid", true},
    {"location_type", "string", "", true},
    {"url", "string", "uri"},
    {"organization_id", "string", "uuid"},
    {"name", "string", ""},
    {"alternate_name", "string", ""},
    {"description", "string", ""},
    {"transportation", "string", ""},
    {"latitude", "number", ""},
    {"longitude", "number", ""},
    {"external_identifier", "string", ""},
    {"external_identifier_type", "string", ""},
};
inline constexpr ForeignKey kLocationKeys[] = {{"organization_id", "organization"}};
inline constexpr Field kServiceAtLocationFields[] = {
    {"id", "string", "uuid", true},
    {"service_id", "string", "uuid", true},
    {"location_id", "string", "uuid", true},
    {"description", "string", ""},
};
inline constexpr ForeignKey kServiceAtLocationKeys[] = {{"service_id", "service"}, {"location_id", "location"}};
inline constexpr Field kAddressFields[] = {
    {"id", "string", "uuid", true},
    {"location_id", "string", "uuid"},
    {"attention", "string", ""},
    {"address_1", "string", "", true},
    {"address_2", "string", ""},
    {"city", "string", "", true},
    {"region", "string", ""},
    {"state_province", "string", "", true},
    {"postal_code", "string", "", true},
    {"country", "string", "", true},
    {"address_type", "string", "", true},
};
inline constexpr ForeignKey kAddressKeys[] = {{"location_id", "location"}};
inline constexpr Field kPhoneFields[] = {
    {"id", "string", "uuid", true},
    {"location_id", "string", "uuid"},
    {"service_id", "string", "uuid"},
    {"organization_id", "string", "uuid"},
    {"contact_id", "string", "uuid"},
    {"service_at_location_id", "string", "uuid"},
    {"number", "string", "", true},
    {"extension", "number", ""},
    {"type", "string", ""},
    {"description", "string", ""},
};
inline constexpr ForeignKey kPhoneKeys[] = {{"contact_id", "contact"}, {"location_id", "location"}, {"organization_id", "organization"}, {"service_id", "service"}, {"service_at_location_id", "service_at_location"}};
inline constexpr Field kScheduleFields[] = {
    {"id", "string", "uuid", true},
    {"service_id", "string", "uuid"},
    {"location_id", "string", "uuid"},
    {"service_at_location_id", "string", "uuid"},
    {"valid_from", "date", ""},
    {"valid_to", "date", ""},
    {"dtstart", "date", ""},
    {"timezone", "number", ""},
    {"until", "date", ""},
    {"count", "number", ""},
    {"wkst", "string", ""},
    {"freq", "string", ""},
    {"interval", "number", ""},
    {"byday", "string", ""},
    {"byweekno", "string", ""},
    {"bymonthday", "string", ""},
    {"byyearday", "string", ""},
    {"description", "string", ""},
    {"opens_at", "time", ""},
    {"closes_at", "time", ""},
    {"schedule_link", "string", "uri"},
    {"attending_type", "string", ""},
    {"notes", "string", ""},
};
inline constexpr ForeignKey kScheduleKeys[] = {{"location_id", "location"}, {"service_id", "service"}, {"service_at_location_id", "service_at_location"}};
inline constexpr Field kContactFields[] = {
    {"id", "string", "uuid", true},
    {"organization_id", "string", "uuid"},
    {"service_id", "string", "uuid"},
    {"service_at_location_id", "string", "uuid"},
    {"location_id", "string", "uuid"},
    {"name", "string", ""},
    {"title", "string", ""},
    {"department", "string", ""},
    {"email", "string", "email"},
};
inline constexpr ForeignKey kContactKeys[] = {{"location_id", "location"}, {"organization_id", "organization"}, {"service_id", "service"}, {"service_at_location_id", "service_at_location"}};
inline constexpr Field kLanguageFields[] = {
    {"id", "string", "uuid", true},
    {"service_id", "string", "uuid"},
    {"location_id", "string", "uuid"},
    {"phone_id", "string", "uuid"},
    {"name", "string", ""},
    {"code", "string", ""},
    {"note", "string", ""},
};
inline constexpr ForeignKey kLanguageKeys[] = {{"location_id", "location"}, {"phone_id", "phone"}, {"service_id", "service"}};
inline constexpr Field kMetaTableDescriptionFields[] = {
    {"id", "string", "uuid", true},
    {"name", "string", ""},
    {"language", "string", ""},
    {"character_set", "string", ""},
};

// In the order the package lists them: a table before the tables that refer to it.
inline constexpr Table kTables[] = {
    {"organization", "organizations.csv", kOrganizationFields, {}},
    {"service", "services.csv", kServiceFields, kServiceKeys},
    {"location", "locations.csv", kLocationFields, kLocationKeys},
    {"service_at_location", "service_at_location.csv", kServiceAtLocationFields, kServiceAtLocationKeys},
    {"address", "addresses.csv", kAddressFields, kAddressKeys},
    {"phone", "phones.csv", kPhoneFields, kPhoneKeys},
    {"schedule", "schedules.csv", kScheduleFields, kScheduleKeys},
    {"contact", "contacts.csv", kContactFields, kContactKeys},
    {"language", "languages.csv", kLanguageFields, kLanguageKeys},
    {"meta_table_description", "meta_table_descriptions.csv", kMetaTableDescriptionFields, {}},
};

}  // namespace lotse::hsds
