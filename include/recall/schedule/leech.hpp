// Leeches: cards forgotten so often that reviewing them again wastes the user's time. recall
// suspends them and names the note and line to rewrite (see docs/scheduling.md).
#pragma once

#include "recall/schedule/sm2.hpp"

namespace recall::schedule {

// Lapses at which a card becomes a leech (Anki's default threshold).
constexpr int kLeechLapses = 8;

// Whether the answer that took a card from `before` to `after` makes it a leech: that answer was a
// lapse and brought the count to kLeechLapses or more, and the card is not marked already (a
// leech the user took back into review is not suspended again for every later lapse).
constexpr bool becomes_leech(const ReviewState& before, const ReviewState& after,
                             bool already_leech) {
  return !already_leech && after.lapses > before.lapses && after.lapses >= kLeechLapses;
}

}  // namespace recall::schedule
