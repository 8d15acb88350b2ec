// Rule `cloze` (pattern 14): cloze deletions, one card per deletion.
//
//   The ==softmax== turns logits into a distribution.  → The [...] turns logits into a distribution.
//   {{c1::DDIM}}은 결정적 샘플러다.                     → [...]은 결정적 샘플러다.
//
// The question is the sentence with the deletion replaced by `[...]` (other deletions of the same
// sentence show their text); the answer is the hidden text. `{{c1::text::hint}}` hides `text`.
// Inside code spans nothing counts, and `{{…}}` without `cN::` (tldr placeholders, Liquid) is no
// deletion, except in a note written for Obsidian Spaced Repetition (`#flashcards`), where `{{x}}`
// is one. `==x==` needs text right inside the marks and no letter or digit right outside them.
// `**x**` is a deletion only in a note whose front matter opts in (`bold-clozes: true`), as OSR's
// "Convert **bolded text** to clozes" setting does; elsewhere bold is emphasis.
#include <algorithm>
#include <cctype>

#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"
#include "recall/extract/walk.hpp"

namespace recall::extract {
namespace {

struct Deletion {
  std::size_t begin = 0;  // of the markup, in the sentence
  std::size_t end = 0;    // one past the markup
  std::string hidden;
};

// ASCII letters and digits glue to `==`; Korean particles may follow it (`==키==의`).
bool is_word_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Byte ranges of code spans in `s`.
std::vector<std::pair<std::size_t, std::size_t>> code_spans(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '`') {
      ++i;
      continue;
    }
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == '`') ++n;
    const std::string fence(n, '`');
    const std::size_t close = s.find(fence, i + n);
    if (close == std::string_view::npos) {
      i += n;
      continue;
    }
    spans.emplace_back(i, close + n);
    i = close + n;
  }
  return spans;
}

// Which markup besides `==x==` and `{{cN::x}}` makes a deletion in a note.
struct Markup {
  bool braces = false;  // `{{x}}`: a note written for Obsidian Spaced Repetition
  bool bold = false;    // `**x**`: a note that opts in to OSR's bold clozes
};

// `**x**` at `s[i]`: one past its closing `**`, or 0 when it is none (`***`, `** x**`, a close
// inside a code span or on another line). `*` runs of other lengths are italics or rules.
std::size_t bold_end(std::string_view s, std::size_t i,
                     const std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  if (s.compare(i, 2, "**") != 0 || (i > 0 && s[i - 1] == '*')) return 0;
  if (i + 2 >= s.size() || s[i + 2] == ' ' || s[i + 2] == '*') return 0;
  const std::size_t close = s.find("**", i + 2);
  if (close == std::string_view::npos || s[close - 1] == ' ') return 0;
  const bool close_in_code = std::any_of(spans.begin(), spans.end(), [&](const auto& span) {
    return span.first <= close && close < span.second;
  });
  if (close_in_code) return 0;
  if (close + 2 < s.size() && s[close + 2] == '*') return 0;
  const std::string_view inner = s.substr(i + 2, close - i - 2);
  if (inner.find('\n') != std::string_view::npos || !has_word_character(inner)) return 0;
  return close + 2;
}

std::vector<Deletion> find_deletions(std::string_view s, Markup markup) {
  std::vector<Deletion> out;
  const auto spans = code_spans(s);
  std::size_t span = 0;
  const auto in_code = [&](std::size_t at) {
    while (span < spans.size() && spans[span].second <= at) ++span;
    return span < spans.size() && spans[span].first <= at;
  };
  for (std::size_t i = 0; i + 1 < s.size();) {
    if (in_code(i)) {
      ++i;
      continue;
    }
    if (s.compare(i, 3, "{{c") == 0) {
      std::size_t k = i + 3;
      while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
      const std::size_t close = s.find("}}", k);
      if (k > i + 3 && s.compare(k, 2, "::") == 0 && close != std::string_view::npos) {
        std::string_view inner = s.substr(k + 2, close - k - 2);
        if (const std::size_t hint = inner.find("::"); hint != std::string_view::npos) {
          inner = inner.substr(0, hint);
        }
        if (!trim(inner).empty()) out.push_back({i, close + 2, std::string(trim(inner))});
        i = close + 2;
        continue;
      }
    }
    if (markup.braces && s.compare(i, 2, "{{") == 0) {
      const std::size_t close = s.find("}}", i + 2);
      const std::string_view inner =
          close == std::string_view::npos ? std::string_view{} : s.substr(i + 2, close - i - 2);
      if (has_word_character(inner) && inner.find("::") == std::string_view::npos &&
          inner.find('\n') == std::string_view::npos) {
        out.push_back({i, close + 2, std::string(trim(inner))});
        i = close + 2;
        continue;
      }
    }
    if (markup.bold) {
      if (const std::size_t end = bold_end(s, i, spans); end != 0) {
        out.push_back({i, end, std::string(s.substr(i + 2, end - i - 4))});
        i = end;
        continue;
      }
    }
    if (s.compare(i, 2, "==") == 0 && (i == 0 || !is_word_byte(s[i - 1])) && i + 2 < s.size() &&
        s[i + 2] != ' ' && s[i + 2] != '=') {
      const std::size_t close = s.find("==", i + 2);
      if (close != std::string_view::npos && s[close - 1] != ' ' &&
          (close + 2 >= s.size() || !is_word_byte(s[close + 2])) &&
          s.substr(i + 2, close - i - 2).find('\n') == std::string_view::npos) {
        out.push_back({i, close + 2, std::string(s.substr(i + 2, close - i - 2))});
        i = close + 2;
        continue;
      }
    }
    ++i;
  }
  return out;
}

