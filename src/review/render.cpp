// A small line-based markdown renderer for answers on a terminal. Blocks are found line by line
// (lists nest by indentation), inline spans by a hand-written scanner; the text is then laid out
// as glyphs with display widths from utf8proc and wrapped greedily at spaces.
#include "recall/review/render.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <utility>

namespace recall::review {
namespace {

constexpr std::size_t npos = std::string_view::npos;

enum Attr : unsigned {
  kBold = 1u << 0,
  kItalic = 1u << 1,
  kCode = 1u << 2,
  kMath = 1u << 3,
  kHeading = 1u << 4,
  kQuote = 1u << 5,
  kRule = 1u << 6,
};

// Emphasis nested deeper than this is shown as written: it bounds the work per character.
constexpr int kMaxDepth = 4;
constexpr std::size_t kMaxTicks = 8;

struct Run {
  std::string text;
  unsigned attr = 0;
};

// One character as laid out: its bytes (with the zero-width marks that follow it), its style and
// its columns.
struct Glyph {
  std::string bytes;
  unsigned attr = 0;
  int width = 0;
  bool space = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Letters and digits, counting every non-ASCII byte as part of a word (Hangul, accents).
bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool is_ascii_punct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 0x21 && u <= 0x2f) || (u >= 0x3a && u <= 0x40) || (u >= 0x5b && u <= 0x60) ||
         (u >= 0x7b && u <= 0x7e);
}

// The character at `text[i]`: its length in bytes and code point (-1 for an invalid byte).
std::pair<std::size_t, utf8proc_int32_t> decode(std::string_view text, std::size_t i) {
  utf8proc_int32_t cp = -1;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return {1, -1};
  return {static_cast<std::size_t>(n), cp};
}

int char_width(utf8proc_int32_t cp) { return cp < 0 ? 1 : std::max(utf8proc_charwidth(cp), 0); }

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); }

// ---- inline spans ------------------------------------------------------------------------------

// Splits one block's text into styled runs. Each closing-delimiter search remembers the range in
// which it found nothing, so that a text full of unmatched `*` or `$` is not scanned again for
// every one of them.
class InlineParser {
 public:
  InlineParser(std::string_view text, bool keep_ticks) : m_text(text), m_keep_ticks(keep_ticks) {}

  void parse(std::size_t begin, std::size_t end, unsigned attr, int depth, std::vector<Run>& out) {
    std::string plain;
    const auto flush = [&] {
      if (!plain.empty()) out.push_back({std::move(plain), attr});
      plain.clear();
    };
    std::size_t i = begin;
    while (i < end) {
      const char c = m_text[i];
      if (c == '\\' && i + 1 < end && is_ascii_punct(m_text[i + 1])) {
        plain += m_text[i + 1];
        i += 2;
        continue;
      }
      if (c == '`') {
        const std::size_t run = run_length(i, end);
        const std::size_t close = run <= kMaxTicks ? code_close(i + run, end, run) : npos;
        if (close == npos) {
          plain.append(m_text.substr(i, run));
          i += run;
          continue;
        }
        flush();
        std::string_view content = m_text.substr(i + run, close - i - run);
        if (m_keep_ticks) {
          content = m_text.substr(i, close + run - i);
        } else if (content.size() >= 2 && content.front() == ' ' && content.back() == ' ') {
          content = content.substr(1, content.size() - 2);
        }
        out.push_back({std::string(content), attr | kCode});
        i = close + run;
        continue;
      }
      if (c == '$') {
        const std::size_t e = math_end(i, end);
        if (e == npos) {
          plain += c;
          ++i;
          continue;
        }
        flush();
        out.push_back({std::string(m_text.substr(i, e - i)), attr | kMath});
        i = e;
        continue;
      }
      if (c == '*' || c == '_') {
        const std::size_t run = run_length(i, end);
        if (depth < kMaxDepth && emphasis(i, run, end, attr, depth, out, plain)) {
          continue_after(i);
          continue;
        }
        plain.append(m_text.substr(i, run));
        i += run;
        continue;
      }
      plain += c;
      ++i;
    }
    flush();
  }

 private:
  // A search that found nothing in [from, end): nothing will be found in a range inside it.
  struct Miss {
    std::size_t from = npos;
    std::size_t end = 0;
    bool covers(std::size_t f, std::size_t e) const {
      return from != npos && f >= from && e <= end;
    }
  };

