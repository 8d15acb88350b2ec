#include "recall/store/roots.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "recall/core/error.hpp"
#include "recall/store/store.hpp"

namespace recall::store {

namespace {

// Notes below `root`: paths in [root + '/', root + '0'), as '/' sorts just before '0'.
constexpr const char* kBelow = "n.path >= :root || '/' AND n.path < :root || '0'";

}  // namespace

struct Roots::Impl {
  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READWRITE) {}
  SQLite::Database db;
};

Roots::Roots(const std::filesystem::path& db) {
  try {
    m_impl = std::make_unique<Impl>(db.string());
    m_impl->db.setBusyTimeout(busy_timeout_ms());
    m_impl->db.exec("PRAGMA foreign_keys = ON");
  } catch (const SQLite::Exception& e) {
    throw Error(std::string("cannot open the database: ") + e.what(), db.string());
  }
}

Roots::~Roots() = default;

std::vector<std::string> Roots::list() {
  SQLite::Statement query(m_impl->db, "SELECT path FROM roots ORDER BY path");
  std::vector<std::string> out;
  while (query.executeStep()) out.push_back(query.getColumn(0).getString());
  return out;
}

void Roots::add(const std::string& path, const std::string& now_utc) {
  SQLite::Transaction transaction(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement inner(m_impl->db,
                          "DELETE FROM roots WHERE path >= :root || '/' AND path < :root || '0'");
  inner.bind(":root", path);
  inner.exec();
  SQLite::Statement insert(m_impl->db,
                           "INSERT OR IGNORE INTO roots (path, added_at) VALUES (:root, :at)");
  insert.bind(":root", path);
  insert.bind(":at", now_utc);
  insert.exec();
  transaction.commit();
}

bool Roots::remove(const std::string& path) {
  SQLite::Transaction transaction(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement erase(m_impl->db, "DELETE FROM roots WHERE path = :root");
  erase.bind(":root", path);
  const bool removed = erase.exec() == 1;
  transaction.commit();
  return removed;
}

std::vector<RootUsage> Roots::usage() {
  std::vector<RootUsage> out;
  SQLite::Statement count(m_impl->db, std::string(R"sql(
    SELECT count(DISTINCT c.note_id), count(c.id) FROM notes n
    JOIN cards c ON c.note_id = n.id AND c.state != 'retired' WHERE )sql") +
                                          kBelow);
  for (const auto& root : list()) {
    count.bind(":root", root);
    count.executeStep();
    out.push_back({root, count.getColumn(0).getInt(), count.getColumn(1).getInt()});
    count.reset();
  }
  return out;
}

std::string root_of(const std::string& path, const std::vector<std::string>& roots) {
  std::string best;
  for (const auto& root : roots) {
    const bool inside = path == root || (path.size() > root.size() && path.starts_with(root) &&
                                         (root.ends_with('/') || path[root.size()] == '/'));
    if (inside && (best.empty() || root.size() < best.size())) best = root;
  }
  return best;
}

}  // namespace recall::store
