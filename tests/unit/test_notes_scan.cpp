// notes::scan on a temporary folder: what is read, what is skipped, how files are named; and its
// two halves, list_notes (names, sizes, times; reads nothing) and read_note (one file).
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "recall/core/error.hpp"
#include "recall/notes/note_file.hpp"

namespace fs = std::filesystem;
using recall::notes::FoundNote;
using recall::notes::list_notes;
using recall::notes::NoteFile;
using recall::notes::read_note;
using recall::notes::scan;

namespace {

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempFolder {
 public:
  TempFolder() {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    m_path = fs::temp_directory_path() / ("recall-scan-" + std::to_string(stamp));
    fs::create_directories(m_path);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  const fs::path& path() const { return m_path; }

  // Writes `bytes` to `rel` (a path below the folder), creating folders on the way.
  void write(const std::string& rel, const std::string& bytes) const {
    const fs::path file = m_path / rel;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << bytes;
  }

 private:
  fs::path m_path;
};

const FoundNote* find_listed(const std::vector<FoundNote>& files, const std::string& source) {
  const auto it = std::find_if(files.begin(), files.end(),
                               [&](const FoundNote& f) { return f.source == source; });
  return it == files.end() ? nullptr : &*it;
}

std::int64_t to_ns(fs::file_time_type time) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

const NoteFile* find_source(const std::vector<NoteFile>& files, const std::string& source) {
  const auto it = std::find_if(files.begin(), files.end(),
                               [&](const NoteFile& f) { return f.source == source; });
  return it == files.end() ? nullptr : &*it;
}

// `한글` decomposed (NFD), as macOS writes it: jamo instead of syllables.
const std::string kHangulNfd =
    "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF";
const std::string kHangulNfc = "\xED\x95\x9C\xEA\xB8\x80";  // 한글

}  // namespace

TEST_CASE("scan reads note files recursively in a stable order", "[notes][scan]") {
  TempFolder root;
  root.write("ml/entropy.md", "# Entropy\n");
  root.write("ml/deep/nested/ddpm.markdown", "ddpm\n");
  root.write("ir/BM25.TXT", "bm25\n");
  root.write("top.md", "top\n");
  root.write("paper.pdf", "%PDF");
  root.write("script.py", "print()\n");
  root.write(".hidden.md", "hidden\n");
  root.write(".obsidian/workspace.md", "hidden folder\n");
  root.write("ml/.trash/old.md", "hidden folder below\n");

  const auto result = scan({root.path()});
  CHECK(result.warnings.empty());
  std::vector<std::string> sources;
  for (const NoteFile& f : result.files) sources.push_back(f.source);
  CHECK(sources == std::vector<std::string>{"ir/BM25.TXT", "ml/deep/nested/ddpm.markdown",
                                            "ml/entropy.md", "top.md"});

  const NoteFile* entropy = find_source(result.files, "ml/entropy.md");
  REQUIRE(entropy != nullptr);
  CHECK(entropy->deck == "ml/entropy");
  CHECK(entropy->content == "# Entropy\n");
  CHECK(entropy->path == root.path() / "ml" / "entropy.md");
  CHECK(find_source(result.files, "ml/deep/nested/ddpm.markdown")->deck == "ml/deep/nested/ddpm");
  CHECK(find_source(result.files, "top.md")->deck == "top");
}

TEST_CASE("scan skips binary and non-UTF-8 files with a warning", "[notes][scan]") {
  TempFolder root;
  root.write("good.md", "fine\n");
  root.write("binary.md", std::string("PK\x03\x04\0\0data", 10));
  root.write("latin1.txt", "line one\r\nline two\r\ncaf\xE9 au lait\n");

  const auto result = scan({root.path()});
  REQUIRE(result.files.size() == 1);
  CHECK(result.files[0].source == "good.md");
  REQUIRE(result.warnings.size() == 2);
  CHECK(result.warnings[0].source == (root.path() / "binary.md").generic_string());
  CHECK(result.warnings[0].line == 0);
  CHECK(result.warnings[0].message == "binary file (contains NUL bytes)");
  CHECK(result.warnings[1].source == (root.path() / "latin1.txt").generic_string());
  REQUIRE(result.skipped.size() == 2);
  CHECK(result.skipped[1] == root.path() / "latin1.txt");
  CHECK(result.warnings[1].line == 3);
  CHECK(result.warnings[1].message == "not valid UTF-8");
}

TEST_CASE("scan strips the BOM, folds line ends and composes to NFC", "[notes][scan]") {
  TempFolder root;
  root.write("bom.md", "\xEF\xBB\xBFQ: one\r\nA: two\rthree\n");
  root.write("nfd.md", kHangulNfd + " :: Korean script\n");

  const auto result = scan({root.path()});
  REQUIRE(result.files.size() == 2);
  CHECK(find_source(result.files, "bom.md")->content == "Q: one\nA: two\nthree\n");
  CHECK(find_source(result.files, "nfd.md")->content == kHangulNfc + " :: Korean script\n");
}

TEST_CASE("scan names files with NFD names in NFC", "[notes][scan]") {
  TempFolder root;
  root.write(kHangulNfd + "/" + kHangulNfd + ".md", "x\n");

  const auto result = scan({root.path()});
  REQUIRE(result.files.size() == 1);
  CHECK(result.files[0].source == kHangulNfc + "/" + kHangulNfc + ".md");
  CHECK(result.files[0].deck == kHangulNfc + "/" + kHangulNfc);
}

TEST_CASE("scan takes a file root as it is", "[notes][scan]") {
  TempFolder root;
  root.write("notes/ml/entropy.md", "x\n");
  root.write("notes/readme", "no extension, named on purpose\n");

  const auto result =
      scan({root.path() / "notes" / "ml" / "entropy.md", root.path() / "notes" / "readme"});
  REQUIRE(result.files.size() == 2);
  CHECK(result.files[0].source == "entropy.md");
  CHECK(result.files[0].deck == "entropy");
  CHECK(result.files[1].source == "readme");
  CHECK(result.files[1].deck == "readme");
}

TEST_CASE("scan of a missing root throws a not-found error", "[notes][scan]") {
  TempFolder root;
  root.write("a.md", "x\n");
  const fs::path missing = root.path() / "nope";
  try {
    (void)scan({root.path(), missing});
    FAIL("no exception");
  } catch (const recall::Error& e) {
    CHECK(e.exit_code() == recall::kExitNotFound);
    CHECK(e.where() == missing.string());
    CHECK(std::string(e.what()).find("no such file or folder") != std::string::npos);
  }
}

TEST_CASE("scan of an empty folder finds nothing", "[notes][scan]") {
  TempFolder root;
  const auto result = scan({root.path()});
  CHECK(result.files.empty());
  CHECK(result.warnings.empty());
}

TEST_CASE("list_notes names files with their size and time and reads none", "[notes][scan]") {
  TempFolder root;
  root.write("ml/entropy.md", "# Entropy\n");
  root.write("binary.md", std::string("PK\x03\x04\0\0data", 10));  // only reading finds out
  root.write("skip.pdf", "%PDF");
  root.write(".hidden.md", "hidden\n");
  const fs::file_time_type stamp = fs::file_time_type::clock::now() - std::chrono::hours(30);
  fs::last_write_time(root.path() / "ml" / "entropy.md", stamp);

  const auto listing = list_notes({root.path()});
  CHECK(listing.warnings.empty());
  REQUIRE(listing.files.size() == 2);
  CHECK(listing.files[0].source == "binary.md");
  CHECK(listing.files[0].size == 10);
  const FoundNote* entropy = find_listed(listing.files, "ml/entropy.md");
  REQUIRE(entropy != nullptr);
  CHECK(entropy->path == root.path() / "ml" / "entropy.md");
  CHECK(entropy->deck == "ml/entropy");
  CHECK(entropy->size == 10);
  CHECK(entropy->mtime_ns == to_ns(stamp));
}

TEST_CASE("list_notes lists a file root with its size and time", "[notes][scan]") {
  TempFolder root;
  root.write("notes/readme", "twelve bytes");
  const auto listing = list_notes({root.path() / "notes" / "readme"});
  REQUIRE(listing.files.size() == 1);
  CHECK(listing.files[0].source == "readme");
  CHECK(listing.files[0].size == 12);
  CHECK(listing.files[0].mtime_ns == to_ns(fs::last_write_time(root.path() / "notes" / "readme")));
}

TEST_CASE("list_notes applies .recallignore and composes names to NFC", "[notes][scan]") {
  TempFolder root;
  root.write(".recallignore", "drafts/\n");
  root.write("drafts/wip.md", "x\n");
  root.write(kHangulNfd + ".md", "x\n");
  const auto listing = list_notes({root.path()});
  REQUIRE(listing.files.size() == 1);
  CHECK(listing.files[0].source == kHangulNfc + ".md");
  CHECK(listing.files[0].deck == kHangulNfc);
}

TEST_CASE("list_notes of a missing root throws before listing", "[notes][scan]") {
  TempFolder root;
  CHECK_THROWS_AS(list_notes({root.path(), root.path() / "nope"}), recall::Error);
}

TEST_CASE("read_note reads one listed file, or warns and returns nothing", "[notes][scan]") {
  TempFolder root;
  root.write("good.md", "\xEF\xBB\xBFQ: one\r\nA: two\n");
  root.write("binary.md", std::string("PK\x03\x04\0\0data", 10));
  root.write("latin1.txt", "ok\ncaf\xE9\n");
  root.write("gone.md", "x\n");
  const auto listing = list_notes({root.path()});
  REQUIRE(listing.files.size() == 4);
  fs::remove(root.path() / "gone.md");  // deleted between listing and reading

  std::vector<recall::extract::Warning> warnings;
  const auto good = read_note(*find_listed(listing.files, "good.md"), warnings);
  REQUIRE(good.has_value());
  CHECK(warnings.empty());
  CHECK(good->content == "Q: one\nA: two\n");
  CHECK(good->source == "good.md");
  CHECK(good->deck == "good");
  CHECK(good->path == root.path() / "good.md");

  CHECK_FALSE(read_note(*find_listed(listing.files, "binary.md"), warnings).has_value());
  CHECK_FALSE(read_note(*find_listed(listing.files, "latin1.txt"), warnings).has_value());
  CHECK_FALSE(read_note(*find_listed(listing.files, "gone.md"), warnings).has_value());
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].source == (root.path() / "binary.md").generic_string());
  CHECK(warnings[0].message == "binary file (contains NUL bytes)");
  CHECK(warnings[1].source == (root.path() / "latin1.txt").generic_string());
  CHECK(warnings[1].line == 2);
  CHECK(warnings[1].message == "not valid UTF-8");
  CHECK(warnings[2].source == (root.path() / "gone.md").generic_string());
  CHECK(warnings[2].message == "cannot read file: No such file or directory");
}

