// Rule `question-heading` (pattern 12): a heading that already asks a question.
//
//   ### How is AI applied to time-series forecasting?      <summary>프로세스와 스레드의 차이는?</summary>
//   - foundation models such as PatchTST                    - 프로세스는 자원을 나눠 갖지 않는다
//
// The heading (or `<summary>`, which the notes stage turns into a heading) ends in `?`; the answer
// is what is under it up to the next heading. With nothing under it, it is a question without an
// answer and no card.
#include <algorithm>
#include <array>

#include "recall/extract/render.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

constexpr double kConfidence = 0.9;
// An answer that is an essay (long prose that fit_answer would cut) loses its point when cut:
// judged, most such cards were dropped as truncated.
constexpr double kEssay = 0.45;
constexpr std::size_t kEssayCodePoints = 2000;
// An essay that opens with a short paragraph and a list (`On a high level, I would describe it as
// generative vs. discriminative.` + two items): the opening is the answer, the rest elaborates.
constexpr double kOpeningList = 0.6;
constexpr std::size_t kOpeningCodePoints = 300;

// `하지만 지금은?`, `다시 정리해보면?`: a question that continues the text before it.
bool leans_on_text_before(std::string_view question) {
  const std::vector<std::string_view> words = split_words(question);
  static constexpr auto kFirst = std::to_array<std::string_view>(
      {"하지만", "그런데", "근데", "그럼", "그렇다면", "다시", "그래서", "그리고", "또", "또한",
       "그러면", "but", "so", "and", "then", "also"});
  return !words.empty() &&
         std::find(kFirst.begin(), kFirst.end(), ascii_lower(words.front())) != kFirst.end();
}

// `How it works?`, `Why does this help?`, `이것의 장점은?`, `Why?`: a short question about something
// it does not name, which the heading above it names.
bool asks_about_unnamed(std::string_view question) {
  static constexpr auto kPronouns = std::to_array<std::string_view>(
      {"it", "its", "this", "these", "they", "them", "their", "이것", "이것은", "이것의", "이는",
       "그것", "그것은", "이게", "이건", "얘는"});
  static constexpr auto kAsking = std::to_array<std::string_view>(
      {"why", "how", "what", "when", "where", "which", "왜", "어떻게", "언제", "무엇", "뭐"});
  const std::vector<std::string_view> words = split_words(question);
  // A longer question names its subject even with an `it` in it (`Is it possible to mix …?`).
  if (words.size() > 5) return false;
  // `When to use?`, `Why bother?`: a short English question of plain lower-case words.
  if (words.size() <= 3 && std::all_of(words.begin() + 1, words.end(), [](std::string_view w) {
        return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '?'; });
      })) {
    const std::string first = ascii_lower(words.front());
    if (std::find(kAsking.begin(), kAsking.end(), first) != kAsking.end()) return true;
  }
  for (std::string_view word : words) {
    while (!word.empty() && (word.back() == '?' || word.back() == ',' || word.back() == '.')) {
      word.remove_suffix(1);
    }
    const std::string lower = ascii_lower(word);
    if (std::find(kPronouns.begin(), kPronouns.end(), lower) != kPronouns.end() ||
        (words.size() == 1 && std::find(kAsking.begin(), kAsking.end(), lower) != kAsking.end())) {
      return true;
    }
  }
  return false;
}

}  // namespace

// `What is X and how is it related to Y`: `X`, the part asked about before a second question.
std::string_view first_question_part(std::string_view term) {
  const std::string lower = ascii_lower(term);
  for (const std::string_view joint : {" and how ", " and why ", " and what ", " and when ",
                                       " and where ", " and which ", ", and ", ", how ", ", why "}) {
    if (const std::size_t at = lower.find(joint); at != std::string::npos && at > 0) {
      return trim(term.substr(0, at));
    }
  }
  return term;
}

