#include "recall/review/session.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <ostream>
#include <string>

#include "recall/core/error.hpp"
#include "recall/review/editor.hpp"
#include "recall/review/grades.hpp"
#include "recall/review/keys.hpp"
#include "recall/review/queue.hpp"
#include "recall/review/render.hpp"
#include "recall/review/screen.hpp"
#include "recall/schedule/leech.hpp"
#include "recall/sync/reimport.hpp"

namespace recall::review {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

// A card left on screen for minutes counts as one minute.
constexpr milliseconds kMaxAnswerTime{60'000};

constexpr const char* kPipedLegend =
    "0 blackout · 1 wrong, recognised · 2 wrong, seemed easy · 3 right, hard · 4 right, hesitant "
    "· 5 perfect · u undo · s suspend · b bury · q quit";
constexpr const char* kPipedLegendFour =
    "1 again · 2 hard · 3 good · 4 easy · u undo · s suspend · b bury · q quit";

std::string wrong_key(int buttons) {
  return buttons == 4 ? "Grades are 1 again, 2 hard, 3 good, 4 easy." : "Grades are 0 to 5.";
}

std::string context_line(const store::Card& card) {
  std::string line = card.deck;
  for (const auto& heading : card.context) line += " › " + heading;
  return line;
}

// The first line of a question, shortened, in quotes: for messages.
std::string short_question(const std::string& question) {
  return "\"" + truncate_to_width(question.substr(0, question.find('\n')), 50) + "\"";
}

std::string days_text(int days) { return std::to_string(days) + (days == 1 ? " day" : " days"); }

// The queue of a session and what the daily limits held back.
QueuePlan plan_queue(store::Store& store, const SessionOptions& options,
                     std::chrono::sys_days today) {
  const auto limits =
      session_limits(store, options.filter, options.new_per_day, options.reviews_per_day, today,
                     options.default_new_per_day, options.default_reviews_per_day);
  // The most cards a session can take of one kind: the room of the limits covering the whole
  // session, and --limit.
  const auto budget = [&](const std::vector<DailyLimit>& kind) {
    int most = options.limit > 0 ? options.limit : std::numeric_limits<int>::max();
    for (const DailyLimit& limit : kind) {
      if (deck_under(options.filter.deck, limit.deck)) most = std::min(most, limit.remaining);
    }
    return most;
  };
  const int due_budget = budget(limits.reviews);
  const int new_budget = budget(limits.new_cards);
  // Read ids and decks in queue order, a few more than the budget, and more only when limits of
  // sub-decks held some back; then read in full just the cards chosen.
  std::size_t due_rows = static_cast<std::size_t>(std::min(due_budget, 1 << 20)) + 16;
  std::size_t new_rows = static_cast<std::size_t>(std::min(new_budget, 1 << 20)) + 16;
  for (;;) {
    const std::vector<store::Card> due = store.due_unburied(options.filter, today, due_rows);
    const std::vector<store::Card> fresh = store.new_unburied(options.filter, today, new_rows);
    QueuePlan plan = build_queue(due, fresh, limits, options.limit);
    const int due_kept = static_cast<int>(due.size()) - plan.due_held_back;
    const int new_kept = static_cast<int>(fresh.size()) - plan.new_held_back;
    const bool due_all = due.size() < due_rows;
    const bool new_all = fresh.size() < new_rows;
    if ((due_all || due_kept >= due_budget) && (new_all || new_kept >= new_budget)) {
      // Held back: every listed card that was not kept, counted without reading them.
      if (!due_all) plan.due_held_back = -1;
      if (!new_all) plan.new_held_back = -1;
      plan.ids.reserve(plan.cards.size());
      for (const store::Card& card : plan.cards) plan.ids.push_back(card.id);
      return plan;  // ids and decks only: the session reads each card in full as it shows it
    }
    if (!due_all && due_kept < due_budget) due_rows *= 4;
    if (!new_all && new_kept < new_budget) new_rows *= 4;
  }
}

// Counts the held-back cards plan_queue left unknown: only when they are shown, since a count
// over every due card of a large collection costs more than the rest of a session's start.
void count_held_back(QueuePlan& plan, store::Store& store, const SessionOptions& options,
                     std::chrono::sys_days today) {
  if (plan.due_held_back < 0) {
    plan.due_held_back = store.count_due_unburied(options.filter, today, plan.ids);
  }
  if (plan.new_held_back < 0) {
    plan.new_held_back = store.count_new_unburied(options.filter, today, plan.ids);
  }
}

class Session {
 public:
  Session(store::Store& store, Terminal& terminal, const SessionOptions& options,
          const core::Now& now, std::chrono::sys_days today)
      : m_store(store), m_terminal(terminal), m_options(options), m_now(now), m_today(today) {}

  SessionSummary run();

 private:
  struct Item {
    store::Card card;
    bool drill = false;
    bool loaded = true;  // false: only id and deck were read; the rest when it is shown
  };

  enum class Kind { answer, suspend, bury };

  // One change made by this session, newest last: what `u` takes back, and what the summary
  // counts. `item` is the card as it was shown, before the change.
  struct Done {
    Kind kind = Kind::answer;
    Item item;
    int grade = 0;
    std::int64_t review_id = 0;
    bool leech_before = false;
    bool became_leech = false;
    std::string leech_where;
    bool queued_drill = false;
    std::optional<std::chrono::sys_days> buried_before;
    milliseconds time{0};
  };

  // What the user did with a card. `none`: the card left the session (edited out of its note).
  struct Outcome {
    Command command = Command::none;
    int grade = 0;
    bool end = false;  // the input ended
  };

  Outcome present(Item& item);
  Command finish_screen();
  Outcome present_interactive(Item& item);
  Outcome present_piped(const Item& item);
  void answer(const Item& item, int grade, milliseconds elapsed);
  void suspend(const Item& item);
  void bury(const Item& item);
  bool undo();
  bool edit(Item& item);  // false when the card left its note
  void refresh_queue();
  void say(std::string message, bool warning = false);
  int position_of(const Item& item) const;
  std::string status_of(const Item& item) const;
  std::chrono::sys_seconds moment() const;
  SessionSummary summarize() const;

  store::Store& m_store;
  Terminal& m_terminal;
  const SessionOptions& m_options;
  const core::Now& m_now;
  std::chrono::sys_days m_today;
  std::deque<Item> m_queue;
  std::vector<Done> m_history;
  int m_total = 0;
  std::string m_message;
  bool m_warning = false;
  std::optional<RawMode> m_raw;
  steady_clock::time_point m_started = steady_clock::now();
};

void Session::say(std::string message, bool warning) {
  if (m_terminal.interactive()) {
    m_message = std::move(message);
    m_warning = warning;
  } else {
    m_terminal.out() << (warning ? m_terminal.paint(message, Style::bad) : message) << '\n';
  }
}

std::chrono::sys_seconds Session::moment() const {
  return m_now.utc +
         std::chrono::duration_cast<std::chrono::seconds>(steady_clock::now() - m_started);
}

int Session::position_of(const Item& item) const {
  const auto done = std::count_if(m_history.begin(), m_history.end(),
                                  [](const Done& d) { return !d.item.drill; });
  return static_cast<int>(done) + (item.drill ? 0 : 1);
}

std::string Session::status_of(const Item& item) const {
  if (item.drill) {
    const auto left = std::count_if(m_queue.begin(), m_queue.end(),
                                    [](const Item& i) { return i.drill; });
    return "drill · " + std::to_string(left + 1) + " left";
  }
  const auto& sm2 = item.card.sm2;
  if (sm2.state == schedule::CardState::review) return "review · " + days_text(sm2.interval_days);
  return std::string(schedule::to_string(sm2.state));
}

Session::Outcome Session::present(Item& item) {
  return m_terminal.interactive() ? present_interactive(item) : present_piped(item);
}

Session::Outcome Session::present_interactive(Item& item) {
  bool revealed = false;
  bool help = false;
  int scroll = 0;
  int page = 1;
  while (true) {
    CardView view;
    view.context = context_line(item.card);
    view.status = status_of(item);
    view.position = position_of(item);
    view.total = item.drill ? 0 : m_total;  // a drill says how many are left instead
    view.grades = grade_choices(m_options.buttons, item.card.sm2, item.drill, m_today);
    view.question = item.card.question;
    view.answer = item.card.answer;
    view.revealed = revealed;
    view.help = help;
    view.message = m_message;
    view.warning = m_warning;
    view.scroll = scroll;
    const DrawnScreen drawn =
        draw_card(view, m_terminal.width(), m_terminal.height(), m_terminal.color());
    m_terminal.out() << drawn.text;
    scroll = drawn.scroll;
    page = drawn.page;
    const auto key = m_terminal.read_key();
    if (!key) return {Command::none, 0, true};
    if (*key == kResizeKey) continue;
    const KeyPress press = parse_key(*key);
    if (press.command == Command::interrupt) return {press.command, 0};
    const bool scrolls = press.command == Command::line_down || press.command == Command::line_up ||
                         press.command == Command::page_down || press.command == Command::page_up;
    if (help && !scrolls) {
      help = false;
      scroll = 0;
      continue;
    }
    switch (press.command) {
      case Command::reveal:
        revealed = true;
        m_message.clear();
        break;
      case Command::grade: {
        if (!revealed) {
          say("Show the answer first: space or Enter.");
          break;
        }
        const auto grade = grade_for_key(m_options.buttons, press.grade);
        if (grade) return {press.command, *grade};
        say(wrong_key(m_options.buttons));
        break;
      }
      case Command::help:
        help = true;
        scroll = 0;
        break;
      case Command::edit:
        if (!edit(item)) return {Command::none, 0};
        break;
      case Command::undo:
      case Command::suspend:
      case Command::bury:
      case Command::quit:
        return {press.command, 0};
      case Command::line_down:
        ++scroll;
        break;
      case Command::line_up:
        scroll = std::max(scroll - 1, 0);
        break;
      case Command::page_down:
        scroll += std::max(page - 1, 1);
        break;
      case Command::page_up:
        scroll = std::max(scroll - std::max(page - 1, 1), 0);
        break;
      case Command::none:
      case Command::interrupt:
        break;
    }
  }
}

Session::Outcome Session::present_piped(const Item& item) {
  auto& out = m_terminal.out();
  const int position = position_of(item);
  out << '\n'
      << m_terminal.paint("[" + std::to_string(std::max(position, 1)) + "/" +
                              std::to_string(m_total) + "] " + context_line(item.card) +
                              (item.drill ? "  (again)" : ""),
                          Style::dim)
      << '\n';
  out << m_terminal.paint("Q: ", Style::bold)
      << m_terminal.paint(item.card.question, Style::question) << '\n';
  out << m_terminal.paint("A: ", Style::bold) << m_terminal.paint(item.card.answer, Style::answer)
      << '\n';
  out << m_terminal.paint(m_options.buttons == 4 ? kPipedLegendFour : kPipedLegend, Style::dim)
      << '\n';
  while (true) {
    const auto line = m_terminal.read_line();
    if (!line) return {Command::none, 0, true};
    const KeyPress press = parse_key(*line);
    switch (press.command) {
      case Command::grade:
        if (const auto grade = grade_for_key(m_options.buttons, press.grade)) {
          return {press.command, *grade};
        }
        break;
      case Command::undo:
      case Command::suspend:
      case Command::bury:
      case Command::quit:
      case Command::interrupt:
        return {press.command, press.grade};
      default:
        break;
    }
    out << m_terminal.paint(
               "expected a grade " + std::string(m_options.buttons == 4 ? "1-4" : "0-5") +
                   " or q (quit), u (undo), s (suspend) or b (bury), got '" +
                   *line + "'",
               Style::bad)
        << '\n';
  }
}

void Session::answer(const Item& item, int grade, milliseconds elapsed) {
  store::ReviewRecord record;
  record.card_id = item.card.id;
  record.reviewed_at = moment();
  record.review_day = m_today;
  record.grade = grade;
  record.before = item.card.sm2;
  record.answer_ms = std::min(elapsed, kMaxAnswerTime).count();

  Done done;
  done.kind = Kind::answer;
  done.item = item;
  done.grade = grade;
  done.time = std::min(elapsed, kMaxAnswerTime);
  if (item.drill) {
    record.kind = store::ReviewKind::drill;
    record.after = item.card.sm2;
  } else {
    record.kind = item.card.sm2.state == schedule::CardState::new_card
                      ? store::ReviewKind::new_card
                      : store::ReviewKind::scheduled;
    record.after = schedule::answer(item.card.sm2, grade, m_today);
    done.leech_before = m_store.card_marks(item.card.id).leech;
    done.became_leech = schedule::becomes_leech(record.before, record.after, done.leech_before);
    if (done.became_leech) record.after.state = schedule::CardState::suspended;
  }
  const std::optional<std::int64_t> review_id =
      m_store.record_answer_if_unchanged(record, done.became_leech);
  if (!review_id) {
    // Another process changed the card since this session read it (docs/ARCHITECTURE.md).
    say("Not recorded: " + short_question(item.card.question) +
            " was changed by another recall since this session read it (answered in another "
            "session, or retired by an import).",
        true);
    return;
  }
  done.review_id = *review_id;

  if (done.became_leech) {
    const auto note = m_store.note_of(item.card.id);
    done.leech_where =
        (note ? note->path : item.card.source) + ":" + std::to_string(item.card.line);
    say("Leech: " + short_question(item.card.question) + " was forgotten " +
            std::to_string(record.after.lapses) + " times and is now suspended. Rewrite it in " +
            done.leech_where + ".",
        true);
  } else if (schedule::needs_drill(grade)) {
    Item again{item.card, true};
    again.card.sm2 = record.after;
    m_queue.push_back(std::move(again));
    done.queued_drill = true;
    if (m_terminal.interactive()) {
      say("Graded " + std::to_string(grade) +
          (item.drill ? "" : ": due in " + days_text(record.after.interval_days) + ",") +
          " again later in this session.");
    }
  } else if (m_terminal.interactive()) {
    say("Graded " + std::to_string(grade) +
        (item.drill ? "." : ": next review in " + days_text(record.after.interval_days) + "."));
  }
  m_history.push_back(std::move(done));
}

void Session::suspend(const Item& item) {
  m_store.set_card_state(item.card.id, schedule::CardState::suspended);
  Done done;
  done.kind = Kind::suspend;
  done.item = item;
  m_history.push_back(std::move(done));
  say("Suspended " + short_question(item.card.question) +
      ": sessions no longer show it (u undoes).");
}

void Session::bury(const Item& item) {
  Done done;
  done.kind = Kind::bury;
  done.item = item;
  done.buried_before = m_store.card_marks(item.card.id).buried_until;
  m_store.set_buried_until(item.card.id, m_today + std::chrono::days{1});
  m_history.push_back(std::move(done));
  say("Buried " + short_question(item.card.question) + " until tomorrow (u undoes).");
}

bool Session::undo() {
  if (m_history.empty()) {
    say("Nothing to undo.");
    return false;
  }
  Done done = std::move(m_history.back());
  m_history.pop_back();
  const std::int64_t id = done.item.card.id;
  std::string what;
  switch (done.kind) {
    case Kind::answer: {
      if (!m_store.undo_answer(id, done.review_id, done.item.card.sm2, done.leech_before)) {
        say("Cannot undo: " + short_question(done.item.card.question) +
                " was changed by another recall since.",
            true);
        return false;
      }
      if (done.queued_drill) {
        const auto copy = std::find_if(m_queue.rbegin(), m_queue.rend(),
                                       [&](const Item& i) { return i.drill && i.card.id == id; });
        if (copy != m_queue.rend()) m_queue.erase(std::next(copy).base());
      }
      what = "grade " + std::to_string(done.grade) + " on";
      break;
    }
    case Kind::suspend:
      m_store.set_card_state(id, done.item.card.sm2.state);
      what = "suspending";
      break;
    case Kind::bury:
      m_store.set_buried_until(id, done.buried_before);
      what = "burying";
      break;
  }
  say("Undone: " + what + " " + short_question(done.item.card.question) + ".");
  m_queue.push_front(std::move(done.item));
  return true;
}

void Session::refresh_queue() {
  std::deque<Item> kept;
  for (Item& item : m_queue) {
    auto fresh = m_store.card_by_id(item.card.id);
    if (!fresh || fresh->sm2.state == schedule::CardState::retired ||
        fresh->sm2.state == schedule::CardState::suspended) {
      continue;
    }
    item.card = std::move(*fresh);
    item.loaded = true;
    kept.push_back(std::move(item));
  }
  m_queue = std::move(kept);
}

bool Session::edit(Item& item) {
  const auto note = m_store.note_of(item.card.id);
  if (!note) {
    say("This card's note is no longer known: nothing to edit.", true);
    return true;
  }
  if (m_raw) m_raw->pause();
  const auto status = run_editor(m_options.editor, note->path, item.card.line);
  if (m_raw) m_raw->resume();
  if (!status) {
    say("Could not run the editor (" + m_options.editor + "); set EDITOR.", true);
    return true;
  }
  const auto result = sync::reimport_note(m_store, *note, moment());
  if (!result.found) {
    say(note->path + " is gone: nothing was imported.", true);
    return true;
  }
  const auto& plan = result.plan;
  std::string message = "Imported " + note->source +
                        " again: " + std::to_string(plan.count(store::PlanAction::new_card)) +
                        " new, " + std::to_string(plan.count(store::PlanAction::updated)) +
                        " updated, " + std::to_string(plan.count(store::PlanAction::retired)) +
                        " retired";
  if (!result.warnings.empty()) {
    message += "; " + result.warnings.front().message;
  }
  refresh_queue();
  auto fresh = m_store.card_by_id(item.card.id);
  if (!fresh || fresh->sm2.state == schedule::CardState::retired ||
      fresh->sm2.state == schedule::CardState::suspended) {
    say(message + ". This card is no longer in its note.");
    --m_total;
    return false;
  }
  item.card = std::move(*fresh);
  say(message + ".");
  return true;
}

// The end of the queue on a terminal, where the last change can still be taken back: returns
// undo, interrupt (Ctrl-C) or none (any other key, or the end of input).
Command Session::finish_screen() {
  while (true) {
    CardView view;
    view.finished = true;
    view.context = "recall review";
    view.status = "done";
    view.question = "**All done.** " + std::to_string(m_total) +
                    (m_total == 1 ? " card" : " cards") +
                    " in this session. `u` takes back the last change; any other key ends the "
                    "session.";
    view.message = m_message;
    view.warning = m_warning;
    m_terminal.out()
        << draw_card(view, m_terminal.width(), m_terminal.height(), m_terminal.color()).text;
    const auto key = m_terminal.read_key();
    if (!key) return Command::none;
    if (*key == kResizeKey) continue;
    const Command command = parse_key(*key).command;
    return command == Command::undo || command == Command::interrupt ? command : Command::none;
  }
}

SessionSummary Session::summarize() const {
  SessionSummary s;
  for (const Done& d : m_history) {
    switch (d.kind) {
      case Kind::answer:
        ++s.answers;
        s.time += d.time;
        if (d.item.drill) {
          ++s.drills;
        } else {
          ++s.cards;
          s.passed += d.grade >= 3 ? 1 : 0;
          s.new_cards += d.item.card.sm2.state == schedule::CardState::new_card ? 1 : 0;
        }
        if (d.became_leech) s.leeches.push_back({d.item.card.question, d.leech_where});
        break;
      case Kind::suspend:
        ++s.suspended;
        break;
      case Kind::bury:
        ++s.buried;
        break;
    }
  }
  return s;
}

SessionSummary Session::run() {
  QueuePlan plan = plan_queue(m_store, m_options, m_today);
  for (auto& card : plan.cards) m_queue.push_back({std::move(card), false, false});
  m_total = static_cast<int>(m_queue.size());

  bool quit = false;
  bool interrupted = false;
  if (m_queue.empty()) {
    m_terminal.out() << "Nothing to review today";
    count_held_back(plan, m_store, m_options, m_today);
    if (plan.new_held_back > 0 || plan.due_held_back > 0) {
      m_terminal.out() << " (the daily limits are reached; --new, --reviews or `recall limits` "
                          "change them)";
    }
    m_terminal.out() << ".\n";
  } else if (m_terminal.interactive()) {
    m_raw.emplace(true);
  }
  while (!m_queue.empty()) {
    Item item = std::move(m_queue.front());
    m_queue.pop_front();
    if (!item.loaded) {  // read now, not all at the start: the first card shows sooner
      auto full = m_store.card_by_id(item.card.id);
      // Retired by an import or suspended since the queue was planned: as refresh_queue().
      if (!full || full->sm2.state == schedule::CardState::retired ||
          full->sm2.state == schedule::CardState::suspended) {
        continue;
      }
      item.card = std::move(*full);
      item.loaded = true;
    }
    const auto shown = steady_clock::now();
    const Outcome outcome = present(item);
    const auto elapsed = std::chrono::duration_cast<milliseconds>(steady_clock::now() - shown);
    if (outcome.end || outcome.command == Command::quit || outcome.command == Command::interrupt) {
      quit = !outcome.end;
      interrupted = outcome.command == Command::interrupt;
      break;
    }
    switch (outcome.command) {
      case Command::grade:
        answer(item, outcome.grade, elapsed);
        break;
      case Command::suspend:
        suspend(item);
        break;
      case Command::bury:
        bury(item);
        break;
      case Command::undo:
        m_queue.push_front(std::move(item));
        undo();
        break;
      default:
        break;  // the card left the session (edited out of its note)
    }
    // On a terminal the last change can still be taken back before the session ends.
    if (m_queue.empty() && m_raw && !m_history.empty()) {
      const Command last = finish_screen();
      if (last == Command::undo && undo()) continue;
      interrupted = last == Command::interrupt;
      quit = interrupted;
      break;
    }
  }
  m_raw.reset();

  SessionSummary summary = summarize();
  summary.quit = quit;
  summary.interrupted = interrupted;
  count_held_back(plan, m_store, m_options, m_today);
  summary.due_held_back = plan.due_held_back;
  summary.new_held_back = plan.new_held_back;
  summary.streak_days = streak_days(m_store.review_days(), m_today);
  summary.due_tomorrow = m_store.due_between(m_options.filter, std::chrono::sys_days{},
                                             m_today + std::chrono::days{1});
  return summary;
}

}  // namespace

SessionSummary run_session(store::Store& store, Terminal& terminal, const SessionOptions& options,
                           const core::Now& now, std::chrono::sys_days today) {
  Session session(store, terminal, options, now, today);
  return session.run();
}

std::vector<store::Card> session_queue(store::Store& store, const SessionOptions& options,
                                       std::chrono::sys_days today) {
  const QueuePlan plan = plan_queue(store, options, today);
  return store.cards_by_id(plan.ids);
}

int streak_days(const std::vector<std::chrono::sys_days>& days, std::chrono::sys_days today) {
  // Days after today (answers logged with a clock set ahead) are not part of it.
  auto day = std::find_if(days.begin(), days.end(), [&](auto d) { return d <= today; });
  if (day == days.end()) return 0;
  auto expected = *day == today ? today : today - std::chrono::days{1};
  int streak = 0;
  for (; day != days.end() && *day == expected; ++day) {
    ++streak;
    expected -= std::chrono::days{1};
  }
  return streak;
}

void print_summary(Terminal& t, const SessionSummary& s) {
  auto& out = t.out();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(s.time).count();
  const int percent = s.cards > 0 ? (s.passed * 100 + s.cards / 2) / s.cards : 0;
  out << '\n'
      << t.paint("Session", Style::bold) << ": " << s.cards << " card" << (s.cards == 1 ? "" : "s")
      << " reviewed";
  if (s.drills > 0) out << " (+" << s.drills << " repeat" << (s.drills == 1 ? "" : "s") << ")";
  // A share of no cards means nothing: "0% graded 3 or better" read as a failed session.
  if (s.cards > 0) out << ", " << percent << "% graded 3 or better";
  out << ", " << s.new_cards << " new, " << seconds / 60
      << "m" << (seconds % 60 < 10 ? "0" : "") << seconds % 60 << "s.\n";
  if (s.suspended > 0 || s.buried > 0) {
    out << "Suspended " << s.suspended << ", buried " << s.buried << " until tomorrow.\n";
  }
  for (const Leech& leech : s.leeches) {
    out << t.paint("Leech", Style::bad) << " (suspended, rewrite it): " << leech.where << "  "
        << short_question(leech.question) << '\n';
  }
  if (s.due_held_back > 0 || s.new_held_back > 0) {
    out << "Left for another day by the daily limits: ";
    if (s.due_held_back > 0) out << s.due_held_back << " due" << (s.new_held_back > 0 ? ", " : "");
    if (s.new_held_back > 0) out << s.new_held_back << " new";
    out << ".\n";
  }
  out << "Streak: " << days_text(s.streak_days) << ". Due tomorrow: " << s.due_tomorrow << ".\n";
}

}  // namespace recall::review
