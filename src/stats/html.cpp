// `recall report --html`: one self-contained page, inline CSS and SVG, no script.
#include <chrono>
#include <cstdio>

#include "charts.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/html.hpp"
#include "recall/stats/render.hpp"
#include "svg.hpp"

namespace recall::stats {

namespace {

using std::chrono::days;

constexpr const char* kStyle = R"css(
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Apple SD Gothic Neo",
       "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR", sans-serif; color: #222;
       background: #fafafa; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 22px; margin: 4px 0 2px; } .sub { color: #666; margin-bottom: 12px; }
section { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 10px 16px;
          margin: 10px 0; }
h2 { font-size: 16px; margin: 2px 0 6px; } h2 small { color: #666; font-weight: normal; }
.row { display: flex; gap: 12px; } .row > section { flex: 1; min-width: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 6px 28px; }
.figure b { display: block; font-size: 22px; } .figure span { color: #666; font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 3px 6px; text-align: left; border-bottom: 1px solid #f0f0f0; vertical-align: top; }
th { color: #555; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.c { color: #888; font-size: 11px; } #retention { flex: 1.25; } .q { color: #444; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-size: 11px; fill: #666; } svg.chart .grid { stroke: #eee; }
svg.meter { width: 120px; height: 10px; }
.key span { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 12px; }
.none { color: #888; }
td { overflow-wrap: anywhere; }
/* A phone (360 px): one column, and nothing wider than the window. */
@media (max-width: 700px) {
  main { padding: 8px; } section { padding: 8px 10px; }
  .row { flex-direction: column; gap: 0; }
  svg.meter { width: 60px; }
  td, th { padding: 3px 3px; }
}
)css";

std::string figure(const std::string& value, const std::string& label) {
  return "<div class=\"figure\"><b>" + core::html_escape(value) + "</b><span>" +
         core::html_escape(label) + "</span></div>";
}

// 1234, 125.6k, 1.54M: the exact figures are in `recall stats --json`.
std::string short_count(int n) {
  char text[32];
  if (n < 100000) return std::to_string(n);
  if (n < 1000000) {
    std::snprintf(text, sizeof text, "%.1fk", n / 1000.0);
  } else {
    std::snprintf(text, sizeof text, "%.2fM", n / 1000000.0);
  }
  return text;
}

std::string rate_cell(const Rate& r) {
  return "<td class=\"n\" title=\"" + std::to_string(r.passed) + " of " +
         std::to_string(r.reviews) + "\">" + charts::percent(r.passed, r.reviews) +
         " <span class=\"c\">" + short_count(r.passed) + "/" + short_count(r.reviews) +
         "</span></td>";
}

std::string summary(const Report& r) {
  const auto& t = r.today;
  const auto& c = r.cards;
  std::string out = "<section id=\"today\"><h2>Today</h2><div class=\"figures\">";
  out += figure(std::to_string(t.due), "due") + figure(std::to_string(t.answers), "answers") +
         figure(std::to_string(t.new_cards), "new learned") +
         figure(charts::duration(t.time_ms), "time spent") +
         figure(std::to_string(r.heatmap.current_streak) + " d", "streak") +
         figure(std::to_string(r.heatmap.longest_streak) + " d", "longest streak");
  out += "</div><h2 style=\"margin-top:10px\">Cards <small>" + std::to_string(c.total) +
         " in all</small></h2><div class=\"figures\">";
  out += figure(std::to_string(c.new_cards), "new") +
         figure(std::to_string(c.learning), "learning") +
         figure(std::to_string(c.young), "young (< 21 d)") +
         figure(std::to_string(c.mature), "mature (≥ 21 d)") +
         figure(std::to_string(c.suspended), "suspended") +
         figure(std::to_string(c.leech), "leeches") + figure(std::to_string(c.retired), "retired");
  return out + "</div></section>";
}

std::string retention_table(const Report& r) {
  std::string out =
      "<section id=\"retention\"><h2>True retention <small>scheduled reviews graded 3 or better; "
      "young: interval under 21 days before the review</small></h2><table><tr><th>period</th>"
      "<th class=\"n\">young</th><th class=\"n\">mature</th><th class=\"n\">all</th></tr>";
  for (const auto& row : r.retention) {
    std::string name = row.period == "since" ? "since " + core::format_date(row.from) : row.period;
    for (auto& ch : name) ch = ch == '_' ? ' ' : ch;
    out += "<tr><td>" + core::html_escape(name) + "</td>" + rate_cell(row.young) +
           rate_cell(row.mature) + rate_cell(row.all) + "</tr>";
  }
  return out + "</table></section>";
}

std::string forecast(const Report& r) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < r.forecast.due.size(); ++i) {
    const auto ymd = std::chrono::year_month_day{r.options.today + days{static_cast<long>(i)}};
    labels.push_back(i == 0 ? "today"
                            : std::to_string(static_cast<unsigned>(ymd.month())) + "/" +
                                  std::to_string(static_cast<unsigned>(ymd.day())));
  }
  return "<section id=\"forecast-section\"><h2>Forecast <small>cards due per day, next " +
         std::to_string(r.forecast.due.size()) + " days; " + std::to_string(r.forecast.overdue) +
         " overdue</small></h2>" +
         svg::bar_chart("forecast", r.forecast.due, labels, svg::kForecastColor, 3) + "</section>";
}

std::string heatmap(const Report& r) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::vector<svg::Cell> cells;
  for (std::size_t i = 0; i < r.heatmap.days.size(); ++i) {
    const auto& d = r.heatmap.days[i];
    const std::chrono::year_month_day ymd{d.day};
    const std::chrono::year_month_day prev{d.day - days{7}};
    svg::Cell cell{core::format_date(d.day), static_cast<int>(i % 7), static_cast<int>(i / 7),
                   d.answers, ""};
    if (i % 7 == 0 && (i == 0 || ymd.month() != prev.month())) {
      cell.month = kMonths[static_cast<unsigned>(ymd.month()) - 1];
    }
    cells.push_back(cell);
  }
  std::string key = "<div class=\"key c\">less";
  for (auto color : svg::kHeatColors)
    key += "<span style=\"background:" + std::string(color) + "\"></span>";
  key += " more</div>";
  return "<section id=\"heatmap-section\"><h2>Reviews per day <small>last 26 weeks; " +
         std::to_string(r.heatmap.days_reviewed) + " days reviewed; streak " +
         std::to_string(r.heatmap.current_streak) + ", longest " +
         std::to_string(r.heatmap.longest_streak) + "</small></h2>" +
         svg::heatmap("heatmap", cells, kHeatmapWeeks) + key + "</section>";
}

std::string weekly(const Report& r) {
  std::vector<std::string> labels;
  // "all" wide and underneath: it equals "young" until cards mature.
  std::vector<svg::Series> series = {{"all", std::string(svg::kAllColor), {}, 6},
                                     {"young", std::string(svg::kYoungColor), {}, 2},
                                     {"mature", std::string(svg::kMatureColor), {}, 2}};
  // Weeks before the first review are left out, keeping at least 12.
  std::size_t first = 0;
  while (first + 12 < r.weekly.size() && r.weekly[first].all.reviews == 0) ++first;
  for (std::size_t i = first; i < r.weekly.size(); ++i) {
    const auto& w = r.weekly[i];
    const std::chrono::year_month_day ymd{w.week};
    labels.push_back(std::to_string(static_cast<unsigned>(ymd.month())) + "/" +
                     std::to_string(static_cast<unsigned>(ymd.day())));
    series[0].values.push_back(w.all.rate());
    series[1].values.push_back(w.young.rate());
    series[2].values.push_back(w.mature.rate());
  }
  std::string key = "<div class=\"key c\">";
  for (const auto& s : series) key += "<span style=\"background:" + s.color + "\"></span>" + s.name;
  return "<section id=\"weekly-section\"><h2>Retention over time <small>each week's scheduled "
         "reviews, weeks from Monday</small></h2>" +
         svg::line_chart("weekly", series, labels, labels.size() > 26 ? 4 : 2) + key +
         "</div></section>";
}

std::string histogram(const char* id, const char* title, const std::vector<Bucket>& buckets,
                      std::string_view color) {
  std::vector<int> values;
  std::vector<std::string> labels;
  for (const auto& b : buckets) {
    values.push_back(b.count);
    labels.push_back(b.label);
  }
  return std::string("<section><h2>") + title + " <small>learning and review cards</small></h2>" +
         svg::bar_chart(id, values, labels, color, buckets.size() > 12 ? 2 : 1, 520) + "</section>";
}

std::string groups(const Report& r) {
  std::string out = "<section id=\"groups\"><h2>Weakest " + std::string(to_string(r.options.by)) +
                    "s <small>retention of scheduled reviews, worst first; " +
                    std::to_string(r.groups.size()) + " of " + std::to_string(r.groups_total) +
                    "</small></h2>";
  if (r.groups.empty()) return out + "<p class=\"none\">No scheduled reviews yet.</p></section>";
  out += "<table><tr><th style=\"width:55%\">" + std::string(to_string(r.options.by)) +
         "</th><th class=\"n\">retention</th><th></th><th class=\"n\">reviews</th>"
         "<th class=\"n\">cards</th></tr>";
  for (const auto& g : r.groups) {
    const Rate rate{g.group.reviews, g.group.passed};
    out += "<tr><td>" + core::html_escape(g.name) + "</td>" + rate_cell(rate) + "<td>" +
           svg::meter(rate.rate().value_or(0), svg::kGroupColor) + "</td><td class=\"n\">" +
           std::to_string(g.group.reviews) + "</td><td class=\"n\">" +
           std::to_string(g.group.cards) + "</td></tr>";
  }
  return out + "</table></section>";
}

std::string trouble(const char* id, const char* title,
                    const std::vector<store::TroubleCard>& cards) {
  std::string out = std::string("<section id=\"") + id + "\"><h2>" + title + "</h2>";
  if (cards.empty()) return out + "<p class=\"none\">None.</p></section>";
  out += "<table><tr><th class=\"n\">lapses</th><th>question</th><th>where</th></tr>";
  for (const auto& c : cards) {
    out += "<tr><td class=\"n\">" + std::to_string(c.lapses) + "</td><td class=\"q\">" +
           core::html_escape(c.question.substr(0, c.question.find('\n'))) +
           "</td><td class=\"c\">" + core::html_escape(c.path) + ":" + std::to_string(c.line) +
           "</td></tr>";
  }
  return out + "</table></section>";
}

}  // namespace

std::string render_html(const Report& r, std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><title>recall report</title><style>";
  out += kStyle;
  out += "</style></head><body><main><h1>recall report</h1><div class=\"sub\">" +
         core::html_escape(title) + " · " + core::format_date(r.options.today);
  if (!r.options.filter.deck.empty()) out += " · deck " + core::html_escape(r.options.filter.deck);
  if (r.options.since) out += " · reviews since " + core::format_date(*r.options.since);
  out += "</div>" + summary(r) + "<div class=\"row\">" + retention_table(r) + heatmap(r) +
         "</div>" + forecast(r) + weekly(r) + "<div class=\"row\">" +
         histogram("intervals", "Intervals", r.intervals, svg::kIntervalColor) +
         histogram("efactors", "E-Factors", r.efactors, svg::kEfactorColor) + "</div>" + groups(r) +
         "<div class=\"row\">" + trouble("leeches", "Leeches", r.leeches) +
         trouble("lapses", "Most lapses", r.lapses) + "</div></main></body></html>\n";
  return out;
}

}  // namespace recall::stats
