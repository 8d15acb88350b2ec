// Names, aspects and answers of sections: the shared reading behind the heading-section rule.
#include "recall/extract/section.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <utility>

#include "recall/extract/gates.hpp"
#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

// Arrows, bullets, check marks, shapes, dingbats and emoji that decorate the start of a heading.
bool is_decoration(char32_t c) {
  return (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x1F000 && c <= 0x1FAFF) || c == 0xFE0F ||
         c == 0x200D || c == 0x2022 || c == 0x00B7 || c == 0x2013 || c == 0x2014 ||
         (c >= 0x2460 && c <= 0x24FF);
}

// `s` without leading decorations, numbers (`3.`, `2-1.`, `1)`, `(2)`, `Ⅱ.`, `#0`) and spaces.
std::string_view without_leading_marks(std::string_view s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    std::size_t i = 0;
    if (!s.empty() && static_cast<unsigned char>(s[0]) >= 0x80) {
      const char32_t c = next_code_point(s, i);
      if (is_decoration(c) || (c >= 0x2160 && c <= 0x217F)) {  // Roman numerals Ⅰ … ⅿ
        s.remove_prefix(i);
        if (!s.empty() && (s.front() == '.' || s.front() == ')')) s.remove_prefix(1);
        changed = true;
        continue;
      }
    }
    for (const std::string_view arrow : {"->", "=>", "- ", "* ", "+ "}) {
      if (starts_with(s, arrow)) {
        s.remove_prefix(arrow.size());
        changed = true;
      }
    }
    // `#0 `, `#12 `: a number written after `#` in the heading's text.
    if (s.size() > 2 && s[0] == '#' && std::isdigit(static_cast<unsigned char>(s[1])) != 0) {
      std::size_t k = 1;
      while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])) != 0) ++k;
      if (k < s.size() && s[k] == ' ') {
        s.remove_prefix(k);
        changed = true;
        continue;
      }
    }
    // `Q1. `, `Q3) `, `Q. `: an interview question's number.
    if (s.size() > 3 && (s[0] == 'Q' || s[0] == 'q')) {
      std::size_t k = 1;
      while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k])) != 0) ++k;
      if (k + 1 < s.size() && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ') {
        s.remove_prefix(k + 2);
        changed = true;
        continue;
      }
    }
    // `3. `, `2-1. `, `1) `, `(2) `, `2.1 `: numbers and their punctuation, then a space.
    std::size_t n = 0;
    bool digit = false;
    while (n < s.size() && n < 8 &&
           (std::isdigit(static_cast<unsigned char>(s[n])) != 0 || s[n] == '.' || s[n] == '-' ||
            s[n] == ')' || s[n] == '(')) {
      digit = digit || std::isdigit(static_cast<unsigned char>(s[n])) != 0;
      ++n;
    }
    if (digit && n < s.size() && s[n] == ' ' && s.front() != '-') {
      s.remove_prefix(n);
      changed = true;
      continue;
    }
    // `4계층 전송 계층`, `3장 트리`, `2주차 …`: a number with the counter a book or a model uses
    // for its parts.
    if (digit && s.front() != '-' && s.front() != '(') {
      const std::string_view rest = s.substr(n);
      for (const std::string_view counter : {"계층 ", "장 ", "절 ", "강 ", "주차 ", "일차 "}) {
        if (starts_with(rest, counter) && rest.size() > counter.size()) {
          s.remove_prefix(n + counter.size());
          changed = true;
          break;
        }
      }
    }
  }
  // `Task 3 - `, `태스크 (2) - `, `Part 1 – `: a word and a number that order the parts, then a
  // dash; the name follows it. (Once, after the marks above: only a heading with a digit or a
  // bracket after its first word, and a dash, is looked at closer.)
  const std::size_t space = s.find(' ');
  if (space == std::string_view::npos || space == 0 || space >= 24 || space + 1 >= s.size() ||
      !(std::isdigit(static_cast<unsigned char>(s[space + 1])) != 0 || s[space + 1] == '(') ||
      s.substr(0, space).find_first_of("-(") != std::string_view::npos) {
    return s;
  }
  std::string_view rest = s.substr(space + 1);
  std::size_t k = 0;
  const bool open = rest.front() == '(';
  if (open) ++k;
  const std::size_t digits_from = k;
  while (k < rest.size() && std::isdigit(static_cast<unsigned char>(rest[k])) != 0) ++k;
  if (k == digits_from || (open && !(k < rest.size() && rest[k++] == ')'))) return s;
  rest = rest.substr(k);
  for (const std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {  // - – —
    if (starts_with(rest, dash) && rest.size() > dash.size()) return trim(rest.substr(dash.size()));
  }
  return s;
}

