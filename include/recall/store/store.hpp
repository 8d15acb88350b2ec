// The SQLite store: notes, cards with their SM-2 state, and the review log.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "recall/extract/card_draft.hpp"
#include "recall/store/backup.hpp"
#include "recall/schedule/sm2.hpp"
#include "recall/store/card_query.hpp"

namespace recall::store {

// The database file: `--db` when given, else $RECALL_DB, else $XDG_DATA_HOME/recall/recall.db,
// else ~/.local/share/recall/recall.db. Throws recall::Error when none can be found.
std::filesystem::path default_db_path(const std::optional<std::filesystem::path>& flag);

// One stored card with everything `recall cards` and the review screen show.
struct Card {
  std::int64_t id = 0;
  std::string key;  // stable external identity, assigned when the card is first stored
  std::string deck;
  std::string question;
  std::string answer;
  std::string kind;
  std::string rule;
  double confidence = 1.0;
  std::string source;
  int line = 0;
  std::vector<std::string> context;
  std::vector<std::string> tags;
  schedule::ReviewState sm2;
  int reviews = 0;  // number of review-log rows
};

// The kinds of review-log rows: first sight of a new card, a scheduled review, a same-day repeat.
enum class ReviewKind { new_card, scheduled, drill };
std::string_view to_string(ReviewKind kind);

// One answer, as logged.
struct ReviewRecord {
  std::int64_t card_id = 0;
  std::chrono::sys_seconds reviewed_at;  // UTC
  std::chrono::sys_days review_day;      // local review day (rollover applied)
  int grade = 0;
  schedule::ReviewState before;
  schedule::ReviewState after;
  std::int64_t answer_ms = 0;
  ReviewKind kind = ReviewKind::scheduled;
};

// A schedule brought from another tool (Anki, Obsidian Spaced Repetition) for the card with
// `key`: the SM-2 fields it starts with and the answers logged there (their card_id is ignored).
struct ScheduleSeed {
  std::string key;
  schedule::ReviewState state;
  std::vector<ReviewRecord> log;
};

// How much of a note one import looked at.
enum class NoteStatus {
  parsed,        // read and extracted: `drafts` are its cards now
  same_content,  // read, but its content (and extractor) are unchanged: its cards stay as stored
  same_stat,     // not even read: size and modification time are unchanged
};

// A note file as seen by one import.
struct NoteInput {
  std::string path;    // absolute, normalized: the note's identity
  std::string source;  // relative to the imported root
  std::string content_hash;
  std::vector<extract::CardDraft> drafts;
  NoteStatus status = NoteStatus::parsed;
  std::int64_t size = -1;
  std::int64_t mtime_ns = -1;
  std::string extract_salt;  // what the drafts were made with (extractor version, threshold)
};

// What the store knew of a note after its last import.
struct NoteFingerprint {
  std::string source;
  std::string content_hash;
  std::int64_t size = -1;
  std::int64_t mtime_ns = -1;
  std::string extract_salt;
};

// What an import will do to one card. `moved`: the same term with a similar answer, found in
// another note; `renamed`: a similar term in the same note (see docs/sync.md for thresholds);
// `duplicate`: a new card that another note's card already is (same kind and question, same
// answer): left out, and recorded so that it comes back when that card retires.
enum class PlanAction { new_card, updated, unchanged, moved, renamed, retired, restored, duplicate };
std::string_view to_string(PlanAction action);

struct PlannedCard {
  PlanAction action = PlanAction::unchanged;
  std::string key;  // the stored key, or the key it will get
  std::optional<std::int64_t> card_id;
  extract::CardDraft draft;  // for `retired`: the card as stored
  std::string note_path;     // the NoteInput it belongs to (empty for `retired`)
  std::string match_key;     // normalized term: the card's identity within its note
  bool relocated = false;    // deck, source, line, context or rule changed (not counted)
  double similarity = 1.0;   // for `renamed`: how close the old term was (0..1)
  std::string remark;  // why, for the plan: `from ml/a.md`, `was "entorpy"`, `merged into …`
  std::string duplicate_of;    // for `duplicate`: the key of the card it defers to
  bool from_left_out = false;  // a duplicate left out before, back because its card went away
};

// The whole effect of one import, computed before anything is written.
struct ImportPlan {
  std::vector<NoteInput> notes;
  std::vector<PlannedCard> cards;
  std::vector<std::string> scope;  // absolute roots: cards of notes under them may be retired
  std::vector<std::string>
      skipped;  // absolute paths of unreadable notes: their cards stay as they are
  // Absolute paths of stored notes under the scope that this import did not find: their cards
  // are retired and their size, time and hash forgotten, so that the same file coming back is
  // read again and its cards restored.
  std::vector<std::string> gone;
  // Cards of notes not parsed again, counted but left out of `cards` (planned without their
  // text: Store::plan_import with unchanged_text false). They stay exactly as stored.
  int kept = 0;
  int count(PlanAction action) const;  // `unchanged` includes `kept`
};

// Filters for listing and scheduling. An empty deck means every deck; a deck includes its
// sub-decks (`ml` matches `ml` and `ml/entropy`).
struct CardFilter {
  std::string deck;
};

struct StateCounts {
  int new_cards = 0, learning = 0, review = 0, suspended = 0, retired = 0;
};

// A card's note on disk, for opening it in an editor and importing it again.
struct NoteRef {
  std::string path;          // absolute, as stored
  std::string source;        // relative to the folder it was imported from
  std::string extract_salt;  // what its cards were last made with (NoteInput::extract_salt)
};

// What the review session keeps about a card besides its SM-2 fields.
struct CardMarks {
  std::optional<std::chrono::sys_days> buried_until;  // hidden from sessions before this day
  bool leech = false;                                 // suspended for lapsing too often
};

// Daily limits set for one deck with `recall limits`; nullopt when not set for it.
struct DeckLimits {
  std::optional<int> new_per_day;
  std::optional<int> reviews_per_day;
};

// The busy timeout: how long one write waits for another process's lock before on_busy is told
// and it tries again (RECALL_BUSY_TIMEOUT_MS, else 10 s).
int busy_timeout_ms();

// Opens (creating the file and its folder when missing) and migrates a recall database.
// Every public method that changes anything runs in one transaction of its own; one that finds
// the database locked by another process waits (busy_timeout_ms()), tells on_busy and tries
// again, for as long as it takes.
// Throws recall::Error, leaving the file as it was, on a database it cannot open, that is newer
// than this binary, that recall did not make (tables of its own and no recall schema) or that it
// cannot write to (read-only file or folder). Migrating is safe with several processes opening a
// new database at once: each migration runs in a BEGIN IMMEDIATE transaction that checks the
// version again inside it. A Store is used by one thread at a time: its connection is opened
// without SQLite's own mutex, which every column read took.
class ImportStream;

class Store {
 public:
  explicit Store(const std::filesystem::path& path);
  // An in-memory database, for dry runs on a database that does not exist yet.
  static std::unique_ptr<Store> in_memory();
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const;

