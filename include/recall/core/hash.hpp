// A fast non-cryptographic hash for change detection and stable keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace recall::core {

// FNV-1a, 64 bits.
constexpr std::uint64_t fnv1a64(std::string_view data) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// The lowest `digits` hex digits of fnv1a64(data), least significant first.
inline std::string hash_hex(std::string_view data, std::size_t digits = 16) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::uint64_t hash = fnv1a64(data);
  std::string out(digits, '0');
  for (std::size_t i = 0; i < digits && i < 16; ++i) out[i] = kHex[(hash >> (4 * i)) & 0xfu];
  return out;
}

}  // namespace recall::core
