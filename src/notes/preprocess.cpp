// The pre-pass before cmark-gfm. It works in steps over a vector of lines, each step linear:
// structure (front matter, code fences, Liquid, <details>, opt-out comments), classification of
// what is left, `$$` math, `recall:ignore`, implicit headings, and the re-nesting of outline-styled
// runs. A line is only ever rewritten in place, so line n of the output is line n of the note.
#include "recall/notes/preprocess.hpp"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "line_text.hpp"
#include "markup_scan.hpp"
#include "recall/notes/front_matter.hpp"

namespace recall::notes {
namespace {

// What a line is to the pre-pass once the structure of the note is known.
enum class Role : unsigned char {
  open,     // note text: classified, and possibly rewritten by the later steps
  blank,    // written empty: front matter, Liquid tags, `<br/>`, opt-outs, empty bullets
  frame,    // a `<details>`, `<summary>` or `{% highlight %}` tag line: written empty, and a
            // boundary between runs
  fence,    // a code fence line
  code,     // inside a code fence: copied as it is (de-indented with its frame)
  summary,  // a heading made of a `<summary>`: written from `out`
};

// What an open line looks like.
enum class Kind : unsigned char {
  blank,
  text,
  atx,      // `# heading`
  rule,     // a thematic break or a setext underline
  bullet,   // `-`, `+`, `*` markdown bullet
  ordered,  // `1.`, `1)`
  glyph,    // `•`, `◦`, `→`, ... bullets of plain-text exports
  org,      // `*text`, `** text`: org-style depth markers
};

bool is_item(Kind kind) {
  return kind == Kind::bullet || kind == Kind::ordered || kind == Kind::glyph || kind == Kind::org;
}

struct Line {
  std::string_view src;  // the line as the later steps see it: de-indented with its frame
  Role role = Role::open;
  Kind kind = Kind::blank;
  int dedent = 0;        // columns removed in front: the body of a <details> or highlight block
  int indent = 0;        // columns of leading whitespace of `src`
  int content = 0;       // items: byte offset in `src` where the item's text starts
  int marker = 0;        // ordered items: bytes of the number and its delimiter
  int depth = 0;         // org markers: the number of stars
  int level = 0;         // the level of the explicit heading (or summary) in effect above the line
  int heading = 0;       // > 0: written as a heading of this level
  bool math = false;     // inside `$$` display math
  bool star = false;     // `* text`: a markdown bullet, or an org marker of depth 1 in an org run
  bool arrow = false;    // a glyph item marked by an arrow: an item only in plain-text exports
  bool written = false;  // `out` holds the line as written
  int escape = -1;       // byte offset of the `\` put in front of a line of display math
  int out = -1;          // the rewritten line, or a summary heading's text: an index into the
                         // Rewriter's outs (few lines have one; a large note has a million lines)
};

// The glyphs that start an item in plain-text exports (Google Docs, Notion, Word, Apple Notes):
// • ◦ ▪ ▫ ● ○ ■ □ ◆ ◇ ► ▸ ▶ ‣ ⁃ ∙ · ㆍ, then the arrows → ➔ ➜ ➤, which in a markdown note more
// often mean "so" than start an item.
constexpr std::string_view kGlyphs[] = {
    "\u2022", "\u25E6", "\u25AA", "\u25AB", "\u25CF", "\u25CB", "\u25A0", "\u25A1",
    "\u25C6", "\u25C7", "\u25BA", "\u25B8", "\u25B6", "\u2023", "\u2043", "\u2219",
    "\u00B7", "\u318D", "\u2192", "\u2794", "\u279C", "\u27A4",
};
constexpr std::size_t kFirstArrow = 18;

// Fills kind, content, marker, depth and star of an open line from its `src`.
void classify(Line& line) {
  const std::string_view s = line.src;
  const std::size_t lead = s.size() - trim_left(s).size();
  const std::string_view t = trim_right(s.substr(lead));
  line.indent = indent_columns(s);
  line.kind = Kind::text;
  if (t.empty()) {
    line.kind = Kind::blank;
    return;
  }
  if (line.indent < 4 && atx_level(t) > 0) {
    line.kind = Kind::atx;
    return;
  }
  if (line.indent < 4 && is_rule(t)) {
    line.kind = Kind::rule;
    return;
  }
  const auto item_at = [&](Kind kind, std::size_t marker_end) {
    line.kind = kind;
    line.content = static_cast<int>(skip_blanks(s, lead + marker_end));
  };
  const char c = t.front();
  if (c == '*') {
    std::size_t run = 0;
    while (run < t.size() && t[run] == '*') ++run;
    const std::string_view after = t.substr(run);
    if (after.empty() || is_space_or_tab(after.front())) {
      // `* text` is a bullet in markdown; `** text` never is (a `**` before a space opens nothing).
      if (run == 1) {
        line.star = true;
        item_at(Kind::bullet, 1);
      } else if (!after.empty()) {
        line.depth = static_cast<int>(run);
        item_at(Kind::org, run);
      }
      return;
    }
    if (!emphasis_closes(after)) {
      line.depth = static_cast<int>(run);
      item_at(Kind::org, run);
    }
    return;
  }
  if ((c == '-' || c == '+') && (t.size() == 1 || is_space_or_tab(t[1]))) {
    item_at(Kind::bullet, 1);
    return;
  }
  if (c >= '0' && c <= '9') {
    std::size_t digits = 0;
    while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
    if (digits <= 9 && digits < t.size() && (t[digits] == '.' || t[digits] == ')') &&
        (digits + 1 == t.size() || is_space_or_tab(t[digits + 1]))) {
      line.marker = static_cast<int>(digits + 1);
      item_at(Kind::ordered, digits + 1);
    }
    return;
  }
  for (std::size_t g = 0; g < std::size(kGlyphs); ++g) {
    const std::string_view glyph = kGlyphs[g];
    if (t.substr(0, glyph.size()) != glyph) continue;
    if (t.size() == glyph.size()) {
      line.kind = Kind::blank;  // an empty bullet says nothing
      line.role = Role::blank;
    } else if (is_space_or_tab(t[glyph.size()])) {
      item_at(Kind::glyph, glyph.size());
      line.arrow = g >= kFirstArrow;
    }
    return;
  }
  // Word's second-level bullet `o`, exported as `o` and a tab or a few spaces.
  if (c == 'o') {
    if (t.size() == 1) {
      line.kind = Kind::blank;
      line.role = Role::blank;
    } else if (t[1] == '\t' || (t.size() > 2 && t[1] == ' ' && t[2] == ' ')) {
      item_at(Kind::glyph, 1);
    }
  }
}

// A `<details>` or `{% highlight %}` block being read.
struct Frame {
  bool details = false;
  int saved_level = 0;  // the section level outside it
  int min_indent = INT_MAX;
  std::vector<std::size_t> lines;  // the lines directly in it
};

struct IgnoreRequest {
  std::size_t line = 0;
  bool next = false;  // the block after the line, rather than the block the line starts
};

class Rewriter {
 public:
  explicit Rewriter(std::string_view text) : m_text(text) {
    const std::vector<std::string_view> lines = split_lines(text);
    m_lines.resize(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) m_lines[i].src = lines[i];
  }