// `[[X|Y]]` as `Y`, `[[X]]` as `X`; `![[x.png]]` dropped.
std::string without_wikilinks(std::string_view s) {
  if (s.find("[[") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '!' && s[i] != '[') {
      out += s[i++];
      continue;
    }
    const bool embed = s.compare(i, 3, "![[") == 0;
    if (embed || s.compare(i, 2, "[[") == 0) {
      const std::size_t open = i + (embed ? 3 : 2);
      const std::size_t close = s.find("]]", open);
      if (close != std::string_view::npos && s.substr(open, close - open).find('\n') ==
                                                  std::string_view::npos) {
        if (!embed) {
          std::string_view inner = s.substr(open, close - open);
          if (const std::size_t bar = inner.rfind('|'); bar != std::string_view::npos) {
            inner = inner.substr(bar + 1);
          } else if (const std::size_t hash = inner.find('#'); hash != std::string_view::npos) {
            inner = inner.substr(0, hash);
          }
          out += inner;
        }
        i = close + 2;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::string_view strip_trailing_colon(std::string_view s) {
  for (const std::string_view mark : {":", "\xEF\xBC\x9A"}) {
    if (ends_with(s, mark)) return trim(s.substr(0, s.size() - mark.size()));
  }
  return s;
}

std::string_view strip_wrapping(std::string_view s) {
  for (;;) {
    const std::string_view before = s;
    s = trim(strip_emphasis(trim(s)));
    if (s.size() >= 2 && s.front() == '`' && s.back() == '`' &&
        s.find('`', 1) == s.size() - 1) {
      s = s.substr(1, s.size() - 2);
    }
    s = strip_trailing_colon(s);
    if (s.size() > 2 && s.front() == '[' && s.back() == ']' &&
        s.find(']') == s.size() - 1) {
      s = trim(s.substr(1, s.size() - 2));
    }
    if (s == before) return s;
  }
}

// Phrases whose meaning rests on what the text before them said (`deals with these problems`):
// an answer holding one leans back, and points at earlier text (points_at_earlier_text).
constexpr auto kEarlierContent = std::to_array<std::string_view>(
    {"these problems", "this problem", "this issue", "does this", "do this", "combat this",
     "the above"});

// Words that begin an answer by pointing back at text the card does not show.
bool leans_back(std::string_view sentence) {
  sentence = trim(sentence);
  if (sentence.empty()) return false;
  // `Typically, this would …`: an adverb in front does not change what the sentence leans on.
  static constexpr auto kAdverbs = std::to_array<std::string_view>(
      {"Typically, ", "Usually, ", "Generally, ", "Often, ", "In practice, ", "In general, ",
       "Intuitively, "});
  if (std::string_view("TUGOI").find(sentence.front()) != std::string_view::npos) {
    for (const std::string_view adverb : kAdverbs) {
      if (!starts_with(sentence, adverb)) continue;
      const std::string_view rest = trim(sentence.substr(adverb.size()));
      const std::string head = ascii_lower(rest.substr(0, std::min<std::size_t>(rest.size(), 6)));
      if (starts_with(head, "this ") || starts_with(head, "these ") || starts_with(head, "that ") ||
          starts_with(head, "those ")) {
        return true;
      }
    }
  }
  const std::size_t space = sentence.find_first_of(" \t\n");
  std::string first = ascii_lower(sentence.substr(0, space));
  while (!first.empty() && (first.back() == ',' || first.back() == '.')) first.pop_back();
  static constexpr auto kBack = std::to_array<std::string_view>(
      {"this",     "these",  "those",   "that",   "however", "thus",  "so",     "therefore",
       "also",     "but",    "hence",   "then",   "similarly", "이러한", "이런", "그러한",
       "그런",     "위의",   "앞서",    "앞에서", "전자는",  "후자는", "또한",  "하지만",
       "그러나",   "따라서", "그래서",  "즉",     "이는",    "이를",  "이것은", "이렇게",
       "그렇다면", "그러면", "마찬가지로", "반면", "반면에", "여기서", "another", "moreover",
       "furthermore", "additionally", "instead", "again", "또", "게다가", "더불어", "이처럼",
       "이렇듯", "eventually", "because"});
  if (std::find(kBack.begin(), kBack.end(), first) != kBack.end()) {
    // `Another name for a neuron`: a synonym, said in full.
    const std::string opening = ascii_lower(sentence.substr(0, std::min<std::size_t>(sentence.size(), 16)));
    return !(starts_with(opening, "another name") || starts_with(opening, "another term") ||
             starts_with(opening, "another word"));
  }
  // `By changing this argument, …`, `With these weights …`: a pointer in the opening words
  // (looked for as `this`/`thes`/`thos` first: most sentences have none).
  const std::string_view opening = sentence.substr(0, std::min<std::size_t>(sentence.size(), 60));
  bool pointer = false;
  for (std::size_t at = opening.find("th"); at != std::string_view::npos && !pointer;
       at = opening.find("th", at + 1)) {
    pointer = opening.compare(at, 4, "this") == 0 || opening.compare(at, 4, "thes") == 0 ||
              opening.compare(at, 4, "thos") == 0;
  }
  if (pointer) {
    const std::vector<std::string_view> words = split_words(opening);
    for (std::size_t k = 1; k < words.size() && k <= 3; ++k) {
      // `**Structural Error:** This error arises …`: the pointer names the label before it.
      if (words[k - 1].find(':') != std::string_view::npos) break;
      // `In these graphs, nodes represent …`: a frame, which the heading usually names (judged
      // misframed when the answer moved past it, round 33).
      if (k == 1 && ascii_lower(words[0]) == "in") continue;
      std::string w = ascii_lower(words[k]);
      while (!w.empty() && (w.back() == ',' || w.back() == '\n')) w.pop_back();
      if ((w == "this" || w == "these" || w == "those") && k + 1 < words.size() &&
          ascii_lower(words[0]) != "is" && ascii_lower(words[k - 1]) != "is") {
        return true;
      }
    }
  }
  std::size_t cut = std::min<std::size_t>(sentence.size(), 160);
  while (cut < sentence.size() && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) ++cut;
  const std::string lower = ascii_lower(sentence.substr(0, cut));
  // Lead-ins that announce the text instead of saying it, and pointers to figures and tables.
  static constexpr auto kLeads = std::to_array<std::string_view>(
      {"let's", "let\xE2\x80\x99s", "let us", "consider ", "below", "here is", "here are",
       "in this section", "to make this clear", "to see this", "to understand this",
       "in this chapter", "we will", "we'll", "now,", "now ", "first,", "next,", "recall that",
       "under such", "in such ", "in that case", "in contrast,", "by contrast,", "on the other hand",
       "conversely", "assume ", "suppose ", "imagine ",
       "before we ", "before i ",
       "이 장에서", "이번 ", "먼저", "본론에서", "여기서는", "다음은", "아래는", "위 그림", "위 표",
       "이 때", "이때", "이 경우", "이 문제", "위 문제", "이 과정", "이 방법", "이 ",
       "아래 그림", "아래 표", "위와 같", "위와같", "그림 ", "표 "});
  // Compared only with the leads that share the sentence's first byte (this runs on every
  // candidate answer).
  for (const std::string_view lead : kLeads) {
    if (lead.front() == lower.front() && starts_with(lower, lead)) return true;
  }
  // `강화 학습의 목적을 다시 형식적으로 기술해보자.`, `… 알아보자.`: a sentence that only announces
  // what the text will do, the Korean `let's`.
  {
    std::string_view end = trim(sentence);
    while (!end.empty() && (end.back() == '.' || end.back() == '!')) end.remove_suffix(1);
    if (ends_with(end, "\xEB\xB3\xB4\xEC\x9E\x90")) return true;  // 보자
  }
  // The Korean pointers hold Hangul and the English ones `the` or `this`/`these`/`do`: a sentence
  // without them is passed at once (leans_back runs on every candidate answer).
  if (contains_hangul(lower)) {
    for (const std::string_view figure : {"위 그림", "위 표", "아래 그림", "아래 표", "위와같이",
                                          "위와 같", "이와 같", "이러한 ", "위에서 ", "위 두 ", "위 세 ",
                                          "위 내용", "위 방법", "위 과정", "위 식", "위 수식"}) {
      if (lower.find(figure) != std::string::npos) return true;
    }
    // `1번의 성능저하를 완화시키는 방법`: a numbered item told above.
    if (lower.size() > 4 && lower[0] >= '1' && lower[0] <= '9' &&
        (starts_with(lower.substr(1), "번의 ") || starts_with(lower.substr(1), "번 "))) {
      return true;
    }
    // `힙은 위 2가지를 모두 …`: a count of things told above.
    for (std::size_t at = lower.find("위 "); at != std::string::npos; at = lower.find("위 ", at + 1)) {
      const std::size_t next = at + std::string_view("위 ").size();
      if (next < lower.size() && lower[next] >= '1' && lower[next] <= '9') return true;
    }
  }
  if (lower.find("th") != std::string::npos || lower.find("do") != std::string::npos) {
    for (const std::string_view figure : {"the figure", "the table below", "the plot"}) {
      if (lower.find(figure) != std::string::npos) return true;
    }
    for (const std::string_view phrase : kEarlierContent) {
      if (lower.find(phrase) != std::string::npos) return true;
    }
  }
  return starts_with(lower, "as mentioned") || starts_with(lower, "as we saw") ||
         starts_with(lower, "the former") || starts_with(lower, "the latter") ||
         starts_with(lower, "the opposite") || starts_with(lower, "the reverse") ||
         starts_with(lower, "so far") || starts_with(lower, "in the previous") ||
         starts_with(lower, "as discussed");
}


}  // namespace

bool points_at_earlier_text(std::string_view text) {
  // The first sentence is enough, and its first bytes read as well as splitting it off.
  std::size_t cut = std::min<std::size_t>(text.size(), 200);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  std::string_view head = text.substr(0, cut);
  if (const std::size_t end = head.find(". "); end != std::string_view::npos) head = head.substr(0, end);
  // `There are some troubles with …:` over its items: the line that introduces a list ends there.
  if (const std::size_t end = head.find(":\n"); end != std::string_view::npos) head = head.substr(0, end);
  std::string lower = ascii_lower(head);
  std::replace(lower.begin(), lower.end(), '\n', ' ');
  // `deals with these problems`, `apply this idea`, `a method that does this`: the sentence
  // leans on what the text before it said, not on how the text is arranged (`Recall that …`,
  // `이번 논문에서 다루는 …`, `위에서 언급했던 것처럼` only frame it).
  for (const std::string_view phrase : kEarlierContent) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  for (const std::string_view phrase :
       {"this idea", "these ideas", "these issues", "this approach", "this method", "this process",
        "this step", "this trick", "these rules", "these methods", "these models", "yet another",
        "one such", "did this", "address this", "solve this", "fix this",
        "\xEC\x9D\xB4 \xEA\xB3\xBC\xEC\xA0\x95",                                      // 이 과정
        "\xEC\x9D\xB4\xEB\xA5\xBC "}) {                                                   // 이를
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

bool is_definition_label(std::string_view lower) {
  for (const std::string_view label : {"definition", "def", "meaning", "what", "what it is",
                                       "description", "정의", "개념", "의미", "뜻"}) {
    if (lower == label) return true;
  }
  return false;
}

// `**Label:** text`, `**Label**: text`, `Label: text` with a short label: {label, text}.
std::optional<std::pair<std::string, std::string>> label_lead(std::string_view head) {
  head = trim(head);
  std::string_view label;
  std::string_view rest;
  if (starts_with(head, "**")) {
    const std::size_t close = head.find("**", 2);
    if (close == std::string_view::npos) return std::nullopt;
    label = head.substr(2, close - 2);
    rest = head.substr(close + 2);
    if (ends_with(label, ":")) {
      label.remove_suffix(1);
    } else if (starts_with(trim(rest), ":")) {
      rest = trim(rest).substr(1);
    } else {
      return std::nullopt;
    }
  } else {
    const std::size_t colon = head.find(": ");
    if (colon == std::string_view::npos || colon > 30) return std::nullopt;
    label = head.substr(0, colon);
    rest = head.substr(colon + 1);
  }
  label = trim(label);
  if (label.empty() || word_count(label) > 3) return std::nullopt;
  return std::make_pair(std::string(label), std::string(trim(rest)));
}

namespace {

std::string item_head_text(const Block& item) {
  const Block* head = notes::item_head(item);
  if (head == nullptr) return {};
  std::string text = clean_inline(head->text);
  std::replace(text.begin(), text.end(), '\n', ' ');
  return std::string(trim(text));
}

// `- [[Other note]]`: a link to another note, not a fact.
bool is_wikilink_only(const Block& item) {
  const Block* head = notes::item_head(item);
  if (head == nullptr) return false;
  const std::string_view t = trim(head->text);
  return starts_with(t, "[[") && ends_with(t, "]]") && t.find("]]") == t.size() - 2;
}

}  // namespace

std::optional<SectionAnswer> list_answer(const Block& list) {
  std::vector<const Block*> items;
  for (const Block& item : list.children) {
    if (item.task != notes::Task::none) continue;
    const std::string head = item_head_text(item);
    if (head.empty() || is_link_only(head) || is_empty_of_text(head) || is_wikilink_only(item)) {
      continue;
    }
    items.push_back(&item);
  }
  if (items.empty()) return std::nullopt;
  // Items that mostly ask (`매일 회고를 쓰는 게 도움이 될까?`) are open questions, not facts.
  const auto asking = std::count_if(items.begin(), items.end(), [](const Block* item) {
    return is_unsure(item_head_text(*item));
  });
  if (2 * static_cast<std::size_t>(asking) >= items.size()) return std::nullopt;
  SectionAnswer answer;
  answer.from_list = true;
  // A template list: `- Definition: …`, `- Use case: …`. The definition item answers.
  std::size_t labelled = 0;
  const Block* definition = nullptr;
  std::string definition_text;
  for (const Block* item : items) {
    if (const auto lead = label_lead(item_head_text(*item))) {
      ++labelled;
      if (definition == nullptr && is_definition_label(ascii_lower(lead->first))) {
        definition = item;
        definition_text = lead->second;
      }
    }
  }
  if (definition != nullptr && labelled >= 2 && !trim(definition_text).empty()) {
    answer.text = definition_text;
    answer.end_line = definition->end_line;
    answer.label_led = true;
    return answer;
  }
  // One item, or a few whose details are nested under them (`- Decoder is like the encoder but`
  // + the differences): the items with their details, as long as that stays short.
  std::size_t lines = 0;
  for (const Block* item : items) lines += static_cast<std::size_t>(item->end_line - item->line + 1);
  if (items.size() == 1 || (items.size() <= 3 && lines <= 8)) {
    answer.text = render_markdown(std::span<const Block>(&list, 1),
                                  {.drop_link_only_items = true, .drop_tasks = true});
    answer.text = clean_answer(answer.text);
    answer.items = items.size();
    answer.end_line = list.end_line;
    answer.leans_back = leans_back(item_head_text(*items.front()));
    return answer;
  }
  constexpr std::size_t kMaxItems = 8;
  // `- 표현 방법` over its own sub-items: only its first line would show, a label over nothing.
  // Such items are left out when others say something (`INNER JOIN`'s definition, then that).
  const auto label_over_details = [](const Block* item) {
    const std::string head = item_head_text(*item);
    return item->children.size() > 1 && word_count(head) <= 3 && !ends_with(head, ".") &&
           !ends_with(head, ":") && head.find(':') == std::string::npos;
  };
  // Numbered items are steps, short or not (`3. Project Q,K,V` over its formula).
  if (!list.ordered && !std::all_of(items.begin(), items.end(), label_over_details)) {
    std::erase_if(items, label_over_details);
  }
  int number = list.start;
  for (std::size_t k = 0; k < items.size() && k < kMaxItems; ++k) {
    if (!answer.text.empty()) answer.text += '\n';
    answer.text += list.ordered ? std::to_string(number++) + ". " : std::string("- ");
    answer.text += item_head_text(*items[k]);
    answer.end_line = items[k]->end_line;
  }
  answer.items = items.size();
  if (items.size() > kMaxItems) answer.text += "\n- …";
  // `- This model can be used for …`: the first item points back at what the card does not show.
  answer.leans_back = !items.empty() && leans_back(item_head_text(*items.front()));
  return answer;
}

namespace {

std::optional<SectionAnswer> blocks_answer(std::span<const Block> blocks);

bool is_formula(std::string_view text) {
  const std::string_view s = trim(text);
  return (starts_with(s, "$$") && ends_with(s, "$$") && s.size() > 4) ||
         (starts_with(s, "\\[") && ends_with(s, "\\]"));
}

// The term without a parenthesised gloss, in ASCII lower case: `bloom filter` for
// `Bloom Filter (블룸 필터)`.
std::string term_key(std::string_view term) {
  std::string t = ascii_lower(trim(strip_emphasis(term)));
  if (const std::size_t paren = t.find('('); paren != std::string::npos && paren > 0) {
    t = std::string(trim(t.substr(0, paren)));
  }
  std::erase(t, '`');
  return t;
}

// The parenthesised part of a term, in ASCII lower case: `gru` for `Gated Recurrent Unit(GRU)`.
std::string term_gloss(std::string_view term) {
  const std::string t = ascii_lower(trim(strip_emphasis(term)));
  const std::size_t open = t.find('(');
  const std::size_t close = t.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open + 2) return {};
  return std::string(trim(std::string_view(t).substr(open + 1, close - open - 1)));
}

// `resnet` for `resnet-50`, `inception` for `inception v1`, `vggnet` for `vggnet-16`: the name
// without a trailing model size or version, or empty when there is none to drop.
std::string_view without_version(std::string_view key) {
  std::size_t end = key.size();
  while (end > 0 && key[end - 1] >= '0' && key[end - 1] <= '9') --end;
  if (end == key.size()) return {};
  if (end > 0 && key[end - 1] == 'v') --end;
  if (end > 0 && (key[end - 1] == '-' || key[end - 1] == ' ')) --end;
  const std::string_view base = trim(key.substr(0, end));
  const bool letters = std::any_of(base.begin(), base.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return base.size() >= 3 && letters ? base : std::string_view{};
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// `separable` at the start of `rest` for the key word `seperable`, `convolution` for
// `convolutions`: a long word spelled one letter differently, or without its plural `s`.
bool near_spelling(std::string_view rest, std::string_view word) {
  if (word.size() < 6) return false;
  std::size_t n = 0;
  while (n < rest.size() && rest[n] >= 'a' && rest[n] <= 'z') ++n;
  const std::string_view written = rest.substr(0, n);
  if (word.back() == 's' && written == word.substr(0, word.size() - 1)) return true;
  return written.size() == word.size() && written[0] == word[0] && one_edit_apart(written, word);
}

// `batch norm` in `batch normalization is …`: each word of a key of two or more Latin words
// starting the words of `lower` in turn. Where it starts (and how long it is), or npos.
std::size_t find_shortened(std::string_view lower, std::string_view key, std::size_t& length) {
  const std::vector<std::string_view> words = split_words(key);
  if (words.size() < 2 || words.size() > 4) return std::string_view::npos;
  for (const std::string_view w : words) {
    if (w.size() < 2 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      return std::string_view::npos;
    }
  }
  // Candidates start like the first word (its first four letters: it may be misspelled later).
  const std::string_view start = words[0].substr(0, std::min<std::size_t>(words[0].size(), 4));
  for (std::size_t at = lower.find(start); at != std::string_view::npos;
       at = lower.find(start, at + 1)) {
    // Not inside a word, nor inside an address (`…/chapter_batch-norm/`).
    if (at > 0 && (is_word_byte(lower[at - 1]) || lower[at - 1] == '_' || lower[at - 1] == '/' ||
                   lower[at - 1] == '.' || lower[at - 1] == '-')) {
      continue;
    }
    std::size_t i = at;
    bool all = true;
    for (std::size_t k = 0; k < words.size() && all; ++k) {
      if (k > 0) {
        // A hard-wrapped paragraph may break the line between the words.
        if (i >= lower.size() || (lower[i] != ' ' && lower[i] != '-' && lower[i] != '\n')) {
          all = false;
        }
        while (i < lower.size() && (lower[i] == ' ' || lower[i] == '-' || lower[i] == '\n')) ++i;
      }
      if (all && lower.substr(i, words[k].size()) != words[k] &&
          !near_spelling(lower.substr(i), words[k])) {
        all = false;
      }
      if (all) {
        i += std::min(words[k].size(), lower.size() - i);
        while (i < lower.size() && lower[i] >= 'a' && lower[i] <= 'z') ++i;
      }
    }
    if (all) {
      length = i - at;
      return at;
    }
  }
  return std::string_view::npos;
}

// Where `needle` occurs in `lower` at the start of a word (not inside a word or an address such
// as `…/docs/git-stash`), or npos.
std::size_t find_at_word(std::string_view lower, std::string_view needle) {
  for (std::size_t at = lower.find(needle); at != std::string_view::npos;
       at = lower.find(needle, at + 1)) {
    if (at == 0) return at;
    const char before = lower[at - 1];
    if (!is_word_byte(before) && before != '_' && before != '/' && before != '.' && before != '-') {
      return at;
    }
  }
  return std::string_view::npos;
}

// Where `key` (or its singular, its name without a version, or its words shortened as in `batch
// norm`) occurs in `lower`, or npos.
std::size_t find_term(std::string_view lower, std::string_view key, std::size_t* length = nullptr,
                      bool loose = true) {
  if (key.empty()) return std::string_view::npos;
  std::size_t at = lower.find(key);
  std::size_t found = key.size();
  if (at == std::string_view::npos && key.size() > 3 && key.back() == 's') {
    at = lower.find(key.substr(0, key.size() - 1));
    found = key.size() - 1;
  }
  if (at == std::string_view::npos && loose) {
    if (const std::string_view base = without_version(key); !base.empty()) {
      at = find_at_word(lower, base);
      found = base.size();
    }
  }
  if (at == std::string_view::npos && loose) at = find_shortened(lower, key, found);
  // `Bi-directional RNN` written `bidirectional RNN`, `Multi Head` as `multi-head`.
  const bool ascii = std::all_of(key.begin(), key.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (at == std::string_view::npos && loose && ascii &&
      key.find_first_of("- ") != std::string_view::npos) {
    // Each hyphen as a space or dropped, each space as a hyphen, or neither.
    const auto variant_of = [&](char hyphen, char space) {
      std::string variant;
      for (const char c : key) {
        const char to = c == '-' ? hyphen : c == ' ' ? space : c;
        if (to != '\0') variant += to;
      }
      return variant;
    };
    for (const auto& [hyphen, space] : {std::pair{' ', ' '}, std::pair{'\0', ' '},
                                        std::pair{'-', '-'}, std::pair{'\0', '\0'}}) {
      std::string variant = variant_of(hyphen, space);
      if (variant == key || variant.size() < 3) continue;
      at = find_at_word(lower, variant);
      found = variant.size();
      if (at != std::string_view::npos) break;
      // `Bi-directional RNNs` written `bidirectional RNN`.
      if (variant.size() > 4 && variant.back() == 's') {
        variant.pop_back();
        at = find_at_word(lower, variant);
        found = variant.size();
        if (at != std::string_view::npos) break;
      }
    }
  }
  if (length != nullptr) *length = found;
  return at;
}

// A paragraph that is one inline code span: `tar -xf archive.tar`.
bool is_code_span(std::string_view text) {
  text = trim(text);
  return text.size() >= 2 && text.front() == '`' && text.back() == '`' &&
         text.find('\n') == std::string_view::npos;
}

// Whether `text` names `term` (its main part or its gloss) anywhere, ignoring ASCII case: a cheap
// test before a paragraph is cleaned and split into sentences.
bool mentions(std::string_view text, std::string_view term, bool loose = true) {
  const std::string key = term_key(term);
  const std::string gloss = term_gloss(term);
  if (key.empty()) return false;
  const std::string lower = ascii_lower(text);
  // A gloss that is a year or a number (`ResNet-50 (2015)`) names nothing.
  const bool gloss_names = gloss.size() >= 2 && !std::all_of(gloss.begin(), gloss.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == ',' || c == '-';
  });
  return find_term(lower, key, nullptr, loose) != std::string::npos ||
         (gloss_names && lower.find(gloss) != std::string::npos);
}

bool asks(std::string_view sentence) {
  sentence = trim(sentence);
  return ends_with(sentence, "?") || ends_with(sentence, "\xEF\xBC\x9F");
}

// Every sentence of the paragraph is a question.
bool only_asks(std::string_view paragraph) {
  const std::string text = clean_inline(paragraph);
  const std::vector<Sentence> sentences = split_sentences(text);
  return !sentences.empty() && std::all_of(sentences.begin(), sentences.end(),
                                           [](const Sentence& s) { return asks(s.text); });
}

// `sentence` added to an answer's text: after a space, or on a line of its own after a display
// formula.
void append_sentence(std::string& text, std::string_view sentence) {
  if (!text.empty()) text += ends_with(text, "$$") ? '\n' : ' ';
  text += sentence;
}

bool opens_legend(std::string_view text);

// The sentence right after a formula that says what it means (`즉, …`, `이득 함수라고 부르는 이유는
// …`, `That is, …`), or empty: a definition given as a formula alone is terse. A legend (`where:`,
// `여기서`) is not that sentence, nor one that points elsewhere or announces more.
std::string meaning_after_formula(std::span<const Block> after) {
  for (const Block& next : after) {
    if (next.kind != BlockKind::paragraph) return {};
    if (is_empty_of_text(next.text)) continue;
    if (is_formula(next.text) || opens_legend(next.text)) return {};
    const std::string text = clean_inline(next.text);
    const std::vector<Sentence> sentences = split_sentences(text);
    if (sentences.empty()) return {};
    std::string_view first = trim(sentences.front().text);
    constexpr std::size_t kLongest = 200;
    const std::string lower = ascii_lower(first.substr(0, std::min<std::size_t>(first.size(), 24)));
    const bool restates = starts_with(first, "즉") || starts_with(first, "다시 말해") ||
                          starts_with(lower, "that is") || starts_with(lower, "i.e.") ||
                          starts_with(lower, "in other words");
    // `추가적으로 …`, `Note that …`: a further fact, not what the formula means.
    for (const std::string_view aside :
         {"추가적으로", "추가로", "참고로", "note that", "note:", "additionally", "besides"}) {
      if (starts_with(lower, aside)) return {};
    }
    if (code_point_count(first) > kLongest || ends_with(first, "?") || introduces_list(first) ||
        points_ahead(first) || (!restates && leans_back(first))) {
      return {};
    }
    return std::string(first);
  }
  return {};
}

// `… is defined as follows:` closing a paragraph: the formula or list after it (in `rest`, the
// blocks after the paragraph) is part of the answer, with what a formula means when the next
// sentence says it. Whether one came.
bool take_what_follows(SectionAnswer& answer, std::span<const Block> rest) {
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const Block& next = rest[i];
    if (next.kind == BlockKind::paragraph && is_formula(next.text)) {
      answer.text += "\n\n" + std::string(trim(next.text));
      answer.end_line = next.end_line;
      if (std::string meaning = meaning_after_formula(rest.subspan(i + 1)); !meaning.empty()) {
        answer.text += "\n\n" + meaning;
      }
      return true;
    }
    if (next.kind == BlockKind::list) {
      const std::optional<SectionAnswer> items = list_answer(next);
      if (!items) return false;
      answer.text += '\n' + items->text;
      answer.items = items->items;
      answer.end_line = items->end_line;
      answer.from_list = true;
      // `If there is: <conditions>` + `Then: <conclusion>`: a statement in two halves.
      if (starts_with(ascii_lower(trim(answer.text).substr(0, 3)), "if ") && i + 1 < rest.size() &&
          rest[i + 1].kind == BlockKind::paragraph &&
          starts_with(ascii_lower(trim(rest[i + 1].text).substr(0, 5)), "then")) {
        const std::string then = clean_inline(rest[i + 1].text);
        answer.text += '\n' + std::string(trim(then));
        answer.end_line = rest[i + 1].end_line;
        if (ends_with(trim(then), ":") && i + 2 < rest.size() && rest[i + 2].kind == BlockKind::list) {
          if (const std::optional<SectionAnswer> more = list_answer(rest[i + 2])) {
            answer.text += '\n' + more->text;
            answer.end_line = more->end_line;
          }
        }
      }
      return true;
    }
    if (next.kind == BlockKind::paragraph && !is_empty_of_text(next.text)) return false;
  }
  return false;
}

std::optional<SectionAnswer> prose_answer(const Block& paragraph, std::span<const Block> rest) {
  const std::string text = clean_inline(paragraph.text);
  std::vector<Sentence> sentences = split_sentences(text);
  // `Given an objective, how do we optimize it? The main idea is …`: a question that opens the
  // section leads up to the answer and is not part of it.
  while (sentences.size() > 1 && asks(sentences.front().text)) sentences.erase(sentences.begin());
  if (sentences.empty()) return std::nullopt;
  SectionAnswer answer;
  std::size_t length = 0;
  std::size_t taken = 0;
  for (const Sentence& sentence : sentences) {
    const std::size_t n = code_point_count(sentence.text);
    if (taken >= 1 && (taken >= 4 || length + n > 420 || length > 260)) break;
    append_sentence(answer.text, sentence.text);
    length += n;
    ++taken;
  }
  answer.leans_back = leans_back(sentences.front().text);
  answer.end_line = paragraph.line + sentences[taken - 1].line;
  const std::string_view last = sentences[taken - 1].text;
  const bool intro = taken == sentences.size() && introduces_list(last);
  const bool followed = intro && take_what_follows(answer, rest);
  // `The update rule is as follows:` and nothing after it: the answer only says that one follows.
  if (intro && taken == 1 && !followed) answer.leans_back = true;
  return answer;
}

// Whether `text` opens by explaining the symbols of a formula above it: `where:`, `여기서`.
bool opens_legend(std::string_view text) {
  std::string_view first = trim(text);
  while (starts_with(first, "-") || starts_with(first, "*")) first = trim(first.substr(1));
  const std::string lower = ascii_lower(first.substr(0, std::min<std::size_t>(first.size(), 9)));
  return starts_with(lower, "where:") || starts_with(lower, "where ") || lower == "where" ||
         starts_with(first, "\xEC\x97\xAC\xEA\xB8\xB0\xEC\x84\x9C");  // 여기서
}

// `**Sigmoid**` over `$$\hat{y} = …$$` and `- where: $\hat{y}$ is …`: the legend explains the
// formula, so the answer shows it first.
SectionAnswer with_formula(SectionAnswer answer, const Block* formula) {
  if (formula != nullptr && opens_legend(answer.text)) {
    answer.text = std::string(trim(formula->text)) + "\n\n" + answer.text;
  }
  return answer;
}

// A block quote of one line that spells out a name in capitalised words: `> Cross Site Request
// Forgery` (`> 문자열 검색을 돕는 자료구조` is a definition).
bool is_gloss(const Block& quote) {
  if (quote.children.size() != 1 || quote.children.front().kind != BlockKind::paragraph) return false;
  const std::string_view text = trim(quote.children.front().text);
  if (text.empty() || text.find('\n') != std::string_view::npos || contains_hangul(text)) {
    return false;
  }
  const std::vector<std::string_view> words = split_words(text);
  if (words.size() < 2 || words.size() > 6) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view w) {
    return w.size() < 4 || std::isupper(static_cast<unsigned char>(w.front()));
  });
}

// `Decoder block is similar to encoder but slightly different.` + `Main differences:` + a list:
// an answer that only says there are differences goes on with the list that gives them (and the
// short line that introduces it), when all of it stays short.
void with_differences(SectionAnswer& answer, std::span<const Block> rest) {
  constexpr std::size_t kLongest = 500;
  std::string_view said = trim(answer.text);
  while (starts_with(said, "- ")) said = trim(said.substr(2));
  if (said.find('\n') != std::string_view::npos || code_point_count(said) > 160) return;
  const std::string lower = ascii_lower(said);
  const bool announces =
      ends_with(lower, "different.") || ends_with(lower, "differences.") ||
      ends_with(lower, "different") || ends_with(lower, "\xEB\x8B\xA4\xEB\xA5\xB4\xEB\x8B\xA4.") ||  // 다르다.
      ends_with(lower, "\xEC\xB0\xA8\xEC\x9D\xB4\xEA\xB0\x80 \xEC\x9E\x88\xEB\x8B\xA4.");  // 차이가 있다.
  if (!announces || rest.empty()) return;
  std::size_t k = 0;
  std::string lead;
  if (rest[0].kind == BlockKind::paragraph && rest.size() > 1 && rest[1].kind == BlockKind::list &&
      code_point_count(trim(rest[0].text)) <= 60) {
    lead = std::string(trim(clean_inline(rest[0].text)));
    k = 1;
  }
  if (rest[k].kind != BlockKind::list) return;
  const std::optional<SectionAnswer> items = list_answer(rest[k]);
  if (!items || items->items < 2 || items->items > 6) return;
  std::string text = answer.text + (lead.empty() ? "" : "\n" + lead) + "\n" + items->text;
  if (code_point_count(text) > kLongest) return;
  answer.text = std::move(text);
  answer.end_line = items->end_line;
}

constexpr std::size_t kShortNote = 40;
constexpr std::size_t kNoteLine = 120;

// A paragraph that is one line of a note, not a sentence closed by a period: `key - value 쌍으로
// 이루어짐`, `효율적 탐색을 위한 자료구조`, at most `longest` code points.
bool is_note_line(std::string_view text, std::size_t longest) {
  const std::string_view t = trim(text);
  if (t.empty() || t.find('\n') != std::string_view::npos || code_point_count(t) > longest ||
      !contains_hangul(t)) {
    return false;
  }
  return !(ends_with(t, ".") || ends_with(t, ":") || ends_with(t, "?") || ends_with(t, "다") ||
           ends_with(t, "요"));
}

std::optional<SectionAnswer> blocks_answer(std::span<const Block> blocks) {
  const Block* formula = nullptr;  // the formula just before the block looked at, if any
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    const Block* formula_before = formula;
    formula = block.kind == BlockKind::paragraph && is_formula(block.text) ? &block : nullptr;
    switch (block.kind) {
      case BlockKind::paragraph:
        if (is_empty_of_text(block.text)) continue;
        // A paragraph that only asks leads up to the prose after it.
        if (i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::paragraph &&
            word_count(blocks[i + 1].text) >= 8 && only_asks(block.text)) {
          continue;
        }
        // `**Definition**: adding a penalty …` over `**Effect**: …`: a template written as
        // paragraphs; the definition field answers, without its label.
        if (const auto lead = label_lead(block.text);
            lead && is_definition_label(ascii_lower(strip_emphasis(lead->first))) &&
            word_count(lead->second) >= 3) {
          SectionAnswer answer;
          answer.text = clean_inline(lead->second);
          answer.end_line = block.end_line;
          answer.label_led = true;
          return answer;
        }
        // `트라이는 위 2가지 방법의 단점을 보완함` / `트라이는 … 트리로, …`: a one-line note that leans
        // on the text above gives way to the note line after it.
        if (i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::paragraph &&
            is_note_line(block.text, kShortNote) && leans_back(block.text) &&
            !is_formula(blocks[i + 1].text) && !leans_back(blocks[i + 1].text) &&
            !is_empty_of_text(blocks[i + 1].text)) {
          continue;
        }
        if (std::optional<SectionAnswer> prose = prose_answer(block, blocks.subspan(i + 1))) {
          with_differences(*prose, blocks.subspan(i + 1));
          // `효율적 탐색을 위한 자료구조` / `key - value 쌍으로 이루어짐` / `해시 함수로 …`: notes
          // of one line a paragraph; a short first one goes on with the next two.
          if (!prose->from_list && is_note_line(block.text, kShortNote)) {
            for (std::size_t j = i + 1; j < blocks.size() && j <= i + 2; ++j) {
              if (blocks[j].kind != BlockKind::paragraph || !is_note_line(blocks[j].text, kNoteLine) ||
                  is_formula(blocks[j].text) || leans_back(blocks[j].text)) {
                break;
              }
              prose->text += "\n" + clean_inline(blocks[j].text);
              prose->end_line = blocks[j].end_line;
              prose->note_lines = true;
            }
          }
          return with_formula(std::move(*prose), formula_before);
        }
        return std::nullopt;
      case BlockKind::list:
        if (std::optional<SectionAnswer> items = list_answer(block)) {
          with_differences(*items, blocks.subspan(i + 1));
          return with_formula(std::move(*items), formula_before);
        }
        continue;
      case BlockKind::quote:
        // `> Cross Site Request Forgery` under `### CSRF`: a gloss of the name, before the text
        // that says what it is.
        if (i + 1 < blocks.size() && is_gloss(block)) continue;
        // `> [!summary]` + text: the callout's type line (and a title after it) is no answer.
        if (!block.children.empty() && block.children.front().kind == BlockKind::paragraph &&
            starts_with(trim(block.children.front().text), "[!")) {
          std::vector<Block> inside(block.children.begin(), block.children.end());
          const std::string_view text = trim(inside.front().text);
          const std::size_t newline = text.find('\n');
          if (newline == std::string_view::npos) {
            inside.erase(inside.begin());
          } else {
            inside.front().text = text.substr(newline + 1);  // a view of the note, as before
            inside.front().line += 1;
          }
          if (std::optional<SectionAnswer> inner = blocks_answer(inside)) return inner;
          continue;
        }
        if (std::optional<SectionAnswer> inner = blocks_answer(block.children)) return inner;
        continue;
      default:
        continue;  // HTML, code, tables, rules, footnotes: no text to learn first
    }
  }
  return std::nullopt;
}

// How to look for a sentence about a term in a section.
struct SentenceSearch {
  bool defining = false;         // one that defines the term, else one that names it and does
                                 // not lean on text before it
  std::size_t max_paragraphs = 3;
  bool into_quotes = false;      // look inside block quotes (callouts) too
  std::size_t short_length = 0;  // a sentence shorter than this takes the next one along
};

// `… we describe batch normalization (BN), a popular technique that accelerates …`, `… the
// capsule network, which consists of capsules …`: the term followed by an apposition that says
// what kind of thing it is, or a clause that says what it does. That part, or nullopt.
std::optional<std::string> appositive_definition(std::string_view sentence, std::string_view term) {
  const std::string key = term_key(term);
  if (key.size() < 2 || contains_hangul(sentence)) return std::nullopt;
  std::string lower = ascii_lower(sentence);
  if (lower.find('*') != std::string::npos || lower.find('`') != std::string::npos) {
    return std::nullopt;  // offsets below index the sentence as written
  }
  std::replace(lower.begin(), lower.end(), '\n', ' ');
  std::size_t matched = 0;
  const std::size_t at = find_term(lower, key, &matched);
  if (at == std::string::npos) return std::nullopt;
  std::size_t pos = at + matched;
  while (pos < lower.size() && lower[pos] >= 'a' && lower[pos] <= 'z') ++pos;  // `norm|alization`
  // `(BN)`, `(Ioffe & Szegedy, 2015)`: glosses and citations after the term.
  while (true) {
    while (pos < lower.size() && lower[pos] == ' ') ++pos;
    if (pos >= lower.size() || lower[pos] != '(') break;
    const std::size_t close = lower.find(')', pos);
    if (close == std::string::npos) return std::nullopt;
    pos = close + 1;
  }
  if (pos + 2 >= lower.size() || lower[pos] != ',') return std::nullopt;
  ++pos;
  while (pos < lower.size() && lower[pos] == ' ') ++pos;
  const std::string_view rest = std::string_view(lower).substr(pos);
  // `… introduced the capsule network, which consists of capsules instead of neurons`.
  if (starts_with(rest, "which ")) {
    const std::vector<std::string_view> words = split_words(rest.substr(6));
    if (words.size() < 4 || !(words[0] == "is" || words[0] == "are" ||
                              (words[0].size() > 3 && words[0].back() == 's' &&
                               !ends_with(words[0], "ss")))) {
      return std::nullopt;
    }
    std::string_view answer = trim(sentence.substr(pos + 6));
    while (!answer.empty() && (answer.back() == '.' || answer.back() == ' ')) answer.remove_suffix(1);
    return std::string(answer);
  }
  if (!starts_with(rest, "a ") && !starts_with(rest, "an ")) return std::nullopt;
  // The apposition runs to the end of the sentence: it must name a kind of thing and say what
  // that thing does (`that …`, `which …`, `for …`, `used …`).
  static constexpr auto kKinds = std::to_array<std::string_view>(
      {" technique", " method", " algorithm", " model", " approach", " function", " layer",
       " network", " architecture", " metric", " measure", " framework", " procedure",
       " process", " variant", " extension", " generalization", " regularizer", " optimizer",
       " loss", " strategy", " data structure", " protocol"});
  const std::size_t clause = std::min({rest.find(" that "), rest.find(" which "),
                                       rest.find(" used "), rest.find(" for ")});
  if (clause == std::string_view::npos) return std::nullopt;
  const std::string_view head = rest.substr(0, clause);
  if (word_count(head) > 6 || std::none_of(kKinds.begin(), kKinds.end(), [&](std::string_view k) {
        return head.find(k) != std::string_view::npos;
      })) {
    return std::nullopt;
  }
  std::string_view answer = trim(sentence.substr(pos));
  while (!answer.empty() && (answer.back() == '.' || answer.back() == ' ')) answer.remove_suffix(1);
  if (word_count(answer) < 5) return std::nullopt;
  return std::string(answer);
}

// A sentence that goes on about the subject of the one before: `It is …`, `It can be …`, `They
// are …`, `이는 …`.
bool goes_on_about(std::string_view sentence) {
  const std::string head = ascii_lower(trim(sentence).substr(0, 12));
  for (const std::string_view lead : {"it is ", "it can ", "it was ", "it has ", "it uses ",
                                      "it works ", "it's ", "they are ", "they can "}) {
    if (starts_with(head, lead)) return true;
  }
  return starts_with(trim(sentence), "\xEC\x9D\xB4\xEB\x8A\x94 ");  // 이는
}

// What a sentence that points at earlier text points at (the sentence `k` of the paragraph
// `blocks[b]`): the sentence right before it, or, for the first sentence of its paragraph, a list
// of up to four short items with the line that introduces it right above; empty when neither is
// there, or when that text leans further back itself.
std::string antecedent(std::span<const Block> blocks, std::size_t b,
                       const std::vector<Sentence>& sentences, std::size_t k) {
  constexpr std::size_t kLongest = 240;
  if (k > 0) {
    const std::string_view before = trim(sentences[k - 1].text);
    if (leans_back(before) || points_at_earlier_text(before) || asks(before) ||
        introduces_list(before) || code_point_count(before) > kLongest) {
      return {};
    }
    // `디코더는 이 "나는" 토큰을 …`: it points further back itself.
    const std::vector<std::string_view> words = split_words(before);
    for (std::size_t w = 0; w < words.size() && w < 4; ++w) {
      if (words[w] == "이" || words[w] == "그" || words[w] == "이런" || words[w] == "이러한" ||
          words[w] == "해당" || words[w] == "위의") {
        return {};
      }
    }
    return std::string(before);
  }
  if (b < 2 || blocks[b - 1].kind != BlockKind::list || blocks[b - 2].kind != BlockKind::paragraph) {
    return {};
  }
  const std::string intro = clean_inline(blocks[b - 2].text);
  const std::vector<Sentence> said = split_sentences(intro);
  if (said.empty() || !introduces_list(said.back().text) || leans_back(said.back().text)) return {};
  // The items as written (they may be the problems it answers, asked: `- What if we overfit?`).
  std::string items;
  std::size_t count = 0;
  for (const Block& item : blocks[b - 1].children) {
    const std::string head = item_head_text(item);
    if (head.empty() || ++count > 4) return {};
    items += "\n- " + head;
  }
  if (count == 0 || code_point_count(items) > kLongest) return {};
  return std::string(trim(said.back().text)) + items;
}

// `sentence` lower-cased and without emphasis marks, with where the first mention of `term` in it
// starts and ends; nullopt when it does not mention it (or the term is too short to look for).
struct TermInSentence {
  std::string lower;
  std::size_t at = 0;
  std::size_t end = 0;
};

std::optional<TermInSentence> find_term_in(std::string_view sentence, std::string_view term) {
  const std::string key = term_key(term);
  if (key.size() < 2) return std::nullopt;
  TermInSentence found{ascii_lower(sentence)};
  std::erase(found.lower, '*');
  std::erase(found.lower, '`');
  std::size_t matched = 0;
  found.at = find_term(found.lower, key, &matched);
  if (found.at == std::string::npos) return std::nullopt;
  found.end = found.at + matched;
  return found;
}

// `… 손실 함수와 다음 문장 예측을 위한 손실 함수의 평균으로 계산한다`: a Korean sentence that names
// the term only to say what another noun is for (`X을 위한 N`) is about that noun.
bool names_for_another(std::string_view sentence, std::string_view term) {
  if (!contains_hangul(sentence)) return false;
  const std::optional<TermInSentence> found = find_term_in(sentence, term);
  if (!found) return false;
  const std::string_view after = std::string_view(found->lower).substr(found->end);
  for (const std::string_view qualifier : {"을 위한 ", "를 위한 ", " 을 위한 ", " 를 위한 "}) {
    if (starts_with(after, qualifier)) return true;
  }
  return false;
}

// `Another way to explain X is …`, `Also, X is …`, `Similarly, X is …`: a sentence that tells the
// term again, after a telling the card would not show.
bool tells_again(std::string_view sentence) {
  const std::string_view t = trim(sentence);
  const std::string first = ascii_lower(t.substr(0, t.find_first_of(" ,")));
  static constexpr auto kAgain = std::to_array<std::string_view>(
      {"another", "also", "however", "but", "similarly", "again", "alternatively", "moreover",
       "furthermore", "likewise"});
  if (std::find(kAgain.begin(), kAgain.end(), first) == kAgain.end()) return false;
  // `Another name for X is …`: a synonym, said in full.
  const std::string opening = ascii_lower(t.substr(0, std::min<std::size_t>(t.size(), 16)));
  return !(starts_with(opening, "another name") || starts_with(opening, "another term") ||
           starts_with(opening, "another word"));
}

// The first sentence of the text paragraphs of `blocks` that `how` asks for, with the sentence
// after it when it is short, or nullopt. `paragraphs` counts the paragraphs looked at so far.
std::optional<SectionAnswer> find_sentence(std::span<const Block> blocks, std::string_view term,
                                           const SentenceSearch& how, std::size_t& paragraphs) {
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    if (block.kind == BlockKind::quote && how.into_quotes) {
      if (auto inner = find_sentence(block.children, term, how, paragraphs)) return inner;
      continue;
    }
    if (block.kind != BlockKind::paragraph) continue;
    if (++paragraphs > how.max_paragraphs) return std::nullopt;
    // Most paragraphs never name the term, and a paragraph that is one code span (a command) says
    // nothing about it: both are skipped before being read closely.
    if (is_code_span(block.text) || !mentions(block.text, term) || is_empty_of_text(block.text)) {
      continue;
    }
    const std::string text = clean_inline(block.text);
    const std::vector<Sentence> sentences = split_sentences(text);
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      const std::string_view sentence = sentences[k].text;
      if (std::optional<std::string> apposition = appositive_definition(sentence, term)) {
        SectionAnswer answer;
        answer.text = std::move(*apposition);
        answer.end_line = block.line + sentences[k].line;
        answer.defining = true;
        return answer;
      }
      // A sentence that only announces what follows (`Some methods for X:`) names the term
      // without saying anything about it.
      // `Another way to explain X is that …`, `Also, X is …`: a second telling leans on the first.
      const bool fits = how.defining ? defines_term(sentence, term) && !tells_again(sentence)
                                     : names_term(sentence, term) && !leans_back(sentence) &&
                                           !introduces_list(sentence) &&
                                           !names_for_another(sentence, term);
      if (!fits) continue;
      SectionAnswer answer;
      answer.text = std::string(sentence);
      answer.end_line = block.line + sentences[k].line;
      answer.defining = how.defining;
      answer.leans_back = leans_back(sentence);
      // `Momentum is a simple method that does this by …`, `Ridge regression deals with these
      // problems …`: what `this` points at comes first, when it is the sentence right before or a
      // short list the paragraph right before introduces.
      if (points_at_earlier_text(sentence)) {
        if (std::string before = antecedent(blocks, b, sentences, k); !before.empty()) {
          answer.text = before + (before.find('\n') != std::string::npos ? "\n" : " ") + answer.text;
        }
      }
      // A short sentence goes on in the next one (`X is a method. It …`), and so does one the
      // next sentence goes on about (`… a quantity called perplexity. It can be understood as …`).
      if (k + 1 < sentences.size() &&
          ((code_point_count(sentence) < how.short_length &&
            (how.defining || !leans_back(sentences[k + 1].text))) ||
           (goes_on_about(sentences[k + 1].text) &&
            code_point_count(sentence) + code_point_count(sentences[k + 1].text) <= 320))) {
        append_sentence(answer.text, sentences[k + 1].text);
        answer.end_line = block.line + sentences[k + 1].line;
        ++k;
      }
      // `A convolution layer is formally defined with:` ends its paragraph on the list it announces.
      if (k + 1 == sentences.size() && introduces_list(sentences[k].text)) {
        take_what_follows(answer, blocks.subspan(b + 1));
      } else if (k + 1 == sentences.size() && how.defining && b + 1 < blocks.size() &&
                 blocks[b + 1].kind == BlockKind::paragraph) {
        // `Dropout is a regularization technique …` + a paragraph opening `Using dropout, you
        // randomly deactivate …`: the kind, then how it works.
        if (std::string more = how_it_works(blocks[b + 1].text, answer.text, term); !more.empty()) {
          append_sentence(answer.text, more);
          answer.end_line = blocks[b + 1].line;
        }
      }
      return answer;
    }
  }
  return std::nullopt;
}

