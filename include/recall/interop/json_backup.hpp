// recall's JSON backup: a store::Backup as one JSON document (docs/backup.md).
#pragma once

#include <string>
#include <string_view>

#include "recall/store/backup.hpp"

namespace recall::interop {

// The backup as JSON text, indented, ending in a newline. The same backup always gives the same
// bytes: keys in a fixed order, rows in the backup's order.
std::string backup_to_json(const store::Backup& backup);

// Reads what backup_to_json wrote. Throws recall::Error naming `where` (the file) and the card
// or field at fault for text that is not JSON, not a recall backup, of a newer format version,
// or missing a field.
store::Backup backup_from_json(std::string_view text, const std::string& where);

}  // namespace recall::interop
