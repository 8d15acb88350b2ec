// The store's read-only queries behind `recall stats` and `recall report`: sums over the review
// log and counts over the cards, shaped so that a collection of a million cards and ten million
// reviews answers in well under a second (see docs/stats.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "recall/schedule/sm2.hpp"
#include "recall/store/store.hpp"

namespace recall::store {

// Days of interval from which a card counts as mature (Anki's threshold).
inline constexpr int kMatureDays = 21;

// One review day's answers, summed. Young and mature split scheduled reviews by the interval
// the card had before the answer (< kMatureDays, >= kMatureDays); passed = graded 3 or better.
struct DayTotals {
  std::chrono::sys_days day;
  int answers = 0;    // every answer logged, drills and first sights included
  int new_cards = 0;  // first sights of new cards
  int drills = 0;     // same-day repeats
  std::int64_t answer_ms = 0;
  int young = 0, young_passed = 0;
  int mature = 0, mature_passed = 0;
};

// Cards with the same state, interval and E-Factor, counted.
struct CensusRow {
  schedule::CardState state = schedule::CardState::new_card;
  int interval_days = 0;
  int ef_centi = 250;
  int count = 0;
};

// A card that keeps failing, with where to fix it.
struct TroubleCard {
  std::string key;
  std::string deck;
  std::string question;
  std::string path;  // the note file, absolute as stored (the source when the note is gone)
  int line = 0;
  schedule::CardState state = schedule::CardState::new_card;
  int lapses = 0;
  bool leech = false;
  int reviews = 0;  // scheduled reviews logged
  int passed = 0;   // ... graded 3 or better
};

// How cards are grouped for retention: by deck, by note file, by heading (deck + headings).
enum class GroupBy { deck, file, section };

// Scheduled reviews of one group of cards.
struct GroupRetention {
  std::string deck;                  // the deck (for a file or section: its cards' deck)
  std::string path;                  // file: the note file; section: its file; deck: empty
  std::vector<std::string> context;  // section: the headings; else empty
  int cards = 0;                     // cards with at least one scheduled review counted
  int reviews = 0;
  int passed = 0;
};

// A read-only connection to a database that a Store has already created and migrated. Throws
// recall::Error when it cannot be opened or is not at the schema this binary writes. One thread
// at a time: the connection is opened without SQLite's mutex.
class StatsReader {
 public:
  explicit StatsReader(const std::filesystem::path& path);
  ~StatsReader();
  StatsReader(const StatsReader&) = delete;
  StatsReader& operator=(const StatsReader&) = delete;

  // Totals of each day in [from, to] with at least one answer, oldest first. Without a deck the
  // per-day totals table answers; with one the log is read.
  std::vector<DayTotals> day_totals(const CardFilter& filter, std::chrono::sys_days from,
                                    std::chrono::sys_days to);
  // Every card counted by state, interval and E-Factor (retired included).
  std::vector<CensusRow> census(const CardFilter& filter);
  // Suspended cards that are leeches.
  int suspended_leeches(const CardFilter& filter);
  // Active cards (learning, review) due on each day of [from, to], indexed from `from`.
  std::vector<int> due_per_day(const CardFilter& filter, std::chrono::sys_days from,
                               std::chrono::sys_days to);
  // Active cards due before `day`.
  int due_before(const CardFilter& filter, std::chrono::sys_days day);
  // Cards marked as leeches (any state), most lapses first, at most `limit` (0: all).
  std::vector<TroubleCard> leeches(const CardFilter& filter, int limit);
  // Cards with at least one lapse that are not leeches, most lapses first, at most `limit`.
  std::vector<TroubleCard> most_lapses(const CardFilter& filter, int limit);
  // Scheduled reviews per group, over the whole log or on days from `since`. Unordered.
  std::vector<GroupRetention> group_retention(const CardFilter& filter, GroupBy by,
                                              std::optional<std::chrono::sys_days> since);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace recall::store