  PreparedNote run() {
    PreparedNote note;
    FrontMatterBlock front = read_front_matter(m_text);
    note.front_matter = std::move(front.raw);
    note.meta = std::move(front.meta);
    if (!note.meta.enabled) return note;
    const auto first = static_cast<std::size_t>(front.lines);
    for (std::size_t i = 0; i < first && i < m_lines.size(); ++i) m_lines[i].role = Role::blank;
    m_liquid = first > 0 || std::any_of(m_lines.begin(), m_lines.end(), [](const Line& line) {
                 return trim_left(line.src).substr(0, 2) == "{%";
               });

    read_structure(first);
    for (Line& line : m_lines) {
      line.src = line.src.substr(indent_bytes(line.src, line.dedent));
      if (line.role == Role::open) {
        classify(line);
      } else {
        line.indent = indent_columns(line.src);
      }
    }
    m_plain = is_plain_export();
    if (!m_plain) {
      for (Line& line : m_lines) {
        if (line.kind == Kind::glyph && line.arrow) line.kind = Kind::text;
      }
    }
    find_math();
    apply_ignores();
    find_headings();
    rewrite_runs();
    assemble(note);
    return note;
  }

 private:
  // Step 1: code fences, opt-out regions, Liquid, `<br/>`, `<details>` and `<summary>`, and the
  // level of the explicit headings above each line.
  void read_structure(std::size_t first) {
    bool in_fence = false;
    char fence_char = 0;
    std::size_t fence_len = 0;
    bool off = false;
    bool liquid_comment = false;
    bool raw = false;
    bool prev_paragraph = false;
    for (std::size_t i = first; i < m_lines.size(); ++i) {
      Line& line = m_lines[i];
      if (in_fence) {
        add_to_frame(i, false);
        line.role = closes_fence(line.src, fence_char, fence_len) ? Role::fence : Role::code;
        in_fence = line.role == Role::code;
        prev_paragraph = false;
        continue;
      }
      std::size_t begin = 0;
      std::size_t end = 0;
      if (off) {
        line.role = Role::blank;
        off = recall_marker(line.src, begin, end) != Marker::on;
        continue;
      }
      if (liquid_comment) {
        line.role = Role::blank;
        liquid_comment = find_ci(line.src, "endcomment") == std::string_view::npos;
        continue;
      }
      if (m_summary_open && continue_summary(i)) continue;

      line.level = m_level;
      std::string_view t = trim(line.src);
      if (t.empty()) {
        add_to_frame(i, false);
        prev_paragraph = false;
        continue;
      }
      if (opens_fence(t, fence_char, fence_len)) {
        line.role = Role::fence;
        in_fence = true;
        add_to_frame(i, true);
        prev_paragraph = false;
        continue;
      }
      switch (recall_marker(line.src, begin, end)) {
        case Marker::off:
          line.role = Role::blank;
          off = true;
          continue;
        case Marker::on:
          line.role = Role::blank;
          continue;
        case Marker::ignore: {
          const bool alone =
              trim(line.src.substr(0, begin)).empty() && trim(line.src.substr(end)).empty();
          m_ignores.push_back({i, alone});
          if (alone) {
            line.role = Role::blank;
            continue;
          }
          break;
        }
        case Marker::none:
          break;
      }
      if (t.front() == '{' && read_liquid(i, t, liquid_comment, raw)) continue;
      if (is_break_line(t)) {
        line.role = Role::blank;
        continue;
      }
      if (read_details(i, t)) {
        prev_paragraph = false;
        continue;
      }
      if (const int level = atx_level(t); level > 0) {
        m_level = level;
      } else if (prev_paragraph && !t.empty() && (t.front() == '=' || t.front() == '-') &&
                 is_rule(t) && t.find_first_of(" \t") == std::string_view::npos) {
        m_level = t.front() == '=' ? 1 : 2;
      }
      const char c = t.front();
      prev_paragraph = !(c == '#' || c == '-' || c == '*' || c == '+' || c == '>' || c == '<' ||
                         c == '|' || (c >= '0' && c <= '9'));
      add_to_frame(i, true);
    }
    if (m_summary_open) finish_summary(m_summary_at, m_summary_text);
    while (!m_frames.empty()) close_frame();
  }

