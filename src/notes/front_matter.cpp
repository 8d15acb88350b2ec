// Front matter: a reader for the few YAML and TOML keys recall uses. Not a YAML or TOML parser:
// notes only ever need a title, tags and an off switch, and a wrong guess here costs a tag, not a
// card.
#include "recall/notes/front_matter.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "line_text.hpp"

namespace recall::notes {
namespace {

enum class Key { none, title, tags, categories, recall };

Key key_of(std::string_view name) {
  name = trim(name);
  if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'') &&
      name.back() == name.front()) {
    name = name.substr(1, name.size() - 2);
  }
  std::string lower;
  for (const char c : name) lower += ascii_lower(c);
  if (lower == "title") return Key::title;
  if (lower == "tags" || lower == "tag") return Key::tags;
  if (lower == "categories" || lower == "category") return Key::categories;
  if (lower == "recall") return Key::recall;
  return Key::none;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// `\uXXXX` at s[at] (after the backslash and `u`): the code point, or nullopt-like 0xFFFFFFFF.
std::uint32_t read_hex4(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) return 0xFFFFFFFF;
  std::uint32_t cp = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = s[i];
    cp <<= 4;
    if (c >= '0' && c <= '9') {
      cp |= static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      cp |= static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      cp |= static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return 0xFFFFFFFF;
    }
  }
  return cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp;
}

// The quoted string that starts `s` (`"` with backslash escapes, `'` where `''` is a quote; the
// same rules serve YAML and TOML basic and literal strings). `end` is set past the closing quote.
std::string read_quoted(std::string_view s, std::size_t& end) {
  const char quote = s.front();
  std::string out;
  std::size_t i = 1;
  while (i < s.size()) {
    const char c = s[i];
    if (c == quote) {
      if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
        out += '\'';
        i += 2;
        continue;
      }
      end = i + 1;
      return out;
    }
    if (c == '\\' && quote == '"' && i + 1 < s.size()) {
      const char e = s[i + 1];
      i += 2;
      if (e == 'n') {
        out += '\n';
      } else if (e == 't') {
        out += '\t';
      } else if (e == 'u' && read_hex4(s, i) != 0xFFFFFFFF) {
        append_utf8(out, read_hex4(s, i));
        i += 4;
      } else {
        out += e;
      }
      continue;
    }
    out += c;
    ++i;
  }
  end = s.size();
  return out;
}

// A YAML plain scalar: up to a ` #` comment, trimmed.
std::string_view plain_scalar(std::string_view s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '#' && is_space_or_tab(s[i - 1])) {
      s = s.substr(0, i);
      break;
    }
  }
  return trim(s);
}

// What FrontMatter collects while the keys are read.
class Collector {
 public:
  // `split`: a plain (unquoted, not listed) value of tags, which Jekyll splits.
  void add(Key key, std::string value, bool split) {
    switch (key) {
      case Key::title:
        m_meta.title = std::string(trim(value));
        break;
      case Key::tags:
        add_names(m_tags, value, split);
        break;
      case Key::categories:
        add_names(m_categories, value, split);
        break;
      case Key::recall: {
        std::string lower;
        for (const char c : trim(value)) lower += ascii_lower(c);
        if (lower == "false" || lower == "no" || lower == "off") m_meta.enabled = false;
        break;
      }
      case Key::none:
        break;
    }
  }

  FrontMatter finish() {
    for (std::vector<std::string>* names : {&m_tags, &m_categories}) {
      for (std::string& name : *names) {
        if (std::find(m_meta.tags.begin(), m_meta.tags.end(), name) == m_meta.tags.end()) {
          m_meta.tags.push_back(std::move(name));
        }
      }
    }
    return std::move(m_meta);
  }

