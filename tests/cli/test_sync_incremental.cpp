// End-to-end: incremental import. A file whose size and modification time are as stored is not
// read; one whose content is as stored is read but not parsed. The import summary counts both:
// `Imported: N files (R read, P parsed, U unchanged on disk)`.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <set>

#include "harness.hpp"
#include "robust.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

// What one import did with the files it listed, from its summary line.
struct Work {
  int files = -1, read = -1, parsed = -1, unchanged = -1;
  bool operator==(const Work&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Work& w) {
  return out << w.files << " files (" << w.read << " read, " << w.parsed << " parsed, "
             << w.unchanged << " unchanged on disk)";
}

Work work_of(const std::string& summary) {
  Work w;
  for (const char* label : {"Imported: ", "Would import: "}) {
    const std::size_t at = summary.find(label);
    if (at == std::string::npos) continue;
    const std::string rest = summary.substr(at + std::string(label).size());
    if (std::sscanf(rest.c_str(), "%d file%*[s] (%d read, %d parsed, %d unchanged on disk)",
                    &w.files, &w.read, &w.parsed, &w.unchanged) == 4 ||
        std::sscanf(rest.c_str(), "%d file (%d read, %d parsed, %d unchanged on disk)", &w.files,
                    &w.read, &w.parsed, &w.unchanged) == 4) {
      return w;
    }
  }
  return w;
}

// A time well before now, so that the import does not take the file for one still being written
// (a file modified in the two seconds before an import is read again by the next one).
fs::file_time_type hours_ago(int hours) {
  return fs::file_time_type::clock::now() - std::chrono::hours(hours);
}

struct Notes {
  Sandbox box;
  fs::path root = box.dir() / "notes";

  // Writes a note and dates it `hours` ago.
  fs::path write(const std::string& rel, const std::string& text, int hours = 48) const {
    const fs::path path = box.note("notes/" + rel, text);
    fs::last_write_time(path, hours_ago(hours));
    return path;
  }

  std::string import_out(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args{"import"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(root.string());
    const auto result = box.run(args);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    return result.out;
  }
  Work import(const std::vector<std::string>& extra = {}) const {
    return work_of(import_out(extra));
  }

  // Every stored card's answer.
  std::set<std::string> answers() const {
    std::set<std::string> out;
    for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
      out.insert(row["answer"].get<std::string>());
    }
    return out;
  }
};

const char* const kEntropy = "entropy :: expected surprise\n";
const char* const kBm25 = "BM25 :: a ranking function for search\n";
const char* const kDdpm = "DDPM :: a denoising diffusion model\n";

}  // namespace

TEST_CASE("incremental 01: re-importing an unchanged tree reads no file", "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  n.write("ir/bm25.md", kBm25);
  n.write("ml/ddpm.md", kDdpm);
  CHECK(n.import() == Work{3, 3, 3, 0});
  const std::string again = n.import_out();
  CHECK(work_of(again) == Work{3, 0, 0, 3});
  CHECK_THAT(again,
             Catch::Contains("0 new, 0 updated, 3 unchanged, 0 moved, 0 renamed, 0 retired"));
  CHECK(n.answers().size() == 3);
}

TEST_CASE("incremental 02: same size and time hide a changed content (the stat skip is real)",
          "[sync][incremental]") {
  Notes n;
  const fs::path note = n.write("ml/entropy.md", "entropy :: expected surprise\n");
  n.import();
  const fs::file_time_type stamp = fs::last_write_time(note);

  // Same length, same time: the import trusts the stat and does not read the file.
  recall::test::write_file(note, "entropy :: expected surprize\n");
  fs::last_write_time(note, stamp);
  const std::string out = n.import_out();
  CHECK(work_of(out) == Work{1, 0, 0, 1});
  CHECK_THAT(out, Catch::Contains("0 updated, 1 unchanged"));
  CHECK(n.answers() == std::set<std::string>{"expected surprise"});

  // Any new time makes it read, parsed and updated.
  fs::last_write_time(note, hours_ago(1));
  const std::string touched = n.import_out();
  CHECK(work_of(touched) == Work{1, 1, 1, 0});
  CHECK_THAT(touched, Catch::Contains("1 updated"));
  CHECK(n.answers() == std::set<std::string>{"expected surprize"});
}

