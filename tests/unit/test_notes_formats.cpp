// The formats notes come in (front matter, Jekyll/Liquid, <details>, org-style `**` plans, `•`
// plain-text exports, LaTeX, opt-outs, `.recallignore`): note in, outline shape out.
//
// The shape is the outline printed as an indented tree, one block per line:
//
//   front-matter title "October" tags [study]      (only when there is front matter)
//   heading(4) LLAVA @4
//   list @6-8
//     item @6-8
//       paragraph "CLIP" @6
//
// Fixtures: every file in tests/fixtures/notes that has a `<name>.outline` next to it is parsed
// and compared with it. To add a case, write the note and its expected tree.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "recall/notes/front_matter.hpp"
#include "recall/notes/ignore.hpp"
#include "recall/notes/note_file.hpp"
#include "recall/notes/outline.hpp"
#include "recall/notes/preprocess.hpp"

namespace fs = std::filesystem;
using recall::notes::Block;
using recall::notes::BlockKind;
using recall::notes::Outline;
using recall::notes::parse_outline;

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void print_blocks(const std::vector<Block>& blocks, int depth, std::string& out) {
  for (const Block& block : blocks) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    switch (block.kind) {
      case BlockKind::heading:
        out += "heading(" + std::to_string(block.level) + ") " + std::string(block.text);
        break;
      case BlockKind::paragraph:
        out += "paragraph " + quoted(std::string(block.text));
        break;
      case BlockKind::list:
        out += block.ordered ? "list ordered " + std::to_string(block.start) : "list";
        break;
      case BlockKind::item:
        out += block.task == recall::notes::Task::none   ? "item"
               : block.task == recall::notes::Task::open ? "item [ ]"
                                                         : "item [x]";
        break;
      case BlockKind::code:
        out += "code(" + std::string(block.info) + ") " + quoted(std::string(block.text));
        break;
      case BlockKind::html:
        out += "html " + quoted(std::string(block.text));
        break;
      case BlockKind::quote:
        out += "quote";
        break;
      case BlockKind::table:
        out += "table " + quoted(std::string(block.text));
        break;
      case BlockKind::rule:
        out += "rule";
        break;
      case BlockKind::other:
        out += "other";
        break;
    }
    out += " @" + std::to_string(block.line);
    if (block.end_line != block.line) out += "-" + std::to_string(block.end_line);
    out += '\n';
    print_blocks(block.children, depth + 1, out);
  }
}

// The outline as an indented text tree (see the top of this file).
std::string tree(const Outline& outline) {
  std::string out;
  if (!outline.front_matter.empty()) {
    out += "front-matter title " + quoted(outline.meta.title) + " tags [";
    for (std::size_t i = 0; i < outline.meta.tags.size(); ++i) {
      out += (i > 0 ? ", " : "") + outline.meta.tags[i];
    }
    out += "]";
    if (!outline.meta.enabled) out += " off";
    out += '\n';
  }
  print_blocks(outline.blocks, 0, out);
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct Case {
  const char* name;
  const char* note;
  const char* shape;
};

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO("case: " << c.name << "\nnote:\n" << c.note);
    CHECK(tree(parse_outline(c.note)) == c.shape);
  }
}

}  // namespace

TEST_CASE("every fixture note parses to its .outline tree", "[notes][formats]") {
  const fs::path folder = fs::path(RECALL_TEST_DATA) / "fixtures" / "notes";
  std::vector<fs::path> notes;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    const fs::path path = entry.path();
    if (entry.is_regular_file() && path.extension() != ".outline" &&
        fs::exists(path.string() + ".outline")) {
      notes.push_back(path);
    }
  }
  std::sort(notes.begin(), notes.end());
  REQUIRE(notes.size() >= 6);
  for (const fs::path& note : notes) {
    INFO("fixture: " << note.filename().string());
    CHECK(tree(parse_outline(read_file(note))) == read_file(note.string() + ".outline"));
  }
}