 private:
  static void add_names(std::vector<std::string>& names, std::string_view value, bool split) {
    if (!split) {
      if (!trim(value).empty()) names.emplace_back(trim(value));
      return;
    }
    const bool commas = value.find(',') != std::string_view::npos;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
      const bool cut = i == value.size() || (commas ? value[i] == ',' : is_space_or_tab(value[i]));
      if (!cut) continue;
      const std::string_view name = trim(value.substr(begin, i - begin));
      if (!name.empty()) names.emplace_back(name);
      begin = i + 1;
    }
  }

  FrontMatter m_meta;
  std::vector<std::string> m_tags;
  std::vector<std::string> m_categories;
};

// The items of a flow list or TOML array `[a, "b", 'c']` at the start of `s`; nested lists and
// non-string TOML values are skipped.
std::vector<std::string> read_flow_list(std::string_view s, bool bare_items) {
  std::vector<std::string> items;
  std::size_t i = 1;  // past '['
  while (i < s.size()) {
    while (i < s.size() && (is_space_or_tab(s[i]) || s[i] == ',' || s[i] == '\n')) ++i;
    if (i >= s.size() || s[i] == ']') break;
    if (s[i] == '"' || s[i] == '\'') {
      std::size_t end = 0;
      items.push_back(read_quoted(s.substr(i), end));
      i += end;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && s[end] != ',' && s[end] != ']') ++end;
    if (bare_items) {
      const std::string_view item = trim(s.substr(i, end - i));
      if (!item.empty() && item.front() != '#') items.emplace_back(item);
    }
    i = end;
  }
  return items;
}

// Whether the brackets of a value that starts with '[' close in `s` (quotes respected).
bool brackets_closed(std::string_view s) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return true;
    }
  }
  return false;
}

// Lines from `first` joined by '\n' until the brackets that open on it close. `i` ends past them.
std::string gather_list(const std::vector<std::string_view>& lines, std::size_t& i,
                        std::string_view first) {
  std::string text(first);
  while (!brackets_closed(text) && i < lines.size()) {
    text += '\n';
    text += lines[i++];
  }
  return text;
}

