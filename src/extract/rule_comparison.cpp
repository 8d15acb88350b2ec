// Rule `comparison` (pattern 10): two things set side by side.
//
//   ## DDPM vs DDIM                          - 학습된 score로 SDE sampling을 하는 것을 DDPM sampling이라고 한다.
//   - 학습은 같고 샘플링만 다르다              - 학습된 score로 ODE sampling을 하는 것을 DDIM sampling이라고 한다.
//   → DDPM vs DDIM: 차이는?                  → DDPM sampling vs DDIM sampling: 차이는?
//
// An explicit `X vs Y` heading or list item with content under it (a heading `X와 Y의 차이` too),
// and two definitions kept by the rules before in the same section whose terms differ in exactly
// one word (and no third one shares the pattern). The derived card's answer sets both definitions
// side by side; it comes besides the two definition cards.
#include <algorithm>
#include <map>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr double kExplicit = 0.85;
constexpr double kKoreanWording = 0.8;  // `X와 Y의 차이`
constexpr double kDerivedMax = 0.8;
constexpr double kIntro = 0.75;  // `The differences between A and B are as follows:` over a list
constexpr std::size_t kMaxSideWords = 6;

std::string_view strip_end(std::string_view s) {
  s = trim(s);
  while (!s.empty() && (s.back() == '?' || s.back() == ':' || s.back() == '.' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  if (ends_with(s, "\xEF\xBC\x9F")) s.remove_suffix(3);
  return trim(s);
}

// `[Cpp] shallow copy vs deep copy`: a bracketed tag in front is no part of the comparison.
std::string_view without_tag(std::string_view s) {
  s = trim(s);
  if (starts_with(s, "[")) {
    const std::size_t close = s.find(']');
    if (close != std::string_view::npos && (close + 1 >= s.size() || s[close + 1] != '(')) {
      return trim(s.substr(close + 1));
    }
  }
  return s;
}

bool acceptable_side(std::string_view side) {
  return !side.empty() && has_word_character(side) && word_count(side) <= kMaxSideWords &&
         side.find("://") == std::string_view::npos;
}

// `X vs Y` (also `vs.`, `VS`, `versus`, more than two sides), as `X vs Y`.
std::optional<std::string> vs_term(std::string_view text) {
  const std::string plain = without_link_targets(strip_emphasis(text));
  const std::string_view s = strip_end(without_tag(plain));
  const std::string lower = ascii_lower(s);
  std::vector<std::string_view> sides;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < lower.size();) {
    // Every separator starts with a space: other bytes need no comparison.
    if (lower[i] != ' ') {
      ++i;
      continue;
    }
    std::size_t width = 0;
    for (const std::string_view sep : {" vs. ", " vs ", " versus "}) {
      if (lower.compare(i, sep.size(), sep) == 0) {
        width = sep.size();
        break;
      }
    }
    if (width == 0) {
      ++i;
      continue;
    }
    sides.push_back(trim(s.substr(begin, i - begin)));
    i += width;
    begin = i;
  }
  if (sides.empty()) return std::nullopt;
  sides.push_back(trim(s.substr(begin)));
  std::string term;
  for (std::size_t k = 0; k < sides.size(); ++k) {
    std::string_view side = trim(strip_emphasis(sides[k]));
    // A Korean tail such as `차이` or `비교` after the last side is not part of it.
    if (k + 1 == sides.size()) {
      for (const std::string_view tail : {" 차이점", " 차이", " 비교"}) {
        if (ends_with(side, tail)) side = trim(side.substr(0, side.size() - tail.size()));
      }
    }
    if (!acceptable_side(side)) return std::nullopt;
    term += (term.empty() ? "" : " vs ") + std::string(side);
  }
  return term;
}

// `X와 Y의 차이`, `X과 Y 차이점`, `X와 Y 비교` → `X vs Y`.
std::optional<std::string> korean_pair_term(std::string_view text) {
  const std::string plain = without_link_targets(strip_emphasis(text));
  std::string_view s = strip_end(without_tag(plain));
  bool found = false;
  for (const std::string_view tail :
       {"의 차이점", "의 차이", " 차이점", " 차이", "의 비교", " 비교", "의 차이점은", "의 차이는"}) {
    if (ends_with(s, tail)) {
      s = trim(s.substr(0, s.size() - tail.size()));
      found = true;
      break;
    }
  }
  if (!found) return std::nullopt;
  const std::vector<std::string_view> words = split_words(s);
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::string_view w = words[k];
    std::string_view base;
    if (ends_with(w, "와") || ends_with(w, "과")) {
      base = w.substr(0, w.size() - 3);
    } else {
      continue;
    }
    if (base.empty()) continue;
    const std::string_view x(words[0].data(),
                             static_cast<std::size_t>(base.data() + base.size() - words[0].data()));
    const std::string_view y(words[k + 1].data(), static_cast<std::size_t>(
                                                      s.data() + s.size() - words[k + 1].data()));
    if (!acceptable_side(x) || !acceptable_side(y)) return std::nullopt;
    if (!as_term(x) || !as_term(y)) return std::nullopt;
    return std::string(trim(x)) + " vs " + std::string(trim(y));
  }
  return std::nullopt;
}

