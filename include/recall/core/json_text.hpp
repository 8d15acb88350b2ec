// JSON text written straight into a buffer, for outputs of a million rows (`recall cards
// --format json`) where building a nlohmann::json object per row costs more than the query.
#pragma once

#include <string>
#include <string_view>

namespace recall::core {

// Appends `text` as a JSON string (quotes included) to `out`: the same bytes as
// nlohmann::json(text).dump(-1, ' ', false, error_handler_t::replace), that is UTF-8 kept as
// is, `"` `\` and control characters escaped, and a byte that is not valid UTF-8 replaced
// with U+FFFD as nlohmann does.
void append_json_string(std::string& out, std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF), as nlohmann's decoder judges it.
bool valid_utf8(std::string_view text);

}  // namespace recall::core