// Offset of the `:` that ends a YAML mapping key on `line` (followed by a space or the end), or
// npos.
std::size_t key_colon(std::string_view line) {
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (i == 0 && (c == '"' || c == '\'')) {
      quote = c;
    } else if (c == ':' && (i + 1 == line.size() || is_space_or_tab(line[i + 1]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

void read_yaml(const std::vector<std::string_view>& lines, Collector& out) {
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = trim_right(lines[i]);
    ++i;
    // Only keys at the top level; indented and `- ` lines belong to the key above them.
    if (line.empty() || line.front() == '#' || is_space_or_tab(line.front()) ||
        line.front() == '-') {
      continue;
    }
    const std::size_t colon = key_colon(line);
    if (colon == std::string_view::npos) continue;
    const Key key = key_of(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == Key::none) continue;

    if (value.empty() || value.front() == '#') {  // a block list below, or nothing
      while (i < lines.size()) {
        const std::string_view next = trim_right(lines[i]);
        if (!next.empty() && !is_space_or_tab(next.front()) && next.front() != '-') break;
        const std::string_view item = trim_left(next);
        if (!item.empty() && item.front() == '-' &&
            (item.size() == 1 || is_space_or_tab(item[1]))) {
          const std::string_view scalar = trim(item.substr(1));
          if (!scalar.empty() && (scalar.front() == '"' || scalar.front() == '\'')) {
            std::size_t end = 0;
            out.add(key, read_quoted(scalar, end), false);
          } else {
            out.add(key, std::string(plain_scalar(scalar)), false);
          }
        }
        ++i;
      }
    } else if (value.front() == '|' || value.front() == '>') {  // a block scalar
      const char join = value.front() == '|' ? '\n' : ' ';
      std::string text;
      while (i < lines.size() && (trim(lines[i]).empty() || is_space_or_tab(lines[i].front()))) {
        const std::string_view part = trim(lines[i++]);
        if (part.empty()) continue;
        if (!text.empty()) text += join;
        text += part;
      }
      out.add(key, text, false);
    } else if (value.front() == '[') {
      for (std::string& item : read_flow_list(gather_list(lines, i, value), true)) {
        out.add(key, std::move(item), false);
      }
    } else if (value.front() == '"' || value.front() == '\'') {
      std::size_t end = 0;
      out.add(key, read_quoted(value, end), false);
    } else {
      out.add(key, std::string(plain_scalar(value)), true);
    }
  }
}

void read_toml(const std::vector<std::string_view>& lines, Collector& out) {
  bool in_table = false;  // keys under `[table]` are not the note's own
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = trim(lines[i]);
    ++i;
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      in_table = true;
      continue;
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const Key key = in_table ? Key::none : key_of(line.substr(0, eq));
    const std::string_view value = trim(line.substr(eq + 1));
    if (value.empty()) continue;
    if (value.front() == '[') {
      // Gathered whatever the key, so that the lines of a long array are never read as keys.
      const std::string list = gather_list(lines, i, value);
      for (std::string& item : read_flow_list(list, false)) out.add(key, std::move(item), false);
    } else if (value.front() == '"' || value.front() == '\'') {
      std::size_t end = 0;
      out.add(key, read_quoted(value, end), false);
    } else {
      out.add(key, std::string(plain_scalar(value)), false);
    }
  }
}

// The fences of a front matter block that opens on the first of `lines`.
struct Fences {
  std::string_view fence;  // `---` or `+++`; empty when the first line opens none
  bool yaml = false;
  std::size_t close = 0;   // index of the closing line; 0 when it never closes
};

Fences find_fences(const std::vector<std::string_view>& lines) {
  Fences f;
  const std::string_view fence = trim_right(lines.front());
  f.yaml = fence == "---";
  if (!f.yaml && fence != "+++") return f;
  f.fence = fence;
  for (std::size_t n = 1; n < lines.size(); ++n) {
    const std::string_view line = trim_right(lines[n]);
    if (line == fence || (f.yaml && line == "...")) {
      f.close = n;
      break;
    }
  }
  return f;
}

}  // namespace

FrontMatterBlock read_front_matter(std::string_view text) {
  FrontMatterBlock block;
  const std::vector<std::string_view> lines = split_lines(text);
  const auto [fence, yaml, close] = find_fences(lines);
  if (close == 0) return block;

  const std::vector<std::string_view> body(lines.begin() + 1,
                                           lines.begin() + static_cast<std::ptrdiff_t>(close));
  for (const std::string_view line : body) {
    block.raw += line;
    block.raw += '\n';
  }
  Collector collector;
  if (yaml) {
    read_yaml(body, collector);
  } else {
    read_toml(body, collector);
  }
  block.meta = collector.finish();
  block.lines = static_cast<int>(close) + 1;
  return block;
}

std::optional<FrontMatterProblem> front_matter_problem(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  if (lines.size() < 2) return std::nullopt;
  const auto [fence, yaml, close] = find_fences(lines);
  if (fence.empty()) return std::nullopt;
  if (close == 0) {
    // A thematic break at the top of a note is not front matter; a fence followed by a key is.
    const std::string_view next = trim_right(lines[1]);
    const bool key_follows = yaml ? key_colon(next) != std::string_view::npos && next.front() != ' '
                                  : next.find('=') != std::string_view::npos;
    if (!key_follows) return std::nullopt;
    return FrontMatterProblem{1, std::string("front matter opened by `") + std::string(fence) +
                                     "` is never closed: read as text"};
  }
  // A flow list `[...` whose brackets do not close before the closing fence.
  for (std::size_t n = 1; n < close; ++n) {
    const std::string_view line = trim_right(lines[n]);
    const std::size_t open = line.find('[');
    if (open == std::string_view::npos) continue;
    if (yaml && key_colon(line) == std::string_view::npos) continue;
    std::string gathered(line.substr(open));
    for (std::size_t m = n + 1; m < close && !brackets_closed(gathered); ++m) {
      gathered += '\n';
      gathered += lines[m];
    }
    if (!brackets_closed(gathered)) {
      return FrontMatterProblem{static_cast<int>(n) + 1,
                                "front matter: a list opened by `[` is never closed"};
    }
  }
  return std::nullopt;
}

}  // namespace recall::notes