// The first sentence of the first eight paragraphs (callouts too) that defines `term`.
std::optional<SectionAnswer> defining_answer(std::span<const Block> blocks, std::string_view term) {
  std::size_t paragraphs = 0;
  return find_sentence(blocks, term, {true, 8, true, 120}, paragraphs);
}

// The first sentence of the first three paragraphs that names `term` without leaning back.
std::optional<SectionAnswer> naming_answer(std::span<const Block> blocks, std::string_view term) {
  std::size_t paragraphs = 0;
  return find_sentence(blocks, term, {false, 3, false, 160}, paragraphs);
}

}  // namespace

bool introduces_list(std::string_view sentence) {
  const std::string_view s = trim(sentence);
  if (ends_with(s, ":") || ends_with(s, "\xEF\xBC\x9A")) return true;
  std::string lower = ascii_lower(s);
  std::replace(lower.begin(), lower.end(), '\n', ' ');
  // `In short`, `in simply`, `요약하면`: a fragment that only says how the list puts it.
  for (const std::string_view lead : {"in short", "in simply", "simply put", "in simple terms",
                                      "simply", "basically", "in brief", "in summary", "briefly",
                                      "in a nutshell", "tl;dr", "요약하면", "간단히", "한마디로"}) {
    if (lower == lead || (starts_with(lower, lead) && lower.size() <= lead.size() + 1)) return true;
  }
  // `Remedies against overfitting include`, `The main steps are`: a verb that waits for the list.
  for (const std::string_view verb : {" include", " includes", " are", " consist of",
                                      " consists of", " such as", " are to", " is to"}) {
    if (ends_with(lower, verb) && word_count(lower) >= 3) return true;
  }
  return lower.find("as follows") != std::string::npos ||
         lower.find("the following") != std::string::npos || starts_with(lower, "a list of") ||
         starts_with(lower, "list of") || lower.find("listed below") != std::string::npos ||
         s.find("다음과 같") != std::string_view::npos || s.find("아래와 같") != std::string_view::npos ||
         s.find("아래 ") != std::string_view::npos || s.find("다음의 ") != std::string_view::npos;
}