  std::size_t run_length(std::size_t i, std::size_t end) const {
    std::size_t k = i;
    while (k < end && m_text[k] == m_text[i]) ++k;
    return k - i;
  }

  // The start of a run of exactly `ticks` backticks in [from, end), or npos.
  std::size_t code_close(std::size_t from, std::size_t end, std::size_t ticks) {
    Miss& miss = m_code_miss[ticks - 1];
    if (miss.covers(from, end)) return npos;
    for (std::size_t j = from; j < end;) {
      if (m_text[j] != '`') {
        ++j;
        continue;
      }
      const std::size_t run = run_length(j, end);
      if (run == ticks) return j;
      j += run;
    }
    miss = {from, end};
    return npos;
  }

  // The end of the LaTeX span opening at `at` ($…$ or $$…$$), or npos when `at` opens none. An
  // inline span must not start or end with a space and must not be followed by a digit, so that
  // "$5 and $10" stays text.
  std::size_t math_end(std::size_t at, std::size_t end) {
    if (at + 1 < end && m_text[at + 1] == '$') {
      if (m_display_miss.covers(at + 2, end)) return npos;
      for (std::size_t j = at + 3; j + 1 < end; ++j) {
        if (m_text[j] == '$' && m_text[j + 1] == '$' && m_text[j - 1] != '\\') return j + 2;
      }
      m_display_miss = {at + 2, end};
      return npos;
    }
    if (at + 1 >= end || is_space(m_text[at + 1])) return npos;
    if (m_inline_miss.covers(at + 1, end)) return npos;
    for (std::size_t j = at + 2; j < end; ++j) {
      if (m_text[j] != '$' || is_space(m_text[j - 1]) || m_text[j - 1] == '\\') continue;
      if (j + 1 < end && m_text[j + 1] >= '0' && m_text[j + 1] <= '9') continue;
      return j + 1;
    }
    m_inline_miss = {at + 1, end};
    return npos;
  }

  // Where the `len` closing delimiters of `c` start in [from, end), or npos. A closer follows a
  // non-space; a run of 3 or more closes with its last `len` characters (`***x***`), a run of
  // another length than `len` is skipped (`*a **b** c*`); `_` must not be followed by a letter.
  std::size_t emphasis_close(std::size_t from, std::size_t end, char c, std::size_t len) {
    Miss& miss = m_emphasis_miss[(c == '_' ? 2 : 0) + len - 1];
    if (miss.covers(from, end)) return npos;
    for (std::size_t j = from; j < end;) {
      if (m_text[j] != c) {
        ++j;
        continue;
      }
      const std::size_t run = run_length(j, end);
      const std::size_t at = j + run - len;
      const bool fits = run == len || run >= 3;
      const bool after_word = j > from && !is_space(m_text[j - 1]);
      const bool before_word = c == '_' && j + run < end && is_word(m_text[j + run]);
      if (fits && after_word && !before_word) return at;
      j += run;
    }
    miss = {from, end};
    return npos;
  }

  // Tries to open emphasis with the run of `run` delimiters at `i`; on success appends the styled
  // span to `out` and remembers where parsing goes on.
  bool emphasis(std::size_t i, std::size_t run, std::size_t end, unsigned attr, int depth,
                std::vector<Run>& out, std::string& plain) {
    const char c = m_text[i];
    if (c == '_' && i > 0 && is_word(m_text[i - 1])) return false;  // snake_case
    std::array<std::size_t, 2> tries{};
    std::size_t count = 0;
    if (run >= 3) {
      tries = {1, 2};
      count = 2;
    } else {
      tries = {run, 0};
      count = 1;
    }
    for (std::size_t t = 0; t < count; ++t) {
      const std::size_t len = tries[t];
      const std::size_t content = i + len;
      if (content >= end || is_space(m_text[content])) continue;
      const std::size_t close = emphasis_close(content, end, c, len);
      if (close == npos) continue;
      if (!plain.empty()) out.push_back({std::move(plain), attr});
      plain.clear();
      parse(content, close, attr | (len == 2 ? kBold : kItalic), depth + 1, out);
      m_next = close + len;
      return true;
    }
    return false;
  }

  void continue_after(std::size_t& i) const { i = m_next; }

  std::string_view m_text;
  bool m_keep_ticks;
  std::size_t m_next = 0;
  std::array<Miss, kMaxTicks> m_code_miss{};
  std::array<Miss, 4> m_emphasis_miss{};
  Miss m_inline_miss;
  Miss m_display_miss;
};

// ---- layout ------------------------------------------------------------------------------------

