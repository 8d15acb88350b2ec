// End-to-end: 60 review days over 13 weeks, answered card by card through a pipe by a script
// that keeps its own SM-2 model and log; then every figure of `recall stats --json` is checked
// against what the test computes from that log.
#include <catch2/catch.hpp>
#include <optional>
#include <set>

#include "harness.hpp"

using recall::test::Sandbox;
using std::chrono::days;
using std::chrono::sys_days;

namespace {

std::string date(sys_days d) {
  const std::chrono::year_month_day ymd{d};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

// One card as the test believes it is, by its own SM-2.
struct Card {
  std::string question, deck, path, section;
  int line = 0;
  std::string state = "new";
  int reps = 0, interval = 0, ef = 250, lapses = 0;
  sys_days due{};
  bool leech = false;
};

struct Answer {
  sys_days day;
  std::string question, kind;
  int grade = 0, interval_before = 0;
};

const sys_days kStart = sys_days{std::chrono::year{2026} / 1 / 5};  // a Monday

// Review days: 35 in a row, then one a week for five weeks, then 20 in a row: 60 days.
std::vector<sys_days> review_days() {
  std::vector<sys_days> out;
  for (int d = 0; d < 35; ++d) out.push_back(kStart + days{d});
  for (int d = 35; d < 70; d += 7) out.push_back(kStart + days{d});
  for (int d = 70; d < 90; ++d) out.push_back(kStart + days{d});
  return out;
}

class History {
 public:
  explicit History(Sandbox& box) : m_box(box) {
    add_note("notes/lang/words.md", "lang/words", {"Greetings", "Numbers"}, 6);
    add_note("notes/ml/basics.md", "ml/basics", {"Losses", "Metrics"}, 5);
    add_note("notes/ml/deep/nets.md", "ml/deep/nets", {"Layers"}, 4);
  }

  std::map<std::string, Card> cards;
  std::vector<Answer> log;

  // Plays one day: a session through a pipe, answering each question as it appears.
  void play(sys_days day) {
    m_box.set_day(date(day));
    const auto out_path = m_box.dir() / "session.out";
    int input = -1;
    const pid_t pid = m_box.start({"review", "--new", "3"}, input, out_path);
    std::set<std::string> seen;
    std::size_t answered = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
      const std::string out = recall::test::read_all(out_path);
      const auto prompts = questions(out);
      if (prompts.size() > answered) {
        const std::string& q = prompts[answered++];
        REQUIRE(cards.count(q) == 1);
        const int grade = answer(cards.at(q), day, seen.insert(q).second);
        const std::string line = std::to_string(grade) + "\n";
        REQUIRE(write(input, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
        continue;
      }
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
        REQUIRE(questions(recall::test::read_all(out_path)).size() == answered);
        break;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid, SIGKILL);
        FAIL("the session did not finish");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    close(input);
  }

 private:
  void add_note(const std::string& relative, const std::string& deck,
                const std::vector<std::string>& sections, int per_section) {
    std::string text = "# " + deck + "\n\n";
    int line = 3;
    for (const auto& section : sections) {
      text += "## " + section + "\n\n";
      line += 2;
      for (int i = 1; i <= per_section; ++i) {
        Card card;
        card.question = deck + " " + section + " " + std::to_string(i) + "?";
        card.deck = deck;
        card.section = deck + " › " + deck + " › " + section;
        card.line = line;
        text += "Q: " + card.question + "\nA: answer " + std::to_string(i) + "\n\n";
        line += 3;
        cards[card.question] = card;
      }
    }
    const auto path = m_box.note(relative, text);
    for (auto& [q, card] : cards) {
      if (card.deck == deck) card.path = path.string();
    }
  }

  // The questions shown so far, each complete with its grade prompt.
  static std::vector<std::string> questions(const std::string& out) {
    std::vector<std::string> found;
    std::size_t at = 0;
    while ((at = out.find("\nQ: ", at)) != std::string::npos) {
      const std::size_t end = out.find('\n', at + 4);
      if (end == std::string::npos || out.find("q quit\n", end) == std::string::npos) break;
      found.push_back(out.substr(at + 4, end - at - 4));
      at = end;
    }
    return found;
  }

  int next_random() {
    m_seed = m_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((m_seed >> 33) % 100);
  }

  // Chooses a grade, logs it and updates the model as SM-2 would.
  int answer(Card& card, sys_days day, bool first_today) {
    const int r = next_random();
    int grade = r < 30 ? 5 : r < 62 ? 4 : r < 78 ? 3 : r < 86 ? 2 : r < 93 ? 1 : 0;
    // One card is hard: it passes after each failure and fails after each pass.
    if (card.question == "ml/deep/nets Layers 1?" && first_today) grade = card.reps == 0 ? 4 : 1;
    if (!first_today) {
      grade = r < 75 ? 4 + r % 2 : 3;
      log.push_back({day, card.question, "drill", grade, card.interval});
      return grade;
    }
    log.push_back(
        {day, card.question, card.state == "new" ? "new" : "scheduled", grade, card.interval});
    if (grade >= 3) {
      card.ef = std::max(130, card.ef + 10 - (5 - grade) * (8 + (5 - grade) * 2));
      ++card.reps;
      card.interval = card.reps == 1   ? 1
                      : card.reps == 2 ? 6
                                       : (card.interval * card.ef + 99) / 100;
      card.state = "review";
    } else {
      if (card.state == "review") ++card.lapses;
      card.reps = 0;
      card.interval = 1;
      card.state = "learning";
      if (card.lapses >= 8 && !card.leech) {
        card.leech = true;
        card.state = "suspended";
      }
    }
    card.due = day + days{card.interval};
    return grade;
  }

  Sandbox& m_box;
  std::uint64_t m_seed = 2026;
};

struct Rate {
  int reviews = 0, passed = 0;
  void add(int grade) {
    ++reviews;
    passed += grade >= 3 ? 1 : 0;
  }
};

void check_rate(const nlohmann::json& j, const Rate& r) {
  INFO(j.dump());
  CHECK(j["reviews"] == r.reviews);
  CHECK(j["passed"] == r.passed);
  if (r.reviews == 0) {
    CHECK(j["rate"].is_null());
  } else {
    CHECK(j["rate"].get<double>() == Approx(static_cast<double>(r.passed) / r.reviews));
  }
}

// Retention over [from, to] of the log, for cards that `keep`.
template <class Keep>
std::array<Rate, 3> retention(const std::vector<Answer>& log, sys_days from, sys_days to,
                              Keep keep) {
  std::array<Rate, 3> out;  // young, mature, all
  for (const auto& a : log) {
    if (a.kind != "scheduled" || a.day < from || a.day > to || !keep(a)) continue;
    out[a.interval_before >= 21 ? 1 : 0].add(a.grade);
    out[2].add(a.grade);
  }
  return out;
}

// Current and longest runs of consecutive days in `per_day` from `since`; the current run ends
// today, or yesterday when today has no answers yet.
std::pair<int, int> streaks(const std::map<sys_days, int>& per_day, sys_days since,
                            sys_days today) {
  int longest = 0, run = 0;
  sys_days last{};
  for (const auto& [d, n] : per_day) {
    if (d < since || d > today) continue;
    run = run > 0 && d - last == days{1} ? run + 1 : 1;
    last = d;
    longest = std::max(longest, run);
  }
  auto has = [&](sys_days d) { return d >= since && per_day.count(d) > 0; };
  int current = 0;
  sys_days d = has(today) ? today : today - days{1};
  while (has(d)) {
    ++current;
    d -= days{1};
  }
  return {current, longest};
}

struct Group {
  std::string name;
  Rate rate;
  std::set<std::string> cards;
};

// Groups ranked as docs/stats.md says: >= 5 reviews first, by rate, more reviews, name.
std::vector<Group> groups(const History& h, const std::string& by, sys_days since) {
  std::map<std::string, Group> by_name;
  for (const auto& a : h.log) {
    if (a.kind != "scheduled" || a.day < since) continue;
    const Card& c = h.cards.at(a.question);
    const std::string name = by == "deck" ? c.deck : by == "file" ? c.path : c.section;
    auto& g = by_name[name];
    g.name = name;
    g.rate.add(a.grade);
    g.cards.insert(a.question);
  }
  std::vector<Group> out;
  for (auto& [name, g] : by_name) out.push_back(g);
  std::sort(out.begin(), out.end(), [](const Group& a, const Group& b) {
    const bool ea = a.rate.reviews >= 5, eb = b.rate.reviews >= 5;
    if (ea != eb) return ea;
    const long l = static_cast<long>(a.rate.passed) * b.rate.reviews;
    const long r = static_cast<long>(b.rate.passed) * a.rate.reviews;
    if (l != r) return l < r;
    if (a.rate.reviews != b.rate.reviews) return a.rate.reviews > b.rate.reviews;
    return a.name < b.name;
  });
  return out;
}

void check_groups(const nlohmann::json& rows, const std::vector<Group>& expected) {
  REQUIRE(rows.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(rows[i].dump());
    CHECK(rows[i]["name"] == expected[i].name);
    CHECK(rows[i]["reviews"] == expected[i].rate.reviews);
    CHECK(rows[i]["passed"] == expected[i].rate.passed);
    CHECK(rows[i]["cards"] == static_cast<int>(expected[i].cards.size()));
  }
}

}  // namespace

TEST_CASE("stats --json over 60 review days matches the script's own log", "[stats][e2e]") {
  Sandbox box;
  History h(box);
  REQUIRE(box.run({"import", (box.dir() / "notes").string()}).exit_code == 0);
  const auto days_played = review_days();
  for (const auto d : days_played) h.play(d);
  const sys_days today = days_played.back();
  box.set_day(date(today));

  const auto result = box.run({"stats", "--json"});
  REQUIRE(result.exit_code == 0);
  const auto s = nlohmann::json::parse(result.out);
  INFO(s.dump());
  CHECK(s["today"] == date(today));

  {  // cards by state
    std::map<std::string, int> expected;
    for (const auto& [q, c] : h.cards) {
      std::string state = c.state;
      if (c.state == "review") state = c.interval >= 21 ? "mature" : "young";
      if (c.leech) state = "leech";
      ++expected[state];
    }
    REQUIRE(expected["leech"] == 1);  // the hard card
    REQUIRE(expected["mature"] > 0);
    for (const char* state : {"new", "learning", "young", "mature", "suspended", "leech"}) {
      INFO(state);
      CHECK(s["cards"][state] == expected[state]);
    }
    CHECK(s["cards"]["total"] == static_cast<int>(h.cards.size()));
    CHECK(s["cards"]["review"] == expected["young"] + expected["mature"]);
  }

  {  // today
    int answers = 0, reviews = 0, fresh = 0, drills = 0;
    for (const auto& a : h.log) {
      if (a.day != today) continue;
      ++answers;
      reviews += a.kind == "scheduled";
      fresh += a.kind == "new";
      drills += a.kind == "drill";
    }
    CHECK(s["reviews_today"] == answers);
    CHECK(s["studied_today"]["answers"] == answers);
    CHECK(s["studied_today"]["reviews"] == reviews);
    CHECK(s["studied_today"]["new"] == fresh);
    CHECK(s["studied_today"]["drills"] == drills);
  }

  {  // true retention for young, mature and all cards over five periods
    const std::vector<std::pair<std::string, sys_days>> periods = {{"today", today},
                                                                   {"yesterday", today - days{1}},
                                                                   {"7_days", today - days{6}},
                                                                   {"30_days", today - days{29}},
                                                                   {"365_days", today - days{364}}};
    REQUIRE(s["retention"].size() == periods.size());
    bool some_mature = false;
    for (std::size_t i = 0; i < periods.size(); ++i) {
      const auto& [name, from] = periods[i];
      const sys_days to = name == "yesterday" ? from : today;
      const auto expected = retention(h.log, from, to, [](const Answer&) { return true; });
      const auto& row = s["retention"][i];
      INFO(name);
      CHECK(row["period"] == name);
      CHECK(row["from"] == date(from));
      CHECK(row["to"] == date(to));
      check_rate(row["young"], expected[0]);
      check_rate(row["mature"], expected[1]);
      check_rate(row["all"], expected[2]);
      some_mature = some_mature || expected[1].reviews > 0;
    }
    CHECK(some_mature);
    check_rate(s["retention_30_days"],
               retention(h.log, today - days{29}, today, [](const Answer&) { return true; })[2]);
  }

  {  // forecast
    std::vector<int> due(30, 0);
    int overdue = 0;
    for (const auto& [q, c] : h.cards) {
      if (c.state != "learning" && c.state != "review") continue;
      const auto offset = (c.due - today).count();
      if (offset < 0) ++overdue;
      if (offset >= 0 && offset < 30) ++due[static_cast<std::size_t>(offset)];
    }
    CHECK(s["forecast"]["overdue"] == overdue);
    REQUIRE(s["forecast"]["days"].size() == 30);
    for (std::size_t i = 0; i < 30; ++i) {
      CHECK(s["forecast"]["days"][i]["date"] == date(today + days{static_cast<long>(i)}));
      CHECK(s["forecast"]["days"][i]["due"] == due[i]);
    }
    CHECK(s["due"]["tomorrow"] == due[1]);
  }

  {  // heatmap and streaks
    std::map<sys_days, int> per_day;
    for (const auto& a : h.log) ++per_day[a.day];
    const auto& days_json = s["heatmap"]["days"];
    REQUIRE(!days_json.empty());
    CHECK(days_json.back()["date"] == date(today));
    // From the Monday 25 weeks before today's week.
    const sys_days monday = today - days{std::chrono::weekday{today}.iso_encoding() - 1};
    CHECK(days_json.front()["date"] == date(monday - days{7 * 25}));
    int reviewed = 0;
    for (const auto& d : days_json) {
      int expected = 0;
      for (const auto& [k, v] : per_day) {
        if (date(k) == d["date"]) expected = v;
      }
      CHECK(d["answers"] == expected);
      reviewed += expected > 0;
    }
    CHECK(s["heatmap"]["days_reviewed"] == reviewed);
    // Streaks: runs of days with answers (a review day with nothing due breaks one).
    const auto [current, longest] = streaks(per_day, sys_days{}, today);
    CHECK(longest >= 10);
    CHECK(s["heatmap"]["current_streak"] == current);
    CHECK(s["heatmap"]["longest_streak"] == longest);
  }

  {  // interval and E-Factor histograms
    const std::vector<int> edges = {1, 3, 7, 14, 20, 30, 60, 90, 182, 365, 1 << 30};
    std::vector<int> intervals(edges.size(), 0), efactors(18, 0);
    for (const auto& [q, c] : h.cards) {
      if (c.state != "learning" && c.state != "review") continue;
      std::size_t i = 0;
      while (c.interval > edges[i]) ++i;
      ++intervals[i];
      ++efactors[static_cast<std::size_t>(std::clamp(c.ef / 10, 13, 30) - 13)];
    }
    REQUIRE(s["intervals"].size() == intervals.size());
    for (std::size_t i = 0; i < intervals.size(); ++i)
      CHECK(s["intervals"][i]["count"] == intervals[i]);
    REQUIRE(s["efactors"].size() == efactors.size());
    for (std::size_t i = 0; i < efactors.size(); ++i)
      CHECK(s["efactors"][i]["count"] == efactors[i]);
    CHECK(s["efactors"][0]["label"] == "1.3");
  }

  {  // leeches and most lapses, with file and line
    std::vector<const Card*> leeches, lapsed;
    for (const auto& [q, c] : h.cards) {
      if (c.leech) leeches.push_back(&c);
      if (!c.leech && c.lapses > 0) lapsed.push_back(&c);
    }
    auto order = [](const Card* a, const Card* b) {
      if (a->lapses != b->lapses) return a->lapses > b->lapses;
      if (a->deck != b->deck) return a->deck < b->deck;
      return a->line < b->line;
    };
    std::sort(lapsed.begin(), lapsed.end(), order);
    if (lapsed.size() > 10) lapsed.resize(10);
    REQUIRE(s["leeches"].size() == leeches.size());
    CHECK(s["leeches"][0]["question"] == leeches[0]->question);
    CHECK(s["leeches"][0]["file"] == leeches[0]->path);
    CHECK(s["leeches"][0]["line"] == leeches[0]->line);
    CHECK(s["leeches"][0]["lapses"] == 8);
    REQUIRE(s["most_lapses"].size() == lapsed.size());
    for (std::size_t i = 0; i < lapsed.size(); ++i) {
      CHECK(s["most_lapses"][i]["question"] == lapsed[i]->question);
      CHECK(s["most_lapses"][i]["file"] == lapsed[i]->path);
      CHECK(s["most_lapses"][i]["line"] == lapsed[i]->line);
      CHECK(s["most_lapses"][i]["lapses"] == lapsed[i]->lapses);
    }
  }

  {  // retention per deck, file and section, worst first
    check_groups(s["groups"]["rows"], groups(h, "deck", sys_days{}));
    for (const std::string by : {"file", "section"}) {
      const auto other = nlohmann::json::parse(box.run({"stats", "--json", "--by", by}).out);
      INFO(by);
      CHECK(other["groups"]["by"] == by);
      check_groups(other["groups"]["rows"], groups(h, by, sys_days{}));
    }
  }

  {  // --since clips the log's figures
    const sys_days since = today - days{10};
    const auto clipped =
        nlohmann::json::parse(box.run({"stats", "--json", "--since", date(since)}).out);
    CHECK(clipped["since"] == date(since));
    const auto& rows = clipped["retention"];
    REQUIRE(rows.size() == 6);
    CHECK(rows[5]["period"] == "since");
    CHECK(rows[3]["from"] == date(since));  // 30 days, clipped
    const auto expected = retention(h.log, since, today, [](const Answer&) { return true; });
    check_rate(rows[5]["all"], expected[2]);
    check_rate(rows[3]["mature"], expected[1]);
    check_groups(clipped["groups"]["rows"], groups(h, "deck", since));
    for (const std::string by : {"file", "section"}) {  // the log since the day, by card
      const auto other = nlohmann::json::parse(
          box.run({"stats", "--json", "--since", date(since), "--by", by}).out);
      INFO(by);
      check_groups(other["groups"]["rows"], groups(h, by, since));
    }
    std::map<sys_days, int> per_day;
    for (const auto& a : h.log) ++per_day[a.day];
    const auto [current, longest] = streaks(per_day, since, today);
    CHECK(clipped["heatmap"]["current_streak"] == current);
    CHECK(clipped["heatmap"]["longest_streak"] == longest);
  }

  {  // --deck takes a deck and its sub-decks
    const auto ml = nlohmann::json::parse(box.run({"stats", "--json", "--deck", "ml"}).out);
    int cards = 0;
    for (const auto& [q, c] : h.cards) cards += c.deck.rfind("ml/", 0) == 0;
    CHECK(ml["cards"]["total"] == cards);
    auto in_ml = [&](const Answer& a) { return h.cards.at(a.question).deck.rfind("ml/", 0) == 0; };
    const std::vector<std::pair<std::size_t, sys_days>> periods = {
        {2, today - days{6}}, {3, today - days{29}}, {4, today - days{364}}};
    for (const auto& [i, from] : periods) {
      const auto expected = retention(h.log, from, today, in_ml);
      check_rate(ml["retention"][i]["young"], expected[0]);
      check_rate(ml["retention"][i]["mature"], expected[1]);
    }
    int answers = 0;
    for (const auto& a : h.log) answers += a.day == today && in_ml(a);
    CHECK(ml["reviews_today"] == answers);
  }

  {  // text: charts on request, plain numbers otherwise
    const auto plain = box.run({"stats"});
    CHECK(plain.exit_code == 0);
    CHECK_THAT(plain.out, Catch::Contains("True retention"));
    CHECK_THAT(plain.out, Catch::Contains(h.cards.at("ml/deep/nets Layers 1?").path));
    CHECK_THAT(plain.out, !Catch::Contains("█"));
    CHECK_THAT(plain.out, !Catch::Contains("\x1b["));
    const auto charts = box.run({"--color", "always", "stats"});
    CHECK_THAT(charts.out, Catch::Contains("█"));
    box.set_env("NO_COLOR", "1");
    CHECK_THAT(box.run({"stats"}).out, !Catch::Contains("█"));
  }
}

TEST_CASE("stats: bad options are usage errors", "[stats]") {
  Sandbox box;
  CHECK(box.run({"stats", "--since", "last week"}).exit_code == 2);
  CHECK(box.run({"stats", "--by", "tag"}).exit_code == 2);
  CHECK(box.run({"report"}).exit_code == 2);  // --html is required
  const auto help = box.run({"stats", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--since"));
  CHECK(box.run({"report", "--help"}).exit_code == 0);
}
