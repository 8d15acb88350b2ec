// The day's queue: order, spreading new cards among reviews, daily limits per deck.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "recall/review/queue.hpp"

using recall::review::build_queue;
using recall::review::DailyLimit;
using recall::review::deck_under;
using recall::review::SessionLimits;
using recall::store::Card;

namespace {

Card card(const std::string& question, const std::string& deck = "d") {
  Card c;
  c.question = question;
  c.deck = deck;
  return c;
}

std::vector<Card> cards(const std::string& prefix, int n, const std::string& deck = "d") {
  std::vector<Card> out;
  for (int i = 1; i <= n; ++i) out.push_back(card(prefix + std::to_string(i), deck));
  return out;
}

std::string order(const std::vector<Card>& queue) {
  std::string out;
  for (const auto& c : queue) out += (out.empty() ? "" : " ") + c.question;
  return out;
}

SessionLimits unlimited() { return {{{"", 1000, 1000}}, {{"", 1000, 1000}}}; }

}  // namespace

TEST_CASE("queue: deck_under", "[review][queue]") {
  CHECK(deck_under("ml", ""));
  CHECK(deck_under("ml", "ml"));
  CHECK(deck_under("ml/deep", "ml"));
  CHECK_FALSE(deck_under("mlops", "ml"));
  CHECK_FALSE(deck_under("ml", "ml/deep"));
  CHECK_FALSE(deck_under("", "ml"));
}

TEST_CASE("queue: new cards are spread evenly among the reviews", "[review][queue]") {
  CHECK(order(build_queue(cards("R", 10), cards("N", 2), unlimited(), 0).cards) ==
        "R1 R2 R3 N1 R4 R5 R6 N2 R7 R8 R9 R10");
  CHECK(order(build_queue(cards("R", 2), cards("N", 5), unlimited(), 0).cards) ==
        "N1 N2 R1 N3 N4 N5 R2");
  CHECK(order(build_queue(cards("R", 3), {}, unlimited(), 0).cards) == "R1 R2 R3");
  CHECK(order(build_queue({}, cards("N", 3), unlimited(), 0).cards) == "N1 N2 N3");
  CHECK(order(build_queue(cards("R", 1), cards("N", 1), unlimited(), 0).cards) == "N1 R1");
}

TEST_CASE("queue: --limit keeps due cards first", "[review][queue]") {
  CHECK(order(build_queue(cards("R", 2), cards("N", 2), unlimited(), 3).cards) == "R1 N1 R2");
  CHECK(order(build_queue(cards("R", 5), cards("N", 2), unlimited(), 3).cards) == "R1 R2 R3");
}

TEST_CASE("queue: limits apply to their deck and its sub-decks", "[review][queue]") {
  std::vector<Card> fresh = {card("a1", "a"), card("b1", "b"), card("a2", "a/x"),
                             card("b2", "b"), card("a3", "a"), card("b3", "b")};
  SessionLimits limits;
  limits.reviews = {{"", 200, 200}};
  // Every deck: 4 new left today; deck a (with a/x): 2.
  limits.new_cards = {{"", 20, 4}, {"a", 5, 2}};
  const auto plan = build_queue({}, fresh, limits, 0);
  CHECK(order(plan.cards) == "a1 b1 a2 b2");
  CHECK(plan.new_held_back == 2);
  // Reviews held back by a spent limit.
  limits.reviews = {{"b", 10, 0}};
  const auto reviews = build_queue({card("r1", "a"), card("r2", "b/y")}, {}, limits, 0);
  CHECK(order(reviews.cards) == "r1");
  CHECK(reviews.due_held_back == 1);
}
