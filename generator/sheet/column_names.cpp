// Which column of the course list a spreadsheet's header names, in English or German.
#include <unicode/unistr.h>

#include <array>

#include "render/exports.h"
#include "sheet/course_sheet.h"

namespace lotse {

namespace {

struct Names {
    std::string_view column;
    std::array<std::string_view, 3> german;
};

// The names German coordinators' own lists use for the columns of courses.csv.
constexpr Names kGerman[] = {
    {"id", {"Kennung", "Kurs-ID", "Kursnummer"}},
    {"title", {"Titel", "Kurstitel", "Kursname"}},
    {"type", {"Kursart", "Typ", "Art"}},
    {"level_from", {"Niveau von", "Stufe von", "von Niveau"}},
    {"level_to", {"Niveau bis", "Stufe bis", "bis Niveau"}},
    {"start", {"Beginn", "Kursbeginn", "Anfang"}},
    {"end", {"Ende", "Kursende", ""}},
    {"schedule", {"Zeiten", "Unterrichtszeiten", "Termine"}},
    {"lessons", {"Unterrichtseinheiten", "UE", "Stunden"}},
    {"mode", {"Form", "Unterrichtsform", "Lernform"}},
    {"district", {"Stadtteil", "Bezirk", ""}},
    {"address", {"Adresse", "Kursort", "Ort"}},
    {"provider", {"Träger", "Anbieter", "Kursträger"}},
    {"childcare", {"Kinderbetreuung", "", ""}},
    {"seats", {"Plätze", "freie Plätze", "Platzangebot"}},
    {"fee", {"Gebühr", "Kosten", "Preis"}},
    {"registration_deadline", {"Anmeldeschluss", "Anmeldefrist", ""}},
    {"registration_phone", {"Anmeldung Telefon", "Telefon", "Telefon Anmeldung"}},
    {"registration_email", {"Anmeldung E-Mail", "E-Mail", "E-Mail Anmeldung"}},
    {"registration_url", {"Anmeldung Web", "Anmeldeseite", "Webseite"}},
    {"page", {"Seite", "Kursseite", "Link"}},
};

// `name` case-folded, without spaces, hyphens, underscores and dots.
std::string key_of(std::string_view name) {
    std::string folded;
    icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))).foldCase().toUTF8String(folded);
    std::string out;
    for (char c : folded)
        if (c != ' ' && c != '-' && c != '_' && c != '.') out += c;
    return out;
}

}  // namespace

std::string column_named(std::string_view header) {
    const std::string key = key_of(header);
    if (key.empty()) return {};
    for (std::string_view column : kCourseColumns)
        if (key_of(column) == key) return std::string(column);
    for (const Names& n : kGerman)
        for (std::string_view german : n.german)
            if (!german.empty() && key_of(german) == key) return std::string(n.column);
    return {};
}

}  // namespace lotse