// `The differences between A and B are as follows:`, `A와 B의 차이점은 다음과 같다.`: a sentence that
// introduces a list of differences, as `A vs B`; nullopt for other sentences.
std::optional<std::string> intro_pair_term(std::string_view sentence) {
  const std::string plain = clean_inline(sentence);
  const std::string_view s = trim(plain);
  if (!introduces_list(s)) return std::nullopt;
  if (contains_hangul(s)) {
    for (const std::string_view ending : {" 다음과 같다", " 아래와 같다", " 다음과 같습니다", " 아래와 같습니다"}) {
      const std::size_t at = s.find(ending);
      if (at != std::string_view::npos) return korean_pair_term(s.substr(0, at));
    }
    return std::nullopt;
  }
  const std::string lower = ascii_lower(s);
  std::size_t at = lower.find("differences between ");
  std::size_t skip = std::string_view("differences between ").size();
  if (at == std::string::npos) {
    at = lower.find("difference between ");
    skip = std::string_view("difference between ").size();
  }
  if (at == std::string::npos) return std::nullopt;
  std::string_view rest = s.substr(at + skip);
  const std::string rest_lower = ascii_lower(rest);
  std::size_t end = rest.size();
  for (const std::string_view stop : {" are ", " is ", " can ", ":", " include", ","}) {
    end = std::min(end, rest_lower.find(stop));
  }
  rest = trim(rest.substr(0, end));
  const std::size_t joint = ascii_lower(rest).find(" and ");
  if (joint == std::string_view::npos) return std::nullopt;
  const std::string_view a = trim(rest.substr(0, joint));
  const std::string_view b = trim(rest.substr(joint + 5));
  if (!acceptable_side(a) || !acceptable_side(b) || b.find(" and ") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(a) + " vs " + std::string(b);
}

// The first sentence of each item of `list` (up to six), as `- …` lines: the differences, one
// each, without the reasons that follow them.
std::string first_sentences(const Block& list) {
  constexpr std::size_t kMaxItems = 6;
  std::string out;
  std::size_t taken = 0;
  for (const Block& item : list.children) {
    if (item.task != notes::Task::none) continue;
    const Block* head = notes::item_head(item);
    if (head == nullptr) continue;
    std::string text = clean_inline(head->text);
    std::replace(text.begin(), text.end(), '\n', ' ');
    const std::vector<Sentence> sentences = split_sentences(text);
    if (sentences.empty()) continue;
    if (++taken > kMaxItems) return {};
    out += (out.empty() ? "- " : "\n- ") + std::string(trim(sentences.front().text));
  }
  return taken >= 2 ? out : std::string();
}

Proposal comparison_card(std::string term, std::string answer, double confidence, int line,
                         int end_line, std::vector<std::string> context) {
  Proposal proposal;
  CardDraft& card = proposal.draft;
  card.question = comparison_question(term, card_language(term, answer));
  card.answer = std::move(answer);
  card.kind = "comparison";
  card.rule = "comparison";
  card.confidence = confidence;
  card.line = line;
  card.context = std::move(context);
  card.term = std::move(term);
  proposal.end_line = std::max(line, end_line);
  return proposal;
}

class ExplicitWalker {
 public:
  explicit ExplicitWalker(RuleOutput& out) : m_out(out) {}

  void walk(std::span<const Block> blocks, bool top_level) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      switch (block.kind) {
        case BlockKind::heading:
          if (top_level) {
            m_headings.enter(block);
            heading(blocks, i, m_headings.parents());
          }
          break;
        case BlockKind::list:
          for (const Block& item : block.children) {
            if (item.task != notes::Task::none) continue;
            this->item(item);
            walk(item.children, false);
          }
          break;
        case BlockKind::quote:
          walk(block.children, false);
          break;
        case BlockKind::paragraph:
          if (i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::list) {
            intro(block, blocks[i + 1]);
          }
          break;
        default:
          break;
      }
    }
  }

 private:
  void heading(std::span<const Block> blocks, std::size_t index,
               const std::vector<std::string>& above) {
    const Block& heading = blocks[index];
    double confidence = kExplicit;
    // `### Q2. 동기와 비동기의 차이`: numbering in front is no part of either side.
    const std::string name = heading_name(heading.text);
    std::optional<std::string> term = vs_term(name);
    if (!term) {
      term = korean_pair_term(name);
      confidence = kKoreanWording;
    }
    if (!term) return;
    const std::span<const Block> under = section_after(blocks, index, false);
    std::string answer = drop_link_only_lines(
        render_markdown(under, {.drop_link_only_items = true, .drop_tasks = true}));
    if (trim(answer).empty()) return;
    m_out.cards.push_back(comparison_card(*term, std::move(answer), confidence, heading.line,
                                          under.back().end_line, above));
  }

  // `The differences between A and B are as follows:` over a list: one difference an item.
  void intro(const Block& paragraph, const Block& list) {
    // Every such sentence names a difference: most paragraphs over a list do not.
    if (paragraph.text.find("ifference") == std::string::npos &&
        paragraph.text.find("\xEC\xB0\xA8\xEC\x9D\xB4") == std::string::npos) {  // 차이
      return;
    }
    const std::vector<Sentence> sentences = split_sentences(paragraph.text);
    if (sentences.empty()) return;
    const std::optional<std::string> term = intro_pair_term(sentences.back().text);
    if (!term) return;
    std::string answer = first_sentences(list);
    if (answer.empty()) return;
    m_out.cards.push_back(comparison_card(*term, std::move(answer), kIntro,
                                          paragraph.line + sentences.back().line, list.end_line,
                                          m_headings.path()));
  }

  void item(const Block& item) {
    const Block* head = notes::item_head(item);
    if (head == nullptr || split_lines(head->text).size() > 1) return;
    // `X vs Y: text` on one line, or `X vs Y` with items under it.
    std::string_view title = head->text;
    std::string answer;
    if (const std::size_t colon = find_outside_code(title, ": "); colon != std::string_view::npos) {
      answer = std::string(trim(title.substr(colon + 2)));
      title = title.substr(0, colon);
      if (is_link_only(answer)) return;
    }
    const std::optional<std::string> term = vs_term(title);
    if (!term) return;
    if (item.children.size() >= 2) {
      const std::string below =
          render_markdown(std::span<const Block>(item.children).subspan(1),
                          {.drop_link_only_items = true, .drop_tasks = true});
      if (!below.empty()) answer += (answer.empty() ? "" : "\n") + below;
    }
    answer = drop_link_only_lines(answer);
    if (trim(answer).empty() || !has_word_character(answer)) return;
    m_out.cards.push_back(comparison_card(*term, std::move(answer), kExplicit, item.line,
                                          item.end_line, m_headings.path()));
  }

  RuleOutput& m_out;
  HeadingPath m_headings;
};