  void add_to_frame(std::size_t i, bool counts) {
    if (m_frames.empty()) return;
    Frame& frame = m_frames.back();
    frame.lines.push_back(i);
    if (counts) frame.min_indent = std::min(frame.min_indent, indent_columns(m_lines[i].src));
  }

  void open_frame(bool details) {
    Frame frame;
    frame.details = details;
    frame.saved_level = m_level;
    m_frames.push_back(std::move(frame));
  }

  // The body of a block is de-indented as a whole: its least indented line goes to column 0, so
  // that the usual two spaces inside <details> never add up to an indented code block.
  void close_frame() {
    Frame& frame = m_frames.back();
    const int dedent = frame.min_indent == INT_MAX ? 0 : frame.min_indent;
    for (const std::size_t i : frame.lines) m_lines[i].dedent = dedent;
    m_level = frame.saved_level;
    m_frames.pop_back();
  }

  // Liquid tag lines, in a note that uses Liquid; true when line i was one. The lines of a
  // `{% highlight %}` block are the author's notes; `{% comment %}` blocks are dropped whole and
  // `{% raw %}` blocks kept as written. Tags inside text stay as written: a note about Vue or
  // Jinja has `{{ name }}` in its text and in indented code, which the pre-pass cannot tell apart.
  bool read_liquid(std::size_t i, std::string_view t, bool& liquid_comment, bool& raw) {
    if (!m_liquid || !only_liquid(t)) return false;
    Line& line = m_lines[i];
    std::size_t end = 0;
    std::string_view name;
    liquid_at(t, 0, end, name);
    if (raw) {
      if (name != "endraw") return false;
      raw = false;
      line.role = Role::blank;
      return true;
    }
    line.role = Role::blank;
    if (name == "highlight") {
      line.role = Role::frame;
      open_frame(false);
    } else if (name == "endhighlight") {
      line.role = Role::frame;
      if (!m_frames.empty() && !m_frames.back().details) close_frame();
    } else if (name == "comment") {
      liquid_comment = find_ci(t.substr(end), "endcomment") == std::string_view::npos;
    } else if (name == "raw") {
      raw = find_ci(t.substr(end), "endraw") == std::string_view::npos;
    }
    return true;
  }