// The term a question asks to define (section.hpp): `What is (a|an|the) X?`, `What are X?`, `X란?`,
// `X이란?`, `X란 무엇인가?`, `X은/는 무엇인가?`, `What is X and how …?`; empty for other questions.
std::string asked_term(std::string_view question) {
  std::string_view q = trim(question);
  while (!q.empty() && (q.back() == '?' || q.back() == ' ')) q.remove_suffix(1);
  if (ends_with(q, "\xEF\xBC\x9F")) q.remove_suffix(3);
  const std::string lower = ascii_lower(q);
  for (const std::string_view start : {"what is an ", "what is a ", "what is the ", "what is ",
                                       "what are ", "what's "}) {
    if (starts_with(lower, start)) {
      std::string_view term = first_question_part(trim(q.substr(start.size())));
      if (word_count(term) <= 6) return std::string(term);
      return {};
    }
  }
  for (const std::string_view end : {"이란 무엇인가", "란 무엇인가", "은 무엇인가", "는 무엇인가",
                                     "이란", "란"}) {
    if (ends_with(q, end) && q.size() > end.size()) {
      std::string_view term = trim(q.substr(0, q.size() - end.size()));
      if (word_count(term) <= 6) return std::string(term);
      return {};
    }
  }
  return {};
}

namespace {

// A paragraph of the section that sums it up for a reader in a hurry: `**tl;dr:** …`, `In short,
// …`, `요약: …`. Its text without the label, or empty.
std::string summary_paragraph(std::span<const notes::Block> under) {
  static constexpr auto kLabels = std::to_array<std::string_view>(
      {"tl;dr", "tldr", "tl,dr", "in short", "in a nutshell", "to summarize", "to sum up",
       "the short answer is", "short answer:", "the short answer:",
       "summary:", "요약:", "요약하면", "한줄 요약", "한 줄 요약", "결론:", "정리하면",
       "in essence", "in summary", "in conclusion", "so back to the question", "back to the question",
       "to answer the question", "long story short", "결론적으로", "한마디로", "한 마디로"});
  for (std::size_t k = 0; k < under.size(); ++k) {
    const notes::Block& block = under[k];
    if (block.kind != notes::BlockKind::paragraph) continue;
    std::string text = clean_inline(block.text);
    std::string_view body = trim(text);
    while (starts_with(body, "*") || starts_with(body, "_")) body.remove_prefix(1);
    const std::string lower = ascii_lower(body.substr(0, 40));
    for (const std::string_view label : kLabels) {
      if (!starts_with(lower, label)) continue;
      body.remove_prefix(label.size());
      while (!body.empty() && (body.front() == ':' || body.front() == ',' || body.front() == ' ' ||
                               body.front() == '*' || body.front() == '_')) {
        body.remove_prefix(1);
      }
      while (!body.empty() && (body.back() == '*' || body.back() == '_')) body.remove_suffix(1);
      if (word_count(body) < 5) return {};
      std::string summary(trim(body));
      // `the 2 main reasons … are` over a list: the list is the rest of the summary.
      if (introduces_list(summary) && k + 1 < under.size() &&
          under[k + 1].kind == notes::BlockKind::list) {
        if (std::optional<SectionAnswer> items = listed_answer(under.subspan(k + 1, 1))) {
          summary += "\n" + items->text;
        }
      }
      return summary;
    }
  }
  return {};
}

// The opening of a long answer when it is a paragraph of one or two sentences followed by a list of
// two to eight items: the two together, else empty.
std::string opening_with_list(std::span<const notes::Block> under) {
  if (under.size() < 2 || under[0].kind != notes::BlockKind::paragraph ||
      under[1].kind != notes::BlockKind::list) {
    return {};
  }
  const std::string opening(trim(clean_inline(under[0].text)));
  if (opening.empty() || code_point_count(opening) > kOpeningCodePoints ||
      split_sentences(opening).size() > 2 || leans_on_context(opening)) {
    return {};
  }
  const std::optional<SectionAnswer> items = listed_answer(under.subspan(1, 1));
  if (!items || !items->from_list || items->items < 2 || items->items > 8) return {};
  return opening + "\n" + items->text;
}

// `What is the difference between A and B?`: the two names, cut before a purpose (`… for
// dimensionality reduction`); nullopt for other questions.
std::optional<Pair> asked_pair(std::string_view question) {
  std::string_view q = trim(question);
  while (!q.empty() && (q.back() == '?' || q.back() == ' ')) q.remove_suffix(1);
  const std::string lower = ascii_lower(q);
  if (lower.find("difference between ") == std::string::npos) return std::nullopt;
  for (const std::string_view lead : {"what is ", "what's ", "what are "}) {
    if (starts_with(lower, lead)) {
      q.remove_prefix(lead.size());
      break;
    }
  }
  std::optional<Pair> pair = as_compared_pair(q);
  if (!pair) return std::nullopt;
  for (const std::string_view tail : {" for ", " in ", " when "}) {
    if (const std::size_t at = ascii_lower(pair->second).find(tail); at != std::string::npos) {
      pair->second.resize(at);
    }
  }
  return pair;
}

// Whether `answer`, as far as a card shows it (the whole of a short one, the first paragraph of
// one that will be cut), speaks of both sides of `pair`.
bool shown_names_both(std::string_view answer, const Pair& pair) {
  std::string_view shown = trim(answer);
  if (code_point_count(shown) > kMaxAnswerCodePoints) {
    if (const std::size_t blank = shown.find("\n\n"); blank != std::string_view::npos) {
      shown = shown.substr(0, blank);
    }
  }
  // `usual machine learning` is named by `machine learning`.
  const auto names = [&](std::string_view side) {
    if (names_term(shown, side, true)) return true;
    const std::vector<std::string_view> words = split_words(side);
    return words.size() >= 3 && names_term(shown, trim(side.substr(words[0].size())), true);
  };
  return names(pair.first) && names(pair.second);
}

}  // namespace

