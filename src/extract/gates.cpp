// The precision gates of every card: one place, one reason each.
#include "recall/extract/gates.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

// Template fields and headings that label a part of a note rather than name a concept.
bool is_label(std::string_view term) {
  std::string lower = ascii_lower(trim(term));
  while (!lower.empty() && (lower.back() == ':' || lower.back() == '.')) lower.pop_back();
  static constexpr auto kLabels = std::to_array<std::string_view>(
      {"definition", "definitions", "example",  "examples",   "use case",  "use cases",
       "usage",      "note",        "notes",    "summary",    "overview",  "introduction",
       "conclusion", "references",  "reference", "bottom line", "idea",    "motivation",
       "intuition",  "pros",        "cons",     "advantages", "disadvantages", "goal",
       "goals",      "purpose",     "result",   "results",    "todo",      "tl;dr",
       "table of contents", "key idea", "main idea", "why",   "how",       "what",
       "when",       "where",       "formula",  "equation",   "proof",     "output",
       "input",      "step",        "steps",    "description", "explanation", "meaning",
       "장점",       "단점",        "예시",     "정리",       "요약",      "참고",
       "목차",       "결론",        "개요",     "특징",       "정의",      "개념",
       "의미",       "목적",        "목표",     "예제",       "설명",      "이유",
       "방법",       "결과",        "문제",     "해결",       "해결책",    "주의",
       "참고자료",   "출처",        "링크",       "insight",   "insights",
       "book",       "books",       "tip",      "tips",       "꿀팁",      "팁",
       "역할",       "프리뷰",      "preview",  "review",     "todo list", "quiz",
       "핵심",       "key point",   "weakness", "weaknesses", "strength",  "strengths",
       "limitation", "limitations", "drawback", "drawbacks", "benefit",   "benefits",
       "algorithm",  "applications", "application", "others", "other", "misc",
       "miscellaneous", "etc", "기타", "highlight", "highlights", "차이점", "공통점",
       "다른점", "다른 점", "같은점", "같은 점", "차이", "주의점", "주의사항", "문제점",
       "한계", "한계점", "difference", "differences", "similarity", "similarities",
       // `## 사용 용어` over a glossary: the section's name, not a term of it (judged wrong-term).
       "용어", "사용 용어", "용어 정리", "주요 용어", "glossary", "terminology", "key terms", "terms",
       "해결법", "해결 방안", "해결방안", "대처법", "대책", "solution", "solutions", "fix",
       "명령어", "사용법", "문법", "syntax", "command", "commands"});
  if (std::find(kLabels.begin(), kLabels.end(), lower) != kLabels.end()) return true;
  return is_generic_label(lower);
}

// A variable or a LaTeX command standing alone: `$k_j$`, `\theta`, `x`, `$\hat{y}$`.
bool is_bare_symbol(std::string_view term) {
  std::string t(trim(term));
  const bool mathy = t.find('$') != std::string::npos || t.find('\\') != std::string::npos;
  for (const std::string_view decoration :
       {"\\mathbf", "\\mathcal", "\\mathrm", "\\boldsymbol", "\\bm", "\\hat", "\\bar", "\\tilde",
        "\\vec"}) {
    for (std::size_t at = t.find(decoration); at != std::string::npos; at = t.find(decoration)) {
      t.erase(at, decoration.size());
    }
  }
  std::string bare;
  for (const char c : t) {
    if (c != '$' && c != '{' && c != '}' && c != ' ' && c != '`') bare += c;
  }
  if (bare.empty()) return mathy;
  if (mathy && starts_with(trim(term), "$")) return true;  // a formula as the term
  const bool ascii = std::all_of(bare.begin(), bare.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '\\' ||
           c == '^' || c == '\'';
  });
  if (!ascii) return false;
  if (bare.front() == '\\') return bare.size() <= 10;
  return bare.size() == 1 || (bare.find('_') != std::string::npos && bare.size() <= 5) ||
         (mathy && bare.size() <= 3);
}

bool has_markup(std::string_view s) {
  for (const std::string_view m : {"![", "{:", "<img", "<span", "<div", "](", "http://",
                                   "https://", "<br", "<a ", "</"}) {
    if (s.find(m) != std::string_view::npos) return true;
  }
  return false;
}

// A LaTeX fragment read as text: a command (`\frac`, `\text`), braces, or a line of a `$$` block.
bool is_latex(std::string_view term) {
  for (std::size_t i = 0; i + 1 < term.size(); ++i) {
    if (term[i] == '\\' && (std::isalpha(static_cast<unsigned char>(term[i + 1])) != 0 ||
                            term[i + 1] == '(' || term[i + 1] == '[')) {
      return true;
    }
  }
  return term.find('{') != std::string_view::npos || term.find('}') != std::string_view::npos ||
         starts_with(term, ">") || starts_with(term, "&");
}

// Parentheses and code spans that open and close within the term: `PMF)` and
// ``법칙`(Law of …)`` are pieces of a sentence cut at the wrong place.
bool balanced(std::string_view term) {
  int depth = 0;
  for (const char c : term) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0 && std::count(term.begin(), term.end(), '`') % 2 == 0 &&
         std::count(term.begin(), term.end(), '"') % 2 == 0;
}

// `sample1`, `Doc3`, `Step2`: a word and a number, naming an example, not a concept. (All-caps
// names such as `GPT2` or `L1` are not caught.)
bool is_glued_number_label(std::string_view term) {
  if (term.find(' ') != std::string_view::npos || term.size() < 4) return false;
  std::size_t i = 0;
  if (std::isalpha(static_cast<unsigned char>(term[0])) == 0) return false;
  ++i;
  std::size_t lower = 0;
  while (i < term.size() && std::islower(static_cast<unsigned char>(term[i])) != 0) {
    ++i;
    ++lower;
  }
  if (lower < 2 || lower > 5 || i == term.size()) return false;
  while (i < term.size() && std::isdigit(static_cast<unsigned char>(term[i])) != 0) ++i;
  return i == term.size();
}