bool points_ahead(std::string_view sentence) {
  const std::string lower = ascii_lower(sentence);
  for (const std::string_view ahead : {"아래", "다음과", "다음의", "below", "the following"}) {
    if (lower.find(ahead) != std::string::npos) return true;
  }
  return false;
}

std::string heading_name(std::string_view text) {
  const std::string links = without_link_targets(without_wikilinks(text));
  std::string_view s = strip_wrapping(links);
  s = strip_wrapping(without_leading_marks(s));
  return std::string(s);
}

std::optional<std::string> pseudo_heading(std::string_view paragraph) {
  std::string_view s = trim(paragraph);
  if (s.find('\n') != std::string_view::npos) return std::nullopt;
  s = without_leading_marks(s);
  s = strip_trailing_colon(s);
  if (!(starts_with(s, "**") && ends_with(s, "**")) &&
      !(starts_with(s, "__") && ends_with(s, "__"))) {
    return std::nullopt;
  }
  if (s.size() < 5 || s.substr(2, s.size() - 4).find("**") != std::string_view::npos) {
    return std::nullopt;
  }
  std::string name = heading_name(s);
  if (name.empty()) return std::nullopt;
  return name;
}

std::string clean_inline(std::string_view text) {
  const std::string linked = without_wikilinks(text);
  std::string out;
  out.reserve(linked.size());
  const std::string_view s(linked);
  for (std::size_t i = 0; i < s.size();) {
    // Only `!`, `{`, `<` and `[` can start what is dropped.
    if (s[i] != '!' && s[i] != '{' && s[i] != '<' && s[i] != '[') {
      if (!(s[i] == ' ' && !out.empty() && out.back() == ' ')) out += s[i];
      ++i;
      continue;
    }
    // `![alt](target)` and the kramdown attributes after it.
    if (s.compare(i, 2, "![") == 0) {
      const std::size_t mid = s.find("](", i + 2);
      const std::size_t close = mid == std::string_view::npos ? mid : s.find(')', mid + 2);
      if (close != std::string_view::npos && s.substr(i, close - i).find('\n') ==
                                                 std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    if (s.compare(i, 2, "{:") == 0) {
      const std::size_t close = s.find('}', i);
      if (close != std::string_view::npos) {
        i = close + 1;
        continue;
      }
    }
    if (s.compare(i, 5, "<sup>") == 0) {
      const std::size_t close = s.find("</sup>", i);
      if (close != std::string_view::npos) {
        // `2<sup>h</sup>-1` is a power, kept as `2^h-1`; `<sup>[1)](#ref)</sup>` is a footnote.
        const std::string_view power = trim(s.substr(i + 5, close - i - 5));
        if (!power.empty() && power.size() <= 12 &&
            power.find_first_of("[]#()<>") == std::string_view::npos) {
          out += power.size() == 1 ? "^" + std::string(power) : "^(" + std::string(power) + ")";
        }
        i = close + 6;
        continue;
      }
    }
    if (s.compare(i, 2, "[^") == 0) {
      const std::size_t close = s.find(']', i);
      if (close != std::string_view::npos && close - i < 12) {
        i = close + 1;
        continue;
      }
    }
    // An HTML tag (`<br>`, `<a id="x">`, `</a>`): dropped, its text kept.
    if (s[i] == '<' && i + 1 < s.size() &&
        (std::isalpha(static_cast<unsigned char>(s[i + 1])) != 0 || s[i + 1] == '/')) {
      const std::size_t close = s.find('>', i);
      if (close != std::string_view::npos && close - i < 200 &&
          s.substr(i, close - i).find('\n') == std::string_view::npos) {
        // `<https://…>` is an autolink: its address is text.
        const std::string_view inner = s.substr(i + 1, close - i - 1);
        if (inner.find("://") != std::string_view::npos && inner.find(' ') == std::string_view::npos) {
          out += inner;
        }
        i = close + 1;
        continue;
      }
    }
    out += s[i++];
  }
  // Spaces left doubled where something was dropped.
  std::string tidy;
  tidy.reserve(out.size());
  for (const char c : out) {
    if (c == ' ' && !tidy.empty() && tidy.back() == ' ') continue;
    tidy += c;
  }
  const std::string_view trimmed = trim(tidy);
  if (trimmed.size() == tidy.size()) return tidy;
  return std::string(trimmed);
}

bool is_empty_of_text(std::string_view paragraph) {
  const std::string cleaned = clean_inline(paragraph);
  const std::string_view s = trim(cleaned);
  if (s.empty() || !has_word_character(s) || is_link_only(s)) return true;
  if (starts_with(s, "$$") && ends_with(s, "$$")) return true;
  // `[Paper title]`, `[PAPER](…) | [CODE](…)`: a title or a row of links, no explanation.
  if (s.front() == '[' && s.back() == ']' && s.find('\n') == std::string_view::npos) return true;
  if (s.find("](") != std::string_view::npos) {
    const std::string bare = without_link_targets(s);
    std::size_t letters = 0;
    for (const char c : bare) {
      if (c != '|' && c != ' ' && c != '\t' && c != '`' && c != '[' && c != ']') ++letters;
    }
    std::size_t linked = 0;
    for (std::size_t at = s.find("]("); at != std::string_view::npos; at = s.find("](", at + 2)) {
      ++linked;
    }
    if (linked >= 2 && letters < 12 * linked) return true;
  }
  if (starts_with(s, "\\[") && ends_with(s, "\\]")) return true;
  return false;
}

// A first sentence that defines the heading without naming it: `…확률적 자료구조이다.` (the heading
// is its subject), `It is a …`, `A method that …`.
bool defines_implicitly(std::string_view text) {
  const std::vector<Sentence> sentences = split_sentences(text);
  return !sentences.empty() && defines_implicitly_sentence(sentences.front().text);
}

bool defines_implicitly_sentence(std::string_view sentence) {
  const std::string_view first = trim(sentence);
  if (contains_hangul(first)) {
    // `강화학습에서의 목적은 …하는 것이다`, `기존 논문에서는 …`: a sentence that opens on the field or
    // the earlier work the section starts from sets the scene, whatever its ending.
    if (starts_with(first, "기존")) return false;
    // `인간으로 따지면 두뇌에 해당하는 부분`: a likeness, not what the thing is.
    if (first.find("따지면") != std::string_view::npos || first.find("비유") != std::string_view::npos) {
      return false;
    }
    // `주체 객체 & 관찰 객체`: two things named side by side, not one said to be a kind.
    if (first.find(" & ") != std::string_view::npos) {
      return false;
    }
    // `**Commit convention rule** : 날짜-[주제]-내용-상태`: a labelled line, not a phrase.
    if (starts_with(first, "**") && (first.find("** :") != std::string_view::npos ||
                                     first.find("**:") != std::string_view::npos)) {
      return false;
    }
    const std::vector<std::string_view> words = split_words(first);
    for (std::size_t i = 0; i < std::min<std::size_t>(words.size(), 3); ++i) {
      if (ends_with(words[i], "에서의") || ends_with(words[i], "에서는")) return false;
    }
    std::string_view body = first;
    // `…, **각 프로세스에서 공유 데이터를 접근하는 프로그램 코드 부분**`: emphasis closing the phrase.
    while (!body.empty() && (body.back() == '.' || body.back() == ' ' || body.back() == '*')) {
      body.remove_suffix(1);
    }
    // `LIFO 방식 (나중에 들어온 것이 먼저 나감)`: a gloss in parentheses after the phrase.
    if (!body.empty() && body.back() == ')') {
      if (const std::size_t open = body.rfind(" ("); open != std::string_view::npos && open > 0) {
        body = trim(body.substr(0, open));
      }
    }
    for (const std::string_view end : {"말한다", "의미한다", "뜻한다", "가리킨다", "말함", "의미함",
                                       "것", "것이다"}) {
      if (ends_with(body, end)) return true;
    }
    // `…확률적 자료구조이다`, `…레지스터에 적재하는 과정`: a kind of thing, not any sentence that
    // ends in `이다` (judged: Korean prose read that way kept 8 of 26).
    const bool copula = ends_with(body, "다");
    if (ends_with(body, "이다")) body.remove_suffix(std::string_view("이다").size());
    for (const std::string_view kind :
         {"기법", "방법", "방법론", "구조", "자료구조", "알고리즘", "모델", "개념", "과정", "기술",
          "함수", "네트워크", "프로토콜", "장치", "단위", "문제", "현상", "지표", "방식", "기능",
          "시스템", "패턴", "원리", "성질", "분포", "값", "집합", "언어", "도구", "전략", "태스크",
          "작업", "연산", "메모리", "공간", "그래프", "형태", "절차", "규칙", "공격", "능력",
          "특성", "속성", "상태", "역할", "관계", "영역", "데이터", "정보", "객체", "프로그램",
          "부분", "프로세스", "요소", "자원", "명령어", "계층", "변수", "클래스", "인터페이스",
          "자료형"}) {
      if (ends_with(body, kind)) return true;
    }
    if (copula) return false;
    for (const std::string_view start : {"핵심 아이디어는", "핵심은", "기본 아이디어는", "주요 아이디어는"}) {
      if (starts_with(first, start)) return true;
    }
    return false;
  }
  const std::string lower = ascii_lower(first);
  // `It serves to …`, `They map …`: the heading's concept is the subject and the verb says what it
  // does (`It is important …`, `It can …` say something else).
  if (const std::vector<std::string_view> words = split_words(lower);
      words.size() >= 4 && (words[0] == "it" || words[0] == "they")) {
    static constexpr auto kNotDoing = std::to_array<std::string_view>(
        {"is", "was", "are", "were", "can", "could", "may", "might", "would", "should", "will",
         "must", "has", "have", "had", "does", "do", "did", "seems", "looks", "turns", "gets"});
    const std::string_view verb = words[1];
    // `It serves` takes the verb's -s; `They map` does not.
    const bool agrees = words[0] == "they" || (verb.size() > 2 && verb.back() == 's');
    if (std::find(kNotDoing.begin(), kNotDoing.end(), verb) == kNotDoing.end() && agrees &&
        verb != "also" && verb != "just" && verb != "then") {
      return true;
    }
  }
  // `Takes a whole vector and …`, `Computes the mean of …`: a verb whose subject is the heading.
  if (const std::vector<std::string_view> words = split_words(lower); words.size() >= 4) {
    static constexpr auto kDeterminers = std::to_array<std::string_view>(
        {"a", "an", "the", "each", "every", "its", "all", "any", "some", "two"});
    const std::string_view verb = words[0];
    if (verb.size() > 3 && verb.back() == 's' && verb[verb.size() - 2] != 's' &&
        std::find(kDeterminers.begin(), kDeterminers.end(), words[1]) != kDeterminers.end()) {
      return true;
    }
  }
  for (const std::string_view start : {"it is a", "it is an", "it's a", "a ", "an ", "refers to",
                                       "is a ", "is an ", "the main idea is", "the idea is",
                                       "the basic idea is", "the key idea is"}) {
    if (starts_with(lower, start)) return true;
  }
  return false;
}

// `기존의 DQN은 …`, `Previously, …`, `Traditionally, …`: a sentence that tells what came before.
bool opens_on_background(std::string_view sentence) {
  sentence = trim(sentence);
  const std::string lower = ascii_lower(sentence.substr(0, std::min<std::size_t>(sentence.size(), 24)));
  for (const std::string_view lead :
       {"\xEA\xB8\xB0\xEC\xA1\xB4", "\xEC\x9D\xB4\xEC\xA0\x84\xEC\x97\x90", "\xEA\xB3\xBC\xEA\xB1\xB0\xEC\x97\x90",  // 기존 이전에 과거에
        "previously", "traditionally", "historically", "until recently", "before ", "earlier ",
        "recently", "in recent years", "최근"}) {
    if (starts_with(lower, lead)) return true;
  }
  return false;
}

namespace {

// The first sentence of the first two text paragraphs that opens on `term` or on its first word
// (`Attention은 …` under `Attention Mechanism`) and does not lean back, with the next sentence when
// it goes on about it; nullopt when none does.
std::optional<SectionAnswer> sentence_opening_on(std::span<const Block> blocks, std::string_view term) {
  const std::vector<std::string_view> words = split_words(term);
  const std::string_view head = words.empty() ? std::string_view{} : words.front();
  std::size_t paragraphs = 0;
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::paragraph || is_empty_of_text(block.text)) continue;
    if (++paragraphs > 2) break;
    const std::string text = clean_inline(block.text);
    const std::vector<Sentence> sentences = split_sentences(text);
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      const std::string_view sentence = trim(sentences[k].text);
      const bool opens = opens_on_term(sentence, term) ||
                         (head.size() >= 3 && words.size() > 1 && opens_on_term(sentence, head));
      if (!opens || leans_back(sentence) || asks(sentence) || introduces_list(sentence)) continue;
      SectionAnswer answer;
      answer.text = std::string(sentence);
      answer.end_line = block.line + sentences[k].line;
      if (k + 1 < sentences.size() && goes_on_about(sentences[k + 1].text)) {
        append_sentence(answer.text, sentences[k + 1].text);
        answer.end_line = block.line + sentences[k + 1].line;
      }
      return answer;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

// `Also known as a logistic function.`, `Also called the dependent variable.`: a line that gives
// another name for the heading's term, opening its section.
bool is_alias_line(std::string_view text) {
  text = trim(text);
  if (text.find('\n') != std::string_view::npos || word_count(text) > 12) return false;
  const std::string lower = ascii_lower(text.substr(0, std::min<std::size_t>(text.size(), 16)));
  return starts_with(lower, "also known as ") || starts_with(lower, "also called ") ||
         starts_with(lower, "a.k.a. ") || starts_with(lower, "aka ");
}

std::optional<SectionAnswer> answer_of_section(std::span<const Block> blocks, std::string_view term);

}  // namespace

// The answer answer_of_section finds, after the other name the section opens with when it does
// not show it (`Also known as a logistic function.` + `The sigmoid function is defined as …`).
namespace {

// The one-line text of a paragraph or a one-paragraph quote (`> 답변`, `**Answer:**`) without its
// emphasis and closing colon, lower case; empty for anything longer than a few words.
std::string short_label(const Block& block) {
  const Block* inner = &block;
  if (block.kind == BlockKind::quote && block.children.size() == 1) inner = &block.children.front();
  if (inner->kind != BlockKind::paragraph) return {};
  const std::string_view text = trim(inner->text);
  if (text.empty() || text.find('\n') != std::string_view::npos || word_count(text) > 5) return {};
  return ascii_lower(strip_trailing_colon(trim(strip_emphasis(text))));
}

bool is_answer_label(std::string_view label) {
  for (const std::string_view word : {"답변", "답", "정답", "해답", "answer", "solution", "a"}) {
    if (label == word) return true;
  }
  return false;
}

// A label line that is not an answer's: ends with no sentence mark and holds no verb ending.
bool is_other_label(std::string_view label) {
  if (label.empty()) return false;
  const char last = label.back();
  return last != '.' && last != '?' && last != '!' && !ends_with(label, "다") &&
         !ends_with(label, "요") && !ends_with(label, "함") && !ends_with(label, "음");
}

}  // namespace

// `> 배경 & 질문 의도` + a line + `> 답변` + the answer + `> 키워드 & 꼬리 질문`: an interview
// template whose answer is what its `답변` (`Answer`, `Solution`) label heads, up to the next label.
std::span<const Block> labelled_answer(std::span<const Block> blocks) {
  for (std::size_t k = 0; k + 1 < blocks.size(); ++k) {
    if (!is_answer_label(short_label(blocks[k]))) continue;
    std::size_t end = k + 1;
    while (end < blocks.size() && blocks[end].kind != BlockKind::heading &&
           !(end > k + 1 && (blocks[end].kind == BlockKind::quote ||
                             blocks[end].kind == BlockKind::paragraph) &&
             is_other_label(short_label(blocks[end])))) {
      ++end;
    }
    return blocks.subspan(k + 1, end - k - 1);
  }
  return blocks;
}

std::optional<SectionAnswer> section_answer(std::span<const Block> blocks, std::string_view term) {
  blocks = labelled_answer(blocks);
  std::optional<SectionAnswer> answer = answer_of_section(blocks, term);
  if (!answer || term.empty()) return answer;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::html || (block.kind == BlockKind::paragraph && is_empty_of_text(block.text))) {
      continue;
    }
    if (block.kind == BlockKind::paragraph && is_alias_line(block.text)) {
      const std::string alias = clean_inline(trim(block.text));
      if (answer->text.find(alias) == std::string::npos) answer->text = alias + "\n" + answer->text;
    }
    break;
  }
  return answer;
}

