// The extractor: parse the note, leave out what the note opts out of, run every rule, settle
// overlaps and duplicates, fit the answers, put the cards in note order.
#include "recall/extract/extract.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <span>
#include <set>
#include <string_view>
#include <utility>

#include "recall/extract/gates.hpp"
#include "recall/extract/phrasing.hpp"
#include "recall/extract/render.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"
#include "recall/notes/outline.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

// The card kinds, as bits, so that one line can record every kind that claims it.
constexpr std::array<std::string_view, 9> kKinds = {
    "definition", "acronym", "comparison", "qa", "cloze", "reverse", "paper", "command", "list"};

std::uint16_t kind_bit(std::string_view kind) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == kind) return static_cast<std::uint16_t>(1u << i);
  }
  return static_cast<std::uint16_t>(1u << kKinds.size());  // unknown kinds clash with all
}

// The kinds a card of `kind` may not share a line with.
std::uint16_t clashing_kinds(std::string_view kind) {
  std::uint16_t mask = static_cast<std::uint16_t>(1u << kKinds.size());
  for (const std::string_view other : kKinds) {
    if (!kinds_may_share_lines(kind, other)) mask = static_cast<std::uint16_t>(mask | kind_bit(other));
  }
  return mask;
}

// For each line of the note, the kinds of the cards kept so far that claim it.
class ClaimedLines {
 public:
  bool clashes(const Proposal& p) const {
    const auto line = static_cast<std::size_t>(std::max(p.draft.line, 0));
    return line < m_claims.size() && (m_claims[line] & clashing_kinds(p.draft.kind)) != 0;
  }

  // A card that lets cards nest in it claims only its first line.
  void add(const Proposal& p) {
    const int last = p.nests ? p.draft.line : p.end_line;
    const auto end = static_cast<std::size_t>(std::max(last, 0));
    if (m_claims.size() <= end) m_claims.resize(end + 1, 0);
    for (auto line = static_cast<std::size_t>(std::max(p.draft.line, 0)); line <= end; ++line) {
      m_claims[line] = static_cast<std::uint16_t>(m_claims[line] | kind_bit(p.draft.kind));
    }
  }

 private:
  std::vector<std::uint16_t> m_claims;
};

bool html_says(const Block& block, std::string_view what) {
  return block.kind == BlockKind::html && block.text.find(what) != std::string::npos;
}

// Leaves out the blocks a note opts out of: the block after `<!-- recall:ignore -->`, and
// everything between `<!-- recall:off -->` and `<!-- recall:on -->`, at any depth.
class OptOuts {
 public:
  // Drops the blocks the opt-out comments name from `blocks` and, below the blocks kept, from
  // their children, in place: the outline of a large note is not copied.
  void filter(std::vector<Block>& blocks) {
    bool ignore_next = false;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      Block& block = blocks[i];
      if (html_says(block, "recall:off")) {
        m_off = true;
        continue;
      }
      if (html_says(block, "recall:on")) {
        m_off = false;
        continue;
      }
      if (html_says(block, "recall:ignore")) {
        ignore_next = true;
        continue;
      }
      if (m_off) continue;
      if (ignore_next) {
        ignore_next = false;
        continue;
      }
      filter(block.children);
      if (kept != i) blocks[kept] = std::move(block);
      ++kept;
    }
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(kept), blocks.end());
  }

 private:
  bool m_off = false;
};

