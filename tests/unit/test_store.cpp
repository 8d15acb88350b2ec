// The store on a real SQLite file: migrations, import plans, the review log.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/store/store.hpp"

namespace fs = std::filesystem;
using namespace recall;
using store::PlanAction;

namespace {

struct TempDb {
  TempDb() {
    std::string pattern = (fs::temp_directory_path() / "recall-store-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
  }
  ~TempDb() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path path() const { return dir / "sub" / "recall.db"; }
  fs::path dir;
};

extract::CardDraft draft(const std::string& term, const std::string& answer, int line = 1) {
  extract::CardDraft d;
  d.deck = "deck";
  d.term = term;
  d.question = "What is " + term + "?";
  d.answer = answer;
  d.kind = "definition";
  d.rule = "double-colon";
  d.source = "deck.md";
  d.line = line;
  return d;
}

store::NoteInput note(std::vector<extract::CardDraft> drafts,
                      const std::string& path = "/n/deck.md") {
  store::NoteInput input;
  input.path = path;
  input.source = "deck.md";
  input.content_hash = "hash";
  input.drafts = std::move(drafts);
  return input;
}

const auto kNow = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}};

store::ImportPlan import(store::Store& s, std::vector<store::NoteInput> notes) {
  auto plan = s.plan_import(std::move(notes), {"/n"}, {});
  s.apply_import(plan, kNow);
  return plan;
}

}  // namespace

TEST_CASE("store: a new database is created with its folder and migrated", "[store]") {
  TempDb tmp;
  {
    store::Store s(tmp.path());
    CHECK(s.schema_version() == 12);
  }
  CHECK(fs::exists(tmp.path()));
  store::Store again(tmp.path());
  CHECK(again.schema_version() == 12);
}

TEST_CASE("store: a database newer than the binary is refused", "[store]") {
  TempDb tmp;
  { store::Store s(tmp.path()); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK_THROWS_AS(store::Store(tmp.path()), Error);
  CHECK_THROWS_WITH(store::Store(tmp.path()), Catch::Contains("newer"));
}

TEST_CASE("store: import plans across edits", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  auto first = import(s, {note({draft("entropy", "surprise"), draft("perplexity", "2^H", 3)})});
  CHECK(first.count(PlanAction::new_card) == 2);
  CHECK(s.cards({}).size() == 2);

  auto same = import(s, {note({draft("entropy", "surprise"), draft("perplexity", "2^H", 3)})});
  CHECK(same.count(PlanAction::unchanged) == 2);
  CHECK(same.count(PlanAction::new_card) == 0);

  // A moved line is not an update; a changed answer is; case and emphasis do not change identity.
  auto edited = import(
      s, {note({draft("**Entropy**", "average surprise", 5), draft("perplexity", "2^H", 9)})});
  CHECK(edited.count(PlanAction::updated) == 1);
  CHECK(edited.count(PlanAction::unchanged) == 1);
  CHECK(edited.count(PlanAction::new_card) == 0);
  const auto cards = s.cards({});
  REQUIRE(cards.size() == 2);
  CHECK(cards[0].line == 5);
  CHECK(cards[0].answer == "average surprise");
  CHECK(cards[0].key == first.cards[0].key);

  auto removed = import(s, {note({draft("perplexity", "2^H", 9)})});
  CHECK(removed.count(PlanAction::retired) == 1);
  CHECK(s.state_counts({}).retired == 1);

  auto back =
      import(s, {note({draft("entropy", "average surprise", 5), draft("perplexity", "2^H", 9)})});
  CHECK(back.count(PlanAction::restored) == 1);
  CHECK(s.state_counts({}).retired == 0);
  CHECK(s.state_counts({}).new_cards == 2);
}

TEST_CASE("store: has_cards counts retired cards too", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  CHECK_FALSE(s.has_cards());
  import(s, {note({draft("entropy", "surprise")})});
  CHECK(s.has_cards());
  import(s, {note({})});
  CHECK(s.state_counts({}).retired == 1);
  CHECK(s.has_cards());
}

TEST_CASE("store: notes outside the imported scope are left alone", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  import(s, {note({draft("a", "1")}, "/n/a.md"), note({draft("b", "2")}, "/other/b.md")});
  auto plan = s.plan_import({note({draft("a", "1")}, "/n/a.md")}, {"/n/a.md"}, {});
  CHECK(plan.count(PlanAction::retired) == 0);
  // A skipped (unreadable) note keeps its cards.
  auto skipped = s.plan_import({}, {"/n"}, {"/n/a.md"});
  CHECK(skipped.count(PlanAction::retired) == 0);
  auto deleted = s.plan_import({}, {"/n"}, {});
  CHECK(deleted.count(PlanAction::retired) == 1);
}

TEST_CASE("store: the same term twice in a note makes two cards", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  auto plan = import(s, {note({draft("bias", "statistics"), draft("bias", "fairness", 7)})});
  CHECK(plan.count(PlanAction::new_card) == 2);
  CHECK(plan.cards[0].key != plan.cards[1].key);
  auto again = import(s, {note({draft("bias", "statistics"), draft("bias", "fairness", 7)})});
  CHECK(again.count(PlanAction::unchanged) == 2);
}

TEST_CASE("store: a review is logged and the schedule stored, drills leave it", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  import(s, {note({draft("entropy", "surprise")})});
  const auto today = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1};
  auto card = s.new_cards({}, 10).at(0);

  store::ReviewRecord record;
  record.card_id = card.id;
  record.reviewed_at = kNow;
  record.review_day = today;
  record.grade = 3;
  record.before = card.sm2;
  record.after = schedule::answer(card.sm2, 3, today);
  record.kind = store::ReviewKind::new_card;
  s.record_review(record);

  auto drill = record;
  drill.kind = store::ReviewKind::drill;
  drill.before = drill.after = schedule::answer(record.after, 0, today);  // must not be stored
  s.record_review(drill);

  const auto stored = s.card_by_id(card.id).value();
  CHECK(stored.reviews == 2);
  CHECK(stored.sm2.state == schedule::CardState::review);
  CHECK(stored.sm2.interval_days == 1);
  CHECK(stored.sm2.ef_centi == 236);
  CHECK(s.reviews_on(today, store::ReviewKind::new_card) == 1);
  CHECK(s.reviews_on(today, std::nullopt) == 2);
  CHECK(s.due_cards({}, today).empty());
  CHECK(s.due_cards({}, today + std::chrono::days{1}).size() == 1);
  CHECK_FALSE(s.card_by_id(card.id + 100).has_value());
}

