// End-to-end scenarios: notes change, history stays. Each imports notes, reviews on some days,
// edits the notes, re-imports, and checks the plan printed and the reviews kept per card.
#include <catch2/catch.hpp>
#include <set>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

// Reviews logged and state per answer text (answers are unique in these scenarios).
struct Cards {
  std::map<std::string, nlohmann::json> by_answer;
  int reviews(const std::string& answer) const {
    auto it = by_answer.find(answer);
    return it == by_answer.end() ? -1 : it->second["reviews"].get<int>();
  }
  std::string state(const std::string& answer) const {
    auto it = by_answer.find(answer);
    return it == by_answer.end() ? "" : it->second["state"].get<std::string>();
  }
  std::size_t size() const { return by_answer.size(); }
};

Cards cards(const Sandbox& box) {
  Cards out;
  for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    out.by_answer[row["answer"].get<std::string>()] = row;
  }
  return out;
}

// The plan of a dry run, as `action<TAB>...` lines.
std::string plan(const Sandbox& box, const std::vector<std::string>& roots) {
  std::vector<std::string> args{"import", "--dry-run"};
  args.insert(args.end(), roots.begin(), roots.end());
  return box.run(args).out;
}

std::string import(const Sandbox& box, const std::vector<std::string>& roots) {
  std::vector<std::string> args{"import"};
  args.insert(args.end(), roots.begin(), roots.end());
  const auto result = box.run(args);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  return result.out;
}

// Reviews every card due (and new) on `day`, grading all with `grade`.
void review_all(Sandbox& box, const std::string& day, int grade = 5) {
  box.set_day(day);
  std::string input;
  for (int i = 0; i < 50; ++i) input += std::to_string(grade) + "\n";
  REQUIRE(box.run({"review"}, input).exit_code == 0);
}

const char* const kInfo =
    "# Information theory\n\n"
    "entropy :: expected surprise of a distribution\n\n"
    "perplexity :: two to the power of the entropy\n";

struct World {
  Sandbox box;
  fs::path notes;
  World() : notes(box.dir() / "notes") {}
  std::string root() const { return notes.string(); }
  void write(const std::string& rel, const std::string& text) const {
    box.note("notes/" + rel, text);
  }
  // Imports kInfo, reviews it on two days: 2 reviews per card.
  void start() {
    write("info.md", kInfo);
    import(box, {root()});
    review_all(box, "2026-03-01");
    review_all(box, "2026-03-02");
    const auto before = cards(box);
    REQUIRE(before.reviews("expected surprise of a distribution") == 2);
    REQUIRE(before.reviews("two to the power of the entropy") == 2);
  }
};

}  // namespace

TEST_CASE("sync 01: an unchanged tree changes nothing", "[sync]") {
  World w;
  w.start();
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("0 new, 0 updated, 2 unchanged"));
  CHECK(cards(w.box).reviews("expected surprise of a distribution") == 2);
}

TEST_CASE("sync 02: a changed answer updates the card and keeps its history", "[sync]") {
  World w;
  w.start();
  std::string text = kInfo;
  text.replace(text.find("expected surprise"), 17, "average surprise");
  w.write("info.md", text);
  const auto p = plan(w.box, {w.root()});
  CHECK_THAT(p, Catch::Contains("updated\t1.00\tdouble-colon"));
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("0 new, 1 updated, 1 unchanged"));
  CHECK(cards(w.box).reviews("average surprise of a distribution") == 2);
  CHECK(cards(w.box).size() == 2);
}

TEST_CASE("sync 03: a typo fixed in the term is a rename", "[sync]") {
  World w;
  w.write("info.md", "entorpy :: expected surprise of a distribution\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  w.write("info.md", "entropy :: expected surprise of a distribution\n");
  const auto p = plan(w.box, {w.root()});
  CHECK_THAT(p, Catch::Contains("renamed\t"));
  CHECK_THAT(p, Catch::Contains("(was \"entorpy\")"));
  CHECK_THAT(import(w.box, {w.root()}),
             Catch::Contains("0 new, 1 updated, 0 unchanged, 0 moved, 1 renamed") ||
                 Catch::Contains("0 new, 0 updated, 0 unchanged, 0 moved, 1 renamed"));
  CHECK(cards(w.box).reviews("expected surprise of a distribution") == 1);
  CHECK(cards(w.box).size() == 1);
}

TEST_CASE("sync 04: case, spacing and emphasis do not change identity", "[sync]") {
  World w;
  w.start();
  w.write("info.md",
          "# Information theory\n\n**Entropy**  :: expected surprise of a distribution\n\n"
          "PERPLEXITY :: two to the power of the entropy\n");
  const auto out = import(w.box, {w.root()});
  CHECK_THAT(out, Catch::Contains("0 new"));
  CHECK_THAT(out, Catch::Contains("0 retired"));
  CHECK(cards(w.box).reviews("expected surprise of a distribution") == 2);
  CHECK(cards(w.box).reviews("two to the power of the entropy") == 2);
}

TEST_CASE("sync 05: a word added to the term keeps the card", "[sync]") {
  World w;
  w.start();
  std::string text = kInfo;
  text.replace(text.find("entropy ::"), 7, "Shannon entropy");
  w.write("info.md", text);
  CHECK_THAT(plan(w.box, {w.root()}), Catch::Contains("renamed"));
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("0 new") && Catch::Contains("0 retired"));
  CHECK(cards(w.box).reviews("expected surprise of a distribution") == 2);
}

