// End-to-end: note roots (issue 11): decks named from the root whatever path is imported,
// `recall import` alone, `recall roots`, `roots rm`, and a root that moved or was renamed keeping
// every card key and review.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::Sandbox;
namespace fs = std::filesystem;

namespace {

void write_decks(const Sandbox& box, const std::string& root) {
  box.note(root + "/ml/diffusion.md", "Q: What does a diffusion model learn?\nA: To denoise.\n");
  box.note(root + "/ml/entropy.md",
           "Q: Entropy of a fair coin?\nA: One bit.\n\nQ: What is KL divergence?\nA: Relative "
           "entropy.\n");
  box.note(root + "/bio.md", "Q: Unit of heredity?\nA: The gene.\n");
}

std::vector<nlohmann::json> cards_json(const Sandbox& box) {
  const auto result = box.run({"cards", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  return json_lines(result.out);
}

std::map<std::string, std::string> deck_by_key(const Sandbox& box) {
  std::map<std::string, std::string> out;
  for (auto& row : cards_json(box)) out[row["key"]] = row["deck"];
  return out;
}

}  // namespace

TEST_CASE("roots: a root moved and renamed keeps every card key and review", "[roots]") {
  Sandbox box;
  write_decks(box, "notesA");
  const auto a = (box.dir() / "notesA").string();
  REQUIRE(box.run({"import", a}).exit_code == 0);
  REQUIRE(box.run({"review", "--new", "3"}, "5\n3\n4\n").exit_code == 0);
  const auto before = cards_json(box);
  REQUIRE(before.size() == 4);

  // Moved to another folder under another name: its cards follow, nothing is new.
  fs::create_directories(box.dir() / "elsewhere");
  const auto b = (box.dir() / "elsewhere" / "notesB").string();
  fs::rename(a, b);
  const auto moved = box.run({"import", b});
  REQUIRE(moved.exit_code == 0);
  CHECK_THAT(moved.out, Catch::Contains("root " + a + " moved to " + b + ": 4 cards kept"));
  CHECK_THAT(moved.out, Catch::Contains("0 new") && Catch::Contains("0 retired"));
  auto after = cards_json(box);
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    auto x = before[i], y = after[i];
    x.erase("source");
    y.erase("source");
    CHECK(x == y);
  }
  const auto roots = box.run({"roots"});
  CHECK_THAT(roots.out, Catch::Contains(b + "\t3\t4"));
  CHECK(roots.out.find(a + "\t") == std::string::npos);
  // And the old place, gone, is no longer a root.
  CHECK(box.run({"import", a}).exit_code == 3);
}

TEST_CASE("roots: importing a subfolder or a file keeps the root's deck names", "[roots]") {
  Sandbox box;
  write_decks(box, "decks");
  const auto root = box.dir() / "decks";
  REQUIRE(box.run({"import", root.string()}).exit_code == 0);
  const auto decks = deck_by_key(box);
  CHECK(std::count_if(decks.begin(), decks.end(),
                      [](const auto& kv) { return kv.second == "ml/entropy"; }) == 2);

  const auto sub = box.run({"import", (root / "ml").string()});
  REQUIRE(sub.exit_code == 0);
  CHECK_THAT(sub.out, Catch::Contains("0 new") && Catch::Contains("0 updated") &&
                          Catch::Contains("0 retired"));
  CHECK(deck_by_key(box) == decks);
  REQUIRE(box.run({"import", (root / "ml" / "diffusion.md").string()}).exit_code == 0);
  CHECK(deck_by_key(box) == decks);
  CHECK_THAT(box.run({"review", "--deck", "ml"}, "5\n").out, Catch::Contains("Q: "));
  // The subfolder did not become a root of its own.
  const auto roots = box.run({"roots"});
  CHECK(roots.out.find((root / "ml").string() + "\t") == std::string::npos);
}

TEST_CASE("roots: a subfolder imported first, then its parent, renames the decks in place",
          "[roots]") {
  Sandbox box;
  write_decks(box, "decks");
  const auto root = box.dir() / "decks";
  REQUIRE(box.run({"import", (root / "ml").string()}).exit_code == 0);
  const auto first = deck_by_key(box);
  CHECK(first.size() == 3);
  REQUIRE(box.run({"import", root.string()}).exit_code == 0);
  const auto second = deck_by_key(box);
  CHECK(second.size() == 4);
  for (const auto& [key, deck] : first) CHECK(second.at(key) == "ml/" + deck);
  // The parent is the one root now.
  const auto roots = box.run({"roots"});
  CHECK_THAT(roots.out, Catch::Contains(root.string() + "\t3\t4"));
  CHECK(roots.out.find((root / "ml").string()) == std::string::npos);
}

TEST_CASE("roots: import alone re-imports every root, and roots rm retires a root's cards",
          "[roots]") {
  Sandbox box;
  CHECK(box.run({"import"}).exit_code == 2);  // no roots yet, and no database made for it
  CHECK_FALSE(fs::exists(box.db()));
  write_decks(box, "one");
  box.note("two/chem.md", "Q: Symbol of gold?\nA: Au.\n");
  REQUIRE(box.run({"import", (box.dir() / "one").string()}).exit_code == 0);
  REQUIRE(box.run({"import", (box.dir() / "two").string()}).exit_code == 0);
  box.note("two/chem.md", "Q: Symbol of gold?\nA: Au.\n\nQ: Symbol of silver?\nA: Ag.\n");
  box.note("one/new.md", "Q: New one?\nA: Yes.\n");
  const auto all = box.run({"import"});
  REQUIRE(all.exit_code == 0);
  CHECK_THAT(all.out, Catch::Contains("2 new"));

  REQUIRE(box.run({"review", "--deck", "chem"}, "5\n5\n").exit_code == 0);
  const auto rm = box.run({"roots", "rm", (box.dir() / "two").string()});
  REQUIRE(rm.exit_code == 0);
  CHECK_THAT(rm.out, Catch::Contains("2 cards retired"));
  for (const auto& row : cards_json(box)) {
    if (row["deck"] == "chem") {
      CHECK(row["state"] == "retired");
      CHECK(row["reviews"] == 1);  // the history is kept
    }
  }
  CHECK(box.run({"roots"}).out.find((box.dir() / "two").string()) == std::string::npos);
  CHECK(box.run({"roots", "rm", (box.dir() / "nosuch").string()}).exit_code == 3);
  // A root that is gone is a warning for `import` alone, its cards kept.
  fs::remove_all(box.dir() / "one");
  const auto missing = box.run({"import"});
  CHECK_THAT(missing.err, Catch::Contains("no longer exists"));
  for (const auto& row : cards_json(box)) {
    if (row["deck"] != "chem") CHECK(row["state"] == "new");
  }
}
