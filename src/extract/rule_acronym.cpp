// Rule `acronym` (pattern 8): an acronym written with its expansion.
//
//   - PTQ (Post-Training Quant) 훈련후 양자화         → What does PTQ stand for?
//   FFJORD(Free-Form Jacobian Of Reversible Dynamics)  → FFJORD는 무엇의 약자인가?
//   E(3)-동변량 그래프 신경망(EGNN)                     → EGNN은 무엇의 약자인가?
//
// `ACRONYM (Expansion)` at the start of a list item, heading or line, or anywhere in a sentence
// when the letters of the acronym start the words of the expansion in order; `Expansion
// (ACRONYM)` the other way round. An English expansion must match the letters (the Schwartz–Hearst
// test); a Korean one cannot be checked and is trusted less. Made besides the definition card of
// the same item.
#include <algorithm>
#include <array>
#include <cctype>

#include "recall/extract/gates.hpp"
#include "recall/extract/phrasing.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

constexpr double kMatchedAtStart = 0.9;
constexpr double kMatchedInText = 0.85;
// `CS231A (스탠퍼드 강의)`: Korean in the parentheses is as often a remark as the expansion.
constexpr double kKoreanAfter = 0.45;
// `E(3)-동변량 그래프 신경망(EGNN)`: a Korean name with its acronym after it.
constexpr double kKoreanBefore = 0.6;
constexpr std::size_t kMaxExpansionWords = 8;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(char c) { return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9'); }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// The acronym's letters and digits in lower case, without a plural `s` (`LMMs` → `lmm`).
std::string acronym_letters(std::string_view acronym) {
  if (acronym.size() >= 3 && acronym.back() == 's' && is_upper(acronym[acronym.size() - 2])) {
    acronym.remove_suffix(1);
  }
  std::string out;
  for (const char c : acronym) {
    if (is_alnum(c)) out += lower(c);
  }
  return out;
}

std::size_t capital_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), is_upper));
}

// Schwartz–Hearst: the letters of `acronym` found in `text` from the end, right to left, the first
// letter at the start of a word. Returns the offset in `text` where that first letter is.
std::optional<std::size_t> match_letters(std::string_view acronym, std::string_view text) {
  const std::string letters = acronym_letters(acronym);
  if (letters.empty()) return std::nullopt;
  auto s = static_cast<long>(letters.size()) - 1;
  auto l = static_cast<long>(text.size()) - 1;
  while (s >= 0) {
    const char c = letters[static_cast<std::size_t>(s)];
    while (l >= 0 && (lower(text[static_cast<std::size_t>(l)]) != c ||
                      (s == 0 && l > 0 && is_alnum(text[static_cast<std::size_t>(l - 1)])))) {
      --l;
    }
    if (l < 0) return std::nullopt;
    --l;
    --s;
  }
  return static_cast<std::size_t>(l + 1);
}

// Words that tie a clause together rather than name a thing: `때`, `경우`, `통해`; and any word of
// one syllable, which is a bound noun far more often than part of a name.
bool is_function_noun(std::string_view word) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"경우", "위해", "통해", "대해",   "대한", "또는",   "그리고", "이후",   "이전", "동안",
       "사이", "정도", "다음", "이상",   "이하", "미만",   "관련",   "기반의", "일부", "모든",
       "여러", "다른", "같은", "새로운", "기존", "기존의", "각각",   "전체"});
  return code_point_count(word) == 1 ||
         std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

bool looks_like_expansion(std::string_view inner) {
  inner = trim(inner);
  if (inner.empty() || !has_word_character(inner) || is_unsure(inner)) return false;
  for (const char c : {',', ';', ':', '?', '=', '+'}) {
    if (inner.find(c) != std::string_view::npos) return false;
  }
  const std::string lower_inner = ascii_lower(inner);
  for (const std::string_view start :
       {"ex", "e.g", "eg ", "i.e", "cf", "see ", "http", "예", "참고", "출처", "약 ", "단,"}) {
    if (starts_with(lower_inner, start)) return false;
  }
  const std::size_t words = word_count(inner);
  return words >= 1 && words <= kMaxExpansionWords && !is_acronym_like(inner);
}

