// The directory as Open Referral HSDS 3.0 (render/hsds_tables.h): providers as organizations;
// offers, courses and counselling contacts as services, with their locations, addresses, phones,
// weekly times as RFC 5545 rules, the languages they are given in and the people to ask.
//
// One package per site language (open-data/hsds/<lang>/): every one complete, with its texts in its
// language (or the source language's where a text has no translation, as on the pages) and the
// same ids, so a partner imports the language it needs with any HSDS tool and joins languages by id.
// Ids are name-based UUIDs of the site's address and the record (common/name_uuid.h): the same in
// every build, so a partner can compare this month's data with last month's.
#pragma once

#include <string>
#include <vector>

#include "render/hsds_tables.h"
#include "render/renderer.h"

namespace lotse {

class LanguageView;

// One table's rows, one text per field of the table, in its order.
struct HsdsRows {
    const hsds::Table* table = nullptr;
    std::vector<std::vector<std::string>> rows;
};

// Every table of hsds::kTables, in its order, as `v`'s language shows the published records.
std::vector<HsdsRows> hsds_tables(const RenderInputs& in, const LanguageView& v);
// A table as its CSV file: RFC 4180, UTF-8 without a byte order mark, a header row of its fields.
std::string hsds_csv(const HsdsRows& table);
// The package's datapackage.json (Frictionless Tabular Data Package) in `v`'s language: the
// tables' files, fields, keys and references, and the licence.
std::string hsds_datapackage(const RenderInputs& in, const LanguageView& v);

// The id HSDS gives to what `name` names, e.g. "service/course/vhs-ik-abend" (the table, then what
// the row stands for), for the site at `base_url`.
std::string hsds_id(const std::string& base_url, std::string_view name);

}  // namespace lotse