// hashcards' `C: The speed of light is [299,792,458] m/s.`: the `[…]` of a `C:` line are its
// deletions (a link's `[text](url)` and an image's `![alt]` are not).
std::vector<Deletion> bracket_deletions(std::string_view s) {
  std::vector<Deletion> out;
  const auto spans = code_spans(s);
  for (std::size_t open = s.find('['); open != std::string_view::npos;
       open = s.find('[', open + 1)) {
    const bool in_code = std::any_of(spans.begin(), spans.end(), [&](const auto& span) {
      return span.first <= open && open < span.second;
    });
    if (in_code || (open > 0 && (s[open - 1] == '!' || s[open - 1] == '['))) continue;
    const std::size_t close = s.find(']', open + 1);
    if (close == std::string_view::npos) break;
    if (close + 1 < s.size() && (s[close + 1] == '(' || s[close + 1] == '[')) continue;
    const std::string_view inner = trim(s.substr(open + 1, close - open - 1));
    if (inner.empty() || inner == "x" || inner.find('\n') != std::string_view::npos) continue;
    out.push_back({open, close + 1, std::string(inner)});
    open = close;
  }
  return out;
}

// `text` without the lines made only of tags (`#flashcards/geo #review`): a tag names the deck,
// it is not part of the sentence a cloze asks about.
std::string without_tag_lines(std::string_view text) {
  std::string out;
  for (const std::string_view line : split_lines(text)) {
    const std::vector<std::string_view> words = split_words(line);
    // A tag is `#` and then letters, digits, `/`, `-`, `_` (`#flashcards/geo`), not `#==x==`.
    const auto is_tag = [](std::string_view w) {
      if (w.size() < 2 || w[0] != '#') return false;
      return std::all_of(w.begin() + 1, w.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || std::isalnum(b) != 0 || c == '/' || c == '-' || c == '_';
      });
    };
    const bool tags = !words.empty() && std::all_of(words.begin(), words.end(), is_tag);
    if (tags) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// The cards of one sentence with its deletions, one per deletion.
void deletion_cards(std::string_view sentence, const std::vector<Deletion>& deletions, int line,
                    const std::vector<std::string>& context, RuleOutput& out) {
  for (std::size_t d = 0; d < deletions.size(); ++d) {
    std::string question;
    std::size_t at = 0;
    for (std::size_t k = 0; k < deletions.size(); ++k) {
      question += sentence.substr(at, deletions[k].begin - at);
      question += k == d ? std::string("[...]") : deletions[k].hidden;
      at = deletions[k].end;
    }
    question += sentence.substr(at);
    Proposal proposal;
    CardDraft& card = proposal.draft;
    card.question = std::string(trim(without_tag_lines(question)));
    if (card.question.empty()) card.question = std::string(trim(question));
    card.answer = deletions[d].hidden;
    card.kind = "cloze";
    card.rule = "cloze";
    card.confidence = 1.0;
    card.line = line;
    card.context = context;
    card.term = deletions[d].hidden;
    proposal.end_line = line + static_cast<int>(std::count(sentence.begin(), sentence.end(), '\n'));
    out.cards.push_back(std::move(proposal));
  }
}

}  // namespace

void rule_cloze(const RuleInput& in, RuleOutput& out) {
  const bool osr = is_flashcards_note(in);
  const Markup markup{osr, is_bold_clozes_note(in)};
  for_each_paragraph(in.outline, [&](const ParagraphVisit& visit) {
    // OSR's schedule comments are removed in place; the lines they stood on stay.
    const std::string text =
        osr ? without_schedule(visit.paragraph.text) : std::string(visit.paragraph.text);
    // hashcards: `C:` lines.
    if (text.find("C:") != std::string::npos) {
      const std::vector<std::string_view> lines = split_lines(text);
      for (std::size_t k = 0; k < lines.size(); ++k) {
        const std::string_view line = trim(lines[k]);
        if (!starts_with(line, "C: ")) continue;
        const std::string_view body = trim(line.substr(3));
        deletion_cards(body, bracket_deletions(body), visit.paragraph.line + static_cast<int>(k),
                       visit.headings, out);
      }
    }
    if (text.find("==") == std::string::npos &&
        text.find(osr ? "{{" : "{{c") == std::string::npos &&
        (!markup.bold || text.find("**") == std::string::npos)) {
      return;
    }
    for (const Sentence& sentence : split_sentences(text)) {
      deletion_cards(sentence.text, find_deletions(sentence.text, markup),
                     visit.paragraph.line + sentence.line, visit.headings, out);
    }
  });
  // OSR files a note's clozes under the deck its `#flashcards/…` tag names, as its other cards.
  if (osr) {
    if (const std::string deck = flashcards_deck(in); !deck.empty()) {
      for (Proposal& card : out.cards) card.draft.deck = deck;
    }
  }
}

}  // namespace recall::extract