void append_glyphs(std::vector<Glyph>& out, std::string_view text, unsigned attr) {
  for (std::size_t i = 0; i < text.size();) {
    const auto [n, cp] = decode(text, i);
    const std::string_view bytes = text.substr(i, n);
    i += n;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      out.push_back({" ", attr, 1, true});
      continue;
    }
    if (cp >= 0 && (cp < 0x20 || cp == 0x7f)) continue;  // control characters are not shown
    const int width = char_width(cp);
    if (width == 0 && !out.empty() && !out.back().space) {
      out.back().bytes += bytes;  // a combining mark stays with its base
      continue;
    }
    out.push_back({std::string(bytes), attr, width, false});
  }
}

using Line = std::vector<Glyph>;

// Greedy wrapping at spaces (runs of spaces count as one); a word wider than the line starts a
// line of its own and is cut between characters.
std::vector<Line> wrap(const std::vector<Glyph>& glyphs, int width) {
  std::vector<Line> lines(1);
  int used = 0;
  const Glyph* space = nullptr;
  const auto new_line = [&] {
    lines.emplace_back();
    used = 0;
  };
  for (std::size_t i = 0; i < glyphs.size();) {
    if (glyphs[i].space) {
      if (!lines.back().empty()) space = &glyphs[i];
      ++i;
      continue;
    }
    std::size_t j = i;
    int word = 0;
    while (j < glyphs.size() && !glyphs[j].space) word += glyphs[j++].width;
    const int gap = space ? 1 : 0;
    if (used + gap + word <= width || (lines.back().empty() && word <= width)) {
      if (space) lines.back().push_back(*space);
      used += gap;
    } else if (word <= width) {
      new_line();
    } else if (!lines.back().empty()) {
      new_line();
    }
    for (std::size_t k = i; k < j; ++k) {
      if (used + glyphs[k].width > width && !lines.back().empty()) new_line();
      lines.back().push_back(glyphs[k]);
      used += glyphs[k].width;
    }
    space = nullptr;
    i = j;
  }
  return lines;
}

std::string sgr(unsigned attr) {
  std::string codes;
  const auto add = [&](const char* code) {
    if (!codes.empty()) codes += ';';
    codes += code;
  };
  if (attr & (kBold | kHeading)) add("1");
  if (attr & (kQuote | kRule)) add("2");
  if (attr & kItalic) add("3");
  if (attr & kHeading) add("4");
  if (attr & kCode) {
    add("36");
  } else if (attr & kMath) {
    add("33");
  }
  return codes.empty() ? std::string() : "\x1b[" + codes + "m";
}

std::string serialize(const std::string& prefix, const Line& line, bool color) {
  std::string out = prefix;
  unsigned current = 0;
  for (const Glyph& g : line) {
    if (color && g.attr != current) {
      if (current != 0) out += "\x1b[0m";
      out += sgr(g.attr);
      current = g.attr;
    }
    out += g.bytes;
  }
  if (color && current != 0) out += "\x1b[0m";
  return out;
}

// ---- blocks ------------------------------------------------------------------------------------

struct Block {
  enum class Kind { text, code, rule } kind = Kind::text;
  unsigned attr = 0;              // kHeading or kQuote for text
  int base = 0;                   // columns before the marker or text
  std::string marker;             // a list item's bullet or number
  std::string text;               // inline markdown
  std::vector<std::string> code;  // the lines of fenced code
  bool blank_before = false;
  bool paragraph = false;  // a plain paragraph (may turn into a setext heading)
};

struct OpenItem {
  int marker_column;  // where its marker was in the source
  int content;        // columns before its text when rendered
};

struct Fence {
  char c;
  std::size_t length;
  int indent;
};

std::string expand_tabs(std::string_view line) {
  std::string out;
  int column = 0;
  for (char c : line) {
    if (c == '\t') {
      const int n = 4 - column % 4;
      out.append(static_cast<std::size_t>(n), ' ');
      column += n;
    } else if (c != '\r') {
      out += c;
      ++column;
    }
  }
  return out;
}

struct Marker {
  std::string text;    // as written: "-", "1."
  std::size_t length;  // marker and the spaces after it
  bool ordered;
};

