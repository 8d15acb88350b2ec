// Figures for `recall stats`, computed from the store.
#pragma once

#include <chrono>
#include <optional>

#include "recall/store/store.hpp"

namespace recall::stats {

struct Summary {
  std::chrono::sys_days today;
  store::StateCounts states;
  int total = 0;              // every card, retired included
  int due_today = 0;          // learning and review cards due on or before today
  int due_tomorrow = 0;       // due exactly tomorrow
  int due_week = 0;           // due in the 7 days after today
  int reviews_today = 0;      // every answer logged today, drills included
  int retention_reviews = 0;  // scheduled reviews in the last 30 days (today included)
  int retention_passed = 0;   // ... graded >= 3
  std::optional<double> retention() const {
    if (retention_reviews == 0) return std::nullopt;
    return static_cast<double>(retention_passed) / retention_reviews;
  }
};

// Reads the figures for the cards matching `filter` as of `today`.
Summary summarize(store::Store& store, const store::CardFilter& filter,
                  std::chrono::sys_days today);

}  // namespace recall::stats