TEST_CASE("front matter: YAML and TOML keys become metadata, never blocks", "[notes][formats]") {
  check_cases({
      {"YAML inline list, plain categories split on spaces, quoted title",
       "---\ntitle: 'It''s \"done\"'\ntags: [a, \"b, c\"]\ncategories: ml study\n---\n# H\n",
       "front-matter title \"It's \\\"done\\\"\" tags [a, b, c, ml, study]\nheading(1) H @6\n"},
      {"YAML block lists, singular keys, comments, duplicates",
       "---\ntags:\n  - review\n  - 'ml'\ncategory: ml # same tag\ntag: x\nrecall: true\n---\n",
       "front-matter title \"\" tags [review, ml, x]\n"},
      {"YAML block scalar title and `...` end", "---\ntitle: >\n  two\n  lines\n...\ntext\n",
       "front-matter title \"two lines\" tags []\nparagraph \"text\" @6\n"},
      {"TOML strings, arrays and tables",
       "+++\ntitle = \"A \\u00e9\"\ntags = ['x', \"y\"]\n[extra]\ntitle = \"no\"\n+++\nBody\n",
       "front-matter title \"A \xC3\xA9\" tags [x, y]\nparagraph \"Body\" @7\n"},
      {"recall: false turns the note off", "---\nrecall: no\n---\nQ: a\nA: b\n",
       "front-matter title \"\" tags [] off\n"},
      {"TOML recall = false", "+++\nrecall = false\n+++\n- a\n",
       "front-matter title \"\" tags [] off\n"},
      {"an unclosed fence is no front matter", "+++\ntitle = \"x\"\n",
       "paragraph \"+++\\ntitle = \\\"x\\\"\" @1-2\n"},
  });
  const recall::notes::FrontMatterBlock block =
      recall::notes::read_front_matter("---\ntitle: T\n---\nx\n");
  CHECK(block.lines == 3);
  CHECK(block.raw == "title: T\n");
}

TEST_CASE("Jekyll: highlight blocks are notes, other Liquid tags are dropped", "[notes][formats]") {
  check_cases({
      {"highlight content parses as markdown",
       "---\nlayout: post\n---\n{% highlight ruby %}\n- a\n  - b\n{% endhighlight %}\n",
       "front-matter title \"\" tags []\nlist @5-6\n  item @5-6\n    paragraph \"a\" @5\n    list "
       "@6\n"
       "      item @6\n        paragraph \"b\" @6\n"},
      {"tag lines, comments and raw blocks",
       "{% include nav.html %}\n{{ page.title }}\n{% comment %}\nhidden\n{% endcomment %}\n"
       "{% raw %}\n{{ kept }}\n{% endraw %}\nSee {{ site.url }} here\n",
       "paragraph \"{{ kept }}\" @7\nparagraph \"See {{ site.url }} here\" @9\n"},
      {"without Liquid, braces are text (Vue templates)", "Template\n\n{{ message }}\n",
       "paragraph \"Template\" @1\nparagraph \"{{ message }}\" @3\n"},
      {"a <br/> line no longer swallows the paragraph after it",
       "<br/>\nText right under\n\n<br>\n", "paragraph \"Text right under\" @2\n"},
  });
}

TEST_CASE("<details>: the summary is a heading over a de-indented body", "[notes][formats]") {
  check_cases({
      {"summary one level below the section, two details in a row",
       "## Models\n<details>\n  <summary>A</summary>\n\n  - x\n</details>\n"
       "<details><summary><b>B</b></summary>\n\n  text\n</details>\n",
       "heading(2) Models @1\nheading(3) A @3\nlist @5\n  item @5\n    paragraph \"x\" @5\n"
       "heading(3) B @7\nparagraph \"text\" @9\n"},
      {"nested details go one level deeper, then back",
       "# T\n<details><summary>Outer</summary>\n<details><summary>Inner</summary>\n  deep\n"
       "</details>\n\n  back\n</details>\n",
       "heading(1) T @1\nheading(2) Outer @2\nheading(3) Inner @3\nparagraph \"deep\" @4\n"
       "paragraph \"back\" @7\n"},
      {"a summary over several lines; no heading above",
       "<details>\n<summary>\n  Long\n  title\n</summary>\n    four spaces are not code\n"
       "</details>\n",
       "heading(1) Long title @3\nparagraph \"four spaces are not code\" @6\n"},
  });
}

