// recall stats: workload, true retention, forecast, review calendar, distributions and where
// retention fails. The figures come from src/stats; this file reads the options and prints.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>

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

std::optional<int> columns_from_environment() {
  const char* env = std::getenv("COLUMNS");
  if (!env || !*env) return std::nullopt;
  char* end = nullptr;
  const long columns = std::strtol(env, &end, 10);
  if (*end != '\0' || columns <= 0 || columns > 10000) return std::nullopt;
  return static_cast<int>(columns);
}

int run_stats(const StatsOptions& o, const Context& context) {
  const auto report = read_report(o.filters, context);
  if (o.json) {
    std::cout << stats::to_json(report) << '\n';
    return kExitOk;
  }
  auto& t = *context.terminal;
  // Charts on a terminal (NO_COLOR takes the colour away, not the charts) or with --color always;
  // plain numbers into a pipe. $COLUMNS, when set, says how wide to draw, else the window.
  const bool charts = t.output_is_terminal() || t.color();
  stats::render_text(report, {charts, t.color(), columns_from_environment().value_or(t.width())},
                     t.out());
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
      "Charts are drawn on a terminal, with or without colour (NO_COLOR, --color never): block "
      "characters carry the figures. Into a pipe the same figures are printed as plain numbers "
      "(--color always draws the charts there too). Lines fit $COLUMNS, else the window, down "
      "to 40 columns.");
  return {app, [options](const Context& context) { return run_stats(*options, context); }};
}

}  // namespace recall::cli
