// notes::parse_outline: block structure, line numbers and source text as written.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "recall/notes/outline.hpp"

using recall::notes::Block;
using recall::notes::BlockKind;
using recall::notes::Outline;
using recall::notes::parse_outline;
using recall::notes::Task;

TEST_CASE("outline keeps headings, paragraphs and their lines", "[notes][outline]") {
  const Outline outline = parse_outline(
      "# Title #\n"
      "\n"
      "Some *emphasis*, $x^2$ and `code`\n"
      "on two lines.   \n"
      "\n"
      "Setext **heading**\n"
      "-----------------\n");
  REQUIRE(outline.blocks.size() == 3);
  const Block& h1 = outline.blocks[0];
  CHECK(h1.kind == BlockKind::heading);
  CHECK(h1.level == 1);
  CHECK(h1.text == "Title");
  CHECK(h1.line == 1);
  const Block& p = outline.blocks[1];
  CHECK(p.kind == BlockKind::paragraph);
  CHECK(p.text == "Some *emphasis*, $x^2$ and `code`\non two lines.");
  CHECK(p.line == 3);
  CHECK(p.end_line == 4);
  const Block& h2 = outline.blocks[2];
  CHECK(h2.kind == BlockKind::heading);
  CHECK(h2.level == 2);
  CHECK(h2.text == "Setext **heading**");
  CHECK(h2.line == 6);
  CHECK(h2.end_line == 7);
}

TEST_CASE("outline nests lists and strips their markers and indentation", "[notes][outline]") {
  const Outline outline = parse_outline(
      "- term\n"
      "  continued\n"
      "    - nested *fact*\n"
      "- [ ] open task\n"
      "- [x] done task\n"
      "\n"
      "3. third\n");
  REQUIRE(outline.blocks.size() == 2);
  const Block& list = outline.blocks[0];
  CHECK(list.kind == BlockKind::list);
  CHECK_FALSE(list.ordered);
  REQUIRE(list.children.size() == 3);
  const Block& item = list.children[0];
  CHECK(item.kind == BlockKind::item);
  CHECK(item.line == 1);
  CHECK(item.end_line == 3);
  REQUIRE(recall::notes::item_head(item) != nullptr);
  CHECK(recall::notes::item_head(item)->text == "term\ncontinued");
  REQUIRE(item.children.size() == 2);
  const Block& nested = item.children[1].children.at(0);
  CHECK(nested.line == 3);
  CHECK(recall::notes::item_head(nested)->text == "nested *fact*");
  CHECK(list.children[1].task == Task::open);
  CHECK(recall::notes::item_head(list.children[1])->text == "open task");
  CHECK(list.children[2].task == Task::done);
  const Block& ordered = outline.blocks[1];
  CHECK(ordered.ordered);
  CHECK(ordered.start == 3);
  CHECK(ordered.line == 7);
}

TEST_CASE("outline reads block quotes, code, html and tables", "[notes][outline]") {
  const Outline outline = parse_outline(
      "> quoted\n"
      "> - item\n"
      ">   more\n"
      "\n"
      "```python\n"
      "x = 1\n"
      "```\n"
      "\n"
      "<div>\n"
      "<p>S</p>\n"
      "\n"
      "Lead line\n"
      "| a | b |\n"
      "|---|---|\n"
      "| 1 | 2 |\n");
  REQUIRE(outline.blocks.size() == 5);
  const Block& quote = outline.blocks[0];
  CHECK(quote.kind == BlockKind::quote);
  CHECK(quote.children.at(0).text == "quoted");
  CHECK(recall::notes::item_head(quote.children.at(1).children.at(0))->text == "item\nmore");
  const Block& code = outline.blocks[1];
  CHECK(code.kind == BlockKind::code);
  CHECK(code.info == "python");
  CHECK(code.text == "x = 1");
  CHECK(code.line == 5);
  CHECK(code.end_line == 7);
  CHECK(outline.blocks[2].kind == BlockKind::html);
  CHECK(outline.blocks[2].text == "<div>\n<p>S</p>");  // <details> is a format of its own
  // cmark-gfm loses the position of a paragraph right above a table; the outline restores it.
  const Block& lead = outline.blocks[3];
  CHECK(lead.kind == BlockKind::paragraph);
  CHECK(lead.text == "Lead line");
  CHECK(lead.line == 12);
  const Block& table = outline.blocks[4];
  CHECK(table.kind == BlockKind::table);
  CHECK(table.line == 13);
  CHECK(table.end_line == 15);
  CHECK(table.text == "| a | b |\n|---|---|\n| 1 | 2 |");
}

TEST_CASE("outline sets YAML front matter aside and keeps line numbers", "[notes][outline]") {
  const Outline outline = parse_outline(
      "---\n"
      "title: \"October\"\n"
      "tags: [ml]\n"
      "---\n"
      "# After\n");
  CHECK(outline.front_matter == "title: \"October\"\ntags: [ml]\n");
  REQUIRE(outline.blocks.size() == 1);
  CHECK(outline.blocks[0].kind == BlockKind::heading);
  CHECK(outline.blocks[0].line == 5);
}

TEST_CASE("outline without closing front matter fence parses the dashes", "[notes][outline]") {
  const Outline outline = parse_outline("---\nnot front matter\n");
  CHECK(outline.front_matter.empty());
  CHECK_FALSE(outline.blocks.empty());
}

TEST_CASE("outline stops at kMaxDepth", "[notes][outline]") {
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += ">";
  deep += " bottom\n";
  const Outline outline = parse_outline(deep);
  int depth = 0;
  const std::vector<Block>* level = &outline.blocks;
  while (!level->empty()) {
    ++depth;
    level = &level->front().children;
  }
  CHECK(depth <= recall::notes::kMaxDepth);
}

TEST_CASE("outline of empty and odd input", "[notes][outline]") {
  CHECK(parse_outline("").blocks.empty());
  CHECK(parse_outline("\n\n\n").blocks.empty());
  const Outline empty_item = parse_outline("-\n");
  REQUIRE(empty_item.blocks.size() == 1);
  CHECK(recall::notes::item_head(empty_item.blocks[0].children.at(0)) == nullptr);
}

TEST_CASE("block text is a view of the note where the note has it as it is", "[notes][outline]") {
  const std::string note =
      "# Title\n"
      "\n"
      "One paragraph\n"
      "over two lines.\n"
      "\n"
      "- item text\n"
      "  continued here\n"
      "\n"
      "```python\n"
      "code\n"
      "```\n";
  const auto in_note = [&](std::string_view text) {
    return text.data() >= note.data() && text.data() + text.size() <= note.data() + note.size();
  };
  Outline copy;
  {
    const Outline outline = parse_outline(note);
    copy = outline;  // shares the store of text that is not in the note, which outlives outline
  }
  REQUIRE(copy.blocks.size() == 4);
  CHECK(copy.blocks[0].text == "Title");
  CHECK(in_note(copy.blocks[0].text));
  CHECK(copy.blocks[1].text == "One paragraph\nover two lines.");
  CHECK(in_note(copy.blocks[1].text));
  // The item's lines joined without the indentation of the second: not in the note as it is.
  const Block* head = recall::notes::item_head(copy.blocks[2].children.at(0));
  REQUIRE(head != nullptr);
  CHECK(head->text == "item text\ncontinued here");
  CHECK_FALSE(in_note(head->text));
  CHECK(copy.blocks[3].text == "code");
  CHECK(copy.blocks[3].info == "python");
  CHECK(in_note(copy.blocks[3].text));
  CHECK(in_note(copy.blocks[3].info));
}