TEST_CASE("org-style depth markers become nested items", "[notes][formats]") {
  check_cases({
      {"* ** *** nest by depth, text continues",
       "*plan(a/b)\n** one\n*** deeper\ncontinued\n** two\n",
       "list @1-5\n  item @1-5\n    paragraph \"plan(a/b)\" @1\n    list @2-5\n      item @2-4\n"
       "        paragraph \"one\" @2\n        list @3-4\n          item @3-4\n"
       "            paragraph \"deeper\\ncontinued\" @3-4\n      item @5\n        paragraph "
       "\"two\" @5\n"},
      {"`* ` is depth 1 in a section that uses `**`", "** a\n* b\n** c\n",
       "list @1-3\n  item @1\n    paragraph \"a\" @1\n  item @2-3\n    paragraph \"b\" @2\n"
       "    list @3\n      item @3\n        paragraph \"c\" @3\n"},
      {"bold and emphasis at line start are text; *** alone is a rule",
       "**bold** rest\n\n*emph* rest\n\n***\n",
       "paragraph \"**bold** rest\" @1\nparagraph \"*emph* rest\" @3\nrule @5\n"},
      {"plain markdown `*` bullets are left to CommonMark", "* a\n    * b\n",
       "list @1-2\n  item @1-2\n    paragraph \"a\" @1\n    list @2\n      item @2\n"
       "        paragraph \"b\" @2\n"},
  });
}

TEST_CASE("plain-text bullets nest by indentation", "[notes][formats]") {
  check_cases({
      {"• and ◦ by indentation, numbers under a bullet, continuation lines",
       "Topic\n  \u2022 a\n    \u25E6 b\n      more of b\n  \u2022 c\n    1. one\n",
       "heading(1) Topic @1\nlist @2-6\n  item @2-4\n    paragraph \"a\" @2\n    list @3-4\n"
       "      item @3-4\n        paragraph \"b\\nmore of b\" @3-4\n  item @5-6\n    paragraph "
       "\"c\" @5\n"
       "    list ordered 1 @6\n      item @6\n        paragraph \"one\" @6\n"},
      {"an empty bullet says nothing", "- a\no\n\u2022\n",
       "list @1\n  item @1\n    paragraph \"a\" @1\n"},
      {"in a markdown note an arrow line is text", "- a\n\n\u2192 so b\n",
       "list @1\n  item @1\n    paragraph \"a\" @1\nparagraph \"\u2192 so b\" @3\n"},
      {"in a plain-text export indented paragraphs are not code",
       "Notes\n\n      indented paragraph\n  \u2022 item\n",
       "heading(1) Notes @1\nparagraph \"indented paragraph\" @3\nlist @4\n  item @4\n"
       "    paragraph \"item\" @4\n"},
      {"in a markdown note indented code stays code", "# Code\n\n    x = 1\n",
       "heading(1) Code @1\ncode() \"x = 1\" @3\n"},
  });
}

