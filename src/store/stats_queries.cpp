// Read-only queries for `recall stats`. Without a deck filter the sums come from the totals
// tables that triggers keep (migrations 5 and 12); with one, from the log joined to the deck's
// cards.
#include "recall/store/stats_queries.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/schedule/leech.hpp"

namespace recall::store {

namespace {

constexpr int kStatsSchema = 12;

std::chrono::sys_days day_of(const SQLite::Column& column) {
  return core::parse_date(column.getString()).value_or(std::chrono::sys_days{});
}

schedule::CardState state_of(const SQLite::Column& column) {
  return schedule::card_state_from_string(column.getString())
      .value_or(schedule::CardState::new_card);
}

// With a deck, every card query walks the deck's range of cards_deck rather than an index over
// the whole collection (state, due, lapses) that the planner would otherwise prefer; without
// one, `whole` names the index to use, if any.
std::string indexed(const CardFilter& filter, std::string sql, const std::string& whole = "") {
  const std::string index = filter.deck.empty() ? whole : "cards_deck";
  if (index.empty()) return sql;
  const std::string from = "FROM cards c ";
  if (auto at = sql.find(from); at != std::string::npos) {
    sql.insert(at + from.size(), "INDEXED BY " + index + " ");
  }
  return sql;
}

// Learning and review cards by due date: the range of cards_due_queue (partial on exactly those
// states, due date first). Without the hint the planner takes cards_census, whose leading column
// is the state, and reads every learning or review card's row.
constexpr const char* kDueIndex = "cards_due_queue";

constexpr const char* kTroubleColumns =
    "SELECT c.key, c.deck, c.question, coalesce(n.path, c.source), c.line, c.state, c.lapses, "
    "c.leech, coalesce(t.scheduled, 0), coalesce(t.passed, 0) FROM cards c "
    "LEFT JOIN notes n ON n.id = c.note_id LEFT JOIN card_review_totals t ON t.card_id = c.id ";

std::vector<TroubleCard> read_trouble(SQLite::Statement& query) {
  std::vector<TroubleCard> out;
  while (query.executeStep()) {
    TroubleCard card;
    card.key = query.getColumn(0).getString();
    card.deck = query.getColumn(1).getString();
    card.question = query.getColumn(2).getString();
    card.path = query.getColumn(3).getString();
    card.line = query.getColumn(4).getInt();
    card.state = state_of(query.getColumn(5));
    card.lapses = query.getColumn(6).getInt();
    card.leech = query.getColumn(7).getInt() != 0;
    card.reviews = query.getColumn(8).getInt();
    card.passed = query.getColumn(9).getInt();
    out.push_back(std::move(card));
  }
  return out;
}

std::string limit_clause(int limit) {
  return limit > 0 ? " LIMIT " + std::to_string(limit) : std::string();
}

}  // namespace

struct StatsReader::Impl {
  // One thread reads a report: no mutex around every call into SQLite (a million rows make
  // several million column reads, about 5% of `stats --by section` in the profile).
  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX) {}
  SQLite::Database db;
};

StatsReader::StatsReader(const std::filesystem::path& path) {
  try {
    m_impl = std::make_unique<Impl>(path.string());
    m_impl->db.setBusyTimeout(5000);
  } catch (const SQLite::Exception& e) {
    throw Error(std::string("cannot open the database: ") + e.what(), path.string());
  }
  if (m_impl->db.execAndGet("PRAGMA user_version").getInt() < kStatsSchema) {
    throw Error("database not migrated for statistics; open it with `recall stats` first",
                path.string());
  }
}

StatsReader::~StatsReader() = default;

std::vector<DayTotals> StatsReader::day_totals(const CardFilter& filter, std::chrono::sys_days from,
                                               std::chrono::sys_days to) {
  const std::string sql =
      filter.deck.empty()
          ? "SELECT day, answers, new_cards, drills, answer_ms, young, young_passed, mature, "
            "mature_passed FROM review_day_totals WHERE day >= :from AND day <= :to "
            "AND answers > 0 ORDER BY day"
          : "SELECT r.review_day, count(*), sum(r.kind = 'new'), sum(r.kind = 'drill'), "
            "sum(r.answer_ms), "
            "sum(r.kind = 'scheduled' AND r.interval_before < 21), "
            "sum(r.kind = 'scheduled' AND r.interval_before < 21 AND r.grade >= 3), "
            "sum(r.kind = 'scheduled' AND r.interval_before >= 21), "
            "sum(r.kind = 'scheduled' AND r.interval_before >= 21 AND r.grade >= 3) "
            "FROM cards c CROSS JOIN reviews r ON r.card_id = c.id "
            "WHERE r.review_day >= :from AND r.review_day <= :to" +
                deck_filter(filter) + " GROUP BY r.review_day ORDER BY r.review_day";
  SQLite::Statement query(m_impl->db, sql);
  bind_filter(query, filter);
  query.bind(":from", core::format_date(from));
  query.bind(":to", core::format_date(to));
  std::vector<DayTotals> out;
  while (query.executeStep()) {
    DayTotals d;
    d.day = day_of(query.getColumn(0));
    d.answers = query.getColumn(1).getInt();
    d.new_cards = query.getColumn(2).getInt();
    d.drills = query.getColumn(3).getInt();
    d.answer_ms = query.getColumn(4).getInt64();
    d.young = query.getColumn(5).getInt();
    d.young_passed = query.getColumn(6).getInt();
    d.mature = query.getColumn(7).getInt();
    d.mature_passed = query.getColumn(8).getInt();
    out.push_back(d);
  }
  return out;
}

