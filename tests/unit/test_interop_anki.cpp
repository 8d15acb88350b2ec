// Anki's HTML subset to markdown, Anki's schedule and buttons to SM-2, and Anki's plain text out.
#include <catch2/catch.hpp>

#include "recall/core/clock.hpp"
#include "recall/interop/anki_import.hpp"
#include "recall/interop/anki_text.hpp"

using recall::interop::html_to_markdown;

TEST_CASE("Anki's HTML becomes markdown", "[interop][anki]") {
  const std::vector<std::tuple<std::string, std::string, int>> cases = {
      {"plain text", "plain text", 0},
      {"line one<br>line two<br/>three<br />four", "line one\nline two\nthree\nfour", 0},
      {"<div>first</div><div>second</div>", "first\nsecond", 0},
      {"<p>para</p>\n\n<p>graph</p>", "para\ngraph", 0},  // never a blank line
      {"<b>bold</b> and <strong>strong</strong>", "**bold** and **strong**", 0},
      {"<i>it</i> <EM>em</EM>", "*it* *em*", 0},
      {"<code>x = 1</code>", "`x = 1`", 0},
      {"<ul><li>one</li><li>two</li></ul>", "- one\n- two", 0},
      {"a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;&nbsp;f", "a & b <c> \"d\" 'e' A f", 0},
      {"&unknown; & alone", "&unknown; & alone", 0},
      {"<span style=\"color: red\">red</span>", "red", 0},
      {"see <img src=\"cell.png\"> here", "see  here", 1},
      {"say [sound:hello.mp3]", "say", 1},
      {"<b></b>empty markers", "empty markers", 0},
      {"{{c1::Paris}} is in <b>France</b>", "{{c1::Paris}} is in **France**", 0},
      {"사과 &amp; 배", "사과 & 배", 0},
  };
  for (const auto& [html, markdown, media] : cases) {
    INFO(html);
    int counted = 0;
    CHECK(html_to_markdown(html, &counted) == markdown);
    CHECK(counted == media);
  }
}

TEST_CASE("Anki's buttons are SM-2 grades as recall's four-button layout maps them",
          "[interop][anki]") {
  CHECK(recall::interop::grade_of_anki_ease(1) == 1);
  CHECK(recall::interop::grade_of_anki_ease(2) == 3);
  CHECK(recall::interop::grade_of_anki_ease(3) == 4);
  CHECK(recall::interop::grade_of_anki_ease(4) == 5);
}

TEST_CASE("Anki's schedule and review log become SM-2 fields and log rows", "[interop][anki]") {
  using namespace std::chrono;
  const sys_days created = *recall::core::parse_date("2026-01-01");
  recall::interop::AnkiCard card;
  CHECK_FALSE(recall::interop::schedule_from_anki(card, created, 4));  // new in Anki

  card.type = 2;
  card.queue = 2;
  card.due = 70;  // days after the collection's creation: 2026-03-12
  card.ivl = 15;
  card.factor = 2650;
  card.lapses = 1;
  const sys_seconds jan10 = sys_days(*recall::core::parse_date("2026-01-10")) + hours(12);
  card.revlog = {
      {(jan10.time_since_epoch().count()) * 1000, 3, -600, 0, 2500, 8000, 0},  // learn: good
      {(jan10 + minutes(10)).time_since_epoch().count() * 1000, 3, 1, -600, 2500, 5000, 0},
      {(jan10 + days(1)).time_since_epoch().count() * 1000, 1, -600, 1, 2300, 9000, 1},  // again
      {(jan10 + days(2)).time_since_epoch().count() * 1000, 4, 15, 1, 2650, 3000, 2},    // easy
      {(jan10 + days(3)).time_since_epoch().count() * 1000, 0, 20, 15, 2650, 0, 4},  // manual
  };
  const auto seed = recall::interop::schedule_from_anki(card, created, 4);
  REQUIRE(seed);
  CHECK(seed->state.state == recall::schedule::CardState::review);
  CHECK(seed->state.interval_days == 15);
  CHECK(seed->state.ef_centi == 265);
  CHECK(seed->state.lapses == 1);
  CHECK(seed->state.repetitions == 2);
  CHECK(recall::core::format_date(*seed->state.due) == "2026-03-12");

  REQUIRE(seed->log.size() == 4);  // the manual reschedule is no answer
  CHECK(seed->log[0].kind == recall::store::ReviewKind::new_card);
  CHECK(seed->log[0].grade == 4);
  CHECK(seed->log[0].answer_ms == 8000);
  CHECK(seed->log[1].kind == recall::store::ReviewKind::drill);  // same day: a learning step
  CHECK(seed->log[2].kind == recall::store::ReviewKind::scheduled);
  CHECK(seed->log[2].grade == 1);
  CHECK(seed->log[2].after.state == recall::schedule::CardState::learning);
  CHECK(seed->log[2].after.lapses == 1);
  CHECK(seed->log[3].grade == 5);
  CHECK(seed->log[3].after.interval_days == 15);
  CHECK(seed->log[3].after.ef_centi == 265);
  CHECK(recall::core::format_date(seed->log[3].review_day) == "2026-01-12");

  card.queue = -1;  // suspended in Anki
  CHECK(recall::interop::schedule_from_anki(card, created, 4)->state.state ==
        recall::schedule::CardState::suspended);
}

TEST_CASE("recall's cards as Anki plain text", "[interop][anki]") {
  recall::store::Card card;
  card.question = "Tab\there?";
  card.answer = "a \"quoted\"\nanswer";
  card.deck = "ml/deep";
  card.tags = {"two words", "x"};
  const std::string tsv = recall::interop::notes_in_plain_text({card}, '\t');
  CHECK(tsv ==
        "#separator:tab\n#html:true\n#notetype:Basic\n#deck column:3\n#tags column:4\n"
        "\"Tab\there?\"\ta &quot;quoted&quot;<br>answer\tml::deep\ttwo_words x\n");
  card.deck.clear();
  const std::string csv = recall::interop::notes_in_plain_text({card}, ',');
  CHECK_THAT(csv, Catch::EndsWith("Tab\there?,a &quot;quoted&quot;<br>answer,Default,two_words x\n"));
}