namespace {

std::optional<SectionAnswer> answer_of_section(std::span<const Block> blocks, std::string_view term) {
  std::optional<SectionAnswer> first = blocks_answer(blocks);
  if (term.empty() || !first || first->from_list) return first;
  // Notes of one line a paragraph are joined by line breaks: the first line is the first sentence.
  const std::vector<Sentence> opening = split_sentences(
      first->note_lines ? std::string_view(first->text).substr(0, first->text.find('\n'))
                        : std::string_view(first->text));
  if (!opening.empty() && defines_term(opening.front().text, term)) {
    first->defining = true;
    // The answer ends its paragraph: the next may say how the term works (how_it_works).
    for (std::size_t j = 0; j + 1 < blocks.size(); ++j) {
      if (blocks[j].kind != BlockKind::paragraph || blocks[j].end_line != first->end_line) continue;
      if (blocks[j + 1].kind == BlockKind::paragraph) {
        if (std::string more = how_it_works(blocks[j + 1].text, first->text, term); !more.empty()) {
          append_sentence(first->text, more);
          first->end_line = blocks[j + 1].line;
        }
      }
      break;
    }
    return first;
  }
  // `기존 Seq2Seq 모델은 … 한계가 있었다. … Attention은 디코더가 …`: an opening that tells the
  // background gives way to the first sentence that opens on the term (or its first word).
  if (!opening.empty() && opens_on_background(opening.front().text)) {
    if (std::optional<SectionAnswer> after = sentence_opening_on(blocks, term)) return after;
  }
  // `Takes a whole vector and …`, `…매핑하는 것`: an opening whose unnamed subject is the heading
  // answers before a later sentence that names the term (`Softmax is similar to sigmoid`).
  const bool implicit = !opening.empty() && defines_implicitly_sentence(opening.front().text);
  if (!first->leans_back && implicit) return first;
  if (std::optional<SectionAnswer> defining = defining_answer(blocks, term)) {
    // `A convolution layer is formally defined with:` + twelve parameters would be cut; an
    // opening that names the term (`Convolution layers perform …`) answers whole instead.
    if (defining->text.size() <= kMaxAnswerCodePoints ||
        code_point_count(defining->text) <= kMaxAnswerCodePoints || first->leans_back ||
        !names_term(first->text, term)) {
      return defining;
    }
  }
  // An opening that leans on what came before (`So far we saw …`) gives way to the first sentence
  // that names the term; one that defines the heading's term as its unnamed subject (`임의의 길이
  // 데이터를 고정된 길이로 매핑하는 것`) answers as it is.
  if (first->leans_back || (!implicit && !names_term(first->text, term))) {
    if (std::optional<SectionAnswer> naming = naming_answer(blocks, term)) return naming;
  }
  return first;
}

}  // namespace

