// Rule `table` (pattern 16): a glossary table, one card per row.
//
//   | 용어 | 설명 |                          | Metric   | Definition                  | Example |
//   |------|------|                          |----------|-----------------------------|---------|
//   | 원자성 | 전부 되거나 전부 안 된다 |      | Recall   | share of positives found    | …       |
//
// A table is a glossary when its first column names things and another column explains them: the
// header of the first column says so (`Term`, `용어`, `Name`, `Type`, `종류`) or the header of a
// later column does (`Definition`, `Description`, `Meaning`, `설명`, `의미`, `정의`, `뜻`). Each
// row whose first cell is a term asks about it and answers with the explaining cell. Tables that
// compare things column by column (`| | A | B |`) are not glossaries and make no card here.
//
//   | Loss | Outliers | When to use        |
//   |------|----------|--------------------|   → MSE vs MAE: how do they differ?
//   | MSE  | High     | large errors matter|     MSE: Outliers: High; When to use: large errors matter
//   | MAE  | Low      | outliers present   |     MAE: Outliers: Low; When to use: outliers present
//
// A table of exactly two rows over three or more columns, its first column headed, sets two things
// side by side: one comparison card besides the rows' own (with an explaining column, only that
// column answers).
#include <algorithm>
#include <array>

#include "recall/extract/phrasing.hpp"
#include "recall/extract/rules.hpp"
#include "recall/extract/section.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

constexpr double kConfidence = 0.7;
constexpr double kPairConfidence = 0.65;
constexpr std::size_t kMaxPairAnswer = 400;  // code points
constexpr TermLimits kCellTerm{6, 50};


bool is_separator(std::string_view row) {
  return std::all_of(row.begin(), row.end(), [](char c) {
    return c == '|' || c == '-' || c == ':' || c == ' ' || c == '\t';
  });
}

std::string header_word(std::string_view cell) {
  return ascii_lower(trim(strip_emphasis(trim(cell))));
}

bool names_things(std::string_view header) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"term", "terms", "name", "concept", "keyword", "type", "types", "category", "subcategory",
       "metric", "method", "algorithm", "command", "option", "용어", "이름", "개념", "종류",
       "유형", "구분", "명령어", "키워드", "항목"});
  return std::find(kWords.begin(), kWords.end(), header) != kWords.end();
}

bool defines(std::string_view header) {
  for (const std::string_view word : {"definition", "meaning", "what it is", "정의", "의미", "뜻"}) {
    if (header == word) return true;
  }
  return false;
}

bool explains(std::string_view header) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"definition", "description", "meaning", "explanation", "what it is", "what it does",
       "설명", "의미", "정의", "뜻", "내용", "역할", "기능"});
  return std::find(kWords.begin(), kWords.end(), header) != kWords.end();
}

// One row's side of a two-row comparison: `MSE: Outliers: High; When to use: …`.
std::string pair_side(std::string_view term, const std::vector<std::string>& header,
                      const std::vector<std::string>& row, std::size_t column) {
  std::string side = std::string(term) + ":";
  if (column != 0) return side + " " + clean_inline(row[column]);
  for (std::size_t k = 1; k < row.size() && k < header.size(); ++k) {
    std::string value = clean_inline(row[k]);
    if (value.empty()) continue;
    if (k + 1 < row.size() && value.back() == '.') value.pop_back();
    side += (k == 1 ? " " : "; ");
    side += std::string(strip_emphasis(clean_inline(header[k]))) + ": " + value;
  }
  return side;
}

// A cell that says something: not empty, not a figure (`96.6`, `12%`: a results table).
bool says_something(std::string_view cell) {
  const std::string text = clean_inline(cell);
  return !text.empty() && std::any_of(text.begin(), text.end(), [](char c) {
    return !(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '%' ||
             c == ' ' || c == '-' || c == '+');
  });
}

