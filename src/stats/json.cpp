// The `recall stats --json` object; every field is described in docs/stats.md.
#include <nlohmann/json.hpp>

#include "recall/core/clock.hpp"
#include "recall/stats/render.hpp"

namespace recall::stats {

namespace {

using nlohmann::json;

json rate_json(const Rate& r) {
  return {{"reviews", r.reviews},
          {"passed", r.passed},
          {"rate", r.rate() ? json(*r.rate()) : json(nullptr)}};
}

json card_json(const store::TroubleCard& c) {
  json out = {{"key", c.key},           {"deck", c.deck},
              {"question", c.question}, {"file", c.path},
              {"line", c.line},         {"state", std::string(schedule::to_string(c.state))},
              {"lapses", c.lapses},     {"leech", c.leech}};
  out["retention"] = rate_json({c.reviews, c.passed});
  return out;
}

json buckets_json(const std::vector<Bucket>& buckets) {
  json out = json::array();
  for (const auto& b : buckets) out.push_back({{"label", b.label}, {"count", b.count}});
  return out;
}

int sum(const std::vector<int>& v, std::size_t from, std::size_t to) {
  int n = 0;
  for (std::size_t i = from; i < to && i < v.size(); ++i) n += v[i];
  return n;
}

}  // namespace

std::string_view to_string(store::GroupBy by) {
  switch (by) {
    case store::GroupBy::deck:
      return "deck";
    case store::GroupBy::file:
      return "file";
    case store::GroupBy::section:
      return "section";
  }
  return "deck";
}

std::string to_json(const Report& r) {
  const auto& o = r.options;
  const auto& c = r.cards;
  json out;
  out["today"] = core::format_date(o.today);
  out["deck"] = o.filter.deck;
  out["since"] = o.since ? json(core::format_date(*o.since)) : json(nullptr);
  out["cards"] = {{"total", c.total},         {"new", c.new_cards},
                  {"learning", c.learning},   {"review", c.young + c.mature},
                  {"young", c.young},         {"mature", c.mature},
                  {"suspended", c.suspended}, {"leech", c.leech},
                  {"retired", c.retired}};
  const auto& due = r.forecast.due;
  out["due"] = {{"today", r.today.due},
                {"overdue", r.forecast.overdue},
                {"tomorrow", sum(due, 1, 2)},
                {"next_7_days", sum(due, 1, 8)}};
  out["reviews_today"] = r.today.answers;
  out["studied_today"] = {{"answers", r.today.answers},
                          {"reviews", r.today.reviews},
                          {"new", r.today.new_cards},
                          {"drills", r.today.drills},
                          {"time_ms", r.today.time_ms}};
  json retention = json::array();
  for (const auto& row : r.retention) {
    retention.push_back({{"period", row.period},
                         {"from", core::format_date(row.from)},
                         {"to", core::format_date(row.to)},
                         {"young", rate_json(row.young)},
                         {"mature", rate_json(row.mature)},
                         {"all", rate_json(row.all)}});
    if (row.period == "30_days") out["retention_30_days"] = rate_json(row.all);
  }
  out["retention"] = retention;

  json forecast = json::array();
  for (std::size_t i = 0; i < due.size(); ++i) {
    forecast.push_back(
        {{"date", core::format_date(o.today + std::chrono::days{static_cast<long>(i)})},
         {"due", due[i]}});
  }
  out["forecast"] = {{"overdue", r.forecast.overdue}, {"days", forecast}};

  json heat = json::array();
  for (const auto& d : r.heatmap.days) {
    heat.push_back({{"date", core::format_date(d.day)}, {"answers", d.answers}});
  }
  out["heatmap"] = {{"days", heat},
                    {"days_reviewed", r.heatmap.days_reviewed},
                    {"current_streak", r.heatmap.current_streak},
                    {"longest_streak", r.heatmap.longest_streak}};
  out["intervals"] = buckets_json(r.intervals);
  out["efactors"] = buckets_json(r.efactors);

  json weekly = json::array();
  for (const auto& w : r.weekly) {
    weekly.push_back({{"week", core::format_date(w.week)},
                      {"young", rate_json(w.young)},
                      {"mature", rate_json(w.mature)},
                      {"all", rate_json(w.all)}});
  }
  out["retention_by_week"] = weekly;

  json leeches = json::array(), lapses = json::array(), groups = json::array();
  for (const auto& card : r.leeches) leeches.push_back(card_json(card));
  for (const auto& card : r.lapses) lapses.push_back(card_json(card));
  for (const auto& g : r.groups) {
    json row = {{"name", g.name},
                {"deck", g.group.deck},
                {"file", g.group.path},
                {"headings", g.group.context},
                {"cards", g.group.cards}};
    row.update(rate_json({g.group.reviews, g.group.passed}));
    groups.push_back(row);
  }
  out["leeches"] = leeches;
  out["most_lapses"] = lapses;
  out["groups"] = {
      {"by", std::string(to_string(o.by))}, {"total", r.groups_total}, {"rows", groups}};
  return out.dump();
}

}  // namespace recall::stats
