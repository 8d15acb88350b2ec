// The review session on a store in memory, driven as from a pipe: undo, suspend, bury, leeches,
// limits, the streak. No assertion looks at time.
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "recall/core/error.hpp"
#include "recall/review/queue.hpp"
#include "recall/review/session.hpp"
#include "recall/schedule/leech.hpp"
#include "recall/store/store.hpp"

using namespace recall;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

constexpr sys_days kToday{std::chrono::year{2026} / 3 / 1};
const core::Now kNow{std::chrono::sys_seconds{kToday} + std::chrono::hours{1}, {}};

extract::CardDraft draft(const std::string& term, const std::string& deck, int line) {
  extract::CardDraft d;
  d.deck = deck;
  d.term = term;
  d.question = term + "?";
  d.answer = "answer of " + term;
  d.kind = "qa";
  d.rule = "qa-pair";
  d.source = deck + ".md";
  d.line = line;
  return d;
}

// A store with cards `A?`, `B?`, ... in deck `d` (and any extra decks given).
std::unique_ptr<store::Store> store_with(const std::vector<std::string>& terms,
                                         const std::string& deck = "d") {
  auto s = store::Store::in_memory();
  std::vector<extract::CardDraft> drafts;
  int line = 1;
  for (const auto& term : terms) drafts.push_back(draft(term, deck, line += 2));
  store::NoteInput note;
  note.path = "/n/" + deck + ".md";
  note.source = deck + ".md";
  note.content_hash = "h";
  note.drafts = std::move(drafts);
  auto plan = s->plan_import({note}, {"/n/" + deck + ".md"}, {});
  s->apply_import(plan, kNow.utc);
  return s;
}

store::Card by_question(store::Store& s, const std::string& question) {
  for (auto& c : s.cards({})) {
    if (c.question == question) return c;
  }
  FAIL("no card " << question);
  return {};
}

struct Run {
  review::SessionSummary summary;
  std::string out;
};

Run piped(store::Store& s, const std::string& input, review::SessionOptions options = {},
          sys_days today = kToday) {
  std::istringstream in(input);
  std::ostringstream out;
  review::Terminal terminal(in, out, false, false, false);
  Run run;
  run.summary = review::run_session(s, terminal, options, kNow, today);
  review::print_summary(terminal, run.summary);
  run.out = out.str();
  return run;
}

}  // namespace

TEST_CASE("session: u takes back the last answer, state and log", "[review][session]") {
  auto s = store_with({"A", "B"});
  // A graded 5, taken back, graded 3 (then drilled 4); B graded 4.
  const auto run = piped(*s, "5\nu\n3\n4\n4\n");
  CHECK(run.out.find("Undone: grade 5 on \"A?\".") != std::string::npos);
  const auto a = by_question(*s, "A?");
  CHECK(a.reviews == 2);  // the 3 and its drill; the 5 is gone from the log
  CHECK(a.sm2.ef_centi == 236);
  CHECK(a.sm2.repetitions == 1);
  CHECK(by_question(*s, "B?").reviews == 1);
  CHECK(run.summary.cards == 2);
  CHECK(run.summary.drills == 1);
  CHECK(run.summary.new_cards == 2);
  CHECK(s->answers_on({}, kToday, store::ReviewKind::new_card) == 2);
}

TEST_CASE("session: undo goes back through several changes", "[review][session]") {
  auto s = store_with({"A", "B", "C"});
  // A 2 (a drill is queued), B suspended, then undo twice: B back, A's answer gone with its drill.
  const auto run = piped(*s, "2\ns\nu\nu\nq\n");
  CHECK(run.summary.quit);
  CHECK(by_question(*s, "A?").reviews == 0);
  CHECK(by_question(*s, "A?").sm2.state == schedule::CardState::new_card);
  CHECK(by_question(*s, "B?").sm2.state == schedule::CardState::new_card);
  CHECK(run.summary.cards == 0);
  CHECK(run.summary.suspended == 0);
  CHECK(run.out.find("Nothing to undo") == std::string::npos);
  // Nothing left to take back.
  auto again = store_with({"A"});
  CHECK(piped(*again, "u\nq\n").out.find("Nothing to undo.") != std::string::npos);
}