// Two rows over three or more columns, the first column headed: the two things compared, when
// every cell says something and each row has a phrase, not only one-word values.
void pair_card(const Block& block, const std::vector<std::string_view>& rows,
               const std::vector<std::string>& header, std::size_t column,
               const std::vector<std::string>& context, RuleOutput& out) {
  if (rows.size() != 4 || header.size() < 3 || clean_inline(header[0]).empty()) return;
  std::vector<std::string> terms;
  std::string answer;
  for (std::size_t r = 2; r < 4; ++r) {
    const std::vector<std::string> row = table_cells(rows[r]);
    if (row.size() != header.size()) return;
    if (!std::all_of(row.begin() + 1, row.end(), [](const std::string& c) { return says_something(c); }) ||
        std::none_of(row.begin() + 1, row.end(),
                     [](const std::string& c) { return word_count(clean_inline(c)) >= 2; })) {
      return;
    }
    const std::optional<std::string> term =
        as_term(clean_inline(without_link_targets(row[0])), kCellTerm);
    if (!term) return;
    if (!answer.empty()) answer += '\n';
    answer += pair_side(*term, header, row, column);
    terms.push_back(*term);
  }
  if (ascii_lower(terms[0]) == ascii_lower(terms[1]) || code_point_count(answer) > kMaxPairAnswer) {
    return;
  }
  Proposal proposal;
  CardDraft& card = proposal.draft;
  card.term = terms[0] + " vs " + terms[1];
  card.question = comparison_question(card.term, card_language(card.term, answer));
  card.answer = std::move(answer);
  card.kind = "comparison";
  card.rule = "table";
  card.confidence = kPairConfidence;
  card.line = block.line + 2;
  card.context = context;
  proposal.end_line = block.line + 3;
  proposal.nests = true;  // the rows' own cards stand beside it
  out.cards.push_back(std::move(proposal));
}

void table_cards(const Block& block, const std::vector<std::string>& context, RuleOutput& out) {
  {
    const std::vector<std::string_view> rows = split_lines(block.text);
    if (rows.size() < 3 || !is_separator(rows[1])) return;
    const std::vector<std::string> header = table_cells(rows[0]);
    if (header.size() < 2) return;
    // The column that explains: the first with an explaining header, else the second when the
    // first column's header names things.
    std::size_t column = 0;
    for (std::size_t k = 1; k < header.size(); ++k) {
      if (explains(header_word(header[k]))) {
        column = k;
        break;
      }
    }
    // A `Definition` column, not a `Description` one (an index describes the pages it links).
    const bool headed = column != 0 && defines(header_word(header[column]));
    pair_card(block, rows, header, column, context, out);
    if (column == 0 && names_things(header_word(header[0]))) column = 1;
    if (column == 0) return;
    for (std::size_t r = 2; r < rows.size(); ++r) {
      const std::vector<std::string> row = table_cells(rows[r]);
      if (row.size() <= column) continue;
      // A linked first cell points at another page: the table is an index, not a glossary,
      // unless a column headed `Definition` (`Meaning`, `정의`) says what each linked term is.
      if (row[0].find("](") != std::string::npos && !headed) continue;
      const std::string term_text = clean_inline(without_link_targets(row[0]));
      const std::optional<std::string> term = as_term(term_text, kCellTerm);
      const std::string answer = clean_inline(row[column]);
      if (!term || word_count(answer) < 2) continue;
      const int line = block.line + static_cast<int>(r);
      out.cards.push_back(definition_card("table", *term, answer, kConfidence, line, line,
                                          context));
    }
  }
}

// The tables among `blocks`, in list items and block quotes too.
void walk(std::span<const Block> blocks, const std::vector<std::string>& context, int depth,
          RuleOutput& out) {
  if (depth > notes::kMaxDepth) return;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::table) table_cards(block, context, out);
    if (block.kind == BlockKind::list || block.kind == BlockKind::item ||
        block.kind == BlockKind::quote) {
      walk(block.children, context, depth + 1, out);
    }
  }
}

}  // namespace

bool table_rows_are_cards(const std::vector<std::string>& header) {
  if (header.size() < 2) return false;
  for (std::size_t k = 1; k < header.size(); ++k) {
    if (explains(header_word(header[k]))) return true;
  }
  return names_things(header_word(header[0]));
}

void rule_table(const RuleInput& in, RuleOutput& out) {
  HeadingPath headings;
  const std::span<const Block> blocks(in.outline.blocks);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].kind == BlockKind::heading) headings.enter(blocks[i]);
    walk(blocks.subspan(i, 1), headings.path(), 0, out);
  }
}

}  // namespace recall::extract