struct Found {
  std::string acronym;
  std::string expansion;
  std::string gloss;  // what follows `ACRONYM (Expansion)` at the start of a line
  double confidence = 0;
};

// A word as written, without the emphasis, code and quote marks around it.
std::string_view bare_word(std::string_view word) {
  auto mark = [](char c) { return c == '*' || c == '_' || c == '`' || c == '"' || c == '\''; };
  while (!word.empty() && mark(word.front())) word.remove_prefix(1);
  while (!word.empty() && mark(word.back())) word.remove_suffix(1);
  return word;
}

// `ACRONYM (Expansion)` whose acronym ends right before `open`; `at_start` when it begins the
// line.
std::optional<Found> forward_form(std::string_view line, std::size_t open, std::size_t close,
                                  std::size_t line_start) {
  std::size_t end = open;
  if (end > 0 && line[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && (is_alnum(line[begin - 1]) || line[begin - 1] == '-')) --begin;
  if (begin == end) return std::nullopt;
  // The acronym is a word of its own, not the tail of a longer one (`신경망EGNN`).
  if (begin > 0 && line[begin - 1] != ' ' && line[begin - 1] != '*' && line[begin - 1] != '`' &&
      line[begin - 1] != '"' && line[begin - 1] != '(') {
    return std::nullopt;
  }
  const std::string_view acronym = line.substr(begin, end - begin);
  if (!is_acronym_like(acronym)) return std::nullopt;
  const std::string_view inner = trim(line.substr(open + 1, close - open - 1));
  if (!looks_like_expansion(inner)) return std::nullopt;
  const bool at_start = begin <= line_start;
  Found found{std::string(acronym), std::string(inner), {}, 0};
  if (text_language(inner) == Language::english) {
    const std::optional<std::size_t> at = match_letters(acronym, inner);
    if (!at || *at != 0) return std::nullopt;
    found.confidence = at_start ? kMatchedAtStart : kMatchedInText;
  } else {
    if (is_korean_clause(inner) || hangul_count(inner) < acronym_letters(acronym).size()) {
      return std::nullopt;
    }
    found.confidence = kKoreanAfter;
  }
  if (at_start) {
    std::string_view gloss = trim(line.substr(close + 1));
    while (starts_with(gloss, "*")) gloss = trim(gloss.substr(1));
    found.gloss = std::string(gloss);
  }
  return found;
}

// Where the text of a line starts, after emphasis marks.
const char* line_start_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == '*' || line[i] == '_' || line[i] == ' ')) ++i;
  return line.data() + i;
}

// `사용해`, `보내며`, `보통`: a verb's connective form or an adverb, which ends the clause before
// a name rather than being part of it (`UDP를 사용해 목적지(IP)`, `보통 집적회로(IC)`).
bool ends_clause_or_modifies(std::string_view word) {
  for (const std::string_view end : {"해", "하여", "하고", "하며", "되어", "되고", "되며", "면서"}) {
    if (ends_with(word, end) && word.size() > end.size()) return true;
  }
  for (const std::string_view adverb : {"보통", "주로", "흔히", "대개", "일반적으로", "특히"}) {
    if (word == adverb) return true;
  }
  return false;
}