std::optional<SectionAnswer> defining_sentence(std::span<const Block> blocks,
                                               std::string_view term) {
  if (term.empty()) return std::nullopt;
  std::size_t paragraphs = 0;
  return find_sentence(blocks, term, {true, 16, true, 120}, paragraphs);
}

bool reads_as_question(std::string_view name) {
  name = trim(name);
  if (name.empty() || ends_with(name, "?") || ends_with(name, ":") || word_count(name) < 3) {
    return false;
  }
  const std::string lower = ascii_lower(split_words(name).front());
  static constexpr auto kAsking = std::to_array<std::string_view>(
      {"why", "how", "what", "when", "which", "should", "can", "does", "do", "is", "are"});
  if (std::find(kAsking.begin(), kAsking.end(), lower) != kAsking.end()) {
    // `How to …` titles a recipe, `What's new` a changelog: neither asks about a concept.
    const std::string head = ascii_lower(name.substr(0, 12));
    return !starts_with(head, "how to ") && !starts_with(head, "what's new") &&
           !starts_with(head, "what's next");
  }
  for (const std::string_view ending : {"\xEC\x9D\xB8\xEA\xB0\x80", "\xEC\x9D\xBC\xEA\xB9\x8C",
                                        "\xED\x95\xA0\xEA\xB9\x8C", "\xEB\x82\x98\xEC\x9A\x94",
                                        "\xEB\x8A\x94\xEA\xB0\x80"}) {  // 인가 일까 할까 나요 는가
    if (ends_with(name, ending)) return true;
  }
  return false;
}

namespace {

// `# Types of RNN` over `| Type | Input | Output |` rows: one item per row, its first cell with
// the other cells after it when there are at most two (at most 8 rows).
std::optional<SectionAnswer> table_points(const Block& table) {
  constexpr std::size_t kMaxRows = 8;
  const std::vector<std::string_view> rows = split_lines(table.text);
  if (rows.size() < 4 || rows.size() - 2 > kMaxRows) return std::nullopt;
  const std::vector<std::string> header = table_cells(rows[0]);
  // Rows that are cards of their own (rule `table`): the list names them.
  const bool carded = table_rows_are_cards(header);
  const std::size_t columns = header.size();
  SectionAnswer answer;
  for (std::size_t r = 2; r < rows.size(); ++r) {
    const std::vector<std::string> row = table_cells(rows[r]);
    if (row.empty()) continue;
    std::string item = clean_inline(row[0]);
    if (trim(item).empty()) continue;
    if (!carded && columns <= 3) {
      std::string rest;
      for (std::size_t c = 1; c < row.size(); ++c) {
        const std::string cell = clean_inline(row[c]);
        if (trim(cell).empty()) continue;
        rest += (rest.empty() ? "" : ", ") + std::string(trim(cell));
      }
      if (!rest.empty()) item += ": " + rest;
    }
    answer.text += (answer.text.empty() ? "- " : "\n- ") + item;
    ++answer.items;
  }
  if (answer.items < 2) return std::nullopt;
  answer.end_line = table.line + static_cast<int>(rows.size()) - 1;
  answer.from_list = true;
  return answer;
}

}  // namespace

