// The day's queue: which cards a session shows, in which order, within the daily limits.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recall/store/store.hpp"

namespace recall::review {

constexpr int kDefaultNewPerDay = 20;
constexpr int kDefaultReviewsPerDay = 200;

// One daily limit and what is left of it today.
struct DailyLimit {
  std::string deck;   // the deck it covers with its sub-decks; "" for every deck
  int per_day = 0;    // as set
  int remaining = 0;  // per_day minus today's answers in its decks, never below 0
};

struct SessionLimits {
  std::vector<DailyLimit> reviews;    // on due cards (scheduled reviews)
  std::vector<DailyLimit> new_cards;  // on first sights of new cards
};

// Whether `deck` is `parent` or one of its sub-decks; every deck is under "".
bool deck_under(std::string_view deck, std::string_view parent);

// The limits that apply to a session over `filter` on `today`, each net of the answers already
// logged today in its decks (so they hold across sessions). A flag (`new_per_day`,
// `reviews_per_day`) is the only limit of its kind and covers the session's deck. Without it,
// every limit set with `recall limits` on a deck that can hold a card of the session applies,
// and the default (`default_new`, `default_reviews`: the settings file's, else kDefaultNewPerDay
// and kDefaultReviewsPerDay) covers every deck unless the deck "" has its own.
SessionLimits session_limits(store::Store& store, const store::CardFilter& filter,
                             std::optional<int> new_per_day, std::optional<int> reviews_per_day,
                             std::chrono::sys_days today, int default_new = kDefaultNewPerDay,
                             int default_reviews = kDefaultReviewsPerDay);

struct QueuePlan {
  std::vector<store::Card> cards;  // in the order to show them
  int due_held_back = 0;           // due cards left out by the review limits
  int new_held_back = 0;           // new cards left out by the new-card limits
  // When the session listed only the first cards of a kind, its held-back count is left unknown
  // (-1) and counted only when it is shown: the cards of that kind not in the session (`ids`).
  std::vector<std::int64_t> ids;
};

// Orders a session. `due` (most overdue first) and `fresh` (note order) are taken in their order
// while every limit covering a card's deck has room; then at most `max_cards` (when > 0), due
// cards first; then the new cards are spread evenly among the reviews: with R reviews and K new
// cards, new card j (from 0) comes after floor((j+1) R / (K+1)) reviews.
QueuePlan build_queue(const std::vector<store::Card>& due, const std::vector<store::Card>& fresh,
                      SessionLimits limits, int max_cards);

}  // namespace recall::review
