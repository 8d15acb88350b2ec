// Concepts named by structure: what a heading (or a line acting as one) names, whether it is an
// aspect of its parent (`Limitations`, `X의 단점`), and the answer its section gives, shaped by one
// policy (docs/note-patterns.md, "Sections").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "recall/notes/outline.hpp"

namespace recall::extract {

// The name a heading gives, as a learner would say it: links reduced to their text, wikilinks
// `[[X|Y]]` to `Y`, wrapping emphasis and backticks, leading numbers (`3.`, `2-1.`, `1)`, `Ⅱ.`),
// arrows, check marks and emoji, and a trailing colon removed. May be empty.
std::string heading_name(std::string_view text);

// The term a question asks to define: `What is (a|an|the) X?`, `What are X?`, `X란?`, `X이란?`,
// `X란 무엇인가?`, `X은/는 무엇인가?`, `What is X and how …?`; empty for other questions.
std::string asked_term(std::string_view question);

// `What is X and how is it related to Y`: `X`, the part asked about before a second question.
std::string_view first_question_part(std::string_view term);

// The text of a bold-only line that acts as a heading (`**Dropout**`, `➡️ **Term**`,
// `**Term**:`), or nullopt when `paragraph` is not one line of that shape.
std::optional<std::string> pseudo_heading(std::string_view paragraph);

// An aspect of a concept rather than a concept: `Limitations`, `Advantages of X`, `X의 단점`,
// `학습 목표`. `subject` is the concept it is about when the name says it (`X` above), else empty;
// `label` is the aspect as written (`단점`, `Limitations`).
struct Aspect {
  std::string subject;
  std::string label;
  bool defines = false;  // the aspect is the concept's definition (`Definition`, `개념`, `About`)
  bool listy = false;    // it names a list of things (`Types`, `Steps`, `장점`, `종류`)
  bool skip = false;     // worth no card (`Examples`, `References`, `참고`, `Code`)
};
std::optional<Aspect> as_aspect(std::string_view name);

// The aspect a sentence names as it introduces a list (`X의 장점은 다음과 같다.`, `The steps of X
// are as follows:`, `X has the following advantages:`), with `subject` empty when the sentence
// leaves it to the heading (`장점은 다음과 같다.`); nullopt for any other sentence
// (rule_list_intro.cpp).
std::optional<Aspect> list_intro_aspect(std::string_view sentence);

// The question and the term of a card about an aspect of `subject`, with the number of items a
// list answer has (0 for prose): `X의 장점은? (3가지)`, `X: Advantages? (3)`.
std::pair<std::string, std::string> aspect_question(std::string_view subject,
                                                    std::string_view label, std::size_t items);

// Two names compared: `A 와 B`, `A and B`, `A과 B의 차이`, `Difference between A and B`.
struct Pair {
  std::string first;
  std::string second;
};
std::optional<Pair> as_compared_pair(std::string_view name);

// Text of a paragraph without what a card cannot show: image embeds (`![a](x.png)`,
// `![[x.png]]`) with their kramdown attributes (`{: width="60%"}`), raw HTML tags and footnote
// markers (`<sup>1)</sup>`, `[^1]`). Wikilinks become their text.
std::string clean_inline(std::string_view text);

// True when a paragraph carries nothing to learn once cleaned: empty, only links or images, only a
// `$$` formula.
bool is_empty_of_text(std::string_view paragraph);

// The answer a section gives: its first sentences, or its list, shaped for recall in one go.
struct SectionAnswer {
  std::string text;       // markdown
  int end_line = 0;       // last line the answer was taken from
  std::size_t items = 0;  // list items in the answer (0 for prose)
  bool from_list = false;
  bool leans_back = false;   // starts by referring to text before it (`This`, `이러한`)
  bool label_led = false;    // taken from a `Definition:` item of a template list
  bool defining = false;     // a sentence that names the term and defines it (`X is …`, `X란 …`)
  bool note_lines = false;   // paragraphs of one line each, joined by line breaks
};

// `> 배경 & 질문 의도` + … + `> 답변` + the answer + `> 키워드 & 꼬리 질문`: the blocks an answer
// label (`답변`, `Answer`, `Solution`) heads, up to the next label line or heading; all of `blocks`
// when no such label is among them.
std::span<const notes::Block> labelled_answer(std::span<const notes::Block> blocks);

// `기존의 DQN은 …`, `Previously, …`: a sentence that opens on what came before the subject.
bool opens_on_background(std::string_view sentence);

// A first sentence that defines the heading without naming it: `…확률적 자료구조이다.` (the heading
// is its subject), `It is a …`, `A method that …`.
bool defines_implicitly(std::string_view text);
// The same, for a first sentence already split off.
bool defines_implicitly_sentence(std::string_view sentence);

// Whether the first sentence of `text` leans on what the text before it said (`deals with these
// problems`, `apply this idea`, `이를`), not only on how the text is arranged (`Recall that …`).
bool points_at_earlier_text(std::string_view text);

// Template fields that say what the thing is (`Definition`, `정의`, `Meaning`), lower case.
bool is_definition_label(std::string_view lower);

// The answer a list gives (its items, or a template's definition field: `label_led`), or nullopt
// for a list of questions, tasks or links only.
std::optional<SectionAnswer> list_answer(const notes::Block& list);

// `**Label:** text`, `**Label**: text`, `Label: text` with a short label: {label, text}.
std::optional<std::pair<std::string, std::string>> label_lead(std::string_view head);

// The answer of the blocks under a heading (up to the next heading). Skips HTML, images, formulas
// and code before the text; prose gives its first sentences (two, or one when long), extended by
// the list that follows when the text ends by introducing it (`as follows:`, `다음과 같다.`); a
// list gives its items' first lines (at most 8); a template list (`Definition: …`, `Use case: …`)
// gives its definition item. When `term` is given and the section's first sentences do not define
// it, the first sentence further on that does (`X is …`, `X란 …`, `…을 X라고 한다`) answers
// instead. nullopt when there is no text.
std::optional<SectionAnswer> section_answer(std::span<const notes::Block> blocks,
                                            std::string_view term = {});

// The first sentence of the first sixteen paragraphs of `blocks` (callouts too; headings in
// between are passed over) that defines `term`, or nullopt: for a section whose own text only
// leads up to the concept its subsections then define.
std::optional<SectionAnswer> defining_sentence(std::span<const notes::Block> blocks,
                                               std::string_view term);

// Whether a heading asks a question without its question mark: `Why not use one-hot vectors`,
// `Is dropout still needed`, `왜 정규화가 필요한가`. `How to …` recipes do not.
bool reads_as_question(std::string_view name);

// The answer of a section that names a list (`Types`, `장점`, `발생 조건`): its first list of two or
// more items when at most two blocks of text come before it, else nullopt. (The names of its
// subsections would do only when they are all kinds of the thing; judged on notes, too often one
// is `참고` or `작성자`.) Without a list, a section of short one-line paragraphs gives them as the
// list's items (paragraph_points).
std::optional<SectionAnswer> listed_answer(std::span<const notes::Block> body);
std::optional<SectionAnswer> paragraph_points(std::span<const notes::Block> body);

// Whether a sentence introduces what follows it: `as follows:`, `다음과 같다.`, `the following`,
// `아래 …`, a final colon, or a bare `In short` over a list.
bool introduces_list(std::string_view sentence);

// Whether a sentence is about what comes after it: `아래의 식으로 정리할 수 있다.`, `… as shown
// below.`, `다음과 같이 계산한다` (a broader test than introduces_list: anywhere in the sentence).
bool points_ahead(std::string_view sentence);

// Whether a heading labels a summary of what it sits under: `Abstract`, `[Scheme]`, `Summary`,
// `Overview`, `TL;DR`, `Introduction`, `요약`, `개요` (a slip of one letter allowed).
bool is_summary_label(std::string_view name);

// Whether the blocks under a heading only cite a paper: its bracketed title, its authors
// (`A. Name, B. Name (2018)`), links and spacing HTML.
bool is_citation(std::span<const notes::Block> body);

// Whether `sentence` names `term` (case folded; a parenthesised gloss or a plural `s` may be left
// off) and reads as its definition: `X is/are/refers to/means …`, `X란`, `X는 …이다`, `…을 X라고
// 한다`.
bool defines_term(std::string_view sentence, std::string_view term);

// Whether the first sentence of `text` leans on text the card does not show: it starts `This`,
// `However`, `이러한`, `또한`, announces what follows (`Let's`, `이 장에서는`), or points at a
// figure or a formula (`위 그림`, `the above`, `these problems`).
bool leans_on_context(std::string_view text);

// Whether the first sentence of `text` narrates what someone did rather than says what a thing
// is: a Korean past or reported ending (`…하였다.`, `…다고 한다.`) or an English `We …`, `The
// authors …`, `In this paper …`.
bool narrates(std::string_view text);

// Whether the first sentence of `text` guesses or concludes rather than defines: a Korean
// `… 될 것이다`, `… 있을 것이다` (a verb in ㄹ before ` 것이다`) or `…라는 것이다`.
bool speculates(std::string_view text);

// What the first sentence of `text` says in place of what a thing is: where or when it is used
// (`Used in encoders …`, `is used when …`, `… 사용하면 된다`), or how it is rated (`the most
// popular …`, `should be preferred`, `the default …`, `가장 유명한 …`); none when neither.
enum class Remark { none, use, rating };
Remark rates_or_advises(std::string_view text);
// Whether an English opening sentence says what kind of thing its subject is (`… is a …`, `… is
// one of …`, `… has become the standard …`) rather than only how it compares or where it came from
// (`Swish is as efficient as ReLU …`). Korean sentences are taken to (their copula ends them).
bool says_what_kind(std::string_view answer);

// Whether `text` names `term` in its first 400 bytes (case folded; gloss and plural as above;
// unless `exactly`, also without a version, `ResNet` for `ResNet-50`, or with its words shortened,
// `Batch Norm` for `batch normalization`).
bool names_term(std::string_view text, std::string_view term, bool exactly = false);

// `Using dropout, you randomly deactivate units …`: the first sentence of the paragraph after a
// definition (`Dropout is a regularization technique …`) when it opens on the term, or on the
// definition's subject, in a clause that says how it is used (`Using X,`, `With X,`, `In X,`),
// and the two together stay short; else empty. The kind, then how it works.
std::string how_it_works(std::string_view next_paragraph, std::string_view definition,
                         std::string_view term);

// Whether `text` opens on `term`: its first words name it (as names_term reads a name).
bool opens_on_term(std::string_view text, std::string_view term);

}  // namespace recall::extract
