// Reading the front matter at the top of a note: YAML between `---` fences (Jekyll) or TOML
// between `+++` fences (Hugo).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "recall/notes/outline.hpp"

namespace recall::notes {

// A front matter block found at the very top of a note.
struct FrontMatterBlock {
  int lines = 0;     // lines it takes, both fences included; 0 when the note has none
  std::string raw;   // the text between the fences, every line ending in '\n'
  FrontMatter meta;  // what its `title`, `tags`, `categories` and `recall` keys say
};

// Finds a YAML (`---` ... `---` or `...`) or TOML (`+++` ... `+++`) block that starts on the first
// line of `text`; without a closing fence there is none. Only the keys FrontMatter holds are read,
// by a small reader of its own rather than a YAML library: YAML plain, quoted and block scalars,
// flow `[a, b]` and block `- a` lists, `tag`/`category` as one-value forms (a plain scalar of tags
// is split on commas, else on spaces, as Jekyll does); TOML strings, arrays of strings (over
// several lines too) and booleans outside `[tables]`. `recall: false` (also `no`, `off`) or TOML
// `recall = false` clears `enabled`. Anything else is ignored; never throws.
FrontMatterBlock read_front_matter(std::string_view text);

// Front matter that read_front_matter() reads as nothing or in part, for a warning.
struct FrontMatterProblem {
  int line = 0;  // 1-based, in `text`
  std::string message;
};

// A fence at the top of `text` followed by a key but never closed, or a `[` list in a closed block
// whose brackets never close; nullopt when there is none (or no front matter at all).
std::optional<FrontMatterProblem> front_matter_problem(std::string_view text);

}  // namespace recall::notes