// Terms that are pieces of a clause rather than names: a Korean plural or pronoun (`저자들`, `이들`,
// `우리`), a phrase that ends in `때` (when), a first word that ends a phrase (`기본적으로 …`), an
// English term ending in a preposition or a verb (`Preventing overfitting by`, `Vocabulary
// means`), an imperative step (`Compute attention scores`), an adverb (`Generally`), or a
// two-letter lower-case abbreviation (`Ch`).
bool is_clause_like(std::string_view term) {
  const std::vector<std::string_view> words = split_words(term);
  if (words.empty()) return false;
  const std::string_view last = words.back();
  if (contains_hangul(last)) {
    if (ends_with(last, "들") || ends_with(last, "때")) return true;
    // `극대화 하`: a verb stem left where the sentence was cut.
    if (words.size() >= 2 && (last == "하" || last == "되")) return true;
    for (const std::string_view pronoun : {"우리", "저자", "필자", "이것", "그것", "여기", "이들"}) {
      if (last == pronoun) return true;
    }
    if (words.size() >= 2 && contains_hangul(words.front()) &&
        (ends_with(words.front(), "으로") || ends_with(words.front(), "적으로") ||
         ends_with(words.front(), "에서") || ends_with(words.front(), "에게"))) {
      return true;
    }
    // A word before the last that ends a phrase with an object particle or a verb ending
    // (`가장 먼저 할 작업`, `X를 줄이는 방법`): the term is a piece of a clause. Adnominal
    // adjectives and possessives (`깊은 신경망`, `흔한 IDF 식`, `베이즈의 정리`) stay names.
    static constexpr auto kClauseEnds = std::to_array<std::string_view>(
        {"을", "를", "에서", "에게", "으로", "하는", "되는", "하고", "되고", "하며", "되며",
         "해서", "하여", "할", "될", "면서", "지만", "는데", "은데", "운데", "인데",
         "한데", "하게", "처럼", "까지", "부터"});
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      if (!contains_hangul(words[k])) continue;
      for (const std::string_view end : kClauseEnds) {
        if (ends_with(words[k], end)) return true;
      }
    }
    return false;
  }
  const std::string lower_last = ascii_lower(last);
  for (const std::string_view tail : {"by", "of", "for", "with", "to", "in", "on", "the", "a",
                                      "an", "and", "or"}) {
    if (words.size() >= 2 && lower_last == tail) return true;
  }
  const std::string first = ascii_lower(words.front());
  if (words.size() >= 3) {  // `Load balancing` is a name; `Compute attention scores` a step
    for (const std::string_view verb :
         {"compute", "calculate", "repeat", "load", "use", "apply", "set", "get", "make",
          "create", "add", "remove", "initialize", "update", "run", "check", "find", "define",
          "choose", "pick", "select", "train", "split", "install", "import"}) {
      if (first == verb) return true;
    }
  }
  if (words.size() == 1 && first.size() > 4 && ends_with(first, "ly")) return true;  // Generally
  if (words.size() == 1 && term.size() <= 2 && std::islower(static_cast<unsigned char>(term.back())) != 0 &&
      std::isupper(static_cast<unsigned char>(term.front())) != 0) {
    return true;  // `Ch`
  }
  return false;
}

// A file or commit hash: 20 or more hexadecimal digits in a row.
bool is_hash(std::string_view term) {
  std::size_t run = 0;
  for (const char c : term) {
    run = std::isxdigit(static_cast<unsigned char>(c)) != 0 ? run + 1 : 0;
    if (run >= 20) return true;
  }
  return false;
}

// Letters or digits once invisible characters (zero-width space, BOM, joiners) are set aside.
bool has_visible_word(std::string_view term) {
  std::size_t i = 0;
  while (i < term.size()) {
    const char32_t c = next_code_point(term, i);
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x2060) continue;
    if (c >= 0x80 || std::isalnum(static_cast<int>(c)) != 0) return true;
  }
  return false;
}

// A term that starts by pointing at text around it: `where η`, `Below`, `From`, `Unfortunately
// this`, `To recapitulate`.
bool starts_pointing(std::string_view term) {
  const std::vector<std::string_view> words = split_words(term);
  if (words.empty()) return false;
  std::string first = ascii_lower(words.front());
  while (!first.empty() && (first.back() == ',' || first.back() == ':')) first.pop_back();
  if (!words.empty() && !has_visible_word(words.front())) return true;  // `\u200b 물론`
  for (const std::string_view w : {"물론", "결과적으로", "바로", "즉", "또한", "첫번째", "두번째",
                                   "세번째", "마지막", "where", "below", "above", "from",
                                   "unfortunately", "to", "for", "on", "using", "another",
                                   "with", "in", "by", "at", "as", "if", "when", "after",
                                   "before", "during", "via", "of", "and", "or", "the other",
                                   "fortunately", "however", "e.g.", "i.e.", "hence", "thus",
                                   "therefore", "furthermore", "moreover", "여기서", "이때",
                                   "위", "위의", "아래", "아래의", "앞서", "앞의"}) {
    if (first == w) return true;
  }
  return false;
}

// `이 때 $$p_t$$는 Aligned Position이라고 정의한다`, `첫 번째 특징은 X라고 한다`: a short sentence that
// only gives the name, to something it points at (judged: none of 6 kept).
bool only_names(std::string_view answer, std::string_view term) {
  if (answer.find('\n') != std::string_view::npos || split_sentences(answer).size() != 1) return false;
  const std::string_view name = strip_emphasis(term);
  const std::size_t at = answer.find(name);
  if (name.empty() || at == std::string_view::npos || word_count(answer.substr(0, at)) > 5) return false;
  // What is named is pointed at (`이 방법론을`, `두 사건은`, `첫 번째 특징은`), a formula, or a
  // name (`데이터셋의 이름은`); `합성곱을 마친 결과는 특징 맵이라고 부른다` says what the term is.
  const std::string_view before = answer.substr(0, at);
  const std::vector<std::string_view> words = split_words(before);
  static constexpr auto kPointing = std::to_array<std::string_view>(
      {"이", "그", "이러한", "그러한", "해당", "위의", "앞의", "두", "세", "첫", "첫번째", "이때",
       "여기서", "이를", "이것을"});
  const bool pointing =
      !words.empty() && std::find(kPointing.begin(), kPointing.end(), words.front()) != kPointing.end();
  if (!(pointing || before.find('$') != std::string_view::npos ||
        before.find("\xEC\x9D\xB4\xEB\xA6\x84") != std::string_view::npos)) {  // 이름
    return false;
  }
  const std::string_view rest = answer.substr(at + name.size());
  for (const std::string_view naming : {"라고 한다", "라고 부른다", "라고 정의한다", "라고 하고",
                                        "라고 지칭한다"}) {
    if (rest.find(naming) != std::string_view::npos && rest.find(naming) <= 6) return true;
  }
  return false;
}

}  // namespace

// Whether an answer opens with an English order (`Gather relevant data …`, `- Use the learned
// weights …`): the step of a procedure.
bool orders(std::string_view answer) {
  answer = trim(answer);
  while (starts_with(answer, "-") || starts_with(answer, "*")) answer = trim(answer.substr(1));
  const std::vector<std::string_view> words = split_words(answer.substr(0, 40));
  if (words.empty()) return false;
  static constexpr auto kVerbs = std::to_array<std::string_view>(
      {"choose", "gather", "use", "apply", "split", "compute", "calculate", "collect", "train",
       "evaluate", "select", "deploy", "clean", "load", "define", "initialize", "set", "update",
       "run", "check", "create", "add", "remove", "make", "get", "find", "pick", "call", "save",
       "store", "fit", "plot", "import", "install", "open", "write", "read", "print", "return",
       "assign", "convert", "replace", "shuffle", "sort", "repeat", "multiply", "divide",
       "subtract", "append", "drop", "take", "pass", "try", "avoid", "keep", "start", "stop",
       "assess", "analyze", "analyse", "explore", "tune", "monitor", "validate", "preprocess",
       "visualize", "visualise", "sample", "draw"});
  const std::string first = ascii_lower(words.front());
  // `After training, use …`: an order after a short lead-in.
  if (first == "after" || first == "then" || first == "next" || first == "finally") {
    for (std::size_t k = 1; k < words.size() && k < 4; ++k) {
      if (std::find(kVerbs.begin(), kVerbs.end(), ascii_lower(words[k])) != kVerbs.end()) return true;
    }
  }
  return std::find(kVerbs.begin(), kVerbs.end(), first) != kVerbs.end();
}

