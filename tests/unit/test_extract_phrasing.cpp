// Question phrasing and the text tests the rules rely on, as tables of cases.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/render.hpp"
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

TEST_CASE("the particle follows the Korean reading of the term's last character",
          "[extract][phrasing]") {
  struct Case {
    const char* term;
    const char* question;
  };
  const Case cases[] = {
      // Hangul: the batchim of the last syllable.
      {"직교 프로젝션 층", "직교 프로젝션 층이란?"},
      {"엔트로피", "엔트로피란?"},
      // All-caps acronyms by the names of their letters: L, M, N, R end in a consonant.
      {"DDIM", "DDIM이란?"},
      {"DDPM", "DDPM이란?"},
      {"RLHF", "RLHF란?"},
      {"HTML", "HTML이란?"},
      {"KLUE", "KLUE란?"},
      {"CPU", "CPU란?"},
      {"SQL", "SQL이란?"},
      {"LSTM", "LSTM이란?"},
      // Digits by their Korean reading: 영 일 삼 육 칠 팔 take 이란; 이 사 오 구 take 란.
      {"BM25", "BM25란?"},
      {"GPT-4", "GPT-4란?"},
      {"Llama 3", "Llama 3이란?"},
      {"Phi-2", "Phi-2란?"},
      {"ResNet-50", "ResNet-50이란?"},
      {"Qwen 7", "Qwen 7이란?"},
      {"T5", "T5란?"},
      {"word2vec 9", "word2vec 9란?"},
      {"8", "8이란?"},
      {"YOLO v1", "YOLO v1이란?"},
      {"v6", "v6이란?"},
      // Other Latin words by their spelling: m, n, l, ng end in a consonant.
      {"whitening", "whitening이란?"},
      {"entropy", "entropy란?"},
      {"Flow model", "Flow model이란?"},
      {"score function", "score function이란?"},
      {"transformer", "transformer란?"},
      {"alignment", "alignment란?"},
      {"attention", "attention이란?"},
      {"patchTST", "patchTST란?"},
      {"MoE", "MoE란?"},
      {"algorithm", "algorithm이란?"},
      // A parenthesised gloss at the end is not read.
      {"PTQ (Post-Training Quant)", "PTQ (Post-Training Quant)란?"},
      {"QAT (Quant-aware Training)", "QAT (Quant-aware Training)란?"},
      {"손실 함수(loss)", "손실 함수(loss)란?"},
      {"교차 엔트로피 (cross-entropy)", "교차 엔트로피 (cross-entropy)란?"},
      {"임계 영역(critical section)", "임계 영역(critical section)이란?"},
      // Symbols at the end are not read.
      {"C++", "C++란?"},
      {"`strlen`", "`strlen`이란?"},
      {"`malloc`", "`malloc`란?"},  // c is none of m, n, l, ng
  };
  for (const Case& c : cases) {
    INFO(c.term);
    CHECK(what_is_question(c.term, Language::korean) == c.question);
  }
  CHECK(what_is_question("ㅋㅋ", Language::korean) == "ㅋㅋ(이)란?");
}

TEST_CASE("a card is asked in Korean when its term or its answer is mostly Korean",
          "[extract][phrasing]") {
  CHECK(card_language("entropy", "사건이 일어날 때 얻는 정보량의 기댓값") == Language::korean);
  CHECK(card_language("엔트로피", "the expected surprise") == Language::korean);
  CHECK(card_language("BM25", "a ranking function built on TF and IDF") == Language::english);
  // Three Hangul syllables against five Latin words: English.
  CHECK(card_language("TF-IDF", "term frequency 곱하기 inverse document frequency") ==
        Language::english);
  CHECK(text_language("TF-IDF를 보완한 확률적 랭킹 함수") == Language::korean);
  CHECK(text_language("Transformer (트랜스포머) architecture and its attention layers") ==
        Language::english);
  CHECK(what_is_question("whitening", card_language("whitening", "상관을 없애는 전처리")) ==
        "whitening이란?");
  CHECK(what_is_question("Entropy", Language::english) == "What is Entropy?");
}

