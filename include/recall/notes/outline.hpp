// The Outline: a markdown note as a plain tree of blocks that remember their source lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace recall::notes {

enum class BlockKind : std::uint8_t {
  heading,    // `#` or setext heading; `level` and `text`
  paragraph,  // `text`: the lines as written
  list,       // `ordered`, `start`, `tight`; children are items
  item,       // `task`; children are the item's blocks, the first one usually a paragraph
  code,       // `text`: the code, `info`: the fence info string
  html,       // `text`: the raw HTML
  quote,      // block quote; children are its blocks
  table,      // `text`: the rows as written
  rule,       // thematic break
  other,      // anything else (footnote definitions)
};

// A list item's checkbox.
enum class Task : std::uint8_t { none, open, done };

// One block of a note. Line numbers are 1-based lines of the original file (front matter and
// everything else that the parser does not see still counts). Text keeps the markdown as written,
// inline markup, LaTeX and code spans untouched; only what belongs to an enclosing container
// (list indentation, `>` markers, the list marker, a task checkbox) is removed, and each line is
// trimmed on the right.
//
// `text` and `info` are views: into the note text that parse_outline() read, where the note has
// those bytes as they are (most blocks), else into the Outline's TextStore. They stay valid as
// long as both that note text and the outline (or a copy of it, which shares the store) live.
struct Block {
  std::string_view text;  // lines joined by '\n'; see BlockKind
  std::string_view info;  // code: the fence info string, e.g. `python`
  std::vector<Block> children;
  int line = 0;            // first line
  int end_line = 0;        // last line, inclusive, never before `line`
  int level = 0;           // heading: 1..6
  int start = 1;           // list: the number of the first item of an ordered list
  BlockKind kind = BlockKind::other;
  Task task = Task::none;  // item: `- [ ]` is open, `- [x]` is done
  bool ordered = false;    // list: `1.` rather than `-`
  bool tight = true;       // list: no blank lines between the items
};

// Owns the block text that is not in the note as written (lines joined across a container's
// markers, cmark's literal of an indented code block, ...), packed in large chunks rather than
// one allocation per block. Views it hands out stay valid as long as the store lives; it is never
// copied (an Outline shares it).
class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  // A copy of `text` kept in the store; an empty text is not stored.
  std::string_view keep(std::string_view text);

 private:
  std::vector<std::unique_ptr<char[]>> m_chunks;
  std::size_t m_used = 0;  // bytes used of the last chunk
  std::size_t m_size = 0;  // size of the last chunk
};

// How deep blocks may nest in an Outline (block quotes, lists and items each count one level).
inline constexpr int kMaxDepth = 64;

// What a note's front matter (YAML `---` or TOML `+++`) says about it. Never makes cards.
struct FrontMatter {
  std::string title;
  std::vector<std::string> tags;  // `tags` and `categories`, in that order, deduplicated
  bool enabled = true;            // `recall: false` turns the whole file off
};

// A parsed note.
struct Outline {
  std::string front_matter;   // the raw front matter text between its fences (`---` YAML or
                              // `+++` TOML), empty if none
  FrontMatter meta;           // what it says
  std::vector<Block> blocks;  // top-level blocks in note order
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();  // the text of blocks that
                                                                     // is not the note's
};

// Parses a note (valid UTF-8, LF line ends; the caller keeps `markdown` alive and unchanged as long
// as the outline's blocks are used: their text views it) as GitHub-flavoured markdown (tables,
// strikethrough, autolinks, task lists), after prepare_note() has rewritten the formats notes come
// in into the markdown they mean, line for line: front matter (YAML or TOML) is set aside in
// `front_matter` and `meta`; Jekyll `{% highlight %}` blocks are notes; a `<details>` summary is a
// heading over its body; org-style `**` markers and `•` bullets are nested items; a short title
// line on its own over a list is a heading; `$$` math stays one paragraph; opt-out comments drop
// blocks. A note whose front matter says `recall: false` has no blocks. Line numbers are always the
// note's. Blocks nested deeper than kMaxDepth are left out so that walking the outline never
// recurses without bound. Never throws on any content.
//
// A note longer than kPieceBytes is parsed in pieces that start where a top-level block starts, so
// that cmark-gfm's tree (about 12 bytes per byte of text) never holds more than about a piece;
// the outline is the same as from one parse (a link reference defined in another piece changes
// only inline content, which the outline does not take from cmark). The environment variable
// RECALL_NOTE_PIECE_BYTES (a byte count) overrides kPieceBytes; it exists for tests, which make
// small notes parse in pieces with it.
Outline parse_outline(std::string_view markdown);

// The piece size above which parse_outline() parses a note in pieces.
inline constexpr std::size_t kPieceBytes = 1024 * 1024;

// parse_outline() with pieces of about `piece_bytes` (at least 1; the size of the note or more:
// one parse). For tests and measurements.
Outline parse_outline(std::string_view markdown, std::size_t piece_bytes);

// The first paragraph of a list item (its head line(s)), or nullptr when the item starts with
// something else or is empty.
const Block* item_head(const Block& item);

}  // namespace recall::notes
