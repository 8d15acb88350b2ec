// End-to-end: `recall export --format apkg` read back by an independent reader, the npm package
// anki-reader (tools/anki, installed by .ci/install-deps). Hidden from discovery and registered in
// tests/CMakeLists.txt, so that ctest reports it skipped (exit 77) where node or the npm packages
// are missing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>

#include "harness.hpp"

using recall::test::json_lines;
using recall::test::read_all;
using recall::test::Sandbox;
using recall::test::source_path;

namespace {

namespace fs = std::filesystem;

void require_anki_tools() {
  if (std::system("node --version > /dev/null 2>&1") != 0 ||
      !fs::exists(source_path("tools/anki/node_modules/anki-reader")) ||
      !fs::exists(source_path("tools/anki/node_modules/anki-apkg-export"))) {
    WARN("node or tools/anki/node_modules missing (run .ci/install-deps): skipped");
    std::exit(77);
  }
}

// Runs `node tools/anki/SCRIPT args` in the sandbox; returns its standard output.
std::string node(const Sandbox& box, const std::string& script, const std::string& args) {
  const fs::path out = box.dir() / ".node-out", err = box.dir() / ".node-err";
  const std::string command = "node " + source_path("tools/anki/" + script).string() + " " + args +
                              " > " + out.string() + " 2> " + err.string();
  const int status = std::system(command.c_str());
  INFO(read_all(err));
  REQUIRE(status == 0);
  return read_all(out);
}

std::string quote(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

TEST_CASE("apkg out: anki-reader reads the same questions, answers, decks, tags and due dates",
          "[.][anki-npm]") {
  require_anki_tools();
  Sandbox box;
  box.note("notes/ml/entropy.md",
           "---\ntags: [info theory, ml]\n---\n# Entropy\n\n"
           "Q: What is entropy?\nA: Expected surprise,\nin bits & <nats>.\n\n"
           "Q: Unit of entropy with ln?\nA: nats\n");
  box.note("notes/korean.md", "Q: 사과?\nA: apple\n\nQ: 배?\nA: pear\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  box.set_day("2026-03-01");
  REQUIRE(box.run({"review"}, "5\n2\n4\n4\n4\n").exit_code == 0);
  box.set_day("2026-03-02");
  REQUIRE(box.run({"review"}, "5\n").exit_code == 0);
  box.set_day("2026-03-03");

  std::map<std::string, nlohmann::json> recall_cards;
  for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    recall_cards[row["question"].get<std::string>()] = row;
  }
  REQUIRE(recall_cards.size() == 4);

  const auto plain = box.dir() / "plain.apkg";
  const auto exported = box.run({"export", "--format", "apkg", plain.string()});
  REQUIRE(exported.exit_code == 0);
  CHECK_THAT(exported.err, Catch::Contains("Exported 4 cards"));
  const auto without = nlohmann::json::parse(node(box, "read.mjs", quote(plain)));
  REQUIRE(without["cards"].size() == 4);
  for (const auto& card : without["cards"]) {
    INFO(card.dump());
    CHECK(card["type"] == 0);  // new in Anki: no schedule asked for
    CHECK(card["queue"] == 0);
  }

  const auto scheduled = box.dir() / "scheduled.apkg";
  REQUIRE(box.run({"export", "--format", "apkg", "--with-schedule", scheduled.string()}).exit_code ==
          0);
  const auto read = nlohmann::json::parse(node(box, "read.mjs", quote(scheduled)));
  REQUIRE(read["cards"].size() == 4);
  std::map<std::string, nlohmann::json> anki_cards;
  for (const auto& card : read["cards"]) anki_cards[card["front"].get<std::string>()] = card;

  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"What is entropy?", {"Expected surprise,<br>in bits &amp; &lt;nats&gt;.", "ml::entropy"}},
      {"Unit of entropy with ln?", {"nats", "ml::entropy"}},
      {"사과?", {"apple", "korean"}},
      {"배?", {"pear", "korean"}},
  };
  for (const auto& [question, answer_deck] : expected) {
    INFO(question);
    REQUIRE(anki_cards.count(question) == 1);
    const auto& anki = anki_cards[question];
    const auto& mine = recall_cards[question];
    CHECK(anki["back"] == answer_deck.first);
    CHECK(anki["deck"] == answer_deck.second);
    if (answer_deck.second == "ml::entropy") {
      CHECK(anki["tags"] == nlohmann::json::array({"info_theory", "ml"}));
    } else {
      CHECK(anki["tags"].empty());
    }
    // The same due date, interval and E-Factor for every card that has a schedule.
    REQUIRE(!mine["due"].is_null());
    CHECK(anki["type"] == 2);
    CHECK(anki["due"] == mine["due"]);
    CHECK(anki["ivl"] == mine["interval"]);
    CHECK(anki["factor"].get<int>() == static_cast<int>(mine["ef"].get<double>() * 1000 + 0.5));
  }
  // The decks exist with their parents, as Anki needs.
  CHECK(read["crt"].get<std::string>().rfind("2026-03-03T04:00:00", 0) == 0);
}