TEST_CASE("incremental 03: a changed size is read even with the same time", "[sync][incremental]") {
  Notes n;
  const fs::path note = n.write("ml/entropy.md", kEntropy);
  n.import();
  const fs::file_time_type stamp = fs::last_write_time(note);
  recall::test::write_file(note, "entropy :: the expected surprise\n");
  fs::last_write_time(note, stamp);
  CHECK(n.import() == Work{1, 1, 1, 0});
  CHECK(n.answers() == std::set<std::string>{"the expected surprise"});
}

TEST_CASE("incremental 04: a touched file is read, not parsed, and its new time is stored",
          "[sync][incremental]") {
  Notes n;
  const fs::path note = n.write("ml/entropy.md", kEntropy);
  n.write("ir/bm25.md", kBm25);
  n.import();
  fs::last_write_time(note, hours_ago(5));  // `touch`: new time, same content
  const std::string out = n.import_out();
  CHECK(work_of(out) == Work{2, 1, 0, 1});
  CHECK_THAT(out, Catch::Contains("0 new, 0 updated, 2 unchanged"));
  CHECK(n.import() == Work{2, 0, 0, 2});
}

TEST_CASE("incremental 05: an edited file is parsed, the others are not read",
          "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  n.write("ir/bm25.md", kBm25);
  n.write("ml/ddpm.md", kDdpm);
  n.import();
  n.write("ml/ddpm.md", "DDPM :: a denoising diffusion probabilistic model\n", 2);
  const std::string out = n.import_out();
  CHECK(work_of(out) == Work{3, 1, 1, 2});
  CHECK_THAT(out, Catch::Contains("0 new, 1 updated, 2 unchanged"));
}

TEST_CASE("incremental 06: a new confidence threshold parses every note again",
          "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  n.write("ir/bm25.md", kBm25);
  n.import();
  // The threshold is part of the extractor salt, like the extractor version.
  CHECK(n.import({"--min-confidence", "0.6"}) == Work{2, 2, 2, 0});
  CHECK(n.import({"--min-confidence", "0.6"}) == Work{2, 0, 0, 2});
  CHECK(n.import() == Work{2, 2, 2, 0});
}

TEST_CASE("incremental 07: a file written just now is read again by the next import",
          "[sync][incremental]") {
  Notes n;
  n.write("ir/bm25.md", kBm25);
  const fs::path fresh = n.box.note("notes/ml/entropy.md", kEntropy);  // modified now
  CHECK(n.import() == Work{2, 2, 2, 0});
  // It could still change within the file system's clock tick: its time is not trusted yet.
  CHECK(n.import() == Work{2, 1, 0, 1});
  fs::last_write_time(fresh, hours_ago(3));
  CHECK(n.import() == Work{2, 1, 0, 1});
  CHECK(n.import() == Work{2, 0, 0, 2});
}

TEST_CASE("incremental 08: a dry run stores no time", "[sync][incremental]") {
  Notes n;
  const fs::path note = n.write("ml/entropy.md", kEntropy);
  n.import();
  fs::last_write_time(note, hours_ago(7));
  const auto dry = n.box.run({"import", "--dry-run", n.root.string()});
  CHECK(work_of(dry.out) == Work{1, 1, 0, 0});
  CHECK_THAT(dry.out, Catch::Contains("Dry run: nothing was written."));
  CHECK(n.import() == Work{1, 1, 0, 0});
  CHECK(n.import() == Work{1, 0, 0, 1});
}

TEST_CASE("incremental 09: an unusable file is a warning every time, its cards kept",
          "[sync][incremental]") {
  Notes n;
  const fs::path note = n.write("ml/entropy.md", kEntropy);
  n.write("ir/bm25.md", kBm25);
  n.import();
  recall::test::write_file(note, std::string("entropy\0::", 10));
  fs::last_write_time(note, hours_ago(6));
  for (int run = 0; run < 2; ++run) {
    const auto result = n.box.run({"import", n.root.string()});
    CHECK(result.exit_code == 4);
    CHECK(work_of(result.out) == Work{2, 0, 0, 1});
    CHECK_THAT(result.out, Catch::Contains("1 file skipped"));
    CHECK_THAT(result.err, Catch::Contains(note.generic_string() + ": binary file"));
  }
  CHECK(n.answers().count("expected surprise") == 1);
}

TEST_CASE("incremental 10: the same file imported from a subfolder of its root is not read",
          "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  n.import();
  // Its source (and deck) are still named from the note root (issue 11), so it is unchanged.
  const auto result = n.box.run({"import", (n.root / "ml").string()});
  CHECK(work_of(result.out) == Work{1, 0, 0, 1});
}

