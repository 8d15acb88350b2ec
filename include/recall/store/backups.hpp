// Copies of the database taken before every import that changes cards and every migration, so
// that a mistaken import can be undone and any state put back (`recall backups`, `restore`,
// `undo`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace recall::store {

// $XDG_DATA_HOME/recall/backups, else ~/.local/share/recall/backups. Throws recall::Error when
// neither can be found.
std::filesystem::path backup_dir();

// One backup file: `<database name>-<path hash>-<YYYYMMDD>T<HHMMSS>Z-<why>.db` in backup_dir(),
// the path hash being 8 hex digits of the database's absolute path.
struct BackupFile {
  std::string name;  // the file name, what `recall restore` takes
  std::filesystem::path path;
  std::string taken_at;  // UTC, YYYY-MM-DDTHH:MM:SSZ
  std::string why;       // import, migration, restore, undo
  std::uintmax_t size = 0;
};

// The backups of database `db` (by its file name), newest first.
std::vector<BackupFile> list_backups(const std::filesystem::path& db);

// Copies `db` (a consistent snapshot, with VACUUM INTO, while other processes may be writing)
// into backup_dir(), then prunes: the newest 10 are kept, and of older ones at most one a day.
// `taken_at` is UTC `YYYY-MM-DDTHH:MM:SSZ`. Returns the new backup. Throws recall::Error.
BackupFile take_backup(const std::filesystem::path& db, const std::string& taken_at,
                   const std::string& why);

// Puts `backup` in place of `db`'s content with SQLite's backup API (the live database's WAL and
// other connections stay consistent). Throws recall::Error.
void restore_backup(const std::filesystem::path& db, const std::filesystem::path& backup);

// Whether the database file exists with a schema older than this binary's (it will be migrated
// when opened). Throws nothing: an unreadable file is left for Store to report.
bool needs_migration(const std::filesystem::path& db);

// The highest review-log id in a database file (0 for none): what `undo` compares to know whether
// answers were given since a backup.
std::int64_t last_review_id(const std::filesystem::path& db);

}  // namespace recall::store
