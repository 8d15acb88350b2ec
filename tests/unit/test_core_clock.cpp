#include <stdlib.h>  // setenv, unsetenv (POSIX)

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"

using recall::core::format_date;
using recall::core::format_utc;
using recall::core::Now;
using recall::core::parse_date;
using recall::core::parse_iso8601;
using recall::core::review_day;
using namespace std::chrono_literals;

namespace {

std::chrono::sys_days ymd(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// Sets (or with nullopt unsets) an environment variable for one scope, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    apply(value);
  }
  ~ScopedEnv() { apply(m_old); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void apply(const std::optional<std::string>& value) {
    if (value) {
      ::setenv(m_name, value->c_str(), 1);
    } else {
      ::unsetenv(m_name);
    }
  }

  const char* m_name;
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("clock: parse_iso8601 accepts a time with an offset", "[core][clock]") {
  struct Case {
    const char* text;
    const char* utc;
    int offset_minutes;
  };
  const std::vector<Case> cases = {
      {"2026-03-01T09:30:00+09:00", "2026-03-01T00:30:00Z", 540},
      {"2026-03-01T00:30:00Z", "2026-03-01T00:30:00Z", 0},
      {"2026-03-01T00:30:00-05:00", "2026-03-01T05:30:00Z", -300},
      {"2026-03-01T00:30:00+0530", "2026-02-28T19:00:00Z", 330},
      {"2026-03-01T00:30:00-0330", "2026-03-01T04:00:00Z", -210},
      {"2026-03-01T00:30:00-00:00", "2026-03-01T00:30:00Z", 0},
      {"2026-03-01T00:30:00.123Z", "2026-03-01T00:30:00Z", 0},
      {"2026-03-01T00:30:59.999999+01:00", "2026-02-28T23:30:59Z", 60},
      {"2026-03-01T00:30:00,5Z", "2026-03-01T00:30:00Z", 0},
      {"2024-02-29T23:59:59+23:59", "2024-02-29T00:00:59Z", 1439},
      {"2026-12-31T23:59:59-23:59", "2027-01-01T23:58:59Z", -1439},
      {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", 0},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto now = parse_iso8601(c.text);
    REQUIRE(now.has_value());
    CHECK(format_utc(now->utc) == c.utc);
    CHECK(now->utc_offset == std::chrono::minutes{c.offset_minutes});
  }
}

TEST_CASE("clock: parse_iso8601 rejects everything else", "[core][clock]") {
  const std::vector<const char*> bad = {
      "",
      "2026-03-01",
      "2026-03-01T09:30:00",           // no offset
      "2026-03-01T09:30Z",             // no seconds
      "2026-03-01 09:30:00Z",          // space for T
      "2026-03-01t09:30:00Z",          // lower-case t
      "2026-03-01T09:30:00z",          // lower-case z
      "2026-3-01T09:30:00Z",           // one-digit month
      "26-03-01T09:30:00Z",            // two-digit year
      "+2026-03-01T09:30:00Z",         // expanded year
      " 2026-03-01T09:30:00Z",         // leading space
      "2026-03-01T09:30:00Z ",         // trailing space
      "2026-03-01T09:30:00Zjunk",      // trailing text
      "2026-03-01T09:30:00+09:00Z",    // two offsets
      "2026-02-29T00:00:00Z",          // not a leap year
      "2026-13-01T00:00:00Z",          // month 13
      "2026-00-10T00:00:00Z",          // month 0
      "2026-04-31T00:00:00Z",          // day 31 in April
      "2026-03-00T00:00:00Z",          // day 0
      "2026-03-01T24:00:00Z",          // hour 24
      "2026-03-01T23:60:00Z",          // minute 60
      "2026-03-01T23:59:60Z",          // leap second
      "2026-03-01T09:30:00+9:00",      // one-digit offset hour
      "2026-03-01T09:30:00+09",        // offset without minutes
      "2026-03-01T09:30:00+09:0",      // short offset minutes
      "2026-03-01T09:30:00+090",       // short compact offset
      "2026-03-01T09:30:00+24:00",     // offset hour 24
      "2026-03-01T09:30:00+09:60",     // offset minute 60
      "2026-03-01T09:30:00.Z",         // empty fraction
      "2026-03-01T09:30:00.5",         // fraction, no offset
      "2026-03-01T09:30:00 +09:00",    // space before the offset
      "2026-03-01T09:30:00 UTC",       // zone name
      "2026-03-01T09:30:00+09:00:00",  // offset with seconds
      "２０２６-03-01T09:30:00Z",      // non-ASCII digits
      "2026-03-01T09:3a:00Z",          // letter in the minutes
      "now",
  };
  for (const char* text : bad) {
    INFO('"' << text << '"');
    CHECK_FALSE(parse_iso8601(text).has_value());
  }
}

TEST_CASE("clock: review_day starts the day at the rollover hour", "[core][clock]") {
  struct Case {
    const char* now;
    int rollover_hour;
    std::chrono::sys_days day;
  };
  const std::vector<Case> cases = {
      {"2026-03-01T03:59:00+09:00", 4, ymd(2026, 2, 28)},
      {"2026-03-01T04:00:00+09:00", 4, ymd(2026, 3, 1)},
      {"2026-03-01T00:30:00Z", 4, ymd(2026, 2, 28)},
      {"2026-03-01T00:30:00Z", 0, ymd(2026, 3, 1)},
      {"2026-03-01T23:59:59Z", 0, ymd(2026, 3, 1)},
      // Local date, not the UTC date: 23:30 in New York is already the 2nd in UTC.
      {"2026-03-01T23:30:00-05:00", 4, ymd(2026, 3, 1)},
      // 08:00 in Tokyo is still the previous day in UTC.
      {"2026-03-02T08:00:00+09:00", 4, ymd(2026, 3, 2)},
      {"2026-01-01T02:00:00+01:00", 4, ymd(2025, 12, 31)},
      {"2024-03-01T03:00:00+00:00", 4, ymd(2024, 2, 29)},
      {"2026-03-01T22:59:59Z", 23, ymd(2026, 2, 28)},
      {"2026-03-01T23:00:00Z", 23, ymd(2026, 3, 1)},
      {"1970-01-01T01:00:00Z", 4, ymd(1969, 12, 31)},
  };
  for (const auto& c : cases) {
    INFO(c.now << " rollover " << c.rollover_hour);
    const auto now = parse_iso8601(c.now);
    REQUIRE(now.has_value());
    CHECK(format_date(review_day(*now, c.rollover_hour)) == format_date(c.day));
  }
  // The default rollover is 04:00.
  CHECK(review_day(*parse_iso8601("2026-03-01T03:59:59+01:00")) == ymd(2026, 2, 28));
  CHECK(review_day(*parse_iso8601("2026-03-01T04:00:00+01:00")) == ymd(2026, 3, 1));
}

TEST_CASE("clock: format_date and parse_date", "[core][clock]") {
  const std::vector<std::pair<std::chrono::sys_days, const char*>> days = {
      {ymd(2026, 3, 1), "2026-03-01"},   {ymd(2024, 2, 29), "2024-02-29"},
      {ymd(2000, 2, 29), "2000-02-29"},  {ymd(1970, 1, 1), "1970-01-01"},
      {ymd(1, 1, 1), "0001-01-01"},      {ymd(9999, 12, 31), "9999-12-31"},
      {ymd(2026, 12, 31), "2026-12-31"},
  };
  for (const auto& [day, text] : days) {
    INFO(text);
    CHECK(format_date(day) == text);
    CHECK(parse_date(text) == day);
  }

  const std::vector<const char*> bad = {
      "",           "2026-02-29",  "1900-02-29",  "2026-02-30",  "2026-04-31",
      "2026-13-01", "2026-00-01",  "2026-03-00",  "2026-3-01",   "2026-03-1",
      "20260301",   "2026/03/01",  "2026-03-01T", " 2026-03-01", "2026-03-01 ",
      "abcd-ef-gh", "2026-03-01Z", "-2026-03-01",
  };
  for (const char* text : bad) {
    INFO('"' << text << '"');
    CHECK_FALSE(parse_date(text).has_value());
  }
}

TEST_CASE("clock: format_utc", "[core][clock]") {
  using std::chrono::sys_seconds;
  CHECK(format_utc(sys_seconds{0s}) == "1970-01-01T00:00:00Z");
  CHECK(format_utc(sys_seconds{-1s}) == "1969-12-31T23:59:59Z");
  CHECK(format_utc(std::chrono::sys_days{ymd(2026, 3, 1)} + 30min) == "2026-03-01T00:30:00Z");
  CHECK(format_utc(std::chrono::sys_days{ymd(2026, 12, 31)} + 23h + 59min + 59s) ==
        "2026-12-31T23:59:59Z");
  // format_utc then parse_iso8601 is the identity.
  const auto now = parse_iso8601("2026-07-14T13:45:07+02:00");
  REQUIRE(now.has_value());
  CHECK(parse_iso8601(format_utc(now->utc))->utc == now->utc);
}

TEST_CASE("clock: now_from_environment reads RECALL_NOW", "[core][clock]") {
  using recall::core::now_from_environment;

  SECTION("a valid RECALL_NOW, with its own offset") {
    const ScopedEnv tz("TZ", "UTC");
    const ScopedEnv env("RECALL_NOW", "2026-03-01T09:30:00+09:00");
    const Now now = now_from_environment();
    CHECK(format_utc(now.utc) == "2026-03-01T00:30:00Z");
    CHECK(now.utc_offset == 540min);
    CHECK(review_day(now) == ymd(2026, 3, 1));
  }
  SECTION("a bad RECALL_NOW is a usage error") {
    for (const char* text : {"2026-03-01T09:30:00", "yesterday", ""}) {
      INFO('"' << text << '"');
      const ScopedEnv env("RECALL_NOW", std::string(text));
      try {
        now_from_environment();
        FAIL("no exception");
      } catch (const recall::Error& e) {
        CHECK(e.exit_code() == recall::kExitUsage);
        CHECK(std::string(e.what()) ==
              std::string("RECALL_NOW is not ISO 8601 with an offset: ") + text);
      }
    }
  }
  SECTION("without RECALL_NOW, the system clock and time zone") {
    const ScopedEnv env("RECALL_NOW", std::nullopt);
    const auto system = std::chrono::system_clock::now();
    {
      const ScopedEnv tz("TZ", "Asia/Tokyo");  // no daylight saving time
      const Now now = now_from_environment();
      CHECK(now.utc_offset == 540min);
      // Not a timing assertion: only that it is the system clock and not some fixed value.
      CHECK(std::chrono::abs(now.utc - std::chrono::floor<std::chrono::seconds>(system)) < 1h);
    }
    {
      const ScopedEnv tz("TZ", ":UTC");
      CHECK(now_from_environment().utc_offset == 0min);
    }
    {
      // A name the database does not know falls back to the system zone, never throws.
      const ScopedEnv tz("TZ", "Not/A_Zone");
      CHECK_NOTHROW(now_from_environment());
    }
  }
}