TEST_CASE("sync 06: a renamed note keeps its cards (git mv)", "[sync]") {
  World w;
  w.start();
  fs::rename(w.notes / "info.md", w.notes / "information.md");
  const auto p = plan(w.box, {w.root()});
  CHECK_THAT(p, Catch::Contains("moved\t1.00\tdouble-colon\tdefinition\tinformation.md:3"));
  CHECK_THAT(p, Catch::Contains("(from info.md:3)"));
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("0 new, 0 updated, 0 unchanged, 2 moved"));
  const auto after = cards(w.box);
  CHECK(after.size() == 2);
  CHECK(after.reviews("expected surprise of a distribution") == 2);
  CHECK(after.by_answer.at("expected surprise of a distribution")["deck"] == "information");
}

TEST_CASE("sync 07: a note moved into a folder keeps its cards and changes deck", "[sync]") {
  World w;
  w.start();
  fs::create_directories(w.notes / "ml");
  fs::rename(w.notes / "info.md", w.notes / "ml" / "info.md");
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("2 moved"));
  const auto after = cards(w.box);
  CHECK(after.reviews("two to the power of the entropy") == 2);
  CHECK(after.by_answer.at("two to the power of the entropy")["deck"] == "ml/info");
  CHECK(after.by_answer.at("two to the power of the entropy")["source"] == "ml/info.md");
}

TEST_CASE("sync 08: an item moved to another note keeps its card", "[sync]") {
  World w;
  w.start();
  w.write("info.md", "entropy :: expected surprise of a distribution\n");
  w.write("lm.md", "# Language models\n\nperplexity :: two to the power of the entropy\n");
  const auto out = import(w.box, {w.root()});
  CHECK_THAT(out, Catch::Contains("0 new"));
  CHECK_THAT(out, Catch::Contains("1 moved"));
  const auto after = cards(w.box);
  CHECK(after.reviews("two to the power of the entropy") == 2);
  CHECK(after.by_answer.at("two to the power of the entropy")["context"] ==
        nlohmann::json::array({"Language models"}));
}

TEST_CASE("sync 09: a deleted item retires its card, out of reviews and stats", "[sync]") {
  World w;
  w.start();
  w.write("info.md", "entropy :: expected surprise of a distribution\n");
  CHECK_THAT(plan(w.box, {w.root()}), Catch::Contains("retired\t1.00\tdouble-colon"));
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("1 retired"));
  const auto after = cards(w.box);
  CHECK(after.state("two to the power of the entropy") == "retired");
  CHECK(after.reviews("two to the power of the entropy") == 2);
  auto stats = nlohmann::json::parse(w.box.run({"stats", "--json"}).out);
  CHECK(stats["cards"]["retired"] == 1);
  CHECK(stats["cards"]["review"] == 1);
  // Due on 03-08 (interval 6): only the active card is shown.
  w.box.set_day("2026-03-08");
  const auto session = w.box.run({"review"}, "5\n5\n");
  CHECK_THAT(session.out, Catch::Contains("1 card reviewed"));
  CHECK_THAT(session.out, !Catch::Contains("perplexity"));
}

TEST_CASE("sync 10: a returning item is restored with its history", "[sync]") {
  World w;
  w.start();
  w.write("info.md", "entropy :: expected surprise of a distribution\n");
  import(w.box, {w.root()});
  w.write("info.md", kInfo);
  CHECK_THAT(plan(w.box, {w.root()}), Catch::Contains("restored\t"));
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("1 restored"));
  const auto after = cards(w.box);
  CHECK(after.state("two to the power of the entropy") == "review");
  CHECK(after.reviews("two to the power of the entropy") == 2);
}

TEST_CASE("sync 11: a deleted note retires its cards, and restoring the file restores them",
          "[sync]") {
  World w;
  w.start();
  w.write("other.md", "bm25 :: a ranking function\n");
  import(w.box, {w.root()});
  fs::remove(w.notes / "info.md");
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("2 retired"));
  w.write("info.md", kInfo);
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("2 restored"));
  CHECK(cards(w.box).reviews("expected surprise of a distribution") == 2);
}