namespace {

// `**Q3. REST란?**` alone on its line: a question set in bold instead of a heading; its text
// without the number, or empty.
std::string bold_question(const notes::Block& paragraph) {
  if (paragraph.kind != notes::BlockKind::paragraph || !is_bold_question(paragraph.text)) return {};
  const std::string_view first = trim(paragraph.text).substr(0, trim(paragraph.text).find('\n'));
  const std::optional<std::string> name = pseudo_heading(first);
  if (!name) return {};
  std::string question(strip_emphasis(*name));  // `**Q3. *Context Switching* 이란?**`
  if (!(ends_with(question, "?") || ends_with(question, "\xEF\xBC\x9F")) ||
      code_point_count(question) < 3 || leans_on_text_before(question)) {
    return {};
  }
  return question;
}

// A bold question over the blocks that answer it (up to the next heading, bold question or
// rule), or a list item whose head is one over its nested items: one card each.
void bold_questions(std::span<const notes::Block> blocks, const HeadingPath& headings,
                    RuleOutput& out) {
  const auto emit = [&](const std::string& question, std::string_view same_paragraph,
                        std::span<const notes::Block> under, int line, int end_line) {
    std::string answer(trim(same_paragraph));
    if (const std::string below =
            render_markdown(under, {.drop_link_only_items = true, .drop_tasks = true});
        !trim(below).empty()) {
      answer += (answer.empty() ? "" : "\n\n") + below;
    }
    answer = drop_link_only_lines(answer);
    if (trim(answer).empty() || is_link_only(answer)) return;
    Proposal proposal = qa_card("question-heading", question, std::move(answer), kConfidence, line,
                                end_line, headings.path());
    proposal.nests = true;
    out.cards.push_back(std::move(proposal));
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const notes::Block& block = blocks[i];
    if (const std::string question = bold_question(block); !question.empty()) {
      std::size_t end = i + 1;
      // Up to the next heading, rule or bold question (a list of bold questions too).
      const auto asks_anew = [&](const notes::Block& b) {
        if (!bold_question(b).empty()) return true;
        return b.kind == notes::BlockKind::list && !b.children.empty() &&
               !b.children.front().children.empty() &&
               !bold_question(b.children.front().children.front()).empty();
      };
      while (end < blocks.size() && blocks[end].kind != notes::BlockKind::heading &&
             blocks[end].kind != notes::BlockKind::rule && !asks_anew(blocks[end])) {
        ++end;
      }
      // `**Q3. REST란?**` + the answer on the next line of the same paragraph.
      const std::string_view text = trim(block.text);
      const std::size_t newline = text.find('\n');
      const std::string rest =
          newline == std::string_view::npos ? std::string() : clean_inline(text.substr(newline + 1));
      emit(question, rest, blocks.subspan(i + 1, end - i - 1), block.line,
           end > i + 1 ? blocks[end - 1].end_line : block.end_line);
    } else if (block.kind == notes::BlockKind::list) {
      for (const notes::Block& item : block.children) {
        if (item.children.size() < 2) continue;
        if (const std::string asked = bold_question(item.children.front()); !asked.empty()) {
          emit(asked, {}, std::span<const notes::Block>(item.children).subspan(1), item.line,
               item.end_line);
        }
      }
    }
  }
}

}  // namespace

