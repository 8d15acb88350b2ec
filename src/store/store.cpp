// Opening the database, reading cards and logging reviews.
#include "recall/store/store.hpp"

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/core/json_text.hpp"

namespace recall::store {

namespace fs = std::filesystem;

std::filesystem::path default_db_path(const std::optional<std::filesystem::path>& flag) {
  if (flag && !flag->empty()) return *flag;
  if (const char* env = std::getenv("RECALL_DB"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute()) {
    return fs::path(xdg) / "recall" / "recall.db";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".local" / "share" / "recall" / "recall.db";
  }
  throw Error("cannot find where to keep the database: set RECALL_DB, XDG_DATA_HOME or HOME", "",
              kExitUsage);
}

std::string_view to_string(ReviewKind kind) {
  switch (kind) {
    case ReviewKind::new_card:
      return "new";
    case ReviewKind::scheduled:
      return "scheduled";
    case ReviewKind::drill:
      return "drill";
  }
  return "scheduled";
}

std::string_view to_string(PlanAction action) {
  switch (action) {
    case PlanAction::new_card:
      return "new";
    case PlanAction::updated:
      return "updated";
    case PlanAction::unchanged:
      return "unchanged";
    case PlanAction::moved:
      return "moved";
    case PlanAction::renamed:
      return "renamed";
    case PlanAction::retired:
      return "retired";
    case PlanAction::restored:
      return "restored";
    case PlanAction::duplicate:
      return "duplicate";
  }
  return "unchanged";
}

int ImportPlan::count(PlanAction action) const {
  int n = action == PlanAction::unchanged ? kept : 0;
  for (const auto& card : cards) n += card.action == action ? 1 : 0;
  return n;
}

int busy_timeout_ms() {
  if (const char* env = std::getenv("RECALL_BUSY_TIMEOUT_MS"); env && *env) {
    char* end = nullptr;
    const long ms = std::strtol(env, &end, 10);
    if (*end == '\0' && ms > 0 && ms <= 3'600'000) return static_cast<int>(ms);
  }
  return 10'000;
}

namespace {

void configure(SQLite::Database& db) {
  db.setBusyTimeout(busy_timeout_ms());
  db.exec("PRAGMA foreign_keys = ON");
}

// Refuses, before anything is written, a database that recall did not make: tables of its own
// and no recall schema (recall's first migration makes `notes`, `cards` and `reviews` together).
void refuse_foreign(SQLite::Database& db, const std::string& where) {
  // One snapshot: another process may be creating recall's tables right now.
  SQLite::Transaction snapshot(db);
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  const int tables =
      db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").getInt();
  const int ours = db.execAndGet(
                         "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                         "name IN ('notes', 'cards', 'reviews')")
                       .getInt();
  if ((version == 0 && tables > 0) || (version > 0 && ours < 3)) {
    throw Error("not a recall database (it holds tables recall did not make); left untouched",
                where);
  }
  snapshot.commit();
}

// Refuses a database recall cannot write to, before a session shows a card whose answer would
// be lost: SQLite opens a write-protected file read-only without a word.
void refuse_read_only(SQLite::Database& db, const fs::path& path) {
  const bool exists = fs::exists(path);
  if (sqlite3_db_readonly(db.getHandle(), "main") == 1 ||
      (exists && ::access(path.c_str(), W_OK) != 0)) {
    throw Error("the database is read-only: recall needs to write to it (check its permissions)",
                path.string());
  }
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (::access(folder.c_str(), W_OK | X_OK) != 0) {
    throw Error(
        "the database's folder is read-only: recall needs to write its journal there "
        "(check its permissions)",
        folder.string());
  }
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Store::Store(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  try {
    m_impl = std::make_unique<Impl>(
        path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    configure(m_impl->db);
    refuse_read_only(m_impl->db, path);
    refuse_foreign(m_impl->db, path.string());
    // Several processes may open a new database at once: switching to WAL takes an exclusive
    // lock, which the busy timeout may not wait for.
    m_impl->retry_busy([&] { m_impl->db.exec("PRAGMA journal_mode = WAL"); });
    m_impl->db.exec("PRAGMA synchronous = NORMAL");
    migrate(m_impl->db, path.string());
  } catch (const SQLite::Exception& e) {
    throw Error(std::string("cannot open the database: ") + e.what(), path.string());
  }
}

std::unique_ptr<Store> Store::in_memory() {
  auto impl = std::make_unique<Impl>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  configure(impl->db);
  migrate(impl->db, ":memory:");
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

void Store::set_on_busy(std::function<void(int)> on_busy) { m_impl->on_busy = std::move(on_busy); }

Store::~Store() = default;

int Store::schema_version() const { return m_impl->db.execAndGet("PRAGMA user_version").getInt(); }

std::string context_to_json(const std::vector<std::string>& context) {
  return nlohmann::json(context).dump();
}

namespace {

// The strings of an array as context_to_json() writes it when none needs an escape
// (`["a","b"]`); nullopt for anything else, left to the JSON parser. `stats --by section` reads
// the headings of every section (40,000 in the 1M-card bench).
std::optional<std::vector<std::string>> plain_json_strings(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return std::nullopt;
  std::vector<std::string> out;
  std::size_t i = 1;
  const std::size_t end = text.size() - 1;
  if (i == end) return out;
  while (true) {
    if (text[i] != '"') return std::nullopt;
    const std::size_t close = text.find('"', i + 1);
    if (close == std::string_view::npos || close >= end) return std::nullopt;
    const std::string_view item = text.substr(i + 1, close - i - 1);
    for (const char c : item) {
      if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    }
    if (!core::valid_utf8(item)) return std::nullopt;
    out.emplace_back(item);
    i = close + 1;
    if (i == end) return out;
    if (text[i] != ',') return std::nullopt;
    ++i;
  }
}

}  // namespace

std::vector<std::string> context_from_json(const std::string& text) {
  if (auto plain = plain_json_strings(text)) return std::move(*plain);
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return {};
  std::vector<std::string> out;
  for (const auto& item : parsed) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

extract::CardDraft draft_from_row(SQLite::Statement& row, int first) {
  extract::CardDraft d;
  d.deck = row.getColumn(first).getString();
  d.question = row.getColumn(first + 1).getString();
  d.answer = row.getColumn(first + 2).getString();
  d.kind = row.getColumn(first + 3).getString();
  d.rule = row.getColumn(first + 4).getString();
  d.confidence = row.getColumn(first + 5).getDouble();
  d.source = row.getColumn(first + 6).getString();
  d.line = row.getColumn(first + 7).getInt();
  d.context = context_from_json(row.getColumn(first + 8).getString());
  d.tags = context_from_json(row.getColumn(first + 9).getString());
  return d;
}

void bind_draft_columns(SQLite::Statement& statement, const extract::CardDraft& d) {
  statement.bind(":deck", d.deck);
  statement.bind(":question", d.question);
  statement.bind(":answer", d.answer);
  statement.bind(":kind", d.kind);
  statement.bind(":rule", d.rule);
  statement.bind(":confidence", d.confidence);
  statement.bind(":source", d.source);
  statement.bind(":line", d.line);
}

Card read_card(SQLite::Statement& row) {
  Card card;
  card.id = row.getColumn(0).getInt64();
  card.key = row.getColumn(1).getString();
  card.deck = row.getColumn(2).getString();
  card.question = row.getColumn(3).getString();
  card.answer = row.getColumn(4).getString();
  card.kind = row.getColumn(5).getString();
  card.rule = row.getColumn(6).getString();
  card.confidence = row.getColumn(7).getDouble();
  card.source = row.getColumn(8).getString();
  card.line = row.getColumn(9).getInt();
  card.context = context_from_json(row.getColumn(10).getString());
  card.sm2.state = schedule::card_state_from_string(row.getColumn(11).getString())
                       .value_or(schedule::CardState::new_card);
  card.sm2.repetitions = row.getColumn(12).getInt();
  card.sm2.interval_days = row.getColumn(13).getInt();
  card.sm2.ef_centi = row.getColumn(14).getInt();
  card.sm2.lapses = row.getColumn(15).getInt();
  if (!row.getColumn(16).isNull()) card.sm2.due = core::parse_date(row.getColumn(16).getString());
  card.reviews = row.getColumn(17).getInt();
  card.tags = context_from_json(row.getColumn(18).getString());
  return card;
}

std::string deck_clause(const CardFilter& filter) {
  if (filter.deck.empty()) return {};
  return " AND (c.deck = :deck OR substr(c.deck, 1, length(:deck) + 1) = :deck || '/')";
}

void bind_deck(SQLite::Statement& statement, const CardFilter& filter) {
  if (!filter.deck.empty()) statement.bind(":deck", filter.deck);
}

std::string deck_filter(const CardFilter& filter) {
  if (filter.deck.empty()) return {};
  return deck_clause(filter) + " AND c.deck >= :deck_low AND c.deck < :deck_high";
}

void bind_filter(SQLite::Statement& statement, const CardFilter& filter) {
  if (filter.deck.empty()) return;
  bind_deck(statement, filter);
  statement.bind(":deck_low", filter.deck);
  statement.bind(":deck_high", filter.deck + "0");
}

namespace {

std::vector<Card> query_cards(SQLite::Database& db, const std::string& where,
                              const CardFilter& filter, const std::string& order,
                              const std::function<void(SQLite::Statement&)>& bind = {},
                              const std::string& index = "") {
  const std::string hint = index.empty() || !filter.deck.empty() ? "" : " INDEXED BY " + index;
  SQLite::Statement query(db, "SELECT " + std::string(kCardColumns) + " FROM cards c" + hint +
                                  " WHERE " + where + deck_clause(filter) + " ORDER BY " + order);
  bind_deck(query, filter);
  if (bind) bind(query);
  std::vector<Card> out;
  while (query.executeStep()) out.push_back(read_card(query));
  return out;
}

}  // namespace

std::vector<Card> Store::due_cards(const CardFilter& filter, std::chrono::sys_days today) {
  return query_cards(
      m_impl->db, "c.state IN ('learning', 'review') AND c.due <= :today", filter,
      "c.due, c.deck, c.source, c.ord",
      [&](SQLite::Statement& q) { q.bind(":today", core::format_date(today)); },
      "cards_due_queue");  // in its order; the planner would take cards_census
}

std::vector<Card> Store::new_cards(const CardFilter& filter, int limit) {
  if (limit <= 0) return {};
  return query_cards(m_impl->db, "c.state = 'new'", filter,
                     "c.deck, c.source, c.ord LIMIT " + std::to_string(limit));
}

std::vector<Card> Store::cards(const CardFilter& filter) {
  return query_cards(m_impl->db, "1", filter, "c.deck, c.source, c.ord");
}

std::optional<Card> Store::card_by_id(std::int64_t id) {
  auto found = query_cards(m_impl->db, "c.id = :id", {}, "c.id",
                           [&](SQLite::Statement& q) { q.bind(":id", id); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

int Store::reviews_on(std::chrono::sys_days day, std::optional<ReviewKind> kind) {
  SQLite::Statement query(m_impl->db,
                          std::string("SELECT count(*) FROM reviews WHERE review_day = :day") +
                              (kind ? " AND kind = :kind" : ""));
  query.bind(":day", core::format_date(day));
  if (kind) query.bind(":kind", std::string(to_string(*kind)));
  query.executeStep();
  return query.getColumn(0).getInt();
}

namespace {

constexpr const char* kInsertReview = R"sql(
    INSERT INTO reviews (card_id, reviewed_at, review_day, grade, kind, state_before, state_after,
      repetitions_before, repetitions_after, interval_before, interval_after, ef_before, ef_after,
      due_after, answer_ms)
    VALUES (:card, :at, :day, :grade, :kind, :state_before, :state_after, :reps_before,
      :reps_after, :interval_before, :interval_after, :ef_before, :ef_after, :due_after, :ms))sql";

}  // namespace

std::int64_t insert_review(KeptStatements& statements, const ReviewRecord& record) {
  auto kept = statements.get(kInsertReview);
  SQLite::Statement& insert = *kept;
  insert.bind(":card", record.card_id);
  insert.bind(":at", core::format_utc(record.reviewed_at));
  insert.bind(":day", core::format_date(record.review_day));
  insert.bind(":grade", record.grade);
  insert.bind(":kind", std::string(to_string(record.kind)));
  insert.bind(":state_before", std::string(schedule::to_string(record.before.state)));
  insert.bind(":state_after", std::string(schedule::to_string(record.after.state)));
  insert.bind(":reps_before", record.before.repetitions);
  insert.bind(":reps_after", record.after.repetitions);
  insert.bind(":interval_before", record.before.interval_days);
  insert.bind(":interval_after", record.after.interval_days);
  insert.bind(":ef_before", record.before.ef_centi);
  insert.bind(":ef_after", record.after.ef_centi);
  if (record.after.due) {
    insert.bind(":due_after", core::format_date(*record.after.due));
  } else {
    insert.bind(":due_after");
  }
  insert.bind(":ms", record.answer_ms);
  insert.exec();
  return statements.db().getLastInsertRowid();
}

void Store::record_review(const ReviewRecord& record) {
  SQLite::Transaction transaction(m_impl->db);
  insert_review(m_impl->statements, record);

  if (record.kind != ReviewKind::drill) {
    SQLite::Statement update(m_impl->db, R"sql(
      UPDATE cards SET state = :state, repetitions = :reps, interval_days = :interval,
        ef_centi = :ef, lapses = :lapses, due = :due, updated_at = :at WHERE id = :card)sql");
    update.bind(":state", std::string(schedule::to_string(record.after.state)));
    update.bind(":reps", record.after.repetitions);
    update.bind(":interval", record.after.interval_days);
    update.bind(":ef", record.after.ef_centi);
    update.bind(":lapses", record.after.lapses);
    if (record.after.due) {
      update.bind(":due", core::format_date(*record.after.due));
    } else {
      update.bind(":due");
    }
    update.bind(":at", core::format_utc(record.reviewed_at));
    update.bind(":card", record.card_id);
    if (update.exec() != 1) {
      throw Error("no such card", "card " + std::to_string(record.card_id));
    }
  }
  transaction.commit();
}

StateCounts Store::state_counts(const CardFilter& filter) {
  SQLite::Statement query(m_impl->db, "SELECT c.state, count(*) FROM cards c WHERE 1" +
                                          deck_clause(filter) + " GROUP BY c.state");
  bind_deck(query, filter);
  StateCounts counts;
  while (query.executeStep()) {
    const std::string state = query.getColumn(0).getString();
    const int n = query.getColumn(1).getInt();
    if (state == "new") counts.new_cards = n;
    if (state == "learning") counts.learning = n;
    if (state == "review") counts.review = n;
    if (state == "suspended") counts.suspended = n;
    if (state == "retired") counts.retired = n;
  }
  return counts;
}

bool Store::has_cards() {
  return m_impl->db.execAndGet("SELECT EXISTS (SELECT 1 FROM cards)").getInt() != 0;
}

int Store::due_between(const CardFilter& filter, std::chrono::sys_days from,
                       std::chrono::sys_days to) {
  SQLite::Statement query(
      m_impl->db,
      // One deck: its range of cards_deck, not every due card's row; all:
      // the due range of cards_due_queue (partial on these states).
      std::string("SELECT count(*) FROM cards c") +
          (filter.deck.empty() ? " INDEXED BY cards_due_queue" : " INDEXED BY cards_deck") +
          " WHERE c.state IN ('learning', 'review') "
          "AND c.due >= :from AND c.due <= :to" +
          deck_filter(filter));
  bind_filter(query, filter);
  query.bind(":from", core::format_date(from));
  query.bind(":to", core::format_date(to));
  query.executeStep();
  return query.getColumn(0).getInt();
}

std::pair<int, int> Store::retention(const CardFilter& filter, std::chrono::sys_days from,
                                     std::chrono::sys_days to) {
  SQLite::Statement query(m_impl->db,
                          "SELECT count(*), coalesce(sum(r.grade >= 3), 0) FROM reviews r "
                          "JOIN cards c ON c.id = r.card_id WHERE r.kind = 'scheduled' "
                          "AND r.review_day >= :from AND r.review_day <= :to" +
                              deck_clause(filter));
  bind_deck(query, filter);
  query.bind(":from", core::format_date(from));
  query.bind(":to", core::format_date(to));
  query.executeStep();
  return {query.getColumn(0).getInt(), query.getColumn(1).getInt()};
}

}  // namespace recall::store