TEST_CASE("sync 12: two items merged into one: the closest keeps its history", "[sync]") {
  World w;
  w.write("info.md",
          "self-information :: surprise of one outcome\n\n"
          "information content :: log of one over p\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  w.write("info.md", "self-information content :: surprise of one outcome, log of one over p\n");
  const auto p = plan(w.box, {w.root()});
  CHECK_THAT(p, Catch::Contains("renamed\t"));
  CHECK_THAT(p, Catch::Contains("(merged into \"self-information content\")"));
  import(w.box, {w.root()});
  const auto after = cards(w.box);
  CHECK(after.reviews("surprise of one outcome, log of one over p") == 1);
  CHECK(after.state("surprise of one outcome") == "retired");
}

TEST_CASE("sync 13: one item split in two: the closer half keeps the history", "[sync]") {
  World w;
  w.write("info.md", "entropy :: expected surprise of a distribution\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  w.write("info.md",
          "entropy :: expected surprise of a distribution\n\n"
          "entropy rate :: entropy per symbol of a process\n");
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("1 new, 0 updated, 1 unchanged"));
  w.write("info.md",
          "discrete entropy :: expected surprise of a discrete distribution\n\n"
          "differential entropy :: entropy of a density\n");
  const auto p = plan(w.box, {w.root()});
  CHECK_THAT(p, Catch::Contains("renamed\t"));
  CHECK_THAT(p, Catch::Contains("split from"));
  import(w.box, {w.root()});
  const auto after = cards(w.box);
  CHECK(after.reviews("expected surprise of a discrete distribution") == 1);
}

