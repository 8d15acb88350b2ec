// Text set into HTML: the report's pages and charts, Anki's note fields.
#pragma once

#include <string>
#include <string_view>

namespace recall::core {

// `text` with & < > " escaped.
std::string html_escape(std::string_view text);

}  // namespace recall::core
