// Text helpers shared by the extraction rules.
#include "recall/extract/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace recall::extract {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool contains_space(std::string_view s) { return std::any_of(s.begin(), s.end(), is_space); }

bool is_bare_url(std::string_view s) {
  const std::string lower = ascii_lower(s.substr(0, 8));
  const bool scheme = starts_with(lower, "http://") || starts_with(lower, "https://") ||
                      starts_with(lower, "ftp://") || starts_with(lower, "www.");
  return scheme && !contains_space(s);
}

// `[text](url)` or `[text](url "title")`, the whole of `s`.
bool is_inline_link(std::string_view s) {
  if (starts_with(s, "!")) s.remove_prefix(1);
  if (!starts_with(s, "[") || s.size() < 4 || s.back() != ')') return false;
  const std::size_t middle = s.find("](");
  if (middle == std::string_view::npos) return false;
  // The text must not close and reopen another link: `[a](b) and [c](d)`.
  const std::string_view target = s.substr(middle + 2, s.size() - middle - 3);
  return target.find("](") == std::string_view::npos && target.find(") ") == std::string_view::npos;
}

// Length of the run of decimal digits starting at `i`.
std::size_t digit_run(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && is_digit(s[i + n])) ++n;
  return n;
}

bool has_numeric_date(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t first = digit_run(s, i);
    if (first == 0) {
      ++i;
      continue;
    }
    const bool boundary = i == 0 || !is_digit(s[i - 1]);
    const std::size_t sep = i + first;
    if (boundary && sep + 1 < s.size() && (s[sep] == '-' || s[sep] == '.' || s[sep] == '/')) {
      const std::size_t second = digit_run(s, sep + 1);
      if (second >= 1 && second <= 2) {
        if (first == 4 || s[sep] == '/') return true;  // 2024-09, 2019.08.07, 10/13
        const std::size_t sep2 = sep + 1 + second;
        if (first <= 2 && sep2 + 1 < s.size() && s[sep2] == s[sep]) {
          const std::size_t third = digit_run(s, sep2 + 1);
          if (third == 2 || third == 4) return true;  // 13.10.2025, 10-13-25
        }
      }
    }
    i += first;
  }
  return false;
}

bool has_korean_date_unit(std::string_view s) {
  static constexpr auto kUnits = std::to_array<std::string_view>({"년", "월", "일", "주차", "주"});
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(s[i]) || (i + 1 < s.size() && is_digit(s[i + 1]))) continue;
    std::string_view rest = s.substr(i + 1);
    if (starts_with(rest, " ")) rest.remove_prefix(1);
    for (const std::string_view unit : kUnits) {
      if (starts_with(rest, unit)) return true;
    }
  }
  return false;
}

bool has_word_then_digit(std::string_view lower, std::string_view word) {
  for (std::size_t at = lower.find(word); at != std::string_view::npos;
       at = lower.find(word, at + 1)) {
    const bool word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
    std::size_t next = at + word.size();
    if (next < lower.size() && lower[next] == ' ') ++next;
    if (word_start && next < lower.size() && is_digit(lower[next])) return true;
  }
  return false;
}

// Words after which a period does not end a sentence (lower case, without the period).
bool is_abbreviation(std::string_view lower) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"e.g", "i.e", "e.g,", "i.e,", "etc", "vs", "fig", "figs", "eq", "eqs", "cf", "ex", "al", "dr", "mr", "mrs",
       "ms", "no", "approx", "resp", "sec", "ch", "vol", "pp", "p", "st", "jr", "sr", "inc"});
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// Korean syllables that end a memo-style sentence when a line ends with them.
bool is_note_ending(char32_t c) {
  static constexpr std::array<char32_t, 8> kEnds = {U'임', U'음', U'함', U'됨',
                                                    U'다', U'요', U'까', U'죠'};
  return std::find(kEnds.begin(), kEnds.end(), c) != kEnds.end();
}

