// Scanners for the markup the pre-pass recognises on one line; see markup_scan.hpp.
#include "markup_scan.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "line_text.hpp"

namespace recall::notes {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

int atx_level(std::string_view t) {
  std::size_t hashes = 0;
  while (hashes < t.size() && t[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  if (hashes < t.size() && !is_space_or_tab(t[hashes])) return 0;
  return static_cast<int>(hashes);
}

bool is_rule(std::string_view t) {
  if (t.empty()) return false;
  const char c = t.front();
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  int count = 0;
  for (const char d : t) {
    if (d == c) {
      ++count;
    } else if (!is_space_or_tab(d) || c == '=') {
      return false;
    }
  }
  return c == '=' || count >= 3;
}

bool opens_fence(std::string_view t, char& fence_char, std::size_t& fence_len) {
  if (t.empty() || (t.front() != '`' && t.front() != '~')) return false;
  std::size_t run = 0;
  while (run < t.size() && t[run] == t.front()) ++run;
  if (run < 3) return false;
  if (t.front() == '`' && t.substr(run).find('`') != std::string_view::npos) return false;
  fence_char = t.front();
  fence_len = run;
  return true;
}

bool closes_fence(std::string_view t, char fence_char, std::size_t fence_len) {
  t = trim(t);
  std::size_t run = 0;
  while (run < t.size() && t[run] == fence_char) ++run;
  return run >= fence_len && run == t.size();
}

Marker recall_marker(std::string_view s, std::size_t& begin, std::size_t& end) {
  for (std::size_t at = s.find("<!--"); at != std::string_view::npos; at = s.find("<!--", at + 4)) {
    std::string_view rest = trim_left(s.substr(at + 4));
    if (!starts_with_ci(rest, "recall:")) continue;
    rest.remove_prefix(7);
    Marker marker = Marker::none;
    for (const auto& [word, value] : {std::pair{std::string_view("ignore"), Marker::ignore},
                                      std::pair{std::string_view("off"), Marker::off},
                                      std::pair{std::string_view("on"), Marker::on}}) {
      if (starts_with_ci(rest, word)) {
        rest.remove_prefix(word.size());
        marker = value;
        break;
      }
    }
    rest = trim_left(rest);
    if (marker == Marker::none || rest.substr(0, 3) != "-->") continue;
    begin = at;
    end = static_cast<std::size_t>(rest.data() - s.data()) + 3;
    return marker;
  }
  return Marker::none;
}

std::size_t skip_blanks(std::string_view s, std::size_t at) {
  while (at < s.size() && is_space_or_tab(s[at])) ++at;
  return at;
}

bool liquid_at(std::string_view s, std::size_t at, std::size_t& end, std::string_view& name) {
  if (at + 3 > s.size() || s[at] != '{' || (s[at + 1] != '%' && s[at + 1] != '{')) return false;
  const char kind = s[at + 1];
  const char after = s[at + 2];
  if (!is_space_or_tab(after) && after != '-') return false;
  const std::string_view close = kind == '%' ? "%}" : "}}";
  const std::size_t stop = s.find(close, at + 2);
  if (stop == std::string_view::npos) return false;
  end = stop + 2;
  name = {};
  if (kind == '%') {
    std::string_view inner = trim_left(s.substr(at + 2, stop - at - 2));
    if (!inner.empty() && inner.front() == '-') inner = trim_left(inner.substr(1));
    std::size_t word = 0;
    while (word < inner.size() && ((inner[word] >= 'a' && inner[word] <= 'z') ||
                                   (inner[word] >= 'A' && inner[word] <= 'Z'))) {
      ++word;
    }
    name = inner.substr(0, word);
  }
  return true;
}

bool only_liquid(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t end = 0;
    std::string_view name;
    if (!liquid_at(t, i, end, name)) return false;
    i = skip_blanks(t, end);
  }
  return !t.empty();
}

bool is_break_line(std::string_view t) {
  if (t.empty()) return false;
  while (!t.empty()) {
    if (!starts_with_ci(t, "<br")) return false;
    t.remove_prefix(3);
    t = trim_left(t);
    if (!t.empty() && t.front() == '/') t = trim_left(t.substr(1));
    if (t.empty() || t.front() != '>') return false;
    t = trim_left(t.substr(1));
  }
  return true;
}

bool starts_tag(std::string_view t, std::string_view name) {
  if (!starts_with_ci(t, name)) return false;
  return t.size() == name.size() || t[name.size()] == '>' || is_space_or_tab(t[name.size()]);
}

std::string plain_summary(std::string_view s) {
  std::string out;
  bool in_tag = false;
  bool space = false;
  for (const char c : s) {
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      space = true;
      continue;
    }
    if (is_space_or_tab(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool emphasis_closes(std::string_view after) {
  for (std::size_t i = 1; i < after.size(); ++i) {
    if (after[i] == '*' && !is_space_or_tab(after[i - 1])) return true;
  }
  return false;
}

bool ends_with_colon(std::string_view t) { return ends_with(t, ":") || ends_with(t, "\uFF1A"); }

bool is_title_like(std::string_view t) {
  while (!t.empty() && t.back() == '\\') t = trim_right(t.substr(0, t.size() - 1));
  if (t.empty() || t.size() > 240 || code_points(t) > 60) return false;
  const char first = t.front();
  if (std::string_view("#>|<[(!`~=-+*$\\{:").find(first) != std::string_view::npos) return false;
  if (t.find(". ") != std::string_view::npos) return false;
  if (t.find("::") != std::string_view::npos || t.find("://") != std::string_view::npos) {
    return false;
  }
  // A colon anywhere but at the end makes a field or a Q/A line, not a title.
  const std::size_t colon = t.find(':');
  if (colon != std::string_view::npos && colon + 1 != t.size()) return false;
  const std::size_t wide = t.find("\uFF1A");
  if (wide != std::string_view::npos && wide + 3 != t.size()) return false;
  if (t.size() <= 4 &&
      (t.front() == 'Q' || t.front() == 'A' || t.front() == 'q' || t.front() == 'a') &&
      ends_with_colon(t)) {
    return false;
  }
  const char last = t.back();
  if (std::string_view(".,;!?~").find(last) != std::string_view::npos) return false;
  for (const std::string_view end : {"\u3002", "\u2026", "\uFF1F", "\uFF01", "\uFF0C"}) {
    if (t.size() >= end.size() && t.substr(t.size() - end.size()) == end) return false;
  }
  // Korean sentence endings (`~한다`, `~해요`, `~일까`, `~하죠`, `~됨`, `~함`) make a sentence.
  for (const std::string_view end : {"\uB2E4", "\uC694", "\uAE4C", "\uC8E0", "\uB428", "\uD568"}) {
    if (t.size() >= end.size() && t.substr(t.size() - end.size()) == end) return false;
  }
  int words = 1;
  for (std::size_t k = 1; k < t.size(); ++k) {
    if (is_space_or_tab(t[k]) && !is_space_or_tab(t[k - 1])) ++words;
  }
  if (words > 10) return false;
  // `in simply`, `for example`, `so basically`: a lower-case lead-in on a preposition or a
  // conjunction starts the text under the heading above; a title starts on what it names.
  for (const std::string_view lead : {"in ", "for ", "as ", "so ", "and ", "but ", "or ", "to ",
                                      "with ", "of ", "by ", "from ", "on ", "at ", "e.g",
                                      "i.e", "ex)", "eg "}) {
    if (t.size() > lead.size() && t.substr(0, lead.size()) == lead) return false;
  }
  // `Neural networks can be viewed from several perspectives:` introduces a list; a title that
  // ends in a colon is a few words (`Pros:`, `학습 목표:`).
  if (ends_with_colon(t) && words >= 5) return false;
  // `Remedies against overfitting include`, `The main steps are`: a sentence whose verb waits
  // for the list below, written without its colon.
  if (words >= 3 && !ends_with_colon(t)) {
    std::string lower;
    for (const char c : t) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    // `The general strategies are to`, `… is done by the`: a line that stops on a function word
    // goes on below it.
    for (const std::string_view verb : {" include", " includes", " are", " is", " consist of",
                                        " consists of", " contain", " contains", " such as",
                                        " as follows", " the following", " following", " to",
                                        " the", " a", " an", " by", " with", " that", " which",
                                        " and", " or"}) {
      if (lower.size() > verb.size() && lower.substr(lower.size() - verb.size()) == verb) {
        return false;
      }
    }
  }
  for (const char c : t) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return true;
    }
  }
  return false;
}

}  // namespace recall::notes
