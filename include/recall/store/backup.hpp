// A whole or filtered copy of the database's rows: notes, cards with their review log, deck
// limits. What `recall export --format json` writes and `recall import-json` reads back
// (src/interop/json_backup.cpp); docs/backup.md describes the format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recall/store/card_query.hpp"  // ReviewRow

namespace recall::store {

// One row of `notes`, as stored.
struct BackupNote {
  std::string path;
  std::string source;
  std::string content_hash;
  std::string imported_at;
  std::int64_t size = -1;
  std::int64_t mtime_ns = -1;
  std::string extract_salt;
};

// One row of `cards`, as stored, with its note named by path and its whole review log.
struct BackupCard {
  std::string key;
  std::optional<std::string> note;  // the path of its note; none for a card whose note is gone
  std::string match_key;
  std::string deck;
  std::string question;
  std::string answer;
  std::string kind;
  std::string rule;
  double confidence = 1.0;
  std::string source;
  int line = 0;
  int ord = 0;
  std::vector<std::string> context;
  std::vector<std::string> tags;
  std::string state;
  int repetitions = 0;
  int interval_days = 0;
  int ef_centi = 250;
  int lapses = 0;
  std::optional<std::string> due;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> buried_until;
  bool leech = false;
  std::vector<ReviewRow> reviews;  // oldest first; their ids are not kept
};

struct BackupDeckLimit {
  std::string deck;
  std::optional<int> new_per_day;
  std::optional<int> reviews_per_day;
};

// Rows in a stable order: notes by path, cards and reviews in the order they were stored, limits
// by deck. Restoring a backup into an empty database and taking it again gives the same value.
// One note root (`recall roots`): an absolute folder path and when it was first imported.
struct BackupRoot {
  std::string path;
  std::string added_at;
};

struct Backup {
  int schema_version = 0;  // of the database it was taken from
  std::vector<BackupNote> notes;
  std::vector<BackupCard> cards;
  std::vector<BackupDeckLimit> deck_limits;
  std::vector<BackupRoot> roots;  // by path; only in a backup of everything
};

}  // namespace recall::store
