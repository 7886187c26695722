#include "common/name_uuid.h"

#include <openssl/evp.h>

#include <algorithm>

namespace lotse {

Uuid name_uuid(const Uuid& name_space, std::string_view name) {
    std::string input(name_space.begin(), name_space.end());
    input += name;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(input.data(), input.size(), digest, &size, EVP_sha1(), nullptr);
    Uuid id;
    std::copy_n(digest, id.size(), id.begin());
    id[6] = static_cast<std::uint8_t>((id[6] & 0x0f) | 0x50);  // version 5
    id[8] = static_cast<std::uint8_t>((id[8] & 0x3f) | 0x80);  // the RFC's variant
    return id;
}

std::string to_string(const Uuid& id) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kDigits[id[i] >> 4];
        out += kDigits[id[i] & 0x0f];
    }
    return out;
}

}  // namespace lotse