TEST_CASE("acronym, comparison and reverse questions", "[extract][phrasing]") {
  CHECK(stands_for_question("PTQ", Language::english) == "What does PTQ stand for?");
  CHECK(stands_for_question("PTQ", Language::korean) == "PTQ는 무엇의 약자인가?");
  CHECK(stands_for_question("EGNN", Language::korean) == "EGNN은 무엇의 약자인가?");
  CHECK(stands_for_question("RLHF", Language::korean) == "RLHF는 무엇의 약자인가?");
  CHECK(comparison_question("DDPM vs DDIM", Language::korean) == "DDPM vs DDIM: 차이는?");
  CHECK(comparison_question("TCP vs UDP", Language::english) ==
        "TCP vs UDP: how do they differ?");
  CHECK(reverse_question("평균 정보량", Language::korean) == "어떤 용어인가?\n평균 정보량");
  CHECK(reverse_question("average surprise", Language::english) ==
        "Which term is this?\naverage surprise");
}

TEST_CASE("ascii_lower changes A-Z and no other byte, at every offset", "[extract][text]") {
  // ascii_lower works eight bytes at a time: every byte value at each of the eight places of a
  // word, and in the tail, against the plain rule.
  for (int value = 0; value < 256; ++value) {
    for (std::size_t at = 0; at < 11; ++at) {
      std::string s = "Ab\xED\x95\x9CZz@[`{";  // 11 bytes: A b 한 Z z @ [ ` {
      s[at] = static_cast<char>(value);
      std::string expected = s;
      for (char& c : expected) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      INFO("byte " << value << " at " << at);
      CHECK(ascii_lower(s) == expected);
    }
  }
  CHECK(ascii_lower("") == "");
  CHECK(ascii_lower("TF-IDF vs. BM25 (Okapi) — 한국어 ÀÉ") == "tf-idf vs. bm25 (okapi) — 한국어 ÀÉ");
}

