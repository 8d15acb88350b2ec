// What the extractor takes from the note as a whole: front matter tags on every card, a note
// turned off by `recall: false`, and confidences that the default threshold sorts.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"

using recall::extract::extract_cards;
using recall::notes::NoteFile;

namespace {

NoteFile note(std::string content) {
  return NoteFile{"notes/ml/entropy.md", "ml/entropy.md", "ml/entropy", std::move(content)};
}

}  // namespace

TEST_CASE("front matter tags go on every card", "[extract][control]") {
  const auto result = extract_cards(note(
      "---\ntitle: entropy\ntags: [ml, info-theory]\ncategories: study\n---\n"
      "Entropy :: average surprise\n\nQ: Why log?\nA: So that information adds up.\n"));
  REQUIRE(result.drafts.size() == 2);
  for (const auto& card : result.drafts) {
    CHECK(card.tags == std::vector<std::string>{"ml", "info-theory", "study"});
    CHECK(card.deck == "ml/entropy");
    CHECK(card.source == "ml/entropy.md");
  }
  CHECK(result.drafts[0].line == 6);  // front matter lines count
}

TEST_CASE("`recall: false` in the front matter makes no cards", "[extract][control]") {
  const auto result =
      extract_cards(note("---\nrecall: false\n---\nEntropy :: average surprise\n"));
  CHECK(result.drafts.empty());
  CHECK(result.warnings.empty());
}

TEST_CASE("every card has a rule and a confidence, and explicit syntax is certain",
          "[extract][control]") {
  const auto result = extract_cards(note(
      "# 정보 이론\n\n"
      "Entropy :: average surprise\n\n"
      "- Perplexity\n  - exp of the cross-entropy\n\n"
      "- annotator: crowdworkers\n\n"
      "교차 엔트로피란 정답 분포로 예측 분포를 평가한 평균 정보량이다.\n"));
  REQUIRE(result.drafts.size() == 4);
  for (const auto& card : result.drafts) {
    INFO(card.term);
    CHECK_FALSE(card.rule.empty());
    CHECK(card.confidence > 0.0);
    CHECK(card.confidence <= 1.0);
    CHECK((card.rule == "double-colon") == (card.confidence == 1.0));
  }
  // A one-word value is returned, but below the default threshold: the CLI leaves it out.
  const auto value = std::find_if(result.drafts.begin(), result.drafts.end(),
                                  [](const auto& card) { return card.term == "annotator"; });
  REQUIRE(value != result.drafts.end());
  CHECK(value->confidence < recall::extract::kDefaultMinConfidence);
  CHECK(std::count_if(result.drafts.begin(), result.drafts.end(), [](const auto& card) {
          return card.confidence >= recall::extract::kDefaultMinConfidence;
        }) == 3);
}

TEST_CASE("a long answer points to its note by file and line", "[extract][control]") {
  std::string text = "- Sorting algorithms\n";
  for (int i = 0; i < 20; ++i) text += "  - algorithm number " + std::to_string(i) + " sorts\n";
  const auto result = extract_cards(note(text));
  REQUIRE(result.drafts.size() == 1);
  CHECK(result.drafts[0].answer.find("(… see ml/entropy.md:1)") != std::string::npos);
}
