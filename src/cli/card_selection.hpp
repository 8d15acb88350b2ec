// Private to src/cli: choosing cards by key or by query, as `recall cards` and the management
// commands (`show`, `suspend`, `unsuspend`, `forget`, `bury`) do.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"

namespace recall::cli {

struct CardSelection {
  std::vector<std::string> keys;
  std::string deck, search, state, tag;
  bool due = false;
  bool any_query() const {
    return !deck.empty() || !search.empty() || !state.empty() || !tag.empty() || due;
  }
};

// Adds --deck, --search, --state, --due and --tag to `app`.
void add_query_options(CLI::App& app, CardSelection& selection);

// The store's query for the options (today from `context`). Throws recall::Error (exit 3) for
// a deck that has no cards, naming the nearest.
store::CardQuery to_query(const CardSelection& selection, store::Store& store,
                          const Context& context);

// The ids of the cards named by key, then those the query selects (when it has any option),
// each once, in that order. Throws recall::Error, exit 3, for a key no card has, and exit 2 when
// neither keys nor a query were given.
std::vector<std::int64_t> select_cards(const CardSelection& selection, store::Store& store,
                                       const Context& context);

}  // namespace recall::cli
