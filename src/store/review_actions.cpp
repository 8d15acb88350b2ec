// What the review session reads and writes: its queue, answers and their undo, suspend, bury.
#include <optional>
#include <string>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"

namespace recall::store {
namespace {

// Ids and decks of the cards matching `where`, in the order of `index` (a partial index whose
// condition `where` repeats), at most `limit` of them (0: all).
std::vector<Card> select_queue(SQLite::Database& db, const std::string& index,
                               const std::string& where, const CardFilter& filter,
                               const std::string& order, std::chrono::sys_days today,
                               std::size_t limit) {
  // The whole collection walks the queue's index in order and stops early; one deck walks its
  // range of cards_deck (a few thousand rows even in the 1M-card bench), then sorts.
  const std::string hint = " INDEXED BY " + (filter.deck.empty() ? index : "cards_deck");
  SQLite::Statement query(db, "SELECT c.id, c.deck FROM cards c" + hint + " WHERE " + where +
                                  " AND (c.buried_until IS NULL OR c.buried_until <= :today)" +
                                  deck_filter(filter) + " ORDER BY " + order +
                                  (limit > 0 ? " LIMIT " + std::to_string(limit) : ""));
  bind_filter(query, filter);
  query.bind(":today", core::format_date(today));
  std::vector<Card> out;
  while (query.executeStep()) {
    Card card;
    card.id = query.getColumn(0).getInt64();
    card.deck = query.getColumn(1).getString();
    out.push_back(std::move(card));
  }
  return out;
}

// How many cards match `where` and are not buried past `today`; over every deck through `index`
// when one is named (the planner's choice otherwise).
int count_unburied(SQLite::Database& db, const std::string& where, const CardFilter& filter,
                   std::chrono::sys_days today, const std::vector<std::int64_t>& leave_out,
                   const std::string& index = "") {
  std::string not_in;
  for (const std::int64_t id : leave_out) {
    not_in += (not_in.empty() ? " AND c.id NOT IN (" : ", ") + std::to_string(id);
  }
  if (!not_in.empty()) not_in += ")";
  auto count = [&](const std::string& sql) {
    SQLite::Statement query(db, sql + deck_filter(filter) + not_in);
    bind_filter(query, filter);
    if (sql.find(":today") != std::string::npos) query.bind(":today", core::format_date(today));
    query.executeStep();
    return query.getColumn(0).getInt();
  };
  // All of them from an index, less the buried ones (few) through the index of buried cards.
  const std::string hint = !filter.deck.empty() ? " INDEXED BY cards_deck"
                           : index.empty()      ? ""
                                                : " INDEXED BY " + index;
  return count("SELECT count(*) FROM cards c" + hint + " WHERE " + where) -
         count(
             "SELECT count(*) FROM cards c INDEXED BY cards_buried WHERE c.buried_until > "
             ":today AND " +
             where);
}

constexpr const char* kDueWhere = "c.state IN ('learning', 'review') AND c.due <= :today";
constexpr const char* kNewWhere = "c.state = 'new'";

constexpr const char* kUpdateState = R"sql(
  UPDATE cards SET state = :state, repetitions = :reps, interval_days = :interval, ef_centi = :ef,
    lapses = :lapses, due = :due, leech = :leech WHERE id = :card)sql";

}  // namespace

void bind_state(SQLite::Statement& statement, const schedule::ReviewState& state) {
  statement.bind(":state", std::string(schedule::to_string(state.state)));
  statement.bind(":reps", state.repetitions);
  statement.bind(":interval", state.interval_days);
  statement.bind(":ef", state.ef_centi);
  statement.bind(":lapses", state.lapses);
  if (state.due) {
    statement.bind(":due", core::format_date(*state.due));
  } else {
    statement.bind(":due");
  }
}

std::vector<Card> Store::due_unburied(const CardFilter& filter, std::chrono::sys_days today,
                                      std::size_t limit) {
  return select_queue(m_impl->db, "cards_due_queue", kDueWhere, filter,
                      "c.due, c.deck, c.source, c.ord", today, limit);
}

std::vector<Card> Store::new_unburied(const CardFilter& filter, std::chrono::sys_days today,
                                      std::size_t limit) {
  return select_queue(m_impl->db, "cards_new_queue", kNewWhere, filter, "c.deck, c.source, c.ord",
                      today, limit);
}