TEST_CASE("list_notes marks notes that are symbolic links, with their target's size",
          "[notes][scan]") {
  TempFolder root;
  // The target is inside the imported folder (links leaving it are not followed), in a hidden
  // folder so that it is reached only through the link.
  root.write("notes/.real/entropy.md", "# Entropy\n");
  fs::create_symlink(root.path() / "notes" / ".real" / "entropy.md",
                     root.path() / "notes" / "link.md");
  root.write("notes/plain.md", "x\n");

  const auto listing = list_notes({root.path() / "notes"});
  REQUIRE(listing.files.size() == 2);
  CHECK(listing.files[0].source == "link.md");
  CHECK(listing.files[0].is_symlink);
  CHECK(listing.files[0].size == 10);
  CHECK(listing.files[0].mtime_ns ==
        to_ns(fs::last_write_time(root.path() / "notes" / ".real" / "entropy.md")));
  CHECK_FALSE(listing.files[1].is_symlink);
  CHECK(list_notes({root.path() / "notes" / "link.md"}).files.at(0).is_symlink);
}

TEST_CASE(
    "list_notes takes a link to a folder for a folder, and a folder named like a note for a "
    "folder",
    "[notes][scan]") {
  TempFolder root;
  // `drafts/` names folders only: the link to one (outside the root: followed, it would be a
  // warning) is ignored, the file `drafts.md` is not.
  root.write("notes/.recallignore", "drafts/\n");
  root.write("elsewhere/wip.md", "x\n");
  fs::create_directory_symlink(root.path() / "elsewhere", root.path() / "notes" / "drafts");
  root.write("notes/drafts.md", "x\n");
  // A folder whose name ends in `.md` is walked, not listed; extensions are in any case, and only
  // the last one is the extension.
  root.write("notes/ch.md/intro.MD", "x\n");
  root.write("notes/v1.2.markdown", "x\n");

  const auto listing = list_notes({root.path() / "notes"});
  CHECK(listing.warnings.empty());
  REQUIRE(listing.files.size() == 3);
  CHECK(listing.files[0].source == "ch.md/intro.MD");
  CHECK(listing.files[0].deck == "ch.md/intro");
  CHECK(listing.files[1].source == "drafts.md");
  CHECK(listing.files[2].source == "v1.2.markdown");
  CHECK(listing.files[2].deck == "v1.2");
}

TEST_CASE("list_notes names a file as the folder was given, `/` and the names below it",
          "[notes][scan]") {
  TempFolder root;
  root.write("notes/ml/entropy.md", "x\n");
  root.write("notes/bm25.md", "x\n");
  const std::string folder = (root.path() / "notes").string();
  for (const std::string& given : {folder, folder + "/"}) {
    const auto listing = list_notes({given});
    REQUIRE(listing.files.size() == 2);
    CHECK(listing.files[0].path == folder + "/bm25.md");
    CHECK(listing.files[1].path == folder + "/ml/entropy.md");
    CHECK(listing.files[1].source == "ml/entropy.md");
  }
}
