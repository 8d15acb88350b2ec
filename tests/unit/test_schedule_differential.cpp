// SM-2 against the oracle over 10,000 random grade sequences (tests/unit/data/sm2_differential.txt,
// made by bench/gen_sm2_vectors.js --differential). Every step is compared; the only differences
// allowed are those listed in the data, and the same list must be in docs/scheduling.md.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "recall/schedule/sm2.hpp"

using recall::schedule::answer;
using recall::schedule::ReviewState;

namespace {

constexpr std::chrono::sys_days kDay0{std::chrono::year{2026} / 3 / 1};

struct Sequence {
  std::vector<int> grades;
  std::vector<std::string> oracle;  // interval/EF/n after each grade
};

// (sequence from 1, step from 1) -> kind
using Differences = std::map<std::pair<int, int>, std::string>;

struct Data {
  std::vector<Sequence> sequences;
  Differences differences;
};

Data read_data(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  Data data;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    INFO(path << ":" << number);
    std::istringstream words(line);
    std::string first;
    words >> first;
    if (first == "diff") {
      int sequence = 0, step = 0;
      std::string kind;
      REQUIRE(static_cast<bool>(words >> sequence >> step >> kind));
      REQUIRE(data.differences.emplace(std::make_pair(sequence, step), kind).second);
      continue;
    }
    REQUIRE(data.differences.empty());  // every sequence comes before the differences
    Sequence s;
    for (char c : first) {
      REQUIRE((c >= '0' && c <= '5'));
      s.grades.push_back(c - '0');
    }
    std::string token;
    while (words >> token) s.oracle.push_back(token);
    REQUIRE(s.oracle.size() == s.grades.size());
    data.sequences.push_back(std::move(s));
  }
  return data;
}

std::string ef_text(int ef_centi) {
  std::ostringstream out;
  out << ef_centi / 100 << '.' << (ef_centi % 100) / 10 << ef_centi % 10;
  return out.str();
}

struct Token {
  long long interval = 0;
  std::string ef;
  int repetitions = 0;
};

Token parse_token(const std::string& text) {
  Token t;
  const auto a = text.find('/');
  const auto b = text.find('/', a + 1);
  t.interval = std::stoll(text.substr(0, a));
  t.ef = text.substr(a + 1, b - a - 1);
  t.repetitions = std::stoi(text.substr(b + 1));
  return t;
}

// Expands the docs' list: lines `kind:` followed by entries `SEQUENCE:STEPS`, where STEPS is a
// comma-separated list of steps and ranges `a-b`, between the two markers.
Differences read_docs_list(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  Differences out;
  std::string line;
  bool inside = false;
  std::string kind;
  while (std::getline(in, line)) {
    if (line.find("<!-- differential-list:begin -->") != std::string::npos) {
      inside = true;
      continue;
    }
    if (line.find("<!-- differential-list:end -->") != std::string::npos) break;
    if (!inside || line.empty() || line.rfind("```", 0) == 0) continue;
    if (line.back() == ':') {
      kind = line.substr(0, line.size() - 1);
      continue;
    }
    if (kind.empty()) continue;  // the summary line
    std::istringstream entries(line);
    std::string entry;
    while (entries >> entry) {
      const auto colon = entry.find(':');
      REQUIRE(colon != std::string::npos);
      const int sequence = std::stoi(entry.substr(0, colon));
      std::istringstream parts(entry.substr(colon + 1));
      std::string part;
      while (std::getline(parts, part, ',')) {
        const auto dash = part.find('-');
        const int from = std::stoi(part.substr(0, dash));
        const int to = dash == std::string::npos ? from : std::stoi(part.substr(dash + 1));
        for (int step = from; step <= to; ++step) out[{sequence, step}] = kind;
      }
    }
  }
  REQUIRE(inside);
  return out;
}

}  // namespace

TEST_CASE("sm2 differential: 10,000 sequences against the oracle", "[schedule][sm2][oracle]") {
  const Data data = read_data(RECALL_TEST_DATA "/unit/data/sm2_differential.txt");
  REQUIRE(data.sequences.size() == 10000);

  std::vector<std::string> problems;
  std::set<std::pair<int, int>> seen;
  std::map<std::string, int> by_kind;
  int steps = 0;
  for (std::size_t i = 0; i < data.sequences.size(); ++i) {
    const Sequence& s = data.sequences[i];
    const int number = static_cast<int>(i) + 1;
    ReviewState state;
    auto today = kDay0;
    for (std::size_t k = 0; k < s.grades.size(); ++k) {
      ++steps;
      const int step = static_cast<int>(k) + 1;
      const ReviewState before = state;
      state = answer(state, s.grades[k], today);
      today = *state.due;
      const Token oracle = parse_token(s.oracle[k]);
      const std::string where =
          "sequence " + std::to_string(number) + " step " + std::to_string(step) + " (" +
          s.oracle[k] + ", recall " + std::to_string(state.interval_days) + "/" +
          ef_text(state.ef_centi) + "/" + std::to_string(state.repetitions) + ")";
      // E-Factor and repetitions never differ.
      if (oracle.ef != ef_text(state.ef_centi) || oracle.repetitions != state.repetitions) {
        problems.push_back(where + ": E-Factor or repetitions differ");
        continue;
      }
      const auto listed = data.differences.find({number, step});
      if (oracle.interval == state.interval_days) {
        if (listed != data.differences.end()) problems.push_back(where + ": listed, but equal");
        continue;
      }
      if (listed == data.differences.end()) {
        problems.push_back(where + ": an interval differs and is not listed");
        continue;
      }
      seen.insert({number, step});
      ++by_kind[listed->second];
      // Each difference must be of its documented kind.
      if (listed->second == "cap") {
        if (state.interval_days != recall::schedule::kMaxIntervalDays ||
            oracle.interval <= recall::schedule::kMaxIntervalDays) {
          problems.push_back(where + ": not a cap difference");
        }
      } else if (listed->second == "float-drift" || listed->second == "float-product") {
        // I(n-1) x EF' is a whole number of days in decimal; binary floating point rounds it up
        // one day more.
        const long long exact = static_cast<long long>(before.interval_days) * state.ef_centi;
        if (exact % 100 != 0 || state.interval_days != exact / 100 ||
            oracle.interval != state.interval_days + 1) {
          problems.push_back(where + ": not a floating-point difference");
        }
      } else {
        problems.push_back(where + ": unknown kind " + listed->second);
      }
    }
  }
  for (const auto& [key, kind] : data.differences) {
    if (!seen.contains(key)) {
      problems.push_back("listed difference not found: sequence " + std::to_string(key.first) +
                         " step " + std::to_string(key.second));
    }
  }
  INFO(problems.size() << " problems; the first: "
                       << (problems.empty() ? std::string() : problems.front()));
  CHECK(problems.empty());
  CHECK(steps > 50000);
  CHECK(by_kind["float-drift"] + by_kind["float-product"] > 0);
  CHECK(by_kind["cap"] > 0);
  CHECK(static_cast<std::size_t>(by_kind["float-drift"] + by_kind["float-product"] +
                                 by_kind["cap"]) == data.differences.size());
}

TEST_CASE("sm2 differential: docs/scheduling.md lists the same differences",
          "[schedule][sm2][oracle]") {
  const Data data = read_data(RECALL_TEST_DATA "/unit/data/sm2_differential.txt");
  const Differences docs = read_docs_list(RECALL_SOURCE_DIR "/docs/scheduling.md");
  CHECK(docs.size() == data.differences.size());
  CHECK(docs == data.differences);
}