// The code point that ends `s` (valid UTF-8), or 0 when `s` is empty.
char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return next_code_point(s, i);
}

}  // namespace

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t end = i;
    while (end < s.size() && !is_space(s[end])) ++end;
    if (end > i) words.push_back(s.substr(i, end - i));
    i = end;
  }
  return words;
}

// Texts longer than this have their lines counted before they are split (see split_lines).
constexpr std::size_t kCountLinesAbove = 64 * 1024;

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  // A whole note's lines at their size: a large note has a million lines, and doubling would
  // hold up to twice that. Short texts (the rules split paragraphs) skip the counting pass.
  if (s.size() > kCountLinesAbove) {
    lines.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) + 1);
  }
  std::size_t begin = 0;
  for (std::size_t end = s.find('\n'); end != std::string_view::npos; end = s.find('\n', begin)) {
    lines.push_back(s.substr(begin, end - begin));
    begin = end + 1;
  }
  lines.push_back(s.substr(begin));
  return lines;
}

std::size_t code_point_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t word_count(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    if (is_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

bool is_hangul(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
         (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xD7B0 && c <= 0xD7FF);
}

bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

std::size_t hangul_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (is_hangul(next_code_point(s, i))) ++n;
  }
  return n;
}

std::size_t latin_word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && !in_word) ++n;
    in_word = letter || (in_word && is_digit(c));
  }
  return n;
}

