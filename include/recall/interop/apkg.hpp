// Anki packages (.apkg) out: the legacy `collection.anki2` schema (version 11) in a zip, which
// every Anki since 2.0 imports.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "recall/store/store.hpp"

namespace recall::interop {

struct ApkgOptions {
  // Carry each card's schedule (interval, E-Factor as ease, due date, repetitions, lapses,
  // suspension); without it every card is new in Anki.
  bool with_schedule = false;
  std::chrono::sys_days today;  // the collection's creation day: Anki counts due days from it
  int rollover_hour = 4;        // when that day starts (UTC hours past midnight)
  std::int64_t now_ms = 0;      // modification times, and the base of note and card ids
};

// The schedule fields of an Anki card, as written to its `cards` row.
struct AnkiSchedule {
  int type = 0;   // 0 new, 2 review
  int queue = 0;  // 0 new, 2 review, -1 suspended
  std::int64_t due = 0;  // new: position; review: days since the collection's creation day
  int ivl = 0;
  int factor = 0;  // ease in permille (E-Factor 2.50 = 2500)
  int reps = 0;
  int lapses = 0;
};

// What a recall card becomes in Anki. `position` orders new cards. A learning card (answered
// below 3 last time) becomes a review card due on its recall due day, as Anki has no day-based
// learning state; a suspended card keeps its fields and is suspended.
AnkiSchedule anki_schedule(const store::Card& card, std::chrono::sys_days today, int position,
                           bool with_schedule);

// Writes `cards` as an Anki package at `file` (through a temporary file renamed over it): one
// note of the note type "recall Basic" (Front, Back) per card, its question and answer as HTML
// fields (html_field), its deck as an Anki deck (`A::B`, parents included), its tags as tags.
// Throws recall::Error naming the file when it cannot be written.
void write_apkg(const std::vector<store::Card>& cards, const std::filesystem::path& file,
                const ApkgOptions& options);

}  // namespace recall::interop
