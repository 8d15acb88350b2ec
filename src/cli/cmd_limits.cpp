// recall limits [DECK]: daily limits of new cards and reviews per deck, kept in the database.
#include <CLI/CLI.hpp>
#include <iostream>

#include "commands.hpp"
#include "guidance.hpp"
#include "recall/core/error.hpp"
#include "recall/review/queue.hpp"

namespace recall::cli {

struct LimitsOptions {
  std::string deck;
  std::optional<int> new_per_day;
  std::optional<int> reviews_per_day;
  bool clear = false;
};

namespace {

std::string shown(const std::optional<int>& value, int fallback, bool is_default) {
  if (value) return std::to_string(*value);
  return is_default ? std::to_string(fallback) + " (default)" : "-";
}

int run_limits(const LimitsOptions& options, const Context& context) {
  auto store = open_existing_store(context);
  require_deck(*store, options.deck, true);
  const bool change = options.clear || options.new_per_day || options.reviews_per_day;
  if (change) {
    store::DeckLimits limits;
    if (!options.clear) {
      const auto all = store->deck_limits();
      if (auto found = all.find(options.deck); found != all.end()) limits = found->second;
      if (options.new_per_day) limits.new_per_day = options.new_per_day;
      if (options.reviews_per_day) limits.reviews_per_day = options.reviews_per_day;
    }
    store->set_deck_limits(options.deck, limits);
  }

  // Every deck with a limit, and the collection's own line (deck "", shown as "(all)").
  auto all = store->deck_limits();
  all.try_emplace("");
  auto& out = context.terminal->out();
  out << "deck\tnew/day\treviews/day\tnew today\treviews today\n";
  const auto today = context.today();
  for (const auto& [deck, limits] : all) {
    const bool collection = deck.empty();
    out << (collection ? "(all)" : deck) << '\t'
        << shown(limits.new_per_day, context.settings.new_per_day.value, collection) << '\t'
        << shown(limits.reviews_per_day, context.settings.reviews_per_day.value, collection)
        << '\t'
        << store->answers_on({deck}, today, store::ReviewKind::new_card) << '\t'
        << store->answers_on({deck}, today, store::ReviewKind::scheduled) << '\n';
  }
  return kExitOk;
}

}  // namespace

Command setup_limits(CLI::App& parent) {
  auto options = std::make_shared<LimitsOptions>();
  CLI::App* app =
      parent.add_subcommand("limits", "Show or set the daily limits of new cards and reviews");
  app->add_option("deck", options->deck,
                  "The deck (with its sub-decks) the limits cover; none: every deck");
  app->add_option("--new", options->new_per_day, "New cards per day")->check(count_check());
  app->add_option("--reviews", options->reviews_per_day, "Reviews per day")
      ->check(count_check());
  app->add_flag("--clear", options->clear, "Remove the deck's limits");
  app->footer(
      "A deck's limits cover it and its sub-decks, counting the answers already given today. "
      "A card is shown only while every limit covering it has room. Without any, every deck "
      "shares 20 new cards and 200 reviews a day. `recall review --new N --reviews N` replaces "
      "them for one session.");
  return {app, [options](const Context& context) { return run_limits(*options, context); }};
}

}  // namespace recall::cli