namespace {

// `… a uniform class distribution` + a new line `Intuitively, the Gini Impurity …`: a line that opens
// on a sentence adverb and its comma starts a sentence, though the line before it has no period.
bool opens_with_connective(std::string_view line) {
  if (line.empty() || line.front() < 'A' || line.front() > 'Z') return false;
  static constexpr std::string_view kConnectives[] = {
      "Intuitively, ", "However, ", "Similarly, ", "Therefore, ", "Thus, ", "Hence, ",
      "Moreover, ", "Furthermore, ", "Finally, ", "Additionally, ", "Instead, ", "Otherwise, ",
      "Consequently, ", "Typically, ", "Usually, ", "Generally, ", "In contrast, ",
      "In practice, ", "In general, ", "In other words, ", "For example, ", "For instance, "};
  for (const std::string_view connective : kConnectives) {
    if (line.substr(0, connective.size()) == connective) return true;
  }
  return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  std::size_t start = 0;
  int start_line = 0;
  int line = 0;
  int depth = 0;  // parentheses and brackets
  bool math = false;
  bool display = false;    // inside a `$$` display formula written over several lines
  bool announced = false;  // and the text before it ended with a colon
  std::size_t line_start = 0;
  std::size_t code_run = 0;  // length of the backtick run that opened a code span, 0 outside
  const auto emit = [&](std::size_t end) {
    std::string_view piece = text.substr(start, end - start);
    // The sentence starts after its leading white space; count the newlines in it.
    std::size_t lead = 0;
    int lines = 0;
    while (lead < piece.size() && is_space(piece[lead])) {
      if (piece[lead] == '\n') ++lines;
      ++lead;
    }
    piece = trim(piece);
    if (!piece.empty()) out.push_back({piece, start_line + lines});
    start = end;
    start_line = line;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '`') {
      std::size_t n = 0;
      while (i + n < text.size() && text[i + n] == '`') ++n;
      if (code_run == 0) {
        code_run = n;
      } else if (code_run == n) {
        code_run = 0;
      }
      i += n;
      continue;
    }
    if (c == '\n') {
      // A line that ends in a memo-style ending ends its sentence, and so does a display formula
      // (`… as follows:` + `$$` lines + `$$`): the formula closes the sentence that shows it.
      const std::string_view before = trim(text.substr(start, i - start));
      std::size_t first = line_start;
      while (first < i && (text[first] == ' ' || text[first] == '\t')) ++first;
      bool formula_ends = false;
      if (first < i && text[first] == '$') {
        const std::string_view this_line = trim(text.substr(line_start, i - line_start));
        // Only a formula that a colon announces: `We take the gradient of the objective` + `$$…$$`
        // + `and get …` is one sentence around its formula.
        const std::string_view lead =
            before.size() >= this_line.size()
                ? trim(before.substr(0, before.size() - this_line.size()))
                : std::string_view{};
        if (this_line == "$$") {
          if (!display) announced = ends_with(lead, ":");
          formula_ends = display && announced;
          display = !display;
        } else if (!display && this_line.size() > 4 && starts_with(this_line, "$$") &&
                   ends_with(this_line, "$$")) {
          formula_ends = ends_with(lead, ":");
        }
      }
      if (!before.empty() &&
          (formula_ends || is_note_ending(last_code_point(before)) ||
           opens_with_connective(text.substr(i + 1, std::min<std::size_t>(text.size() - i - 1, 24))))) {
        emit(i);
      }
      line_start = i + 1;
      ++line;
      depth = 0;
      math = false;
      code_run = 0;
      ++i;
      continue;
    }
    if (code_run > 0) {
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < text.size()) {
      i += 2;
      continue;
    }
    if (c == '$') {
      math = !math;
      ++i;
      continue;
    }
    if (math || display) {
      ++i;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      ++i;
      continue;
    }
    if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
      ++i;
      continue;
    }
    // Most characters cannot end a sentence: ASCII other than `.?!`, and every character whose
    // lead byte is not a terminator's (those below start with 0xE2, 0xE3 or 0xEF). Skipped as
    // next_code_point would step over them.
    const auto lead = static_cast<unsigned char>(c);
    if (lead < 0x80 ? (c != '.' && c != '?' && c != '!')
                    : (lead != 0xE2 && lead != 0xE3 && lead != 0xEF)) {
      i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      continue;
    }
    std::size_t next = i;
    const char32_t cp = next_code_point(text, next);
    const bool terminator = cp == '.' || cp == '?' || cp == '!' || cp == U'。' || cp == U'？' ||
                            cp == U'！' || cp == U'…';
    if (!terminator || depth > 0) {
      i = next;
      continue;
    }
    // A run of terminators (`..`, `?!`) ends where the run ends.
    std::size_t end = next;
    bool only_one_period = cp == '.';
    while (end < text.size()) {
      std::size_t k = end;
      const char32_t more = next_code_point(text, k);
      if (more != '.' && more != '?' && more != '!' && more != U'…' && more != U'？' &&
          more != U'！') {
        break;
      }
      only_one_period = false;
      end = k;
    }
    // Closing quotes and brackets right after the terminator belong to the sentence.
    while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')')) ++end;
    const bool followed_by_space = end == text.size() || is_space(text[end]);
    if (!followed_by_space) {
      i = end;
      continue;
    }
    if (only_one_period) {
      // The word before the period: an abbreviation or an initial does not end a sentence.
      std::size_t w = i;
      while (w > start && !is_space(text[w - 1]) && text[w - 1] != '(') --w;
      const std::string word = ascii_lower(text.substr(w, i - w));
      const bool initial = word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]));
      if (is_abbreviation(word) || initial) {
        i = end;
        continue;
      }
    }
    emit(end);
    i = end;
  }
  emit(text.size());
  return out;
}

bool contains_hangul(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (is_hangul(next_code_point(s, i))) return true;
  }
  return false;
}

bool has_word_character(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || std::isalnum(b) != 0;
  });
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  // Eight bytes at a time (the rules lower-case every sentence several times): in each byte,
  // bit 7 of `ge_a` says byte & 0x7F >= 'A', of `gt_z` that it is > 'Z'; an ASCII byte with the
  // one and not the other is upper case and gains 0x20. Bytes >= 0x80 are left as they are.
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  std::size_t i = 0;
  for (; i + 8 <= out.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, out.data() + i, 8);
    const std::uint64_t low7 = word & (0x7F * kOnes);
    const std::uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;
    const std::uint64_t gt_z = low7 + (0x7F - 'Z') * kOnes;
    const std::uint64_t upper = (ge_a ^ gt_z) & ~word & (0x80 * kOnes);
    word |= upper >> 2;
    std::memcpy(out.data() + i, &word, 8);
  }
  for (; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
  return out;
}

