// `recall stats` as text: charts on a terminal, the same figures as plain numbers elsewhere.
#include <algorithm>
#include <ostream>

#include "charts.hpp"
#include "recall/core/clock.hpp"
#include "recall/review/render.hpp"
#include "recall/stats/render.hpp"

namespace recall::stats {

namespace {

using review::display_width;
using review::truncate_to_width;
using std::chrono::days;

class Writer {
 public:
  Writer(const TextStyle& style, std::ostream& out) : m_style(style), m_out(out) {}
  std::ostream& out() { return m_out; }
  bool charts() const { return m_style.charts; }
  int width() const { return std::clamp(m_style.width, 40, 100); }
  // A title wrapped to the width, as every line is (wide characters count two).
  void title(const std::string& text) {
    m_out << '\n';
    for (const auto& line : review::wrap_text(text, width())) m_out << paint(line, "1") << '\n';
  }
  // `label` then `text` wrapped under itself, indented by the label's width.
  void field(const std::string& label, const std::string& text) {
    const auto lines = review::wrap_text(text, width() - display_width(label));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      m_out << (i == 0 ? label : std::string(label.size(), ' ')) << lines[i] << '\n';
    }
  }
  // One line cut to the width: `plain` as it is, then `dimmed` in dim, "…" where it was cut.
  void line(const std::string& plain, const std::string& dimmed = {}) {
    const int room = width() - display_width(plain);
    m_out << truncate_to_width(plain, width());
    if (room > 0 && !dimmed.empty()) m_out << dim(truncate_to_width(dimmed, room));
    m_out << '\n';
  }
  std::string dim(const std::string& text) const { return paint(text, "2"); }
  std::string bad(const std::string& text) const { return paint(text, "31"); }

 private:
  std::string paint(const std::string& text, const char* code) const {
    return m_style.color ? "\x1b[" + std::string(code) + "m" + text + "\x1b[0m" : text;
  }
  TextStyle m_style;
  std::ostream& m_out;
};

std::string date(std::chrono::sys_days d) { return core::format_date(d); }

// `text` cut at the front to at most `width` columns, starting with "…" when it was cut.
std::string keep_tail(const std::string& text, int width) {
  if (display_width(text) <= width) return text;
  std::size_t start = 0;
  while (start < text.size() && display_width(std::string_view(text).substr(start)) > width - 1) {
    ++start;
    while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xc0) == 0x80) {
      ++start;
    }
  }
  return "…" + text.substr(start);
}

void summary(Writer& w, const Report& r) {
  const auto& t = r.today;
  const auto& c = r.cards;
  w.field("Today      ", std::to_string(t.due) + " due, " + std::to_string(t.answers) +
                             " answers (" + std::to_string(t.reviews) + " reviews, " +
                             std::to_string(t.new_cards) + " new learned, " +
                             std::to_string(t.drills) + " repeats) in " +
                             charts::duration(t.time_ms) + "  " + date(r.options.today));
  w.field("Cards      ", std::to_string(c.total) + ": " + std::to_string(c.new_cards) + " new, " +
                             std::to_string(c.learning) + " learning, " + std::to_string(c.young) +
                             " young, " + std::to_string(c.mature) + " mature, " +
                             std::to_string(c.suspended) + " suspended, " +
                             std::to_string(c.leech) + " leech" + (c.leech == 1 ? "" : "es") +
                             ", " + std::to_string(c.retired) + " retired");
}