// `- term: answer`, further lines of the answer indented under it.
std::string side(const CardDraft& card) {
  std::string out = "- " + card.term + ":";
  const std::vector<std::string_view> lines = split_lines(card.answer);
  if (lines.size() == 1) {
    std::string_view only = lines.front();
    if (starts_with(only, "- ")) only.remove_prefix(2);  // one bullet reads as a sentence
    return out + " " + std::string(only);
  }
  for (const std::string_view line : lines) {
    out += "\n";
    if (!line.empty()) out += "  " + std::string(line);
  }
  return out;
}

std::string join_context(const std::vector<std::string>& context) {
  std::string out;
  for (const std::string& part : context) out += part + '\x1e';
  return out;
}

void derived(std::span<const CardDraft> kept, RuleOutput& out) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (kept[i].kind == "definition") order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return kept[a].line < kept[b].line; });
  // Terms with one word left out, per section: two terms that differ in that word alone share
  // the key.
  std::map<std::string, std::vector<std::size_t>> buckets;
  for (const std::size_t i : order) {
    const std::string term = ascii_lower(kept[i].term);
    const std::vector<std::string_view> words = split_words(term);
    if (words.size() < 2) continue;
    for (std::size_t p = 0; p < words.size(); ++p) {
      std::string key = join_context(kept[i].context) + '\x1f';
      for (std::size_t w = 0; w < words.size(); ++w) {
        key += (w == p ? std::string_view("\x1d") : words[w]);
        key += ' ';
      }
      buckets[key].push_back(i);
    }
  }
  std::vector<bool> paired(kept.size(), false);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [key, members] : buckets) {
    if (members.size() != 2) continue;
    const CardDraft& a = kept[members[0]];
    const CardDraft& b = kept[members[1]];
    if (ascii_lower(a.term) == ascii_lower(b.term)) continue;
    // `EQUI JOIN(동등조인)` and `EQUI JOIN`: one name, glossed once.
    if (ascii_lower(without_gloss(a.term)) == ascii_lower(without_gloss(b.term))) continue;
    if (paired[members[0]] || paired[members[1]]) continue;
    paired[members[0]] = paired[members[1]] = true;
    pairs.emplace_back(members[0], members[1]);
  }
  for (const auto& [first, second] : pairs) {
    const CardDraft& a = kept[first];
    const CardDraft& b = kept[second];
    std::string term = a.term + " vs " + b.term;
    std::string answer = side(a) + "\n" + side(b);
    const double confidence = std::min({a.confidence, b.confidence, kDerivedMax});
    out.cards.push_back(
        comparison_card(std::move(term), std::move(answer), confidence, a.line, a.line, a.context));
  }
}

}  // namespace

void rule_comparison(const RuleInput& in, RuleOutput& out) {
  ExplicitWalker(out).walk(in.outline.blocks, true);
  derived(in.kept, out);
}

}  // namespace recall::extract