// A Korean task or exercise title (`Visual Studio 설정하기`, `page fault 횟수 구하기`), a step told
// as an order (`Calculate Gradients`), or a `Note on …` remark: a thing to do or a comment, not a
// concept.
bool is_task_title(std::string_view term) {
  const std::vector<std::string_view> words = split_words(term);
  if (words.empty()) return false;
  const std::string lower = ascii_lower(term);
  if (starts_with(lower, "note on ") || starts_with(lower, "notes on ") ||
      starts_with(lower, "a note on ")) {
    return true;
  }
  if (words.size() >= 2 && ends_with(words.back(), "하기")) return true;
  // `randomly shuffle samples in the training set`: a line of pseudo-code, an adverb then an order.
  if (words.size() >= 3 && std::islower(static_cast<unsigned char>(words[0][0])) != 0 &&
      ends_with(words[0], "ly") &&
      orders(term.substr(static_cast<std::size_t>(words[0].data() - term.data()) + words[0].size()))) {
    return true;
  }
  // `Calculate Gradients`, `Take a Step`, `3. Feed into RNN`: a step of a procedure, told as an
  // order, names no concept (judged wrong-term). Verbs that also open concept names (`Update
  // gate`, `Move semantics`, `Clean code`, `Use case`) are not in the list.
  static constexpr auto kOrders = std::to_array<std::string_view>(
      {"calculate", "compute", "take", "start", "feed", "apply", "create", "define", "get",
       "prepare", "choose", "pick", "initialize", "initialise", "repeat", "evaluate", "find",
       "install", "convert", "collect", "tokenize", "tokenise", "predict", "plot", "visualize",
       "visualise", "import", "save", "print", "send", "try", "avoid", "let", "do", "see", "make",
       "understand", "remember", "identify", "determine", "compare", "fit", "ask"});
  // `Repeat: keep going until …`: a step's order alone.
  if (words.size() == 1) {
    const std::string word = ascii_lower(words.front());
    for (const std::string_view order : {"repeat", "initialize", "initialise", "calculate", "compute"}) {
      if (word == order) return true;
    }
  }
  if (words.size() >= 2 && ascii_lower(words[1]) != "forward" &&
      std::find(kOrders.begin(), kOrders.end(), ascii_lower(words.front())) != kOrders.end()) {
    return true;
  }
  // `Training the Model`, `Speeding up computation`, `Comparing the two`: a task told as what is
  // being done to something (judged wrong-term); `Running averages`, `Training data` name things.
  static constexpr auto kDoing = std::to_array<std::string_view>(
      {"speeding", "saving", "loading", "calculating", "computing", "creating", "defining",
       "getting", "preparing", "choosing", "initializing", "evaluating", "installing",
       "converting", "collecting", "visualizing", "importing", "printing", "making", "writing",
       "setting", "putting", "training", "comparing", "implementing", "applying", "finding",
       "selecting", "building", "using", "adding", "removing", "checking", "handling"});
  static constexpr auto kObjects = std::to_array<std::string_view>(
      {"the", "a", "an", "up", "our", "your", "its", "this", "these", "two", "both", "with",
       "into", "from", "out"});
  if (words.size() >= 2 &&
      std::find(kDoing.begin(), kDoing.end(), ascii_lower(words[0])) != kDoing.end() &&
      std::find(kObjects.begin(), kObjects.end(), ascii_lower(words[1])) != kObjects.end()) {
    return true;
  }
  return false;
}

// An answer that asks or assigns instead of telling: a question line, or an exercise
// (`…작성하세요.`, `…구하시오.`).
bool asks_instead(std::string_view answer) {
  std::string_view first = trim(answer.substr(0, answer.find('\n')));
  while (starts_with(first, "-") || starts_with(first, "*") || starts_with(first, ">")) {
    first = trim(first.substr(1));
  }
  while (!first.empty() && (first.back() == '.' || first.back() == ' ')) first.remove_suffix(1);
  if (ends_with(first, "?") || ends_with(first, "\xEF\xBC\x9F")) return true;
  for (const std::string_view ending : {"하세요", "하시오", "구하라", "쓰시오", "작성하라"}) {
    if (ends_with(first, ending)) return true;
  }
  return false;
}

// How many words of prose `answer` has outside formulas (`$$…$$`, `$…$`), code and labels that
// only introduce them (`**Gradients**:`).
std::size_t prose_words(std::string_view answer) {
  std::string prose;
  bool display = false;
  bool fence = false;
  for (const std::string_view line : split_lines(answer)) {
    const std::string_view t = trim(line);
    if (starts_with(t, "```") || starts_with(t, "~~~")) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    std::string kept;
    bool inline_math = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t.compare(i, 2, "$$") == 0) {
        display = !display;
        ++i;
        continue;
      }
      if (t[i] == '$') {
        inline_math = !inline_math;
        continue;
      }
      if (!display && !inline_math) kept += t[i];
    }
    std::string_view k = trim(kept);
    while (!k.empty() && (k.front() == '-' || k.front() == '*' || k.front() == '>')) {
      k = trim(k.substr(1));
    }
    if (ends_with(k, ":") && word_count(k) <= 3) continue;  // a label over a formula
    prose += std::string(k) + ' ';
  }
  std::size_t words = 0;
  for (const std::string_view word : split_words(prose)) {
    if (has_word_character(word)) ++words;
  }
  return words;
}

bool starts_on_particle(std::string_view line) {
  const std::vector<std::string_view> words = split_words(trim(line));
  if (words.empty()) return false;
  for (const std::string_view particle : {"에서", "에서는", "에", "에는", "의", "을", "를", "은", "는",
                                          "과", "와", "로", "으로", "에게"}) {
    if (words.front() == particle) return true;
  }
  return false;
}

namespace {

// The words of `s` (split at spaces, hyphens and punctuation) of three letters or more, each cut
// to its first four: `Out-of-vocabulary` → {voca}, `Information Retreival` → {info, retr}.
std::vector<std::string> word_stems(std::string_view s) {
  std::vector<std::string> stems;
  std::string word;
  const auto flush = [&] {
    if (word.size() >= 3) stems.push_back(word.substr(0, 4));
    word.clear();
  };
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    } else {
      flush();
    }
  }
  flush();
  return stems;
}

// Whether an acronym's expansion is already written in the card's breadcrumb: all its words of
// three letters or more begin a word of one heading (`Out of Vocab` gives `Out-of-vocabulary`
// away, `Context Free Grammars` gives `context-free grammar`).
bool given_by_context(std::string_view expansion, const std::vector<std::string>& context) {
  const std::vector<std::string> want = word_stems(expansion);
  if (want.size() < 2) return false;
  for (const std::string& heading : context) {
    const std::vector<std::string> have = word_stems(heading);
    if (std::all_of(want.begin(), want.end(), [&](const std::string& stem) {
          return std::find(have.begin(), have.end(), stem) != have.end();
        })) {
      return true;
    }
  }
  return false;
}

// `a[i][0]`, `x == y`: an expression of code, which names no concept.
bool is_code_expression(std::string_view term) {
  for (std::size_t at = term.find('['); at != std::string_view::npos; at = term.find('[', at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(term[at - 1])) != 0 ||
                   term[at - 1] == '_' || term[at - 1] == ']') &&
        term.find(']', at) != std::string_view::npos) {
      return true;
    }
  }
  // `v.push_back(data); v.pop_back(data);`: statements (one call alone names an API, and stays).
  if (const std::size_t semi = term.find(';');
      semi != std::string_view::npos && term.find(';', semi + 1) != std::string_view::npos) {
    return true;
  }
  return term.find("==") != std::string_view::npos || term.find("!=") != std::string_view::npos;
}

