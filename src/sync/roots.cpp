#include "recall/sync/roots.hpp"

#include <algorithm>

#include "recall/sync/import.hpp"

namespace recall::sync {

namespace fs = std::filesystem;

namespace {

std::string joined(const std::string& prefix, const std::string& rest) {
  if (prefix.empty()) return rest;
  if (rest.empty()) return prefix;
  return prefix + "/" + rest;
}

}  // namespace

void name_from_roots(notes::NoteListing& listing, const std::vector<fs::path>& requested,
                     const std::vector<std::string>& roots) {
  if (roots.empty()) return;
  bool renamed = false;
  for (const fs::path& given : requested) {
    const std::string absolute = absolute_path(given);
    const std::string root = store::root_of(absolute, roots);
    if (root.empty() || root == absolute) continue;
    // `given` is below `root`: what lies between them goes before each source and deck.
    const std::string prefix = absolute.substr(root.size() + (root.ends_with('/') ? 0 : 1));
    std::error_code ec;
    const bool folder = fs::is_directory(given, ec);
    for (notes::FoundNote& found : listing.files) {
      if (folder) {
        const fs::path relative = fs::path(found.path).lexically_relative(given);
        if (relative.empty() || *relative.begin() == "..") continue;
        found.source = joined(prefix, found.source);
        found.deck = joined(prefix, found.deck);
      } else {
        if (fs::path(found.path) != given) continue;
        found.source = prefix;
        found.deck = joined(fs::path(prefix).parent_path().generic_string(), found.deck);
      }
      renamed = true;
    }
  }
  if (renamed) {
    std::stable_sort(listing.files.begin(), listing.files.end(),
                     [](const auto& a, const auto& b) { return a.source < b.source; });
  }
}

}  // namespace recall::sync