std::string_view strip_emphasis(std::string_view s) {
  s = trim(s);
  for (const std::string_view mark : {"**", "__", "~~", "*", "_"}) {
    if (s.size() > 2 * mark.size() && starts_with(s, mark) &&
        s.substr(s.size() - mark.size()) == mark) {
      const std::string_view inner = s.substr(mark.size(), s.size() - 2 * mark.size());
      if (inner.find(mark) == std::string_view::npos && !trim(inner).empty() &&
          !is_space(inner.front()) && !is_space(inner.back())) {
        return inner;
      }
    }
  }
  return s;
}

bool is_link_only(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  if (s.front() == '<' && s.back() == '>') {
    const std::string_view inner = s.substr(1, s.size() - 2);
    return !contains_space(inner) && (inner.find("://") != std::string_view::npos ||
                                      inner.find('@') != std::string_view::npos);
  }
  return is_bare_url(s) || is_inline_link(s);
}

bool is_date_like(std::string_view s) {
  const std::string lower = ascii_lower(s);
  static constexpr auto kDayWords =
      std::to_array<std::string_view>({"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", "today", "yesterday", "tomorrow"});
  for (const std::string_view word : kDayWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  static constexpr auto kKoreanDayWords =
      std::to_array<std::string_view>({"요일", "오늘", "어제", "내일"});
  for (const std::string_view word : kKoreanDayWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  static constexpr auto kMonths = std::to_array<std::string_view>(
      {"january", "february", "march", "april", "june", "july", "august", "september", "october",
       "november", "december", "may"});
  const bool has_digit = std::any_of(lower.begin(), lower.end(), is_digit);
  for (const std::string_view month : kMonths) {
    if (month == "may" ? has_word_then_digit(lower, month)
                       : has_digit && lower.find(month) != std::string::npos) {
      return true;
    }
  }
  if (has_word_then_digit(lower, "week") || has_word_then_digit(lower, "day")) return true;
  return has_numeric_date(lower) || has_korean_date_unit(lower);
}

std::vector<std::string_view> marked_spans(std::string_view s) {
  std::vector<std::string_view> spans;
  for (const std::string_view mark : {std::string_view("**"), std::string_view("`")}) {
    std::size_t at = s.find(mark);
    while (at != std::string_view::npos) {
      const std::size_t close = s.find(mark, at + mark.size());
      if (close == std::string_view::npos) break;
      spans.push_back(s.substr(at + mark.size(), close - at - mark.size()));
      at = s.find(mark, close + mark.size());
    }
  }
  return spans;
}

std::size_t find_outside_code(std::string_view s, std::string_view needle) {
  // Most lines have no needle, or no code span to skip.
  const std::size_t first = s.find(needle);
  if (first == std::string_view::npos) return first;
  if (s.find('`') == std::string_view::npos) return first;
  // Backtick runs; a run opens a code span closed by the next run of the same length.
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // (offset, length)
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '`') {
      ++i;
      continue;
    }
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == '`') ++n;
    runs.emplace_back(i, n);
    i += n;
  }
  std::vector<std::size_t> next_same(runs.size(), runs.size());
  std::unordered_map<std::size_t, std::size_t> later;  // run length -> index of the next run
  for (std::size_t k = runs.size(); k-- > 0;) {
    if (const auto it = later.find(runs[k].second); it != later.end()) next_same[k] = it->second;
    later[runs[k].second] = k;
  }
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // [begin, end) of code spans
  for (std::size_t k = 0; k < runs.size();) {
    if (next_same[k] < runs.size()) {
      const auto& close = runs[next_same[k]];
      spans.emplace_back(runs[k].first, close.first + close.second);
      k = next_same[k] + 1;
    } else {
      ++k;
    }
  }
  std::size_t span = 0;
  for (std::size_t at = s.find(needle); at != std::string_view::npos; at = s.find(needle, at + 1)) {
    while (span < spans.size() && spans[span].second <= at) ++span;
    if (span == spans.size() || at + needle.size() <= spans[span].first) return at;
  }
  return std::string_view::npos;
}