int Store::count_due_unburied(const CardFilter& filter, std::chrono::sys_days today,
                              const std::vector<std::int64_t>& leave_out) {
  return count_unburied(m_impl->db, kDueWhere, filter, today, leave_out, "cards_due_queue");
}

int Store::count_new_unburied(const CardFilter& filter, std::chrono::sys_days today,
                              const std::vector<std::int64_t>& leave_out) {
  return count_unburied(m_impl->db, kNewWhere, filter, today, leave_out);
}

std::vector<Card> Store::cards_by_id(const std::vector<std::int64_t>& ids) {
  SQLite::Statement query(m_impl->db,
                          "SELECT " + std::string(kCardColumns) + " FROM cards c WHERE c.id = :id");
  std::vector<Card> out;
  out.reserve(ids.size());
  for (const std::int64_t id : ids) {
    query.bind(":id", id);
    if (query.executeStep()) out.push_back(read_card(query));
    query.reset();
  }
  return out;
}

int Store::answers_on(const CardFilter& filter, std::chrono::sys_days day, ReviewKind kind) {
  SQLite::Statement query(m_impl->db,
                          "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
                          "WHERE r.review_day = :day AND r.kind = :kind" +
                              deck_clause(filter));
  bind_deck(query, filter);
  query.bind(":day", core::format_date(day));
  query.bind(":kind", std::string(to_string(kind)));
  query.executeStep();
  return query.getColumn(0).getInt();
}

namespace {

// The card exists and its SM-2 fields are the ones bound by bind_state().
constexpr const char* kCardIs =
    "SELECT count(*) FROM cards WHERE id = :card AND state = :state AND repetitions = :reps AND "
    "interval_days = :interval AND ef_centi = :ef AND lapses = :lapses AND due IS :due";

constexpr const char* kAnswerUpdate = R"sql(
        UPDATE cards SET state = :state, repetitions = :reps, interval_days = :interval,
          ef_centi = :ef, lapses = :lapses, due = :due, updated_at = :at,
          leech = CASE WHEN :leech THEN 1 ELSE leech END
        WHERE id = :card)sql";

// Whether the card exists and its SM-2 fields are `state`; throws for an unknown card.
bool card_is(KeptStatements& statements, std::int64_t card_id, const schedule::ReviewState& state) {
  auto& db = statements.db();
  auto kept = statements.get(kCardIs);
  SQLite::Statement& same = *kept;
  same.bind(":card", card_id);
  bind_state(same, state);
  same.executeStep();
  if (same.getColumn(0).getInt() > 0) return true;
  SQLite::Statement exists(db, "SELECT 1 FROM cards WHERE id = :card");
  exists.bind(":card", card_id);
  if (!exists.executeStep()) throw Error("no such card", "card " + std::to_string(card_id));
  return false;
}

// Store::record_answer and record_answer_if_unchanged: the second writes nothing (nullopt) when
// the card's SM-2 fields are no longer record.before.
// The statements are the store's kept ones, prepared once a session.
std::optional<std::int64_t> write_answer(KeptStatements& statements, const ReviewRecord& record,
                                         bool leech, bool if_unchanged) {
  SQLite::Transaction transaction(statements.db(), SQLite::TransactionBehavior::IMMEDIATE);
  // The card as the session read it, or it changed meanwhile (another session answered it, an
  // import retired it, it was suspended elsewhere): then this answer is not counted.
  if (if_unchanged && !card_is(statements, record.card_id, record.before)) return std::nullopt;
  const std::int64_t id = insert_review(statements, record);

  if (record.kind != ReviewKind::drill) {
    auto kept = statements.get(kAnswerUpdate);
    SQLite::Statement& update = *kept;
    bind_state(update, record.after);
    update.bind(":at", core::format_utc(record.reviewed_at));
    update.bind(":leech", leech ? 1 : 0);
    update.bind(":card", record.card_id);
    if (update.exec() != 1) {
      throw Error("no such card", "card " + std::to_string(record.card_id));
    }
  }
  transaction.commit();
  return id;
}

}  // namespace

std::int64_t Store::record_answer(const ReviewRecord& record, bool leech) {
  return *m_impl->retry_busy(
      [&] { return write_answer(m_impl->statements, record, leech, false); });
}

