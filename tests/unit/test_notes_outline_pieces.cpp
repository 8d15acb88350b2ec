// notes::parse_outline in pieces: a note parsed in pieces of any size gives the same outline as one
// parse (the pieces exist only to bound cmark-gfm's memory on large notes).
#include <catch2/catch.hpp>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "recall/notes/outline.hpp"

namespace fs = std::filesystem;
using recall::notes::Block;
using recall::notes::Outline;
using recall::notes::parse_outline;

namespace {

constexpr std::size_t kWhole = std::numeric_limits<std::size_t>::max();

// Every field of every block, one block a line, children indented.
void dump(const std::vector<Block>& blocks, int depth, std::string& out) {
  for (const Block& b : blocks) {
    std::ostringstream line;
    line << std::string(static_cast<std::size_t>(depth) * 2, ' ') << static_cast<int>(b.kind) << ' '
         << b.line << '-' << b.end_line << " level=" << b.level << " info=[" << b.info
         << "] ordered=" << b.ordered << " start=" << b.start << " tight=" << b.tight
         << " task=" << static_cast<int>(b.task) << " text=[" << b.text << "]\n";
    out += line.str();
    dump(b.children, depth + 1, out);
  }
}

std::string dump(const Outline& outline) {
  std::string out = "front matter=[" + outline.front_matter + "] title=[" + outline.meta.title +
                    "] enabled=" + std::to_string(outline.meta.enabled) + "\n";
  dump(outline.blocks, 0, out);
  return out;
}

// Checks `note` in pieces of each of `sizes` bytes against one parse.
void check_pieces(const std::string& note, const std::vector<std::size_t>& sizes) {
  const std::string whole = dump(parse_outline(note, kWhole));
  for (const std::size_t size : sizes) {
    INFO("piece size " << size);
    CHECK(dump(parse_outline(note, size)) == whole);
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("a note parsed in pieces has the outline of one parse", "[notes][outline][pieces]") {
  struct Case {
    const char* name;
    const char* note;
  };
  const Case cases[] = {
      {"headings and paragraphs",
       "# Title\n\nIntro paragraph\non two lines.\n\n## Part one\n\nText of part one.\n"
       "## Part two\nText right under.\n\n### Deeper\n\nLast words.\n"},
      {"setext headings",
       "Setext one\n==========\n\nbody\n\nSetext two\n----------\nbody two\n\n"
       "two lines of\nsetext title\n===\n"},
      {"fences with # lines, blank lines and an unclosed fence",
       "# Commands\n\n```bash\n# not a heading\n\n# still code\necho hi\n```\n\n"
       "~~~\n# tilde fence\n\n~~~\n\n## After\n\n```\n# open to the end\n\n# of the note\n"},
      {"lists across blank lines, nested, tasks, ordered",
       "- alpha: first\n- beta: second\n\n  continued beta\n\n    - nested: deep\n\n"
       "- gamma: third\n\n# Next\n\n3. three\n4. four\n\n\n5. five\n\n- [ ] open\n- [x] done\n"},
      {"tables, with and without a paragraph right over them",
       "# Compare\n\n| term | meaning |\n| --- | --- |\n| TCP | reliable |\n| UDP | fast |\n\n"
       "Lead line one\nlead line two\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
       "Only a lead\n| x | y |\n|:-:|--:|\nno pipes row\n\n# End\n"},
      {"link reference definitions used across the note",
       "Intro with [tcp] and [udp][].\n| a | b |\n|---|---|\n| [tcp] | [udp] |\n\n"
       "# Middle\n\nSee [the spec][tcp] here.\n\n[tcp]: https://example.com/tcp \"TCP\"\n"
       "[udp]: <https://example.com/udp>\n\n# End\n\n[tcp] again.\n"},
      {"front matter",
       "---\ntitle: Networks\ntags: [net, tcp]\n---\n# TCP\n\nTCP is a protocol.\n\n"
       "# UDP\n\nUDP is a protocol.\n"},
      {"block quotes, HTML blocks, rules and math",
       "> quoted *text*\n> more\n\n<div>\n\n# inside html? no\n\n</div>\n\n***\n\n"
       "$$\na = b\n\n# c\n$$\n\n<!-- comment\n\n# in comment\n-->\n\nEnd paragraph.\n"},
      {"details and org-style outlines",
       "# Review\n\n<details><summary>What is TCP?</summary>\n\nA reliable stream.\n\n"
       "</details>\n\n* Top\n** Child: fact\n*** Grandchild: deeper\n\n• bullet one\n◦ sub\n"},
      {"indented code and lazy lines",
       "Para\n    not code, lazy\n\n    real code\n\n    more code\n\nText\n> quote\nlazy\n\n# "
       "H\n"},
      {"one list as the whole note", "- a: 1\n\n- b: 2\n\n- c: 3\n\n- d: 4\n\n- e: 5\n"},
      {"empty and blank", "\n\n\n"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    check_pieces(c.note, {1, 2, 5, 16, 40, 100});
  }
}

TEST_CASE("every fixture note parsed in small pieces has the outline of one parse",
          "[notes][outline][pieces]") {
  int checked = 0;
  const fs::path fixtures = fs::path(RECALL_TEST_DATA) / "fixtures";
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() ||
        (extension != ".md" && extension != ".markdown" && extension != ".txt")) {
      continue;
    }
    INFO(entry.path().string());
    check_pieces(read_file(entry.path()), {1, 97, 1000});
    ++checked;
  }
  CHECK(checked > 20);
}
