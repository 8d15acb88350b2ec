#include "recall/review/queue.hpp"

#include <algorithm>
#include <cstddef>

namespace recall::review {
namespace {

using Limits = std::vector<DailyLimit>;

// The limits of one kind. See session_limits().
Limits limits_of_kind(store::Store& store, const store::CardFilter& filter, std::optional<int> flag,
                      int default_per_day, std::optional<int> store::DeckLimits::*field,
                      store::ReviewKind kind, std::chrono::sys_days today) {
  Limits limits;
  if (flag) {
    limits.push_back({filter.deck, *flag, 0});
  } else {
    bool everything = false;
    for (const auto& [deck, set] : store.deck_limits()) {
      const std::optional<int>& value = set.*field;
      if (!value) continue;
      // A deck above the session's (it covers all of it) or below it (it covers part of it).
      if (!deck_under(filter.deck, deck) && !deck_under(deck, filter.deck)) continue;
      limits.push_back({deck, *value, 0});
      everything = everything || deck.empty();
    }
    if (!everything) limits.push_back({"", default_per_day, 0});
  }
  for (DailyLimit& limit : limits) {
    const int done = store.answers_on({limit.deck}, today, kind);
    limit.remaining = std::max(limit.per_day - done, 0);
  }
  return limits;
}

// Keeps the cards (in order) for which every covering limit has room, and uses that room.
std::vector<store::Card> within(const std::vector<store::Card>& cards, Limits& limits,
                                int& held_back) {
  std::vector<store::Card> kept;
  for (const store::Card& card : cards) {
    const bool room = std::all_of(limits.begin(), limits.end(), [&](const DailyLimit& limit) {
      return limit.remaining > 0 || !deck_under(card.deck, limit.deck);
    });
    if (!room) {
      ++held_back;
      continue;
    }
    for (DailyLimit& limit : limits) {
      if (deck_under(card.deck, limit.deck)) --limit.remaining;
    }
    kept.push_back(card);
  }
  return kept;
}

}  // namespace

bool deck_under(std::string_view deck, std::string_view parent) {
  if (parent.empty() || deck == parent) return true;
  return deck.size() > parent.size() && deck.substr(0, parent.size()) == parent &&
         deck[parent.size()] == '/';
}

SessionLimits session_limits(store::Store& store, const store::CardFilter& filter,
                             std::optional<int> new_per_day, std::optional<int> reviews_per_day,
                             std::chrono::sys_days today, int default_new, int default_reviews) {
  SessionLimits limits;
  limits.reviews =
      limits_of_kind(store, filter, reviews_per_day, default_reviews,
                     &store::DeckLimits::reviews_per_day, store::ReviewKind::scheduled, today);
  limits.new_cards =
      limits_of_kind(store, filter, new_per_day, default_new, &store::DeckLimits::new_per_day,
                     store::ReviewKind::new_card, today);
  return limits;
}

QueuePlan build_queue(const std::vector<store::Card>& due, const std::vector<store::Card>& fresh,
                      SessionLimits limits, int max_cards) {
  QueuePlan plan;
  std::vector<store::Card> reviews = within(due, limits.reviews, plan.due_held_back);
  std::vector<store::Card> news = within(fresh, limits.new_cards, plan.new_held_back);
  if (max_cards > 0) {
    const auto cap = static_cast<std::size_t>(max_cards);
    if (reviews.size() > cap) reviews.resize(cap);
    if (news.size() > cap - reviews.size()) news.resize(cap - reviews.size());
  }

  const std::size_t r = reviews.size();
  const std::size_t k = news.size();
  plan.cards.reserve(r + k);
  std::size_t next_new = 0;
  for (std::size_t placed = 0; placed <= r; ++placed) {
    while (next_new < k && (next_new + 1) * r / (k + 1) <= placed) {
      plan.cards.push_back(std::move(news[next_new++]));
    }
    if (placed < r) plan.cards.push_back(std::move(reviews[placed]));
  }
  return plan;
}

}  // namespace recall::review