  // Called with the attempt number (1, 2, …) each time a write found the database locked for the
  // whole busy timeout and is about to try again.
  void set_on_busy(std::function<void(int attempt)> on_busy);

  // Every stored note by absolute path.
  std::map<std::string, NoteFingerprint> note_fingerprints();

  // Compares the notes with what is stored and matches drafts to cards: same note and term, then
  // same term and similar answer in another note (a move), then a similar term in the same note
  // (an edit). Reads only. With `unchanged_text` false the cards of notes that were not parsed
  // again come back with only their key, id and term (`draft` empty): nothing needs their text
  // unless it is printed, and reading it dominated a re-import of an unchanged tree.
  ImportPlan plan_import(std::vector<NoteInput> notes, std::vector<std::string> scope,
                         std::vector<std::string> skipped, bool unchanged_text = true);
  // Writes a plan in one transaction.
  void apply_import(const ImportPlan& plan, std::chrono::sys_seconds now);

  // Cards due on or before `today` (learning and review), most overdue first.
  std::vector<Card> due_cards(const CardFilter& filter, std::chrono::sys_days today);
  // New cards in note order.
  std::vector<Card> new_cards(const CardFilter& filter, int limit);
  // Review-log rows of `kind` on `day`.
  int reviews_on(std::chrono::sys_days day, std::optional<ReviewKind> kind);
  std::vector<Card> cards(const CardFilter& filter);
  std::optional<Card> card_by_id(std::int64_t id);

  // Logs one answer and stores `record.after` (unless it is a drill) in one transaction.
  void record_review(const ReviewRecord& record);

  StateCounts state_counts(const CardFilter& filter);
  // Whether the collection holds any card, in any state (one row read, not a count).
  bool has_cards();
  // Active cards (learning, review) due in [from, to].
  int due_between(const CardFilter& filter, std::chrono::sys_days from, std::chrono::sys_days to);
  // Scheduled reviews on days in [from, to]: how many, how many graded >= 3.
  std::pair<int, int> retention(const CardFilter& filter, std::chrono::sys_days from,
                                std::chrono::sys_days to);

  // The review session (src/store/review_actions.cpp).

