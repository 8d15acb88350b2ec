// Rule `term-colon` (pattern 7): a term and its definition on one line.
//
//   - whitening: 데이터 분포를 균일하게 만드는 과정        * **Term** : 정의
//   1. 직교 프로젝션 층: 차원을 맞추되 내적은 유지         Huber loss (이상치에 강한 로스)
//   Attention — a weighted average of values             MoE cost -> 장치 간 통신 비용
//
// In list items (the head line; the items nested under it belong to the definition) and on the
// lines of paragraphs (the lines after it belong to it, up to the next such line). The separator
// is the first of `: `, `：`, ` — `, ` – `, ` -> `, ` → ` and ` - ` outside code, math, links and
// parentheses; a lone `term (gloss)` line counts too. The left side must read as a term (short,
// not a sentence, a label, a date or a plan) and the right side must say something.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

using notes::Block;

constexpr TermLimits kTermLimits{6, 50};
constexpr double kBoldColon = 0.85;
constexpr double kColon = 0.8;
constexpr double kDash = 0.75;   // ` — `, ` – `
constexpr double kEquals = 0.6;  // `Learning rate = the step size …`: words on both sides (unjudged)
constexpr double kArrow = 0.45;  // ` -> `, ` → `: judged, 0 of 5 kept
constexpr double kArrowThing = 0.6;  // `작업 단위 → 명령문들을 한 단위로 묶는 것`: unjudged
constexpr double kHyphen = 0.45;       // ` - `: as often a compound name (`Vapnik - Chervonenkis`)
constexpr double kPeriod = 0.45;       // `term. definition`: often just two sentences
constexpr double kPeriodKorean = 0.6;  // `English term. 한국어 설명`: unjudged, held just above
constexpr double kGloss = 0.6;         // `term (gloss)`
constexpr double kShort =
    0.45;  // a word or two (`관리 그룹`, `약 20초`): a value, not a definition
constexpr double kUnsure = 0.4;  // the note hesitates (`…성립..?`)

enum class Separator { colon, dash, arrow, hyphen, period, gloss, bold, equals };

struct Split {
  std::string_view term;
  std::string_view definition;
  double confidence = 0;
  std::string clean_term;  // the term as cards show it (set once the split is accepted)
  Separator separator = Separator::colon;
};

// Offsets of `s` that are inside code spans, math, links or parentheses.
std::vector<bool> shielded(std::string_view s) {
  std::vector<bool> out(s.size(), false);
  int depth = 0;
  char open_mark = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (open_mark != 0) {
      out[i] = true;
      if (c == open_mark) open_mark = 0;
      continue;
    }
    if (c == '`' || c == '$') {
      if (s.find(c, i + 1) != std::string_view::npos) {
        open_mark = c;
        out[i] = true;
        continue;
      }
    }
    if (c == '(' || c == '[' || c == '<') ++depth;
    out[i] = depth > 0;
    if ((c == ')' || c == ']' || c == '>') && depth > 0) --depth;
  }
  return out;
}

// `**Term**: def`, `**Term:** def`, `**Term** : def`.
std::optional<Split> bold_term(std::string_view line) {
  if (!starts_with(line, "**")) return std::nullopt;
  const std::size_t close = line.find("**", 2);
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view inside = line.substr(2, close - 2);
  std::string_view rest = trim(line.substr(close + 2));
  if (ends_with(inside, ":") || ends_with(inside, "\xEF\xBC\x9A")) {
    inside = trim(inside.substr(0, inside.size() - (inside.back() == ':' ? 1 : 3)));
  } else if (starts_with(rest, ":")) {
    rest = trim(rest.substr(1));
  } else if (starts_with(rest, "\xEF\xBC\x9A")) {
    rest = trim(rest.substr(3));
  } else {
    return std::nullopt;
  }
  return Split{trim(inside), rest, kBoldColon, {}, Separator::bold};
}

