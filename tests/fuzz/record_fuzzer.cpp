// Fuzz target: a record file through the loader and the checks. The first byte picks the kind
// ('0' provider, '1' offer, '2' course, '3' contact, '4' pathway, '5' glossary, as in kRecordKinds, '6' a free
// page); the rest is the file's bytes, added as content/<kind>s/fuzz.yaml (a page as
// content/pages/fuzz.de.md) to a small valid site whose records it can refer to. Every diagnostic
// is formatted as `lotse check` prints it.
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "build.h"
#include "check/check.h"
#include "content/loader.h"
#include "i18n/catalog.h"
#include "scratch.h"

namespace {

using namespace lotse;

const std::filesystem::path& site() {
    static const std::filesystem::path dir = [] {
        const std::filesystem::path d = fuzz::scratch() / "site";
        fuzz::write(d / "content/site.yaml",
                    "title: {de: \"Bildung Teststadt\", en: \"Education Teststadt\", ar: \"التعليم\"}\n"
                    "source_language: de\nlanguages: [de, en, ar]\nregion: Teststadt\nreview_after_days: 180\n"
                    "contact: {email: info@teststadt.example, phone: \"+49 000 1\"}\n");
        fuzz::write(d / "content/taxonomy.yaml",
                    "life_phases: [school, work-and-career]\ntopics: [german-language, school, work]\n");
        fuzz::write(d / "content/providers/vhs.yaml",
                    "name: {de: \"Volkshochschule\", en: \"Adult education centre\"}\n"
                    "location: {street: \"Hauptstraße 1\", postcode: \"00100\", city: \"Teststadt\", district: \"Mitte\"}\n"
                    "phone: \"+49 000 2\"\nchecked: 2026-11-01\n");
        fuzz::write(d / "content/contacts/beratung.yaml",
                    "name: {de: \"Beratung\"}\norganisation: vhs\ntopics: [work]\nlife_phases: [work-and-career]\n"
                    "phone: \"+49 000 3\"\nhours:\n  - {days: [mon], from: \"09:00\", to: \"12:00\"}\n"
                    "appointment: none\nchecked: 2026-11-01\n");
        fuzz::write(d / "content/courses/ik.yaml",
                    "type: integration\nprovider: vhs\nlevel: {from: A1, to: B1}\nstart: 2027-01-11\nend: 2027-07-16\n"
                    "schedule:\n  - {days: [mon, tue], from: \"08:30\", to: \"12:45\"}\nlessons: 700\nseats: open\n"
                    "fee: 0\nchecked: 2026-11-10\n");
        for (const char* slug : {"imprint", "privacy", "accessibility"})
            fuzz::write(d / "content/pages" / (std::string(slug) + ".de.md"), "---\ntitle: Seite\n---\nText.\n");
        return d;
    }();
    return dir;
}

// The built-in catalogs, compiled once: the checks look up taxonomy labels in them.
const Catalogs& catalogs() {
    static const Catalogs loaded = [] {
        Diagnostics diags;
        return Catalogs::load({data_dir() / "i18n"}, {"de", "en", "ar"}, "de", diags, fuzz::scratch() / "compiled");
    }();
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    site();
    catalogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes = fuzz::as_text(data, size);
    const std::size_t kind = fuzz::pick(bytes, std::size(kRecordKinds) + 1);
    const std::filesystem::path file = kind < std::size(kRecordKinds)
                                           ? site() / "content" / kRecordKinds[kind].folder / "fuzz.yaml"
                                           : site() / "content/pages/fuzz.de.md";
    fuzz::write(file, bytes);
    Diagnostics diags;
    const Content content = load_content(site(), diags);
    check_content(content, catalogs(), std::chrono::year{2026} / 11 / 22, diags);
    for (const Diagnostic& d : diags.sorted()) (void)format(d);
    std::filesystem::remove(file);
    return 0;
}
