// recall stats: what is stored, what is due, how well it is retained.
#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/stats/stats.hpp"

namespace recall::cli {

struct StatsOptions {
  std::string deck;
  bool json = false;
};

namespace {

int run_stats(const StatsOptions& options, const Context& context) {
  auto store = open_store(context);
  const auto s = stats::summarize(*store, {options.deck}, context.today());
  if (options.json) {
    nlohmann::json out = {
        {"today", core::format_date(s.today)},
        {"deck", options.deck},
        {"cards",
         {{"total", s.total},
          {"new", s.states.new_cards},
          {"learning", s.states.learning},
          {"review", s.states.review},
          {"suspended", s.states.suspended},
          {"retired", s.states.retired}}},
        {"due",
         {{"today", s.due_today}, {"tomorrow", s.due_tomorrow}, {"next_7_days", s.due_week}}},
        {"reviews_today", s.reviews_today},
        {"retention_30_days",
         {{"reviews", s.retention_reviews},
          {"passed", s.retention_passed},
          {"rate", s.retention() ? nlohmann::json(*s.retention()) : nlohmann::json(nullptr)}}}};
    std::cout << out.dump() << '\n';
    return kExitOk;
  }
  auto& t = *context.terminal;
  auto& out = t.out();
  out << t.paint("Cards", review::Style::bold) << "  " << s.total
      << " in all: " << s.states.new_cards << " new, " << s.states.learning << " learning, "
      << s.states.review << " review, " << s.states.suspended << " suspended, " << s.states.retired
      << " retired\n";
  out << t.paint("Due", review::Style::bold) << "    " << s.due_today << " today, "
      << s.due_tomorrow << " tomorrow, " << s.due_week << " in the next 7 days\n";
  out << t.paint("Today", review::Style::bold) << "  " << s.reviews_today << " answers ("
      << core::format_date(s.today) << ")\n";
  out << t.paint("Retention", review::Style::bold) << " (last 30 days, scheduled reviews): ";
  if (auto rate = s.retention()) {
    out << std::lround(*rate * 100) << "% (" << s.retention_passed << " of " << s.retention_reviews
        << " graded 3 or better)\n";
  } else {
    out << "no scheduled reviews yet\n";
  }
  return kExitOk;
}

}  // namespace

Command setup_stats(CLI::App& parent) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* app = parent.add_subcommand("stats", "Cards by state, workload and retention");
  app->add_option("--deck", options->deck, "Only this deck and its sub-decks");
  app->add_flag("--json", options->json, "One JSON object (fields in README.md)");
  return {app, [options](const Context& context) { return run_stats(*options, context); }};
}

}  // namespace recall::cli