// `addFirst : head에 자료 삽입`, `isPresent() : 값이 있으면 true`: a method's name glossed in a few
// words says again what the name says (judged trivial, 3 of 3). A name that runs lower case into
// upper case (`peekFront`) or ends in `()` is a method's; a longer gloss may explain it.
bool glosses_method_name(std::string_view term, std::string_view answer) {
  std::string_view name = trim(term);
  if (starts_with(name, "`") && ends_with(name, "`") && name.size() > 2) name = name.substr(1, name.size() - 2);
  if (name.empty() || name.find(' ') != std::string_view::npos || word_count(answer) > 6 ||
      answer.find('\n') != std::string_view::npos) {
    return false;
  }
  const bool call = ends_with(name, "()");
  if (call) name.remove_suffix(2);
  if (name.empty() || std::islower(static_cast<unsigned char>(name.front())) == 0) return false;
  bool camel = false;
  for (std::size_t k = 0; k < name.size(); ++k) {
    const auto c = static_cast<unsigned char>(name[k]);
    if (std::isalnum(c) == 0 && c != '_') return false;
    if (k > 0 && std::isupper(c) != 0 && std::islower(static_cast<unsigned char>(name[k - 1])) != 0) {
      camel = true;
    }
  }
  return camel || call;
}

// `typeof instance === 'number'`, `x => x * 2`: a line of code where the meaning should be.
bool is_code_line(std::string_view answer) {
  if (answer.find('\n') != std::string_view::npos || answer.find('$') != std::string_view::npos) {
    return false;
  }
  for (const std::string_view op : {"===", "!==", "==", "!=", "=>", "&&", "||", "();", "++;"}) {
    if (answer.find(op) != std::string_view::npos) return word_count(answer) <= 6;
  }
  return false;
}

// `(e.g. automated checkouts)`, `Example: the XOR problem …`, `예) …`: an instance of the term
// given where what it is should be.
bool gives_example(std::string_view answer) {
  std::string_view first = trim(answer);
  while (starts_with(first, "(") || starts_with(first, "-") || starts_with(first, "*")) {
    first = trim(first.substr(1));
  }
  const std::string lower = ascii_lower(first.substr(0, std::min<std::size_t>(first.size(), 16)));
  for (const std::string_view lead : {"e.g.", "e.g ", "eg.", "ex)", "ex.", "ex:", "example:",
                                      "for example", "for instance", "such as ", "예)", "예:",
                                      "예시:", "예를 들어", "예를 들면"}) {
    if (starts_with(lower, lead)) return true;
  }
  return false;
}

// `- F, B, A, D, C, E`, `1, 1, 2, 3, 5, 8`: a sequence of short values (a traversal's output, a
// series) shown where what the term is should be.
bool lists_values(std::string_view answer) {
  std::string_view text = trim(answer);
  while (starts_with(text, "-") || starts_with(text, "*")) text = trim(text.substr(1));
  if (text.find('\n') != std::string_view::npos) return false;
  std::size_t values = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view value = trim(text.substr(start, comma - start));
    if (value.empty() || code_point_count(value) > 3) return false;
    ++values;
    start = comma + 1;
  }
  return values >= 4;
}

// `다뤄보도록 하겠다`, `다룰 예정`, `will be covered later`: the text says it will explain later.
bool promises_more(std::string_view answer) {
  const std::string lower = ascii_lower(answer);
  for (const std::string_view promise :
       {"\xEB\x8B\xA4\xEB\xA4\x84\xEB\xB3\xB4\xEB\x8F\x84\xEB\xA1\x9D",   // 다뤄보도록
        "\xEB\x8B\xA4\xEB\xA3\xA8\xEB\x8F\x84\xEB\xA1\x9D",                   // 다루도록
        "\xEB\x8B\xA4\xEB\xA3\xB0 \xEC\x98\x88\xEC\xA0\x95",                  // 다룰 예정
        "\xEC\xA0\x95\xEB\xA6\xAC\xED\x95\x98\xEB\x8F\x84\xEB\xA1\x9D \xED\x95\x98\xEA\xB2\xA0",  // 정리하도록 하겠
        "will be covered later", "we will cover", "will be discussed later", "more on this later"}) {
    if (lower.find(promise) != std::string::npos) return true;
  }
  return false;
}

// Whether `answer` is nothing but inline code spans joined by commas or `and`/`or`.
bool only_code_spans(std::string_view answer) {
  if (!starts_with(answer, "`") || answer.find('\n') != std::string_view::npos) return false;
  std::size_t spans = 0;
  std::size_t i = 0;
  while (i < answer.size()) {
    if (answer[i] == '`') {
      const std::size_t close = answer.find('`', i + 1);
      if (close == std::string_view::npos) return false;
      ++spans;
      i = close + 1;
      continue;
    }
    const std::size_t next = answer.find('`', i);
    const std::string between = ascii_lower(trim(answer.substr(i, next - i)));
    if (!between.empty() && between != "," && between != "and" && between != "or" &&
        between != ", and" && between != ", or" && between != "/" && between != "." &&
        between != "\xEB\x93\xB1") {  // 등
      return false;
    }
    if (next == std::string_view::npos) break;
    i = next;
  }
  return spans >= 2;
}