// `Expansion (ACRONYM)`: the words in front of `open` that spell the acronym.
std::optional<Found> reverse_form(std::string_view line, std::size_t open, std::size_t close) {
  const std::string_view acronym = trim(line.substr(open + 1, close - open - 1));
  if (!is_acronym_like(acronym)) return std::nullopt;
  // Only the last words in front can be the expansion: a window of them keeps a long paragraph
  // with many parentheses linear (every form below looks at most 2 × letters + 5 words back).
  std::string_view before = trim(line.substr(0, open));
  constexpr std::size_t kWindowWords = 32;
  std::size_t cut = before.size();
  for (std::size_t seen = 0; cut > 0 && seen <= kWindowWords;) {
    --cut;
    if (before[cut] == ' ' && cut + 1 < before.size() && before[cut + 1] != ' ') ++seen;
  }
  if (cut > 0) before = trim(before.substr(cut));
  std::vector<std::string_view> words = split_words(before);
  if (words.empty()) return std::nullopt;
  const std::string letters = acronym_letters(acronym);
  const std::string_view last = words.back();
  if (ascii_lower(last) == ascii_lower(acronym)) return std::nullopt;
  Found found{std::string(acronym), {}, {}, 0};
  if (!contains_hangul(last)) {
    // `Proximal Policy Optimization (PPO)`: the last words, one per letter, each starting with its
    // letter. Tried first, since the letter scan below may find a letter inside a word
    // (`o[p]timization`) and stop one word short.
    if (words.size() >= letters.size() && letters.size() >= 2) {
      const std::size_t first = words.size() - letters.size();
      bool initials = true;
      for (std::size_t k = 0; k < letters.size() && initials; ++k) {
        const std::string_view word = bare_word(words[first + k]);
        initials = !word.empty() && lower(word.front()) == letters[k];
      }
      if (initials) {
        const std::string_view expansion(
            words[first].data(),
            static_cast<std::size_t>(last.data() + last.size() - words[first].data()));
        found.expansion = std::string(trim(expansion));
        found.confidence = kMatchedInText;
        return found;
      }
    }
    const std::size_t max_words = std::min(letters.size() + 5, 2 * letters.size());
    const std::size_t first = words.size() > max_words ? words.size() - max_words : 0;
    const std::string_view span(
        words[first].data(),
        static_cast<std::size_t>(before.data() + before.size() - words[first].data()));
    const std::optional<std::size_t> at = match_letters(acronym, span);
    if (!at) return std::nullopt;
    const std::string_view expansion = trim(span.substr(*at));
    if (word_count(expansion) < 2 && expansion.find('-') == std::string_view::npos) {
      return std::nullopt;
    }
    if (contains_hangul(expansion)) return std::nullopt;
    found.expansion = std::string(expansion);
    found.confidence = kMatchedInText;
    return found;
  }
  // Korean: the noun phrase in front, as many words as the acronym has capitals at most, up to a
  // word that ends in a particle or a punctuation mark.
  const std::size_t max_words = std::clamp<std::size_t>(capital_count(acronym), 2, 5);
  std::size_t first = words.size() - 1;
  while (first > 0 && words.size() - first < max_words) {
    const std::string_view word = words[first - 1];
    const char end = word.back();
    if (end == ',' || end == '.' || end == ':' || end == ';' || end == '!' || end == '?' ||
        ends_with_korean_particle(word) || !contains_hangul(word) || is_anaphora(word) ||
        is_function_noun(word) || ends_clause_or_modifies(word)) {
      break;
    }
    --first;
  }
  const std::string_view expansion(
      words[first].data(),
      static_cast<std::size_t>(last.data() + last.size() - words[first].data()));
  if (hangul_count(expansion) < letters.size()) return std::nullopt;
  // Markup is no name (`[최장 증가 수열(LIS)](…)`, `<strong>산술논리연산장치(ALU)`).
  if (expansion.find_first_of("[]<>*`|") != std::string_view::npos) return std::nullopt;
  // One word must be long enough to spell the letters out: `중앙처리장치(CPU)`, not
  // `프로세서(CPU)`, which is the thing's name rather than what the letters stand for.
  if (first + 1 == words.size() && hangul_count(expansion) < 2 * letters.size()) {
    return std::nullopt;
  }
  // A name, not a clause: `컨셉 쿼리를 만들자 (CA)` names nothing.
  static constexpr auto kVerbEnds =
      std::to_array<std::string_view>({"다", "요", "자", "죠", "함", "음", "임", "됨", "듯"});
  if (std::any_of(kVerbEnds.begin(), kVerbEnds.end(),
                  [&](std::string_view end) { return ends_with(last, end); }) ||
      (first + 1 == words.size() && hangul_count(expansion) < 4)) {
    return std::nullopt;
  }
  // `코테 1문제(DFS)`: a count or a number is a remark, not a name.
  for (std::size_t w = first; w < words.size(); ++w) {
    if (std::isdigit(static_cast<unsigned char>(words[w].front())) != 0) return std::nullopt;
  }
  // `- 혼합 전문가 (MoE)` alone on its line names a term (rule 6 asks about it), and its
  // parenthesis is as often a translation as an acronym.
  const bool whole_line =
      expansion.data() <= line_start_of(line) && trim(line.substr(close + 1)).empty();
  if (whole_line) return std::nullopt;
  found.expansion = std::string(trim(expansion));
  found.confidence = kKoreanBefore;
  return found;
}