std::optional<std::int64_t> Store::record_answer_if_unchanged(const ReviewRecord& record,
                                                              bool leech) {
  return m_impl->retry_busy([&] { return write_answer(m_impl->statements, record, leech, true); });
}

bool Store::undo_answer(std::int64_t card_id, std::int64_t review_id,
                        const schedule::ReviewState& before, bool leech_before) {
  auto& db = m_impl->db;
  return m_impl->retry_busy([&] {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement kind(db, "SELECT kind FROM reviews WHERE id = :id AND card_id = :card");
    kind.bind(":id", review_id);
    kind.bind(":card", card_id);
    if (!kind.executeStep()) {
      throw Error("no such answer to undo", "card " + std::to_string(card_id));
    }
    const bool drill = kind.getColumn(0).getString() == to_string(ReviewKind::drill);
    kind.reset();

    if (!drill) {
      // Still as that answer left it? Else another process changed it since: keep its change.
      SQLite::Statement same(db, R"sql(
        SELECT count(*) FROM cards c JOIN reviews r ON r.id = :id
        WHERE c.id = :card AND c.state = r.state_after AND c.repetitions = r.repetitions_after
          AND c.interval_days = r.interval_after AND c.ef_centi = r.ef_after
          AND c.due IS r.due_after)sql");
      same.bind(":id", review_id);
      same.bind(":card", card_id);
      same.executeStep();
      if (same.getColumn(0).getInt() == 0) return false;
    }
    SQLite::Statement remove(db, "DELETE FROM reviews WHERE id = :id");
    remove.bind(":id", review_id);
    remove.exec();
    if (!drill) {
      SQLite::Statement update(db, kUpdateState);
      bind_state(update, before);
      update.bind(":leech", leech_before ? 1 : 0);
      update.bind(":card", card_id);
      if (update.exec() != 1) throw Error("no such card", "card " + std::to_string(card_id));
    }
    transaction.commit();
    return true;
  });
}

void Store::set_card_state(std::int64_t card_id, schedule::CardState state) {
  SQLite::Transaction transaction(m_impl->db);
  SQLite::Statement update(m_impl->db, "UPDATE cards SET state = :state WHERE id = :card");
  update.bind(":state", std::string(schedule::to_string(state)));
  update.bind(":card", card_id);
  if (update.exec() != 1) throw Error("no such card", "card " + std::to_string(card_id));
  transaction.commit();
}

void Store::set_buried_until(std::int64_t card_id, std::optional<std::chrono::sys_days> day) {
  SQLite::Transaction transaction(m_impl->db);
  SQLite::Statement update(m_impl->db, "UPDATE cards SET buried_until = :day WHERE id = :card");
  if (day) {
    update.bind(":day", core::format_date(*day));
  } else {
    update.bind(":day");
  }
  update.bind(":card", card_id);
  if (update.exec() != 1) throw Error("no such card", "card " + std::to_string(card_id));
  transaction.commit();
}

CardMarks Store::card_marks(std::int64_t card_id) {
  SQLite::Statement query(m_impl->db, "SELECT buried_until, leech FROM cards WHERE id = :card");
  query.bind(":card", card_id);
  CardMarks marks;
  if (!query.executeStep()) return marks;
  if (!query.getColumn(0).isNull()) {
    marks.buried_until = core::parse_date(query.getColumn(0).getString());
  }
  marks.leech = query.getColumn(1).getInt() != 0;
  return marks;
}

std::optional<NoteRef> Store::note_of(std::int64_t card_id) {
  SQLite::Statement query(m_impl->db,
                          "SELECT n.path, n.source, n.extract_salt FROM cards c "
                          "JOIN notes n ON n.id = c.note_id WHERE c.id = :card");
  query.bind(":card", card_id);
  if (!query.executeStep()) return std::nullopt;
  return NoteRef{query.getColumn(0).getString(), query.getColumn(1).getString(),
                 query.getColumn(2).getString()};
}

std::vector<std::chrono::sys_days> Store::review_days() {
  SQLite::Statement query(m_impl->db,
                          // The per-day totals (migration 5), not the whole log.
                          "SELECT day FROM review_day_totals WHERE answers > 0 ORDER BY day DESC");
  std::vector<std::chrono::sys_days> days;
  while (query.executeStep()) {
    if (auto day = core::parse_date(query.getColumn(0).getString())) days.push_back(*day);
  }
  return days;
}

}  // namespace recall::store
