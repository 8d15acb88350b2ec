// Per-deck daily limits, set with `recall limits` and read by the review session.
#include "impl.hpp"

namespace recall::store {

std::map<std::string, DeckLimits> Store::deck_limits() {
  SQLite::Statement query(
      m_impl->db, "SELECT deck, new_per_day, reviews_per_day FROM deck_limits ORDER BY deck");
  std::map<std::string, DeckLimits> out;
  while (query.executeStep()) {
    DeckLimits limits;
    if (!query.getColumn(1).isNull()) limits.new_per_day = query.getColumn(1).getInt();
    if (!query.getColumn(2).isNull()) limits.reviews_per_day = query.getColumn(2).getInt();
    out.emplace(query.getColumn(0).getString(), limits);
  }
  return out;
}

void Store::set_deck_limits(const std::string& deck, const DeckLimits& limits) {
  SQLite::Transaction transaction(m_impl->db);
  if (!limits.new_per_day && !limits.reviews_per_day) {
    SQLite::Statement remove(m_impl->db, "DELETE FROM deck_limits WHERE deck = :deck");
    remove.bind(":deck", deck);
    remove.exec();
  } else {
    SQLite::Statement upsert(m_impl->db, R"sql(
      INSERT INTO deck_limits (deck, new_per_day, reviews_per_day) VALUES (:deck, :new, :reviews)
      ON CONFLICT (deck) DO UPDATE SET new_per_day = excluded.new_per_day,
        reviews_per_day = excluded.reviews_per_day)sql");
    upsert.bind(":deck", deck);
    if (limits.new_per_day) {
      upsert.bind(":new", *limits.new_per_day);
    } else {
      upsert.bind(":new");
    }
    if (limits.reviews_per_day) {
      upsert.bind(":reviews", *limits.reviews_per_day);
    } else {
      upsert.bind(":reviews");
    }
    upsert.exec();
  }
  transaction.commit();
}

}  // namespace recall::store