  // `<details>`, `<summary>` and `</details>` lines; true when line i was one.
  bool read_details(std::size_t i, std::string_view t) {
    Line& line = m_lines[i];
    if (starts_tag(t, "<details")) {
      line.role = Role::frame;
      open_frame(true);
      const std::size_t close = t.find('>');
      std::string_view rest = close == std::string_view::npos ? "" : trim(t.substr(close + 1));
      if (starts_tag(rest, "<summary")) start_summary(i, rest);
      if (!m_summary_open && find_ci(t, "</details") != std::string_view::npos &&
          !m_frames.empty()) {
        close_frame();
      }
      return true;
    }
    if (starts_tag(t, "<summary")) {
      line.role = Role::frame;
      start_summary(i, t);
      return true;
    }
    if (starts_tag(t, "</details") || starts_tag(t, "</summary")) {
      line.role = Role::frame;
      if (starts_tag(t, "</details") && !m_frames.empty() && m_frames.back().details) {
        close_frame();
      }
      return true;
    }
    return false;
  }

  // `s` starts with `<summary...`.
  void start_summary(std::size_t i, std::string_view s) {
    const std::size_t open_end = s.find('>');
    const std::string_view after =
        open_end == std::string_view::npos ? std::string_view{} : s.substr(open_end + 1);
    const std::size_t close = find_ci(after, "</summary");
    if (close != std::string_view::npos) {
      finish_summary(i, std::string(after.substr(0, close)));
      return;
    }
    m_summary_open = true;
    m_summary_start = i;
    m_summary_text = std::string(after);
    m_summary_at = plain_summary(after).empty() ? SIZE_MAX : i;
  }

  // Line i while a `<summary>` is open; false when the summary ended before it (a blank line or
  // too many lines) and the line is to be read as usual.
  bool continue_summary(std::size_t i) {
    Line& line = m_lines[i];
    const std::size_t close = find_ci(line.src, "</summary");
    const std::string_view part = line.src.substr(0, close);
    if (close == std::string_view::npos && (trim(line.src).empty() || i > m_summary_start + 8)) {
      finish_summary(m_summary_at == SIZE_MAX ? m_summary_start : m_summary_at, m_summary_text);
      return false;
    }
    line.role = Role::frame;
    m_summary_text += ' ';
    m_summary_text += part;
    if (m_summary_at == SIZE_MAX && !plain_summary(part).empty()) m_summary_at = i;
    if (close != std::string_view::npos) {
      finish_summary(m_summary_at == SIZE_MAX ? i : m_summary_at, m_summary_text);
      if (find_ci(line.src.substr(close), "</details") != std::string_view::npos &&
          !m_frames.empty() && m_frames.back().details) {
        close_frame();
      }
    }
    return true;
  }

  void finish_summary(std::size_t at, const std::string& text) {
    m_summary_open = false;
    std::string heading = plain_summary(text);
    if (heading.empty() || at >= m_lines.size()) return;
    const int outside = m_frames.empty() ? m_level : m_frames.back().saved_level;
    Line& line = m_lines[at];
    line.role = Role::summary;
    line.heading = std::min(outside + 1, 6);
    out_of(line) = std::move(heading);
    m_level = line.heading;
  }

