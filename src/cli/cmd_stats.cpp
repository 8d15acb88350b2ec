// recall stats: workload, true retention, forecast, review calendar, distributions and where
// retention fails. The figures come from src/stats; this file reads the options and prints.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/stats/render.hpp"

namespace recall::cli {

struct StatsOptions {
  std::string deck;
  std::string since;
  std::string by = "deck";
  int top = 10;
  bool json = false;
};

namespace {

int run_stats(const StatsOptions& o, const Context& context) {
  const auto options = stats::make_options(o.deck, o.since, o.by, o.top, context.today());
  open_store(context);  // creates and migrates the database
  store::StatsReader reader(context.db_path());
  const auto report = stats::build_report(reader, options);
  if (o.json) {
    std::cout << stats::to_json(report) << '\n';
    return kExitOk;
  }
  auto& t = *context.terminal;
  // Charts only where colour is: a terminal without NO_COLOR, or --color always.
  stats::render_text(report, {t.color(), t.color(), t.width()}, t.out());
  return kExitOk;
}

}  // namespace

Command setup_stats(CLI::App& parent) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* app = parent.add_subcommand(
      "stats", "Workload, true retention, forecast, review calendar and weak spots");
  app->add_option("--deck", options->deck, "Only this deck and its sub-decks");
  app->add_option("--since", options->since,
                  "Figures from the review log only from this day on (YYYY-MM-DD)");
  app->add_option("--by", options->by, "Retention per deck, note file or heading, worst first")
      ->check(CLI::IsMember({"deck", "file", "section"}));
  app->add_option("--top", options->top, "Length of the lists of cards and groups (0: all)")
      ->check(CLI::NonNegativeNumber);
  app->add_flag("--json", options->json, "One JSON object with every figure (docs/stats.md)");
  app->footer(
      "Charts are drawn on a terminal; with NO_COLOR, --color never or a pipe the same figures "
      "are printed as plain numbers.");
  return {app, [options](const Context& context) { return run_stats(*options, context); }};
}

}  // namespace recall::cli
