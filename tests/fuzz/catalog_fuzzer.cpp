// Fuzz target: a catalog source (i18n/de.txt, the source language's) through catalog loading, as
// `lotse build` does it: genrb compiles it (a child process, so the fuzzer sees only Lotse's own
// code: reading genrb's complaints, the bundle's keys, compiling and formatting the messages).
// The English catalog beside it is the built-in one. Every message is then formatted in every
// language with the arguments Lotse's pages pass.
#include <cstddef>
#include <cstdint>
#include <set>

#include "build.h"
#include "i18n/catalog.h"
#include "scratch.h"

namespace {

using namespace lotse;
namespace fs = std::filesystem;

const fs::path& folder() {
    static const fs::path dir = [] {
        const fs::path d = fuzz::scratch() / "i18n";
        fs::create_directories(d);
        fs::copy_file(data_dir() / "i18n" / "en.txt", d / "en.txt");
        return d;
    }();
    return dir;
}

// Compiled catalogs are kept here by the bytes they came from; the fixed English one is compiled
// once, each fuzzed catalog's bundle is removed after its run.
const fs::path& compiled() {
    static const fs::path dir = fuzz::scratch() / "compiled";
    return dir;
}

std::set<fs::path> kept;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::write(folder() / "de.txt", "de {\n    \"nav.home\" { \"Startseite\" }\n}\n");
    Diagnostics diags;
    Catalogs::load({folder()}, {"de", "en"}, "de", diags, compiled());
    for (const auto& e : fs::directory_iterator(compiled())) kept.insert(e.path());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::write(folder() / "de.txt", fuzz::as_text(data, size));
    Diagnostics diags;
    const Catalogs catalogs = Catalogs::load({folder()}, {"de", "en", "ar"}, "de", diags, compiled());
    for (const Diagnostic& d : diags.sorted()) (void)format(d);
    for (const std::string language : {"de", "en", "ar"}) {
        (void)catalogs.catalog_path(language);
        for (const std::string& key : catalogs.keys())
            (void)catalogs.format(language, key,
                                  {{"count", 3LL}, {"date", std::string("11. Januar 2027")}, {"from", std::string("A1")},
                                   {"to", std::string("B1")}, {"language", std::string("Deutsch")},
                                   {"languages", std::string("Deutsch, Arabisch")}, {"level", std::string("A1–B1")},
                                   {"month", std::string("Januar 2027")}, {"type", std::string("Integrationskurs")}});
    }
    (void)catalogs.gaps();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(compiled(), ec))
        if (!kept.count(e.path())) fs::remove_all(e.path(), ec);
    return 0;
}
