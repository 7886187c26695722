// A language's Atom feed (RFC 4287) of its courses and offers, newest first by the date each was
// last checked, for partners' apps and feed readers. Written only where the site's address is
// known: Atom needs absolute IRIs for every id, and an invented tag: URI would claim a domain the
// site never named.
#pragma once

#include <string>

#include "render/language_view.h"

namespace lotse {

std::string atom_feed(const LanguageView& v);

}  // namespace lotse
