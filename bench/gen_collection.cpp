// Fills a migrated, empty recall database with a synthetic collection for benchmarks: N cards in
// notes of 50 (a deck per note, two headings each) and a review log over the 3 years before
// TODAY, simulated card by card with SM-2 (grades drawn from a per-card difficulty, drills after
// grades below 4, leeches suspended at 8 lapses) until the log holds R rows. Cards the log did
// not reach stay new. One transaction, prepared statements; the database's triggers keep the
// review totals as they would in use.
//
//   recall --db BENCH.db import EMPTY_DIR >/dev/null   # creates and migrates it
//   gen_collection BENCH.db [cards=1000000] [reviews=10000000] [today=2026-03-01]
//
// Built by bench/stats_bench.sh (g++ -O2 ... -lsqlite3); never run by ctest.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace {

using std::chrono::days;
using std::chrono::sys_days;

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "gen_collection: %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

std::string date(sys_days d) {
  const std::chrono::year_month_day ymd{d};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

struct Statement {
  Statement(sqlite3* db, const char* sql) : m_db(db) {
    check(sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr), db, sql);
  }
  ~Statement() { sqlite3_finalize(m_stmt); }
  Statement& text(int i, const std::string& v) {
    sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& integer(int i, std::int64_t v) {
    sqlite3_bind_int64(m_stmt, i, v);
    return *this;
  }
  Statement& null(int i) {
    sqlite3_bind_null(m_stmt, i);
    return *this;
  }
  void run() {
    check(sqlite3_step(m_stmt), m_db, "step");
    sqlite3_reset(m_stmt);
  }

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

struct State {
  const char* state = "new";
  int reps = 0, interval = 0, ef = 250, lapses = 0;
  sys_days due{};
  bool leech = false;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_collection DB [cards] [reviews] [today YYYY-MM-DD]\n");
    return 2;
  }
  const long cards = argc > 2 ? std::atol(argv[2]) : 1000000;
  const long target = argc > 3 ? std::atol(argv[3]) : 10000000;
  int y = 2026;
  unsigned m = 3, d = 1;
  if (argc > 4) std::sscanf(argv[4], "%d-%u-%u", &y, &m, &d);
  const sys_days today =
      sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
  const sys_days start = today - days{3 * 365};

  sqlite3* db = nullptr;
  check(sqlite3_open(argv[1], &db), db, "open");
  // No journal while filling a new file (WAL again at the end), and a large page cache.
  check(sqlite3_exec(db,
                     "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                     "PRAGMA cache_size = -500000; BEGIN",
                     nullptr, nullptr, nullptr),
        db, "begin");
  Statement note(db,
                 "INSERT INTO notes (id, path, source, content_hash, imported_at) "
                 "VALUES (?1, ?2, ?3, 'bench', '2023-01-01T00:00:00Z')");
  Statement card(db,
                 "INSERT INTO cards (id, key, note_id, match_key, deck, question, answer, kind, "
                 "rule, source, line, ord, context, state, repetitions, interval_days, ef_centi, "
                 "lapses, due, created_at, updated_at, leech) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                 "'definition', 'double-colon', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                 "'2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z', ?18)");
  Statement review(db,
                   "INSERT INTO reviews (card_id, reviewed_at, review_day, grade, kind, "
                   "state_before, state_after, repetitions_before, repetitions_after, "
                   "interval_before, interval_after, ef_before, ef_after, due_after, answer_ms) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");

  std::mt19937_64 rng(20260301);
  std::uniform_int_distribution<int> percent(0, 99);
  long logged = 0;
  const long per_note = 50;
  for (long id = 1; id <= cards; ++id) {
    const long note_id = (id - 1) / per_note + 1;
    const std::string deck =
        "topic" + std::to_string(note_id % 200) + "/note" + std::to_string(note_id);
    const std::string source = deck + ".md";
    if ((id - 1) % per_note == 0) {
      note.integer(1, note_id).text(2, "/bench/notes/" + source).text(3, source).run();
    }
    const int line = static_cast<int>((id - 1) % per_note) * 3 + 5;

    // The card's history: introduced on a random day, then reviewed when due (or a little late).
    State s;
    const int difficulty = percent(rng) < 2 ? 40 : 3 + percent(rng) % 10;  // % failed
    sys_days day = start + days{static_cast<long>(rng() % (3 * 365))};
    for (bool first = true; logged < target && day < today && !s.leech; first = false) {
      const State before = s;
      const int roll = percent(rng);
      const int pass = percent(rng);  // 3: 15%, 4: 45%, 5: 40%
      const int grade = roll < difficulty ? static_cast<int>(rng() % 3)
                        : pass < 15       ? 3
                        : pass < 60       ? 4
                                          : 5;
      if (grade >= 3) {
        s.ef = std::max(130, s.ef + 10 - (5 - grade) * (8 + (5 - grade) * 2));
        ++s.reps;
        s.interval = s.reps == 1   ? 1
                     : s.reps == 2 ? 6
                                   : std::min(36500, (s.interval * s.ef + 99) / 100);
        s.state = "review";
      } else {
        if (std::string(s.state) == "review") ++s.lapses;
        s.reps = 0;
        s.interval = 1;
        s.state = "learning";
        if (s.lapses >= 8) {
          s.leech = true;
          s.state = "suspended";
        }
      }
      s.due = day + days{s.interval};
      const std::string day_text = date(day);
      const std::string at = day_text + "T0" + std::to_string(rng() % 10) + ":30:00Z";
      review.integer(1, id)
          .text(2, at)
          .text(3, day_text)
          .integer(4, grade)
          .text(5, first ? "new" : "scheduled")
          .text(6, before.state)
          .text(7, s.state)
          .integer(8, before.reps)
          .integer(9, s.reps)
          .integer(10, before.interval)
          .integer(11, s.interval)
          .integer(12, before.ef)
          .integer(13, s.ef)
          .text(14, date(s.due))
          .integer(15, 2000 + static_cast<long>(rng() % 13000))
          .run();
      ++logged;
      if (grade < 4 && logged < target) {  // one same-day repeat, graded 4
        review.integer(1, id)
            .text(2, at)
            .text(3, day_text)
            .integer(4, 4)
            .text(5, "drill")
            .text(6, s.state)
            .text(7, s.state)
            .integer(8, s.reps)
            .integer(9, s.reps)
            .integer(10, s.interval)
            .integer(11, s.interval)
            .integer(12, s.ef)
            .integer(13, s.ef)
            .text(14, date(s.due))
            .integer(15, 3000)
            .run();
        ++logged;
      }
      day = s.due + days{percent(rng) < 80 ? 0 : static_cast<long>(rng() % 4)};
    }
    card.integer(1, id)
        .text(2, "b" + std::to_string(id))
        .integer(3, note_id)
        .text(4, "term " + std::to_string(id))
        .text(5, deck)
        .text(6, "What is term " + std::to_string(id) + "?")
        .text(7, "The answer to term " + std::to_string(id) + ", in a sentence or two.")
        .text(8, source)
        .integer(9, line)
        .integer(10, (id - 1) % per_note)
        .text(11,
              "[\"" + deck + "\",\"Section " + std::to_string((id - 1) % per_note / 25 + 1) + "\"]")
        .text(12, s.state)
        .integer(13, s.reps)
        .integer(14, s.interval)
        .integer(15, s.ef)
        .integer(16, s.lapses);
    if (std::string(s.state) == "new") {
      card.null(17);
    } else {
      card.text(17, date(s.due));
    }
    card.integer(18, s.leech ? 1 : 0).run();
    if (id % 100000 == 0)
      std::fprintf(stderr, "gen_collection: %ld cards, %ld reviews\n", id, logged);
  }
  check(sqlite3_exec(db, "COMMIT; PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr), db,
        "commit");
  sqlite3_close(db);
  std::printf("%ld cards, %ld reviews, up to %s\n", cards, logged, date(today - days{1}).c_str());
  return 0;
}
