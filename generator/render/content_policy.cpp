#include "render/content_policy.h"

#include <openssl/evp.h>

namespace lotse {

namespace {

// frame-ancestors is not here: a <meta> policy ignores it, so the server sends it (docs/hosting/).
std::string policy(std::string_view style_src) {
    std::string out = "default-src 'none'; script-src 'self'; style-src ";
    out += style_src;
    out += "; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
           "form-action 'self'; base-uri 'none'; object-src 'none'";
    return out;
}

// The CSP source expression of `text`: 'sha256-' and its digest in base64.
std::string sha256_source(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
    unsigned char base64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
    const int length = EVP_EncodeBlock(base64, digest, static_cast<int>(size));
    return "'sha256-" + std::string(reinterpret_cast<const char*>(base64), static_cast<std::size_t>(length)) + "'";
}

}  // namespace

std::string content_policy() { return policy("'self'"); }

std::string content_policy_with_style(std::string_view style) { return policy("'self' " + sha256_source(style)); }

}  // namespace lotse