TEST_CASE("a short title-like line on its own is a heading", "[notes][formats]") {
  check_cases({
      {"title over bullets, one level below the heading above",
       "## Week\n\nOctober week3\n- a\n\nDiffusion chapter 1:\n\nsome text\n",
       "heading(2) Week @1\nheading(3) October week3 @3\nlist @4\n  item @4\n"
       "    paragraph \"a\" @4\nheading(3) Diffusion chapter 1: @6\nparagraph \"some text\" @8\n"},
      {"not titles: fields, Q/A, definitions, sentences, first lines of paragraphs",
       "Vote: 13\n\n- x\n\nA:\n- y\n\nEntropy ::\n- z\n\nThis is a sentence.\n\n- w\n\n"
       "Lead line\nsecond line\n- v\n",
       "paragraph \"Vote: 13\" @1\nlist @3\n  item @3\n    paragraph \"x\" @3\n"
       "paragraph \"A:\" @5\nlist @6\n  item @6\n    paragraph \"y\" @6\n"
       "paragraph \"Entropy ::\" @8\nlist @9\n  item @9\n    paragraph \"z\" @9\n"
       "paragraph \"This is a sentence.\" @11\nlist @13\n  item @13\n    paragraph \"w\" @13\n"
       "paragraph \"Lead line\\nsecond line\" @15-16\nlist @17\n  item @17\n"
       "    paragraph \"v\" @17\n"},
      {"in markdown, a short line before a paragraph stays a paragraph", "Intro\n\nMore text\n",
       "paragraph \"Intro\" @1\nparagraph \"More text\" @3\n"},
      {"a paragraph inside an item is never a title", "- a\n\n  Short\n\n- b\n",
       "list @1-5\n  item @1-3\n    paragraph \"a\" @1\n    paragraph \"Short\" @3\n  item @5\n"
       "    paragraph \"b\" @5\n"},
  });
}

TEST_CASE("LaTeX is kept exactly and $$ blocks stay one paragraph", "[notes][formats]") {
  check_cases({
      {"display math with list, heading and blank lines inside", "$$\na\n- b\n\n# c\n$$\nafter\n",
       "paragraph \"$$\\na\\n- b\\n\\n# c\\n$$\\nafter\" @1-7\n"},
      {"inline math with markdown characters", "- $a_1 * b_2$ and $\\{x\\}$\n",
       "list @1\n  item @1\n    paragraph \"$a_1 * b_2$ and $\\\\{x\\\\}$\" @1\n"},
      {"display math inside a block quote keeps the quote", "> x is:\n> $$\n> - y\n> $$\n> so z\n",
       "quote @1-5\n  paragraph \"x is:\\n$$\\n- y\\n$$\\nso z\" @1-5\n"},
      {"an unclosed $$ changes nothing", "$$\n- a\n",
       "paragraph \"$$\" @1\nlist @2\n  item @2\n"
       "    paragraph \"a\" @2\n"},
  });
}

TEST_CASE("opt-outs: recall:ignore, recall:off/on", "[notes][formats]") {
  check_cases({
      {"ignore the next heading only", "<!-- recall:ignore -->\n# Gone\ntext\n",
       "paragraph \"text\" @3\n"},
      {"ignore with other spacing and case", "<!--RECALL:IGNORE-->\n\n\nGone\n\nKept\n",
       "paragraph \"Kept\" @6\n"},
      {"off without on runs to the end", "a\n\n<!-- recall:off -->\nb\n", "paragraph \"a\" @1\n"},
      {"ignore before an org item takes its deeper items, up to a blank line",
       "<!-- recall:ignore -->\n** a\n*** b\n\n** c\n",
       "list @5\n  item @5\n    paragraph \"c\" @5\n"},
  });
}

TEST_CASE("line numbers and line count are the note's own", "[notes][formats]") {
  const std::string note =
      "---\ntitle: x\n---\n{% highlight %}\n<details><summary>S</summary>\n  \u2022 a\n"
      "</details>\n{% endhighlight %}\n$$\n- x\n$$\n";
  recall::notes::FrontMatter meta;
  const std::string markdown = recall::notes::to_markdown(note, meta);
  CHECK(std::count(markdown.begin(), markdown.end(), '\n') ==
        std::count(note.begin(), note.end(), '\n'));
  CHECK(meta.title == "x");
  const recall::notes::PreparedNote prepared = recall::notes::prepare_note(note);
  REQUIRE(prepared.escapes.size() == 12);
  CHECK(prepared.escapes[9] == 0);
  CHECK(prepared.escapes[8] == -1);
}