// The term as the labelled corpus compares it: ASCII case folded, white space collapsed, `*`, `_`
// and backticks dropped, a trailing colon trimmed.
std::string normalized(std::string_view s) {
  std::string out;
  out.reserve(s.size());  // never longer than `s`: one allocation, not one per doubling
  bool space = false;
  for (const char c : s) {
    if (c == '*' || c == '_' || c == '`') continue;
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (;;) {
    if (ends_with(out, ":")) {
      out.pop_back();
    } else if (ends_with(out, "\xEF\xBC\x9A")) {
      out.resize(out.size() - 3);
    } else {
      break;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

// Headings under which notes plan work: their cards would be chores, not knowledge.
bool is_plan_heading(std::string_view heading) {
  const std::string lower = ascii_lower(trim(heading));
  for (const std::string_view label : {"todo", "to do", "to-do", "할 일", "할일", "plan", "plans",
                                       "계획", "next steps", "backlog"}) {
    if (lower == label) return true;
  }
  return ends_with(lower, "계획") || ends_with(lower, " plan") || ends_with(lower, " plans") ||
         ends_with(lower, " todo") || starts_with(lower, "todo ");
}

// Headings of reference lists: books, links and sources, not knowledge.
bool is_reference_heading(std::string_view heading) {
  std::string lower = ascii_lower(trim(heading));
  while (!lower.empty() && (lower.front() == '[' || lower.front() == '*' || lower.front() == '#')) {
    lower.erase(lower.begin());
  }
  for (const std::string_view label : {"참고", "출처", "reference", "링크", "links", "see also",
                                       "further reading", "bibliography", "resources"}) {
    if (starts_with(lower, label)) return true;
  }
  return false;
}

bool under_plan_heading(const CardDraft& card) {
  return std::any_of(card.context.begin(), card.context.end(),
                     [](const std::string& h) { return is_plan_heading(h) || is_reference_heading(h); });
}

// The context without the card's own term, so that `basic > entropy` and `basic` tell nothing
// apart for the term `entropy`.
std::vector<std::string> context_without_term(const CardDraft& card) {
  std::vector<std::string> out;
  const std::string term = normalized(card.term);
  for (const std::string& part : card.context) {
    // `🚀 Gradient Descent` over `Gradient Descent`: the heading's decorations are not its name.
    if (normalized(part) != term && normalized(heading_name(part)) != term) {
      out.push_back(normalized(part));
    }
  }
  return out;
}

// Whether the words of `expansion` start with the letters of `acronym`, in order (`true
// positives` for `TP`, `Mini-Batch Gradient Descent` for `MB-GD`).
bool spells(std::string_view acronym, std::string_view expansion) {
  std::string letters;
  for (const char c : acronym) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (letters.size() >= 3 && letters.back() == 's') letters.pop_back();
  std::string initials;
  bool start = true;
  for (const char c : expansion) {
    if (c == ' ' || c == '-') {
      start = true;
    } else if (start) {
      initials += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      start = false;
    }
  }
  return !letters.empty() && initials == letters;
}

// One card per term: of cards of the same kind and term, the surest (then the shortest) is kept,
// and another only when its answer differs and its context tells it apart.
std::vector<CardDraft> without_duplicates(std::vector<CardDraft> drafts) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const CardDraft& card = drafts[i];
    std::string key = card.kind + '\x1f' + normalized(without_gloss(card.term));
    if (card.kind != "definition" && card.kind != "acronym" && card.kind != "comparison") {
      key += '\x1f' + normalized(card.question);
    }
    groups[key].push_back(i);
  }
  std::vector<bool> keep(drafts.size(), true);
  // `CPI란? → conservative policy iteration의 약자이며 …` beside `What does CPI stand for?`: the
  // definition only says the expansion again.
  // One that goes on to say more (`… GRU의 약어이며 1D Convolution Bank와 …로 이루어져 있다`) stays.
  constexpr std::size_t kMoreWords = 6;
  std::map<std::string, std::vector<const CardDraft*>> acronyms;
  for (const CardDraft& card : drafts) {
    if (card.kind == "acronym") acronyms[normalized(card.term)].push_back(&card);
  }
  for (std::size_t i = 0; i < drafts.size() && !acronyms.empty(); ++i) {
    if (drafts[i].kind != "definition") continue;
    const auto found = acronyms.find(normalized(drafts[i].term));
    if (found == acronyms.end()) continue;
    const std::string answer = normalized(drafts[i].answer);
    for (const CardDraft* acronym : found->second) {
      const std::string expansion = normalized(acronym->answer);
      if (!expansion.empty() && answer.starts_with(expansion) &&
          word_count(drafts[i].answer) <= word_count(acronym->answer) + kMoreWords) {
        keep[i] = false;
      }
    }
  }
  // `<summary>DataComp-LM</summary>` over `- DataComp-LM: In search of …` and three more items:
  // the first item gives the topic's subtitle; the topic's card holds it and what follows, and
  // the item's own card would only repeat its first line.
  {
    std::map<std::string, std::vector<std::size_t>> lists;  // term → definitions answered by a list
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      const CardDraft& card = drafts[i];
      if (card.kind == "definition" && card.rule != "term-colon" && starts_with(card.answer, "- ") &&
          std::count(card.answer.begin(), card.answer.end(), '\n') >= 2) {
        lists[normalized(card.term)].push_back(i);
      }
    }
    for (std::size_t i = 0; i < drafts.size() && !lists.empty(); ++i) {
      const CardDraft& card = drafts[i];
      if (card.kind != "definition" || card.rule != "term-colon") continue;
      const auto found = lists.find(normalized(card.term));
      if (found == lists.end()) continue;
      for (const std::size_t l : found->second) {
        const std::string_view first_item =
            std::string_view(drafts[l].answer).substr(0, drafts[l].answer.find('\n'));
        if (drafts[l].confidence >= 0.5 && first_item.find(trim(card.answer)) != std::string_view::npos) {
          keep[i] = false;
        }
      }
    }
  }
  // `What is a capsule?` over `A capsule is a group of neurons …`, and that sentence's own
  // `What is capsule?`: the question the note asks already holds the definition.
  std::map<std::string, std::vector<std::string>> asked;  // asked term → the answers, normalized
  for (const CardDraft& card : drafts) {
    if (card.rule != "question-heading") continue;
    if (const std::string term = asked_term(card.question); !term.empty()) {
      asked[normalized(term)].push_back(normalized(card.answer));
    }
  }
  for (std::size_t i = 0; i < drafts.size() && !asked.empty(); ++i) {
    if (drafts[i].kind != "definition" || drafts[i].rule == "question-heading") continue;
    const auto found = asked.find(normalized(drafts[i].term));
    if (found == asked.end()) continue;
    const std::string answer = normalized(drafts[i].answer);
    constexpr std::size_t kMinShared = 20;
    for (const std::string& question_answer : found->second) {
      if (answer.size() >= kMinShared && question_answer.find(answer) != std::string::npos) {
        keep[i] = false;
      }
    }
  }
  for (auto& [key, members] : groups) {
    if (members.size() < 2) continue;
    // An acronym stands for one thing in a note: of the surest, its fullest expansion is kept
    // (`Deep Deterministic Policy Gradient`, not `Deep DPG`), wherever else the note repeats it.
    const bool acronym = drafts[members.front()].kind == "acronym";
    std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      if (drafts[a].confidence != drafts[b].confidence) {
        return drafts[a].confidence > drafts[b].confidence;
      }
      if (acronym) {
        const bool spelled_a = spells(drafts[a].term, drafts[a].answer);
        const bool spelled_b = spells(drafts[b].term, drafts[b].answer);
        if (spelled_a != spelled_b) return spelled_a;
        if (word_count(drafts[a].answer) != word_count(drafts[b].answer)) {
          return word_count(drafts[a].answer) > word_count(drafts[b].answer);
        }
      }
      return drafts[a].answer.size() < drafts[b].answer.size();
    });
    // The answers and contexts kept so far, each normalized once: a member is a duplicate when
    // either is already kept (looked up, not compared pairwise: a long note repeats a term often).
    std::set<std::string> kept_answers;
    std::set<std::vector<std::string>> kept_contexts;
    std::string first_answer;  // the surest member's, normalized
    for (const std::size_t i : members) {
      if (!keep[i]) continue;  // left out above (an acronym's echo, a list's first item)
      std::string answer = normalized(drafts[i].answer);
      std::vector<std::string> context = context_without_term(drafts[i]);
      // `Gradient Descent is a … algorithm …` (the heading's card) and `a … algorithm …` (the
      // same sentence's definition card): one answer inside the surest one is the same card.
      constexpr std::size_t kMinShared = 20;
      const bool inside_first =
          !first_answer.empty() && std::min(answer.size(), first_answer.size()) >= kMinShared &&
          (first_answer.find(answer) != std::string::npos ||
           answer.find(first_answer) != std::string::npos);
      const bool duplicate = !kept_answers.empty() &&
                             (acronym || kept_answers.contains(answer) || inside_first ||
                              kept_contexts.contains(context));
      if (duplicate) {
        keep[i] = false;
      } else {
        if (first_answer.empty()) first_answer = answer;
        kept_answers.insert(std::move(answer));
        kept_contexts.insert(std::move(context));
      }
    }
  }
  // `## Consistant Hashings` (spelled one letter off) and its sentence `Consistent hashing maps …`:
  // two definitions with one answer are one card whatever each calls the term; the surer stays
  // (on a tie the first, the heading's when a heading names it first).
  // (The answers as written: both cards quote one sentence, and normalizing every answer of a
  // large note again would cost more than all the rest of this function. Sorted, not hashed: a
  // note has few definitions, and most have one or none.)
  constexpr std::size_t kMinSameAnswer = 20;
  const auto sameable = [&](std::size_t i) {
    return keep[i] && drafts[i].answer.size() >= kMinSameAnswer && drafts[i].kind == "definition";
  };
  std::size_t count = 0;
  for (std::size_t i = 0; i < drafts.size() && count < 2; ++i) {
    if (sameable(i)) ++count;
  }
  if (count >= 2) {
    std::vector<std::size_t> definitions;
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      if (sameable(i)) definitions.push_back(i);
    }
    // By answer, then the surer first, then note order: the first of each run of one answer stays.
    std::stable_sort(definitions.begin(), definitions.end(), [&](std::size_t a, std::size_t b) {
      const std::string_view x = trim(drafts[a].answer);
      const std::string_view y = trim(drafts[b].answer);
      if (x != y) return x < y;
      return drafts[a].confidence > drafts[b].confidence;
    });
    for (std::size_t k = 1; k < definitions.size(); ++k) {
      if (trim(drafts[definitions[k]].answer) == trim(drafts[definitions[k - 1]].answer)) {
        keep[definitions[k]] = false;
      }
    }
  }
  std::vector<CardDraft> out;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    if (keep[i]) out.push_back(std::move(drafts[i]));
  }
  return out;
}