std::optional<SectionAnswer> listed_answer(std::span<const Block> body) {
  // The first list of the section, when no more than two blocks of text come before it; a table
  // in its place gives its rows.
  std::size_t before = 0;
  for (const Block& block : body) {
    if (block.kind == BlockKind::list) {
      if (std::optional<SectionAnswer> items = list_answer(block); items && items->items >= 2) {
        return items;
      }
      break;
    }
    if (block.kind == BlockKind::table) return table_points(block);
    if ((block.kind == BlockKind::paragraph || block.kind == BlockKind::quote) && ++before > 2) {
      break;
    }
  }
  return paragraph_points(body);
}

// `##### 장점` + one short paragraph per point, with blank lines between them and no bullets:
// the points as a list, when the section is nothing else (at most 8 points).
std::optional<SectionAnswer> paragraph_points(std::span<const Block> body) {
  constexpr std::size_t kMaxPoints = 8;
  constexpr std::size_t kMaxPointBytes = 240;
  std::vector<const Block*> points;
  for (const Block& block : body) {
    if (block.kind != BlockKind::paragraph) {
      if (block.kind == BlockKind::html || block.kind == BlockKind::code) continue;
      return std::nullopt;
    }
    const std::string_view text = trim(block.text);
    if (text.empty()) continue;
    // A point is one line; a bracketed aside (`(자바는 JUnit …)`) belongs to the point above.
    if (text.front() == '(' && !points.empty()) continue;
    // `… 알아보자`, `… as follows:`: the opening line announces the points and is not one.
    if (points.empty() && (introduces_list(text) || ends_with(text, "\xEB\xB3\xB4\xEC\x9E\x90") ||
                           ends_with(text, "\xEB\xB3\xB4\xEC\x9E\x90."))) {  // 보자
      continue;
    }
    if (text.size() > kMaxPointBytes || points.size() == kMaxPoints) return std::nullopt;
    points.push_back(&block);
  }
  if (points.size() < 2) return std::nullopt;
  SectionAnswer answer;
  for (const Block* point : points) {
    const std::vector<std::string_view> lines = split_lines(point->text);
    answer.text += "- " + std::string(trim(lines.front())) + "\n";
    answer.end_line = point->line;
  }
  answer.text.pop_back();
  answer.items = points.size();
  answer.from_list = true;
  return answer;
}

bool is_summary_label(std::string_view name) {
  std::string lower = ascii_lower(trim(heading_name(name)));
  static constexpr auto kLabels = std::to_array<std::string_view>(
      {"abstract", "scheme", "summary", "overview", "tl;dr", "tldr", "introduction", "intro",
       "\xEC\x9A\x94\xEC\x95\xBD", "\xEA\xB0\x9C\xEC\x9A\x94",
       "\xEC\x86\x8C\xEA\xB0\x9C"});  // 요약 개요 소개
  for (const std::string_view label : kLabels) {
    if (lower == label || (label.size() >= 6 && one_edit_apart(lower, label))) return true;
  }
  return false;
}

bool is_citation(std::span<const Block> body) {
  bool any = false;
  for (const Block& block : body) {
    if (block.kind == BlockKind::html || block.kind == BlockKind::rule) continue;
    // `- https://…` items: the pages the writer read.
    if (block.kind == BlockKind::list) {
      const bool links = std::all_of(block.children.begin(), block.children.end(), [](const Block& item) {
        const std::string head = item_head_text(item);
        const bool link_only = is_link_only(head) || is_empty_of_text(head);
        return link_only && std::all_of(item.children.begin(), item.children.end(), [](const Block& b) {
          return b.kind != BlockKind::list ||
                 std::all_of(b.children.begin(), b.children.end(), [](const Block& sub) {
                   return is_link_only(item_head_text(sub));
                 });
        });
      });
      if (links) continue;
      return false;
    }
    if (block.kind != BlockKind::paragraph) return false;
    if (is_empty_of_text(block.text)) continue;
    // `[PAPER](…) | [CODE](…)`: links and separators only.
    const std::string words = without_link_targets(block.text);
    if (!std::any_of(words.begin(), words.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                 static_cast<unsigned char>(c) >= 0xC0;
        }) ||
        is_link_only(trim(block.text))) {
      continue;
    }
    const std::string text = clean_inline(block.text);
    const std::string_view t = trim(text);
    any = true;
    // `참고한 블로그:` over a list of links.
    if (ends_with(t, ":") && word_count(t) <= 4) continue;
    // `[Proximal policy optimization algorithms]`: the paper's title.
    if (starts_with(t, "[") && ends_with(t, "]") && t.find('\n') == std::string_view::npos) continue;
    // `John Schulman, Filip Wolski, Oleg Klimov (2017)`: its authors.
    std::size_t parts = 1;
    bool names = !contains_hangul(t) && t.find('\n') == std::string_view::npos;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size() && names; ++i) {
      if (i == t.size() || t[i] == ',') {
        const std::string_view part = trim(t.substr(start, i - start));
        if (word_count(part) > 6) names = false;
        if (i < t.size()) ++parts;
        start = i + 1;
      }
    }
    if (names && parts >= 2) continue;
    return false;
  }
  return any;
}

bool leans_on_context(std::string_view text) {
  // The first sentence is enough: look at the first bytes only.
  std::size_t cut = std::min<std::size_t>(text.size(), 200);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  const std::vector<Sentence> sentences = split_sentences(text.substr(0, cut));
  return !sentences.empty() && leans_back(sentences.front().text);
}

namespace {

// The first sentence of `text`, read from its first 300 bytes (cut on a character boundary).
std::string_view opening_sentence(std::string_view text) {
  std::size_t cut = std::min<std::size_t>(text.size(), 300);
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  const std::vector<Sentence> sentences = split_sentences(text.substr(0, cut));
  return sentences.empty() ? std::string_view{} : trim(sentences.front().text);
}

}  // namespace

bool narrates(std::string_view text) {
  std::string_view first = opening_sentence(text);
  if (first.empty()) return false;
  while (starts_with(first, "-") || starts_with(first, "*")) first = trim(first.substr(1));
  for (const std::string_view ending :
       {"였다.", "했다.", "었다.", "았다.", "다고 한다.", "다고 함.", "였음.", "했음.", "었음.",
        "다고 주장한다.", "라고 주장한다.", "다고 주장함."}) {
    if (ends_with(first, ending)) return true;
  }
  const std::string lower = ascii_lower(first.substr(0, std::min<std::size_t>(first.size(), 40)));
  for (const std::string_view start : {"we ", "in this paper", "this paper", "the authors",
                                       "the paper", "in the paper", "i ", "i'm ", "i've "}) {
    if (starts_with(lower, start)) return true;
  }
  return false;
}

bool speculates(std::string_view text) {
  const std::vector<Sentence> sentences = split_sentences(text);
  if (sentences.empty()) return false;
  std::string_view first = trim(sentences.front().text);
  while (!first.empty() && (first.back() == '.' || first.back() == ' ')) first.remove_suffix(1);
  // `…라는 것이다`, `…다는 것이다`: what someone concludes, told about the term.
  if (ends_with(first, "라는 것이다") || ends_with(first, "다는 것이다")) return true;
  // `… 될 것이다`, `… 있을 것이다`: the word before ` 것이다` ends in ㄹ, a guess or a promise.
  const std::string_view tail = " \xEA\xB2\x83\xEC\x9D\xB4\xEB\x8B\xA4";  // ` 것이다`
  if (!ends_with(first, tail) || first.size() < tail.size() + 3) return false;
  std::size_t at = first.size() - tail.size() - 3;  // a Hangul syllable is three bytes
  const char32_t c = next_code_point(first, at);
  return is_hangul_syllable(c) && (c - 0xAC00) % 28 == 8;  // final consonant ㄹ
}

// Ratings told in place of what a thing is (`the most popular …`, `가장 널리 …`), and the words
// one of them always holds.
constexpr auto kRatings = std::to_array<std::string_view>(
    {"most popular", "most famous", "most widely used", "most commonly used",
     "should be preferred", "may be preferred", "is preferred", "are preferred",
     "rule of thumb", "the preferred", "a good choice", "a better choice", "the best choice",
     "the default", "the \"default\"", "most common", "sota ", "sota)", "state-of-the-art",
     "state of the art",
     "\xEA\xB0\x80\xEC\x9E\xA5 \xEC\x9C\xA0\xEB\xAA\x85",      // 가장 유명
     "\xEA\xB0\x80\xEC\x9E\xA5 \xEC\x9D\xB8\xEA\xB8\xB0",      // 가장 인기
     "\xEA\xB0\x80\xEC\x9E\xA5 \xEB\x84\x90\xEB\xA6\xAC",  // 가장 널리
     "가장 일반적으로", "가장 많이 쓰이", "가장 많이 사용",
     // `Swish is as efficient as ReLU and shows better performance …`, `… is an improvement on
     // Dropout, and was originally designed to …`: how it compares or where it came from.
     "better performance", "outperform", "performs better", "an improvement on",
     "an improvement over", "originally designed", "originally proposed"});
constexpr auto kRatingKeys = std::to_array<std::string_view>(
    {"most ", "prefer", "rule of", "choice", "default", "sota", "state", "가장 ", "better",
     "outperform", "improvement", "originally"});

bool says_what_kind(std::string_view answer) {
  const std::vector<Sentence> sentences = split_sentences(answer.substr(0, std::min<std::size_t>(answer.size(), 400)));
  if (sentences.empty()) return false;
  const std::string_view first = sentences.front().text;
  if (contains_hangul(first)) {
    // `… SOTA 모델이다.`, `가장 유명한 방법이다`: a kind named only by its rating says no more than
    // the rating (judged misframed); `가장 널리 쓰이는 정렬 알고리즘이다` names its kind.
    const std::vector<std::string_view> words = split_words(first);
    if (words.size() >= 2) {
      const std::string before = ascii_lower(words[words.size() - 2]);
      for (const std::string_view rating :
           {"sota", "state-of-the-art", "최고의", "최신", "유명한", "인기", "대표적인"}) {
        if (before.find(rating) != std::string::npos) return false;
      }
    }
    return true;
  }
  const std::string lower = ascii_lower(first);
  for (const std::string_view kind : {" is a ", " is an ", " is one of ", " is the ", " are a ",
                                      " are an ", " are one of ", " are the ", " refers to ",
                                      " is called ", " become a ", " become the ", " became a ",
                                      " became the ", " are special ", " is a special "}) {
    if (lower.find(kind) != std::string::npos) return true;
  }
  return false;
}

