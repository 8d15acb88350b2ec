// stats: the pure pieces (streaks, ranking, buckets) and the store's totals kept by triggers.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/stats/render.hpp"
#include "recall/stats/stats.hpp"
#include "recall/store/store.hpp"

namespace fs = std::filesystem;
using namespace recall;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

sys_days day(int m, int d) { return sys_days{std::chrono::year{2026} / m / d}; }

struct TempDb {
  TempDb() {
    std::string pattern = (fs::temp_directory_path() / "recall-stats-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
  }
  ~TempDb() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path path() const { return dir / "recall.db"; }
  fs::path dir;
};

// Imports `n` cards into `deck` from one note.
void import_cards(store::Store& s, const std::string& deck, int n) {
  store::NoteInput note;
  note.path = "/n/" + deck + ".md";
  note.source = deck + ".md";
  note.content_hash = "h";
  for (int i = 0; i < n; ++i) {
    extract::CardDraft d;
    d.deck = deck;
    d.term = deck + std::to_string(i);
    d.question = deck + " Q" + std::to_string(i);  // the same card in two decks is made once
    d.answer = "A";
    d.kind = "definition";
    d.rule = "double-colon";
    d.source = note.source;
    d.line = i + 1;
    note.drafts.push_back(d);
  }
  auto plan = s.plan_import({note}, {note.path}, {});
  s.apply_import(plan, std::chrono::sys_seconds{day(1, 1)});
}

}  // namespace

TEST_CASE("stats: streaks count runs of days", "[stats]") {
  using stats::streaks;
  CHECK(streaks({}, day(3, 10)) == std::pair{0, 0});
  // 3/1-3/3, 3/5-3/9 (5 days), then today 3/10 continues it.
  std::vector<sys_days> d = {day(3, 1), day(3, 2), day(3, 3), day(3, 5),
                             day(3, 6), day(3, 7), day(3, 8), day(3, 9)};
  CHECK(streaks(d, day(3, 10)) == std::pair{5, 5});  // today not reviewed yet: still running
  d.push_back(day(3, 10));
  CHECK(streaks(d, day(3, 10)) == std::pair{6, 6});
  CHECK(streaks(d, day(3, 12)) == std::pair{0, 6});  // a day missed
  CHECK(streaks({day(3, 1)}, day(3, 1)) == std::pair{1, 1});
}

TEST_CASE("stats: groups are ranked worst first, thin groups last", "[stats]") {
  auto g = [](std::string name, int reviews, int passed) {
    stats::GroupFigures f;
    f.name = std::move(name);
    f.group.reviews = reviews;
    f.group.passed = passed;
    return f;
  };
  std::vector<stats::GroupFigures> groups = {g("a", 10, 9), g("thin", 2, 0), g("b", 20, 10),
                                             g("c", 10, 5), g("d", 5, 5)};
  stats::rank_groups(groups);
  std::vector<std::string> order;
  for (const auto& x : groups) order.push_back(x.name);
  // b and c are both 50%: more reviews first.
  CHECK(order == std::vector<std::string>{"b", "c", "a", "d", "thin"});
}

TEST_CASE("stats: interval and E-Factor buckets take active cards only", "[stats]") {
  using schedule::CardState;
  std::vector<store::CensusRow> census = {
      {CardState::review, 1, 250, 3},   {CardState::review, 21, 130, 2},
      {CardState::learning, 1, 300, 1}, {CardState::review, 400, 285, 4},
      {CardState::new_card, 0, 250, 7}, {CardState::suspended, 30, 250, 9}};
  const auto intervals = stats::interval_buckets(census);
  CHECK(intervals.front().label == "1d");
  CHECK(intervals.front().count == 4);
  CHECK(intervals[5].label == "21-30d");
  CHECK(intervals[5].count == 2);
  CHECK(intervals.back().count == 4);
  const auto ef = stats::efactor_buckets(census);
  CHECK(ef.front().label == "1.3");
  CHECK(ef.front().count == 2);
  CHECK(ef[12].label == "2.5");
  CHECK(ef[12].count == 3);
  CHECK(ef[15].count == 4);  // 2.85 -> 2.8
  CHECK(ef.back().count == 1);
}

TEST_CASE("stats: bad --since and --by are usage errors", "[stats]") {
  CHECK_THROWS_AS(stats::make_options("", "March", "deck", 10, day(3, 1)), Error);
  try {
    stats::make_options("", "", "heading", 10, day(3, 1));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.exit_code() == kExitUsage);
  }
  CHECK(stats::make_options("", "2026-02-01", "file", 0, day(3, 1)).since == day(2, 1));
}

