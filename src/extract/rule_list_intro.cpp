// Rule `list-intro` (pattern 3): a sentence names an aspect of a concept and the list after it
// gives the items.
//
//   SWA 의 장점은 다음과 같다.                      → SWA의 장점은? (2가지)
//   - 더 넓은 최솟값을 찾는다
//   - 추가 비용이 거의 없다
//
//   The main steps of gradient clipping are as follows:   → gradient clipping: steps? (2)
//   1. compute the norm of the gradient
//   2. rescale it when the norm is above a threshold
//
// The sentence must introduce what follows (introduces_list) and name an aspect word of
// aspects.cpp (`장점`, `단계`, `advantages`, `steps`, …) with its subject: `X의 Y`, `Y of X`,
// `X has the following Y`; without a subject (`장점은 다음과 같다.`) the heading above is the
// subject. The question is the one an aspect heading asks (aspect_question).
#include <algorithm>
#include <array>
#include <cctype>

#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {

using notes::Block;
using notes::BlockKind;

namespace {

constexpr double kConfidence = 0.75;  // as an aspect heading over its list
constexpr TermLimits kSubjectLimits{4, 40};

// A Korean word that modifies the noun after it (`주장하는`, `대표적인`, `논문의`): not where a
// subject starts.
bool is_korean_modifier(std::string_view word) {
  if (!contains_hangul(word)) return false;
  for (const std::string_view ending : {"는", "은", "한", "된", "인", "던", "을", "를", "이", "가",
                                        "의", "에서", "에", "로", "고"}) {
    if (ends_with(word, ending)) return true;
  }
  return false;
}

// The longest run of at most four words ending `words` that is a term and starts on no modifier.
// A Korean noun after a modifier or a demonstrative is that clause's (`… 학습하는 경우의 장점`,
// `이 알고리즘의 원리`): no subject; a name in Latin letters stays one (`저자들이 주장하는 Batch
// Normalization의 장점`).
std::string subject_before(std::span<const std::string_view> words) {
  for (std::size_t take = std::min<std::size_t>(words.size(), 4); take > 0; --take) {
    const std::span<const std::string_view> run = words.subspan(words.size() - take);
    if (is_korean_modifier(run.front())) continue;
    const std::string joined(run.front().data(),
                             static_cast<std::size_t>(run.back().data() + run.back().size() -
                                                      run.front().data()));
    std::optional<std::string> term = as_term(joined, kSubjectLimits);
    if (!term) continue;
    if (take < words.size() && latin_word_count(*term) == 0) {
      const std::string_view before = words[words.size() - take - 1];
      if (is_korean_modifier(before) || before == "이" || before == "그" || before == "저" ||
          before == "위" || before == "본" || before == "해당") {
        return {};
      }
    }
    return *term;
  }
  return {};
}

// `X의 장점들을 요약하면 다음과 같다`: the subject and the aspect before `다음과` / `아래와`.
std::optional<Aspect> korean_intro(std::string_view s) {
  std::size_t marker = std::string_view::npos;
  for (const std::string_view m : {"다음과", "아래와", "다음처럼", "아래처럼", "다음의", "아래의"}) {
    marker = std::min(marker, s.find(m));
  }
  if (marker == std::string_view::npos || marker == 0) return std::nullopt;
  std::vector<std::string_view> words = split_words(s.substr(0, marker));
  // `요약하면`, `정리하면`, `살펴보면`: how the list puts it.
  if (!words.empty() && ends_with(words.back(), "면")) words.pop_back();
  if (words.empty()) return std::nullopt;
  std::string_view label = words.back();
  words.pop_back();
  for (const std::string_view particle : {"들로는", "들에는", "들을", "들은", "들이", "으로는",
                                          "로는", "에는", "을", "를", "은", "는", "이", "가"}) {
    if (ends_with(label, particle) && label.size() > particle.size()) {
      label.remove_suffix(particle.size());
      break;
    }
  }
  if (ends_with(label, "들") && label.size() > 3) label.remove_suffix(3);
  // `X의 장점`, `X 의 장점`, or a bare `장점` (the heading is the subject).
  std::string subject;
  if (!words.empty()) {
    std::string_view last = words.back();
    if (last == "의") {
      words.pop_back();
    } else if (ends_with(last, "의") && last.size() > 3) {
      words.back() = last.substr(0, last.size() - 3);
    } else {
      return std::nullopt;  // `이 논문이 제안하는 방법은 다음과 같다`: no aspect of a subject
    }
    subject = subject_before(words);
    if (subject.empty()) return std::nullopt;
  }
  std::optional<Aspect> aspect = as_aspect(label);
  if (!aspect) return std::nullopt;
  aspect->subject = subject;
  return aspect;
}

// `The main advantages of X are as follows:`, `X has the following advantages:`, or a bare
// `Encoding strategies:` (the heading or the note's title is the subject).
std::optional<Aspect> english_intro(std::string_view s) {
  const std::string lower = ascii_lower(s);
  if (ends_with(trim(s), ":") && word_count(s) <= 3 && lower.find(" of ") == std::string::npos) {
    std::string_view label = trim(s);
    label.remove_suffix(1);
    label = trim(label);
    std::optional<Aspect> aspect = as_aspect(label);
    if (aspect && aspect->listy) {
      // `Encoding strategies` names its subject's aspect; the subject is above.
      aspect->label = std::string(label);
      aspect->subject.clear();
      return aspect;
    }
    return std::nullopt;
  }
  std::string subject;
  std::string label;
  if (const std::size_t of = lower.find(" of "); of != std::string::npos) {
    std::vector<std::string_view> before = split_words(std::string_view(s).substr(0, of));
    if (before.empty() || before.size() > 3) return std::nullopt;
    static constexpr auto kFillers = std::to_array<std::string_view>(
        {"the", "main", "key", "some", "few", "two", "three", "four", "five", "several",
         "major", "basic", "important", "common", "typical"});
    for (std::size_t k = 0; k + 1 < before.size(); ++k) {
      const std::string w = ascii_lower(before[k]);
      if (std::find(kFillers.begin(), kFillers.end(), w) == kFillers.end()) return std::nullopt;
    }
    label = std::string(before.back());
    std::string_view rest = std::string_view(s).substr(of + 4);
    const std::string rest_lower = ascii_lower(rest);
    std::size_t end = rest.size();
    for (const std::string_view stop : {" are", " is ", " include", " can ", ":", " as ", ","}) {
      end = std::min(end, rest_lower.find(stop));
    }
    rest = trim(rest.substr(0, end));
    if (starts_with(ascii_lower(rest), "the ")) rest = trim(rest.substr(4));
    subject = std::string(rest);
  } else {
    std::size_t has = lower.find(" has the following ");
    std::size_t skip = std::string_view(" has the following ").size();
    if (has == std::string::npos) {
      has = lower.find(" have the following ");
      skip = std::string_view(" have the following ").size();
    }
    if (has == std::string::npos) return std::nullopt;
    std::string_view rest = trim(std::string_view(s).substr(has + skip));
    while (!rest.empty() && (rest.back() == ':' || rest.back() == '.')) rest.remove_suffix(1);
    if (word_count(rest) != 1) return std::nullopt;
    label = std::string(rest);
    std::string_view head = trim(std::string_view(s).substr(0, has));
    if (starts_with(ascii_lower(head), "the ")) head = trim(head.substr(4));
    subject = std::string(head);
  }
  const std::optional<std::string> term = as_term(subject, kSubjectLimits);
  std::optional<Aspect> aspect = as_aspect(label);
  if (!term || !aspect) return std::nullopt;
  aspect->subject = *term;
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  aspect->label = label;
  return aspect;
}

// Whether the end of `text` may introduce a list (a cheap test before introduces_list).
bool may_introduce(std::string_view text) {
  const std::string_view t = trim(text);
  if (ends_with(t, ":") || ends_with(t, "\xEF\xBC\x9A")) return true;
  const std::string_view tail = t.substr(t.size() > 80 ? t.size() - 80 : 0);
  for (const std::string_view cue : {"다음", "아래", "follow", "llow", " are", "nclude", "such as"}) {
    if (tail.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// `- **Numeric:** Assign each value …` on every line: items that are cards of their own (rule
// term-colon); the list answers with their labels (`- Numeric`), or nullopt when an item is not
// labelled so.
std::optional<std::string> labels_only(std::string_view items) {
  std::string out;
  for (const std::string_view line : split_lines(items)) {
    std::string_view item = trim(line);
    if (!starts_with(item, "- **") && !starts_with(item, "* **")) return std::nullopt;
    item = item.substr(4);
    const std::size_t close = item.find("**");
    if (close == std::string_view::npos || close == 0) return std::nullopt;
    std::string_view label = trim(item.substr(0, close));
    const std::string_view after = item.substr(close + 2);
    if (ends_with(label, ":")) {
      label.remove_suffix(1);
    } else if (!starts_with(after, ":")) {
      return std::nullopt;
    }
    out += (out.empty() ? "- " : "\n- ") + std::string(trim(label));
  }
  if (out.empty()) return std::nullopt;
  return out;
}

class IntroWalker {
 public:
  IntroWalker(const RuleInput& in, RuleOutput& out) : m_in(in), m_out(out) {}

  void run() { walk(m_in.outline.blocks, true); }

 private:
  void walk(std::span<const Block> blocks, bool top) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (top && block.kind == BlockKind::heading) m_headings.enter(block);
      if (block.kind == BlockKind::paragraph && i + 1 < blocks.size() &&
          blocks[i + 1].kind == BlockKind::list) {
        visit(block, blocks[i + 1]);
      }
      if (block.kind == BlockKind::list) {
        for (const Block& item : block.children) walk(item.children, false);
      } else if (block.kind == BlockKind::quote) {
        walk(block.children, false);
      }
    }
  }

  void visit(const Block& paragraph, const Block& list) {
    // Most paragraphs over a list do not end by introducing it (a tldr page's description over its
    // commands): look at the end before splitting sentences.
    if (!may_introduce(paragraph.text)) return;
    const std::vector<Sentence> sentences = split_sentences(paragraph.text);
    if (sentences.empty()) return;
    const Sentence& last = sentences.back();
    std::optional<Aspect> aspect = list_intro_aspect(clean_inline(last.text));
    if (!aspect) return;
    if (aspect->subject.empty()) {
      // `장점은 다음과 같다.` under `## SWA`: the heading is the subject, unless it is an aspect
      // itself (the heading's own card asks it); before any heading, the note's title.
      if (m_headings.path().empty() && m_in.title.empty()) return;
      const std::string heading =
          m_headings.path().empty() ? std::string(m_in.title) : m_headings.path().back();
      if (as_aspect(heading) || !as_term(heading, kSubjectLimits)) return;
      aspect->subject = *as_term(heading, kSubjectLimits);
    }
    std::optional<SectionAnswer> items = listed_answer(std::span<const Block>(&list, 1));
    if (!items || !items->from_list || items->items < 2) return;
    Proposal p;
    CardDraft& card = p.draft;
    const auto [question, term] = aspect_question(aspect->subject, aspect->label, items->items);
    card.question = question;
    card.term = term;
    card.answer = labels_only(items->text).value_or(items->text);
    card.kind = "list";
    card.rule = "list-intro";
    card.confidence = kConfidence;
    card.line = paragraph.line + last.line;
    card.context = m_headings.path();
    p.end_line = std::max(card.line, items->end_line);
    m_out.cards.push_back(std::move(p));
  }

  const RuleInput& m_in;
  RuleOutput& m_out;
  HeadingPath m_headings;
};

}  // namespace

std::optional<Aspect> list_intro_aspect(std::string_view sentence) {
  std::string s(trim(sentence));
  std::erase(s, '*');
  std::erase(s, '`');
  if (s.empty() || !introduces_list(s)) return std::nullopt;
  std::optional<Aspect> aspect = contains_hangul(s) ? korean_intro(s) : english_intro(s);
  if (!aspect || aspect->skip || aspect->defines) return std::nullopt;
  return aspect;
}

void rule_list_intro(const RuleInput& in, RuleOutput& out) { IntroWalker(in, out).run(); }

}  // namespace recall::extract