TEST_CASE("session: s suspends, b buries until tomorrow", "[review][session]") {
  auto s = store_with({"A", "B", "C"});
  const auto run = piped(*s, "s\nb\n5\n");
  CHECK(run.summary.suspended == 1);
  CHECK(run.summary.buried == 1);
  CHECK(run.summary.cards == 1);
  CHECK(by_question(*s, "A?").sm2.state == schedule::CardState::suspended);
  const auto b = by_question(*s, "B?");
  CHECK(b.sm2.state == schedule::CardState::new_card);
  CHECK(s->card_marks(b.id).buried_until == kToday + days{1});
  CHECK(run.out.find("Suspended 1, buried 1 until tomorrow.") != std::string::npos);

  // Today B stays hidden; tomorrow it is back (A stays suspended).
  CHECK(review::session_queue(*s, {}, kToday).empty());
  const auto tomorrow = review::session_queue(*s, {}, kToday + days{1});
  std::vector<std::string> questions;
  for (const auto& c : tomorrow) questions.push_back(c.question);
  CHECK(questions == std::vector<std::string>{"B?", "C?"});
}

TEST_CASE("session: undo of suspend and bury restores the card", "[review][session]") {
  auto s = store_with({"A", "B"});
  piped(*s, "s\nu\nb\nu\nq\n");
  const auto a = by_question(*s, "A?");
  CHECK(a.sm2.state == schedule::CardState::new_card);
  CHECK_FALSE(s->card_marks(a.id).buried_until.has_value());
  CHECK(review::session_queue(*s, {}, kToday).size() == 2);
}

TEST_CASE("session: the eighth lapse suspends a leech and names its note", "[review][session]") {
  auto s = store_with({"A"});
  const auto card = by_question(*s, "A?");
  // Put the card in review with 7 lapses, due today.
  store::ReviewRecord setup;
  setup.card_id = card.id;
  setup.reviewed_at = kNow.utc - days{10};
  setup.review_day = kToday - days{10};
  setup.grade = 4;
  setup.before = card.sm2;
  setup.after = card.sm2;
  setup.after.state = schedule::CardState::review;
  setup.after.repetitions = 3;
  setup.after.interval_days = 10;
  setup.after.lapses = schedule::kLeechLapses - 1;
  setup.after.due = kToday;
  setup.kind = store::ReviewKind::scheduled;
  s->record_answer(setup, false);

  const auto run = piped(*s, "1\n");
  const auto leech = by_question(*s, "A?");
  CHECK(leech.sm2.lapses == schedule::kLeechLapses);
  CHECK(leech.sm2.state == schedule::CardState::suspended);
  CHECK(s->card_marks(leech.id).leech);
  REQUIRE(run.summary.leeches.size() == 1);
  CHECK(run.summary.leeches[0].where == "/n/d.md:3");
  CHECK(run.out.find("Leech: \"A?\" was forgotten 8 times and is now suspended. Rewrite it in "
                     "/n/d.md:3.") != std::string::npos);
  CHECK(run.summary.drills == 0);  // a leech is not drilled

  // Undo puts it back: in review, 7 lapses, no leech mark.
  auto s2 = store_with({"A", "B"});
  const auto c2 = by_question(*s2, "A?");
  setup.card_id = c2.id;
  s2->record_answer(setup, false);
  piped(*s2, "1\nu\nq\n");
  const auto back = by_question(*s2, "A?");
  CHECK(back.sm2.state == schedule::CardState::review);
  CHECK(back.sm2.lapses == schedule::kLeechLapses - 1);
  CHECK_FALSE(s2->card_marks(back.id).leech);
}

TEST_CASE("session: leech rule", "[review][session]") {
  schedule::ReviewState before;
  before.lapses = 7;
  schedule::ReviewState after = before;
  after.lapses = 8;
  CHECK(schedule::becomes_leech(before, after, false));
  CHECK_FALSE(schedule::becomes_leech(before, after, true));  // marked already
  CHECK_FALSE(schedule::becomes_leech(after, after, false));  // no lapse this time
  before.lapses = 8;
  after.lapses = 9;
  CHECK(schedule::becomes_leech(before, after, false));
  before.lapses = 5;
  after.lapses = 6;
  CHECK_FALSE(schedule::becomes_leech(before, after, false));
}

TEST_CASE("session: Ctrl-C from a pipe interrupts, answers kept", "[review][session]") {
  auto s = store_with({"A", "B"});
  const auto run = piped(*s, "4\n\x03\n");
  CHECK(run.summary.interrupted);
  CHECK(run.summary.quit);
  CHECK(by_question(*s, "A?").reviews == 1);
  CHECK(by_question(*s, "B?").reviews == 0);
}

TEST_CASE("session: bad lines are refused and read again", "[review][session]") {
  auto s = store_with({"A"});
  const auto run = piped(*s, "e\n?\n9\n4\n");
  CHECK(run.out.find("expected a grade 0-5 or q (quit), u (undo), s (suspend) or b (bury), got "
                     "'e'") != std::string::npos);
  CHECK(run.summary.cards == 1);
}

