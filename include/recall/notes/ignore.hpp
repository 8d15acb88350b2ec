// `.recallignore`: files and folders of an imported folder that recall leaves alone, in the
// gitignore style people already know.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recall::notes {

// Whether `path` matches the glob `pattern`, both `/` separated: `*` is any run of characters but
// `/`, `?` one character (one UTF-8 code point) but `/`, `**` any run of characters including `/`
// (`**/` also matches no folder at all, so `a/**/b` matches `a/b`), and `\` makes the next
// character literal. Everything else matches itself; there are no `[...]` classes. Runs in
// O(pattern x path), without backtracking.
bool glob_match(std::string_view pattern, std::string_view path);

// The rules of one `.recallignore` file.
class IgnoreRules {
 public:
  // Reads the text of a `.recallignore` file: one pattern per line; blank lines and lines starting
  // with `#` are skipped, trailing spaces removed. A pattern ending in `/` matches folders only; a
  // pattern with a `/` elsewhere (a leading one is dropped) is matched against the whole path
  // below the root, one without against the name of a file or folder at any depth. `!pattern`
  // takes a path back in; the last pattern that matches decides.
  static IgnoreRules parse(std::string_view text);

  // Whether `path` (below the root, `/` separated, no leading `/`) is ignored, itself or through
  // one of its folders (a file in an ignored folder cannot be taken back in, as in git).
  bool ignores(std::string_view path, bool is_folder) const;

  bool empty() const { return m_rules.empty(); }

 private:
  struct Rule {
    std::string pattern;
    bool negated = false;
    bool folders_only = false;
    bool anchored = false;  // matched against the whole path rather than the last name
  };

  // The verdict of the rules on `path` alone: true ignored, false kept or not matched.
  bool decides_ignored(std::string_view path, bool is_folder) const;

  std::vector<Rule> m_rules;
};

}  // namespace recall::notes
