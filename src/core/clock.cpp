#include "recall/core/clock.hpp"

#include <date/tz.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "recall/core/error.hpp"

namespace recall::core {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;

// A left-to-right reader over fixed-width ASCII fields; no locale, no regex.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}

  // Reads exactly `width` decimal digits.
  std::optional<int> digits(std::size_t width) {
    if (m_text.size() - m_pos < width) {
      return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      const char c = m_text[m_pos + i];
      if (c < '0' || c > '9') {
        return std::nullopt;
      }
      value = value * 10 + (c - '0');
    }
    m_pos += width;
    return value;
  }

  // Consumes `c` when it is next.
  bool accept(char c) {
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  bool is_digit_next() const {
    return m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9';
  }
  bool at_end() const { return m_pos == m_text.size(); }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

// `YYYY-MM-DD`, a real calendar date.
std::optional<sys_days> read_date(Cursor& in) {
  const auto y = in.digits(4);
  if (!y || !in.accept('-')) {
    return std::nullopt;
  }
  const auto m = in.digits(2);
  if (!m || !in.accept('-')) {
    return std::nullopt;
  }
  const auto d = in.digits(2);
  if (!d) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{*y},
                                        std::chrono::month{static_cast<unsigned>(*m)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return sys_days{ymd};
}

// `Z`, `+HH:MM`, `-HH:MM`, `+HHMM` or `-HHMM`; at most ±23:59.
std::optional<minutes> read_offset(Cursor& in) {
  if (in.accept('Z')) {
    return minutes{0};
  }
  int sign = 0;
  if (in.accept('+')) {
    sign = 1;
  } else if (in.accept('-')) {
    sign = -1;
  } else {
    return std::nullopt;
  }
  const auto h = in.digits(2);
  if (!h) {
    return std::nullopt;
  }
  in.accept(':');
  const auto m = in.digits(2);
  if (!m || *h > 23 || *m > 59) {
    return std::nullopt;
  }
  return minutes{sign * (*h * 60 + *m)};
}

// The offset of the system time zone at `t`: TZ when it names a zone of the database, else the
// zone date::current_zone() finds (/etc/localtime), else UTC.
minutes system_offset(std::chrono::sys_seconds t) {
  const date::time_zone* zone = nullptr;
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    // date 3.0.1 (Debian 12) does not read TZ itself.
    std::string_view name = tz;
    if (name.front() == ':') {
      name.remove_prefix(1);
    }
    try {
      zone = date::locate_zone(name);
    } catch (const std::exception&) {
      zone = nullptr;  // a POSIX rule such as `JST-9`, or an unknown name
    }
  }
  if (zone == nullptr) {
    try {
      zone = date::current_zone();
    } catch (const std::exception&) {
      return minutes{0};
    }
  }
  try {
    return std::chrono::duration_cast<minutes>(zone->get_info(t).offset);
  } catch (const std::exception&) {
    return minutes{0};
  }
}

}  // namespace

std::optional<Now> parse_iso8601(std::string_view text) {
  Cursor in(text);
  const auto day = read_date(in);
  if (!day || !in.accept('T')) {
    return std::nullopt;
  }
  const auto h = in.digits(2);
  if (!h || !in.accept(':')) {
    return std::nullopt;
  }
  const auto m = in.digits(2);
  if (!m || !in.accept(':')) {
    return std::nullopt;
  }
  // 60 is a leap second; it is rejected rather than silently folded into the next minute.
  const auto s = in.digits(2);
  if (!s || *h > 23 || *m > 59 || *s > 59) {
    return std::nullopt;
  }
  // Fractional seconds are accepted and dropped: recall works in whole seconds.
  if (in.accept('.') || in.accept(',')) {
    if (!in.is_digit_next()) {
      return std::nullopt;
    }
    while (in.is_digit_next()) {
      in.digits(1);
    }
  }
  const auto offset = read_offset(in);
  if (!offset || !in.at_end()) {
    return std::nullopt;
  }
  const auto local = std::chrono::sys_seconds{*day} + hours{*h} + minutes{*m} + seconds{*s};
  return Now{local - *offset, *offset};
}

bool in_supported_range(sys_days day) { return day >= kFirstDay && day <= kLastDay; }

Now now_from_environment() {
  if (const char* text = std::getenv("RECALL_NOW"); text != nullptr) {
    if (auto now = parse_iso8601(text)) {
      if (!in_supported_range(std::chrono::floor<days>(now->utc + now->utc_offset))) {
        throw Error(
            std::string("RECALL_NOW must be a moment from 1970-01-01 to 2200-12-31: ") + text, "",
            kExitUsage);
      }
      return *now;
    }
    throw Error(std::string("RECALL_NOW is not ISO 8601 with an offset: ") + text, "", kExitUsage);
  }
  const auto utc = std::chrono::floor<seconds>(std::chrono::system_clock::now());
  return Now{utc, system_offset(utc)};
}

sys_days review_day(const Now& now, int rollover_hour) {
  const auto local = now.utc + now.utc_offset - hours{rollover_hour};
  return std::chrono::floor<days>(local);
}

std::string format_date(sys_days day) {
  const std::chrono::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::optional<sys_days> parse_date(std::string_view text) {
  Cursor in(text);
  const auto day = read_date(in);
  if (!day || !in.at_end()) {
    return std::nullopt;
  }
  return day;
}

std::string format_utc(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<days>(t);
  const std::chrono::hh_mm_ss<seconds> time{t - day};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return format_date(day) + buffer;
}

}  // namespace recall::core