// `t1`, `t2`: a time step or a variable of a worked example, not a concept (`L1`, `L2` name cache
// levels and penalties).
bool is_step_label(std::string_view term) {
  // `3차`, `2단계`, `1회차`: a number and a counter of rounds or stages name a step of a process the
  // note sets out, not a concept (judged wrong-term in round 25).
  if (!term.empty() && std::isdigit(static_cast<unsigned char>(term.front())) != 0) {
    std::string_view rest = term;
    while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front())) != 0) {
      rest.remove_prefix(1);
    }
    rest = trim(rest);
    for (const std::string_view counter :
         {"\xEC\xB0\xA8",                          // 차
          "\xEB\x8B\xA8\xEA\xB3\x84",              // 단계
          "\xED\x9A\x8C\xEC\xB0\xA8",              // 회차
          "\xEC\xA3\xBC\xEC\xB0\xA8",              // 주차
          "\xEC\x9D\xBC\xEC\xB0\xA8",              // 일차
          "\xEA\xB5\x90\xEC\x8B\x9C"}) {           // 교시
      if (rest == counter) return true;
    }
  }
  if (term.size() < 2 || term.size() > 3 || std::islower(static_cast<unsigned char>(term[0])) == 0) {
    return false;
  }
  return std::all_of(term.begin() + 1, term.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// `Based on gradient descent …, we can use gradient descent for logistic regression.`: one
// sentence that ends on the term it should explain says only that the term applies (judged
// trivial). A sentence that names it at the end (`… is called X.`) is a definition.
bool restates(std::string_view answer, std::string_view term) {
  if (answer.find('\n') != std::string_view::npos) return false;
  std::string_view a = trim(answer);
  while (!a.empty() && (a.back() == '.' || a.back() == ' ')) a.remove_suffix(1);
  // Most answers end on another word than the term does: compare the last letters first.
  const std::string_view bare = trim(term);
  if (a.empty() || bare.empty() ||
      std::tolower(static_cast<unsigned char>(a.back())) !=
          std::tolower(static_cast<unsigned char>(bare.back()))) {
    return false;
  }
  const std::string t = ascii_lower(strip_emphasis(term));
  if (t.empty() || a.size() <= t.size() ||
      ascii_lower(a.substr(a.size() - t.size())) != t || word_count(t) < 2 ||
      contains_hangul(a) || split_sentences(answer).size() != 1) {
    return false;
  }
  // The word before the term: `called`, `known as`, `is a`, `the` name it rather than use it.
  const std::string_view before = trim(a.substr(0, a.size() - t.size()));
  const std::string last = ascii_lower(before.substr(before.rfind(' ') + 1));
  for (const std::string_view naming :
       {"called", "named", "termed", "name", "as", "is", "are", "a", "an", "the"}) {
    if (last == naming) return false;
  }
  return true;
}

// Whether `answer` is one sentence saying how many kinds or ways there are, and nothing else.
bool counts_kinds(std::string_view answer) {
  if (answer.find('\n') != std::string_view::npos) return false;
  std::string_view a = trim(answer);
  while (!a.empty() && (a.back() == '.' || a.back() == ':' || a.back() == ' ')) a.remove_suffix(1);
  if (starts_with(a, "There are ") || starts_with(a, "there are ")) {
    const std::string lower = ascii_lower(a.substr(0, std::min<std::size_t>(a.size(), 24)));
    for (const std::string_view start : {"there are two ", "there are three ", "there are several ",
                                         "there are many ", "there are various "}) {
      if (starts_with(lower, start) && word_count(a) <= 10) return split_sentences(a).size() == 1;
    }
  }
  // `… 두 가지 방식이 존재한다`, `… 세가지 종류가 있다`: a count of kinds (`가지`) and at most a noun
  // before the verb of being.
  for (const std::string_view being : {" \xEC\x9E\x88\xEB\x8B\xA4",                    // 있다
                                       " \xEC\xA1\xB4\xEC\x9E\xAC\xED\x95\x9C\xEB\x8B\xA4"}) {  // 존재한다
    if (!ends_with(a, being)) continue;
    const std::size_t kinds = a.rfind("\xEA\xB0\x80\xEC\xA7\x80");  // 가지, not 가지고 (has)
    const std::string_view after = kinds == std::string_view::npos ? std::string_view{}
                                                                   : a.substr(kinds + 6);
    if (kinds != std::string_view::npos && (starts_with(after, " ") ||
                                            starts_with(after, "\xEA\xB0\x80 ")) &&  // 가
        word_count(a.substr(kinds)) <= 3) {
      return split_sentences(a).size() == 1;
    }
  }
  return false;
}

}  // namespace

