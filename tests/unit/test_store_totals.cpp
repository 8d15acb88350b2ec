// The per-section review totals and the census of cards (schema 12) that triggers keep, checked
// against the same figures recomputed from the cards and the log after every kind of write the
// store makes: imports (new, edited, moved to another heading, retired, restored), answers and
// their undo, suspend / forget / bury, a note deleted, a card deleted, a backup restored and a
// schedule seeded from another tool.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "../totals_check.hpp"
#include "recall/core/error.hpp"
#include "recall/schedule/sm2.hpp"
#include "recall/store/card_query.hpp"
#include "recall/store/stats_queries.hpp"
#include "recall/store/store.hpp"

namespace fs = std::filesystem;
using namespace recall;

namespace {

struct TotalsDir {
  TotalsDir() {
    std::string pattern = (fs::temp_directory_path() / "recall-totals-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
  }
  ~TotalsDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path dir;
};

const auto kTotalsDay = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1};
const auto kTotalsNow = std::chrono::sys_seconds{kTotalsDay};

extract::CardDraft totals_draft(const std::string& term, std::vector<std::string> context,
                                const std::string& deck = "ml") {
  extract::CardDraft d;
  d.deck = deck;
  d.term = term;
  d.question = "What is " + term + "?";
  d.answer = "the answer about " + term;
  d.kind = "definition";
  d.rule = "double-colon";
  d.source = deck + ".md";
  d.line = 1;
  d.context = std::move(context);
  return d;
}

store::NoteInput totals_note(const std::string& path, std::vector<extract::CardDraft> drafts) {
  store::NoteInput input;
  input.path = path;
  input.source = fs::path(path).filename().string();
  input.content_hash = "hash of " + path + std::to_string(drafts.size());
  input.drafts = std::move(drafts);
  return input;
}

void totals_import(store::Store& s, std::vector<store::NoteInput> notes) {
  auto plan = s.plan_import(std::move(notes), {"/n"}, {});
  s.apply_import(plan, kTotalsNow);
}

// Answers the card with `grade` on `day` (a scheduled review once it is no longer new); returns
// the log row's id.
std::int64_t totals_answer(store::Store& s, const std::string& key, int grade,
                           std::chrono::sys_days day) {
  const auto card = s.card_by_key(key).value();
  store::ReviewRecord record;
  record.card_id = card.id;
  record.reviewed_at = std::chrono::sys_seconds{day};
  record.review_day = day;
  record.grade = grade;
  record.before = card.sm2;
  record.after = schedule::answer(card.sm2, grade, day);
  record.answer_ms = 1500;
  record.kind = card.sm2.state == schedule::CardState::new_card ? store::ReviewKind::new_card
                                                                : store::ReviewKind::scheduled;
  return s.record_answer(record, false);
}

void check_totals(const fs::path& db) {
  for (const auto& table : test::compare_totals(db)) {
    INFO("table " << table.table);
    CHECK(table.stored == table.recomputed);
    CHECK(table.same());
  }
}

void exec(const fs::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
  char* error = nullptr;
  const int rc =
      sqlite3_exec(handle, ("PRAGMA foreign_keys = ON; " + sql).c_str(), nullptr, nullptr, &error);
  INFO(sql << ": " << (error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(handle);
  REQUIRE(rc == SQLITE_OK);
}

std::string key_of(store::Store& s, const std::string& term) {
  for (const auto& card : s.cards({})) {
    if (card.question == "What is " + term + "?") return card.key;
  }
  FAIL("no card for " << term);
  return {};
}

}  // namespace

TEST_CASE("store: per-section totals and the census follow every write", "[store][totals]") {
  TotalsDir tmp;
  const fs::path db = tmp.dir / "recall.db";
  store::Store s(db);
  CHECK(s.schema_version() == 12);
  using std::chrono::days;

  totals_import(s, {totals_note("/n/a.md", {totals_draft("alpha", {"A", "One"}),
                                            totals_draft("beta", {"A", "One"}),
                                            totals_draft("gamma", {"A", "Two"})}),
                    totals_note("/n/b.md", {totals_draft("delta", {"B"}, "stats"),
                                            totals_draft("epsilon", {}, "stats")})});
  check_totals(db);

  // Three weeks of answers, failures and passes, one taken back.
  const std::vector<std::string> terms = {"alpha", "beta", "gamma", "delta", "epsilon"};
  for (int day = 0; day < 21; day += 3) {
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const int grade = static_cast<int>((i + static_cast<std::size_t>(day)) % 6);
      totals_answer(s, key_of(s, terms[i]), grade, kTotalsDay + days{day});
    }
  }
  check_totals(db);
  const auto alpha = s.card_by_key(key_of(s, "alpha")).value();
  const auto undo_id = totals_answer(s, alpha.key, 5, kTotalsDay + days{30});
  REQUIRE(s.undo_answer(alpha.id, undo_id, alpha.sm2, false));
  check_totals(db);

  // beta moves to another heading, gamma's note loses it (retired), then it comes back.
  totals_import(s, {totals_note("/n/a.md", {totals_draft("alpha", {"A", "One"}),
                                            totals_draft("beta", {"A", "Three"})}),
                    totals_note("/n/b.md", {totals_draft("delta", {"B"}, "stats"),
                                            totals_draft("epsilon", {}, "stats")})});
  check_totals(db);
  totals_import(s, {totals_note("/n/a.md", {totals_draft("alpha", {"A", "One"}),
                                            totals_draft("beta", {"A", "Three"}),
                                            totals_draft("gamma", {"A", "Two"}, "ml2")}),
                    totals_note("/n/b.md", {totals_draft("delta", {"B"}, "stats"),
                                            totals_draft("epsilon", {}, "stats")})});
  check_totals(db);

  // Suspend, forget, bury, unsuspend.
  const auto today = kTotalsDay + days{40};
  const auto now = std::chrono::sys_seconds{today};
  const auto beta = s.card_by_key(key_of(s, "beta")).value();
  const auto delta = s.card_by_key(key_of(s, "delta")).value();
  s.change_cards({beta.id, delta.id}, store::CardChange::suspend, today, now);
  s.change_cards({delta.id}, store::CardChange::forget, today, now);
  s.change_cards({alpha.id}, store::CardChange::bury, today, now);
  s.change_cards({beta.id}, store::CardChange::unsuspend, today, now);
  check_totals(db);

  // A note row deleted (its cards keep their source), a card deleted (its log goes with it),
  // a card's deck changed by hand.
  exec(db, "DELETE FROM notes WHERE path = '/n/b.md'");
  check_totals(db);
  exec(db, "DELETE FROM cards WHERE question = 'What is alpha?'");
  check_totals(db);
  exec(db, "UPDATE cards SET deck = 'renamed' WHERE question = 'What is epsilon?'");
  check_totals(db);

  // A backup restored into a new database, then a schedule seeded from another tool.
  const auto backup = s.backup({}, std::nullopt);
  const fs::path copy = tmp.dir / "copy.db";
  {
    store::Store restored(copy);
    restored.restore(backup);
    check_totals(copy);
    totals_import(restored, {totals_note("/n/c.md", {totals_draft("zeta", {"Z"})})});
    store::ScheduleSeed seed;
    seed.key = key_of(restored, "zeta");
    schedule::ReviewState state;
    state.state = schedule::CardState::review;
    state.repetitions = 2;
    state.interval_days = 12;
    state.ef_centi = 240;
    state.due = today + days{3};
    seed.state = state;
    store::ReviewRecord logged;
    logged.reviewed_at = now;
    logged.review_day = today;
    logged.grade = 4;
    logged.before = state;
    logged.after = state;
    logged.kind = store::ReviewKind::scheduled;
    seed.log = {logged, logged};
    CHECK(restored.seed_schedules({seed}) == 1);
    check_totals(copy);
  }

  // The figures `stats --by section` prints come from the kept totals and equal those of the
  // log read from its first day (the card-by-card reading).
  store::StatsReader reader(db);
  for (const auto by : {store::GroupBy::section, store::GroupBy::deck}) {
    auto kept = reader.group_retention({}, by, std::nullopt);
    auto read = reader.group_retention({}, by, std::chrono::sys_days{});
    REQUIRE(kept.size() == read.size());
    REQUIRE_FALSE(kept.empty());
    for (std::size_t i = 0; i < kept.size(); ++i) {
      CHECK(kept[i].deck == read[i].deck);
      CHECK(kept[i].path == read[i].path);
      CHECK(kept[i].context == read[i].context);
      CHECK(kept[i].cards == read[i].cards);
      CHECK(kept[i].reviews == read[i].reviews);
      CHECK(kept[i].passed == read[i].passed);
    }
  }
}

TEST_CASE("store: migration 12 fills the totals from the rows already stored", "[store][totals]") {
  TotalsDir tmp;
  const fs::path db = tmp.dir / "recall.db";
  {
    store::Store s(db);
    totals_import(
        s, {totals_note("/n/a.md", {totals_draft("alpha", {"A"}), totals_draft("beta", {"B"})})});
    for (int day = 0; day < 10; ++day) {
      totals_answer(s, key_of(s, "alpha"), day % 5 + 1, kTotalsDay + std::chrono::days{day});
      totals_answer(s, key_of(s, "beta"), 4, kTotalsDay + std::chrono::days{day});
    }
  }
  // Back to schema 11: the tables and triggers of 12 dropped, then migrated again.
  exec(db, "DROP TABLE section_review_totals; DROP TABLE card_census; PRAGMA user_version = 11");
  {
    store::Store s(db);
    CHECK(s.schema_version() == 12);
  }
  check_totals(db);
  const auto tables = test::compare_totals(db);
  REQUIRE(tables.size() == 4);
  CHECK(tables[2].stored.size() == 2);  // a section each
  CHECK_FALSE(tables[3].stored.empty());
}

TEST_CASE("store: headings come back as written, whether the JSON needs escapes or not",
          "[store][totals]") {
  TotalsDir tmp;
  store::Store s(tmp.dir / "recall.db");
  // Plain ones take the quick split of context_from_json; the rest go to the JSON parser.
  const std::vector<std::vector<std::string>> contexts = {
      {},
      {"A"},
      {"A", "B", "C"},
      {"", ""},
      {"운영체제", "프로세스와 스레드", "😀 emoji"},
      {"say \"hi\"", "back\\slash"},
      {"tab\there", "line\nbreak"},
      {"[\"not\",\"split\"]"},
      {"a,b", "]", "[", ","},
  };
  std::vector<extract::CardDraft> drafts;
  for (std::size_t i = 0; i < contexts.size(); ++i) {
    drafts.push_back(totals_draft("term" + std::to_string(i), contexts[i]));
    drafts.back().line = static_cast<int>(i) + 1;
  }
  totals_import(s, {totals_note("/n/h.md", drafts)});
  for (std::size_t i = 0; i < contexts.size(); ++i) {
    const auto card = s.card_by_key(key_of(s, "term" + std::to_string(i))).value();
    CHECK(card.context == contexts[i]);
  }
}