TEST_CASE("import-anki: a package made by anki-apkg-export imports with every card",
          "[.][anki-npm]") {
  require_anki_tools();
  Sandbox box;
  const nlohmann::json cards = nlohmann::json::array({
      {{"front", "What does <b>ATP</b> store?"}, {"back", "Energy<br>for the cell"},
       {"tags", {"biology", "cell"}}},
      {{"front", "Capital of France?"}, {"back", "Paris"}, {"tags", nlohmann::json::array()}},
      {{"front", "Mitochondria &amp; ribosomes"}, {"back", "<div>organelles</div><div>both</div>"},
       {"tags", {"biology"}}},
      {{"front", "The cell <img src=\"cell.png\">"}, {"back", "a unit of life"},
       {"tags", nlohmann::json::array()}},
      {{"front", "사과는 영어로?"}, {"back", "apple"}, {"tags", nlohmann::json::array()}},
  });
  recall::test::write_file(box.dir() / "cards.json", cards.dump());
  const auto apkg = box.dir() / "made.apkg";
  node(box, "make-apkg.mjs", "'Biology::Cells' " + quote(apkg) + " < " +
                                 quote(box.dir() / "cards.json"));
  const auto result = box.run({"import-anki", apkg.string(), "--into", (box.dir() / "anki").string()});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("images and sounds") && Catch::Contains("left out"));
  CHECK(fs::exists(box.dir() / "anki" / "Biology" / "Cells.md"));
  std::map<std::string, nlohmann::json> imported;
  for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    imported[row["question"].get<std::string>()] = row;
  }
  CHECK(imported.size() == cards.size());
  REQUIRE(imported.count("What does **ATP** store?") == 1);
  CHECK(imported["What does **ATP** store?"]["answer"] == "Energy\nfor the cell");
  CHECK(imported["What does **ATP** store?"]["deck"] == "Biology/Cells");
  CHECK(imported["What does **ATP** store?"]["state"] == "new");
  CHECK(imported.count("Mitochondria & ribosomes") == 1);
  CHECK(imported.count("사과는 영어로?") == 1);
  CHECK(imported.count("Capital of France?") == 1);
}

TEST_CASE("recall → apkg with schedules → import-anki into a fresh database: the same schedule",
          "[.][anki-npm]") {
  require_anki_tools();  // the package is recall's; the tools folder marks an Anki-ready CI
  Sandbox box;
  box.note("notes/geo.md", "Q: Capital of Italy?\nA: Rome\n\nQ: Capital of Peru?\nA: Lima\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  box.set_day("2026-03-01");
  REQUIRE(box.run({"review"}, "5\n4\n").exit_code == 0);
  box.set_day("2026-03-02");
  REQUIRE(box.run({"review"}, "5\n").exit_code == 0);
  const auto before = json_lines(box.run({"cards", "--format", "json"}).out);
  const auto apkg = box.dir() / "geo.apkg";
  REQUIRE(box.run({"export", "--format", "apkg", "--with-schedule", apkg.string()}).exit_code == 0);

  box.set_env("RECALL_DB", (box.dir() / "fresh.db").string());
  const auto result = box.run({"import-anki", apkg.string(), "--into", (box.dir() / "anki").string()});
  INFO(result.out << result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("2 with Anki's schedule"));
  std::map<std::string, nlohmann::json> after;
  for (auto& row : json_lines(box.run({"cards", "--format", "json"}).out)) {
    after[row["question"].get<std::string>()] = row;
  }
  for (const auto& card : before) {
    const std::string q = card["question"];
    INFO(q);
    REQUIRE(after.count(q) == 1);
    CHECK(after[q]["due"] == card["due"]);
    CHECK(after[q]["interval"] == card["interval"]);
    CHECK(after[q]["ef"] == card["ef"]);
    CHECK(after[q]["state"] == "review");
  }
}
