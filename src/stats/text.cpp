// `recall stats` as text: charts on a terminal, the same figures as plain numbers elsewhere.
#include <algorithm>
#include <ostream>

#include "charts.hpp"
#include "recall/core/clock.hpp"
#include "recall/stats/render.hpp"

namespace recall::stats {

namespace {

using std::chrono::days;

class Writer {
 public:
  Writer(const TextStyle& style, std::ostream& out) : m_style(style), m_out(out) {}
  std::ostream& out() { return m_out; }
  bool charts() const { return m_style.charts; }
  int width() const { return std::clamp(m_style.width, 40, 100); }
  void title(const std::string& text) { m_out << '\n' << paint(text, "1") << '\n'; }
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

void summary(Writer& w, const Report& r) {
  const auto& t = r.today;
  const auto& c = r.cards;
  w.out() << "Today      " << t.due << " due, " << t.answers << " answers (" << t.reviews
          << " reviews, " << t.new_cards << " new learned, " << t.drills << " repeats) in "
          << charts::duration(t.time_ms) << "  " << w.dim(date(r.options.today)) << '\n';
  w.out() << "Cards      " << c.total << ": " << c.new_cards << " new, " << c.learning
          << " learning, " << c.young << " young, " << c.mature << " mature, " << c.suspended
          << " suspended, " << c.leech << " leech" << (c.leech == 1 ? "" : "es") << ", "
          << c.retired << " retired\n";
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
  w.out() << "             " << charts::pad_right("young", width + 7)
          << charts::pad_right("mature", width + 7) << "all\n";
  for (const auto& row : r.retention) {
    std::string name = row.period;
    std::replace(name.begin(), name.end(), '_', ' ');
    if (row.period == "since") name = "since " + date(row.from);
    w.out() << "  " << charts::pad_right(name, 11);
    for (const Rate* rate : {&row.young, &row.mature, &row.all}) {
      w.out() << charts::pad_left(charts::percent(rate->passed, rate->reviews), 6) << ' '
              << w.dim(charts::pad_right(counts(*rate), width));
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
  const auto rows = charts::columns(due, 6, 2);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string axis = i == 0 ? std::to_string(max) : i + 1 == rows.size() ? "0" : "";
    w.out() << charts::pad_left(axis, 6) << " │" << rows[i] << '\n';
  }
  w.out() << "       └" << std::string(due.size() * 2, '-') << '\n';
  w.out() << "        today" << std::string(due.size() * 2 > 20 ? due.size() * 2 - 20 : 1, ' ')
          << "+" << due.size() - 1 << " days\n";
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
  // Month names above the week where a month starts, when there is room for them.
  std::string months = "      ";
  for (std::size_t i = 0; i < h.days.size(); i += 7) {
    const std::chrono::year_month_day ymd{h.days[i].day};
    const std::chrono::year_month_day prev{h.days[i].day - days{7}};
    const std::size_t column = 6 + i / 7 * 2;
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
      w.out() << charts::shade(charts::level(h.days[i].answers, q)) << ' ';
    }
    w.out() << '\n';
  }
  w.out() << "      "
          << w.dim("· none, then ░▒▓█ by quartile of the days with answers, up to " +
                   std::to_string(max) + " answers a day")
          << '\n';
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
    w.out() << "  " << charts::pad_left(std::to_string(c.lapses), 3)
            << (c.lapses == 1 ? " lapse   " : " lapses  ") << c.path << ':' << c.line << "  "
            << w.dim(question) << '\n';
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
                   std::to_string(g.group.passed) + "/" + std::to_string(g.group.reviews), 13))
            << g.name << '\n';
  }
}

}  // namespace

void render_text(const Report& r, const TextStyle& style, std::ostream& out) {
  Writer w(style, out);
  if (!r.options.filter.deck.empty()) out << "Deck       " << r.options.filter.deck << '\n';
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