// Byte ranges of the code spans and `$…$` math of one line.
std::vector<std::pair<std::size_t, std::size_t>> protected_ranges(std::string_view line) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == '`' || line[i] == '$') {
      const char mark = line[i];
      const std::size_t close = line.find(mark, i + 1);
      if (close == std::string_view::npos) break;
      ranges.emplace_back(i, close + 1);
      i = close + 1;
    } else {
      ++i;
    }
  }
  return ranges;
}

// The expansion a stated form gives, cut at the end of its phrase, when the acronym's letters
// start its words from the first one.
std::optional<std::string> checked_expansion(std::string_view acronym, std::string_view text) {
  text = trim(text);
  const std::size_t end = text.find_first_of(",.;:()[]\n");
  std::string_view phrase = bare_word(trim(text.substr(0, end)));
  for (const std::string_view article : {"the ", "a ", "an "}) {
    if (starts_with(ascii_lower(phrase.substr(0, article.size())), article)) {
      phrase.remove_prefix(article.size());
    }
  }
  const std::size_t words = word_count(phrase);
  if (words < 2 || words > kMaxExpansionWords) return std::nullopt;
  const std::optional<std::size_t> at = match_letters(acronym, phrase);
  if (!at || *at != 0) return std::nullopt;
  return std::string(phrase);
}