// `**Policy Gradient** algorithms란?` asks about `Policy Gradient algorithms`: emphasis marks
// inside a term are dropped from the term and the question alike.
void tidy_term(CardDraft& card) {
  // `➡️ **Model Training**`, `3. Dropout`: decorations and numbers in front are not the term.
  std::string term = card.term;
  if (!term.empty() && (static_cast<unsigned char>(term[0]) >= 0x80 || term[0] == '*') &&
      !contains_hangul(term.substr(0, 3))) {
    if (std::string named = heading_name(term); !named.empty()) term = named;
  }
  // `b) TF-IDF`, `(ii) Dropout`: an enumerator in front is not the term either.
  if (const std::size_t close = term.find(')'); close != std::string::npos && close <= 4 &&
                                                close + 2 < term.size() && term[close + 1] == ' ') {
    const std::string_view mark = std::string_view(term).substr(term[0] == '(' ? 1 : 0,
                                                              close - (term[0] == '(' ? 1 : 0));
    const bool enumerator = !mark.empty() && std::all_of(mark.begin(), mark.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == 'i' || c == 'v' || c == 'x';
    }) && (mark.size() == 1 || std::all_of(mark.begin(), mark.end(), [](char c) {
      return c == 'i' || c == 'v' || c == 'x' || (c >= '0' && c <= '9');
    }));
    if (enumerator) term = term.substr(close + 2);
  }
  // `Expected Return $$\eta(\pi)$$의 의미란?` asks about `Expected Return`: the label `의 의미`
  // (`의 정의`, `의 뜻`) and a formula after the name are not part of it.
  for (const std::string_view label : {"\xEC\x9D\x98 \xEC\x9D\x98\xEB\xAF\xB8",
                                       "\xEC\x9D\x98 \xEC\xA0\x95\xEC\x9D\x98",
                                       "\xEC\x9D\x98 \xEB\x9C\xBB"}) {  // 의 의미, 의 정의, 의 뜻
    if (term.size() > label.size() + 2 && ends_with(term, label)) {
      term = std::string(trim(std::string_view(term).substr(0, term.size() - label.size())));
      break;
    }
  }
  if (const std::size_t dollar = term.find('$'); dollar != std::string::npos && dollar > 2 &&
                                                 ends_with(trim(term), "$")) {
    const std::string name(trim(std::string_view(term).substr(0, dollar)));
    if (has_word_character(name)) term = name;
  }
  // `Vocabulary (Vocab) means: …` names `Vocabulary (Vocab)`.
  const std::string lower = ascii_lower(term);
  for (const std::string_view verb : {" means", " is", " are", " refers to", " stands for"}) {
    if (term.size() > verb.size() + 1 && ends_with(lower, verb)) {
      term.resize(term.size() - verb.size());
      break;
    }
  }
  // `기본적으로 GPT는 …`, `Intuitively, it is …`: a sentence adverb opens the clause; the term is
  // what follows it.
  for (const std::string_view adverb :
       {"기본적으로", "마찬가지로", "일반적으로", "결국", "특히", "또한", "한편", "따라서", "즉",
        "basically", "intuitively", "similarly", "generally", "essentially", "thus", "hence"}) {
    const std::string head = ascii_lower(std::string_view(term).substr(0, adverb.size()));
    if (term.size() > adverb.size() + 1 && head == adverb &&
        (term[adverb.size()] == ' ' || term[adverb.size()] == ',')) {
      term = std::string(trim(std::string_view(term).substr(adverb.size() + 1)));
      break;
    }
  }
  term = without_format_tags(std::move(term));
  for (const std::string_view mark : {"**", "__"}) {
    for (std::size_t at = term.find(mark); at != std::string::npos; at = term.find(mark)) {
      term.erase(at, mark.size());
    }
  }
  term = std::string(trim(term));
  if (term == card.term) return;
  // `X의 정의란?` becomes `X란?` or `X이란?` as X ends: a question that only asks what the term
  // is is asked again for the new term.
  const bool korean_what = card.question == card.term + "란?" || card.question == card.term + "이란?";
  const bool english_what = card.question == "What is " + card.term + "?";
  if (korean_what) {
    card.question = what_is_question(term, Language::korean);
  } else if (english_what) {
    card.question = what_is_question(term, Language::english);
  } else if (const std::size_t at = card.question.find(card.term); at != std::string::npos) {
    card.question.replace(at, card.term.size(), term);
  }
  card.term = term;
}

