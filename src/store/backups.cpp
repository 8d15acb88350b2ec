#include "recall/store/backups.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "recall/core/error.hpp"
#include "recall/core/hash.hpp"
#include "recall/store/store.hpp"

namespace recall::store {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kKeepNewest = 10;

// `20260301T093000Z` from `2026-03-01T09:30:00Z`.
std::string compact(const std::string& utc) {
  std::string out;
  for (const char c : utc) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string expanded(const std::string& stamp) {  // the inverse of compact()
  if (stamp.size() != 16) return stamp;
  return stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + "T" +
         stamp.substr(9, 2) + ":" + stamp.substr(11, 2) + ":" + stamp.substr(13, 2) + "Z";
}

// `<database name>-<8 hex digits of its absolute path>-`: what every backup of `db` starts with,
// so that two databases with the same name in different folders never share backups (an undo of
// one must never put back the other).
std::string name_prefix(const fs::path& db) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(db), ec);
  if (ec) absolute = fs::absolute(db);
  return db.stem().string() + "-" + core::hash_hex(absolute.lexically_normal().string(), 8) + "-";
}

void prune(const fs::path& db) {
  const auto backups = list_backups(db);  // newest first
  std::set<std::string> days;
  for (std::size_t i = 0; i < backups.size(); ++i) {
    if (i < kKeepNewest) {
      days.insert(backups[i].taken_at.substr(0, 10));
      continue;
    }
    // Older than the newest ten: one a day, the newest of that day.
    if (days.insert(backups[i].taken_at.substr(0, 10)).second) continue;
    std::error_code ec;
    fs::remove(backups[i].path, ec);
  }
}

}  // namespace

fs::path backup_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute()) {
    return fs::path(xdg) / "recall" / "backups";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".local" / "share" / "recall" / "backups";
  }
  throw Error("cannot find where to keep backups: set XDG_DATA_HOME or HOME");
}

std::vector<BackupFile> list_backups(const fs::path& db) {
  std::vector<BackupFile> out;
  const std::string prefix = name_prefix(db);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(backup_dir(), ec)) {
    const std::string name = entry.path().filename().string();
    // <stem>-<16-character stamp>-<why>.db
    if (!name.starts_with(prefix) || !name.ends_with(".db")) continue;
    const std::string rest = name.substr(prefix.size(), name.size() - prefix.size() - 3);
    if (rest.size() < 18 || rest[8] != 'T' || rest[15] != 'Z' || rest[16] != '-') continue;
    BackupFile backup;
    backup.name = name;
    backup.path = entry.path();
    backup.taken_at = expanded(rest.substr(0, 16));
    backup.why = rest.substr(17);
    if (const auto dash = backup.why.find('-'); dash != std::string::npos) {
      backup.why.resize(dash);  // a sequence number after the reason
    }
    backup.size = entry.file_size(ec);
    out.push_back(std::move(backup));
  }
  // Newest first: by the time in the name, then (several in one second, or a clock set by
  // RECALL_NOW) by when the file was written.
  std::vector<std::pair<BackupFile, fs::file_time_type>> timed;
  for (auto& backup : out) {
    const auto written = fs::last_write_time(backup.path, ec);
    timed.emplace_back(std::move(backup), written);
  }
  std::sort(timed.begin(), timed.end(), [](const auto& a, const auto& b) {
    if (a.first.taken_at != b.first.taken_at) return a.first.taken_at > b.first.taken_at;
    return a.second > b.second;
  });
  out.clear();
  for (auto& [backup, written] : timed) out.push_back(std::move(backup));
  return out;
}

BackupFile take_backup(const fs::path& db, const std::string& taken_at, const std::string& why) {
  const fs::path dir = backup_dir();
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string base = name_prefix(db) + compact(taken_at) + "-" + why;
  // Written under a temporary name (which list_backups() ignores) and renamed when complete, so
  // that a process killed while copying never leaves a half backup to restore.
  const fs::path temp = dir / (base + ".db." + std::to_string(::getpid()) + ".tmp");
  fs::remove(temp, ec);
  try {
    SQLite::Database source(db.string(), SQLite::OPEN_READONLY);
    source.setBusyTimeout(busy_timeout_ms());
    SQLite::Statement vacuum(source, "VACUUM INTO :target");
    vacuum.bind(":target", temp.string());
    vacuum.exec();
  } catch (const SQLite::Exception& e) {
    fs::remove(temp, ec);
    throw Error(std::string("cannot back up the database: ") + e.what(), temp.string());
  }
  fs::path target = dir / (base + ".db");
  for (int n = 2; fs::exists(target, ec); ++n) {
    target = dir / (base + "-" + std::to_string(n) + ".db");
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw Error("cannot back up the database: " + ec.message(), target.string());
  }
  prune(db);
  BackupFile backup;
  backup.name = target.filename().string();
  backup.path = target;
  backup.taken_at = taken_at;
  backup.why = why;
  backup.size = fs::file_size(target, ec);
  return backup;
}

void restore_backup(const fs::path& db, const fs::path& backup) {
  try {
    SQLite::Database source(backup.string(), SQLite::OPEN_READONLY);
    SQLite::Database target(db.string(), SQLite::OPEN_READWRITE);
    target.setBusyTimeout(busy_timeout_ms());
    SQLite::Backup copy(target, source);
    // One step copies every page, under the target's write lock: readers see before or after.
    // Busy (another process writing): wait and try again, as every write does.
    int result = copy.executeStep(-1);
    while (result == SQLITE_BUSY || result == SQLITE_LOCKED) {
      sqlite3_sleep(100);
      result = copy.executeStep(-1);
    }
    if (result != SQLITE_DONE) {
      throw Error("cannot restore the backup: " + std::string(sqlite3_errstr(result)),
                  backup.string());
    }
  } catch (const SQLite::Exception& e) {
    throw Error(std::string("cannot restore the backup: ") + e.what(), backup.string());
  }
}

std::int64_t last_review_id(const fs::path& db) {
  try {
    SQLite::Database source(db.string(), SQLite::OPEN_READONLY);
    source.setBusyTimeout(busy_timeout_ms());
    return source.execAndGet("SELECT coalesce(max(id), 0) FROM reviews").getInt64();
  } catch (const SQLite::Exception& e) {
    throw Error(std::string("cannot read the database: ") + e.what(), db.string());
  }
}

}  // namespace recall::store
