// The course list as files for partners' tools: courses.csv for spreadsheets and courses.ics for
// calendars. Both are in the site's source language, which is what partners work in.
#pragma once

#include <string>

#include "render/renderer.h"

namespace lotse {

class LanguageView;

// RFC 4180, UTF-8 with a byte order mark (so spreadsheet programs pick the right encoding),
// CRLF line ends, one row per published course; the columns are documented in README.md.
std::string courses_csv(const RenderInputs& in, const LanguageView& source);

// RFC 5545 through libical: one all-day event per course from start to end, with a UID that stays
// the same from build to build.
std::string courses_ics(const RenderInputs& in, const LanguageView& source);

}  // namespace lotse