void retention(Writer& w, const Report& r) {
  w.title("True retention (scheduled reviews graded 3 or better; young: interval < 21 days)");
  const auto counts = [](const Rate& rate) {
    return std::to_string(rate.passed) + "/" + std::to_string(rate.reviews);
  };
  // Columns as wide as the widest count (a 365-day count can reach millions).
  std::size_t width = 9;
  for (const auto& row : r.retention) {
    for (const Rate* rate : {&row.young, &row.mature, &row.all}) {
      width = std::max(width, counts(*rate).size() + 2);
    }
  }
  // Counts beside the rates only where the three columns fit; rates alone take 34 columns.
  const bool counted = 13 + 3 * (7 + static_cast<int>(width)) <= w.width();
  if (!counted) width = 0;
  w.out() << "             " << charts::pad_right("young", width + 7)
          << charts::pad_right("mature", width + 7) << "all\n";
  for (const auto& row : r.retention) {
    std::string name = row.period;
    std::replace(name.begin(), name.end(), '_', ' ');
    if (row.period == "since") name = "since " + date(row.from);
    if (row.period == "since" && !counted) name = date(row.from);
    w.out() << "  " << charts::pad_right(name, 11);
    for (const Rate* rate : {&row.young, &row.mature, &row.all}) {
      w.out() << charts::pad_left(charts::percent(rate->passed, rate->reviews), 6) << ' ';
      if (counted) w.out() << w.dim(charts::pad_right(counts(*rate), width));
    }
    w.out() << '\n';
  }
}

void forecast(Writer& w, const Report& r) {
  const auto& due = r.forecast.due;
  w.title("Forecast: cards due per day, next " + std::to_string(due.size()) + " days (" +
          std::to_string(r.forecast.overdue) + " overdue)");
  if (!w.charts()) {
    // A week per line: the first day's date, then its counts.
    for (std::size_t i = 0; i < due.size(); i += 7) {
      w.out() << "  " << date(r.options.today + days{static_cast<long>(i)});
      for (std::size_t j = i; j < i + 7 && j < due.size(); ++j) w.out() << ' ' << due[j];
      w.out() << '\n';
    }
    return;
  }
  const int max = due.empty() ? 0 : *std::max_element(due.begin(), due.end());
  // Two columns a day (a bar and a gap) where they fit, else one; the axis takes 8.
  const int column = static_cast<int>(due.size()) * 2 + 8 <= w.width() ? 2 : 1;
  const auto shown = std::min(due.size(), static_cast<std::size_t>((w.width() - 8) / column));
  const std::vector<int> days_shown(due.begin(), due.begin() + static_cast<long>(shown));
  const std::size_t span = shown * static_cast<std::size_t>(column);
  const auto rows = charts::columns(days_shown, 6, column);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string axis = i == 0 ? std::to_string(max) : i + 1 == rows.size() ? "0" : "";
    w.out() << charts::pad_left(axis, 6) << " │" << rows[i] << '\n';
  }
  w.out() << "       └" << std::string(span, '-') << '\n';
  const std::string last = "+" + std::to_string(shown - 1) + " days";
  w.out() << "        today"
          << std::string(span > 5 + last.size() ? span - 5 - last.size() : 1, ' ') << last << '\n';
}