Remark rates_or_advises(std::string_view text) {
  const std::string first = ascii_lower(opening_sentence(text));
  if (first.empty()) return Remark::none;
  // `Used in encoders and decoders (e.g., BERT)`, `The parameterized ReLU is used when …`: where
  // it is used, told in place of what it is.
  for (const std::string_view use : {"used in ", "used for ", "used when ", "useful for ",
                                     "useful when ", "finds its application", "has applications in ",
                                     "applied in ", "applications include "}) {
    if (starts_with(first, use)) return Remark::use;
  }

  for (const std::string_view use : {"is used when", "are used when", "used in most cases",
                                     "사용하면 된다", "쓰면 된다", "사용하면 좋", "사용하는 것이 좋"}) {
    if (first.find(use) != std::string::npos) return Remark::use;
  }
  // Every rating below holds one of these words: a sentence with none is passed at once.
  const bool may_rate = std::any_of(
      kRatingKeys.begin(), kRatingKeys.end(),
      [&](std::string_view key) { return first.find(key) != std::string::npos; });
  const std::span<const std::string_view> ratings =
      may_rate ? std::span<const std::string_view>(kRatings) : std::span<const std::string_view>{};
  for (const std::string_view remark : ratings) {
    const std::size_t rated = first.find(remark);
    if (rated == std::string::npos) continue;
    // `policy gradient 기반의 구조에서 가장 널리 쓰이며, actor와 critic 두가지 요소로 이루어져있다`:
    // the rating is a first clause, and the clause after it says what the thing is made of.
    if (const std::size_t joint = first.find("\xEB\xA9\xB0, ", rated);  // `며, `
        joint != std::string::npos) {
      const std::string_view tail = std::string_view(first).substr(joint);
      if (tail.find("\xEC\x9D\xB4\xEB\xA3\xA8\xEC\x96\xB4") != std::string_view::npos ||  // 이루어
          tail.find("\xEA\xB5\xAC\xEC\x84\xB1") != std::string_view::npos) {                   // 구성
        continue;
      }
    }
    // `the default cache used in web backends`: the rating tells where it is used.
    const bool used = first.find(" used in ") != std::string::npos ||
                      first.find(" used when") != std::string::npos;
    return used ? Remark::use : Remark::rating;
  }
  // `Discovered by researchers at Google.`, `The paper … was released in November 2016 and reached
  // new records …`, `GPT-1을 2018년에 출시했는데 …`: where it comes from and how it fared, told in
  // place of what it is (judged misframed).
  for (const std::string_view origin : {"discovered by ", "introduced by ", "proposed by ",
                                        "developed by ", "invented by ", "created by "}) {
    if (starts_with(first, origin)) return Remark::rating;
  }
  // `…하지 않을까?에서 탄생한 것이 GraphQL`, `…에서 유래했다`: the story of where it came from.
  for (const std::string_view origin : {"에서 탄생", "탄생한 것이", "에서 유래", "에서 비롯"}) {
    if (first.find(origin) != std::string::npos) return Remark::rating;
  }
  // Each of these tells a year or a score, so a sentence without a digit is passed at once.
  const bool has_digit = std::any_of(first.begin(), first.end(), [](char c) {
    return static_cast<unsigned char>(c - '0') < 10;
  });
  for (const std::string_view origin :
       {"was released", "were released", "was published", "was the winner", "won the ",
        "new record", "was introduced by", "were introduced by", "was proposed by",
        "were proposed by", "was developed by", "were developed by", "was invented by"}) {
    if (!has_digit) break;
    if (first.find(origin) != std::string::npos) return Remark::rating;
  }
  if (const std::size_t year = has_digit ? first.find("\xEB\x85\x84\xEC\x97\x90 ")  // 년에
                                         : std::string::npos;
      year != std::string::npos) {
    const std::string_view after = std::string_view(first).substr(year + 7);
    if (starts_with(after, "\xEB\xB0\x9C\xED\x91\x9C") ||   // 발표
        starts_with(after, "\xEC\xB6\x9C\xEC\x8B\x9C")) {  // 출시
      return Remark::rating;
    }
  }
  // `멀티스레드로 구현하다 보면, 동기화는 필수적이다.`, `Scaling is essential.`: how much it
  // matters, said in place of what it is.
  std::string_view end = trim(first);
  while (!end.empty() && (end.back() == '.' || end.back() == '!')) end.remove_suffix(1);
  // Every ending below ends in `다`, `함`, `임`, `l`, `t` or `p`: most sentences are passed at once.
  if (!(ends_with(end, "다") || ends_with(end, "함") || ends_with(end, "임") ||
        ends_with(end, "l") || ends_with(end, "t") || ends_with(end, "p"))) {
    return Remark::none;
  }
  for (const std::string_view rating : {"필수적이다", "필수이다", "필수적임", "중요하다", "중요함",
                                        " is essential", " are essential", " is important",
                                        " are important", " is crucial", " are crucial",
                                        " a crucial step", " an important step", " a key step",
                                        " an essential step"}) {
    if (ends_with(end, rating)) return Remark::rating;
  }
  return Remark::none;
}

namespace {

// `Dropout` of `Dropout is a regularization technique …`: the subject of an English sentence that
// says what something is, when it is a name of a word or four; else empty. (The question a
// definition answers may word its term otherwise: `the basic idea behind the dropout technique`.)
std::string_view defined_subject(std::string_view sentence) {
  const std::string lower = ascii_lower(sentence.substr(0, std::min<std::size_t>(sentence.size(), 80)));
  std::size_t at = std::string::npos;
  for (const std::string_view verb : {" is ", " are ", " refers to "}) at = std::min(at, lower.find(verb));
  if (at == std::string::npos) return {};
  std::string_view subject = trim(sentence.substr(0, at));
  for (const std::string_view article : {"The ", "A ", "An "}) {
    if (starts_with(subject, article)) subject.remove_prefix(article.size());
  }
  const std::size_t words = word_count(subject);
  return words >= 1 && words <= 4 ? subject : std::string_view{};
}

}  // namespace

std::string how_it_works(std::string_view next_paragraph, std::string_view definition,
                         std::string_view term) {
  constexpr std::size_t kLongest = 420;  // the definition and this sentence together
  if (is_formula(next_paragraph)) return {};
  const std::string text = clean_inline(next_paragraph);
  const std::vector<Sentence> sentences = split_sentences(text);
  if (sentences.empty()) return {};
  const std::string_view first = trim(sentences.front().text);
  const std::size_t comma = first.find(',');
  if (comma == std::string_view::npos || comma > 60 || ends_with(first, "?") || ends_with(first, ":")) {
    return {};
  }
  const std::string_view clause = first.substr(0, comma);
  const std::string lower = ascii_lower(clause);
  if (!(starts_with(lower, "using ") || starts_with(lower, "with ") || starts_with(lower, "in "))) {
    return {};
  }
  const std::vector<Sentence> defining = split_sentences(definition);
  const std::string_view subject =
      defining.empty() ? std::string_view{} : defined_subject(trim(defining.front().text));
  if (!names_term(clause, term) && (subject.empty() || !names_term(clause, subject))) return {};
  if (code_point_count(definition) + code_point_count(first) > kLongest) return {};
  return std::string(first);
}

bool names_term(std::string_view text, std::string_view term, bool exactly) {
  // An address (`[this](…/chapter_batch-norm/)`) names nothing.
  const std::string words = without_link_targets(text.substr(0, std::min<std::size_t>(text.size(), 400)));
  return mentions(words, term, !exactly);
}

bool opens_on_term(std::string_view text, std::string_view term) {
  return names_term(text.substr(0, std::min(text.size(), term.size() + 8)), term);
}

bool defines_term(std::string_view sentence, std::string_view term) {
  const std::optional<TermInSentence> found = find_term_in(sentence, term);
  if (!found) return false;
  const std::string& lower = found->lower;
  const std::size_t at = found->at;
  std::string_view after = std::string_view(lower).substr(found->end);
  // `X (gloss)는`, `X(gloss), 또는 Y(gloss)이란`: a gloss after the term is still the term.
  while (starts_with(trim(after), "(")) {
    const std::size_t close = after.find(')');
    if (close == std::string_view::npos) break;
    after = after.substr(close + 1);
  }
  const std::string_view before = std::string_view(lower).substr(0, at);
  // English: the term is the subject, near the start: `X is a …`, `An X refers to …`; not the
  // object of a preposition (`The output of the X is …` is about the output).
  // `The focus of X is to …`, `The goal of X is …` still say what X is.
  std::vector<std::string_view> words_before = split_words(before);
  if (!words_before.empty() && (words_before.back() == "the" || words_before.back() == "a" ||
                                words_before.back() == "an")) {
    words_before.pop_back();
  }
  static constexpr auto kPrepositions = std::to_array<std::string_view>(
      {"of", "in", "for", "with", "by", "from", "to", "on", "into", "than"});
  static constexpr auto kPurposes = std::to_array<std::string_view>(
      {"focus", "goal", "aim", "purpose", "idea", "objective", "task", "role", "point", "essence"});
  // `The core advantage of having a computational graph is …`: about an aspect of the term.
  static constexpr auto kAspects = std::to_array<std::string_view>(
      {"advantage", "advantages", "disadvantage", "disadvantages", "benefit", "benefits",
       "drawback", "drawbacks", "downside", "downsides", "limitation", "limitations", "problem",
       "problems", "weakness", "strength"});
  for (const std::string_view w : words_before) {
    if (std::find(kAspects.begin(), kAspects.end(), w) != kAspects.end()) return false;
  }
  // `Assume the learning rate is n and …`, `Suppose X is …`: a supposition, not a definition.
  for (const std::string_view opener : {"assume", "suppose", "let", "consider", "imagine"}) {
    if (!words_before.empty() && words_before.front() == opener) return false;
  }
  const bool object =
      !words_before.empty() &&
      std::find(kPrepositions.begin(), kPrepositions.end(), words_before.back()) !=
          kPrepositions.end() &&
      !(words_before.back() == "of" && words_before.size() > 1 &&
        std::find(kPurposes.begin(), kPurposes.end(), words_before[words_before.size() - 2]) !=
            kPurposes.end());
  if (at < 40 && !object) {
    for (const std::string_view verb :
         {" is ", " are ", " refers to ", " refer to ", " means ", " describes ", " denotes ",
          " is defined as ", " represents ", " occurs ", " stands for ", " serves to ",
          " aims to ", " is used to ", " are used to ", " is designed to "}) {
      const std::size_t v = after.find(verb);
      // `One of the popular X algorithms in NLP is …`: a plural noun after the term heads the
      // subject, and the sentence is about those.
      const std::vector<std::string_view> between =
          v == std::string_view::npos ? std::vector<std::string_view>{}
                                      : split_words(after.substr(0, v));
      const bool headed = !between.empty() && between.front().size() >= 5 &&
                          ends_with(between.front(), "s") && !ends_with(between.front(), "ss") &&
                          std::all_of(between.front().begin(), between.front().end(),
                                      [](char c) { return c >= 'a' && c <= 'z'; });
      if (v != std::string_view::npos && v < 30 && !headed &&
          after.substr(0, v).find(',') == std::string_view::npos) {
        // `X is applied with …`, `X is computed by …`: a passive says what is done with X.
        if (verb == " is " || verb == " are ") {
          const std::vector<std::string_view> next = split_words(after.substr(v + verb.size(), 40));
          if (!next.empty() && next.front().size() > 4 && ends_with(next.front(), "ed") &&
              next.front() != "defined" && next.front() != "called" && next.front() != "termed" &&
              next.front() != "referred" && next.front() != "used") {
            continue;
          }
        }
        return true;
      }
    }
    // `A max pooling layer aggregates …`, `Dropout randomly zeroes …`: the term, maybe a kind
    // word, then a verb, opening the sentence.
    const std::string_view opener = trim(before);
    if ((opener.empty() || opener == "a" || opener == "an" || opener == "the") &&
        word_count(sentence) >= 6) {
      std::vector<std::string_view> next = split_words(after.substr(0, 60));
      static constexpr auto kKinds = std::to_array<std::string_view>(
          {"layer", "layers", "method", "model", "function", "network", "algorithm", "technique",
           "operation", "unit", "loss"});
      if (!next.empty() && std::find(kKinds.begin(), kKinds.end(), next.front()) != kKinds.end()) {
        next.erase(next.begin());
      }
      if (!next.empty() && next.front().size() >= 4 && ends_with(next.front(), "s") &&
          !ends_with(next.front(), "ss") && !ends_with(next.front(), "'s") &&
          std::all_of(next.front().begin(), next.front().end(),
                      [](char c) { return c >= 'a' && c <= 'z'; })) {
        return true;
      }
    }
  }
  // `… is called X`, `… known as X`; `… a variant of RNN called a long short-term memory (LSTM)
  // cell, which …`: the term in parentheses after the name it abbreviates.
  std::string_view named = before;
  if (ends_with(trim(named), "(")) {
    named = trim(named);
    named.remove_suffix(1);
    const std::size_t from = named.size() > 60 ? named.size() - 60 : 0;
    const std::size_t called_at = named.find(" called ", from);
    if (called_at != std::string_view::npos &&
        named.substr(called_at).find_first_of(".,;:") == std::string_view::npos) {
      return true;
    }
  }
  for (const std::string_view called : {"called ", "known as ", "referred to as ", "termed "}) {
    if (ends_with(before, called) ||
        (before.size() > called.size() + 2 && ends_with(trim(before), trim(called)))) {
      return true;
    }
  }
  // Korean: `X란`, `X이란`, `X는 …이다/말한다/의미한다`, `…을 X라고 한다/부른다`.
  if (contains_hangul(sentence)) {
    for (const std::string_view particle : {"란", "이란", "(이)란", "는", "은", "이란,", "란,"}) {
      if (starts_with(trim(after), particle) || starts_with(after, particle)) {
        const std::string_view end = trim(lower);
        // `동기화는 필수적이다`, `…효율적임`: an adjective in `-적`, what the term is like.
        if (ends_with(end, "\xEC\xA0\x81\xEC\x9D\xB4\xEB\x8B\xA4.") ||   // 적이다.
            ends_with(end, "\xEC\xA0\x81\xEC\x9D\xB4\xEB\x8B\xA4") ||    // 적이다
            ends_with(end, "\xEC\xA0\x81\xEC\x9E\x84") ||                  // 적임
            ends_with(end, "\xEC\xA0\x81\xEC\x9E\x84.")) {                 // 적임.
          continue;
        }
        for (const std::string_view ending :
             {"이다.", "이다", "말한다.", "의미한다.", "뜻한다.", "정의한다.", "가리킨다.",
              "일컫는다.", "나타낸다.", "말함", "의미함", "뜻함", "임.", "임", "이다:"}) {
          if (ends_with(end, ending)) return true;
        }
        if (particle.find("란") != std::string_view::npos) return true;
        // `X는 특정 크기의 cache이며, …`: a copula clause first, the details after.
        const std::string_view rest = after.substr(0, std::min<std::size_t>(after.size(), 90));
        for (const std::string_view copula : {"이며,", "이고,", "이며 ", "로서,"}) {
          if (rest.find(copula) != std::string_view::npos) return true;
        }
      }
    }
    for (const std::string_view naming : {"라고 한다", "라고 부른다", "이라고 한다",
                                          "이라고 부른다", "라 한다", "라고 함", "이라 한다",
                                          "라 부른다", "라고 정의"}) {
      const std::size_t n = after.find(naming);
      if (n != std::string_view::npos && n < 6) return true;
    }
  }
  return false;
}

}  // namespace recall::extract
