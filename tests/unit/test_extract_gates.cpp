// The precision gates, one table row per reason (docs/note-patterns.md, "Gates"), and the cards
// they let through. Invented examples.
#include <catch2/catch.hpp>
#include <string>

#include "recall/extract/gates.hpp"

using recall::extract::CardDraft;
using recall::extract::announces_missing;
using recall::extract::clean_answer;
using recall::extract::gate_reason;

namespace {

CardDraft card(std::string term, std::string answer, std::string kind = "definition",
               double confidence = 0.7) {
  CardDraft c;
  c.term = term;
  c.question = "What is " + term + "?";
  c.answer = std::move(answer);
  c.kind = std::move(kind);
  c.confidence = confidence;
  return c;
}

}  // namespace

TEST_CASE("gates name the reason a card is not worth a review", "[extract][gates]") {
  struct Row {
    const char* term;
    const char* answer;
    const char* reason;
  };
  const Row rows[] = {
      {"Definition", "a thing", "label"},
      {"장점", "빠르다", "label"},
      {"sample1", "10 cm -> class 2", "label"},
      {"Visual Studio 설정하기", "1. 새 프로젝트를 만든다", "label"},
      {"Note on Optimization", "the absolute value is not differentiable at zero", "label"},
      {"$k_j$", "the key of position j", "symbol"},
      {"v_w", "the vector of word w", "symbol"},
      {"\\frac{p(x)}{1", "\\alpha", "latex"},
      {"where η", "the learning rate", "anaphora"},
      {"물론 이것", "당연하다", "anaphora"},
      {"PMF)", "the mass function", "fragment"},
      {"저자들", "실험을 반복했다", "fragment"},
      {"가장 먼저 할 작업", "빈도수로 정렬한다", "fragment"},
      {"Preventing overfitting by", "using more data", "fragment"},
      {"Compute attention scores quickly", "Q K^T", "fragment"},
      {"Generally", "each layer is followed by a ReLU", "fragment"},
      {"78a3e76be5c454754d86c63149dc9651699b5cda", "Pasted image", "markup"},
      {"SELECT", "- 사원 번호가 100인 사원의 정보를 출력하세요.", "misframed"},
      {"GPU", "Q) Which tasks are faster on a GPU?", "misframed"},
      {"Huber Loss", "- **Loss**:\n\n  $$L = \\frac{1}{n}\\sum_i h(e_i)$$\n- **Gradient**:\n  $$dw = x e$$",
       "formula"},
      {"Forward", "$u \\to v$", "formula"},
      {"contribution from this paper", "the designing of deeper networks", "anaphora"},
      {"The", "first step of the method", "anaphora"},  // once read past the end (fuzz_note)
      {"appeal of this", "connecting previous information to the present task", "anaphora"},
      {"2단계", "서류를 낸 사람 중 일부를 면접에 부른다", "label"},
      {"Ring buffer", "- 앞쪽:\n  -\n- 뒤쪽: 읽는 자리", "empty"},
      {"Penalty", "&alpha; &Sigma;j |vj| = &alpha; |**v**|1,", "formula"},
      {"Hash Map 구현", "- 배열로 만드는 방법이 있다.", "label"},
      {"로그인 연동", "이제 가장 중요한 로그인 연동이다.", "label"},
      {"randomly permute the rows", "- for each epoch", ""},
      {"randomly sample rows from the pool", "- for each epoch", "label"},
      {"Momentum for Linear Models", "As with plain steps, we can use momentum for linear models.",
       "trivial"},
      {"Sort orders", "There are three ways to sort a table.", "misframed"},
      {"정렬 방식", "정렬에는 크게 세 가지 종류가 있다.", "misframed"},
      {"Softmax Regression", "One model over many classes this way is called softmax regression.", ""},
  };
  for (const Row& row : rows) {
    INFO(row.term);
    CHECK(gate_reason(card(row.term, row.answer)) == row.reason);
  }
}

TEST_CASE("gates let real concepts through", "[extract][gates]") {
  for (const char* term : {"Load balancing", "Voxilingual107", "Bloom Filter (블룸 필터)", "GPT2",
                           "learning_rate", "교착 상태", "Multi-Head Attention", "깊은 신경망",
                           "흔한 IDF 식", "2차 모멘트"}) {
    INFO(term);
    CHECK(gate_reason(card(term, "a short definition of it")) == "");
  }
  // A formula with words around it teaches something.
  CHECK(gate_reason(card("Huber Loss", "quadratic near zero and linear far from it: $L = h(e)$")) == "");
  // A line of a code block that starts on a particle is not a clause cut off.
  CHECK(gate_reason(card("Subnet mask", "- 네트워크 영역을 가른다.\n```\nA AND B\n의 값이 나온다\n```", "qa")) == "");
  CHECK(gate_reason(card("Subnet mask", "- 네트워크 영역을 가른다.\n의 값이 나온다", "qa")) == "fragment");
  // `가지고 있다` (has) counts no kinds; `두 가지 요소로 이루어져있다` says what the parts are.
  CHECK(gate_reason(card("스레드", "각자의 스택과 레지스터를 가지고 있다.")) == "");
  CHECK(gate_reason(card("액터 크리틱", "actor와 critic 두가지 요소로 이루어져있다.")) == "");
  // A formula in entities with words around it teaches something.
  CHECK(gate_reason(card("Penalty", "the sum of the weights' magnitudes times &alpha;, &Sigma;j |vj|")) == "");
  // Markup in the question and a kramdown answer.
  CardDraft image = card("x", "y");
  image.question = "What is ![fig](x.png){: width=\"60%\"}?";
  CHECK(gate_reason(image) == "markup");
  CHECK(gate_reason(card("Figure", "{: width=\"60%\"}")) == "markup");
  // Explicit syntax passes every gate.
  CHECK(gate_reason(card("Definition", "written by hand", "qa", 1.0)) == "");
}

TEST_CASE("answers are cleaned of images and the blank lines they leave", "[extract][gates]") {
  CHECK(clean_answer("Intro.\n\n![](a.png){: width=\"50%\"}\n\nMore.") == "Intro.\n\nMore.");
  CHECK(clean_answer("- see [[Other Note|the other note]]") == "- see the other note");
  CHECK(clean_answer("```\n![not an image](in code)\n```") == "```\n![not an image](in code)\n```");
  // A picture given as an HTML tag, alone or as an item's only text, goes with its item.
  CHECK(clean_answer("Waits for each ack.\n-\n  <img src='https://example.org/a.png'>") ==
        "Waits for each ack.");
  CHECK(clean_answer("- <img src=\"https://example.org/b.png\">\n- sent, not acked") ==
        "- sent, not acked");
  CHECK(clean_answer("- bytes <img src='https://example.org/c.png'> in flight") == "- bytes in flight");
  // An autolink beside a picture keeps its address.
  CHECK(clean_answer("- <img src='https://example.org/d.png'> from <https://example.org/d>") ==
        "- from https://example.org/d");
}

TEST_CASE("a colon followed by more prose announced what the card does not show", "[extract][gates]") {
  CHECK(announces_missing("It is a distance between two samples:\n\nFor example, picture a line."));
  CHECK_FALSE(announces_missing("It is a distance between two samples:\n\n- along each axis"));
  CHECK_FALSE(announces_missing("It is a distance:\n\n$$d = |p - q|$$\n\nso it is never negative."));
  CHECK_FALSE(announces_missing("Two kinds: LDA is supervised, PCA is not."));
  CHECK_FALSE(announces_missing("```\nx:\n\ny\n```"));
}
