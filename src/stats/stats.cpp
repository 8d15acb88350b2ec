// Builds a stats::Report from the store's sums and counts; the arithmetic is here, the SQL in
// src/store/stats_queries.cpp.
#include "recall/stats/stats.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"

namespace recall::stats {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

sys_days monday_of(sys_days day) {
  const unsigned iso = std::chrono::weekday{day}.iso_encoding();  // 1 = Monday
  return day - days{iso - 1};
}

CardCounts count_cards(const std::vector<store::CensusRow>& census, int suspended_leeches) {
  using schedule::CardState;
  CardCounts c;
  for (const auto& row : census) {
    c.total += row.count;
    switch (row.state) {
      case CardState::new_card:
        c.new_cards += row.count;
        break;
      case CardState::learning:
        c.learning += row.count;
        break;
      case CardState::review:
        (row.interval_days >= store::kMatureDays ? c.mature : c.young) += row.count;
        break;
      case CardState::suspended:
        c.suspended += row.count;
        break;
      case CardState::retired:
        c.retired += row.count;
        break;
    }
  }
  c.leech = suspended_leeches;
  c.suspended -= suspended_leeches;
  return c;
}

bool active(const store::CensusRow& row) {
  return row.state == schedule::CardState::learning || row.state == schedule::CardState::review;
}

Rate young_of(const store::DayTotals& d) { return {d.young, d.young_passed}; }
Rate mature_of(const store::DayTotals& d) { return {d.mature, d.mature_passed}; }

std::string group_name(const store::GroupRetention& g, store::GroupBy by) {
  if (by == store::GroupBy::deck) return g.deck;
  if (by == store::GroupBy::file) return g.path;
  std::string name = g.deck;
  for (const auto& heading : g.context) name += " › " + heading;
  return name;
}

}  // namespace

std::vector<Bucket> interval_buckets(const std::vector<store::CensusRow>& census) {
  struct Range {
    const char* label;
    int max;
  };
  static constexpr std::array<Range, 11> kRanges = {{{"1d", 1},
                                                     {"2-3d", 3},
                                                     {"4-7d", 7},
                                                     {"8-14d", 14},
                                                     {"15-20d", 20},
                                                     {"21-30d", 30},
                                                     {"1-2mo", 60},
                                                     {"2-3mo", 90},
                                                     {"3-6mo", 182},
                                                     {"6-12mo", 365},
                                                     {">1y", 1 << 30}}};
  std::vector<Bucket> out;
  for (const auto& r : kRanges) out.push_back({r.label, 0});
  for (const auto& row : census) {
    if (!active(row)) continue;
    std::size_t i = 0;
    while (i + 1 < kRanges.size() && row.interval_days > kRanges[i].max) ++i;
    out[i].count += row.count;
  }
  return out;
}

std::vector<Bucket> efactor_buckets(const std::vector<store::CensusRow>& census) {
  // 1.3, 1.4, ... 2.9 (each up to the next tenth), then 3.0 and above.
  std::vector<Bucket> out;
  for (int tenth = 13; tenth <= 29; ++tenth) {
    out.push_back({std::to_string(tenth / 10) + "." + std::to_string(tenth % 10), 0});
  }
  out.push_back({"3.0+", 0});
  for (const auto& row : census) {
    if (!active(row)) continue;
    const int tenth = std::clamp(row.ef_centi / 10, 13, 30);
    out[static_cast<std::size_t>(tenth - 13)].count += row.count;
  }
  return out;
}

std::pair<int, int> streaks(const std::vector<sys_days>& reviewed, sys_days today) {
  int longest = 0, run = 0;
  for (std::size_t i = 0; i < reviewed.size(); ++i) {
    run = (i > 0 && reviewed[i] - reviewed[i - 1] == days{1}) ? run + 1 : 1;
    longest = std::max(longest, run);
  }
  int current = 0;
  auto it =
      std::find_if(reviewed.rbegin(), reviewed.rend(), [&](sys_days d) { return d <= today; });
  if (it != reviewed.rend() && (*it == today || *it == today - days{1})) {
    sys_days expected = *it;
    for (; it != reviewed.rend() && *it == expected; ++it, expected -= days{1}) ++current;
  }
  return {current, longest};
}

void rank_groups(std::vector<GroupFigures>& groups) {
  std::sort(groups.begin(), groups.end(), [](const GroupFigures& a, const GroupFigures& b) {
    const bool a_enough = a.group.reviews >= kGroupMinReviews;
    const bool b_enough = b.group.reviews >= kGroupMinReviews;
    if (a_enough != b_enough) return a_enough;
    // a.passed / a.reviews < b.passed / b.reviews, exactly.
    const auto lhs = static_cast<std::int64_t>(a.group.passed) * b.group.reviews;
    const auto rhs = static_cast<std::int64_t>(b.group.passed) * a.group.reviews;
    if (lhs != rhs) return lhs < rhs;
    if (a.group.reviews != b.group.reviews) return a.group.reviews > b.group.reviews;
    return a.name < b.name;
  });
}