std::vector<CensusRow> StatsReader::census(const CardFilter& filter) {
  // The whole collection from the census that triggers keep (schema 12), a deck from its cards.
  SQLite::Statement query(
      m_impl->db,
      filter.deck.empty()
          ? "SELECT state, interval_days, ef_centi, cards FROM card_census WHERE cards > 0"
          : indexed(filter,
                    "SELECT c.state, c.interval_days, c.ef_centi, count(*) FROM cards c "
                    "WHERE 1" +
                        deck_filter(filter) + " GROUP BY c.state, c.interval_days, c.ef_centi"));
  bind_filter(query, filter);
  std::vector<CensusRow> out;
  while (query.executeStep()) {
    out.push_back({state_of(query.getColumn(0)), query.getColumn(1).getInt(),
                   query.getColumn(2).getInt(), query.getColumn(3).getInt()});
  }
  return out;
}

int StatsReader::suspended_leeches(const CardFilter& filter) {
  // `lapses > 0` lets the partial index cards_lapses serve: a leech has kLeechLapses or more.
  SQLite::Statement query(
      m_impl->db, indexed(filter,
                          "SELECT count(*) FROM cards c WHERE c.lapses > 0 AND c.lapses >= :min "
                          "AND c.leech = 1 AND c.state = 'suspended'" +
                              deck_filter(filter)));
  bind_filter(query, filter);
  query.bind(":min", schedule::kLeechLapses);
  query.executeStep();
  return query.getColumn(0).getInt();
}

std::vector<int> StatsReader::due_per_day(const CardFilter& filter, std::chrono::sys_days from,
                                          std::chrono::sys_days to) {
  std::vector<int> out(static_cast<std::size_t>(std::max(0L, (to - from).count() + 1)), 0);
  SQLite::Statement query(
      m_impl->db, indexed(filter,
                          "SELECT c.due, count(*) FROM cards c WHERE c.state IN ('learning', "
                          "'review') AND c.due >= :from AND c.due <= :to" +
                              deck_filter(filter) + " GROUP BY c.due",
                          kDueIndex));
  bind_filter(query, filter);
  query.bind(":from", core::format_date(from));
  query.bind(":to", core::format_date(to));
  while (query.executeStep()) {
    const auto index = (day_of(query.getColumn(0)) - from).count();
    if (index >= 0 && index < static_cast<long>(out.size())) {
      out[static_cast<std::size_t>(index)] = query.getColumn(1).getInt();
    }
  }
  return out;
}

int StatsReader::due_before(const CardFilter& filter, std::chrono::sys_days day) {
  SQLite::Statement query(
      m_impl->db, indexed(filter,
                          "SELECT count(*) FROM cards c WHERE c.state IN ('learning', 'review') "
                          "AND c.due < :day" +
                              deck_filter(filter),
                          kDueIndex));
  bind_filter(query, filter);
  query.bind(":day", core::format_date(day));
  query.executeStep();
  return query.getColumn(0).getInt();
}

std::vector<TroubleCard> StatsReader::leeches(const CardFilter& filter, int limit) {
  SQLite::Statement query(
      m_impl->db,
      indexed(filter, std::string(kTroubleColumns) +
                          "WHERE c.lapses > 0 AND c.lapses >= :min AND "
                          "c.leech = 1" +
                          deck_filter(filter) + " ORDER BY c.lapses DESC, c.deck, c.line, c.key" +
                          limit_clause(limit)));
  bind_filter(query, filter);
  query.bind(":min", schedule::kLeechLapses);
  return read_trouble(query);
}

std::vector<TroubleCard> StatsReader::most_lapses(const CardFilter& filter, int limit) {
  SQLite::Statement query(
      m_impl->db, std::string(kTroubleColumns) + "WHERE c.lapses > 0 AND c.leech = 0" +
                      deck_filter(filter) + " ORDER BY c.lapses DESC, c.deck, c.line, c.key" +
                      limit_clause(limit));
  bind_filter(query, filter);
  return read_trouble(query);
}

std::vector<GroupRetention> StatsReader::group_retention(
    const CardFilter& filter, GroupBy by, std::optional<std::chrono::sys_days> since) {
  return store::group_retention(m_impl->db, filter, by, since);
}

}  // namespace recall::store