TEST_CASE("stats: totals kept by triggers match the log, through undo", "[stats][store]") {
  TempDb tmp;
  store::Store s(tmp.path());
  import_cards(s, "alpha", 6);
  import_cards(s, "beta", 4);
  auto cards = s.cards({});
  REQUIRE(cards.size() == 10);

  // Random answers over 20 days, some taken back; raw sums kept alongside.
  std::mt19937 rng(7);
  std::map<sys_days, stats::Rate> young, mature;
  std::map<sys_days, int> answers;
  int alpha_answers = 0;
  std::vector<std::pair<std::int64_t, store::ReviewRecord>> undoable;
  for (int i = 0; i < 300; ++i) {
    const auto& card = cards[rng() % cards.size()];
    store::ReviewRecord r;
    r.card_id = card.id;
    r.review_day = day(3, 1) + days{rng() % 20};
    r.reviewed_at = std::chrono::sys_seconds{r.review_day};
    r.grade = static_cast<int>(rng() % 6);
    r.kind = std::array{store::ReviewKind::new_card, store::ReviewKind::scheduled,
                        store::ReviewKind::scheduled, store::ReviewKind::drill}[rng() % 4];
    r.before.interval_days = static_cast<int>(rng() % 40);
    r.after = r.before;
    const auto id = s.record_answer(r, false);
    if (rng() % 5 == 0) {
      s.undo_answer(r.card_id, id, r.before, false);
      continue;
    }
    answers[r.review_day] += 1;
    alpha_answers += card.deck == "alpha" ? 1 : 0;
    if (r.kind == store::ReviewKind::scheduled) {
      auto& rate = (r.before.interval_days < 21 ? young : mature)[r.review_day];
      rate += stats::Rate{1, r.grade >= 3 ? 1 : 0};
    }
  }

  store::StatsReader reader(tmp.path());
  for (const store::CardFilter& filter : {store::CardFilter{}, store::CardFilter{"alpha"}}) {
    const auto totals = reader.day_totals(filter, day(1, 1), day(12, 31));
    if (!filter.deck.empty()) {
      // The deck-filtered path reads the log instead.
      int sum = 0;
      for (const auto& t : totals) sum += t.answers;
      CHECK(sum == alpha_answers);
      continue;
    }
    REQUIRE(totals.size() == answers.size());
    for (const auto& t : totals) {
      INFO(core::format_date(t.day));
      CHECK(t.answers == answers[t.day]);
      CHECK(t.young == young[t.day].reviews);
      CHECK(t.young_passed == young[t.day].passed);
      CHECK(t.mature == mature[t.day].reviews);
      CHECK(t.mature_passed == mature[t.day].passed);
    }
  }
  // Per-card totals against the per-deck view of the log.
  int reviews = 0, passed = 0;
  for (const auto& [d, r] : young) reviews += r.reviews, passed += r.passed;
  for (const auto& [d, r] : mature) reviews += r.reviews, passed += r.passed;
  int group_reviews = 0, group_passed = 0;
  for (const auto& g : reader.group_retention({}, store::GroupBy::deck, std::nullopt)) {
    group_reviews += g.reviews;
    group_passed += g.passed;
  }
  CHECK(group_reviews == reviews);
  CHECK(group_passed == passed);
  int since_reviews = 0;
  for (const auto& g : reader.group_retention({}, store::GroupBy::file, day(1, 1))) {
    since_reviews += g.reviews;
  }
  CHECK(since_reviews == reviews);
}

TEST_CASE("stats: an empty collection renders everywhere", "[stats]") {
  TempDb tmp;
  { store::Store s(tmp.path()); }
  store::StatsReader reader(tmp.path());
  const auto report =
      stats::build_report(reader, stats::make_options("", "", "deck", 10, day(3, 4)));
  CHECK(report.cards.total == 0);
  CHECK(report.forecast.due.size() == stats::kForecastDays);
  CHECK(report.heatmap.days.back().day == day(3, 4));
  CHECK(std::chrono::weekday{report.heatmap.days.front().day} == std::chrono::Monday);
  CHECK(report.heatmap.days.size() == 7 * 25 + 3);  // 2026-03-04 is a Wednesday
  const auto json = nlohmann::json::parse(stats::to_json(report));
  CHECK(json["retention"][0]["all"]["rate"].is_null());
  std::ostringstream plain, fancy;
  stats::render_text(report, {false, false, 80}, plain);
  stats::render_text(report, {true, true, 80}, fancy);
  CHECK_THAT(plain.str(), Catch::Contains("True retention"));
  CHECK_THAT(plain.str(), !Catch::Contains("\x1b["));
  CHECK_THAT(plain.str(), !Catch::Contains("█"));
  CHECK_THAT(fancy.str(), Catch::Contains("\x1b["));
  CHECK_THAT(stats::render_html(report, "x<y"), Catch::Contains("x&lt;y"));
}
