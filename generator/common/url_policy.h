// The one policy for addresses that content supplies: url, email and phone fields of records,
// site.yaml's base_url and contact, and Markdown links all ask here before anything becomes a link.
// Only https:// and http:// addresses, e-mail addresses (mailto:) and phone numbers (tel:) pass.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lotse {

enum class AddressUse {
    web,    // url fields and base_url: https:// or http:// with a server name
    email,  // e-mail fields, published as mailto:<value>: the address alone, no ?cc= or &body=
    phone,  // phone fields, shown as written and published as tel:<digits>
    link,   // a Markdown link target: https://, http://, mailto:<address>[?…] or tel:<number>
};

// Why `value` may not be published for `use`, as a whole diagnostic message about `subject`
// (`"url"`, `this link`); nothing if it may.
std::optional<std::string> address_problem(std::string_view subject, std::string_view value, AddressUse use);

}  // namespace lotse