TEST_CASE("incremental 11: --format json prints the counts on stderr", "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  n.import();
  const auto result = n.box.run({"import", "--format", "json", n.root.string()});
  CHECK(work_of(result.err) == Work{1, 0, 0, 1});
  const auto rows = json_lines(result.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["action"] == "unchanged");
  CHECK(rows[0]["answer"] == "expected surprise");
}

TEST_CASE("incremental 12: notes reached through symbolic links are skipped when unchanged",
          "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  // Inside the imported folder (links leaving it are not followed, issue 12), hidden so that the
  // notes are reached only through the links.
  const fs::path elsewhere = n.root / ".elsewhere";
  recall::test::write_file(elsewhere / "bm25.md", kBm25);
  recall::test::write_file(elsewhere / "ddpm" / "ddpm.md", kDdpm);
  fs::last_write_time(elsewhere / "bm25.md", hours_ago(9));
  fs::last_write_time(elsewhere / "ddpm" / "ddpm.md", hours_ago(9));
  fs::create_symlink(elsewhere / "bm25.md", n.root / "bm25.md");
  fs::create_directory_symlink(elsewhere / "ddpm", n.root / "ddpm");
  CHECK(n.import() == Work{3, 3, 3, 0});
  CHECK(n.import() == Work{3, 0, 0, 3});
  // An edit made through the target is seen through the link.
  recall::test::write_file(elsewhere / "bm25.md",
                           "BM25 :: a ranking function for full-text search\n");
  fs::last_write_time(elsewhere / "bm25.md", hours_ago(8));
  const std::string out = n.import_out();
  CHECK(work_of(out) == Work{3, 1, 1, 2});
  CHECK_THAT(out, Catch::Contains("0 new, 1 updated, 2 unchanged"));
}

TEST_CASE(
    "incremental 13: a left-out duplicate whose card went away comes back though no file "
    "is read",
    "[sync][incremental]") {
  Notes n;
  n.write("a.md", "# Metrics\n\n- TP (True Positive)\n- precision :: TP over all predicted\n");
  n.write("b.md", "# Confusion matrix\n\n- TP (True Positive)\n- recall :: TP over all actual\n");
  CHECK_THAT(n.import_out(), Catch::Contains("5 new") && Catch::Contains("1 duplicate"));
  // Retired behind the import's back: only a left-out row still names the card.
  {
    recall::test::Db db(n.box.db());
    db.exec("UPDATE cards SET state = 'retired' WHERE question = 'What does TP stand for?'");
  }
  const std::string out = n.import_out();
  CHECK(work_of(out) == Work{2, 0, 0, 2});
  // The retired card is not counted among the unchanged ones, and b.md takes it back.
  CHECK_THAT(out, Catch::Contains("0 new, 0 updated, 4 unchanged, 0 moved, 0 renamed, 0 retired, "
                                  "1 restored"));
  recall::test::Db db(n.box.db());
  CHECK(db.text("SELECT source || ' ' || state FROM cards WHERE question = 'What does TP stand "
                "for?'") == "b.md new");
  CHECK_THAT(n.import_out(), Catch::Contains("0 new, 0 updated, 5 unchanged, 0 moved, 0 renamed, "
                                             "0 retired, 0 restored"));
}

TEST_CASE("incremental 14: a renamed folder moves its notes, and the other notes are not read",
          "[sync][incremental]") {
  Notes n;
  n.write("ml/entropy.md", kEntropy);
  n.write("ml/ddpm.md", kDdpm);
  n.write("ir/bm25.md", kBm25);
  CHECK(n.import() == Work{3, 3, 3, 0});
  fs::rename(n.root / "ml", n.root / "learning");
  const std::string out = n.import_out();
  // The moved notes are found by their content and parsed at their new path (their deck
  // changed); bm25.md is not read.
  CHECK(work_of(out) == Work{3, 2, 2, 1});
  CHECK_THAT(out, Catch::Contains("note entropy.md moved from " + (n.root / "ml").string() +
                                  " to " + (n.root / "learning").string() + ": 1 card kept") &&
                      Catch::Contains("0 new, 0 updated, 1 unchanged, 2 moved, 0 renamed, "
                                      "0 retired"));
  CHECK(n.import() == Work{3, 0, 0, 3});
}