  // A plain-text export: no markdown headings, bullets, quotes or fences, but text that only
  // indentation structures (glyph bullets, indented lines).
  bool is_plain_export() const {
    bool plain_signs = false;
    for (const Line& line : m_lines) {
      if (line.role == Role::fence || line.role == Role::summary) return false;
      if (line.role != Role::open) continue;
      switch (line.kind) {
        case Kind::atx:
        case Kind::rule:
        case Kind::bullet:
        case Kind::org:
          return false;
        case Kind::glyph:
          plain_signs = plain_signs || !line.arrow;
          break;
        case Kind::text: {
          const std::string_view t = trim_left(line.src);
          if (t.front() == '>' || t.front() == '|') return false;
          if (line.indent >= 2) plain_signs = true;
          break;
        }
        case Kind::blank:
        case Kind::ordered:
          break;
      }
    }
    return plain_signs;
  }

  // Step 3: lines strictly between two lines with an odd number of `$$` are display math. A
  // region that meets anything but open lines is not math after all.
  void find_math() {
    bool in_math = false;
    std::vector<std::size_t> pending;
    const auto cancel = [&] {
      for (const std::size_t i : pending) m_lines[i].math = false;
      pending.clear();
      in_math = false;
    };
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
      Line& line = m_lines[i];
      if (line.role != Role::open) {
        if (in_math) cancel();
        continue;
      }
      std::size_t count = 0;
      for (std::size_t at = line.src.find("$$"); at != std::string_view::npos;
           at = line.src.find("$$", at + 2)) {
        ++count;
      }
      if (in_math) {
        if (count % 2 == 1) {
          pending.clear();
          in_math = false;
        } else {
          line.math = true;
          pending.push_back(i);
        }
      } else if (count % 2 == 1) {
        // Four columns of indentation after a blank line make code in markdown, not math.
        const bool after_blank = i == 0 || m_lines[i - 1].kind == Kind::blank;
        in_math = m_plain || line.indent < 4 || !after_blank;
      }
    }
    if (in_math) cancel();
  }

  bool is_blankish(std::size_t i) const {
    const Line& line = m_lines[i];
    return line.role == Role::blank || line.role == Role::frame ||
           (line.role == Role::open && line.kind == Kind::blank && !line.math);
  }

  // A line the opt-out of the block above it passes over on its way to the block.
  bool is_skippable(std::size_t i) const {
    const Line& line = m_lines[i];
    return line.role == Role::blank ||
           (line.role == Role::open && line.kind == Kind::blank && !line.math);
  }

  // Step 4: `<!-- recall:ignore -->` drops the block after it (or the block its line starts).
  // Blocks never overlap and each request finds its block through `next`, so this is linear.
  void apply_ignores() {
    if (m_ignores.empty()) return;
    std::vector<std::size_t> next(m_lines.size() + 1, m_lines.size());
    for (std::size_t i = m_lines.size(); i-- > 0;) next[i] = is_skippable(i) ? next[i + 1] : i;
    for (const IgnoreRequest& request : m_ignores) {
      const std::size_t target = request.next ? next[request.line + 1] : request.line;
      if (target >= m_lines.size()) continue;
      const Line& line = m_lines[target];
      if (line.role == Role::fence) {
        drop_fence(target);
      } else if (line.role == Role::open && is_item(line.kind)) {
        drop_item(target, request.next);
      } else if (line.role == Role::open && line.kind == Kind::atx) {
        m_lines[target].role = Role::blank;
      } else if (line.role == Role::open || line.role == Role::summary) {
        drop_paragraph(target);
      }
    }
  }

  // The fence that opens at `at` and its code; returns its last line.
  std::size_t drop_fence(std::size_t at) {
    m_lines[at].role = Role::blank;
    std::size_t j = at + 1;
    for (; j < m_lines.size(); ++j) {
      const Role role = m_lines[j].role;
      if (role != Role::code && role != Role::fence) break;
      m_lines[j].role = Role::blank;
      if (role == Role::fence) return j;
    }
    return j - 1;
  }

