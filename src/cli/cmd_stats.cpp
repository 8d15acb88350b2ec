// recall stats: workload, true retention, forecast, review calendar, distributions and where
// retention fails. The figures come from src/stats; this file reads the options and prints.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/stats/render.hpp"
#include "stats_filters.hpp"

namespace recall::cli {

struct StatsOptions {
  StatsFilters filters;
  bool json = false;
};

namespace {

int run_stats(const StatsOptions& o, const Context& context) {
  const auto report = read_report(o.filters, context);
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
  add_stats_filters(*app, options->filters);
  app->add_flag("--json", options->json, "One JSON object with every figure (docs/stats.md)");
  app->footer(
      "Charts are drawn on a terminal; with NO_COLOR, --color never or a pipe the same figures "
      "are printed as plain numbers.");
  return {app, [options](const Context& context) { return run_stats(*options, context); }};
}

}  // namespace recall::cli
