// Card management outside a review: listing by query, one card with its log, and the changes
// `recall suspend`, `unsuspend`, `forget` and `bury` make.
#include <algorithm>
#include <cctype>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"

namespace recall::store {

namespace {

std::string ascii_lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The WHERE clause of a CardQuery (after `WHERE 1`), its parameters bound by bind_query().
std::string query_where(const CardQuery& q) {
  std::string where = deck_clause({q.deck});
  if (!q.search.empty()) {
    where +=
        " AND (instr(lower(c.question), :search) OR instr(lower(c.answer), :search) OR "
        "instr(lower(c.deck), :search) OR instr(lower(c.source), :search))";
  }
  if (q.state == "buried") {
    where += " AND c.buried_until > :today";
  } else if (q.state == "leech") {
    where += " AND c.leech = 1";
  } else if (!q.state.empty()) {
    where += " AND c.state = :state";
  }
  if (q.due) where += " AND c.state IN ('learning', 'review') AND c.due <= :today";
  if (!q.tag.empty()) {
    where += " AND EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = :tag)";
  }
  return where;
}

void bind_query(SQLite::Statement& statement, const CardQuery& q) {
  bind_deck(statement, {q.deck});
  if (!q.search.empty()) statement.bind(":search", ascii_lower(q.search));
  if (q.state == "buried" || q.due) statement.bind(":today", core::format_date(q.today));
  if (!q.state.empty() && q.state != "buried" && q.state != "leech") {
    statement.bind(":state", q.state);
  }
  if (!q.tag.empty()) statement.bind(":tag", q.tag);
}

// The state an unsuspended card goes back to, from its SM-2 fields: never answered is new, a
// restarted run (last answer below 3) is learning, else review.
std::string unsuspended_state(int repetitions, bool has_due) {
  if (!has_due) return "new";
  return repetitions == 0 ? "learning" : "review";
}

CardChangeResult change_one(SQLite::Database& db, std::int64_t id, CardChange change,
                            std::chrono::sys_days today, const std::string& now) {
  SQLite::Statement read(db,
                         "SELECT key, state, repetitions, due, buried_until FROM cards "
                         "WHERE id = :id");
  read.bind(":id", id);
  CardChangeResult result;
  if (!read.executeStep()) {
    result.key = "card " + std::to_string(id);
    result.why_not = "no such card";
    return result;
  }
  result.key = read.getColumn(0).getString();
  const std::string state = read.getColumn(1).getString();
  const int repetitions = read.getColumn(2).getInt();
  const bool has_due = !read.getColumn(3).isNull();
  const std::string tomorrow = core::format_date(today + std::chrono::days{1});
  const bool buried = !read.getColumn(4).isNull() && read.getColumn(4).getString() >= tomorrow;
  read.reset();

  const bool active = state == "new" || state == "learning" || state == "review";
  std::string sql;
  if (state == "retired") {
    result.why_not = "retired (its note no longer has it)";
  } else if (change == CardChange::suspend) {
    if (!active) result.why_not = "already suspended";
    sql = "UPDATE cards SET state = 'suspended', updated_at = :at WHERE id = :id";
  } else if (change == CardChange::unsuspend) {
    if (state != "suspended") result.why_not = "not suspended";
    sql = "UPDATE cards SET state = '" + unsuspended_state(repetitions, has_due) +
          "', updated_at = :at WHERE id = :id";
  } else if (change == CardChange::forget) {
    if (state == "new" && !buried) result.why_not = "already new";
    sql =
        "UPDATE cards SET state = 'new', repetitions = 0, interval_days = 0, ef_centi = 250, "
        "lapses = 0, due = NULL, leech = 0, buried_until = NULL, updated_at = :at WHERE id = :id";
  } else {  // bury
    if (!active) result.why_not = "suspended";
    if (active && buried) result.why_not = "already buried";
    sql = "UPDATE cards SET buried_until = '" + tomorrow + "', updated_at = :at WHERE id = :id";
  }
  if (!result.why_not.empty()) return result;
  SQLite::Statement update(db, sql);
  update.bind(":at", now);
  update.bind(":id", id);
  result.changed = update.exec() == 1;
  return result;
}

}  // namespace

std::vector<std::string> Store::decks() {
  SQLite::Statement query(m_impl->db, "SELECT DISTINCT deck FROM cards ORDER BY deck");
  std::vector<std::string> out;
  while (query.executeStep()) out.push_back(query.getColumn(0).getString());
  return out;
}

void Store::each_card(const CardQuery& q, const std::function<void(const Card&)>& visit) {
  // `--due` over every deck: the due range of cards_due_queue (partial on learning and review
  // cards, due date first); the planner would take cards_census and read every such card's row.
  const char* hint = q.due && q.deck.empty() ? " INDEXED BY cards_due_queue" : "";
  SQLite::Statement query(m_impl->db, "SELECT " + std::string(kCardColumns) + " FROM cards c" +
                                          hint + " WHERE 1" + query_where(q) +
                                          " ORDER BY c.deck, c.source, c.ord, c.id");
  bind_query(query, q);
  while (query.executeStep()) visit(read_card(query));
}

std::optional<Card> Store::card_by_key(const std::string& key) {
  SQLite::Statement query(
      m_impl->db, "SELECT " + std::string(kCardColumns) + " FROM cards c WHERE c.key = :key");
  query.bind(":key", key);
  if (!query.executeStep()) return std::nullopt;
  return read_card(query);
}

ReviewRow review_row(const SQLite::Statement& statement) {
  ReviewRow row;
  row.id = statement.getColumn(0).getInt64();
  row.reviewed_at = statement.getColumn(1).getString();
  row.review_day = statement.getColumn(2).getString();
  row.grade = statement.getColumn(3).getInt();
  row.kind = statement.getColumn(4).getString();
  row.state_before = statement.getColumn(5).getString();
  row.state_after = statement.getColumn(6).getString();
  row.repetitions_before = statement.getColumn(7).getInt();
  row.repetitions_after = statement.getColumn(8).getInt();
  row.interval_before = statement.getColumn(9).getInt();
  row.interval_after = statement.getColumn(10).getInt();
  row.ef_before = statement.getColumn(11).getInt();
  row.ef_after = statement.getColumn(12).getInt();
  if (!statement.getColumn(13).isNull()) row.due_after = statement.getColumn(13).getString();
  row.answer_ms = statement.getColumn(14).getInt64();
  return row;
}

std::vector<ReviewRow> Store::review_log(std::int64_t card_id) {
  SQLite::Statement query(m_impl->db, std::string("SELECT ") + kReviewColumns +
                                          " FROM reviews WHERE card_id = :card ORDER BY id");
  query.bind(":card", card_id);
  std::vector<ReviewRow> out;
  while (query.executeStep()) out.push_back(review_row(query));
  return out;
}

std::vector<CardChangeResult> Store::change_cards(const std::vector<std::int64_t>& ids,
                                                  CardChange change, std::chrono::sys_days today,
                                                  std::chrono::sys_seconds now) {
  const std::string at = core::format_utc(now);
  return m_impl->retry_busy([&] {
    SQLite::Transaction transaction(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<CardChangeResult> results;
    results.reserve(ids.size());
    for (const std::int64_t id : ids) {
      results.push_back(change_one(m_impl->db, id, change, today, at));
    }
    transaction.commit();
    return results;
  });
}

}  // namespace recall::store
