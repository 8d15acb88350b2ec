// The figures of `recall stats` and `recall report`, computed from the store into plain structs
// that the renderers (render.hpp) turn into text, JSON or HTML.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recall/store/stats_queries.hpp"

namespace recall::stats {

// What to compute: the cards of `filter`, as of the review day `today`; figures from the review
// log only from `since` on when given; retention groups by `by`; lists at most `top` long (0: all).
struct Options {
  store::CardFilter filter;
  std::chrono::sys_days today;
  std::optional<std::chrono::sys_days> since;
  store::GroupBy by = store::GroupBy::deck;
  int top = 10;
};

// Scheduled reviews and how many were graded 3 or better.
struct Rate {
  int reviews = 0;
  int passed = 0;
  // passed / reviews; nullopt without reviews.
  std::optional<double> rate() const {
    if (reviews == 0) return std::nullopt;
    return static_cast<double>(passed) / reviews;
  }
  Rate& operator+=(const Rate& other) {
    reviews += other.reviews;
    passed += other.passed;
    return *this;
  }
};

// Every card in exactly one state. `review` cards are split by interval into young and mature;
// a leech is a suspended card marked as a leech, and is not counted under suspended.
struct CardCounts {
  int total = 0, new_cards = 0, learning = 0, young = 0, mature = 0, suspended = 0, leech = 0,
      retired = 0;
};

struct TodayFigures {
  int due = 0;        // active cards still due today (overdue included)
  int answers = 0;    // every answer logged today, drills included
  int reviews = 0;    // scheduled reviews today
  int new_cards = 0;  // new cards seen for the first time today
  int drills = 0;     // same-day repeats
  std::int64_t time_ms = 0;
};

// True retention over one period [from, to] (Anki's "True Retention" table).
struct RetentionRow {
  std::string period;  // today, yesterday, 7_days, 30_days, 365_days, since
  std::chrono::sys_days from, to;
  Rate young, mature, all;
};

struct Forecast {
  int overdue = 0;       // active cards due before today
  std::vector<int> due;  // due[i]: due exactly on today + i, for 30 days
};

struct HeatDay {
  std::chrono::sys_days day;
  int answers = 0;
};

// Review days over the last 26 weeks (weeks run Monday to Sunday; the last one holds today).
struct Heatmap {
  std::vector<HeatDay> days;  // every day from the Monday 25 weeks before today's to today
  int current_streak = 0;     // consecutive days with answers, ending today (or yesterday)
  int longest_streak = 0;
  int days_reviewed = 0;  // days in `days` up to today with answers
};

struct Bucket {
  std::string label;
  int count = 0;
};

// Retention of one week (Monday to Sunday), for the chart over time.
struct WeekRetention {
  std::chrono::sys_days week;  // its Monday
  Rate young, mature, all;
};

// One group of `--by`, named for people: the deck, the note file, or deck › headings.
struct GroupFigures {
  std::string name;
  store::GroupRetention group;
};

struct Report {
  Options options;
  TodayFigures today;
  CardCounts cards;
  std::vector<RetentionRow> retention;
  Forecast forecast;
  Heatmap heatmap;
  std::vector<Bucket> intervals;      // learning and review cards by interval
  std::vector<Bucket> efactors;       // learning and review cards by E-Factor
  std::vector<WeekRetention> weekly;  // the last 52 weeks, oldest first
  std::vector<store::TroubleCard> leeches;
  std::vector<store::TroubleCard> lapses;
  std::vector<GroupFigures> groups;  // worst first (see docs/stats.md)
  int groups_total = 0;              // groups before `top` cut the list
};

// Days in the forecast, weeks in the heatmap and in the retention chart.
inline constexpr int kForecastDays = 30;
inline constexpr int kHeatmapWeeks = 26;
inline constexpr int kWeeklyWeeks = 52;
// Groups with fewer scheduled reviews than this are ranked after the others.
inline constexpr int kGroupMinReviews = 5;

// Options from the command line's words: `since` empty or YYYY-MM-DD, `by` deck, file or
// section. Throws recall::Error with kExitUsage for a bad date or grouping.
Options make_options(const std::string& deck, const std::string& since, const std::string& by,
                     int top, std::chrono::sys_days today);

// Reads every figure. Throws recall::Error on a database error.
Report build_report(store::StatsReader& reader, const Options& options);

// The interval and E-Factor buckets of a census (learning and review cards only).
std::vector<Bucket> interval_buckets(const std::vector<store::CensusRow>& census);
std::vector<Bucket> efactor_buckets(const std::vector<store::CensusRow>& census);
// Current and longest runs of consecutive days in `days` (sorted, distinct); the current run
// ends on `today`, or on the day before when `today` has none yet.
std::pair<int, int> streaks(const std::vector<std::chrono::sys_days>& days,
                            std::chrono::sys_days today);
// Groups sorted worst first: those with kGroupMinReviews or more by pass rate, then by more
// reviews, then by name; then the rest the same way.
void rank_groups(std::vector<GroupFigures>& groups);

}  // namespace recall::stats
