// Markdown to Outline: the pre-pass, then cmark-gfm on the note, whole or in pieces.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <vector>

#include "outline_convert.hpp"
#include "recall/notes/outline.hpp"
#include "recall/notes/preprocess.hpp"

namespace recall::notes {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

cmark_parser* new_parser() {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, extension);
    }
  }
  return parser;
}

// The document cmark-gfm makes of `text`, or nullptr.
NodePtr parse_document(std::string_view text) {
  const ParserPtr parser(new_parser());
  if (!parser) return nullptr;
  // cmark-gfm (0.29) keeps its table of special inline characters in a global that each parse
  // changes, adding its extensions' characters when it starts and taking them out when it ends
  // (github/cmark-gfm#176): two parses at once on the import's threads would each miss the
  // other's `~` or `:` now and then. One parse at a time; the rest of a note's work runs free.
  static std::mutex parsing;
  const std::lock_guard<std::mutex> one_at_a_time(parsing);
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

// Where a parse of a prefix of the text may stop: `stop` is the first of the top-level nodes that
// the text from `line` on is parsed again for, and `line` the line where they start (in the
// prefix). They are the last top-level node that starts on a known line after another such node,
// together with the nodes right before it whose position cmark lost (the paragraph over a table
// starts where the table does). No `stop` when there is none after the first node.
struct PieceEnd {
  cmark_node* stop = nullptr;
  int line = 0;
};

PieceEnd piece_end(cmark_node* document) {
  for (cmark_node* node = cmark_node_last_child(document); node != nullptr;
       node = cmark_node_previous(node)) {
    const int line = cmark_node_get_start_line(node);
    if (line <= 0) continue;
    cmark_node* stop = node;
    while (cmark_node_previous(stop) != nullptr &&
           cmark_node_get_start_line(cmark_node_previous(stop)) <= 0) {
      stop = cmark_node_previous(stop);
    }
    if (cmark_node_previous(stop) != nullptr) return {stop, line};
  }
  return {};
}

// The prefix of `text` that is at least `bytes` long and ends after a '\n', or all of it.
std::string_view prefix_of_lines(std::string_view text, std::size_t bytes) {
  if (bytes >= text.size()) return text;
  const std::size_t end = text.find('\n', bytes - 1);
  return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

// Parses `lines` (the prepared note) into top-level blocks appended to `out`, in pieces of about
// `piece_bytes` when it is longer. Block parsing is line by line and never looks ahead, so a parse
// of a prefix of the text builds every top-level block but the last ones exactly as a parse of
// all of it does, and a top-level block starts in the same state as the document does. Each
// piece therefore runs from a top-level block start to the start of the last whole block that the
// prefix parse found; that last block is parsed again with the next piece. A block longer than
// the piece (one list of the whole note) doubles the prefix until it fits.
void parse_blocks(const Lines& lines, std::string_view text, const std::vector<int>& escapes,
                  const NoteText& note, std::size_t piece_bytes, std::vector<Block>& out) {
  piece_bytes = std::max<std::size_t>(piece_bytes, 1);
  int first_line = 1;
  std::size_t window = piece_bytes;
  while (true) {
    const std::string_view rest = text.substr(lines.offset(first_line));
    const std::string_view piece = prefix_of_lines(rest, window);
    const NodePtr document = parse_document(piece);
    if (!document) return;
    cmark_node* first = cmark_node_first_child(document.get());
    if (piece.size() == rest.size()) {
      convert_top_level(first, nullptr, lines, escapes, note, first_line - 1, out);
      return;
    }
    const PieceEnd end = piece_end(document.get());
    if (end.stop == nullptr) {
      window = std::min(window * 2, rest.size());
      continue;
    }
    convert_top_level(first, end.stop, lines, escapes, note, first_line - 1, out);
    first_line += end.line - 1;
    window = piece_bytes;
  }
}

// The hidden override of kPieceBytes: RECALL_NOTE_PIECE_BYTES, a byte count, for tests that make
// small notes parse in pieces.
std::size_t default_piece_bytes() {
  static const std::size_t bytes = [] {
    const char* value = std::getenv("RECALL_NOTE_PIECE_BYTES");
    std::size_t parsed = 0;
    if (value == nullptr) return kPieceBytes;
    const std::string_view text(value);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    return error == std::errc{} && end == text.data() + text.size() && parsed > 0 ? parsed
                                                                                  : kPieceBytes;
  }();
  return bytes;
}

}  // namespace

Outline parse_outline(std::string_view markdown) {
  return parse_outline(markdown, default_piece_bytes());
}

Outline parse_outline(std::string_view markdown, std::size_t piece_bytes) {
  Outline outline;
  PreparedNote note = prepare_note(markdown);
  outline.front_matter = std::move(note.front_matter);
  outline.meta = std::move(note.meta);
  if (!outline.meta.enabled) return outline;

  // Block text is cut from the lines the parser saw: the pre-pass only rewrites what is not the
  // note's text (indentation, markers, tag lines), so the text is the note's own, and a view of
  // `markdown` wherever it has the same bytes.
  {
    const Lines lines(note.markdown);
    const NoteText text(markdown, *outline.texts);
    parse_blocks(lines, note.markdown, note.escapes, text, piece_bytes, outline.blocks);
  }
  settle_blocks(outline.blocks);
  // The vector grew by doubling: up to half of it unused (a 50 MB note has 284,000 top-level
  // blocks, 23 MB, in room for 42 MB) for as long as extraction runs, when a note's memory peaks.
  if (outline.blocks.capacity() - outline.blocks.size() > 1024) outline.blocks.shrink_to_fit();
  return outline;
}

}  // namespace recall::notes