TEST_CASE("store: deck filters include sub-decks only", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  auto a = draft("a", "1");
  a.deck = "ml";
  auto b = draft("b", "2");
  b.deck = "ml/deep";
  auto c = draft("c", "3");
  c.deck = "mlops";
  import(s, {note({a, b, c})});
  CHECK(s.cards({"ml"}).size() == 2);
  CHECK(s.cards({"ml/deep"}).size() == 1);
  CHECK(s.cards({"m"}).empty());
  CHECK(s.cards({}).size() == 3);
}

TEST_CASE("store: a version 1 database is upgraded and keeps its cards", "[store]") {
  TempDb tmp;
  {
    store::Store s(tmp.path());
    import(s, {note({draft("entropy", "surprise")})});
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(
              db,
              "DROP INDEX cards_due_queue; DROP INDEX cards_new_queue; DROP INDEX cards_buried; "
              "ALTER TABLE cards DROP COLUMN tags; ALTER TABLE notes DROP COLUMN size; "
              "ALTER TABLE notes DROP COLUMN mtime_ns; ALTER TABLE notes DROP COLUMN extract_salt; "
              "ALTER TABLE cards DROP COLUMN buried_until; ALTER TABLE cards DROP COLUMN leech; "
              "ALTER TABLE notes DROP COLUMN gone_hash; "
              "DROP TABLE deck_limits; PRAGMA user_version = 1",
              nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  store::Store upgraded(tmp.path());
  CHECK(upgraded.schema_version() == 12);
  const auto cards = upgraded.cards({});
  REQUIRE(cards.size() == 1);
  CHECK(cards[0].answer == "surprise");
  CHECK(cards[0].tags.empty());
}

TEST_CASE("store: a version 8 database gets reviews_day covering card and grade", "[store]") {
  TempDb tmp;
  { store::Store s(tmp.path()); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path().c_str(), &db) == SQLITE_OK);
  auto index_columns = [&] {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT name FROM pragma_index_info('reviews_day') ORDER BY seqno",
                               -1, &statement, nullptr) == SQLITE_OK);
    std::string names;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      names += std::string(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0))) + " ";
    }
    sqlite3_finalize(statement);
    return names;
  };
  CHECK(index_columns() == "review_day kind card_id grade ");
  REQUIRE(sqlite3_exec(db,
                       "DROP INDEX reviews_day; CREATE INDEX reviews_day ON reviews (review_day, "
                       "kind); PRAGMA user_version = 8",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(index_columns() == "review_day kind ");
  {
    store::Store upgraded(tmp.path());
    CHECK(upgraded.schema_version() == 12);
  }
  CHECK(index_columns() == "review_day kind card_id grade ");
  sqlite3_close(db);
}

namespace {

// One value of a query on a raw connection, as text ("" for none).
std::string scalar(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  return out;
}

}  // namespace

TEST_CASE(
    "store: a version 9 database loses cards_state_due and its CHECK lists, cards_deck "
    "covers sections",
    "[store]") {
  TempDb tmp;
  {
    store::Store s(tmp.path());
    import(s, {note({draft("entropy", "surprise"), draft("perplexity", "2^H", 3)})});
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path().c_str(), &db) == SQLITE_OK);
  const std::string cards_sql = "SELECT sql FROM sqlite_schema WHERE name = 'cards'";
  const std::string reviews_sql = "SELECT sql FROM sqlite_schema WHERE name = 'reviews'";
  const std::string state_list =
      "CHECK (state IN ('new', 'learning', 'review', 'suspended', 'retired'))";
  const std::string kind_list = "CHECK (kind IN ('new', 'scheduled', 'drill'))";
  // Back to version 9 as migrations 1-9 left it: the index, and the CHECK lists as first written.
  const std::string cookie = scalar(db, "PRAGMA schema_version");
  REQUIRE(sqlite3_exec(db,
                       ("BEGIN IMMEDIATE; CREATE INDEX cards_state_due ON cards (state, due); "
                        "DROP INDEX cards_deck; CREATE INDEX cards_deck ON cards (deck); "
                        "PRAGMA writable_schema = ON; "
                        "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (state = ''new'' OR "
                        "state = ''learning'' OR state = ''review'' OR state = ''suspended'' OR "
                        "state = ''retired'')', 'CHECK (state IN (''new'', ''learning'', "
                        "''review'', ''suspended'', ''retired''))') WHERE name = 'cards'; "
                        "UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (kind = ''new'' OR "
                        "kind = ''scheduled'' OR kind = ''drill'')', 'CHECK (kind IN (''new'', "
                        "''scheduled'', ''drill''))') WHERE name = 'reviews'; "
                        "PRAGMA schema_version = " +
                        std::to_string(std::stoi(cookie) + 2) +
                        "; PRAGMA writable_schema = RESET; PRAGMA user_version = 9; COMMIT")
                           .c_str(),
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  REQUIRE_THAT(scalar(db, cards_sql), Catch::Contains(state_list));
  REQUIRE_THAT(scalar(db, reviews_sql), Catch::Contains(kind_list));
  REQUIRE(scalar(db, "SELECT name FROM sqlite_schema WHERE name = 'cards_state_due'") ==
          "cards_state_due");
  {
    store::Store upgraded(tmp.path());
    CHECK(upgraded.schema_version() == 12);
    const auto cards = upgraded.cards({});
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].answer == "surprise");
    CHECK(cards[1].answer == "2^H");
  }
  CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'cards_state_due'") == "0");
  CHECK(scalar(db,
               "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
               "pragma_index_info('cards_deck') ORDER BY seqno)") == "deck note_id context");
  CHECK_THAT(scalar(db, cards_sql), !Catch::Contains("state IN"));
  CHECK_THAT(scalar(db, cards_sql), Catch::Contains("CHECK (state = 'new' OR state = 'learning'"));
  CHECK_THAT(scalar(db, reviews_sql), !Catch::Contains("kind IN"));
  CHECK(scalar(db, "PRAGMA integrity_check") == "ok");
  // The rewritten CHECKs still refuse what the lists refused, and take what they took.
  CHECK(sqlite3_exec(db, "UPDATE cards SET state = 'bogus'", nullptr, nullptr, nullptr) ==
        SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(db, "UPDATE cards SET state = 'suspended'", nullptr, nullptr, nullptr) ==
        SQLITE_OK);
  const std::string review =
      "INSERT INTO reviews (card_id, reviewed_at, review_day, grade, kind, state_before, "
      "state_after, repetitions_before, repetitions_after, interval_before, interval_after, "
      "ef_before, ef_after, answer_ms) SELECT id, 't', '2026-03-01', 4, '";
  const std::string rest = "', 'new', 'learning', 0, 1, 0, 1, 250, 250, 900 FROM cards LIMIT 1";
  CHECK(sqlite3_exec(db, (review + "bogus" + rest).c_str(), nullptr, nullptr, nullptr) ==
        SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(db, (review + "drill" + rest).c_str(), nullptr, nullptr, nullptr) ==
        SQLITE_OK);
  sqlite3_close(db);
}