TEST_CASE("sync 14: importing a subfolder retires nothing outside it", "[sync]") {
  World w;
  w.write("a/one.md", "alpha :: first letter\n");
  w.write("b/two.md", "beta :: second letter\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  w.write("a/one.md", "alpha :: first letter of the alphabet\n");
  const auto out = import(w.box, {(w.notes / "a").string()});
  CHECK_THAT(out, Catch::Contains("0 retired"));
  CHECK(cards(w.box).state("second letter") == "review");
}

TEST_CASE("sync 15: importing a single file retires nothing else", "[sync]") {
  World w;
  w.write("one.md", "alpha :: first letter\n");
  w.write("two.md", "beta :: second letter\n");
  import(w.box, {w.root()});
  const auto out = import(w.box, {(w.notes / "one.md").string()});
  CHECK_THAT(out, Catch::Contains("0 retired"));
  CHECK(cards(w.box).size() == 2);
  CHECK(cards(w.box).state("second letter") == "new");
}

TEST_CASE("sync 16: several roots are one plan: a move between them is a move", "[sync]") {
  World w;
  w.box.note("left/l.md", "alpha :: first letter\n");
  w.box.note("right/r.md", "beta :: second letter\n");
  const auto left = (w.box.dir() / "left").string(), right = (w.box.dir() / "right").string();
  import(w.box, {left, right});
  review_all(w.box, "2026-03-01");
  w.box.note("left/l.md", "\n");
  w.box.note("right/r.md", "beta :: second letter\n\nalpha :: first letter\n");
  const auto out = import(w.box, {left, right});
  CHECK_THAT(out, Catch::Contains("1 moved"));
  CHECK_THAT(out, Catch::Contains("0 retired"));
  CHECK(cards(w.box).reviews("first letter") == 1);
}

TEST_CASE("sync 17: a file name in NFD and then in NFC is the same note's cards", "[sync]") {
  World w;
  // 한국어 in decomposed jamo (as macOS writes file names), then precomposed.
  const std::string nfd =
      "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xae\xe1\x86\xa8"
      "\xe1\x84\x8b\xe1\x85\xa5";
  const std::string nfc = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4";
  w.write(nfd + ".md", "엔트로피 :: 정보량의 기댓값\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  const auto first = cards(w.box);
  CHECK(first.by_answer.at("정보량의 기댓값")["deck"] == nfc);
  fs::rename(w.notes / (nfd + ".md"), w.notes / (nfc + ".md"));
  const auto out = import(w.box, {w.root()});
  CHECK_THAT(out, Catch::Contains("0 new"));
  CHECK_THAT(out, Catch::Contains("0 retired"));
  CHECK(cards(w.box).reviews("정보량의 기댓값") == 1);
}

TEST_CASE("sync 18: note text in NFD matches the same card as in NFC", "[sync]") {
  World w;
  const std::string nfd_term =
      "\xe1\x84\x8b\xe1\x85\xa6\xe1\x86\xab\xe1\x84\x90\xe1\x85\xb3"
      "\xe1\x84\x85\xe1\x85\xa9\xe1\x84\x91\xe1\x85\xa1";  // 엔트로파
  w.write("ko.md", "엔트로파 :: 정보량의 기댓값\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  w.write("ko.md", nfd_term + " :: 정보량의 기댓값\n");
  const auto out = import(w.box, {w.root()});
  CHECK_THAT(out, Catch::Contains("0 new, 0 updated, 1 unchanged"));
  CHECK(cards(w.box).reviews("정보량의 기댓값") == 1);
}

TEST_CASE("sync 19: a dry run prints the plan and writes nothing", "[sync]") {
  World w;
  w.start();
  w.write("info.md", "entropy :: expected surprise of a distribution, in bits\n");
  const auto dry = plan(w.box, {w.root()});
  CHECK_THAT(dry, Catch::Contains("updated\t"));
  CHECK_THAT(dry, Catch::Contains("retired\t"));
  CHECK_THAT(dry, Catch::Contains("Dry run: nothing was written."));
  const auto after = cards(w.box);
  CHECK(after.state("two to the power of the entropy") == "review");
  CHECK(after.reviews("expected surprise of a distribution") == 2);
}

TEST_CASE("sync 20: --format json gives every card an action", "[sync]") {
  World w;
  w.start();
  w.write("info.md",
          "entropy :: expected surprise of a distribution\n\nKL divergence :: relative entropy\n");
  const auto rows =
      json_lines(w.box.run({"import", "--dry-run", "--format", "json", w.root()}).out);
  std::multiset<std::string> actions;
  for (const auto& row : rows) actions.insert(row["action"].get<std::string>());
  CHECK(actions == std::multiset<std::string>{"unchanged", "new", "retired"});
}

TEST_CASE("sync 21: the same term twice in a note: each edit finds its own card", "[sync]") {
  World w;
  w.write("bias.md",
          "# Statistics\n\nbias :: expected error of an estimator\n\n"
          "# Fairness\n\nbias :: systematic unfairness toward a group\n");
  import(w.box, {w.root()});
  review_all(w.box, "2026-03-01");
  w.write("bias.md",
          "# Statistics\n\nbias :: expected error of an estimator\n\n"
          "# Fairness\n\nbias :: systematic unfairness toward a group of people\n");
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("0 new, 1 updated, 1 unchanged"));
  CHECK(cards(w.box).reviews("systematic unfairness toward a group of people") == 1);
  CHECK(cards(w.box).reviews("expected error of an estimator") == 1);
}

TEST_CASE("sync 22: a different term with a different answer is a new card", "[sync]") {
  World w;
  w.start();
  w.write("info.md",
          "entropy :: expected surprise of a distribution\n\nBM25 :: a ranking function\n");
  const auto out = import(w.box, {w.root()});
  CHECK_THAT(out, Catch::Contains("1 new"));
  CHECK_THAT(out, Catch::Contains("1 retired"));
}

TEST_CASE("sync 23: a touched but unchanged file is not an update", "[sync]") {
  World w;
  w.start();
  w.write("info.md", kInfo);  // same content, new modification time
  CHECK_THAT(import(w.box, {w.root()}), Catch::Contains("0 new, 0 updated, 2 unchanged"));
}

TEST_CASE("sync 24: SIGKILL during an import leaves the database as before", "[sync][crash]") {
  World w;
  w.start();
  // Enough notes that the import takes a while; kill it at several moments.
  constexpr int kFiles = 60, kTerms = 100;
  for (int f = 0; f < kFiles; ++f) {
    std::string text;
    for (int i = 0; i < kTerms; ++i) {
      text += "term" + std::to_string(i) + " :: definition " + std::to_string(f) + "-" +
              std::to_string(i) + "\n\n";
    }
    w.write("bulk/n" + std::to_string(f) + ".md", text);
  }
  auto rows = [&] { return json_lines(w.box.run({"cards", "--format", "json"}).out).size(); };
  std::set<std::size_t> seen;
  for (int delay_ms : {5, 20, 60, 150, 400, 1000}) {
    if (rows() != 2) break;  // an earlier run got through before it was killed
    int input = -1;
    const pid_t pid = w.box.start({"import", w.root()}, input, w.box.dir() / "import.out");
    close(input);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const std::size_t now = rows();
    INFO("killed after " << delay_ms << " ms; exited normally: " << WIFEXITED(status));
    // Either nothing of the import happened, or all of it.
    CHECK((now == 2 || now == 2 + kFiles * kTerms));
    seen.insert(now);
    CHECK(cards(w.box).reviews("expected surprise of a distribution") == 2);
    CHECK(w.box.run({"stats", "--json"}).exit_code == 0);
  }
  CHECK(seen.contains(2));  // at least one kill landed mid-import
  import(w.box, {w.root()});
  CHECK(rows() == 2 + kFiles * kTerms);
}
