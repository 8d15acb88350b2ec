// End-to-end: what recall says to someone finding their way (issue 11, "Guidance"): the command
// list and status of a bare `recall`, "did you mean" for a mistyped command, option or deck,
// read-only commands that never create a database, and an empty collection's review.
#include <catch2/catch.hpp>

#include "harness.hpp"

using recall::test::Sandbox;

namespace {

void import_decks(const Sandbox& box) {
  box.note("notes/ml/diffusion.md", "Q: What does a diffusion model learn?\nA: To denoise.\n");
  box.note("notes/ml/entropy.md", "Q: Entropy of a fair coin?\nA: One bit.\n");
  box.note("notes/bio.md", "Q: Unit of heredity?\nA: The gene.\n");
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
}

}  // namespace

TEST_CASE("recall alone lists the commands and a status line", "[guidance]") {
  Sandbox box;
  const auto before = box.run({});
  CHECK(before.exit_code == 0);
  CHECK_THAT(before.out,
             Catch::Contains("review") && Catch::Contains("import") && Catch::Contains("suspend"));
  CHECK_THAT(before.out, Catch::Contains("no collection at " + box.db().string()));
  CHECK_FALSE(std::filesystem::exists(box.db()));

  import_decks(box);
  const auto after = box.run({});
  CHECK(after.exit_code == 0);
  CHECK_THAT(after.out, Catch::Contains("0 cards due today, 3 new available; collection " +
                                        box.db().string()));
  // `recall help` is the same list; `recall help review` that command's options.
  CHECK(box.run({"help"}).out == after.out);
  CHECK_THAT(box.run({"help", "review"}).out, Catch::Contains("--deck"));
}

TEST_CASE("a mistyped command or option is named with the nearest, exit 2", "[guidance]") {
  Sandbox box;
  const auto revew = box.run({"revew"});
  CHECK(revew.exit_code == 2);
  CHECK_THAT(revew.err,
             Catch::StartsWith("recall: ") && Catch::Contains("did you mean `recall review`?"));
  const auto stat = box.run({"stat"});
  CHECK(stat.exit_code == 2);
  CHECK_THAT(stat.err, Catch::Contains("did you mean `recall stats`?"));
  const auto dek = box.run({"review", "--dek", "ml"});
  CHECK(dek.exit_code == 2);
  CHECK_THAT(dek.err, Catch::StartsWith("recall: unknown option `--dek`") &&
                          Catch::Contains("did you mean `--deck`?"));
  const auto nothing_near = box.run({"xyzzy"});
  CHECK(nothing_near.exit_code == 2);
  CHECK_THAT(nothing_near.err, Catch::Contains("unknown command `xyzzy`"));
  CHECK_FALSE(std::filesystem::exists(box.db()));
}

TEST_CASE("argument errors start with recall: and never print a huge number", "[guidance]") {
  Sandbox box;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"review", "--limit", "-1"},
        std::vector<std::string>{"review", "--limit", "99999999999999999999"},
        std::vector<std::string>{"stats", "--top", "-3"},
        std::vector<std::string>{"limits", "--new", "1e9999"}}) {
    const auto result = box.run(args);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::StartsWith("recall: "));
    CHECK(result.err.find("0000000000000000") == std::string::npos);
  }
}

TEST_CASE("read-only commands never create a database, exit 3", "[guidance]") {
  Sandbox box;
  const auto typo = box.dir() / "typo.db";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"stats"}, std::vector<std::string>{"cards"},
        std::vector<std::string>{"review"}, std::vector<std::string>{"show", "k"},
        std::vector<std::string>{"report", "--html", (box.dir() / "r.html").string()},
        std::vector<std::string>{"limits"}}) {
    std::vector<std::string> with_db = {"--db", typo.string()};
    with_db.insert(with_db.end(), args.begin(), args.end());
    const auto result = box.run(with_db);
    CHECK(result.exit_code == 3);
    CHECK_THAT(result.err, Catch::Contains("no collection at " + typo.string() +
                                           ": run `recall import NOTES` first"));
    CHECK_FALSE(std::filesystem::exists(typo));
  }
}

TEST_CASE("an unknown deck is an error naming the nearest decks, exit 3", "[guidance]") {
  Sandbox box;
  import_decks(box);
  const auto review = box.run({"review", "--deck", "ml/entorpy"}, "5\n");
  CHECK(review.exit_code == 3);
  CHECK_THAT(review.err,
             Catch::Contains("no deck `ml/entorpy`") && Catch::Contains("nearest: `ml/entropy`"));
  CHECK(box.run({"stats", "--deck", "nosuch"}).exit_code == 3);
  CHECK(box.run({"cards", "--deck", "ml/diffuson"}).exit_code == 3);
  const auto limits = box.run({"limits", "mll", "--new", "5"});
  CHECK(limits.exit_code == 3);
  CHECK_THAT(limits.err, Catch::Contains("`ml`"));
  // Nothing was set for the misspelt deck; the real ones (a parent deck too) still work.
  CHECK(box.run({"limits", "ml", "--new", "5"}).exit_code == 0);
  CHECK(box.run({"stats", "--deck", "ml/entropy"}).exit_code == 0);
}

TEST_CASE("an empty collection's review says how to import", "[guidance]") {
  Sandbox box;
  std::filesystem::create_directories(box.dir() / "empty");
  REQUIRE(box.run({"import", (box.dir() / "empty").string()}).exit_code == 0);
  const auto review = box.run({"review"});
  CHECK(review.exit_code == 0);
  CHECK_THAT(review.out, Catch::Contains("`recall import NOTES`"));
  CHECK(review.out.find("Streak") == std::string::npos);
}