TEST_CASE("store: a version 10 database gains the table of duplicates, its cards kept",
          "[store]") {
  TempDb tmp;
  {
    store::Store s(tmp.path());
    import(s, {note({draft("entropy", "surprise"), draft("perplexity", "2^H", 3)})});
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "DROP TABLE duplicates; PRAGMA user_version = 10", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  REQUIRE(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'duplicates'") == "0");
  {
    store::Store upgraded(tmp.path());
    CHECK(upgraded.schema_version() == 12);
    const auto cards = upgraded.cards({});
    REQUIRE(cards.size() == 2);
    CHECK(cards[0].answer == "surprise");
    // The same card from a second note is left out, and recorded with the card it defers to.
    auto plan = import(upgraded, {note({draft("entropy", "surprise"), draft("perplexity", "2^H", 3)}),
                                  note({draft("entropy", "surprise", 7)}, "/n/b.md")});
    CHECK(plan.count(PlanAction::duplicate) == 1);
    CHECK(upgraded.cards({}).size() == 2);
  }
  CHECK(scalar(db, "SELECT d.card_key = c.key FROM duplicates d JOIN cards c ON "
                   "c.match_key = 'entropy'") == "1");
  CHECK(scalar(db, "PRAGMA integrity_check") == "ok");
  sqlite3_close(db);
}

TEST_CASE("store: moves, edits, merges and splits keep history with the closest card", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  auto first = import(s, {note({draft("entropy", "expected surprise of a distribution"),
                                draft("perplexity", "two to the power of entropy", 3)},
                               "/n/a.md")});
  const std::string entropy_key = first.cards[0].key;

  // The item moves to another note: the same card, action moved.
  auto moved =
      import(s, {note({draft("perplexity", "two to the power of entropy", 3)}, "/n/a.md"),
                 note({draft("entropy", "the expected surprise of a distribution")}, "/n/b.md")});
  CHECK(moved.count(PlanAction::moved) == 1);
  CHECK(moved.count(PlanAction::new_card) == 0);
  CHECK(moved.count(PlanAction::retired) == 0);
  CHECK(moved.cards[1].key == entropy_key);
  CHECK_THAT(moved.cards[1].remark, Catch::Contains("from deck.md"));

  // A typo fixed in the term: renamed, with its similarity.
  auto typo =
      import(s, {note({draft("perplexity", "two to the power of entropy", 3)}, "/n/a.md"),
                 note({draft("entorpy", "the expected surprise of a distribution")}, "/n/b.md")});
  CHECK(typo.count(PlanAction::renamed) == 1);
  CHECK(typo.cards[1].key == entropy_key);
  CHECK(typo.cards[1].similarity == Approx(6.0 / 7.0));

  // A different term with a different answer is a new card, and the old one retires.
  auto other =
      import(s, {note({draft("perplexity", "two to the power of entropy", 3)}, "/n/a.md"),
                 note({draft("KL divergence", "relative entropy between p and q")}, "/n/b.md")});
  CHECK(other.count(PlanAction::new_card) == 1);
  CHECK(other.count(PlanAction::retired) == 1);
}

TEST_CASE("store: two items merged into one: history goes with the closest", "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  auto first = import(s, {note({draft("self-information", "surprise of one outcome"),
                                draft("information content", "log of one over p", 2)})});
  auto merged = import(
      s, {note({draft("self-information content", "surprise of one outcome, log of one over p")})});
  CHECK(merged.count(PlanAction::renamed) == 1);
  CHECK(merged.count(PlanAction::retired) == 1);
  // "information content" is the closer term (0.79 against 0.75) and answer (5/7 against 4/7).
  CHECK(merged.cards[0].key == first.cards[1].key);
  CHECK(merged.cards[1].key == first.cards[0].key);
  CHECK(merged.cards[1].action == PlanAction::retired);
  CHECK_THAT(merged.cards[1].remark, Catch::Contains("merged into"));
}

