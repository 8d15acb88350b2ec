// Small text helpers the extraction rules share: UTF-8 walking, trimming, recognising links,
// dates and labels. All linear in the input, none allocates more than its result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace recall::extract {

// `s` without leading and trailing spaces, tabs and newlines. These three are defined here so
// that they inline: the rules call them tens of millions of times on a large import, most often
// with a literal, whose length the compiler then knows.
inline std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}
inline bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// The whitespace-separated words of `s`, in order.
std::vector<std::string_view> split_words(std::string_view s);

// `s` split at '\n'; an empty `s` gives one empty line.
std::vector<std::string_view> split_lines(std::string_view s);

// The code point starting at byte `i` of valid UTF-8 `s`; advances `i` past it. Inline: the rules
// decode every character of most sentences through it.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x80u;
  };
  const unsigned b0 = byte(i);
  if (b0 < 0x80) {
    i += 1;
    return b0;
  }
  if (b0 < 0xE0) {
    const char32_t c = ((b0 & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
    i += 2;
    return c;
  }
  if (b0 < 0xF0) {
    const char32_t c = ((b0 & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
    i += 3;
    return c;
  }
  const char32_t c = ((b0 & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) |
                     ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu);
  i += 4;
  return c;
}

// The number of code points of valid UTF-8 `s`.
std::size_t code_point_count(std::string_view s);

// The number of whitespace-separated words.
std::size_t word_count(std::string_view s);

// Hangul syllables (가..힣) and jamo.
bool is_hangul(char32_t c);
bool is_hangul_syllable(char32_t c);
bool contains_hangul(std::string_view s);

// How many Hangul characters (syllables and jamo) `s` has.
std::size_t hangul_count(std::string_view s);
// How many runs of ASCII letters (digits may continue a run) `s` has: `TF-IDF is` has three.
std::size_t latin_word_count(std::string_view s);

// `EQUI JOIN(동등조인)` → `EQUI JOIN`, `Read Cache (RC)` → `Read Cache`: a term without a translation
// or an acronym in parentheses after it; other parentheses (`Attention (Decoder)`) stay.
std::string_view without_gloss(std::string_view term);

// True when `s` has a letter or a digit (any non-ASCII character counts as a letter), i.e. is
// more than punctuation such as `---` or `[ ]`.
bool has_word_character(std::string_view s);

// `s` in ASCII lower case (other bytes unchanged).
std::string ascii_lower(std::string_view s);

// `s` without emphasis that wraps all of it: `**term**`, `__term__`, `~~term~~`, `*term*`, `_term_`.
std::string_view strip_emphasis(std::string_view s);

// True when `s` is nothing but one link: a bare URL, `<url>`, `[text](url)` or `![alt](url)`.
bool is_link_only(std::string_view s);

// True when `s` names a date, a weekday or a day/week of a plan: `2024-09-02`, `Monday`,
// `October 13, 2025`, `11일차`, `3주차`, `week3`. Such lines head journal entries, not terms.
bool is_date_like(std::string_view s);

// One sentence of a paragraph: `text` views the paragraph, `line` counts the newlines before it.
struct Sentence {
  std::string_view text;  // trimmed, with its closing punctuation
  int line = 0;           // 0 for a sentence that starts on the paragraph's first line
};

// The sentences of a paragraph, in order. A sentence ends at `.`, `?` or `!` (also full-width)
// followed by white space or the end, at a Korean note ending (`…임`, `…음`, `…함`, `…됨`, `…다`)
// at the end of a line, and at a line break after any of those. Nothing splits inside `$…$`,
// parentheses, brackets or code spans, at a decimal point (`2.5`), or after an abbreviation
// (`e.g.`, `vs.`, `Fig.`) or an initial (`F. P.`). A line break alone does not end a sentence:
// notes wrap long sentences. Linear in the size of `text`.
std::vector<Sentence> split_sentences(std::string_view text);

// What `s` sets in bold or code, in order: the text between each `**` and the next `**`, and
// between each backtick and the next (bold first, then code). Views into `s`.
std::vector<std::string_view> marked_spans(std::string_view s);

// Byte offset of `needle` in `s` outside of code spans, or npos.
std::size_t find_outside_code(std::string_view s, std::string_view needle);

// Whether `line` starts with the marker `Q:` / `A:` (`letter` is 'q' or 'a'; case-insensitive, a
// full-width colon and bold `**Q:**` / `**Q**:` allowed) and the text after it, trimmed.
struct MarkerMatch {
  bool found = false;
  std::string_view rest;
};
MarkerMatch match_marker(std::string_view line, char letter);

// The cells of one markdown table row, trimmed, without the outer pipes. Pipes inside code
// spans or escaped (`\|`) do not split.
std::vector<std::string> table_cells(std::string_view row);

// Whether Hangul makes up at least a third of `text`, a syllable counted as three Latin letters:
// a Korean sentence with English terms in it, not an English line with one Korean word.
bool mostly_korean(std::string_view text);

// Whether `a` becomes `b` by inserting, deleting or changing one character, or by swapping two
// neighbours (`Abstact`, `abstarct` for `abstract`).
bool one_edit_apart(std::string_view a, std::string_view b);

}  // namespace recall::extract