void heatmap(Writer& w, const Report& r) {
  const auto& h = r.heatmap;
  w.title("Reviews per day, last 26 weeks: " + std::to_string(h.days_reviewed) +
          " days reviewed; streak " + std::to_string(h.current_streak) + " (longest " +
          std::to_string(h.longest_streak) + ")");
  int max = 0;
  std::vector<int> answers;
  for (const auto& d : h.days) {
    max = std::max(max, d.answers);
    answers.push_back(d.answers);
  }
  const auto q = charts::quartiles(answers);
  if (!w.charts()) {
    // One line per week, Monday first: the date of its Monday, then seven counts.
    for (std::size_t i = 0; i < h.days.size(); i += 7) {
      w.out() << "  " << date(h.days[i].day);
      for (std::size_t j = i; j < i + 7 && j < h.days.size(); ++j)
        w.out() << ' ' << h.days[j].answers;
      w.out() << '\n';
    }
    return;
  }
  // A week takes two columns (a shade and a gap) where 26 fit, else one.
  const std::size_t weeks = (h.days.size() + 6) / 7;
  const std::size_t step = static_cast<int>(weeks) * 2 + 6 <= w.width() ? 2 : 1;
  // Month names above the week where a month starts, when there is room for them.
  std::string months = "      ";
  for (std::size_t i = 0; i < h.days.size(); i += 7) {
    const std::chrono::year_month_day ymd{h.days[i].day};
    const std::chrono::year_month_day prev{h.days[i].day - days{7}};
    const std::size_t column = 6 + i / 7 * step;
    if ((i == 0 || ymd.month() != prev.month()) && months.size() <= column) {
      static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      months.resize(column, ' ');
      months += kMonths[static_cast<unsigned>(ymd.month()) - 1];
    }
  }
  w.out() << months << '\n';
  static constexpr const char* kDays[] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
  for (std::size_t weekday = 0; weekday < 7; ++weekday) {
    w.out() << "  " << charts::pad_right(kDays[weekday], 4);
    for (std::size_t i = weekday; i < h.days.size(); i += 7) {
      w.out() << charts::shade(charts::level(h.days[i].answers, q)) << (step == 2 ? " " : "");
    }
    w.out() << '\n';
  }
  for (const auto& line : review::wrap_text("· none, then ░▒▓█ by quartile of the days with "
                                            "answers, up to " +
                                                std::to_string(max) + " answers a day",
                                            w.width() - 6)) {
    w.out() << "      " << w.dim(line) << '\n';
  }
}

void histogram(Writer& w, const std::string& title, const std::vector<Bucket>& buckets) {
  w.title(title);
  int max = 0;
  for (const auto& b : buckets) max = std::max(max, b.count);
  for (const auto& b : buckets) {
    w.out() << "  " << charts::pad_left(b.label, 7) << ' '
            << charts::pad_left(std::to_string(b.count), 8);
    if (w.charts()) w.out() << ' ' << charts::hbar(b.count, max, w.width() - 22);
    w.out() << '\n';
  }
}

void trouble(Writer& w, const std::string& title, const std::vector<store::TroubleCard>& cards) {
  w.title(title);
  if (cards.empty()) w.out() << "  none\n";
  for (const auto& c : cards) {
    std::string question = c.question.substr(0, c.question.find('\n'));
    const std::string count = "  " + charts::pad_left(std::to_string(c.lapses), 3) +
                              (c.lapses == 1 ? " lapse   " : " lapses  ");
    // The end of a long path is the part that tells the file: cut it at the front.
    const std::string where =
        keep_tail(c.path + ':' + std::to_string(c.line), w.width() - display_width(count) - 2);
    w.line(count + where + "  ", question);
  }
}

void groups(Writer& w, const Report& r) {
  w.title("Retention by " + std::string(to_string(r.options.by)) + ", worst first (" +
          std::to_string(r.groups.size()) + " of " + std::to_string(r.groups_total) + ")");
  if (r.groups.empty()) w.out() << "  no scheduled reviews yet\n";
  for (const auto& g : r.groups) {
    const std::string rate = charts::percent(g.group.passed, g.group.reviews);
    w.out() << "  " << charts::pad_left(rate, 6) << ' '
            << w.dim(charts::pad_right(
                   std::to_string(g.group.passed) + "/" + std::to_string(g.group.reviews), 13));
    w.out() << truncate_to_width(g.name, w.width() - 22) << '\n';
  }
}

}  // namespace

void render_text(const Report& r, const TextStyle& style, std::ostream& out) {
  Writer w(style, out);
  if (!r.options.filter.deck.empty()) w.field("Deck       ", r.options.filter.deck);
  summary(w, r);
  retention(w, r);
  forecast(w, r);
  heatmap(w, r);
  histogram(w, "Intervals (learning and review cards)", r.intervals);
  histogram(w, "E-Factors (learning and review cards)", r.efactors);
  trouble(w, "Leeches (rewrite them at file:line)", r.leeches);
  trouble(w, "Most lapses", r.lapses);
  groups(w, r);
}

}  // namespace recall::stats
