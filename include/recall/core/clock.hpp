// The clock and "today": the only place that reads the system time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace recall::core {

// A moment, with the UTC offset of the local wall clock at that moment.
struct Now {
  std::chrono::sys_seconds utc;
  std::chrono::minutes utc_offset{0};  // local = utc + utc_offset
};

// Parses ISO 8601 with an offset or Z: `2026-03-01T09:30:00+09:00`, `2026-03-01T00:30:00Z`.
// Returns nullopt when the text is not of that form.
std::optional<Now> parse_iso8601(std::string_view text);

// The days recall works with: dates outside them are refused where they come in (RECALL_NOW,
// command-line dates), so that every stored date has four digits and reads back.
inline constexpr std::chrono::sys_days kFirstDay{std::chrono::year{1970} / 1 / 1};
inline constexpr std::chrono::sys_days kLastDay{std::chrono::year{2200} / 12 / 31};
bool in_supported_range(std::chrono::sys_days day);

// RECALL_NOW when set (throws recall::Error with kExitUsage when it does not parse or its local
// date is outside kFirstDay..kLastDay), else the system clock with
// the offset of the system time zone (date library, honours TZ).
Now now_from_environment();

// The review day of `now`: the local calendar date, where a day starts at `rollover_hour`
// (0-23; default 4, so 02:00 still belongs to the day before).
std::chrono::sys_days review_day(const Now& now, int rollover_hour = 4);

// `2026-03-01`
std::string format_date(std::chrono::sys_days day);
// Parses `YYYY-MM-DD`; nullopt otherwise.
std::optional<std::chrono::sys_days> parse_date(std::string_view text);
// UTC timestamp `2026-03-01T00:30:00Z`
std::string format_utc(std::chrono::sys_seconds t);

}  // namespace recall::core
