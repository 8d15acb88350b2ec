// Question phrasing and the text tests the rules rely on, as tables of cases.
#include <catch2/catch.hpp>
#include <string>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

using namespace recall::extract;

TEST_CASE("what_is_question follows the language of the term", "[extract][phrasing]") {
  struct Case {
    const char* term;
    const char* question;
  };
  const Case cases[] = {
      {"entropy", "What is entropy?"},
      {"  BM25 ", "What is BM25?"},
      {"KL 발산", "KL 발산이란?"},  // 산: final consonant ㄴ
      {"엔트로피", "엔트로피란?"},  // 피: no final consonant
      {"모델", "모델이란?"},        // 델: final consonant ㄹ
      {"교차 엔트로피 (cross-entropy)", "교차 엔트로피 (cross-entropy)란?"},
      {"혼합 전문가 (MoE)", "혼합 전문가 (MoE)란?"},  // 가: none
      {"양자화(quantization)", "양자화(quantization)란?"},
      {"ㅋㅋ", "ㅋㅋ(이)란?"},  // jamo only: cannot tell
  };
  for (const Case& c : cases) {
    INFO(c.term);
    CHECK(what_is_question(c.term) == c.question);
  }
}

TEST_CASE("last_syllable_has_batchim", "[extract][phrasing]") {
  CHECK(last_syllable_has_batchim("각") == true);
  CHECK(last_syllable_has_batchim("가") == false);
  CHECK(last_syllable_has_batchim("힣") == true);
  CHECK(last_syllable_has_batchim("abc") == std::nullopt);
}

TEST_CASE("as_term accepts names and refuses sentences, links, dates and labels",
          "[extract][term]") {
  struct Case {
    const char* line;
    const char* term;  // nullptr: not a term
  };
  const Case cases[] = {
      {"Perplexity", "Perplexity"},
      {"**BM25**", "BM25"},
      {"Cosine similarity:", "Cosine similarity"},
      {"KL 발산", "KL 발산"},
      {"혼합 전문가 (MoE)", "혼합 전문가 (MoE)"},
      {"`torch.compile`", "`torch.compile`"},
      {"This is a sentence", nullptr},
      {"Ends with a period.", nullptr},
      {"Why?", nullptr},
      {"https://arxiv.org/abs/2006.11239", nullptr},
      {"[paper](https://arxiv.org/abs/2006.11239)", nullptr},
      {"[ ] buy milk", nullptr},
      {"TODO: read", nullptr},
      {"Monday, October 13, 2025", nullptr},
      {"2024-09-02", nullptr},
      {"11일차", nullptr},
      {"Examples", nullptr},
      {"장점", nullptr},
      {"결과가 좋았다", nullptr},
      {"네트워크를 보장하는 방법", nullptr},
      {"Q: what", nullptr},
      {"entropy :: surprise", nullptr},
      {"메모리 할당 함수 : malloc", nullptr},
      {"one two three four five six seven eight nine", nullptr},
      {"two lines\nhere", nullptr},
      {"---", nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const auto term = as_term(c.line);
    if (c.term == nullptr) {
      CHECK_FALSE(term.has_value());
    } else {
      CHECK(term == std::optional<std::string>(c.term));
    }
  }
  CHECK_FALSE(as_term("one two three four five six", TermLimits{5, 40}).has_value());
}

TEST_CASE("is_date_like", "[extract][text]") {
  for (const char* s :
       {"Monday", "Friday, October 17, 2025", "2019.08.07", "10/13", "Oct 2025 week3", "week 2",
        "Day 3", "13.10.2025", "3주차 후기", "10월 13일", "2024년", "목요일", "오늘 한 일"}) {
    INFO(s);
    CHECK(is_date_like(s));
  }
  for (const char* s : {"GPT-3.5", "BM25", "Llama 3", "1차 저장장치", "May the best model win",
                        "Top-k sampling", "3D 그래픽스"}) {
    INFO(s);
    CHECK_FALSE(is_date_like(s));
  }
}

TEST_CASE("is_link_only", "[extract][text]") {
  CHECK(is_link_only("https://example.com/a?b=c"));
  CHECK(is_link_only(" www.example.com "));
  CHECK(is_link_only("<https://example.com>"));
  CHECK(is_link_only("[a paper](https://arxiv.org/abs/1)"));
  CHECK(is_link_only("![figure](fig.png)"));
  CHECK_FALSE(is_link_only("see https://example.com"));
  CHECK_FALSE(is_link_only("[a](b) and [c](d)"));
  CHECK_FALSE(is_link_only("plain words"));
  CHECK_FALSE(is_link_only(""));
}

TEST_CASE("find_outside_code skips code spans", "[extract][text]") {
  CHECK(find_outside_code("a :: b", " :: ") == 1);
  CHECK(find_outside_code("`a :: b`", " :: ") == std::string_view::npos);
  CHECK(find_outside_code("`x` a :: b", " :: ") == 5);
  CHECK(find_outside_code("``a ` :: b``", " :: ") == std::string_view::npos);
  CHECK(find_outside_code("`unclosed a :: b", " :: ") == 11);
}

TEST_CASE("match_marker", "[extract][text]") {
  struct Case {
    const char* line;
    char letter;
    bool found;
    const char* rest;
  };
  const Case cases[] = {
      {"Q: what", 'q', true, "what"},     {"q:what", 'q', true, "what"},
      {"**Q:** what", 'q', true, "what"}, {"**Q**: what", 'q', true, "what"},
      {"Q： 무엇", 'q', true, "무엇"},    {"A:", 'a', true, ""},
      {"Q. what", 'q', false, ""},        {"Quick: no", 'q', false, ""},
      {"A: yes", 'q', false, ""},         {"**Q what", 'q', false, ""},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const MarkerMatch m = match_marker(c.line, c.letter);
    CHECK(m.found == c.found);
    if (c.found) CHECK(m.rest == c.rest);
  }
}

TEST_CASE("text helpers count and split UTF-8", "[extract][text]") {
  CHECK(code_point_count("엔트로피 H") == 6);
  CHECK(word_count("  a  b\tc ") == 3);
  CHECK(split_lines("a\nb\n").size() == 3);
  CHECK(strip_emphasis("**bold**") == "bold");
  CHECK(strip_emphasis("*a* and *b*") == "*a* and *b*");
  CHECK(contains_hangul("BM25 랭킹"));
  CHECK_FALSE(contains_hangul("BM25"));
}
