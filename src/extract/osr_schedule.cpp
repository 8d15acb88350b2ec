// Obsidian Spaced Repetition's schedule comments, read so that a card's first import starts where
// OSR left it (docs/scheduling.md).
#include "recall/extract/osr_schedule.hpp"

#include <charconv>

#include "recall/core/clock.hpp"

namespace recall::extract {

namespace {

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::vector<SeedSchedule> parse_osr_schedule(std::string_view text) {
  std::vector<SeedSchedule> out;
  const std::size_t open = text.find("<!--SR:");
  if (open == std::string_view::npos) return out;
  const std::size_t close = text.find("-->", open);
  if (close == std::string_view::npos) return out;
  std::string_view body = text.substr(open + 7, close - open - 7);
  while (!body.empty() && body.front() == '!') {
    body.remove_prefix(1);
    const std::size_t next = body.find('!');
    const std::string_view group = body.substr(0, next);
    body = next == std::string_view::npos ? std::string_view() : body.substr(next);
    const std::size_t c1 = group.find(',');
    const std::size_t c2 = c1 == std::string_view::npos ? c1 : group.find(',', c1 + 1);
    if (c2 == std::string_view::npos) break;
    const std::string_view due = group.substr(0, c1);
    const auto interval = whole_number(group.substr(c1 + 1, c2 - c1 - 1));
    const auto ease = whole_number(group.substr(c2 + 1));
    const auto day = core::parse_date(due);
    if (!day || !core::in_supported_range(*day) || !interval || *interval < 1 ||
        *interval > 36500 || !ease) {
      break;
    }
    out.push_back({std::string(due), *interval, *ease < 130 ? 130 : *ease});
  }
  return out;
}

}  // namespace recall::extract