void rule_question_heading(const RuleInput& in, RuleOutput& out) {
  const std::span<const notes::Block> blocks(in.outline.blocks);
  HeadingPath headings;
  // Bold questions between two headings, read once the heading above them is entered.
  std::size_t from = 0;
  for (std::size_t i = 0; i <= blocks.size(); ++i) {
    if (i < blocks.size() && blocks[i].kind != notes::BlockKind::heading) continue;
    bold_questions(blocks.subspan(from, i - from), headings, out);
    if (i == blocks.size()) break;
    from = i + 1;
    const notes::Block& block = blocks[i];
    headings.enter(block);
    // `### 4. Is my data linearly separable?`: the number orders the list, it is not asked.
    std::string question = heading_name(block.text);
    // `## Why not use one-hot vectors` asks without its question mark.
    if (reads_as_question(question)) question += '?';
    if (!(ends_with(question, "?") || ends_with(question, "\xEF\xBC\x9F")) ||
        code_point_count(question) < 3 || !has_word_character(question) ||
        leans_on_text_before(question)) {
      continue;
    }
    // `> 배경 & 질문 의도` … `> 답변` …: a template's answer label heads the answer.
    const std::span<const notes::Block> under = labelled_answer(section_after(blocks, i, true));
    std::string answer = render_markdown(under, {.drop_link_only_items = true, .drop_tasks = true});
    answer = drop_link_only_lines(answer);
    if (trim(answer).empty() || is_link_only(answer)) continue;
    // `A. 프로세스는 …`, `A) …`, `A: …`: the answer's marker under a numbered question.
    for (const std::string_view marker : {"A. ", "A) ", "A: ", "**A.** ", "**A:** "}) {
      if (starts_with(trim(answer), marker)) {
        answer = std::string(trim(trim(answer).substr(marker.size())));
        break;
      }
    }
    // `What is overfitting?` over an essay: the sentence that defines the term answers, when the
    // whole section would be cut before it; a `tl;dr` paragraph answers before anything else.
    bool defined = false;
    if (code_point_count(answer) > kMaxAnswerCodePoints) {
      if (std::string summary = summary_paragraph(under); !summary.empty()) {
        answer = std::move(summary);
        defined = true;
      }
    }
    bool opening = false;
    if (!defined && code_point_count(answer) > kMaxAnswerCodePoints) {
      if (std::string first = opening_with_list(under); !first.empty()) {
        answer = std::move(first);
        opening = true;
      }
    }
    if (const std::string term = asked_term(question);
        !defined && !opening && !term.empty() && code_point_count(answer) > kMaxAnswerCodePoints) {
      if (const std::optional<SectionAnswer> shaped = section_answer(under, term);
          shaped && shaped->defining) {
        answer = shaped->text;
        defined = true;
      }
    }
    // `How it works?` under `## Batch Norm` asks about Batch Norm: the question says so.
    if (asked_term(question).empty() && asks_about_unnamed(question)) {
      const std::vector<std::string> parents = headings.parents();
      const std::string parent =
          parents.empty() ? std::string(in.title) : heading_name(parents.back());
      if (!parent.empty() && ascii_lower(question).find(ascii_lower(parent)) == std::string::npos) {
        question = parent + ": " + question;
      }
    }
    Proposal proposal;
    CardDraft& card = proposal.draft;
    card.question = question;
    card.answer = std::move(answer);
    card.kind = "qa";
    card.rule = "question-heading";
    const bool prose = !under.empty() && under.front().kind == notes::BlockKind::paragraph;
    card.confidence = opening ? kOpeningList
                      : !defined && prose && code_point_count(card.answer) > kEssayCodePoints
                          ? kEssay
                          : kConfidence;
    // An essay that will be cut and opens by setting up (`Before we get to the main question,
    // let's …`): what the card shows stops before the answer starts (judged truncated).
    if (prose && !defined && !opening && code_point_count(card.answer) > kMaxAnswerCodePoints &&
        leans_on_context(card.answer)) {
      card.confidence = std::min(card.confidence, kEssay);
    }
    // `What is the difference between Pearson R and linear regression?` over text that opens on
    // regression alone: the difference comes later, past where the card stops (judged truncated).
    if (const std::optional<Pair> pair = asked_pair(question);
        pair && !shown_names_both(card.answer, *pair)) {
      card.confidence = std::min(card.confidence, kEssay);
    }
    card.line = block.line;
    card.context = headings.parents();
    card.term = question;
    proposal.end_line = under.empty() ? block.end_line : under.back().end_line;
    // Definitions inside the answer are cards of their own (an interview note's `## 확률이란?`
    // section defines its kinds too).
    proposal.nests = true;
    out.cards.push_back(std::move(proposal));
  }
}

}  // namespace recall::extract
