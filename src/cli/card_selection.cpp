#include "card_selection.hpp"

#include <algorithm>
#include <unordered_set>

#include "guidance.hpp"
#include "recall/core/error.hpp"

namespace recall::cli {

void add_query_options(CLI::App& app, CardSelection& selection) {
  app.add_option("--deck", selection.deck, "Only this deck and its sub-decks");
  app.add_option("--search", selection.search,
                 "Only cards whose question, answer, deck or source contains TEXT (any case)");
  app.add_option("--state", selection.state, "Only cards in this state")
      ->check(CLI::IsMember(store::card_query_states()));
  app.add_flag("--due", selection.due, "Only cards due today (learning and review)");
  app.add_option("--tag", selection.tag, "Only cards of notes with this front-matter tag");
}

store::CardQuery to_query(const CardSelection& selection, store::Store& store,
                          const Context& context) {
  require_deck(store, selection.deck);
  store::CardQuery query;
  query.deck = selection.deck;
  query.search = selection.search;
  query.state = selection.state;
  query.due = selection.due;
  query.tag = selection.tag;
  query.today = context.today();
  return query;
}

std::vector<std::int64_t> select_cards(const CardSelection& selection, store::Store& store,
                                       const Context& context) {
  if (selection.keys.empty() && !selection.any_query()) {
    throw Error(
        "give card keys (as `recall cards` prints them) or a query (--search, --deck, "
        "--state, --due, --tag)",
        "", kExitUsage);
  }
  std::vector<std::int64_t> ids;
  std::unordered_set<std::int64_t> seen;
  for (const auto& key : selection.keys) {
    const auto card = store.card_by_key(key);
    if (!card) {
      throw Error("no card has the key `" + key +
                      "` (`recall cards --search TEXT` finds a card's key); nothing was changed",
                  "", kExitNotFound);
    }
    if (seen.insert(card->id).second) ids.push_back(card->id);
  }
  if (selection.any_query()) {
    store.each_card(to_query(selection, store, context), [&](const store::Card& card) {
      if (seen.insert(card.id).second) ids.push_back(card.id);
    });
  }
  return ids;
}

}  // namespace recall::cli