// The first separator of `line`, or nullopt. `allow_period` for list items (`term. definition`).
std::optional<Split> split_line(std::string_view line, bool allow_period) {
  line = trim(line);
  if (auto bold = bold_term(line)) return bold;
  const std::vector<bool> shield = shielded(line);
  struct Mark {
    std::string_view text;
    double confidence;
    Separator separator;
  };
  static constexpr std::array<Mark, 10> kMarks = {{{": ", kColon, Separator::colon},
                                                  {" = ", kEquals, Separator::equals},
                                                  {"\xEF\xBC\x9A", kColon, Separator::colon},
                                                  {" \xE2\x80\x94 ", kDash, Separator::dash},
                                                  {" \xE2\x80\x93 ", kDash, Separator::dash},
                                                  {" -> ", kArrow, Separator::arrow},
                                                  {"-> ", kArrow, Separator::arrow},
                                                  {" \xE2\x86\x92 ", kArrow, Separator::arrow},
                                                  {" - ", kHyphen, Separator::hyphen},
                                                  {". ", kPeriod, Separator::period}}};
  std::size_t best = std::string_view::npos;
  const Mark* best_mark = nullptr;
  for (const Mark& mark : kMarks) {
    if (mark.separator == Separator::period && !allow_period) continue;
    for (std::size_t at = line.find(mark.text); at != std::string_view::npos;
         at = line.find(mark.text, at + 1)) {
      if (shield[at]) continue;
      if (at < best) {
        best = at;
        best_mark = &mark;
      }
      break;
    }
  }
  if (best_mark == nullptr || best == 0) return std::nullopt;
  // `Learning rate = the step size of each update`: words on both sides; `loss = a + b` is math.
  if (best_mark->separator == Separator::equals) {
    const std::string_view left = trim(line.substr(0, best));
    const std::string_view right = trim(line.substr(best + best_mark->text.size()));
    const auto wordy = [](std::string_view side) {
      return side.find_first_of("=+*/^$\\{}<>|_") == std::string_view::npos &&
             std::none_of(side.begin(), side.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!wordy(left) || !wordy(right) || word_count(right) < 3 || word_count(left) > 4) {
      return std::nullopt;
    }
  }
  return Split{trim(line.substr(0, best)),
               trim(line.substr(best + best_mark->text.size())),
               best_mark->confidence,
               {},
               best_mark->separator};
}

// `Huber loss (이상치 처리에 좋은 로스)`: a term and a parenthesised explanation, nothing else.
std::optional<Split> gloss_line(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.back() != ')') return std::nullopt;
  const std::size_t open = line.find('(');
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  if (line.find(')') != line.size() - 1) return std::nullopt;  // one pair, at the end
  const std::string_view term = trim(line.substr(0, open));
  const std::string_view gloss = trim(line.substr(open + 1, line.size() - open - 2));
  // An explanation is longer than the name; a translation (`은행원 알고리즘 (Banker's
  // Algorithm)`) or a type (`RobotFactory (추상 클래스)`) is about as long.
  if (word_count(term) > 4 || word_count(gloss) < 3 || word_count(gloss) < word_count(term) + 2 ||
      is_unsure(gloss)) {
    return std::nullopt;
  }
  if (gloss.find(':') != std::string_view::npos || gloss.find(" vs") != std::string_view::npos) {
    return std::nullopt;
  }
  // The gloss names what the term is; a remark (`사실은 seq분류였음`) is no gloss.
  static constexpr auto kStatementEnds =
      std::to_array<std::string_view>({"다", "음", "함", "임", "됨", "요", "듯", "네", "죠"});
  if (std::any_of(kStatementEnds.begin(), kStatementEnds.end(),
                  [&](std::string_view end) { return ends_with(gloss, end); })) {
    return std::nullopt;
  }
  if (gloss.find("..") != std::string_view::npos || gloss.find("http") != std::string_view::npos) {
    return std::nullopt;
  }
  // `TERM (Expansion)` is an acronym (rule 8), not a gloss.
  if (is_acronym_like(term) || acronym_at_start(line)) return std::nullopt;
  return Split{term, gloss, kGloss, {}, Separator::gloss};
}

bool says_something(std::string_view definition) {
  std::string_view d = trim(definition);
  while (!d.empty() && (d.back() == '.' || d.back() == ',')) d.remove_suffix(1);
  if (d.empty() || is_link_only(d)) return false;
  // Letters, not only numbers and signs (`Vote: 13`).
  return std::any_of(d.begin(), d.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
  });
}

// A `(B)`-style marker in front of a line is the writer's own tag, not part of the term.
std::string_view without_marker(std::string_view line) {
  line = trim(line);
  if (starts_with(line, "(") && line.size() > 4) {
    const std::size_t close = line.find(')');
    if (close != std::string_view::npos && close <= 4) return trim(line.substr(close + 1));
  }
  return line;
}

