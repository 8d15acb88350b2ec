// `.recallignore` rules and the glob matcher under them: a table of reachable positions, one
// pattern token at a time, so no pattern can make matching exponential.
#include "recall/notes/ignore.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "line_text.hpp"

namespace recall::notes {
namespace {

enum class Token { literal, one, star, globstar, globstar_slash };

// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
std::size_t sequence_length(char lead) {
  const auto c = static_cast<unsigned char>(lead);
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  const std::size_t n = path.size();
  // reach[j]: the pattern read so far can match path[0, j).
  std::vector<char> reach(n + 1, 0);
  std::vector<char> next(n + 1, 0);
  reach[0] = 1;
  std::size_t p = 0;
  while (p < pattern.size()) {
    Token token = Token::literal;
    char literal = pattern[p];
    if (pattern[p] == '*') {
      if (p + 1 < pattern.size() && pattern[p + 1] == '*') {
        p += 2;
        while (p < pattern.size() && pattern[p] == '*') ++p;
        token = Token::globstar;
        if (p < pattern.size() && pattern[p] == '/') {
          token = Token::globstar_slash;
          ++p;
        }
      } else {
        token = Token::star;
        ++p;
      }
    } else if (pattern[p] == '?') {
      token = Token::one;
      ++p;
    } else if (pattern[p] == '\\' && p + 1 < pattern.size()) {
      literal = pattern[p + 1];
      p += 2;
    } else {
      ++p;
    }

    std::fill(next.begin(), next.end(), 0);
    switch (token) {
      case Token::literal:
        for (std::size_t j = 0; j < n; ++j) {
          if (reach[j] && path[j] == literal) next[j + 1] = 1;
        }
        break;
      case Token::one:
        for (std::size_t j = 0; j < n; ++j) {
          if (!reach[j] || path[j] == '/') continue;
          const std::size_t end = j + sequence_length(path[j]);
          if (end <= n) next[end] = 1;
        }
        break;
      case Token::star:  // any run without `/`
        for (std::size_t j = 0; j <= n; ++j) {
          next[j] = reach[j] || (j > 0 && next[j - 1] && path[j - 1] != '/');
        }
        break;
      case Token::globstar:  // any run at all
        for (std::size_t j = 0; j <= n; ++j) next[j] = reach[j] || (j > 0 && next[j - 1]);
        break;
      case Token::globstar_slash: {  // nothing, or any run that ends with `/`
        bool any = false;
        for (std::size_t j = 0; j <= n; ++j) {
          if (j > 0 && path[j - 1] == '/' && any) next[j] = 1;
          if (reach[j]) {
            next[j] = 1;
            any = true;
          }
        }
        break;
      }
    }
    reach.swap(next);
  }
  return reach[n] != 0;
}

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  for (std::string_view line : split_lines(text)) {
    line = trim_right(line);
    if (!line.empty() && line.front() == '\xEF') {  // a byte order mark
      if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    }
    line = trim_left(line);
    if (line.empty() || line.front() == '#') continue;
    Rule rule;
    if (line.front() == '!') {
      rule.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      rule.folders_only = true;
      while (!line.empty() && line.back() == '/') line.remove_suffix(1);
    }
    if (!line.empty() && line.front() == '/') {
      rule.anchored = true;
      while (!line.empty() && line.front() == '/') line.remove_prefix(1);
    }
    if (line.find('/') != std::string_view::npos) rule.anchored = true;
    if (line.empty()) continue;
    rule.pattern = std::string(line);
    rules.m_rules.push_back(std::move(rule));
  }
  return rules;
}

bool IgnoreRules::decides_ignored(std::string_view path, bool is_folder) const {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  bool ignored = false;
  for (const Rule& rule : m_rules) {
    if (rule.folders_only && !is_folder) continue;
    if (glob_match(rule.pattern, rule.anchored ? path : name)) ignored = !rule.negated;
  }
  return ignored;
}

bool IgnoreRules::ignores(std::string_view path, bool is_folder) const {
  if (m_rules.empty()) return false;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (decides_ignored(path.substr(0, slash), true)) return true;
  }
  return decides_ignored(path, is_folder);
}

}  // namespace recall::notes