  // The item and what belongs to it: lines indented deeper (for org markers: deeper markers and
  // the text under them), the blank lines between them, and lazy continuation lines right under.
  // With `to_blank_line` the items that follow without a blank line go too: a comment above a
  // tight list drops the list, as it drops a paragraph, up to the next blank line.
  void drop_item(std::size_t at, bool to_blank_line) {
    std::size_t next = at;
    bool blank_before = false;
    do {
      next = drop_one_item(next, blank_before);
    } while (to_blank_line && !blank_before && next < m_lines.size() &&
             m_lines[next].role == Role::open && is_item(m_lines[next].kind));
  }

  // Returns the first line after the item; `blank_before` tells whether a blank line precedes it.
  std::size_t drop_one_item(std::size_t at, bool& blank_before) {
    const Kind kind = m_lines[at].kind;
    const int indent = m_lines[at].indent;
    const int depth = m_lines[at].depth;
    m_lines[at].role = Role::blank;
    bool after_text = true;  // the line above belongs to the item and is not blank
    std::size_t j = at + 1;
    for (; j < m_lines.size(); ++j) {
      Line& line = m_lines[j];
      if (is_skippable(j)) {
        after_text = false;
        continue;
      }
      if (line.role == Role::fence && (kind == Kind::org || line.indent > indent)) {
        j = drop_fence(j);
        after_text = false;
        continue;
      }
      if (line.role != Role::open || line.kind == Kind::atx || line.kind == Kind::rule) break;
      bool belongs = false;
      if (kind == Kind::org) {
        belongs = line.kind == Kind::org ? line.depth > depth
                                         : !line.star && (after_text || line.indent > 0);
      } else {
        belongs = line.indent > indent || (after_text && !is_item(line.kind));
      }
      if (!belongs) break;
      line.role = Role::blank;
      after_text = true;
    }
    blank_before = !after_text;
    return j;
  }

  // A paragraph (or anything else): the lines up to the next blank line.
  void drop_paragraph(std::size_t at) {
    for (std::size_t j = at; j < m_lines.size(); ++j) {
      Line& line = m_lines[j];
      if (line.role != Role::open && line.role != Role::summary) break;
      if (is_skippable(j)) break;
      line.role = Role::blank;
    }
  }

  // Step 5: short title-like lines on their own become headings.
  // A title sits at the note's own left margin (plain-text exports indent everything): a line
  // indented deeper is inside an item or continues something.
  void find_headings() {
    int margin = INT_MAX;
    for (const Line& line : m_lines) {
      if (line.role == Role::open && line.kind != Kind::blank) {
        margin = std::min(margin, line.indent);
      }
    }
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
      Line& line = m_lines[i];
      if (line.role != Role::open || line.kind != Kind::text || line.math ||
          line.indent != margin || line.indent >= 4) {
        continue;
      }
      const bool alone_above =
          i == 0 || is_blankish(i - 1) || m_lines[i - 1].heading > 0 ||
          (m_lines[i - 1].role == Role::open && m_lines[i - 1].kind == Kind::atx);
      if (!alone_above || !is_title_like(trim(line.src))) continue;
      if (followed_by_body(i)) line.heading = std::min(line.level + 1, 6);
    }
  }

  // What comes after a title candidate makes it a heading: a list right under it or after blank
  // lines; in a plain-text export also indented text under it or anything after blank lines; a
  // title ending in `:` may also lead a paragraph.
  bool followed_by_body(std::size_t i) const {
    const Line& title = m_lines[i];
    const bool colon = ends_with_colon(trim(title.src));
    if (i + 1 >= m_lines.size()) return false;
    const Line& below = m_lines[i + 1];
    if (below.role == Role::open && !below.math && below.kind != Kind::blank) {
      if (is_item(below.kind)) return true;
      return m_plain && below.kind == Kind::text && below.indent > title.indent;
    }
    if (!is_blankish(i + 1) || below.role == Role::frame) return false;
    std::size_t j = i + 1;
    while (j < m_lines.size() && is_blankish(j) && m_lines[j].role != Role::frame) ++j;
    if (j >= m_lines.size() || m_lines[j].role != Role::open || m_lines[j].math) return false;
    const Kind kind = m_lines[j].kind;
    if (is_item(kind)) return true;
    return kind == Kind::text && (m_plain || colon);
  }