std::string gate_reason(const CardDraft& card) {
  if (card.confidence >= 1.0) return {};
  const std::string_view question = std::string_view(card.question).substr(0, card.question.find('\n'));
  if (has_markup(question)) return "markup";
  const std::string_view answer = trim(card.answer);
  if (starts_with(answer, "{:") || starts_with(answer, "style=")) return "markup";
  // `Y$$가 서로 독립인 경우`: the answer starts inside a formula it cut.
  if (starts_with(answer, "$$") == false && answer.find("$$") != std::string_view::npos &&
      answer.find("$$") < 12 && answer.find("$$", answer.find("$$") + 2) == std::string_view::npos) {
    return "markup";
  }
  // `a_t) + \gamma V(s_{t+1})$$을 활용하는 방법`: an odd number of `$$` is a formula cut in two.
  std::size_t displays = 0;
  for (std::size_t at = answer.find("$$"); at != std::string_view::npos;
       at = answer.find("$$", at + 2)) {
    ++displays;
  }
  if (displays % 2 == 1) return "markup";
  // `see k-nearest neighbors`, `cf. Chapter 3`, `위 표 참고`: a pointer to the answer, not one.
  {
    const std::string lower = ascii_lower(answer.substr(0, std::min<std::size_t>(answer.size(), 12)));
    if (starts_with(lower, "see ") || starts_with(lower, "cf. ") || starts_with(lower, "cf ") ||
        starts_with(lower, "refer to ") ||
        (word_count(answer) <= 5 && (ends_with(answer, "\xEC\xB0\xB8\xEA\xB3\xA0") ||     // 참고
                                     ends_with(answer, "\xEC\xB0\xB8\xEC\xA1\xB0")))) {  // 참조
      return "anaphora";
    }
  }
  if (answer.empty() || !has_word_character(answer)) return "empty";
  // `- 수신 윈도우:\n  -\n`: an item left empty (where a picture stood), or one side of a comparison
  // with nothing under it: the card shows less than the note (judged code-or-table, round 25).
  for (std::size_t begin = 0; begin < answer.size();) {
    const std::size_t end = std::min(answer.find('\n', begin), answer.size());
    const std::string_view item = trim(answer.substr(begin, end - begin));
    begin = end + 1;
    if (item == "-" || item == "*" || item == "+") return "empty";
    if (card.kind == "comparison" && starts_with(item, "- ") && ends_with(item, ":") &&
        (end == answer.size() || answer.substr(begin, 1) != " ")) {
      return "empty";
    }
  }
  // `&lambda; &Sigma;i |wi| = &lambda; |**w**|1,`: a formula written in HTML entities, with few
  // words besides them.
  if (answer.find('&') != std::string_view::npos) {
    std::size_t entities = 0;
    std::string words;  // the answer without its entities
    std::size_t from = 0;
    for (std::size_t at = answer.find('&'); at != std::string_view::npos; at = answer.find('&', at + 1)) {
      std::size_t end = at + 1;
      while (end < answer.size() && std::isalpha(static_cast<unsigned char>(answer[end])) != 0) ++end;
      if (end > at + 1 && end < answer.size() && answer[end] == ';') {
        ++entities;
        words.append(answer.substr(from, at - from)).push_back(' ');
        from = end + 1;
      }
    }
    words.append(answer.substr(std::min(from, answer.size())));
    if (entities >= 2 && prose_words(words) < 4) return "formula";
  }
  // `and how does it differ …`: the answer starts inside a clause the card does not show.
  // `which calculate attention score`: a relative clause whose noun the card does not show.
  if (starts_with(answer, "and ") || starts_with(answer, "or ") || starts_with(answer, "but ") ||
      starts_with(answer, "which ") || starts_with(answer, "who ") || starts_with(answer, "whose ")) {
    return "fragment";
  }
  // `` `I/O or Event Wait`, `Exit` ``: names written as code, one after another, with nothing said
  // about them.
  if (only_code_spans(answer)) return "code";
  // `A Top-Down Approach 6th, James F. Kurose 지음`: a book's title and authors.
  if (ends_with(answer, "\xEC\xA7\x80\xEC\x9D\x8C") && word_count(answer) <= 12) return "citation";  // 지음
  if (card.kind == "definition" && is_step_label(trim(card.term))) return "label";
  // `… 유사한 방법론이며 나중에 한 번 다뤄보도록 하겠다`, `We will cover it later`: a promise of
  // text to come, in a one-sentence answer that has little else.
  if ((card.kind == "definition" || card.kind == "qa") && split_sentences(answer).size() == 1 &&
      promises_more(answer)) {
    return "promise";
  }
  // `CS : 프로세스/단일 스레드/멀티 스레드 차이`: a line of a study list naming what to compare, not
  // what the term is.
  if (card.kind == "definition" && answer.find('\n') == std::string_view::npos &&
      word_count(answer) <= 8 &&
      (ends_with(answer, "\xEC\xB0\xA8\xEC\x9D\xB4") ||                       // 차이
       ends_with(answer, "\xEC\xB0\xA8\xEC\x9D\xB4\xEC\xA0\x90"))) {       // 차이점
    return "toc";
  }
  // `에서 UDP를 사용하는 이유`: a line that starts on a Korean particle is the rest of a clause whose
  // subject went into the question.
  {
    bool code = false;  // a line of a code block is not prose (`의 IP가 형성되고` after a result)
    for (const std::string_view line : split_lines(answer)) {
      const std::string_view t = trim(line);
      if (starts_with(t, "```") || starts_with(t, "~~~")) code = !code;
      if (!code && starts_on_particle(line)) return "fragment";
    }
  }
  // `- Where: $\hat{y}$ is …`: the answer explains a formula the card does not show.
  {
    std::string_view first = trim(answer.substr(0, answer.find('\n')));
    while (starts_with(first, "-") || starts_with(first, "*")) first = trim(first.substr(1));
    const std::string lower = ascii_lower(first.substr(0, std::min<std::size_t>(first.size(), 8)));
    if (lower == "where:" || lower == "where" || starts_with(lower, "where: ") ||
        starts_with(first, "여기서,") || first == "여기서") {
      return "anaphora";
    }
  }
  // `[hello, world, the, wind]`: an example value written as code, not an explanation.
  if (starts_with(answer, "[") && ends_with(answer, "]") && answer.find('\n') == std::string_view::npos &&
      answer.find("](") == std::string_view::npos) {
    return "markup";
  }
  // `- **Loss Function**: $$L = …$$ - **Gradients**: $$…$$`: formulas with labels, no words.
  if (answer.find('$') != std::string_view::npos && prose_words(answer) < 3) return "formula";
  // `잘 선택된 $$\delta$$ 영역`: a few words around a symbol defined in text the card does not
  // show (judged anaphora twice).
  if (card.kind == "definition" && answer.find('$') != std::string_view::npos &&
      answer.find('\n') == std::string_view::npos && prose_words(answer) <= 4) {
    return "symbol";
  }
  const std::string_view term = trim(card.term);
  if (card.kind == "acronym" && !balanced(answer)) return "fragment";  // `NP), or adverbial nouns`
  // `What does CFG stand for?` under `Context Free Grammars`: the breadcrumb gives it away.
  if (card.kind == "acronym" &&
      given_by_context(answer.substr(0, answer.find('\n')), card.context)) {
    return "trivial";
  }
  if (card.kind == "definition" || card.kind == "acronym") {
    if (is_label(strip_emphasis(term))) return "label";
    // `조건 : …`, `Steps: …` alone: an aspect of what the line sits under, not a concept.
    if (card.rule == "term-colon" || card.rule == "nested-term") {
      if (const std::optional<Aspect> aspect = as_aspect(strip_emphasis(term));
          aspect && aspect->subject.empty() && !aspect->defines && !aspect->skip) {
        return "label";
      }
    }
    // `Relative error > 1e-4`: a condition, not a name.
    if (term.find(" > ") != std::string_view::npos || term.find(" < ") != std::string_view::npos ||
        term.find(">=") != std::string_view::npos || term.find("<=") != std::string_view::npos) {
      return "symbol";
    }
    // `그림`, `위 그림`, `아래 표`: a pointer at a figure or table.
    for (const std::string_view figure : {"그림", "표", "figure", "Figure", "table", "Table"}) {
      if (term == figure || ends_with(term, std::string(" ") + std::string(figure))) {
        return "anaphora";
      }
    }
    if (term.find('$') != std::string_view::npos) return "symbol";  // a formula or a variable
    // `AI분야의 본래 목적 중 하나`, `위치 인코딩의 각 차원`, `term "Perceptron"`, `첫 번째 방식`,
    // `key to LSTMs`: a phrase about a part or a member of something, or about a word, is no name
    // of its own.
    {
      const std::string lower_term = ascii_lower(term);
      if (ends_with(term, "\xEC\xA4\x91 \xED\x95\x98\xEB\x82\x98") ||           // 중 하나
          term.find("\xEC\x9D\x98 \xEA\xB0\x81 ") != std::string_view::npos ||  // 의 각
          starts_with(term, "\xEA\xB0\x81 ") ||                                      // 각
          starts_with(lower_term, "term ") || starts_with(lower_term, "the term ") ||
          starts_with(lower_term, "one of ") || starts_with(lower_term, "each ") ||
          starts_with(lower_term, "key to ") || starts_with(lower_term, "the key to ") ||
          term.find("\xEB\xB2\x88\xEC\xA7\xB8 ") != std::string_view::npos) {  // `첫 번째 방식`
        return "fragment";
      }
    }
    for (const std::string_view word : split_words(term)) {
      // `v_w`, `x_t`: a subscripted variable, named by a formula the card does not show.
      if (word.size() <= 5 && word.find('_') != std::string_view::npos) return "symbol";
    }
    if (is_bare_symbol(term)) return "symbol";
    if (word_count(term) <= 2 && is_anaphora(term)) return "anaphora";
    if (starts_pointing(term)) return "anaphora";
    // `contribution from this paper`, `appeal of this`: the term points at text it does not show.
    const std::vector<std::string_view> term_words = split_words(term);
    for (std::size_t k = 0; k < term_words.size(); ++k) {
      const std::string_view word = term_words[k];
      const std::string lower = ascii_lower(word);
      // `IP 프로토콜의 경우 이 주소`: `이`, `그`, `해당` before a noun point at it.
      const bool points = (word == "이" || word == "그" || word == "해당") && k + 1 < term_words.size();
      if (lower == "this" || lower == "these" || lower == "those" || word == "이러한" ||
          word == "이런" || points) {
        return "anaphora";
      }
    }
    if (is_hash(term)) return "markup";
    if (!has_visible_word(term)) return "empty";
    if (is_latex(term)) return "latex";
    if (!balanced(term) || term.find('*') != std::string_view::npos) return "fragment";
    if (is_glued_number_label(term)) return "label";
    if (is_clause_like(term)) return "fragment";
    // `Whereas stemming is …, lemmatization …`: the term opens a clause that leans on another.
    // `하나의 트랜잭션은 …`, `Each node …`: a quantifier in front makes a statement about some
    // of a kind, not a name for it.
    if (const std::vector<std::string_view> words = split_words(term); words.size() > 1) {
      const std::string first = ascii_lower(words.front());
      for (const std::string_view opener :
           {"whereas", "while", "although", "though", "unlike", "because", "since", "if", "when",
            "each", "every", "any", "some", "many", "second", "third", "fourth", "fifth",
            "former", "latter", "하나의", "모든", "각", "각각의", "어떤",
            "어느", "여러", "많은", "대부분의", "한", "두", "세", "네", "몇", "몇몇"}) {
        if (first == opener) return "fragment";
      }
      // `따서 SOLID`, `통해 학습된 모델`: a connective left over from the clause before the name.
      for (const std::string_view connective : {"따서", "해서", "하여", "통해", "위해", "인해",
                                                "대해", "의해", "따라"}) {
        if (words.front() == connective) return "fragment";
      }
      // `A good overview and introduction is …`, `The best way to start is …`: a
      // recommendation, told about something the sentence then names.
      for (const std::string_view praise : {"good", "great", "nice", "best", "better", "useful",
                                            "interesting", "excellent", "handy", "cool"}) {
        if (first == praise && words.size() >= 3) return "misframed";  // not `Best fit`
      }
    }
    if (is_code_expression(term) || is_code_line(answer)) return "code";
    if (card.rule == "term-colon" && glosses_method_name(term, answer)) return "trivial";
    if (gives_example(answer) || lists_values(answer)) return "misframed";
    // `Backpropagation with RNNs is a little more challenging …`: `is a …` read as a kind of
    // thing where the sentence says how much of a quality it has.
    {
      const std::string head = ascii_lower(answer.substr(0, std::min<std::size_t>(answer.size(), 14)));
      if (starts_with(head, "a little ") || starts_with(head, "a bit more ") ||
          starts_with(head, "a bit less ") || starts_with(head, "a lot more ") ||
          starts_with(head, "a lot less ") || starts_with(head, "a great deal ")) {
        return "misframed";
      }
    }
    // `a parametric model, an RBF kernel SVM isn't, and the complexity of the latter grows …`: a
    // contrast whose other side the card does not show.
    {
      const std::string_view line = answer.substr(0, answer.find('\n'));
      if (line.find("atter") != std::string_view::npos || line.find("ormer") != std::string_view::npos) {
        const std::string lower = ascii_lower(line);
        if (lower.find("the latter") != std::string::npos ||
            lower.find("the former") != std::string::npos) {
          return "anaphora";
        }
      }
      if (line.find("\xED\x9B\x84\xEC\x9E\x90") != std::string_view::npos) return "anaphora";  // 후자
    }
    if (only_names(answer, term)) return "anaphora";
    if (is_task_title(term) || has_label_last_word(term)) return "label";
    if (asks_instead(answer)) return "misframed";
    if (restates(answer, term)) return "trivial";
  }
  // `컴퓨터에서 실수를 표현하는 방법은 A와 B 두가지 방식이 존재한다.`, `There are two kinds of X.`:
  // a sentence that says how many there are leads in to what the card does not show.
  if ((card.kind == "definition" || card.kind == "comparison") && counts_kinds(answer)) {
    return "misframed";
  }
  return {};
}