// The note's title: its front matter `title`, else its file name when that is a name
// (`Batch Normalization.md`, not `README.md`, `2024-01-02-notes.md` or `cpu_sched.md`).
std::string note_title(const notes::Outline& outline, std::string_view source) {
  if (!outline.meta.title.empty()) return heading_name(outline.meta.title);
  std::string_view stem = source.substr(source.rfind('/') == std::string_view::npos
                                            ? 0
                                            : source.rfind('/') + 1);
  stem = stem.substr(0, stem.rfind('.'));
  const std::string lower = ascii_lower(stem);
  for (const std::string_view generic : {"readme", "index", "note", "notes", "untitled", "todo",
                                         "draft", "main", "summary", "memo"}) {
    if (lower == generic) return {};
  }
  const bool name_like = !stem.empty() && std::all_of(stem.begin(), stem.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || std::isalpha(b) != 0 || c == ' ' || c == '(' || c == ')';
  });
  return name_like && code_point_count(stem) >= 3 ? std::string(stem) : std::string{};
}

// The names a note marks as concepts: its headings and its bold and code spans, normalized.
std::set<std::string> marked_names(const notes::Outline& outline, std::string_view content) {
  std::set<std::string> names;
  for (const Block& block : outline.blocks) {
    if (block.kind == BlockKind::heading) names.insert(normalized(heading_name(block.text)));
  }
  for (const std::string_view inner : marked_spans(content)) {
    if (inner.size() < 80 && inner.find('\n') == std::string_view::npos) {
      names.insert(normalized(inner));
    }
  }
  return names;
}

// A heading over the part of a study that reports what was done or found: `Experiments`,
// `6. Results`, `[7. Conclusion]`, `실험 및 결과`, `결론`.
bool names_findings(const std::string& heading) {
  const std::string name = ascii_lower(heading_name(heading));
  for (const std::string_view part :
       {"experiment", "result", "conclusion", "discussion", "evaluation", "ablation",
        "\xEC\x8B\xA4\xED\x97\x98",   // 실험
        "\xEA\xB2\xB0\xEA\xB3\xBC",   // 결과
        "\xEA\xB2\xB0\xEB\xA1\xA0"}) {  // 결론
    if (starts_with(name, part)) return true;
  }
  return false;
}

// `The main advantage of using X is …` (`Advantage`), `The main drawback of X …`
// (`Disadvantage`): the aspect an answer's first sentence tells, or empty.
std::string_view merit_told(std::string_view answer) {
  const std::string first = ascii_lower(trim(answer).substr(0, std::min<std::size_t>(trim(answer).size(), 30)));
  for (const std::string_view good : {"the main advantage", "the advantage of", "one advantage of",
                                      "the main benefit", "the benefit of", "one benefit of"}) {
    if (starts_with(first, good)) return "Advantage";
  }
  for (const std::string_view bad : {"the main disadvantage", "the disadvantage of",
                                     "the downside of", "the main drawback", "the drawback of",
                                     "one drawback of"}) {
    if (starts_with(first, bad)) return "Disadvantage";
  }
  return {};
}