  // Cards due on or before `today` (learning, review), most overdue first, leaving out cards
  // buried past `today`. Only `id` and `deck` are filled: a session picks its cards from these
  // and reads just those in full (cards_by_id), which keeps a large collection's start quick.
  // At most `limit` of them when `limit` > 0.
  std::vector<Card> due_unburied(const CardFilter& filter, std::chrono::sys_days today,
                                 std::size_t limit = 0);
  // Every new card in note order, leaving out cards buried past `today`; `id` and `deck` only;
  // at most `limit` when `limit` > 0.
  std::vector<Card> new_unburied(const CardFilter& filter, std::chrono::sys_days today,
                                 std::size_t limit = 0);
  // How many cards due_unburied / new_unburied would list without a limit, leaving out the
  // cards with the ids in `leave_out`.
  int count_due_unburied(const CardFilter& filter, std::chrono::sys_days today,
                         const std::vector<std::int64_t>& leave_out = {});
  int count_new_unburied(const CardFilter& filter, std::chrono::sys_days today,
                         const std::vector<std::int64_t>& leave_out = {});
  // The cards with these ids, in full, in the order given (ids not found are left out).
  std::vector<Card> cards_by_id(const std::vector<std::int64_t>& ids);
  // Review-log rows of `kind` on `day` for cards of the filter's decks.
  int answers_on(const CardFilter& filter, std::chrono::sys_days day, ReviewKind kind);
  // Logs one answer, stores `record.after` (not for a drill) and, when `leech`, marks the card a
  // leech, in one transaction. Returns the id of the log row. Throws for an unknown card.
  std::int64_t record_answer(const ReviewRecord& record, bool leech);
  // record_answer(), but only when the card's SM-2 fields are still `record.before`, checked in
  // the same transaction: what a review session uses, so that an answer is counted once and never
  // brings back a card that an import retired or another process answered meanwhile. Returns
  // nullopt, writing nothing, when the card changed.
  std::optional<std::int64_t> record_answer_if_unchanged(const ReviewRecord& record, bool leech);
  // Takes back the answer logged as row `review_id` of card `card_id`, in one transaction: deletes
  // the row and, unless it was a drill, puts back the card's SM-2 fields `before` and its leech
  // mark `leech_before`. Returns false, changing nothing, when the card is no longer as that
  // answer left it (changed by another process). Throws recall::Error when that row is not one of
  // the card's.
  bool undo_answer(std::int64_t card_id, std::int64_t review_id,
                   const schedule::ReviewState& before, bool leech_before);
  // Sets a card's state and nothing else (suspending it, or undoing that).
  void set_card_state(std::int64_t card_id, schedule::CardState state);
  // Hides a card from sessions before `day` (nullopt: not buried).
  void set_buried_until(std::int64_t card_id, std::optional<std::chrono::sys_days> day);
  CardMarks card_marks(std::int64_t card_id);
  // The note a card was made from; nullopt when the card has none any more.
  std::optional<NoteRef> note_of(std::int64_t card_id);
  // The review days with at least one answer logged, newest first.
  std::vector<std::chrono::sys_days> review_days();

  // Per-deck daily limits (src/store/deck_limits.cpp). A deck's limits cover its sub-decks; the
  // deck "" is every deck.

  // Every deck with a limit set, by deck.
  std::map<std::string, DeckLimits> deck_limits();
  // Sets both limits of `deck` (nullopt clears one), in one transaction.
  void set_deck_limits(const std::string& deck, const DeckLimits& limits);

  // Card management (src/store/card_manage.cpp).

  // Every deck a card is in (retired cards included), sorted.
  std::vector<std::string> decks();
  // Calls `visit` with each card the query selects, in deck, note and note order, as it is read:
  // a listing of a million cards never holds more than one.
  void each_card(const CardQuery& query, const std::function<void(const Card&)>& visit);
  // The card with this key; nullopt when there is none.
  std::optional<Card> card_by_key(const std::string& key);
  // The card's review log, oldest first.
  std::vector<ReviewRow> review_log(std::int64_t card_id);
  // Applies `change` to the cards with these ids, in one BEGIN IMMEDIATE transaction that reads
  // each card's state inside it, so that a review session's compare-and-set sees the change and
  // never undoes it. Results in the order of `ids`; an unknown id is reported, not thrown.
  std::vector<CardChangeResult> change_cards(const std::vector<std::int64_t>& ids,
                                             CardChange change, std::chrono::sys_days today,
                                             std::chrono::sys_seconds now);

  // Backups (src/store/backup.cpp).

  // The rows of the cards in `filter` (and in `state`, when given), with their notes and review
  // logs; every note and the deck limits too when nothing is filtered. Reads only.
  Backup backup(const CardFilter& filter, std::optional<schedule::CardState> state);
  // Writes `backup` in one transaction, keeping every value as it is (keys, dates, the log).
  // Throws recall::Error, writing nothing, when this database already holds notes or cards, or
  // when a row breaks the schema (an unknown state, a grade outside 0..5, a card of a note that
  // the backup does not hold).
  void restore(const Backup& backup);
  // Gives each seed's card its SM-2 fields and appends its log, in one transaction, but only to
  // a card still new with no answer logged: a card reviewed in recall keeps its own schedule.
  // Returns how many cards were seeded; unknown keys are skipped.
  int seed_schedules(const std::vector<ScheduleSeed>& seeds);

 private:
  friend class ImportStream;  // recall/store/import_stream.hpp: an import planned note by note
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace recall::store