namespace {

// `<img src='…'>` alone on a line, or as a list item's only text.
bool is_image_line(std::string_view line) {
  std::string_view t = trim(line);
  if (starts_with(t, "- ") || starts_with(t, "* ")) t = trim(t.substr(2));
  return starts_with(ascii_lower(t.substr(0, std::min<std::size_t>(t.size(), 4))), "<img") &&
         ends_with(t, ">") && t.find('>') == t.size() - 1;
}

}  // namespace

std::string clean_answer(std::string_view answer) {
  std::string out;
  bool fence = false;
  const std::vector<std::string_view> lines = split_lines(answer);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const std::string_view t = trim(line);
    if (starts_with(t, "```") || starts_with(t, "~~~")) fence = !fence;
    // A picture given as an HTML tag (alone, or as an item whose only text it is, `-` then the
    // tag under it) shows nothing on a card.
    if (!fence && (is_image_line(line) ||
                   ((t == "-" || t == "*") && i + 1 < lines.size() && is_image_line(lines[i + 1])))) {
      continue;
    }
    std::string kept;
    if (fence || starts_with(t, "```") || starts_with(t, "~~~")) {
      kept = std::string(line);
    } else if (line.find("![") != std::string_view::npos ||
               line.find("{:") != std::string_view::npos ||
               line.find("[[") != std::string_view::npos ||
               line.find("<sup>") != std::string_view::npos ||
               line.find("<img") != std::string_view::npos) {
      const std::size_t indent = line.size() - std::string_view(line).substr(
                                                   line.find_first_not_of(' ') == std::string_view::npos
                                                       ? line.size()
                                                       : line.find_first_not_of(' '))
                                                   .size();
      kept = std::string(line.substr(0, indent)) + clean_inline(line);
      const std::string_view rest = trim(kept);
      if (rest.empty() || rest == "-" || rest == "*" || rest == ">" || rest == "- -") continue;
    } else {
      kept = std::string(line);
    }
    // `<hr>`, `<br/>`, `</br>` alone on a line: layout, not text.
    if (!fence) {
      const std::string tag = ascii_lower(trim(kept));
      if (tag == "<hr>" || tag == "<hr/>" || tag == "<hr />" || tag == "<br>" || tag == "<br/>" ||
          tag == "<br />" || tag == "</br>") {
        kept.clear();
      }
    }
    // Lines left blank where an image stood: one blank line between paragraphs is enough.
    if (!fence && trim(kept).empty() && (out.empty() || ends_with(out, "\n"))) continue;
    if (!out.empty()) out += '\n';
    out += kept;
  }
  while (ends_with(out, "\n")) out.pop_back();
  return out;
}

namespace {

// A line that stops where a formula or figure took over: no closing punctuation, and its last
// word needs something after it (`…, where`, `In the binary case, we have`, `… is given by`,
// `다음과 같이`).
bool ends_open(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '=') return true;
  if (!std::isalpha(static_cast<unsigned char>(last)) && static_cast<unsigned char>(last) < 0x80) {
    return false;  // `.`, `)`, `$`, a digit, …: closed, or a formula of its own
  }
  if (ends_with(line, "\xEA\xB0\x99\xEC\x9D\xB4")) return true;  // `같이`
  const std::vector<std::string_view> words = split_words(line);
  if (words.size() < 2) return false;
  static constexpr auto kOpen = std::to_array<std::string_view>(
      {"where", "which", "whereby", "that", "have", "has", "get", "gets", "obtain", "is", "are",
       "was", "be", "becomes", "become", "as", "by", "of", "to", "the", "an", "with",
       "given", "gives", "follows", "equals", "like", "using", "via", "namely", "thus", "hence",
       "then", "and", "or", "from", "into", "for", "such"});
  const std::string w = ascii_lower(words.back());
  return std::find(kOpen.begin(), kOpen.end(), w) != kOpen.end();
}

// `…, where`, `…, which`: a relative clause the formula after it was to finish.
bool ends_relative(std::string_view line) {
  const std::vector<std::string_view> words = split_words(trim(line));
  if (words.size() < 2) return false;
  const std::string w = ascii_lower(words.back());
  const std::string_view before = words[words.size() - 2];
  return (w == "where" || w == "which" || w == "whereby") && ends_with(before, ",");
}

}  // namespace