// `퀵소트는 최악의 경우 O(n^2), 평균적으로 Θ(nlogn)을 가짐`, `**탐색에 소요되는 시간복잡도는 O(logN)**`:
// an answer of one short sentence or line that gives only a running time; the label of the
// question that asks it, in the answer's language, or empty.
std::string_view complexity_told(std::string_view answer) {
  const std::string_view a = trim(answer);
  if (a.size() > 240 || a.find('\n') != std::string_view::npos) return {};
  if (a.find("O(") == std::string_view::npos && a.find("\xCE\x98(") == std::string_view::npos) return {};  // Θ(
  const std::string lower = ascii_lower(a);
  for (const std::string_view word : {"complexity", "worst", "average", "best case", "time"}) {
    if (lower.find(word) != std::string::npos) return "Time complexity";
  }
  for (const std::string_view word : {"복잡도", "최악", "평균", "최선"}) {
    if (a.find(word) != std::string_view::npos) return "시간 복잡도";
  }
  return {};
}

constexpr double kThinKind = 0.3;

// An answer of three words or fewer, an article and a closing period aside.
bool thin_kind(std::string_view answer) {
  std::string_view a = trim(answer);
  while (!a.empty() && a.back() == '.') a.remove_suffix(1);
  std::vector<std::string_view> words = split_words(a);
  if (!words.empty()) {
    const std::string first = ascii_lower(words.front());
    if (first == "a" || first == "an" || first == "the") words.erase(words.begin());
  }
  return !words.empty() && words.size() <= 3;
}

constexpr double kMarkedDefinition = 0.6;
constexpr double kLeansOnContext = 0.45;  // judged: 7 kept of 35 at 0.55-0.6 (definition sentences, question headings)
constexpr double kNarrates = 0.2;

// A Korean answer of one clause that ends on a usage noun: `게코(Gecko) 엔진 사용`, `… 때 적용`,
// `보통 퀵소트를 사용함`.
bool notes_usage(std::string_view answer) {
  std::string_view a = trim(answer);
  if (a.find('\n') != std::string_view::npos || a.find(". ") != std::string_view::npos) return false;
  while (!a.empty() && (a.back() == '.' || a.back() == ' ' || a.back() == '*')) a.remove_suffix(1);
  for (const std::string_view tail : {"함", "됨"}) {
    if (ends_with(a, tail)) a.remove_suffix(tail.size());
  }
  for (const std::string_view usage : {"사용", "적용", "활용", "이용"}) {
    if (ends_with(a, usage)) return true;
  }
  // `rpm보다 더 유용함`, `more보다 조금 더 보기 편함`: how it compares with another, not what it is.
  if (const std::vector<std::string_view> parts = split_words(a);
      parts.size() >= 2 && parts.size() <= 8 && ends_with(parts[0], "보다")) {
    for (std::size_t k = 1; k < parts.size() && k <= 2; ++k) {
      if (parts[k] == "더" || parts[k] == "훨씬" || parts[k] == "조금" || parts[k] == "좀") return true;
    }
  }
  // `문자열 연산이 많은 Multi-Thread 환경`, `데이터가 자주 바뀌는 경우`: where or when it is used.
  const std::vector<std::string_view> words = split_words(a);
  if (words.size() >= 2 && words.size() <= 12) {
    for (const std::string_view setting : {"환경", "경우", "상황"}) {
      if (words.back() == setting) return true;
    }
  }
  return false;
}

// `임베디드 시스템의 하드웨어는 특정 목적을 위해 설계됨`: an answer whose subject is a part or
// property of the term (`X의 N은/는`, N in one or two words).
bool tells_of_a_part(std::string_view answer, std::string_view term) {
  const std::string_view a = trim(answer);
  const std::string_view t = trim(term);
  if (t.empty() || !starts_with(a, t) || !a.substr(t.size()).starts_with("\xEC\x9D\x98 ")) {  // 의
    return false;
  }
  const std::vector<std::string_view> words = split_words(a.substr(t.size() + 4));
  for (std::size_t k = 0; k < words.size() && k < 2; ++k) {
    for (const std::string_view particle : {"\xEC\x9D\x80", "\xEB\x8A\x94"}) {  // 은 는
      if (ends_with(words[k], particle) && words[k].size() > particle.size() &&
          contains_hangul(words[k])) {
        return true;
      }
    }
  }
  return false;
}

// An answer too long for a card, cut to its first 600 characters with a pointer to the rest:
// judged truncated whatever the cut (rounds 8 and 9: 6 kept of 46), so it stays below the default
// threshold, unless its first paragraph alone answers (render.hpp).
constexpr double kCut = 0.3;
constexpr double kNamedParts = 0.6;
constexpr double kCutList = 0.45;

// Whether a term starts with a bold or code span: `**actor-critic** 알고리즘`.
bool starts_marked(std::string_view term) {
  term = trim(term);
  return (starts_with(term, "**") && term.find("**", 2) != std::string_view::npos) ||
         (starts_with(term, "`") && term.find('`', 1) != std::string_view::npos);
}

// A Korean definition sentence about a phrase the note never marks as a concept (`빨간 박스는
// …을 말한다`, `입력 시퀀스가 …`) is more often a remark on the text around it than a definition.
constexpr double kUnmarkedKoreanDefinition = 0.45;