// A list whose items mostly (two in three) ask or hesitate (`rerun baselines(seed 3개?)`,
// `(wait?)`) is a plan.
bool is_plan_list(const Block& list) {
  std::size_t unsure = 0;
  for (const Block& item : list.children) {
    const Block* head = notes::item_head(item);
    if (head != nullptr && (head->text.find('?') != std::string::npos || is_unsure(head->text))) {
      ++unsure;
    }
  }
  return list.children.size() >= 3 && 3 * unsure >= 2 * list.children.size();
}

class TermColonReader {
 public:
  TermColonReader(RuleOutput& out, std::string_view title) : m_out(out), m_title(title) {}

  void paragraph(const ParagraphVisit& visit) {
    const std::vector<std::string_view> lines = split_lines(visit.paragraph.text);
    // `**Definition**: …` over `**Effect**: …` (paragraphs or items): a template.
    if (visit.headings != m_template) m_in_template = false;
    m_field = !lines.empty() && opens_field(lines.front());
    if (m_field && opens_definition_field(lines.front())) {
      m_template = visit.headings;
      m_in_template = true;
    }
    if (visit.item != nullptr) {
      head(visit, lines);
      return;
    }
    std::vector<std::pair<std::size_t, Split>> starts;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (auto split = read(lines[k], false, true)) starts.emplace_back(k, *split);
    }
    emit_runs(starts, lines, visit.paragraph.line,
              visit.paragraph.line + static_cast<int>(lines.size()) - 1, {}, visit.headings);
  }

 private:
  void head(const ParagraphVisit& visit, const std::vector<std::string_view>& lines) {
    const Block& item = *visit.item;
    if (visit.list != nullptr && plan_list(*visit.list)) return;
    const bool nested = item.children.size() > 1;
    // `term (gloss)` with items under it is a term with nested items (rule 6).
    const std::optional<Split> split = read(lines.front(), true, !nested);
    if (!split) return;
    // `2. Product Owner : …` + `Scrum Master : …` on the item's next line: each line that reads
    // as a term and its definition starts a card of its own.
    std::vector<std::pair<std::size_t, Split>> starts{{0, *split}};
    for (std::size_t k = 1; k < lines.size(); ++k) {
      if (auto next = read(lines[k], false, true)) starts.emplace_back(k, *next);
    }
    const std::string below =
        nested ? render_markdown(std::span<const Block>(item.children).subspan(1),
                                 {.drop_link_only_items = true, .drop_tasks = true})
               : std::string();
    emit_runs(starts, lines, visit.paragraph.line, item.end_line, below, visit.headings);
  }

  // One card per start (a line that reads `term : definition`), its definition running over the
  // lines after it up to the next start; `below` (an item's nested text) goes with the last,
  // which ends at `last_end_line`.
  void emit_runs(const std::vector<std::pair<std::size_t, Split>>& starts,
                 const std::vector<std::string_view>& lines, int first_line, int last_end_line,
                 const std::string& below, const std::vector<std::string>& headings) {
    for (std::size_t s = 0; s < starts.size(); ++s) {
      const auto& [k, split] = starts[s];
      const bool last = s + 1 == starts.size();
      const std::size_t end = last ? lines.size() : starts[s + 1].first;
      std::string definition(split.definition);
      for (std::size_t c = k + 1; c < end; ++c) definition += "\n" + std::string(lines[c]);
      if (last && !below.empty()) definition += "\n" + below;
      const int end_line = last ? last_end_line : first_line + static_cast<int>(end) - 1;
      emit(split, std::move(definition), first_line + static_cast<int>(k), end_line, headings);
    }
  }

  // is_plan_list once per list, not once per item: a list of n items stays O(n).
  bool plan_list(const Block& list) {
    const auto [it, inserted] = m_plan_lists.try_emplace(&list, false);
    if (inserted) it->second = is_plan_list(list);
    return it->second;
  }

  // `X의 정의: …`, `Definition of X: …`, `X의 의미: …`: the label names X.
  static std::string_view without_definition_label(std::string_view term) {
    term = trim(term);
    for (const std::string_view label :
         {"\xEC\x9D\x98 \xEC\xA0\x95\xEC\x9D\x98", "\xEC\x9D\x98 \xEC\x9D\x98\xEB\xAF\xB8",
          "\xEC\x9D\x98 \xEB\x9C\xBB",
          "\xEC\x9D\x98\xEC\xA0\x95\xEC\x9D\x98"}) {  // 의 정의 의 의미 의 뜻
      if (ends_with(term, label) && term.size() > label.size() + 1) {
        return trim(term.substr(0, term.size() - label.size()));
      }
    }
    for (const std::string_view label : {"definition of ", "meaning of "}) {
      if (starts_with(ascii_lower(term.substr(0, label.size())), label) &&
          term.size() > label.size() + 1) {
        return trim(term.substr(label.size()));
      }
    }
    return term;
  }

  std::optional<Split> read(std::string_view line, bool item_head, bool allow_gloss) {
    line = without_marker(line);
    if (match_marker(line, 'q').found || match_marker(line, 'a').found) return std::nullopt;
    if (find_outside_code(line, " :: ") != std::string_view::npos) return std::nullopt;
    std::optional<Split> split = split_line(line, item_head);
    if (!split && allow_gloss) split = gloss_line(line);
    if (!split || !says_something(split->definition)) return std::nullopt;
    split->term = without_definition_label(split->term);
    const std::optional<std::string> term = as_term(split->term, kTermLimits);
    if (!term || is_anaphora(*term) || is_numbered_label(*term)) return std::nullopt;
    // A list (`captions, bounding box`) or a formula (`I(x) = -log p(x)`) is not one term.
    if (term->find(", ") != std::string::npos || term->find('=') != std::string::npos) {
      return std::nullopt;
    }
    // `X vs Y: …` is a comparison (rule 10), not the definition of `X vs Y`.
    if (ascii_lower(*term).find(" vs") != std::string::npos) return std::nullopt;
    // `a -> b -> c` is a chain of steps (a plan, a pipeline), not a term and its definition.
    if (split->separator == Separator::arrow &&
        (split->definition.find("->") != std::string_view::npos ||
         split->definition.find("\xE2\x86\x92") != std::string_view::npos)) {
      return std::nullopt;
    }
    // `작업 단위 → 명령문들을 한 단위로 묶는 것`, `unlearning-> 잊게 만드는 거..`: an arrow whose
    // right side opens with a clause named by 것/거 ("the thing that …") says what the left
    // side means; any other arrow is as often a consequence or a step.
    if (split->separator == Separator::arrow && names_a_thing(split->definition)) {
      split->confidence = kArrowThing;
    }
    // A period splits only a Latin name from its explanation (`Noisy Top-k Gating. softmax(H)…`).
    if (split->separator == Separator::period && contains_hangul(*term)) return std::nullopt;
    // `sequential feature. 모델에 입력되는 순차정보들은 …`: an English name, then a Korean
    // explanation; the switch of language marks where the name ends and its meaning starts.
    if (split->separator == Separator::period && word_count(*term) <= 4 &&
        word_count(split->definition) >= 3 && mostly_korean(split->definition)) {
      split->confidence = kPeriodKorean;
    }
    split->clean_term = *term;
    return split;
  }

  // Whether the first clause of `text` (up to `..`, `. `, `, ` or the end) ends in the noun 것
  // or 거, perhaps closed by 이다 / 임 (`…정하는 것`, `…만드는거..`, `**…접근하는 것**`).
  static bool names_a_thing(std::string_view text) {
    std::string_view t = trim(strip_emphasis(text));
    for (const std::string_view end : {"..", ". ", ", "}) {
      const std::size_t at = t.find(end);
      if (at != std::string_view::npos) t = t.substr(0, at);
    }
    t = trim(t);
    while (!t.empty() && (t.back() == '.' || t.back() == '*')) t = trim(t.substr(0, t.size() - 1));
    for (const std::string_view tail : {"\xEC\x9D\xB4\xEB\x8B\xA4", "\xEC\x9E\x84"}) {  // 이다 임
      if (ends_with(t, tail)) t = t.substr(0, t.size() - tail.size());
    }
    return word_count(t) >= 2 &&
           (ends_with(t, "\xEA\xB2\x83") || ends_with(t, "\xEA\xB1\xB0"));  // 것 거
  }

  // Whether `text` is three or more steps joined by arrows, each of two words or more (`socket()
  // 생성 → connect() 연결요청 → close() 연결종료`); `A → B, B → C면 A → C` is logic, not steps.
  static bool is_step_chain(std::string_view text) {
    std::vector<std::string_view> steps;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t len = 0;
      if (text.compare(i, 2, "->") == 0 || text.compare(i, 2, "=>") == 0) len = 2;
      if (text.compare(i, 3, "\xE2\x86\x92") == 0) len = 3;
      if (len == 0) {
        ++i;
        continue;
      }
      steps.push_back(text.substr(start, i - start));
      i += len;
      start = i;
    }
    steps.push_back(text.substr(start));
    return steps.size() >= 3 && std::all_of(steps.begin(), steps.end(), [](std::string_view step) {
             return word_count(step) >= 2;
           });
  }

  // Three or more short names separated by commas, perhaps closed by `등` or `etc.`.
  static bool is_name_list(std::string_view text) {
    std::string_view t = trim(strip_emphasis(text));
    bool and_so_on = false;  // `A, B 등`: two names and a hint of more are a list too
    for (const std::string_view tail : {"\xEB\x93\xB1", "etc.", "etc", "..."}) {  // 등
      if (ends_with(t, tail)) {
        t = trim(t.substr(0, t.size() - tail.size()));
        and_so_on = true;
      }
    }
    while (!t.empty() && (t.back() == ',' || t.back() == '`')) t = trim(t.substr(0, t.size() - 1));
    std::size_t names = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
      if (i < t.size() && t[i] != ',') continue;
      const std::string_view name = trim(t.substr(start, i - start));
      if (name.empty() || word_count(name) > 2 || name.find('.') != std::string_view::npos) {
        return false;
      }
      ++names;
      start = i + 1;
    }
    return names >= 3 || (and_so_on && names >= 2);
  }

  void emit(const Split& split, std::string definition, int line, int end_line,
            const std::vector<std::string>& headings) {
    definition = std::string(trim(definition));
    double confidence = split.confidence;
    if (word_count(split.definition) <= 2 && split.separator != Separator::gloss) {
      confidence = std::min(confidence, kShort);
    }
    // Exclamations are speech (`…짜 넣는 것이야!`), not definitions.
    if (ends_with(trim(split.definition), "!")) confidence = std::min(confidence, kShort);
    if (is_unsure(split.definition) || split.term.find("..") != std::string_view::npos) {
      confidence = std::min(confidence, kUnsure);
    }
    // `클라이언트 : socket() → connect() → close()`: a sequence of steps is what the item does in
    // the note's topic, not what the term is.
    if (is_step_chain(split.definition)) confidence = std::min(confidence, kShort);
    // `Wrapper 클래스 : Integer, Long, Float 등`: names of its kinds, not what it is.
    if (is_name_list(split.definition)) confidence = std::min(confidence, kShort);
    // `**Definition**: …` then `**Effect**: …`, `**Relation to L2**: …` in one section: fields
    // of a template about the section's subject, asked as `Weight decay: Effect?`.
    if (m_field && !is_definition_label(ascii_lower(split.clean_term)) && m_in_template &&
        headings == m_template) {
      const std::string subject = headings.empty() ? std::string(m_title) : heading_name(headings.back());
      if (!subject.empty()) {
        Proposal proposal = definition_card("term-colon", split.clean_term, std::move(definition),
                                            confidence, line, end_line, headings);
        auto [question, term] = aspect_question(subject, split.clean_term, 0);
        proposal.draft.question = std::move(question);
        proposal.draft.term = std::move(term);
        proposal.draft.kind = "qa";
        m_out.cards.push_back(std::move(proposal));
        return;
      }
    }
    m_out.cards.push_back(definition_card("term-colon", split.clean_term, std::move(definition),
                                          confidence, line, end_line, headings));
  }

  // `**Effect**: …`, `**정의:** …`: the bold label of a field, or empty.
  static std::string_view field_label(std::string_view line) {
    line = trim(line);
    if (!starts_with(line, "**")) return {};
    const std::size_t close = line.find("**", 2);
    if (close == std::string_view::npos) return {};
    std::string_view label = trim(line.substr(2, close - 2));
    const bool colon = ends_with(label, ":") || starts_with(trim(line.substr(close + 2)), ":");
    if (ends_with(label, ":")) label.remove_suffix(1);
    return colon ? trim(label) : std::string_view{};
  }
  static bool opens_field(std::string_view line) { return !field_label(line).empty(); }
  static bool opens_definition_field(std::string_view line) {
    return is_definition_label(ascii_lower(field_label(line)));
  }

  RuleOutput& m_out;
  std::string_view m_title;
  std::vector<std::string> m_template;  // the headings of the last section with a `Definition:` field
  bool m_in_template = false;
  bool m_field = false;  // the paragraph being read opens on a bold label and a colon
  std::unordered_map<const Block*, bool> m_plan_lists;  // is_plan_list of each list seen
};

}  // namespace

void rule_term_colon(const RuleInput& in, RuleOutput& out) {
  TermColonReader reader(out, in.title);
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) { reader.paragraph(visit); });
}

}  // namespace recall::extract