MarkerMatch match_marker(std::string_view line, char letter) {
  std::string_view s = trim(line);
  const bool bold = starts_with(s, "**");
  if (bold) s.remove_prefix(2);
  if (s.empty() || (s.front() != letter && s.front() != letter - 'a' + 'A')) return {};
  s.remove_prefix(1);
  bool closed = !bold;
  if (!closed && starts_with(s, "**")) {  // **Q**:
    s.remove_prefix(2);
    closed = true;
  }
  if (starts_with(s, ":")) {
    s.remove_prefix(1);
  } else if (starts_with(s, "\xEF\xBC\x9A")) {  // full-width colon
    s.remove_prefix(3);
  } else {
    return {};
  }
  if (!closed) {  // **Q:** …, or **Q: … ?** in bold throughout
    s = trim(s);
    if (starts_with(s, "**")) {
      s.remove_prefix(2);
    } else if (ends_with(s, "**") && s.size() > 2 && s.find("**") == s.size() - 2) {
      s.remove_suffix(2);
    } else {
      return {};
    }
  }
  return {true, trim(s)};
}

// The cells of one table row, trimmed, without the outer pipes. Pipes inside code spans or
// escaped (`\|`) do not split.
std::vector<std::string> table_cells(std::string_view row) {
  row = trim(row);
  if (starts_with(row, "|")) row.remove_prefix(1);
  if (ends_with(row, "|") && !ends_with(row, "\\|")) row.remove_suffix(1);
  std::vector<std::string> out;
  std::string cell;
  bool code = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (c == '`') code = !code;
    if (c == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cell += '|';
      ++i;
      continue;
    }
    if (c == '|' && !code) {
      out.emplace_back(trim(cell));
      cell.clear();
      continue;
    }
    cell += c;
  }
  out.emplace_back(trim(cell));
  return out;
}

// Whether Hangul makes up at least a third of the text of `text`, counting a syllable as three
// Latin letters (a Korean sentence with English terms in it, not an English line with a Korean
// word at its end: `Abraham Silberschatz, … Greg Gagne 공저`).
bool mostly_korean(std::string_view text) {
  std::size_t hangul = 0;
  std::size_t latin = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (c >= 0xAC00 && c <= 0xD7A3) {
      ++hangul;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++latin;
    }
  }
  return hangul >= 2 && 6 * hangul >= latin;
}

// Whether `a` becomes `b` by inserting, deleting or changing one character, or by swapping two
// neighbours.
bool one_edit_apart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (i >= a.size()) return false;
    // Two neighbours swapped (`abstarct`) count as one slip too.
    if (i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
        a.substr(i + 2) == b.substr(i + 2)) {
      return true;
    }
    return a.substr(i + 1) == b.substr(i + 1);
  }
  return a.substr(i) == b.substr(i + 1);
}

// `EQUI JOIN(동등조인)`, `Read Cache (RC)`: a name with a translation or an acronym in
// parentheses after it names what the bare name does; other parentheses (`Attention (Decoder)`)
// tell things apart and stay.
std::string_view without_gloss(std::string_view term) {
  term = trim(term);
  if (!ends_with(term, ")")) return term;
  const std::size_t open = term.rfind('(');
  if (open == std::string_view::npos || open == 0) return term;
  const std::string_view gloss = term.substr(open + 1, term.size() - open - 2);
  const bool translation = !gloss.empty() && contains_hangul(gloss) && latin_word_count(gloss) == 0 &&
                           latin_word_count(term.substr(0, open)) > 0;
  const bool acronym = gloss.size() >= 2 && std::all_of(gloss.begin(), gloss.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
  return translation || acronym ? trim(term.substr(0, open)) : term;
}

}  // namespace recall::extract
