// Where an e-mail or web address may break on a narrow screen.
#pragma once

#include <string>
#include <string_view>

namespace lotse {

// An e-mail or web address as HTML: escaped, with a <wbr> where a line may end without misleading
// the reader: after a "/" (not between the two of "//"), and before ".", "@", "?", "#", "&" and "=".
// The browser prefers these to breaking inside a name, and the address still copies unchanged.
std::string address_html(std::string_view address);

}  // namespace lotse