  // A run: the lines between two boundaries (headings, code fences, frame tags, rules).
  bool is_boundary(std::size_t i) const {
    const Line& line = m_lines[i];
    switch (line.role) {
      case Role::open:
        return line.heading > 0 ||
               (!line.math && (line.kind == Kind::atx || line.kind == Kind::rule));
      case Role::blank:
        return false;
      case Role::frame:
      case Role::fence:
      case Role::code:
      case Role::summary:
        return true;
    }
    return true;
  }

  // Step 6: runs that are written in outline style are re-nested.
  void rewrite_runs() {
    std::size_t i = 0;
    while (i < m_lines.size()) {
      if (is_boundary(i)) {
        ++i;
        continue;
      }
      std::size_t end = i;
      bool glyphs = false;
      bool org = false;
      while (end < m_lines.size() && !is_boundary(end)) {
        const Line& line = m_lines[end];
        if (line.role == Role::open && !line.math) {
          glyphs = glyphs || line.kind == Kind::glyph;
          org = org || line.kind == Kind::org;
        }
        ++end;
      }
      if (m_plain || glyphs || org) {
        renest(i, end, org);
      } else {
        for (std::size_t k = i; k < end; ++k) {
          if (m_lines[k].role == Role::open && m_lines[k].math) escape_math(k, -1);
        }
      }
      i = end;
    }
  }

  // A line of display math, written behind a `\` so that nothing on it starts a block.
  // `column` < 0 keeps the line's own indentation.
  void escape_math(std::size_t i, int column) {
    Line& line = m_lines[i];
    const int indent = column < 0 ? std::min(line.indent, 3) : column;
    std::string& out = out_of(line);
    out.assign(static_cast<std::size_t>(indent), ' ');
    std::string_view text = trim(line.src);
    // `> $$` … `> \max(…)`: math inside a block quote (an Obsidian callout) keeps the quote's
    // markers in front of the escape, or the quote would end there and its `>` become text.
    if (i > 0 && trim_left(m_lines[i - 1].src).starts_with(">")) {
      while (!text.empty() && (text.front() == '>' || text.front() == ' ')) {
        out += text.front();
        text.remove_prefix(1);
      }
    }
    line.escape = static_cast<int>(out.size());
    out += '\\';
    out += text;
    line.written = true;
  }

  struct Open {
    bool org = false;
    int depth = 0;        // org items: the number of stars
    int child_min = 0;    // other items: the least indentation of a line that belongs to it
    int content_col = 0;  // the column the item's text starts at once rewritten
  };

  // The least indentation of a line inside an item: markdown items follow CommonMark (the column
  // of their text), glyph items take anything indented deeper than their glyph.
  static int child_min(const Line& line) {
    if (line.kind == Kind::glyph) return line.indent + 1;
    const int marker = line.kind == Kind::ordered ? line.marker : 1;
    const int marker_end = line.indent + marker;
    const std::size_t lead = line.src.size() - trim_left(line.src).size();
    const auto content = static_cast<std::size_t>(line.content);
    const std::size_t gap_begin = std::min(lead + static_cast<std::size_t>(marker), content);
    int spaces = 0;
    for (const char c : line.src.substr(gap_begin, content - gap_begin)) {
      spaces += c == '\t' ? 4 - (marker_end + spaces) % 4 : 1;
    }
    const bool no_text = trim(line.src.substr(content)).empty();
    return no_text || spaces == 0 || spaces > 4 ? marker_end + 1 : marker_end + spaces;
  }

