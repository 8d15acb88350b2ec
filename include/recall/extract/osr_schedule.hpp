// Obsidian Spaced Repetition's schedule comments: `<!--SR:!2026-03-10,3,250-->`.
#pragma once

#include <string_view>
#include <vector>

#include "recall/extract/card_draft.hpp"

namespace recall::extract {

// The schedules of the first `<!--SR:…-->` comment in `text`: one `!due,interval,ease` group per
// card of the item (a `:::` or `??` item has two), in order. A group that does not read (a date
// that is not YYYY-MM-DD, an interval outside 1..36500, an ease that is not a whole number) ends
// the list there; an ease below 130 is taken as 130, SM-2's lowest E-Factor.
std::vector<SeedSchedule> parse_osr_schedule(std::string_view text);

}  // namespace recall::extract