TEST_CASE("session: daily limits per deck, held across sessions", "[review][session]") {
  auto s = store_with({"A", "B", "C", "D"}, "ml/a");
  store::NoteInput other;
  other.path = "/n/ir.md";
  other.source = "ir.md";
  other.content_hash = "h";
  other.drafts = {draft("X", "ir", 1), draft("Y", "ir", 3)};
  s->apply_import(s->plan_import({other}, {"/n/ir.md"}, {}), kNow.utc);

  s->set_deck_limits("ml", {1, std::nullopt});
  CHECK(s->deck_limits().at("ml").new_per_day == 1);
  // Default 20 over every deck, 1 for ml: A, then X and Y.
  std::vector<std::string> first;
  for (const auto& c : review::session_queue(*s, {}, kToday)) first.push_back(c.question);
  CHECK(first == std::vector<std::string>{"X?", "Y?", "A?"});  // deck order: ir, then ml/a
  piped(*s, "5\n5\n5\n");
  // The limit holds in the next session of the day; tomorrow it is back.
  CHECK(review::session_queue(*s, {}, kToday).empty());
  CHECK(review::session_queue(*s, {{"ml"}, 0, std::nullopt, std::nullopt}, kToday).empty());
  CHECK(review::session_queue(*s, {{"ml"}, 0, 3, std::nullopt}, kToday).size() == 2);  // flag
  // Limits on ""; a sub-deck's own limit.
  s->set_deck_limits("", {std::nullopt, 0});
  const auto limits = review::session_limits(*s, {}, std::nullopt, std::nullopt, kToday);
  REQUIRE(limits.reviews.size() == 1);
  CHECK(limits.reviews[0].deck.empty());
  CHECK(limits.reviews[0].per_day == 0);
  REQUIRE(limits.new_cards.size() == 2);  // ml (1, spent) and the default over every deck
  CHECK(limits.new_cards[0].deck == "ml");
  CHECK(limits.new_cards[0].remaining == 0);
  CHECK(limits.new_cards[1].per_day == review::kDefaultNewPerDay);
  CHECK(limits.new_cards[1].remaining == review::kDefaultNewPerDay - 3);
  s->set_deck_limits("ml", {});
  CHECK_FALSE(s->deck_limits().contains("ml"));
}

TEST_CASE("session: nothing to review says why", "[review][session]") {
  auto s = store_with({"A"});
  CHECK(piped(*s, "").out.find("Nothing to review today") == std::string::npos);
  review::SessionOptions options;
  options.new_per_day = 0;
  const auto run = piped(*s, "", options);
  CHECK(run.out.find("Nothing to review today (the daily limits are reached") != std::string::npos);
}

TEST_CASE("session: streak of review days", "[review][session]") {
  using review::streak_days;
  const auto d = [](int n) { return kToday - days{n}; };
  CHECK(streak_days({}, kToday) == 0);
  CHECK(streak_days({d(0)}, kToday) == 1);
  CHECK(streak_days({d(0), d(1), d(2), d(4)}, kToday) == 3);
  CHECK(streak_days({d(1), d(2)}, kToday) == 2);  // not yet today: still alive
  CHECK(streak_days({d(2), d(3)}, kToday) == 0);
  CHECK(streak_days({kToday + days{1}, d(0)}, kToday) == 1);
}

TEST_CASE("store: undo_answer only takes back the card's own row", "[review][store]") {
  auto s = store_with({"A", "B"});
  const auto a = by_question(*s, "A?");
  const auto b = by_question(*s, "B?");
  store::ReviewRecord record;
  record.card_id = a.id;
  record.reviewed_at = kNow.utc;
  record.review_day = kToday;
  record.grade = 5;
  record.before = a.sm2;
  record.after = schedule::answer(a.sm2, 5, kToday);
  record.kind = store::ReviewKind::new_card;
  const auto id = s->record_answer(record, false);
  CHECK_THROWS_AS(s->undo_answer(b.id, id, b.sm2, false), Error);
  CHECK(by_question(*s, "A?").reviews == 1);
  s->undo_answer(a.id, id, a.sm2, false);
  CHECK(by_question(*s, "A?").reviews == 0);
  CHECK(by_question(*s, "A?").sm2.state == schedule::CardState::new_card);
  CHECK_THROWS_AS(s->undo_answer(a.id, id, a.sm2, false), Error);
  CHECK(s->review_days().empty());
}
