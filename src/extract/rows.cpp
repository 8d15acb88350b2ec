// Comparison rows written as `term: …` lists. A note that compares two things section by section
// (`#### 리소스` / `- 쿠키 : …` / `- 세션 : …`, then `#### 용량 제한` with the same two labels) or
// under a heading that names both (`abstract와 Interface의 차이는?`) gives in each line one side
// of one aspect, not what the term is: `쿠키란?` answered by its storage limit is misframed
// (judged). Such lines are held below the threshold; the heading or the comparison rule asks them.
// So are the aspects such a heading compares its sides on (`## TensorFlow vs PyTorch` / `- Speed :
// no real difference`, `##### 개발 CLI` / `- Vue.js : vue-cli` / `- React : …`): `Speed` is no
// concept of its own there, and its line is one row of the comparison (judged misframed and
// wrong-term).

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

constexpr double kRow = 0.45;
constexpr std::size_t kMaxLabels = 8;  // labels of one section looked at in pairs

std::string folded(std::string_view s) { return ascii_lower(trim(strip_emphasis(s))); }

std::string section_key(const CardDraft& card) {
  std::string key;
  for (const std::string& heading : card.context) key += heading + '\x1e';
  return key;
}

// `abstract와 Interface의 차이는?` → the pair it compares, folded.
std::optional<std::pair<std::string, std::string>> compared_in(std::string_view heading) {
  std::string_view s = trim(heading);
  // Only a heading that says it compares: `외부 단편화와 내부 단편화란?` asks what each one is.
  const std::string lower = ascii_lower(s);
  bool compares = false;
  for (const std::string_view word : {"\xEC\xB0\xA8\xEC\x9D\xB4", "\xEB\xB9\x84\xEA\xB5\x90",  // 차이 비교
                                      "difference", "compar", " vs", "versus"}) {
    if (lower.find(word) != std::string::npos) compares = true;
  }
  if (!compares) return std::nullopt;
  while (!s.empty() && (s.back() == '?' || s.back() == ' ')) s.remove_suffix(1);
  for (const std::string_view ending : {"\xEB\x8A\x94", "\xEC\x9D\x80"}) {  // 는 은
    if (ends_with(s, ending)) s.remove_suffix(ending.size());
  }
  const std::optional<Pair> pair = as_compared_pair(s);
  if (!pair) return std::nullopt;
  return std::pair{folded(pair->first), folded(pair->second)};
}

// The sides a heading compares, folded: `A vs B (vs C)`, or the pair compared_in reads.
std::vector<std::string> compared_sides(std::string_view heading) {
  if (const auto pair = compared_in(heading)) return {pair->first, pair->second};
  std::string lower = ascii_lower(trim(heading));
  while (!lower.empty() && (lower.back() == '?' || lower.back() == ' ')) lower.pop_back();
  std::vector<std::string> sides;
  std::size_t begin = 0;
  for (std::size_t at = lower.find(" vs"); at != std::string::npos; at = lower.find(" vs", at + 1)) {
    std::size_t width = 3;
    if (lower.compare(at, 5, " vs. ") == 0) {
      width = 5;
    } else if (lower.compare(at, 4, " vs ") == 0) {
      width = 4;
    } else {
      continue;
    }
    sides.push_back(folded(std::string_view(lower).substr(begin, at - begin)));
    begin = at + width;
  }
  if (sides.empty()) return {};
  sides.push_back(folded(std::string_view(lower).substr(begin)));
  for (std::string& side : sides) {
    for (const std::string_view tail : {"\xEC\x9D\x98 \xEC\xB0\xA8\xEC\x9D\xB4", " \xEC\xB0\xA8\xEC\x9D\xB4"}) {  // 의 차이, 차이
      if (const std::size_t cut = side.find(tail); cut != std::string::npos) side.resize(cut);
    }
    if (side.empty() || word_count(side) > 6) return {};
  }
  return sides;
}

// Whether `term` is one of the sides, or names one (`Mini-batch gradient descent` beside
// `gradient descent`).
bool is_side(const std::string& term, const std::vector<std::string>& sides) {
  return std::any_of(sides.begin(), sides.end(), [&](const std::string& side) {
    return term.find(side) != std::string::npos || side.find(term) != std::string::npos;
  });
}

// Whether `answer` names every side: the aspect's row, set out side by side.
bool names_sides(std::string_view answer, const std::vector<std::string>& sides) {
  const std::string lower = ascii_lower(answer);
  return std::all_of(sides.begin(), sides.end(), [&](const std::string& side) {
    return lower.find(side) != std::string::npos;
  });
}

}  // namespace

void hold_comparison_rows(std::vector<CardDraft>& cards) {
  std::map<std::string, std::vector<CardDraft*>> sections;
  std::set<CardDraft*> rows;
  for (CardDraft& card : cards) {
    // An aspect the heading above compares its sides on.
    if (card.confidence < 1.0 && card.kind == "definition" && !card.context.empty() &&
        (card.rule == "term-colon" || card.rule == "heading-section")) {
      const std::vector<std::string> sides = compared_sides(card.context.back());
      if (!sides.empty() && !is_side(folded(card.term), sides) &&
          (card.rule == "term-colon" || names_sides(card.answer, sides))) {
        rows.insert(&card);
      }
    }
    if (card.rule == "term-colon" && card.kind == "definition" && card.confidence < 1.0) {
      sections[section_key(card)].push_back(&card);
    }
  }
  // Two labels that meet again under another heading: the sections compare them.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> met;
  for (const auto& [key, members] : sections) {
    const std::size_t n = std::min(members.size(), kMaxLabels);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        std::string a = folded(members[i]->term);
        std::string b = folded(members[j]->term);
        if (a == b) continue;
        if (b < a) std::swap(a, b);
        met[{a, b}].insert(key);
      }
    }
    if (members.front()->context.empty()) continue;
    if (const auto pair = compared_in(members.front()->context.back())) {
      for (CardDraft* card : members) {
        const std::string term = folded(card->term);
        if (term == pair->first || term == pair->second) rows.insert(card);
      }
    }
  }
  for (const auto& [labels, keys] : met) {
    if (keys.size() < 2) continue;
    for (const std::string& key : keys) {
      for (CardDraft* card : sections[key]) {
        const std::string term = folded(card->term);
        if (term == labels.first || term == labels.second) rows.insert(card);
      }
    }
  }
  for (CardDraft* card : rows) card->confidence = std::min(card->confidence, kRow);
}

}  // namespace recall::extract