std::optional<Marker> list_marker(std::string_view rest) {
  std::size_t n = 0;
  bool ordered = false;
  if (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') {
    n = 1;
  } else {
    while (n < rest.size() && n < 9 && rest[n] >= '0' && rest[n] <= '9') ++n;
    if (n == 0 || n >= rest.size() || (rest[n] != '.' && rest[n] != ')')) return std::nullopt;
    ++n;
    ordered = true;
  }
  if (n < rest.size() && rest[n] != ' ') return std::nullopt;
  std::size_t length = n;
  while (length < rest.size() && rest[length] == ' ') ++length;
  return Marker{std::string(rest.substr(0, n)), length, ordered};
}

// `---`, `***`, `___` (3 or more, spaces between allowed).
bool is_rule(std::string_view rest) {
  const char c = rest[0];
  if (c != '-' && c != '*' && c != '_') return false;
  int count = 0;
  for (char x : rest) {
    if (x == c) {
      ++count;
    } else if (x != ' ') {
      return false;
    }
  }
  return count >= 3;
}

bool is_setext_underline(std::string_view rest) {
  const char c = rest[0];
  if (c != '=' && c != '-') return false;
  std::size_t end = rest.find_last_not_of(' ');
  for (std::size_t i = 0; i <= end; ++i) {
    if (rest[i] != c) return false;
  }
  return true;
}

std::optional<Fence> fence_open(std::string_view rest, int indent) {
  if (rest.size() < 3 || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
  std::size_t n = 0;
  while (n < rest.size() && rest[n] == rest[0]) ++n;
  if (n < 3) return std::nullopt;
  if (rest[0] == '`' && rest.find('`', n) != npos) return std::nullopt;  // inline code
  return Fence{rest[0], n, indent};
}

bool fence_closes(std::string_view line, const Fence& fence) {
  const std::size_t start = line.find_first_not_of(' ');
  if (start == npos) return false;
  std::size_t n = 0;
  while (start + n < line.size() && line[start + n] == fence.c) ++n;
  return n >= fence.length && line.find_first_not_of(' ', start + n) == npos;
}

const char* bullet(std::size_t depth) {
  static constexpr std::array<const char*, 3> kBullets = {"•", "◦", "▪"};
  return kBullets[depth % kBullets.size()];
}

std::vector<Block> parse_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::vector<OpenItem> items;
  std::optional<Fence> fence;
  bool blank = false;
  bool open = false;  // the last block takes lazy continuation lines
  const auto close_items_at = [&](int indent) {
    while (!items.empty() && indent <= items.back().marker_column) items.pop_back();
    return items.empty() ? 0 : items.back().content;
  };

  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == npos) stop = text.size();
    const std::string line = expand_tabs(text.substr(start, stop - start));
    start = stop + 1;

    if (fence) {
      if (fence_closes(line, *fence)) {
        fence.reset();
        continue;
      }
      std::size_t drop = 0;
      while (drop < line.size() && drop < static_cast<std::size_t>(fence->indent) &&
             line[drop] == ' ') {
        ++drop;
      }
      blocks.back().code.push_back(line.substr(drop));
      continue;
    }

    const std::size_t first = line.find_first_not_of(' ');
    if (first == npos) {
      blank = true;
      open = false;
      continue;
    }
    const int indent = static_cast<int>(first);
    const std::string_view rest = std::string_view(line).substr(first);
    const bool after_blank = blank && !blocks.empty();
    blank = false;

    if (open && blocks.back().paragraph && is_setext_underline(rest)) {
      blocks.back().attr = kHeading;
      blocks.back().paragraph = false;
      open = false;
      continue;
    }
    Block block;
    block.blank_before = after_blank;
    if (is_rule(rest)) {
      items.clear();
      block.kind = Block::Kind::rule;
      blocks.push_back(std::move(block));
      open = false;
      continue;
    }
    if (auto marker = list_marker(rest)) {
      block.base = close_items_at(indent);
      block.marker = marker->ordered ? marker->text : bullet(items.size());
      block.text = std::string(rest.substr(marker->length));
      items.push_back({indent, block.base + display_width(block.marker) + 1});
      blocks.push_back(std::move(block));
      open = true;
      continue;
    }
    if (auto opened = fence_open(rest, indent)) {
      block.kind = Block::Kind::code;
      block.base = close_items_at(indent);
      blocks.push_back(std::move(block));
      fence = opened;
      open = false;
      continue;
    }
    const bool quote = rest[0] == '>';
    if (rest[0] == '#') {
      std::size_t level = 0;
      while (level < rest.size() && rest[level] == '#') ++level;
      if (level <= 6 && (level == rest.size() || rest[level] == ' ')) {
        items.clear();
        std::string_view title = rest.substr(level);
        const std::size_t a = title.find_first_not_of(" #");
        const std::size_t b = title.find_last_not_of(" #");
        block.text = a == npos ? std::string() : std::string(title.substr(a, b - a + 1));
        block.attr = kHeading;
        blocks.push_back(std::move(block));
        open = false;
        continue;
      }
    }
    if (open && !after_blank && (!quote || blocks.back().attr == kQuote)) {
      std::string_view more = rest;
      if (quote) more = more.substr(more.size() > 1 && more[1] == ' ' ? 2 : 1);
      blocks.back().text += ' ';
      blocks.back().text += more;
      continue;
    }
    block.base = close_items_at(indent);
    if (quote) {
      block.attr = kQuote;
      block.text = std::string(rest.substr(rest.size() > 1 && rest[1] == ' ' ? 2 : 1));
    } else {
      block.text = std::string(rest);
      block.paragraph = items.empty();
    }
    blocks.push_back(std::move(block));
    open = true;
  }
  return blocks;
}

}  // namespace

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [n, cp] = decode(text, i);
    width += char_width(cp);
    i += n;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, int width) {
  if (display_width(text) <= width) return std::string(text);
  if (width <= 0) return {};
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [n, cp] = decode(text, i);
    const int w = char_width(cp);
    if (used + w > width - 1) break;
    out.append(text.substr(i, n));
    used += w;
    i += n;
  }
  return out + "…";
}

