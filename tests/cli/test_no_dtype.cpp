// End-to-end: a file system whose folder listings give no file types (DT_UNKNOWN: some network
// and FUSE file systems, old XFS). src/notes/scan.cpp then looks at each entry with fstatat();
// the shim of tests/shim/no_dtype.c, preloaded into the real binary, hides the types this
// machine's file systems give, and the import must list exactly what it lists with them.
// Built only without the sanitizers (tests/CMakeLists.txt).
#include <dirent.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::read_all;
using recall::test::Result;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

// The sources of the cards a dry run prints, one each.
std::set<std::string> dtype_sources(const Result& dry) {
  std::set<std::string> out;
  for (const auto& row : json_lines(dry.out)) out.insert(row["source"].get<std::string>());
  return out;
}

// The entries the shim changed, from its log (`name<TAB>type`), with the type readdir() gave.
std::map<std::string, int> dtype_hidden(const fs::path& log) {
  std::map<std::string, int> out;
  std::istringstream in(read_all(log));
  std::string line;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) out[line.substr(0, tab)] = std::stoi(line.substr(tab + 1));
  }
  return out;
}

}  // namespace

TEST_CASE("import lists the same notes and warnings when folders give no file types",
          "[import][scan]") {
  Sandbox box;
  const fs::path root = box.dir() / "notes";
  box.note("notes/.recallignore", "drafts/\n");
  box.note("notes/top.md", "Q: Top of the tree?\nA: Yes.\n");
  box.note("notes/ml/mid.md", "Q: Middle of the tree?\nA: Yes.\n");
  box.note("notes/ml/deep/bottom.md", "Q: Bottom of the tree?\nA: Yes.\n");
  box.note("notes/ml/deep/more.txt", "entropy :: expected surprise\n");
  box.note("notes/chapter.md/inside.md", "Q: In a folder named like a note?\nA: Yes.\n");
  box.note("notes/drafts/secret.md", "Q: An ignored draft?\nA: Yes.\n");
  fs::create_symlink("ml/mid.md", root / "alias.md");  // a note read once, by its real path
  fs::create_symlink("ml/deep", root / "shortcut");    // a folder inside the root
  fs::create_symlink("missing.md", root / "gone.md");  // dangling
  fs::create_symlink(".", root / "ml" / "loop");       // a loop

  const auto typed = box.run({"import", root.string(), "--dry-run", "--format", "json"});
  const fs::path log = box.dir() / "no_dtype.log";
  box.set_env("LD_PRELOAD", RECALL_NO_DTYPE_SHIM);
  box.set_env("RECALL_NO_DTYPE_LOG", log.string());
  const auto untyped = box.run({"import", root.string(), "--dry-run", "--format", "json"});
  INFO("with types:\n" << typed.out << typed.err << "\nwithout:\n" << untyped.out << untyped.err);

  // The shim ran and hid real types: folders, links and files all came back DT_UNKNOWN.
  const auto hidden = dtype_hidden(log);
  REQUIRE(hidden.count("ml") == 1);
  CHECK(hidden.at("ml") == DT_DIR);
  REQUIRE(hidden.count("alias.md") == 1);
  CHECK(hidden.at("alias.md") == DT_LNK);
  REQUIRE(hidden.count("top.md") == 1);
  CHECK(hidden.at("top.md") == DT_REG);
  CHECK(hidden.count("bottom.md") == 1);

  // Not trivial: every expected note, the warnings, nothing ignored.
  CHECK(typed.exit_code == 0);
  CHECK(dtype_sources(typed) == std::set<std::string>{"chapter.md/inside.md", "ml/deep/bottom.md",
                                                      "ml/deep/more.txt", "ml/mid.md", "top.md"});
  CHECK_THAT(typed.err,
             Catch::Contains("dangling symbolic link") && Catch::Contains("symbolic link loop"));
  CHECK(typed.out.find("ignored draft") == std::string::npos);

  // And the same without types, byte for byte.
  CHECK(untyped.exit_code == typed.exit_code);
  CHECK(untyped.out == typed.out);
  CHECK(untyped.err == typed.err);
}
