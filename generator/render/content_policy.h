// The Content-Security-Policy and the referrer policy every page names in its <head>: a page loads
// only the site's own scripts, styles, images and data, runs no inline script, and tells other
// sites nothing of which page a newcomer came from.
#pragma once

#include <string>
#include <string_view>

namespace lotse {

// A page's policy: its styles come from the site's own stylesheet only.
std::string content_policy();

// The policy of a page whose one inline <style> element holds exactly `style` between its tags
// (the 404 page, served at any depth, where a relative stylesheet link would miss): that text,
// byte for byte, is allowed by its SHA-256 hash, and no other inline style.
std::string content_policy_with_style(std::string_view style);

// Links to other sites send no Referer; the site's own pages do (its server log stays useful).
inline constexpr std::string_view kReferrerPolicy = "same-origin";

}  // namespace lotse
