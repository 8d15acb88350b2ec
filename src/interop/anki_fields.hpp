// What the readers of Anki's packages and plain-text exports share (src/interop/ only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recall::interop {

// Anki's tags: one string, separated by spaces.
std::vector<std::string> split_anki_tags(std::string_view text);

}  // namespace recall::interop