TEST_CASE("store: in a note of many cards, only a card close to a renamed one is split from it",
          "[store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  std::vector<extract::CardDraft> before;
  before.push_back(draft("entropy", "expected surprise of a distribution", 1));
  for (int i = 0; i < 300; ++i) {
    before.push_back(draft("term " + std::to_string(i), "answer " + std::to_string(i), i + 2));
  }
  const auto first = import(s, {note(before)});
  REQUIRE(first.count(PlanAction::new_card) == 301);

  std::vector<extract::CardDraft> after = before;
  after[0] = draft("discrete entropy", "expected surprise of a distribution", 1);
  after.push_back(draft("differential entropy", "entropy of a density", 400));
  after.push_back(draft("unrelated", "nothing alike", 401));
  const auto second = import(s, {note(after)});
  CHECK(second.count(PlanAction::renamed) == 1);
  CHECK(second.count(PlanAction::unchanged) == 300);
  CHECK(second.count(PlanAction::new_card) == 2);
  REQUIRE(second.cards.size() == 303);
  CHECK(second.cards[0].key == first.cards[0].key);
  CHECK(second.cards[0].remark == "was \"entropy\"");
  // Every card keeps its text in the plan (the drafts move into it).
  CHECK(second.cards[150].draft.answer == "answer 149");
  CHECK(second.cards[301].draft.answer == "entropy of a density");
  CHECK(second.cards[301].remark == "split from \"entropy\"");
  CHECK(second.cards[302].remark.empty());
  for (std::size_t i = 1; i <= 300; ++i) CHECK(second.cards[i].remark.empty());
}