  // Items nest by indentation (glyphs, markdown bullets, numbers) or by depth (org markers); text
  // goes under the item it belongs to, and at column 0 when it belongs to none.
  void renest(std::size_t begin, std::size_t end, bool org) {
    std::vector<Open> stack;
    const auto pop_to = [&stack](int indent) {
      while (!stack.empty() && !stack.back().org && indent < stack.back().child_min) {
        stack.pop_back();
      }
    };
    bool prev_blank = true;
    for (std::size_t i = begin; i < end; ++i) {
      Line& line = m_lines[i];
      if (line.role != Role::open) {
        prev_blank = true;
        continue;
      }
      if (line.math) {
        escape_math(i, stack.empty() ? 0 : stack.back().content_col);
        prev_blank = false;
        continue;
      }
      if (line.kind == Kind::blank) {
        out_of(line).clear();
        line.written = true;
        prev_blank = true;
        continue;
      }
      const bool org_item = line.kind == Kind::org || (org && line.star);
      if (org_item || is_item(line.kind)) {
        const int depth = line.kind == Kind::org ? line.depth : 1;
        if (org_item) {
          while (!stack.empty() && (!stack.back().org || stack.back().depth >= depth)) {
            stack.pop_back();
          }
        } else {
          pop_to(line.indent);
        }
        const int at = stack.empty() ? 0 : stack.back().content_col;
        std::string_view marker = "-";
        if (line.kind == Kind::ordered) {
          marker = trim_left(line.src).substr(0, static_cast<std::size_t>(line.marker));
        } else if (line.kind == Kind::bullet && !org_item) {
          marker = trim_left(line.src).substr(0, 1);
        }
        const std::string_view text = line.src.substr(static_cast<std::size_t>(line.content));
        std::string& out = out_of(line);
        out.assign(static_cast<std::size_t>(at), ' ');
        out += marker;
        if (!trim(text).empty()) {
          out += ' ';
          out += text;
        }
        line.written = true;
        stack.push_back({org_item, org_item ? depth : 0, org_item ? 0 : child_min(line),
                         at + static_cast<int>(marker.size()) + 1});
        prev_blank = false;
        continue;
      }
      // Text: right under a line it continues it; after a blank line it goes under the item it
      // is indented into (org items keep the text that follows them).
      if (prev_blank) pop_to(line.indent);
      const int at = stack.empty() ? 0 : stack.back().content_col;
      std::string& out = out_of(line);
      out.assign(static_cast<std::size_t>(at), ' ');
      out += trim_left(line.src);
      line.written = true;
      prev_blank = false;
    }
  }

  void assemble(PreparedNote& note) {
    note.escapes.assign(m_lines.size(), -1);
    std::string& out = note.markdown;
    // About the note's size (a heading's `#`s or an escape added here and there): reserved, a
    // large note's markdown is not grown by doubling, with the old and new buffers both alive.
    out.reserve(m_text.size() + m_text.size() / 32 + 64);
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
      if (i > 0) out += '\n';
      const Line& line = m_lines[i];
      switch (line.role) {
        case Role::blank:
        case Role::frame:
          break;
        case Role::fence:
        case Role::code:
          out += line.src;
          break;
        case Role::summary:
          out.append(static_cast<std::size_t>(line.heading), '#');
          out += ' ';
          out += out_text(line);
          break;
        case Role::open:
          if (line.heading > 0) {
            out.append(static_cast<std::size_t>(line.heading), '#');
            out += ' ';
            out += trim(line.src);
          } else if (line.written) {
            out += out_text(line);
            note.escapes[i] = line.escape;
          } else if (line.kind != Kind::blank) {
            out += line.src;
          }
          break;
      }
    }
  }

  // The line's rewritten text, made empty on first use.
  std::string& out_of(Line& line) {
    if (line.out < 0) {
      line.out = static_cast<int>(m_outs.size());
      m_outs.emplace_back();
    }
    return m_outs[static_cast<std::size_t>(line.out)];
  }

  std::string_view out_text(const Line& line) const {
    return line.out < 0 ? std::string_view{} : m_outs[static_cast<std::size_t>(line.out)];
  }

  std::string_view m_text;
  std::vector<Line> m_lines;
  std::vector<std::string> m_outs;  // Line::out
  std::vector<Frame> m_frames;
  std::vector<IgnoreRequest> m_ignores;
  int m_level = 0;
  bool m_plain = false;
  bool m_liquid = false;  // the note is a Jekyll post: front matter, or a `{%` tag line
  bool m_summary_open = false;
  std::size_t m_summary_start = 0;
  std::size_t m_summary_at = SIZE_MAX;
  std::string m_summary_text;
};

}  // namespace

PreparedNote prepare_note(std::string_view text) { return Rewriter(text).run(); }

std::string to_markdown(std::string_view text, FrontMatter& meta) {
  PreparedNote note = prepare_note(text);
  meta = std::move(note.meta);
  return std::move(note.markdown);
}

}  // namespace recall::notes
