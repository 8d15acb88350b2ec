// Runs every golden case in tests/fixtures/extract/*.txt through the extractor. The format is
// described at the top of each of those files; a failure names the case's file and line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "recall/extract/extract.hpp"

namespace fs = std::filesystem;
using recall::extract::CardDraft;
using recall::extract::Warning;

namespace {

struct ExpectedCard {
  CardDraft card;
  bool term_given = false;  // `T:` present: compare the term too
};

struct GoldenCase {
  std::string file;
  int line = 0;  // of the `===` line
  std::string title;
  std::string note;
  std::vector<ExpectedCard> cards;
  std::vector<Warning> warnings;
  std::vector<std::string> format_errors;
};

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

// The text after a `X:` prefix: `A: text` gives `text`, `A:` gives an empty line.
std::string after_prefix(const std::string& line) {
  return line.size() > 3 ? line.substr(3) : std::string{};
}

std::string trim_right(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

std::vector<std::string> split_context(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  for (std::size_t at = s.find(" > "); at != std::string::npos; at = s.find(" > ", begin)) {
    parts.push_back(s.substr(begin, at - begin));
    begin = at + 3;
  }
  parts.push_back(s.substr(begin));
  return parts;
}

// The card being read: its question and answer lines, until its `@` line.
struct PendingCard {
  std::vector<std::string> question;
  std::vector<std::string> answer;
  bool open() const { return !question.empty() || !answer.empty(); }
};

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i > 0 ? "\n" : "") + lines[i];
  return out;
}

void parse_expected_line(const std::string& line, GoldenCase& c, PendingCard& pending) {
  if (line.empty()) return;
  if (starts_with(line, "Q:")) {
    pending.question.push_back(after_prefix(line));
  } else if (starts_with(line, "A:")) {
    pending.answer.push_back(after_prefix(line));
  } else if (starts_with(line, "@ ")) {
    CardDraft card;
    card.question = join_lines(pending.question);
    card.answer = join_lines(pending.answer);
    std::istringstream fields(line.substr(2));
    if (!(fields >> card.kind >> card.rule >> card.line >> card.confidence)) {
      c.format_errors.push_back("bad @ line: " + line);
    }
    c.cards.push_back({card, false});
    pending = PendingCard{};
  } else if (starts_with(line, "C:") && !c.cards.empty()) {
    c.cards.back().card.context = split_context(after_prefix(line));
  } else if (starts_with(line, "D: ") && !c.cards.empty()) {
    c.cards.back().card.deck = after_prefix(line);
  } else if (starts_with(line, "S: ") && !c.cards.empty()) {
    recall::extract::SeedSchedule seed;
    std::istringstream fields(line.substr(3));
    if (!(fields >> seed.due >> seed.interval_days >> seed.ease)) {
      c.format_errors.push_back("bad S line: " + line);
    }
    c.cards.back().card.seed = seed;
  } else if (starts_with(line, "T:") && !c.cards.empty()) {
    c.cards.back().card.term = after_prefix(line);
    c.cards.back().term_given = true;
  } else if (starts_with(line, "W: ")) {
    std::istringstream fields(line.substr(3));
    Warning warning;
    fields >> warning.line;
    std::getline(fields >> std::ws, warning.message);
    c.warnings.push_back(warning);
  } else {
    c.format_errors.push_back("unexpected line: " + line);
  }
}

std::vector<GoldenCase> read_golden_file(const fs::path& path) {
  std::ifstream in(path);
  std::vector<GoldenCase> cases;
  std::string line;
  int number = 0;
  enum class Part { header, note, expected } part = Part::header;
  PendingCard pending;
  while (std::getline(in, line)) {
    ++number;
    if (starts_with(line, "=== ")) {
      if (!cases.empty() && pending.open()) {
        cases.back().format_errors.push_back("card without @ line");
      }
      cases.push_back({path.filename().string(), number, line.substr(4), {}, {}, {}, {}});
      part = Part::note;
      pending = PendingCard{};
      continue;
    }
    if (part == Part::header) continue;
    GoldenCase& c = cases.back();
    if (part == Part::note) {
      if (line == ".") {
        part = Part::expected;
      } else {
        c.note += line + "\n";
      }
      continue;
    }
    parse_expected_line(trim_right(line), c, pending);
  }
  if (!cases.empty() && pending.open()) cases.back().format_errors.push_back("card without @ line");
  return cases;
}

