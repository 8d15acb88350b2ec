#include "stats_filters.hpp"

#include "commands.hpp"
#include "guidance.hpp"
#include "recall/store/stats_queries.hpp"

namespace recall::cli {

void add_stats_filters(CLI::App& app, StatsFilters& filters) {
  app.add_option("--deck", filters.deck, "Only this deck and its sub-decks");
  app.add_option("--since", filters.since,
                 "Figures from the review log only from this day on (YYYY-MM-DD)");
  app.add_option("--by", filters.by, "Retention per deck, note file or heading, worst first")
      ->check(CLI::IsMember({"deck", "file", "section"}));
  app.add_option("--top", filters.top, "Length of the lists of cards and groups (0: all)")
      ->check(count_check());
}

stats::Report read_report(const StatsFilters& filters, const Context& context) {
  const auto options =
      stats::make_options(filters.deck, filters.since, filters.by, filters.top, context.today());
  // Migrates the database; a missing one is an error, not a new empty collection.
  require_deck(*open_existing_store(context), filters.deck);
  store::StatsReader reader(context.db_path());
  return stats::build_report(reader, options);
}

}  // namespace recall::cli
