// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so the same name gives
// the same id in every build and anyone can compute it again, e.g. Python's uuid.uuid5.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace lotse {

using Uuid = std::array<std::uint8_t, 16>;

// The RFC's namespace for names that are URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
inline constexpr Uuid kUrlNamespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                       0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

Uuid name_uuid(const Uuid& name_space, std::string_view name);
// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", lowercase.
std::string to_string(const Uuid& id);

}  // namespace lotse
