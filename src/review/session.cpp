#include "recall/review/session.hpp"

#include <deque>
#include <ostream>
#include <string>

#include "recall/core/error.hpp"
#include "recall/review/terminal.hpp"

namespace recall::review {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr milliseconds kMaxAnswerTime{60'000};

constexpr const char* kLegend =
    "0 blackout · 1 wrong · 2 wrong, but familiar · 3 right, hard · 4 right · 5 easy · q quit";

struct Pending {
  store::Card card;
  bool drill = false;
};

enum class InputKind { grade, quit, interrupt, end };
struct Input {
  InputKind kind = InputKind::end;
  int grade = 0;
};

std::string context_line(const store::Card& card) {
  std::string line = card.deck;
  for (const auto& heading : card.context) line += " › " + heading;
  return line;
}

void show_question(Terminal& t, const store::Card& card, bool drill, int position, int total) {
  auto& out = t.out();
  out << '\n'
      << t.paint("[" + std::to_string(position) + "/" + std::to_string(total) + "] " +
                     context_line(card) + (drill ? "  (again)" : ""),
                 Style::dim)
      << '\n';
  out << t.paint("Q: ", Style::bold) << t.paint(card.question, Style::question) << '\n';
}

void show_answer(Terminal& t, const store::Card& card) {
  t.out() << t.paint("A: ", Style::bold) << t.paint(card.answer, Style::answer) << '\n';
}

// Reads a grade: single keys on a terminal, one line per card from a pipe.
Input read_grade(Terminal& t) {
  while (true) {
    std::optional<std::string> in = t.interactive() ? t.read_key() : t.read_line();
    if (!in) return {InputKind::end, 0};
    std::string s = *in;
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
    if (s == "\x03") return {InputKind::interrupt, 0};
    if (s == "q" || s == "Q" || s == "ㅂ") return {InputKind::quit, 0};
    if (s.size() == 1 && s[0] >= '0' && s[0] <= '5') return {InputKind::grade, s[0] - '0'};
    if (!t.interactive()) {
      t.out() << t.paint("expected a grade 0-5 or q, got '" + s + "'", Style::bad) << '\n';
    }
  }
}

// Waits for the reveal key on a terminal; false when the user quits instead.
std::optional<Input> wait_reveal(Terminal& t) {
  t.out() << t.paint("[space] show answer · q quit", Style::dim) << std::flush;
  while (true) {
    auto key = t.read_key();
    if (!key) return Input{InputKind::end, 0};
    if (*key == "\x03") return Input{InputKind::interrupt, 0};
    if (*key == "q" || *key == "ㅂ") return Input{InputKind::quit, 0};
    if (*key == " " || *key == "\n") break;
  }
  t.out() << "\r\x1b[K";
  return std::nullopt;
}

}  // namespace

std::vector<store::Card> session_queue(store::Store& store, const SessionOptions& options,
                                       std::chrono::sys_days today) {
  std::vector<store::Card> queue = store.due_cards(options.filter, today);
  const int new_done = store.reviews_on(today, store::ReviewKind::new_card);
  auto fresh = store.new_cards(options.filter, options.new_per_day - new_done);
  queue.insert(queue.end(), fresh.begin(), fresh.end());
  if (options.limit > 0 && queue.size() > static_cast<std::size_t>(options.limit)) {
    queue.resize(static_cast<std::size_t>(options.limit));
  }
  return queue;
}

SessionSummary run_session(store::Store& store, Terminal& terminal, const SessionOptions& options,
                           const core::Now& now, std::chrono::sys_days today) {
  std::deque<Pending> queue;
  for (auto& card : session_queue(store, options, today)) queue.push_back({std::move(card), false});

  SessionSummary summary;
  const auto started = steady_clock::now();
  const int total = static_cast<int>(queue.size());
  int position = 0;
  std::optional<RawMode> raw;
  if (terminal.interactive()) raw.emplace();

  if (queue.empty()) terminal.out() << "Nothing to review today.\n";
  while (!queue.empty()) {
    Pending item = std::move(queue.front());
    queue.pop_front();
    if (!item.drill) ++position;
    const auto shown = steady_clock::now();
    show_question(terminal, item.card, item.drill, position, total);

    Input input;
    if (terminal.interactive()) {
      if (auto stop = wait_reveal(terminal)) input = *stop;
    }
    if (input.kind == InputKind::end) {
      show_answer(terminal, item.card);
      terminal.out() << terminal.paint(kLegend, Style::dim) << (terminal.interactive() ? "" : "\n")
                     << std::flush;
      input = read_grade(terminal);
      if (terminal.interactive()) {
        terminal.out() << '\n';
        if (input.kind == InputKind::grade) {
          terminal.out() << terminal.paint("→ " + std::to_string(input.grade),
                                           input.grade >= 3 ? Style::good : Style::bad)
                         << '\n';
        }
      }
    }
    if (input.kind != InputKind::grade) {
      summary.quit = input.kind != InputKind::end;
      summary.interrupted = input.kind == InputKind::interrupt;
      break;
    }

    const auto elapsed = std::min(
        std::chrono::duration_cast<milliseconds>(steady_clock::now() - shown), kMaxAnswerTime);
    store::ReviewRecord record;
    record.card_id = item.card.id;
    record.reviewed_at =
        now.utc + std::chrono::duration_cast<std::chrono::seconds>(steady_clock::now() - started);
    record.review_day = today;
    record.grade = input.grade;
    record.before = item.card.sm2;
    record.answer_ms = elapsed.count();
    if (item.drill) {
      record.kind = store::ReviewKind::drill;
      record.after = item.card.sm2;
    } else {
      record.kind = item.card.sm2.state == schedule::CardState::new_card
                        ? store::ReviewKind::new_card
                        : store::ReviewKind::scheduled;
      record.after = schedule::answer(item.card.sm2, input.grade, today);
    }
    store.record_review(record);

    ++summary.answers;
    summary.time += elapsed;
    if (item.drill) {
      ++summary.drills;
    } else {
      ++summary.cards;
      summary.passed += input.grade >= 3 ? 1 : 0;
    }
    item.card.sm2 = record.after;
    if (schedule::needs_drill(input.grade)) queue.push_back({std::move(item.card), true});
  }
  raw.reset();
  summary.due_tomorrow =
      store.due_between(options.filter, std::chrono::sys_days{}, today + std::chrono::days{1});
  return summary;
}

void print_summary(Terminal& t, const SessionSummary& s) {
  auto& out = t.out();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(s.time).count();
  const int percent = s.cards > 0 ? (s.passed * 100 + s.cards / 2) / s.cards : 0;
  out << '\n'
      << t.paint("Session", Style::bold) << ": " << s.cards << " card" << (s.cards == 1 ? "" : "s")
      << " reviewed";
  if (s.drills > 0) out << " (+" << s.drills << " repeat" << (s.drills == 1 ? "" : "s") << ")";
  out << ", " << percent << "% graded 3 or better, " << seconds / 60 << "m"
      << (seconds % 60 < 10 ? "0" : "") << seconds % 60 << "s. Due tomorrow: " << s.due_tomorrow
      << ".\n";
}

}  // namespace recall::review
