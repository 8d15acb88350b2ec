// What the readers of Anki's packages and plain-text exports share (src/interop/ only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recall::interop {

// Anki's tags: one string, separated by spaces.
std::vector<std::string> split_anki_tags(std::string_view text);

// Lines trimmed at their end, blank lines removed, the whole trimmed: a field as a card's text.
std::string tidy_anki_lines(const std::string& text);

}  // namespace recall::interop
