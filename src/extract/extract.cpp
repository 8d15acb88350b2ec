// The extractor: parse the note, run every rule, settle overlaps, put the cards in note order.
#include "recall/extract/extract.hpp"

#include <algorithm>
#include <utility>

#include "recall/extract/rules.hpp"
#include "recall/notes/outline.hpp"

namespace recall::extract {
namespace {

// Line ranges claimed by the cards of the rules run so far, merged and sorted.
class ClaimedLines {
 public:
  bool contains(int line) const {
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), line,
                               [](int l, const std::pair<int, int>& r) { return l < r.first; });
    return it != m_ranges.begin() && std::prev(it)->second >= line;
  }

  void add(const std::vector<Proposal>& proposals) {
    for (const Proposal& p : proposals) m_ranges.emplace_back(p.draft.line, p.end_line);
    std::sort(m_ranges.begin(), m_ranges.end());
    std::vector<std::pair<int, int>> merged;
    for (const auto& range : m_ranges) {
      if (!merged.empty() && range.first <= merged.back().second + 1) {
        merged.back().second = std::max(merged.back().second, range.second);
      } else {
        merged.push_back(range);
      }
    }
    m_ranges = std::move(merged);
  }

 private:
  std::vector<std::pair<int, int>> m_ranges;
};

}  // namespace

ExtractResult extract_cards(const notes::NoteFile& note) {
  const notes::Outline outline = notes::parse_outline(note.content);
  ExtractResult result;
  ClaimedLines claimed;
  for (const Rule& rule : all_rules()) {
    RuleOutput out;
    rule.run(outline, out);
    for (Proposal& proposal : out.cards) {
      if (!claimed.contains(proposal.draft.line)) result.drafts.push_back(proposal.draft);
    }
    claimed.add(out.cards);
    for (Warning& warning : out.warnings) result.warnings.push_back(std::move(warning));
  }
  std::stable_sort(result.drafts.begin(), result.drafts.end(),
                   [](const CardDraft& a, const CardDraft& b) { return a.line < b.line; });
  std::stable_sort(result.warnings.begin(), result.warnings.end(),
                   [](const Warning& a, const Warning& b) { return a.line < b.line; });
  for (CardDraft& draft : result.drafts) {
    draft.deck = note.deck;
    draft.source = note.source;
  }
  for (Warning& warning : result.warnings) warning.source = note.source;
  return result;
}

}  // namespace recall::extract