Options make_options(const std::string& deck, const std::string& since, const std::string& by,
                     int top, sys_days today) {
  Options options;
  options.filter.deck = deck;
  options.today = today;
  if (!since.empty()) {
    options.since = core::parse_date(since);
    if (!options.since || !core::in_supported_range(*options.since)) {
      throw Error("--since takes a date YYYY-MM-DD from 1970-01-01 to 2200-12-31", since,
                  kExitUsage);
    }
  }
  if (by == "deck") {
    options.by = store::GroupBy::deck;
  } else if (by == "file") {
    options.by = store::GroupBy::file;
  } else if (by == "section") {
    options.by = store::GroupBy::section;
  } else {
    throw Error("--by takes deck, file or section", by, kExitUsage);
  }
  options.top = top;
  return options;
}

Report build_report(store::StatsReader& reader, const Options& options) {
  Report r;
  r.options = options;
  const auto& filter = options.filter;
  const sys_days today = options.today;
  const sys_days first = options.since.value_or(sys_days{});

  const auto totals = reader.day_totals(filter, first, today);
  std::map<sys_days, const store::DayTotals*> by_day;
  std::vector<sys_days> reviewed;
  for (const auto& d : totals) {
    by_day[d.day] = &d;
    if (d.answers > 0) reviewed.push_back(d.day);
  }

  if (auto it = by_day.find(today); it != by_day.end()) {
    const auto& d = *it->second;
    r.today = {0, d.answers, d.young + d.mature, d.new_cards, d.drills, d.answer_ms};
  }
  r.today.due = reader.due_before(filter, today + days{1});

  const auto census = reader.census(filter);
  r.cards = count_cards(census, reader.suspended_leeches(filter));
  r.intervals = interval_buckets(census);
  r.efactors = efactor_buckets(census);

  std::vector<std::pair<std::string, sys_days>> periods = {{"today", today},
                                                           {"yesterday", today - days{1}},
                                                           {"7_days", today - days{6}},
                                                           {"30_days", today - days{29}},
                                                           {"365_days", today - days{364}}};
  if (options.since) periods.emplace_back("since", *options.since);
  for (const auto& [name, start] : periods) {
    RetentionRow row{name, std::max(start, first), name == "yesterday" ? start : today, {}, {}, {}};
    for (auto it = by_day.lower_bound(row.from); it != by_day.end() && it->first <= row.to; ++it) {
      row.young += young_of(*it->second);
      row.mature += mature_of(*it->second);
    }
    row.all = row.young;
    row.all += row.mature;
    r.retention.push_back(row);
  }

  r.forecast.overdue = reader.due_before(filter, today);
  r.forecast.due = reader.due_per_day(filter, today, today + days{kForecastDays - 1});

  const sys_days heat_start = monday_of(today) - days{7 * (kHeatmapWeeks - 1)};
  for (sys_days d = heat_start; d <= today; d += days{1}) {
    auto it = by_day.find(d);
    const int answers = it == by_day.end() ? 0 : it->second->answers;
    r.heatmap.days.push_back({d, answers});
    r.heatmap.days_reviewed += answers > 0 ? 1 : 0;
  }
  std::tie(r.heatmap.current_streak, r.heatmap.longest_streak) = streaks(reviewed, today);

  const sys_days week_start = monday_of(today) - days{7 * (kWeeklyWeeks - 1)};
  for (sys_days w = week_start; w <= today; w += days{7}) {
    WeekRetention week{w, {}, {}, {}};
    for (auto it = by_day.lower_bound(w); it != by_day.end() && it->first < w + days{7}; ++it) {
      week.young += young_of(*it->second);
      week.mature += mature_of(*it->second);
    }
    week.all = week.young;
    week.all += week.mature;
    r.weekly.push_back(week);
  }

  r.leeches = reader.leeches(filter, options.top);
  r.lapses = reader.most_lapses(filter, options.top);
  for (auto& g : reader.group_retention(filter, options.by, options.since)) {
    r.groups.push_back({group_name(g, options.by), std::move(g)});
  }
  rank_groups(r.groups);
  r.groups_total = static_cast<int>(r.groups.size());
  if (options.top > 0 && r.groups.size() > static_cast<std::size_t>(options.top)) {
    r.groups.resize(static_cast<std::size_t>(options.top));
  }
  return r;
}

}  // namespace recall::stats