std::vector<std::string> wrap_text(std::string_view text, int width) {
  std::vector<Glyph> glyphs;
  append_glyphs(glyphs, text, 0);
  std::vector<std::string> lines;
  for (const Line& line : wrap(glyphs, std::max(width, 1))) {
    lines.push_back(serialize({}, line, false));
  }
  return lines;
}

std::vector<std::string> render_markdown(std::string_view text, const RenderOptions& options) {
  const int width = std::max(options.width, 1);
  const unsigned base_attr = options.strong ? kBold : 0u;
  std::vector<std::string> lines;
  for (const Block& block : parse_blocks(text)) {
    if (block.blank_before && !lines.empty()) lines.emplace_back();
    // Deep nesting on a narrow terminal keeps at least half the width for the text.
    const int base = std::min(block.base, std::max(0, width / 2 - 2));
    const std::string quote_bar = options.color ? "\x1b[2m│\x1b[0m " : std::string("│ ");
    std::string first = spaces(base);
    std::string rest = spaces(base);
    int indent = base;
    if (block.attr == kQuote) {
      first += quote_bar;
      rest += quote_bar;
      indent += 2;
    } else if (!block.marker.empty()) {
      first += block.marker + " ";
      rest += spaces(display_width(block.marker) + 1);
      indent += display_width(block.marker) + 1;
    }
    if (indent + 2 > width) {  // no room for a bullet and a wide character: text alone
      first.clear();
      rest.clear();
      indent = 0;
    }
    const int available = std::max(width - indent, 1);

    switch (block.kind) {
      case Block::Kind::rule: {
        std::vector<Glyph> glyphs;
        std::string bar;
        for (int i = 0; i < std::min(available, 40); ++i) bar += "─";
        append_glyphs(glyphs, bar, kRule);
        lines.push_back(serialize(first, glyphs, options.color));
        break;
      }
      case Block::Kind::code: {
        for (const std::string& code_line : block.code) {
          std::vector<Glyph> glyphs;
          append_glyphs(glyphs, code_line, kCode | base_attr);
          // Code keeps its spaces and is cut, not wrapped.
          Line piece;
          int used = 0;
          for (const Glyph& g : glyphs) {
            if (used + g.width > available && !piece.empty()) {
              lines.push_back(serialize(rest, piece, options.color));
              piece.clear();
              used = 0;
            }
            piece.push_back(g);
            used += g.width;
          }
          lines.push_back(serialize(rest, piece, options.color));
        }
        break;
      }
      case Block::Kind::text: {
        std::vector<Run> runs;
        InlineParser parser(block.text, !options.color);
        parser.parse(0, block.text.size(), block.attr | base_attr, 0, runs);
        std::vector<Glyph> glyphs;
        for (const Run& run : runs) append_glyphs(glyphs, run.text, run.attr);
        const auto wrapped = wrap(glyphs, available);
        for (std::size_t k = 0; k < wrapped.size(); ++k) {
          lines.push_back(serialize(k == 0 ? first : rest, wrapped[k], options.color));
        }
        break;
      }
    }
  }
  return lines;
}

}  // namespace recall::review