TEST_CASE("split_sentences", "[extract][text]") {
  struct Case {
    const char* text;
    std::vector<std::pair<std::string, int>> sentences;  // text, line offset
  };
  const Case cases[] = {
      {"첫 문장이다. 둘째 문장이다.", {{"첫 문장이다.", 0}, {"둘째 문장이다.", 0}}},
      {"Flow model이란 생성 모델임\n다음 줄의 메모", {{"Flow model이란 생성 모델임", 0},
                                                     {"다음 줄의 메모", 1}}},
      {"a long sentence that wraps\nonto the next line. Next one!",
       {{"a long sentence that wraps\nonto the next line.", 0}, {"Next one!", 1}}},
      {"학습률은 2.5e-4로 두었다. 끝.", {{"학습률은 2.5e-4로 두었다.", 0}, {"끝.", 0}}},
      {"값은 $a. b$ 이다. 다음.", {{"값은 $a. b$ 이다.", 0}, {"다음.", 0}}},
      {"괄호 (e.g. 이것. 저것) 안은 나누지 않는다. 끝.",
       {{"괄호 (e.g. 이것. 저것) 안은 나누지 않는다.", 0}, {"끝.", 0}}},
      {"see Fig. 2 and e.g. this. Done.", {{"see Fig. 2 and e.g. this.", 0}, {"Done.", 0}}},
      {"By F. P. Dossou et al. in 2024. Yes.",
       {{"By F. P. Dossou et al. in 2024.", 0}, {"Yes.", 0}}},
      {"fidelity? 충실도?\nfidelity는 개념이다.",
       {{"fidelity?", 0}, {"충실도?", 0}, {"fidelity는 개념이다.", 1}}},
      {"좋다.. 근데 왜?! 모르겠음", {{"좋다..", 0}, {"근데 왜?!", 0}, {"모르겠음", 0}}},
      {"`a. b` 코드 안은 그대로. 끝", {{"`a. b` 코드 안은 그대로.", 0}, {"끝", 0}}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::vector<Sentence> got = split_sentences(c.text);
    REQUIRE(got.size() == c.sentences.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(std::string(got[i].text) == c.sentences[i].first);
      CHECK(got[i].line == c.sentences[i].second);
    }
  }
}

TEST_CASE("answers drop link-only lines and are cut when long", "[extract][render]") {
  CHECK(drop_link_only_lines("- a fact\n- https://example.com\n- [paper](https://x.org/1)") ==
        "- a fact");
  CHECK(drop_link_only_lines("text\n<img src=\"a.png\">\n---") == "text");
  CHECK(drop_link_only_lines("https://example.com") == "https://example.com");  // nothing else
  CHECK(drop_link_only_lines("```\nhttps://in.code\n```") == "```\nhttps://in.code\n```");

  CHECK(fit_answer("short", "see a.md:3") == "short");
  std::string many;
  for (int i = 0; i < 20; ++i) many += "- item " + std::to_string(i) + "\n";
  const std::string cut = fit_answer(many, "see a.md:3");
  CHECK(cut.find("- item 11\n(… see a.md:3)") != std::string::npos);  // twelve lines kept
  CHECK(cut.find("item 12") == std::string::npos);

  std::string prose;
  for (int i = 0; i < 80; ++i) prose += "문장 번호 " + std::to_string(i) + "번입니다. ";
  const std::string cut_prose = fit_answer(prose, "more at line 7");
  CHECK(code_point_count(cut_prose) <= kMaxAnswerCodePoints + 20);
  CHECK(cut_prose.find("입니다.\n(… more at line 7)") != std::string::npos);

  std::string code = "```sh\n";
  for (int i = 0; i < 20; ++i) code += "echo " + std::to_string(i) + "\n";
  code += "```";
  const std::string cut_code = fit_answer(code, "see b.md:1");
  CHECK(cut_code.find("```\n(… see b.md:1)") != std::string::npos);  // the fence is closed
}

TEST_CASE("acronyms and their expansions", "[extract][acronym]") {
  for (const char* word : {"PTQ", "KLUE", "MoE", "LMMs", "GPT-4", "FFJORD", "EGNN", "RoPE"}) {
    INFO(word);
    CHECK(is_acronym_like(word));
  }
  for (const char* word : {"ResNet", "patchTST", "ex", "A", "transformer", "Kor-nli", "2015"}) {
    INFO(word);
    CHECK_FALSE(is_acronym_like(word));
  }
  const auto ptq = acronym_at_start("PTQ (Post-Training Quant) 훈련 후 양자화");
  REQUIRE(ptq.has_value());
  CHECK(ptq->acronym == "PTQ");
  CHECK(ptq->expansion == "Post-Training Quant");
  CHECK(ptq->length == std::string("PTQ (Post-Training Quant)").size());
  CHECK_FALSE(acronym_at_start("ResNet (2015) 논문").has_value());
  CHECK_FALSE(acronym_at_start("DGD (ECCV 2024) 발표").has_value());
  CHECK_FALSE(acronym_at_start("RLPAF(Proof assistant feedback)").has_value());
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
      {"ssl for dna?(PA?)", nullptr},
      {"plan biosyn(EA or AC)", nullptr},
      {"좋았던 점", nullptr},
      {"구현 방법 3가지", nullptr},
      {"동훈님 논문", nullptr},
      {"모델과 시스템", nullptr},
      {"GRU vs LSTM", nullptr},
      {"captions, bounding box", nullptr},
      {"I(x) = -log p(x)", nullptr},
      {"저수준 모듈이 변경돼도 고수준 모듈", nullptr},
      {"parameter도 시간에 따라 변하", nullptr},
      {"2018", nullptr},
      {"✓ **스케줄러 디스패치**", "스케줄러 디스패치"},
      {"4.**레벨 순서 순회**", "레벨 순서 순회"},
      {"Kor-NLU (kor-sts, kor-nli)", "Kor-NLU (kor-sts, kor-nli)"},
      {"결과 분석", "결과 분석"},
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