bool is_unmarked_korean_term(const CardDraft& card, const std::set<std::string>& marked) {
  if (card.rule != "definition-sentence" || latin_word_count(card.term) > 0) return false;
  if (!contains_hangul(card.term)) return false;
  if (marked.find(normalized(card.term)) != marked.end()) return false;
  // `빨간 박스`, `매 갱신마다 …`, `믿음의 정도`: a thing on a figure, a time or a degree.
  const std::vector<std::string_view> words = split_words(card.term);
  if (words.size() < 2) return false;
  static constexpr std::array<std::string_view, 12> kPointing = {
      "매", "각", "위", "아래", "다음", "이전", "빨간", "파란", "왼쪽", "오른쪽", "해당", "첫"};
  static constexpr std::array<std::string_view, 9> kVague = {
      "박스", "그림", "부분", "경우", "정도", "결과", "과정", "값", "쪽"};
  // `계산된 가중치`, `생성된 문맥 벡터`: a thing named by what was just done to it in the text.
  return std::find(kPointing.begin(), kPointing.end(), words.front()) != kPointing.end() ||
         std::find(kVague.begin(), kVague.end(), words.back()) != kVague.end() ||
         ends_with(words.back(), "마다") || ends_with(words.front(), "된");
}

// Whether `text` (normalized) opens by saying what `term` (normalized) is: `dropout is …`,
// `드롭아웃은 …`.
bool opens_defining(std::string_view text, std::string_view term) {
  if (term.empty() || !text.starts_with(term)) return false;
  const std::string_view after = text.substr(term.size());
  for (const std::string_view verb : {" is ", " are ", " refers to ", "\xEC\x9D\x80 ", "\xEB\x8A\x94 ",
                                      "\xEC\x9D\xB4\xEB\x9E\x80 ", "\xEB\x9E\x80 "}) {  // 은 는 이란 란
    if (after.starts_with(verb)) return true;
  }
  return false;
}

// `What is the basic idea behind dropout?` answered by `Dropout is a regularization technique …`,
// and that sentence's own `What is Dropout?`: a question that names the term and shows little
// more than its definition is the same card (judged duplicate). Read on the answers as cards show
// them; the question is the one whose section holds the definition, the last asked at or before
// its line. A question about two terms (`외부 단편화와 내부 단편화란?`) shows much more than either
// definition, and both stay. (without_duplicates drops a definition of the very term a question
// asks, `What is X?`, before answers are fitted; this one needs the answers as shown.)
void drop_definitions_a_question_shows(std::vector<CardDraft>& drafts) {
  std::vector<std::size_t> questions;  // in line order (drafts are sorted by line)
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    if (drafts[i].rule == "question-heading") questions.push_back(i);
  }
  if (questions.empty()) return;
  std::vector<bool> keep(drafts.size(), true);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const CardDraft& card = drafts[i];
    if (card.kind != "definition" || card.rule == "question-heading") continue;
    const auto after =
        std::upper_bound(questions.begin(), questions.end(), card.line,
                         [&](int line, std::size_t q) { return line < drafts[q].line; });
    if (after == questions.begin()) continue;
    const CardDraft& question = drafts[*std::prev(after)];
    constexpr std::size_t kMinShared = 20;
    const std::string answer = normalized(card.answer);
    const std::string shown = normalized(question.answer);
    if (answer.size() < kMinShared || !names_term(question.question, card.term)) continue;
    // Shown nearly whole, or as the answer's opening (`Dropout is <the definition>. Using
    // dropout, …`): the question's card already asks it.
    const std::size_t at = shown.find(answer);
    if (at != std::string::npos &&
        (answer.size() * 10 >= shown.size() * 6 || opens_defining(shown, normalized(card.term)))) {
      keep[i] = false;
    }
  }
  std::size_t k = 0;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    if (!keep[i]) continue;
    if (k != i) drafts[k] = std::move(drafts[i]);
    ++k;
  }
  drafts.resize(k);
}

// Whether `answer` is one short Korean line that only says what the thing improves on or makes up
// for (`git-flow를 개선하기 위해 나온 하나의 방식`, `B-Tree를 개선한 형태의 자료구조`).
bool improves_on_only(std::string_view answer) {
  answer = trim(answer);
  constexpr std::size_t kShortLine = 80;
  if (answer.find('\n') != std::string_view::npos || code_point_count(answer) > kShortLine ||
      !contains_hangul(answer) || split_sentences(answer).size() > 1) {
    return false;
  }
  for (const std::string_view improves : {"개선한", "개선하기 위해", "개선하기 위한", "개선된",
                                          "보완한", "보완하기 위해", "보완하기 위한"}) {
    if (answer.find(improves) != std::string_view::npos) return true;
  }
  return false;
}

// The line of the front matter's `title:`, else 1.
int title_line(std::span<const std::string_view> lines) {
  if (lines.empty() || (trim(lines[0]) != "---" && trim(lines[0]) != "+++")) return 1;
  for (std::size_t i = 1; i < lines.size() && i < 200; ++i) {
    const std::string_view t = trim(lines[i]);
    if (t == "---" || t == "+++") break;
    if (starts_with(ascii_lower(t), "title")) return static_cast<int>(i + 1);
  }
  return 1;
}

}  // namespace

