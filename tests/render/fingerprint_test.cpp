// Rebuild fingerprints: a record as each language shows it.
#include "render/fingerprint.h"

#include <gtest/gtest.h>

namespace lotse {
namespace {

struct Digests {
    std::uint64_t de, en, ar;
};

Digests digests(const Offer& o) {
    const RecordEntry e{RecordKind::offer, &o, "offers/kurs.html"};
    return {record_digest(e, "de", "de"), record_digest(e, "en", "de"), record_digest(e, "ar", "de")};
}

Offer offer() {
    Offer o;
    o.id = "kurs";
    o.title.by_language = {{"de", "Kurs"}, {"en", "Course"}};
    o.summary.by_language = {{"de", "Kurz"}};
    o.fee = Fee{false, 25, "EUR", {}};
    return o;
}

TEST(Fingerprint, AnEditChangesTheLanguagesThatShowIt) {
    const Digests before = digests(offer());
    Offer o = offer();
    o.title.by_language["de"] = "Kurs am Abend";
    const Digests german = digests(o);
    EXPECT_NE(german.de, before.de);
    EXPECT_EQ(german.en, before.en) << "English has a title of its own";
    EXPECT_NE(german.ar, before.ar) << "Arabic borrows the German title";

    o = offer();
    o.title.by_language["en"] = "Evening course";
    const Digests english = digests(o);
    EXPECT_EQ(english.de, before.de);
    EXPECT_NE(english.en, before.en);
    EXPECT_EQ(english.ar, before.ar);

    o = offer();
    o.summary.by_language["ar"] = "ملخص";
    const Digests arabic = digests(o);
    EXPECT_EQ(arabic.de, before.de);
    EXPECT_EQ(arabic.en, before.en);
    EXPECT_NE(arabic.ar, before.ar) << "Arabic no longer borrows, so it shows no fallback note";
}

TEST(Fingerprint, FieldsWithoutLanguageChangeEveryLanguage) {
    const Digests before = digests(offer());
    Offer o = offer();
    o.fee->amount = 30;
    const Digests after = digests(o);
    EXPECT_NE(after.de, before.de);
    EXPECT_NE(after.en, before.en);
    EXPECT_NE(after.ar, before.ar);
}

TEST(Fingerprint, WhereAValueIsWrittenDoesNotShow) {
    const Digests before = digests(offer());
    Offer o = offer();
    o.title.pos = {"content/offers/kurs.yaml", 3, 1};
    o.fee->pos = {"content/offers/kurs.yaml", 9, 6};
    const Digests after = digests(o);
    EXPECT_EQ(after.de, before.de);
    EXPECT_EQ(after.en, before.en);
}

}  // namespace
}  // namespace lotse
