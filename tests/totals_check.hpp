// The totals that triggers keep (schema 5: per day and per card; schema 12: per section and the
// census of cards), recomputed from scratch from the cards and the review log and compared with
// what is stored. The reference queries are what `recall stats` ran before the totals were kept:
// the log summed by card, the cards grouped by section, and the cards counted by state, interval
// and E-Factor. Used by the unit, end-to-end and crash tests after a run of writes.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

namespace recall::test {

// The rows of `sql`, each as its columns joined by '|'; a failed query is one row "error: …".
inline std::vector<std::string> totals_rows(sqlite3* db, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    return {std::string("error: ") + sqlite3_errmsg(db)};
  }
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      if (i > 0) row += '|';
      const auto* text = sqlite3_column_text(statement, i);
      row += text ? reinterpret_cast<const char*>(text) : "NULL";
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(statement);
  return rows;
}

// Each kept table against its recomputation: pairs of (what is stored, what it should be).
struct TotalsComparison {
  std::string table;
  std::vector<std::string> stored;
  std::vector<std::string> recomputed;
  // Equal, and neither query failed (two failures would otherwise compare equal).
  bool same() const {
    for (const auto* rows : {&stored, &recomputed}) {
      for (const auto& row : *rows) {
        if (row.rfind("error: ", 0) == 0) return false;
      }
    }
    return stored == recomputed;
  }
};

inline std::vector<TotalsComparison> compare_totals(sqlite3* db) {
  // A row left at zero counts nothing; the tables may keep one.
  const std::string scheduled_by_card =
      "SELECT card_id, count(*) AS scheduled, sum(grade >= 3) AS passed FROM reviews "
      "WHERE kind = 'scheduled' GROUP BY card_id";
  return {
      {"review_day_totals",
       totals_rows(db,
                   "SELECT day, answers, new_cards, drills, answer_ms, young, young_passed, "
                   "mature, mature_passed FROM review_day_totals WHERE answers <> 0 ORDER BY day"),
       totals_rows(db,
                   "SELECT review_day, count(*), sum(kind = 'new'), sum(kind = 'drill'), "
                   "sum(answer_ms), sum(kind = 'scheduled' AND interval_before < 21), "
                   "sum(kind = 'scheduled' AND interval_before < 21 AND grade >= 3), "
                   "sum(kind = 'scheduled' AND interval_before >= 21), "
                   "sum(kind = 'scheduled' AND interval_before >= 21 AND grade >= 3) "
                   "FROM reviews GROUP BY review_day ORDER BY review_day")},
      {"card_review_totals",
       totals_rows(db,
                   "SELECT card_id, scheduled, passed FROM card_review_totals "
                   "WHERE scheduled <> 0 OR passed <> 0 ORDER BY card_id"),
       totals_rows(db, scheduled_by_card + " ORDER BY card_id")},
      {"section_review_totals",
       totals_rows(db,
                   "SELECT deck, note_id, source, context, cards, reviews, passed FROM "
                   "section_review_totals WHERE cards <> 0 OR reviews <> 0 OR passed <> 0 "
                   "ORDER BY deck, note_id, source, context"),
       totals_rows(db,
                   "SELECT c.deck, coalesce(c.note_id, 0) AS note, CASE WHEN c.note_id IS NULL "
                   "THEN c.source ELSE '' END AS named, c.context, count(*), sum(t.scheduled), "
                   "sum(t.passed) FROM cards c JOIN (" +
                       scheduled_by_card +
                       ") t ON t.card_id = c.id GROUP BY c.deck, note, named, c.context "
                       "ORDER BY c.deck, note, named, c.context")},
      {"card_census",
       totals_rows(db,
                   "SELECT state, interval_days, ef_centi, cards FROM card_census "
                   "WHERE cards <> 0 ORDER BY state, interval_days, ef_centi"),
       totals_rows(db,
                   "SELECT state, interval_days, ef_centi, count(*) FROM cards "
                   "GROUP BY state, interval_days, ef_centi "
                   "ORDER BY state, interval_days, ef_centi")},
  };
}

// compare_totals() on the database file at `path`, opened read-only.
inline std::vector<TotalsComparison> compare_totals(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return {{"open", {"error: cannot open " + path.string()}, {}}};
  }
  auto out = compare_totals(db);
  sqlite3_close(db);
  return out;
}

}  // namespace recall::test