std::optional<std::string> without_trailing_lead_in(std::string_view answer) {
  std::vector<std::string_view> lines = split_lines(answer);
  while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
  // The pointer fit_answer leaves after a cut (`(… see note.md:12)`) stays last.
  std::optional<std::string_view> pointer;
  if (!lines.empty() && starts_with(trim(lines.back()), "(\xE2\x80\xA6 ")) {
    pointer = lines.back();
    lines.pop_back();
  }
  if (lines.empty()) return std::nullopt;
  const std::string_view last = trim(lines.back());
  if (starts_with(last, "```")) return std::nullopt;
  const bool colon = ends_with(last, ":") || ends_with(last, "\xEF\xBC\x9A");
  if (!colon && !ends_open(last)) return std::nullopt;
  // Keep the sentences of the last line before its closing one (`… model. Examples:`), and of
  // the closing one what comes before a short leading-in clause (`a set of filters, arranged as
  // shown below:`).
  const std::string_view last_line = lines.back();
  const std::vector<Sentence> sentences = split_sentences(last_line);
  std::string_view kept_part;
  if (const std::size_t clause_end = last_line.rfind(", "); !colon && clause_end != std::string_view::npos &&
      ends_relative(last_line) && word_count(last_line.substr(0, clause_end)) >= 4) {
    // `a regularizer that mixes …, where`: the clause before the comma is whole.
    kept_part = last_line.substr(0, clause_end);
  } else if (!sentences.empty()) {
    const std::string_view closing = sentences.back().text;
    std::size_t cut = static_cast<std::size_t>(closing.data() - last_line.data());
    // (`In the binary case, we have` leads in as a whole: its first clause says nothing alone.)
    if (const std::size_t comma = closing.rfind(", "); colon && comma != std::string_view::npos &&
        word_count(closing.substr(0, comma)) >= 3 && word_count(closing.substr(comma)) <= 8) {
      cut += comma;
    }
    kept_part = last_line.substr(0, cut);
    while (!kept_part.empty() && kept_part.back() == ' ') kept_part.remove_suffix(1);
  }
  lines.pop_back();
  // The blank lines before the lead-in go with it.
  while (!lines.empty() && kept_part.empty() && trim(lines.back()).empty()) lines.pop_back();
  std::string trimmed;
  for (const std::string_view line : lines) {
    if (!trimmed.empty()) trimmed += '\n';
    trimmed += line;
  }
  if (!trim(kept_part).empty() && !(trim(kept_part) == "-" || trim(kept_part) == "*")) {
    if (!trimmed.empty()) trimmed += '\n';
    trimmed += kept_part;
  }
  if (!has_word_character(trimmed)) return std::string();
  if (pointer) trimmed += "\n" + std::string(*pointer);
  return trimmed;
}

std::optional<std::string> without_opening_connective(std::string_view answer,
                                                      std::string_view question) {
  // Most answers open on a letter other than these connectives' first: passed at once.
  if (answer.empty() || std::string_view("NSBFIOA").find(answer.front()) == std::string_view::npos) {
    return std::nullopt;
  }
  static constexpr auto kConnectives = std::to_array<std::string_view>(
      {"Now, ", "So, ", "Basically, ", "Simply put, ", "In short, ", "In a nutshell, ",
       "Finally, ", "Ok, ", "OK, ", "Okay, ", "All in all, "});
  for (const std::string_view connective : kConnectives) {
    if (!starts_with(answer, connective)) continue;
    const std::string_view rest = answer.substr(connective.size());
    const std::size_t space = rest.find_first_of(" ,");
    std::string first = ascii_lower(rest.substr(0, space));
    // `Now, the F1 score is …`: an article before the word.
    if ((first == "the" || first == "a" || first == "an") && space != std::string_view::npos) {
      const std::string_view after = rest.substr(space + 1);
      first = ascii_lower(after.substr(0, after.find_first_of(" ,")));
    }
    if (first.size() < 3 || !std::isalpha(static_cast<unsigned char>(first.front()))) {
      return std::nullopt;
    }
    // The word is the question's (`What is overfitting?`): the sentence is about what is asked.
    const std::string asked = ascii_lower(question);
    std::size_t at = asked.find(first);
    const auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    while (at != std::string::npos &&
           ((at > 0 && letter(asked[at - 1])) ||
            (at + first.size() < asked.size() && letter(asked[at + first.size()]) &&
             asked[at + first.size()] != 's'))) {
      at = asked.find(first, at + 1);
    }
    if (at == std::string::npos) return std::nullopt;
    std::string out(rest);
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
  }
  return std::nullopt;
}

std::optional<std::string> without_figure_captions(std::string_view answer) {
  // Most answers announce no figure: passed at once.
  if (answer.find(":\n") == std::string_view::npos) return std::nullopt;
  const std::vector<std::string_view> lines = split_lines(answer);
  for (std::size_t k = 1; k + 1 < lines.size(); ++k) {
    const std::string_view line = trim(lines[k]);
    if (!ends_with(line, ":")) continue;
    const std::string lower = ascii_lower(line);
    const bool figures = lower.find("plot") != std::string::npos ||
                         lower.find("figure") != std::string::npos ||
                         lower.find("below") != std::string::npos ||
                         lower.find("shown") != std::string::npos ||
                         line.find("\xEA\xB7\xB8\xEB\xA6\xBC") != std::string_view::npos ||  // 그림
                         line.find("\xEC\x95\x84\xEB\x9E\x98") != std::string_view::npos;    // 아래
    if (!figures) continue;
    // What follows is captions only: short lines with no sentence in them.
    bool captions = true;
    std::size_t any = 0;
    for (std::size_t j = k + 1; j < lines.size() && captions; ++j) {
      std::string_view caption = trim(lines[j]);
      if (caption.empty()) continue;
      // A list marker in front (`1. `, `2) `, `- `) is no part of the caption.
      std::size_t digits = 0;
      while (digits < caption.size() && std::isdigit(static_cast<unsigned char>(caption[digits])) != 0) ++digits;
      if (digits > 0 && digits + 1 < caption.size() && (caption[digits] == '.' || caption[digits] == ')')) {
        caption = trim(caption.substr(digits + 1));
      } else if (starts_with(caption, "- ") || starts_with(caption, "* ")) {
        caption = trim(caption.substr(2));
      }
      ++any;
      captions = word_count(caption) <= 6 && caption.find(". ") == std::string_view::npos &&
                 !ends_with(caption, ".") && !ends_with(caption, ":");
    }
    if (!captions || any == 0) continue;
    std::string before;
    for (std::size_t j = 0; j < k; ++j) {
      if (!before.empty()) before += '\n';
      before += lines[j];
    }
    if (word_count(before) < 8) return std::nullopt;
    return before;
  }
  return std::nullopt;
}

bool announces_missing(std::string_view answer) {
  // Nearly every answer has no line that ends in a colon before a blank line.
  if (answer.find(":\n\n") == std::string_view::npos &&
      answer.find(":\n \n") == std::string_view::npos) {
    return false;
  }
  bool fence = false;
  std::size_t begin = 0;
  while (begin < answer.size()) {
    const std::size_t end = std::min(answer.find('\n', begin), answer.size());
    const std::string_view line = trim(answer.substr(begin, end - begin));
    if (starts_with(line, "```") || starts_with(line, "~~~")) fence = !fence;
    begin = end + 1;
    if (fence || !ends_with(line, ":") || starts_with(line, "-") || starts_with(line, "*") ||
        end == answer.size()) {
      continue;
    }
    // The line after it must be blank, and the next text prose.
    const std::size_t blank_end = std::min(answer.find('\n', begin), answer.size());
    if (!trim(answer.substr(begin, blank_end - begin)).empty()) continue;
    std::size_t next = blank_end;
    while (next < answer.size() && (answer[next] == '\n' || answer[next] == ' ')) ++next;
    if (next >= answer.size()) continue;
    const std::string_view rest = answer.substr(next);
    const char c = rest.front();
    if (c == '-' || c == '*' || c == '+' || c == '$' || c == '`' || c == '|' || c == '>' ||
        std::isdigit(static_cast<unsigned char>(c)) != 0) {
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace recall::extract
