// recall review: the daily session.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "guidance.hpp"
#include "recall/core/error.hpp"
#include "recall/review/session.hpp"
#include "recall/store/lock.hpp"

namespace recall::cli {

struct ReviewOptions {
  std::string deck;
  int limit = 0;
  std::optional<int> new_per_day;
  std::optional<int> reviews_per_day;
  std::optional<int> buttons;
};

namespace {

int run_review(const ReviewOptions& options, const Context& context) {
  auto store = open_existing_store(context);
  require_deck(*store, options.deck);
  // Not a count by state: that reads every card (0.15 s at 1M cards) before the first question.
  if (!store->has_cards()) {
    context.terminal->out() << "The collection has no cards yet: `recall import NOTES` makes "
                               "them from a folder of markdown notes (or one note file).\n";
    return kExitOk;
  }
  // One session at a time per database (docs/ARCHITECTURE.md, "Concurrency").
  long holder = 0;
  const auto session_lock = store::ProcessLock::try_take(context.db_path(), "review", holder);
  if (!session_lock) {
    throw Error("another review session is open on this database (process " +
                    std::to_string(holder) + "); finish it first",
                context.db_path().string());
  }
  review::SessionOptions session;
  session.filter.deck = options.deck;
  session.limit = options.limit;
  session.new_per_day = options.new_per_day;
  session.reviews_per_day = options.reviews_per_day;
  const auto& settings = context.settings;
  session.buttons = options.buttons.value_or(settings.buttons.value);
  session.default_new_per_day = settings.new_per_day.value;
  session.default_reviews_per_day = settings.reviews_per_day.value;
  session.editor = settings.editor.value;
  auto summary =
      review::run_session(*store, *context.terminal, session, context.now, context.today());
  review::print_summary(*context.terminal, summary);
  return summary.interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace

Command setup_review(CLI::App& parent) {
  auto options = std::make_shared<ReviewOptions>();
  CLI::App* app = parent.add_subcommand("review", "Review the cards due today, then new cards");
  app->add_option("--deck", options->deck,
                  "Only this deck and its sub-decks (e.g. ml or ml/entropy)");
  app->add_option("--limit", options->limit, "Show at most N cards (0: no limit)")
      ->check(count_check());
  app->add_option("--new", options->new_per_day,
                  "New cards per day, counted across sessions; replaces the deck limits "
                  "(default: `recall limits`, else 20)")
      ->check(count_check());
  app->add_option("--reviews", options->reviews_per_day,
                  "Reviews per day, counted across sessions; replaces the deck limits "
                  "(default: `recall limits`, else 200)")
      ->check(count_check());
  app->add_option("--buttons", options->buttons,
                  "Grade keys: 6 (SM-2's 0-5) or 4 (Anki's 1 again, 2 hard, 3 good, 4 easy = SM-2 "
                  "1, 3, 4, 5); default: the settings file's `buttons`, else 6")
      ->check(CLI::IsMember({4, 6}));
  app->footer(
      "On a terminal: space or Enter shows the answer, 0-5 grades it, u undoes, s suspends the "
      "card, b buries it until tomorrow, e edits its note, ? lists the keys, q quits. With a "
      "Korean input method, ㅕ ㄴ ㅠ ㄷ ㅂ work as u s b e q.\n"
      "From a pipe: question and answer are printed, then one line per card is read: a grade 0-5, "
      "u, s, b or q.\n"
      "Grades (SM-2): 0 blackout, 1 wrong but recognised, 2 wrong but it seemed easy, 3 right with "
      "serious difficulty, 4 right after a hesitation, 5 perfect. Cards graded below 4 come back "
      "later in the session. Under the answer each grade shows the interval it schedules.");
  return {app, [options](const Context& context) { return run_review(*options, context); }};
}

}  // namespace recall::cli
