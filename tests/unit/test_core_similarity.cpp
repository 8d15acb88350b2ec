// Term and answer similarity: the thresholds of docs/sync.md rest on these.
#include <catch2/catch.hpp>

#include "recall/core/similarity.hpp"

using namespace recall::core;

TEST_CASE("normalize_term folds case, space, emphasis and a trailing colon", "[similarity]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"**Entropy**", "entropy"},           {"  Cross   Entropy: ", "cross entropy"},
      {"`KL` divergence", "kl divergence"}, {"직교 프로젝션 층", "직교 프로젝션 층"},
      {"DDPM vs DDIM", "ddpm vs ddim"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(normalize_term(in) == out);
  }
}

TEST_CASE("term_similarity", "[similarity]") {
  struct Case {
    std::string a, b;
    double at_least, at_most;
  };
  const std::vector<Case> cases = {
      {"entropy", "entropy", 1.0, 1.0},
      {"entorpy", "entropy", 0.85, 0.86},             // a transposition is one edit
      {"perplexity", "perplexty", 0.89, 0.91},        // a letter dropped
      {"entropy", "shannon entropy", 0.75, 0.75},     // a word added
      {"교차 엔트로피", "교차엔트로피", 0.85, 0.86},  // spacing in Korean
      {"entropy", "bm25", 0.0, 0.3},
      {"ddpm sampling", "ddim sampling", 0.92, 0.93},  // one letter: an edit, unless both exist
  };
  for (const auto& c : cases) {
    INFO(c.a << " ~ " << c.b);
    const double s = term_similarity(c.a, c.b);
    CHECK(s >= c.at_least - 1e-9);
    CHECK(s <= c.at_most + 1e-2);
    CHECK(term_similarity(c.b, c.a) == Approx(s));
  }
}

TEST_CASE("answer_similarity is word-set Jaccard", "[similarity]") {
  CHECK(answer_similarity("", "") == 1.0);
  CHECK(answer_similarity("a b c", "c b a") == 1.0);
  CHECK(answer_similarity("The expected surprise", "the EXPECTED surprise!") == 1.0);
  CHECK(answer_similarity("a b", "c d") == 0.0);
  CHECK(answer_similarity("a b c d", "a b c e") == Approx(3.0 / 5.0));
  CHECK(answer_similarity("정보량의 기댓값", "정보량의 기댓값이다") == Approx(1.0 / 3.0));
}

TEST_CASE("answer_words: the words in order, markup and punctuation aside", "[similarity]") {
  CHECK(answer_words("**True Positive**.") == "true positive");
  CHECK(answer_words("`tar cf` target.tar") == "tar cf target tar");
  CHECK(answer_words("A is larger than B") != answer_words("B is larger than A"));
  CHECK(answer_words("캐시를 통해, 같은 의존성") == "캐시를 통해 같은 의존성");
  CHECK(answer_words("") == "");
}