void write_lines(std::ostringstream& out, const std::string& prefix, const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    out << (line.empty() ? prefix.substr(0, 2) : prefix + line) << "\n";
  }
}

// Cards and warnings in the golden format, so that a failure reads like the file.
std::string dump(const std::vector<CardDraft>& cards, const std::vector<bool>& show_term,
                 const std::vector<Warning>& warnings) {
  std::ostringstream out;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const CardDraft& card = cards[i];
    write_lines(out, "Q: ", card.question);
    write_lines(out, "A: ", card.answer);
    out << "@ " << card.kind << " " << card.rule << " " << card.line << " " << card.confidence
        << "\n";
    if (!card.context.empty()) {
      out << "C: ";
      for (std::size_t k = 0; k < card.context.size(); ++k) {
        out << (k > 0 ? " > " : "") << card.context[k];
      }
      out << "\n";
    }
    // The note's own deck is `golden`; a rule that names another (OSR's tag) shows it.
    if (!card.deck.empty() && card.deck != "golden") out << "D: " << card.deck << "\n";
    if (card.seed) {
      out << "S: " << card.seed->due << " " << card.seed->interval_days << " " << card.seed->ease
          << "\n";
    }
    if (i < show_term.size() && show_term[i]) out << "T: " << card.term << "\n";
  }
  for (const Warning& warning : warnings)
    out << "W: " << warning.line << " " << warning.message << "\n";
  return out.str();
}

std::vector<fs::path> golden_files() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(RECALL_TEST_DATA) / "fixtures" / "extract")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The comment lines before the first case of a golden file.
std::string golden_header(const fs::path& path) {
  std::ifstream in(path);
  std::string header;
  std::string line;
  while (std::getline(in, line) && !starts_with(line, "=== ")) header += line + "\n";
  return header;
}

}  // namespace

// With RECALL_UPDATE_GOLDEN=1 the files are written back with what the extractor makes now, to be
// reviewed with `git diff` before they are committed; the test still fails on every difference.
TEST_CASE("golden extractor cases", "[extract][golden]") {
  const char* update_env = std::getenv("RECALL_UPDATE_GOLDEN");
  const bool update = update_env != nullptr && std::string(update_env) == "1";
  int total = 0;
  for (const fs::path& file : golden_files()) {
    std::string rewritten = golden_header(file);
    for (GoldenCase& c : read_golden_file(file)) {
      ++total;
      INFO(c.file << ":" << c.line << ": " << c.title);
      for (const std::string& error : c.format_errors) FAIL_CHECK(error);

      // A source whose name is no concept, so that no card takes the file name as its title.
      recall::notes::NoteFile note{"golden-case.md", "golden-case.md", "golden", c.note};
      const recall::extract::ExtractResult result = recall::extract::extract_cards(note);

      std::vector<CardDraft> expected_cards;
      std::vector<bool> show_term;
      for (const ExpectedCard& e : c.cards) {
        expected_cards.push_back(e.card);
        show_term.push_back(e.term_given);
      }
      const std::string expected = dump(expected_cards, show_term, c.warnings);
      const std::string actual = dump(result.drafts, show_term, result.warnings);
      CHECK(actual == expected);
      rewritten += "=== " + c.title + "\n" + c.note + ".\n" + actual + "\n";
      for (const CardDraft& card : result.drafts) {
        // Only OSR's `#flashcards/deck` tag names a deck other than the note's (its Q::A cards and
        // its clozes).
        CHECK((card.deck == "golden" || card.rule == "osr" || card.rule == "cloze"));
        CHECK(card.source == "golden-case.md");
      }
    }
    if (update) std::ofstream(file) << rewritten;
  }
  CHECK(total >= 40);
}
