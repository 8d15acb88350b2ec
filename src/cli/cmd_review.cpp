// recall review: the daily session.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/review/session.hpp"

namespace recall::cli {

struct ReviewOptions {
  std::string deck;
  int limit = 0;
  int new_per_day = 20;
};

namespace {

int run_review(const ReviewOptions& options, const Context& context) {
  auto store = open_store(context);
  review::SessionOptions session;
  session.filter.deck = options.deck;
  session.limit = options.limit;
  session.new_per_day = options.new_per_day;
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
      ->check(CLI::NonNegativeNumber);
  app->add_option("--new", options->new_per_day, "New cards per day, counted across sessions")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app->footer(
      "On a terminal: space or Enter shows the answer, 0-5 grades it, q quits.\n"
      "From a pipe: question and answer are printed, then one line per card is read: a grade 0-5 "
      "or q.\n"
      "Grades (SM-2): 0 blackout, 1 wrong, 2 wrong but familiar, 3 right with effort, 4 right, "
      "5 easy. Cards graded below 4 come back later in the session.");
  return {app, [options](const Context& context) { return run_review(*options, context); }};
}

}  // namespace recall::cli
