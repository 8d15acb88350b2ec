// Private to src/cli: what `recall stats` and `recall report` share, the options that choose the
// figures and the reading of them.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "context.hpp"
#include "recall/stats/stats.hpp"

namespace recall::cli {

struct StatsFilters {
  std::string deck;
  std::string since;
  std::string by = "deck";
  int top = 10;
};

// Adds --deck, --since, --by and --top to `app`, read into `filters`.
void add_stats_filters(CLI::App& app, StatsFilters& filters);

// Opens (never creating; migrating) the database, checks that the deck exists, and computes the
// figures the filters choose.
stats::Report read_report(const StatsFilters& filters, const Context& context);

}  // namespace recall::cli