// `BPTT stands for backpropagation through time`, `CPI is short for …`, `CPI는 conservative
// policy iteration의 약자이다`: an acronym whose expansion a sentence states.
std::optional<Found> stated_form(std::string_view line) {
  // Most lines state nothing: a look for the words every form needs comes first.
  const bool english = line.find(" for ") != std::string_view::npos ||
                       line.find(" of ") != std::string_view::npos;
  const bool korean = line.find("\xEC\x95\xBD") != std::string_view::npos ||        // 약
                      line.find("\xEC\xA4\x84\xEC\x9E\x84") != std::string_view::npos;  // 줄임
  if (!english && !korean) return std::nullopt;
  const std::string lower = english ? ascii_lower(line) : std::string();
  for (const std::string_view verb :
       {" stands for ", " is short for ", " is an abbreviation for ", " is an abbreviation of ",
        " is the abbreviation for ", " is the abbreviation of ", " is an acronym for "}) {
    const std::size_t at = lower.find(verb);
    if (at == std::string::npos) continue;
    const std::vector<std::string_view> before = split_words(line.substr(0, at));
    if (before.empty()) return std::nullopt;
    const std::string_view acronym = bare_word(before.back());
    if (!is_acronym_like(acronym)) return std::nullopt;
    const std::optional<std::string> expansion =
        checked_expansion(acronym, line.substr(at + verb.size()));
    if (!expansion) return std::nullopt;
    return Found{std::string(acronym), *expansion, {}, kMatchedAtStart};
  }
  // `ACRONYM는 Expansion의 약자`: the acronym is the word before the expansion, with its particle.
  std::size_t abbr = std::string_view::npos;
  for (const std::string_view said : {"\xEC\x9D\x98 \xEC\x95\xBD\xEC\x9E\x90",     // 의 약자
                                      "\xEC\x9D\x98 \xEC\x95\xBD\xEC\x96\xB4",     // 의 약어
                                      "\xEC\x9D\x98 \xEC\xA4\x84\xEC\x9E\x84\xEB\xA7\x90"}) {  // 의 줄임말
    abbr = std::min(abbr, line.find(said));
  }
  if (abbr == std::string_view::npos) return std::nullopt;
  const std::vector<std::string_view> words = split_words(line.substr(0, abbr));
  for (std::size_t w = words.size(); w-- > 0;) {
    std::string_view word = words[w];
    bool topic = false;
    for (const std::string_view particle : {"\xEC\x9D\x80", "\xEB\x8A\x94", "\xEC\x9D\xB4",
                                            "\xEA\xB0\x80"}) {  // 은 는 이 가
      if (ends_with(word, particle)) {
        word.remove_suffix(particle.size());
        topic = true;
        break;
      }
    }
    // The acronym is the subject, marked by its particle; words without one belong to the
    // expansion (`… + GRU의 약어`).
    if (!topic) continue;
    const std::string_view acronym = bare_word(word);
    if (!is_acronym_like(acronym)) continue;
    const std::string_view rest = line.substr(static_cast<std::size_t>(
        words[w].data() + words[w].size() - line.data()));
    const std::string_view expansion_text = rest.substr(0, static_cast<std::size_t>(
        line.data() + abbr - rest.data()));
    if (const std::optional<std::string> expansion = checked_expansion(acronym, expansion_text);
        expansion && *expansion == bare_word(trim(expansion_text))) {
      return Found{std::string(acronym), *expansion, {}, kMatchedAtStart};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Found> scan_line(std::string_view line) {
  std::vector<Found> found;
  std::size_t line_start = 0;
  while (line_start < line.size() && (line[line_start] == '*' || line[line_start] == '_' ||
                                      line[line_start] == ' ' || line[line_start] == '`')) {
    ++line_start;
  }
  const auto ranges = protected_ranges(line);
  std::size_t range = 0;
  for (std::size_t open = line.find('('); open != std::string_view::npos;
       open = line.find('(', open + 1)) {
    while (range < ranges.size() && ranges[range].second <= open) ++range;
    if (range < ranges.size() && ranges[range].first <= open) continue;
    // The matching parenthesis, on this line.
    int depth = 0;
    std::size_t close = std::string_view::npos;
    for (std::size_t i = open; i < line.size(); ++i) {
      if (line[i] == '(') ++depth;
      if (line[i] == ')' && --depth == 0) {
        close = i;
        break;
      }
    }
    if (close == std::string_view::npos) break;
    if (auto f = forward_form(line, open, close, line_start)) {
      found.push_back(std::move(*f));
    } else if (auto r = reverse_form(line, open, close)) {
      found.push_back(std::move(*r));
    }
  }
  if (found.empty()) {
    if (std::optional<Found> stated = stated_form(line)) found.push_back(std::move(*stated));
  }
  return found;
}

void emit(const Found& f, int line, const std::vector<std::string>& context, bool with_gloss,
          RuleOutput& out) {
  Proposal proposal;
  CardDraft& card = proposal.draft;
  // `` `Visual Transformer`(ViT) ``: the marks around the expansion are not part of it.
  card.answer = std::string(bare_word(trim(f.expansion)));
  // `MSD (Most-Significant-Digit) 과 LSD …`: text that starts on a particle is the rest of the
  // sentence the acronym sat in, not a gloss.
  // `TN (True Negative): The model …`: a gloss after a colon is a definition, which the
  // term-colon rule asks about as `TN (True Negative)`; repeated here it makes the two cards one.
  // `CORS(Cross-Origin Resource Sharing), SOP(…)를 통해 …`: a comma or a conjunction goes on
  // with a list of names the sentence is about, not with a gloss of this one.
  const bool goes_on = starts_with(f.gloss, ",") || starts_with(f.gloss, ";") ||
                       starts_with(f.gloss, "and ") || starts_with(f.gloss, "or ");
  if (with_gloss && !f.gloss.empty() && !starts_on_particle(f.gloss) && !goes_on &&
      !starts_with(f.gloss, ":") && !starts_with(f.gloss, "\xEF\xBC\x9A")) {  // `:`, `：`
    card.answer += "\n\n" + f.gloss;
  }
  // The language of the line decides the question's, gloss included where the answer leaves it.
  card.question =
      stands_for_question(f.acronym, card_language(f.acronym, card.answer + ' ' + f.gloss));
  // `LIFO (후입선출)`: a Korean rendering, not the words the letters stand for (judged misframed
  // as `LIFO는 무엇의 약자인가? → 후입선출 구조`).
  const std::string_view expansion_line = trim(std::string_view(card.answer).substr(0, card.answer.find('\n')));
  if (contains_hangul(expansion_line) && latin_word_count(expansion_line) == 0) {
    card.question = f.acronym + "\xEC\x9D\x98 \xEC\x9A\xB0\xEB\xA6\xAC\xEB\xA7\x90\xEC\x9D\x80?";  // 의 우리말은?
  }
  // `OPT(Optimal)`: one word for several letters is a gloss, not what the letters stand for.
  double confidence = f.confidence;
  if (word_count(card.answer) < 2 && card.answer.find('-') == std::string::npos &&
      acronym_letters(f.acronym).size() >= 2) {
    confidence = std::min(confidence, kKoreanAfter);
  }
  // `DDPG (Deep DPG)`: part of the name is still abbreviated, so the card asks one acronym and
  // answers with another (judged duplicate or trivial in 6 of 8 rounds).
  for (const std::string_view word : split_words(card.answer)) {
    if (word.size() >= 2 && word.size() < f.acronym.size() && is_acronym_like(word) &&
        f.acronym.find(word) != std::string::npos) {
      confidence = std::min(confidence, kKoreanAfter);
    }
  }
  // Under `## Off-Policy Actor-Critic (OffPAC)`, asking what OffPAC stands for gives it away.
  const std::string expansion = ascii_lower(card.answer);
  for (const std::string& heading : context) {
    if (ascii_lower(heading).find(expansion) != std::string::npos) {
      confidence = std::min(confidence, kKoreanAfter);
    }
  }
  card.kind = "acronym";
  card.rule = "acronym";
  card.confidence = confidence;
  card.line = line;
  card.context = context;
  card.term = f.acronym;
  proposal.end_line = line;
  out.cards.push_back(std::move(proposal));
}

}  // namespace

bool is_acronym_like(std::string_view word) {
  if (word.size() >= 3 && word.back() == 's' && is_upper(word[word.size() - 2])) {
    word.remove_suffix(1);
  }
  if (word.size() < 2 || word.size() > 10 || !(is_upper(word[0]) || is_lower(word[0]))) {
    return false;
  }
  std::size_t capitals = 0;
  std::size_t smalls = 0;
  for (const char c : word) {
    if (!is_alnum(c) && c != '-') return false;
    capitals += is_upper(c) ? 1u : 0u;
    smalls += is_lower(c) ? 1u : 0u;
  }
  return capitals >= 2 && smalls <= capitals;
}

std::optional<AcronymHead> acronym_at_start(std::string_view text) {
  const std::string_view first_line = split_lines(trim(text)).front();
  const std::size_t open = first_line.find('(');
  if (open == std::string_view::npos) return std::nullopt;
  int depth = 0;
  for (std::size_t i = open; i < first_line.size(); ++i) {
    if (first_line[i] == '(') ++depth;
    if (first_line[i] == ')' && --depth == 0) {
      std::size_t start = 0;
      while (start < first_line.size() && (first_line[start] == '*' || first_line[start] == '_')) {
        ++start;
      }
      const std::optional<Found> f = forward_form(first_line, open, i, start);
      if (!f) return std::nullopt;
      return AcronymHead{f->acronym, f->expansion, i + 1, f->confidence};
    }
  }
  return std::nullopt;
}

void rule_acronym(const RuleInput& in, RuleOutput& out) {
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) {
    const std::vector<std::string_view> lines = split_lines(visit.paragraph.text);
    // The gloss after `ACRONYM (Expansion)` belongs in the acronym card unless the item has
    // nested items, whose definition card then starts with it.
    const bool item_has_nested = visit.item != nullptr && visit.item->children.size() > 1;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      for (const Found& f : scan_line(lines[k])) {
        emit(f, visit.paragraph.line + static_cast<int>(k), visit.headings, !item_has_nested, out);
      }
    }
  });
  HeadingPath headings;
  for (const notes::Block& block : in.outline.blocks) {
    if (block.kind != notes::BlockKind::heading) continue;
    headings.enter(block);
    for (const Found& f : scan_line(without_link_targets(block.text))) {
      emit(f, block.line, headings.parents(), false, out);
    }
  }
}

}  // namespace recall::extract