TEST_CASE("odd input never breaks the pre-pass", "[notes][formats]") {
  for (const char* note : {"",
                           "\n",
                           "---",
                           "---\n---",
                           "+++\n+++\n",
                           "<details>",
                           "<summary>",
                           "</details>\n</details>",
                           "{% endhighlight %}",
                           "{%",
                           "$$",
                           "*",
                           "**",
                           "\u2022",
                           "o",
                           "<!-- recall:ignore -->",
                           "<!-- recall:off -->",
                           "- a <!-- recall:ignore -->",
                           "<details><summary></summary></details>",
                           "\xFF\xFE *\t\x80",
                           "***a",
                           "** \n** ",
                           "1.",
                           "  \u2022 \n"}) {
    INFO(note);
    const Outline outline = parse_outline(note);
    CHECK(tree(outline).size() < 1000);
  }
}

TEST_CASE("glob_match", "[notes][formats][ignore]") {
  using recall::notes::glob_match;
  struct GlobCase {
    const char* pattern;
    const char* path;
    bool match;
  };
  const std::vector<GlobCase> cases = {
      {"*.md", "a.md", true},
      {"*.md", "dir/a.md", false},
      {"**/*.md", "a.md", true},
      {"**/*.md", "x/y/a.md", true},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**/b", "ab", false},
      {"a/**", "a/x/y", true},
      {"a/**", "a", false},
      {"?.txt", "\xED\x95\x9C.txt", true},
      {"?.txt", "ab.txt", false},
      {"a?b", "a/b", false},
      {"\\*.md", "*.md", true},
      {"\\*.md", "x.md", false},
      {"draft*", "drafts", true},
      {"*", "", true},
      {"", "", true},
      {"", "a", false},
      {"*a*b*c*d*e*f*", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
  };
  for (const GlobCase& c : cases) {
    INFO(c.pattern << " vs " << c.path);
    CHECK(glob_match(c.pattern, c.path) == c.match);
  }
}

TEST_CASE("IgnoreRules read a .recallignore", "[notes][formats][ignore]") {
  const auto rules = recall::notes::IgnoreRules::parse(
      "# comment\n\ndrafts/\n*.tmp.md   \n/top.md\njournal/*/private.md\n!keep.tmp.md\n"
      "**/scratch\n\\#literal.md\n");
  CHECK(rules.ignores("drafts", true));
  CHECK_FALSE(rules.ignores("drafts", false));  // a file named drafts
  CHECK(rules.ignores("a/drafts", true));
  CHECK(rules.ignores("a/drafts/x.md", false));  // through its folder
  CHECK(rules.ignores("x.tmp.md", false));
  CHECK(rules.ignores("deep/er/x.tmp.md", false));
  CHECK_FALSE(rules.ignores("keep.tmp.md", false));
  CHECK(rules.ignores("top.md", false));
  CHECK_FALSE(rules.ignores("sub/top.md", false));
  CHECK(rules.ignores("journal/2024/private.md", false));
  CHECK_FALSE(rules.ignores("journal/2024/05/private.md", false));
  CHECK(rules.ignores("scratch", true));
  CHECK(rules.ignores("a/b/scratch/c.md", false));
  CHECK(rules.ignores("#literal.md", false));
  CHECK_FALSE(rules.ignores("notes.md", false));
  CHECK(recall::notes::IgnoreRules::parse("# only comments\n").empty());
}

TEST_CASE("scan skips what the root's .recallignore names", "[notes][formats][ignore]") {
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  const fs::path root = fs::temp_directory_path() / ("recall-ignore-" + std::to_string(stamp));
  const auto write = [&root](const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  };
  write(".recallignore", "drafts/\r\n*.tmp.md\r\n/inbox.md\r\n");
  write("kept.md", "- a\n");
  write("inbox.md", "- a\n");
  write("sub/inbox.md", "- a\n");
  write("drafts/wip.md", "- a\n");
  write("sub/drafts/wip.md", "- a\n");
  write("sub/x.tmp.md", "- a\n");
  write("sub/.recallignore", "*\n");  // only the root's file counts
  const recall::notes::ScanResult result = recall::notes::scan({root});
  std::vector<std::string> sources;
  for (const recall::notes::NoteFile& file : result.files) sources.push_back(file.source);
  CHECK(sources == std::vector<std::string>{"kept.md", "sub/inbox.md"});
  CHECK(result.warnings.empty());
  std::error_code ec;
  fs::remove_all(root, ec);
}