ExtractResult extract_cards(const notes::NoteFile& note) {
  notes::Outline outline = notes::parse_outline(note.content);
  ExtractResult result;
  if (!outline.meta.enabled) return result;
  OptOuts().filter(outline.blocks);

  const std::vector<std::string_view> lines = split_lines(note.content);
  const std::string title = note_title(outline, note.source);
  std::vector<CardDraft> kept;
  std::vector<CardDraft> gated;  // left out by a precision gate, kept for --explain
  ClaimedLines claimed;
  for (const Rule& rule : all_rules()) {
    RuleOutput out;
    // A rule that fails on some note loses that rule's cards for the note, with a warning; the
    // import goes on (the contract: bad note content never ends an import).
    try {
      rule.run(RuleInput{outline, kept, lines, title, title_line(lines)}, out);
    } catch (const std::exception& e) {
      out = RuleOutput{};
      out.warn(0, "rule " + std::string(rule.name) + " failed on this note: " + e.what());
    }
    std::vector<Proposal*> accepted;
    for (Proposal& proposal : out.cards) {
      if (claimed.clashes(proposal)) continue;
      if (proposal.draft.confidence < 1.0) {
        // A sentence about a name the author set in bold or code (`**actor-critic** 알고리즘은
        // …`) is about a concept the note means to teach.
        CardDraft& d = proposal.draft;
        if (d.rule == "definition-sentence" && d.confidence < kMarkedDefinition &&
            d.confidence >= 0.35 && starts_marked(d.term)) {
          d.confidence = kMarkedDefinition;
        }
        tidy_term(proposal.draft);
        // `What is ReLU? → The main advantage of using ReLU is …`: the answer tells what it is
        // good (or bad) for; the question asks that (judged misframed as `What is`).
        if (d.kind == "definition") {
          if (tells_of_a_part(d.answer, d.term)) {
            // Asked as `X의 하드웨어는?` it was judged a fragment of a sentence (round 33), and as
            // `X란?` misframed (round 31): it is lowered.
            d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
          } else if (const std::string_view label = merit_told(d.answer); !label.empty()) {
            auto [question, term] = aspect_question(d.term, label, 0);
            d.question = std::move(question);
            d.term = std::move(term);
            d.kind = "qa";
          } else if (const std::string_view cost = complexity_told(d.answer); !cost.empty()) {
            // `퀵소트란? → … O(n^2) …` asks what the running time is (judged misframed as `X란?`).
            auto [question, term] = aspect_question(d.term, cost, 0);
            d.question = std::move(question);
            d.term = std::move(term);
            d.kind = "qa";
          }
        }
        if (std::optional<std::string> plain = without_opening_connective(d.answer, d.question)) {
          d.answer = std::move(*plain);
        }
        // An answer that leans on text the card does not show (`이를 이용해 …`, `This …`) is
        // judged anaphora more often than kept; the heading rule weighs this itself, and a paper
        // digest's `이 방법은 …` points at the paper its question names.
        if (d.rule != "heading-section" && d.rule != "paper-digest" && leans_on_context(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
        }
        // `… 발전하게 될 것이다`, `…효율적이라는 것이다`: a guess or a conclusion about the term, not
        // what it is (judged: 0 kept of 14 Korean definition sentences ending so, rounds 8-10).
        // After a question the prose asks itself (`X는 무엇일까?`), `…보겠다는 것이다` is the answer.
        if (d.kind == "definition" && d.rule != "asked-in-text" && speculates(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
        }
        // `이 논문에서는 … 이용하였다고 한다`: what someone did, not what the term is.
        if ((d.kind == "definition" || d.kind == "qa") && narrates(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kNarrates);
        }
        // `Data Acquisition: Gather relevant data`: a step of a procedure, told as an order, says
        // what to do rather than what the term is (judged trivial).
        if ((d.rule == "term-colon" || d.rule == "nested-term") && orders(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
        }
        // `게코 엔진 사용`, `연결 관계가 있을 때 적용`: a one-clause note of what it uses or when it
        // applies, not what it is (judged misframed).
        if ((d.rule == "term-colon" || d.rule == "nested-term") && notes_usage(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
        }
        // Under `## 6. Experiments`, `### 실험 및 결과`, `[7. Conclusion]`: the items name a
        // setting, a model variant or a finding of the study the note reports, told as `X: …`,
        // not what X is (judged: none of 4 kept in round 13).
        if ((d.rule == "term-colon" || d.rule == "nested-term" || d.rule == "comparison") &&
            std::any_of(d.context.begin(), d.context.end(), names_findings)) {
          d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
        }
        // A list cut after its eighth item (`- …`) reads as truncated (judged: none of 2 kept).
        if (ends_with(trim(d.answer), "\n- \xE2\x80\xA6")) d.confidence = std::min(d.confidence, kCutList);
        // `Used in …`, `is used when …`: where the thing is used; `the most popular …`: how it is
        // rated (judged: 7 kept of 31 in rounds 8-14, so below the threshold). A rating in a
        // sentence that opens on the term and says what kind of thing it is (`VGGNet is one of
        // the most popularly used CNN architectures`) still defines it, and is only lowered. (A
        // definition sentence's answer is its predicate: that sentence opens on the term; a Korean
        // predicate says its kind unless the rating is all that names it, `… SOTA 모델이다`.)
        if (const Remark remark = rates_or_advises(d.answer);
            d.kind == "definition" && remark != Remark::none) {
          const bool says_kind =
              remark == Remark::rating &&
              (d.rule == "definition-sentence"
                   ? !contains_hangul(d.answer) || says_what_kind(d.answer)
                   : opens_on_term(d.answer, d.term) && says_what_kind(d.answer));
          d.confidence = std::max(0.05, d.confidence - (says_kind ? kNarrates : kLeansOnContext));
        }
        // `What is vector? → a 1st-order tensor`, `클레임이란? → 정보의 한 조각`: a kind in three words
        // or fewer, nothing a learner could not guess (judged trivial three times, round 33).
        if (d.rule == "definition-sentence" && d.kind == "definition" && thin_kind(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kThinKind);
        }
        // `B+Tree 자료구조란? → B-Tree를 개선한 형태의 자료구조`: a one-line answer that only says
        // what it improves on, where the note goes on to say how (judged truncated twice in round
        // 29; `an improvement on` is a rating above).
        if (d.kind == "definition" && improves_on_only(d.answer)) {
          d.confidence = std::max(0.05, d.confidence - kNarrates);
        }
        proposal.draft.answer = clean_answer(proposal.draft.answer);
        if (std::optional<std::string> shown = without_figure_captions(d.answer)) {
          d.answer = std::move(*shown);
        }
        // `… is formally defined with:` closing the answer: what it leads in to is not shown
        // (judged: 1 kept of 20). Without that sentence the answer is often whole; a lead-in
        // alone answers nothing.
        if (std::optional<std::string> before = without_trailing_lead_in(d.answer)) {
          if (before->empty()) {
            d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
          } else {
            d.answer = std::move(*before);
          }
        }
        // `… feature space:` and then `For example, …`: the formula or figure the colon announced
        // is not shown (judged anaphora or dump twice of three, round 25 and 26).
        // (An answer too long for a card shows its first paragraph only, which has no such gap.)
        if (announces_missing(d.answer) && code_point_count(d.answer) <= kMaxAnswerCodePoints) {
          d.confidence = std::max(0.05, d.confidence - kLeansOnContext);
        }
        proposal.draft.left_out = gate_reason(proposal.draft);
        if (!proposal.draft.left_out.empty()) {
          gated.push_back(std::move(proposal.draft));
          continue;
        }
      }
      accepted.push_back(&proposal);
    }
    // Grown to its size, not doubled: on a large note `kept` is the largest thing extraction
    // holds (94,000 drafts on a 50 MB note), and it is at its largest when the last rules run.
    kept.reserve(kept.size() + accepted.size());
    for (Proposal* proposal : accepted) {
      claimed.add(*proposal);
      kept.push_back(std::move(proposal->draft));  // `out` goes with this rule
    }
    for (Warning& warning : out.warnings) result.warnings.push_back(std::move(warning));
  }

  // Read only for notes with a Korean definition sentence to weigh.
  std::optional<std::set<std::string>> marked;
  for (CardDraft& card : kept) {
    if (card.rule != "definition-sentence" || !contains_hangul(card.term)) continue;
    if (!marked) marked = marked_names(outline, note.content);
    if (is_unmarked_korean_term(card, *marked)) {
      card.confidence = std::min(card.confidence, kUnmarkedKoreanDefinition);
    }
  }
  std::erase_if(kept, [](const CardDraft& card) {
    return card.confidence < 1.0 && under_plan_heading(card);
  });
  hold_comparison_rows(kept);
  result.drafts = without_duplicates(std::move(kept));
  result.left_out = std::move(gated);
  std::stable_sort(result.drafts.begin(), result.drafts.end(),
                   [](const CardDraft& a, const CardDraft& b) { return a.line < b.line; });
  std::stable_sort(result.warnings.begin(), result.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  for (CardDraft& draft : result.drafts) {
    if (draft.deck.empty()) draft.deck = note.deck;  // a rule may name it (OSR's `#flashcards/…`)
    draft.source = note.source;
    draft.tags = outline.meta.tags;
    if (draft.confidence < 1.0) draft.answer = drop_link_only_lines(draft.answer);
    const std::string pointer = note.source.empty()
                                    ? "more at line " + std::to_string(draft.line)
                                    : "see " + note.source + ":" + std::to_string(draft.line);
    std::string fitted = fit_answer(draft.answer, pointer);
    if (fitted != draft.answer && draft.confidence < 1.0) {
      std::optional<std::string> shorter;
      if (draft.kind != "comparison") shorter = top_level_items(draft.answer);
      // Parts named, their details left to their own cards: not judged yet, so held below the
      // surer cards.
      if (!shorter && draft.kind == "definition" && (shorter = items_and_parts(draft.answer))) {
        draft.confidence = std::min(draft.confidence, kNamedParts);
      }
      if (!shorter) {
        shorter = whole_first_paragraph(draft.answer);
        // A definition's paragraph answers only if it speaks of the term.
        if (shorter && draft.kind == "definition" && !names_term(*shorter, draft.term)) {
          shorter.reset();
        }
        // `Dropout is a regularization technique …` + `Using dropout, you …`: how it works.
        if (const std::size_t gap = draft.answer.find("\n\n"); shorter && gap != std::string::npos) {
          const std::string_view rest = std::string_view(draft.answer).substr(gap + 2);
          const std::string_view next = rest.substr(0, rest.find("\n\n"));
          if (next.find('\n') == std::string_view::npos) {
            if (std::string more = how_it_works(next, *shorter, draft.term); !more.empty()) {
              *shorter += " " + more;
            }
          }
        }
      }
      if (shorter) {
        fitted = std::move(*shorter);
      } else {
        draft.confidence = std::min(draft.confidence, kCut);
      }
    }
    draft.answer = std::move(fitted);
    // A cut can leave a lead-in last.
    if (std::optional<std::string> before = without_trailing_lead_in(draft.answer)) {
      if (!before->empty()) draft.answer = std::move(*before);
    }
    if (draft.confidence < 1.0) draft.answer = without_stray_emphasis(std::move(draft.answer));
  }
  drop_definitions_a_question_shows(result.drafts);
  for (CardDraft& draft : result.left_out) {
    if (draft.deck.empty()) draft.deck = note.deck;
    draft.source = note.source;
    draft.tags = outline.meta.tags;
  }
  for (Warning& warning : result.warnings) warning.source = note.source;
  return result;
}

}  // namespace recall::extract
