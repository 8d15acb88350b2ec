// Import as a plan: match drafts to stored cards, then write the difference in one transaction.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "duplicates.hpp"
#include "impl.hpp"
#include "recall/store/import_stream.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/core/hash.hpp"
#include "recall/core/similarity.hpp"
#include "relocate.hpp"

namespace recall::store {
namespace {

// Thresholds of docs/sync.md. An edited term keeps its card when it is close to the old one, or
// fairly close with an answer that is still much the same; a moved item keeps its card when its
// term is the same and its answer similar.
constexpr double kEditTermAlone = 0.8;
constexpr double kEditTermWithAnswer = 0.5;
constexpr double kEditAnswer = 0.5;
constexpr double kMoveAnswer = 0.5;
constexpr double kMergeHint = 0.5;  // a retired or new card this close to a renamed one is named

std::string hex_key(std::string_view seed) { return core::hash_hex(seed, 12); }

bool under_scope(const std::string& path, const std::vector<std::string>& scope) {
  return std::any_of(scope.begin(), scope.end(), [&](const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root.back() == '/' || path[root.size()] == '/'));
  });
}

// The term without the `#n` that tells apart the same term twice in one note.
std::string_view base_term(std::string_view match_key) {
  const auto hash = match_key.rfind('#');
  if (hash == std::string_view::npos || hash + 1 == match_key.size()) return match_key;
  const bool digits = std::all_of(match_key.begin() + static_cast<std::ptrdiff_t>(hash) + 1,
                                  match_key.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? match_key.substr(0, hash) : match_key;
}

struct StoredCard {
  std::int64_t id = 0;
  std::string key;
  std::string note_path;
  std::string match_key;
  std::string state;
  extract::CardDraft draft;
  bool taken = false;  // matched to a draft, or kept by an unchanged note
  bool kept = false;   // kept by an unchanged note without being listed (keep_uncounted)
};

StoredCard read_stored(SQLite::Statement& row) {
  StoredCard card;
  card.id = row.getColumn(0).getInt64();
  card.key = row.getColumn(1).getString();
  card.note_path = row.getColumn(2).getString();
  card.match_key = row.getColumn(3).getString();
  card.state = row.getColumn(4).getString();
  card.draft = draft_from_row(row, 5);
  card.draft.term = card.match_key;
  return card;
}

constexpr const char* kStoredColumns =
    "c.id, c.key, n.path, c.match_key, c.state, c.deck, c.question, c.answer, c.kind, c.rule, "
    "c.confidence, c.source, c.line, c.context, c.tags";

bool same_location(const extract::CardDraft& a, const extract::CardDraft& b) {
  return a.deck == b.deck && a.source == b.source && a.line == b.line && a.context == b.context &&
         a.rule == b.rule && a.confidence == b.confidence && a.tags == b.tags;
}

bool same_text(const extract::CardDraft& a, const extract::CardDraft& b) {
  return a.question == b.question && a.answer == b.answer && a.kind == b.kind;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The plan being built: drafts of parsed notes on one side, stored cards on the other.
class Matcher {
 public:
  Matcher(std::vector<StoredCard> stored, std::function<std::set<std::string>()> load_keys)
      : m_stored(std::move(stored)), m_load_keys(std::move(load_keys)) {
    for (std::size_t i = 0; i < m_stored.size(); ++i) {
      m_by_note[m_stored[i].note_path].push_back(i);
    }
  }

  // Cards of a note that was not parsed again stay exactly as stored.
  void keep_note(const NoteInput& note, std::vector<PlannedCard>& out) {
    for (std::size_t i : m_by_note[note.path]) {
      StoredCard& old = m_stored[i];
      old.taken = true;
      if (old.state == "retired") continue;
      PlannedCard planned;
      planned.action = PlanAction::unchanged;
      planned.key = old.key;
      planned.card_id = old.id;
      planned.draft = std::move(old.draft);  // kept cards are never matched again
      planned.note_path = note.path;
      planned.match_key = old.match_key;
      out.push_back(std::move(planned));
    }
  }

  // Phase 1: the same term in the same note.
  void match_exact(const NoteInput& note, std::vector<PlannedCard>& planned) {
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i : m_by_note[note.path]) by_key.emplace(m_stored[i].match_key, i);
    for (PlannedCard& card : planned) {
      auto found = by_key.find(card.match_key);
      if (found == by_key.end() || m_stored[found->second].taken) continue;
      take(card, found->second);
    }
  }

  // Phase 2: the same term with a similar answer anywhere in scope (a moved item or note).
  void match_moves(const std::vector<std::vector<PlannedCard>*>& per_note) {
    std::unordered_map<std::string, std::vector<std::size_t>> free_by_term;
    for (std::size_t i = 0; i < m_stored.size(); ++i) {
      if (!m_stored[i].taken)
        free_by_term[std::string(base_term(m_stored[i].match_key))].push_back(i);
    }
    if (free_by_term.empty()) return;
    for (std::vector<PlannedCard>* planned : per_note) {
      for (PlannedCard& card : *planned) match_move(free_by_term, card);
    }
  }

  // One draft of phase 2: the closest free stored card of its term, if close enough.
  void match_move(std::unordered_map<std::string, std::vector<std::size_t>>& free_by_term,
                  PlannedCard& card) {
    if (card.card_id) return;
    auto found = free_by_term.find(std::string(base_term(card.match_key)));
    if (found == free_by_term.end()) return;
    std::optional<std::size_t> best;
    double best_similarity = -1;
    for (std::size_t i : found->second) {
      if (m_stored[i].taken) continue;
      const double s = core::answer_similarity(m_stored[i].draft.answer, card.draft.answer);
      if (s > best_similarity) best_similarity = s, best = i;
    }
    if (!best || best_similarity < kMoveAnswer) return;
    const StoredCard& old = m_stored[*best];
    take(card, *best);
    if (old.note_path != card.note_path && old.state != "retired") {
      card.action = PlanAction::moved;
      card.remark = "from " + old.draft.source + ":" + std::to_string(old.draft.line);
    }
  }

  // Phase 3: a similar term in the same note (an edit), closest pairs first.
  void match_edits(const NoteInput& note, std::vector<PlannedCard>& planned) {
    struct Pair {
      double score, term;
      std::size_t draft, stored;
    };
    std::vector<Pair> pairs;
    for (std::size_t d = 0; d < planned.size(); ++d) {
      if (planned[d].card_id) continue;
      for (std::size_t i : m_by_note[note.path]) {
        if (m_stored[i].taken) continue;
        const double term = core::term_similarity(base_term(m_stored[i].match_key),
                                                  base_term(planned[d].match_key));
        if (term < kEditTermWithAnswer) continue;
        const double answer =
            core::answer_similarity(m_stored[i].draft.answer, planned[d].draft.answer);
        if (term < kEditTermAlone && answer < kEditAnswer) continue;
        pairs.push_back({term + answer / 2, term, d, i});
      }
    }
    std::sort(pairs.begin(), pairs.end(),
              [](const Pair& a, const Pair& b) { return a.score > b.score; });
    for (const Pair& pair : pairs) {
      PlannedCard& card = planned[pair.draft];
      if (card.card_id || m_stored[pair.stored].taken) continue;
      const StoredCard& old = m_stored[pair.stored];
      take(card, pair.stored);
      if (old.state != "retired") {
        card.action = PlanAction::renamed;
        card.similarity = pair.term;
        card.remark = "was " + in_quotes(old.match_key);
      }
    }
  }

  // Phase 4: what is left of the drafts is new; a new card close to a renamed one was split off.
  void finish_note(const NoteInput& note, std::vector<PlannedCard>& planned) {
    // The note's renamed cards, in note order: a new card is compared with these only, not with
    // every card of the note (a note with many cards and no renames stays linear).
    std::vector<std::size_t> renamed;
    for (std::size_t i = 0; i < planned.size(); ++i) {
      if (planned[i].action == PlanAction::renamed) renamed.push_back(i);
    }
    for (PlannedCard& card : planned) {
      if (card.card_id) continue;
      card.action = PlanAction::new_card;
      card.key = new_key(note.path, card.match_key);
      for (const std::size_t i : renamed) {
        const PlannedCard& other = planned[i];
        if (core::term_similarity(other.match_key, card.match_key) >= kMergeHint) {
          card.remark = "split from " + other.remark.substr(4);
          break;
        }
      }
    }
  }

  // What is left of the stored cards (and not kept by a skipped note) is retired, in the order
  // they were loaded; `renamed` holds the match keys of the renamed cards of each note, for the
  // merge remark (retired x renamed stays small).
  template <typename Emit>
  void retire_rest(const std::vector<std::string>& skipped,
                   const std::unordered_map<std::string, std::vector<std::string>>& renamed,
                   Emit&& emit) {
    const std::set<std::string> skipped_set(skipped.begin(), skipped.end());
    for (StoredCard& old : m_stored) {
      if (old.taken || old.state == "retired") continue;
      if (skipped_set.contains(old.note_path)) {
        continue;  // unreadable this time: its cards stay as they are
      }
      PlannedCard card;
      card.action = PlanAction::retired;
      card.key = old.key;
      card.card_id = old.id;
      card.draft = std::move(old.draft);
      card.match_key = old.match_key;
      if (const auto same_note = renamed.find(old.note_path); same_note != renamed.end()) {
        for (const std::string& other : same_note->second) {
          if (core::term_similarity(other, old.match_key) >= kMergeHint) {
            card.remark = "merged into " + in_quotes(other);
            break;
          }
        }
      }
      emit(card);
    }
  }

  // The key a new card of this note and match key gets: unique among every key in use.
  std::string new_key(const std::string& note_path, const std::string& match_key) {
    std::string seed = note_path + '\x1f' + match_key;
    std::string key = hex_key(seed);
    if (!m_keys_taken) m_keys_taken = m_load_keys();
    while (!m_keys_taken->insert(key).second) {
      seed += '+';
      key = hex_key(seed);
    }
    return key;
  }

  // What a card left out as a duplicate finds of the card it deferred to (src/store/duplicates).
  enum class Claim { not_loaded, stays, claimed };
  // The loaded card with this key: `stays` when it is kept (matched or kept by its note);
  // `claimed` when it was to retire, or was retired, and is now taken (its id and state in
  // `id`, `state`); `not_loaded` when this import does not plan it.
  Claim claim(const std::string& key, std::int64_t& id, std::string& state) {
    const auto found = by_key().find(key);
    if (found == by_key().end()) return Claim::not_loaded;
    StoredCard& card = m_stored[found->second];
    if (card.taken) return Claim::stays;
    card.taken = true;
    id = card.id;
    state = card.state;
    return Claim::claimed;
  }

  // Whether a card with this key is loaded (its fate is this import's to decide).
  bool loaded(const std::string& key) { return by_key().contains(key); }
  // Whether any stored card is loaded.
  bool loaded_any() const { return !m_stored.empty(); }

  // Every stored card kept by an unchanged note without being listed, but the retired ones.
  template <typename Visit>
  void each_kept(Visit&& visit) const {
    for (const StoredCard& card : m_stored) {
      if (card.kept && card.state != "retired") visit(card);
    }
  }

  // duplicate_key() of every stored card: a new card of another key cannot duplicate one.
  std::unordered_set<std::uint64_t> duplicate_keys() const {
    std::unordered_set<std::uint64_t> out;
    for (const StoredCard& card : m_stored) out.insert(duplicate_key(card.draft));
    return out;
  }

  // Whether the store holds cards of this note (matched, kept or not).
  bool has_stored(const std::string& path) const {
    const auto it = m_by_note.find(path);
    return it != m_by_note.end() && !it->second.empty();
  }

  // The cards of a note that was not parsed again, loaded but not listed: taken, and counted
  // (but the retired ones).
  int keep_uncounted(const std::string& path) {
    int kept = 0;
    if (const auto it = m_by_note.find(path); it != m_by_note.end()) {
      for (const std::size_t i : it->second) {
        m_stored[i].taken = true;
        m_stored[i].kept = true;
        kept += m_stored[i].state == "retired" ? 0 : 1;
      }
    }
    return kept;
  }

  // Every stored card's term without its `#n`: a draft of another term cannot match any of them.
  std::unordered_set<std::string> base_terms() const {
    std::unordered_set<std::string> out;
    for (const StoredCard& card : m_stored) out.emplace(base_term(card.match_key));
    return out;
  }

 private:
  const std::unordered_map<std::string, std::size_t>& by_key() {
    if (!m_by_key) {
      m_by_key.emplace();
      for (std::size_t i = 0; i < m_stored.size(); ++i) m_by_key->emplace(m_stored[i].key, i);
    }
    return *m_by_key;
  }

  void take(PlannedCard& card, std::size_t index) {
    StoredCard& old = m_stored[index];
    old.taken = true;
    card.key = old.key;
    card.card_id = old.id;
    if (old.state == "retired") {
      card.action = PlanAction::restored;
    } else if (!same_text(old.draft, card.draft)) {
      card.action = PlanAction::updated;
    } else {
      card.action = PlanAction::unchanged;
    }
    card.relocated = !same_location(old.draft, card.draft);
  }

  std::vector<StoredCard> m_stored;
  std::function<std::set<std::string>()> m_load_keys;
  std::optional<std::set<std::string>> m_keys_taken;  // loaded by the first new card
  std::unordered_map<std::string, std::vector<std::size_t>> m_by_note;
  std::optional<std::unordered_map<std::string, std::size_t>> m_by_key;  // claim(), when needed
};

}  // namespace

std::map<std::string, NoteFingerprint> Store::note_fingerprints() {
  std::map<std::string, NoteFingerprint> out;
  // In the map's order (SQLite's BINARY collation compares bytes as std::string does), so that
  // each row goes at the end without a search down the tree.
  SQLite::Statement query(
      m_impl->db,
      "SELECT path, source, content_hash, size, mtime_ns, extract_salt FROM notes "
      "ORDER BY path");
  while (query.executeStep()) {
    out.emplace_hint(out.end(), query.getColumn(0).getString(),
                     NoteFingerprint{query.getColumn(1).getString(), query.getColumn(2).getString(),
                                     query.getColumn(3).getInt64(), query.getColumn(4).getInt64(),
                                     query.getColumn(5).getString()});
  }
  return out;
}

namespace {

// Every stored card of a listed note or of a note under the scope, with its text; without
// `unchanged_text`, but the cards of notes that are not parsed again: those are only counted, in
// `kept_by_note` (reading their text dominated a re-import of an unchanged tree). A note in
// `moved` (stored path -> new path, for a plan that is not written) is taken to be at its new path.
std::vector<StoredCard> load_stored(SQLite::Database& db,
                                    const std::unordered_map<std::string, bool>& listed,
                                    const std::vector<std::string>& scope, bool unchanged_text,
                                    std::unordered_map<std::string, int>& kept_by_note,
                                    const std::unordered_map<std::string, std::string>& moved) {
  const auto now_at = [&moved](std::string path) {
    const auto it = moved.find(path);
    return it == moved.end() ? path : it->second;
  };
  std::vector<StoredCard> stored;
  if (unchanged_text) {
    SQLite::Statement query(
        db, std::string("SELECT ") + kStoredColumns + " FROM cards c JOIN notes n ON n.id = c.note_id");
    while (query.executeStep()) {
      const std::string path = now_at(query.getColumn(2).getString());
      if (listed.contains(path) || under_scope(path, scope)) {
        stored.push_back(read_stored(query));
        stored.back().note_path = path;
      }
    }
    return stored;
  }
  // One row per stored note with cards first; then the cards, with their text, only of the notes
  // whose cards may be matched (parsed again, or gone from under the roots), one indexed query
  // per note. The cards of each note are counted from the index on (note_id, match_key) alone,
  // and the retired ones from the index on state: counting with the cards' rows read every row
  // of the table (a third of an unchanged re-import's store time).
  std::unordered_map<std::int64_t, std::pair<int, int>> cards_of;  // note id -> (all, retired)
  {
    SQLite::Statement all(db,
                          "SELECT note_id, count(*) FROM cards WHERE note_id IS NOT NULL "
                          "GROUP BY note_id");
    while (all.executeStep()) {
      cards_of.emplace(all.getColumn(0).getInt64(), std::pair{all.getColumn(1).getInt(), 0});
    }
    SQLite::Statement retired(db,
                              "SELECT note_id, count(*) FROM cards WHERE state = 'retired' "
                              "AND note_id IS NOT NULL GROUP BY note_id");
    while (retired.executeStep()) {
      cards_of[retired.getColumn(0).getInt64()].second = retired.getColumn(1).getInt();
    }
  }
  SQLite::Statement per_note_query(db, "SELECT id, path FROM notes ORDER BY id");
  std::vector<std::int64_t> text_notes;
  kept_by_note.reserve(listed.size());
  while (per_note_query.executeStep()) {
    const std::int64_t id = per_note_query.getColumn(0).getInt64();
    const auto counted = cards_of.find(id);
    if (counted == cards_of.end()) continue;  // a note without cards
    std::string path = now_at(per_note_query.getColumn(1).getString());
    const auto now = listed.find(path);
    if (now == listed.end() && !under_scope(path, scope)) continue;
    if (now != listed.end() && !now->second) {
      kept_by_note.emplace(std::move(path), counted->second.first - counted->second.second);
    } else {
      text_notes.push_back(id);
    }
  }
  SQLite::Statement text(db, std::string("SELECT ") + kStoredColumns +
                                 " FROM cards c JOIN notes n ON n.id = c.note_id "
                                 "WHERE c.note_id = :note");
  for (const std::int64_t note_id : text_notes) {
    text.bind(":note", note_id);
    while (text.executeStep()) {
      stored.push_back(read_stored(text));
      stored.back().note_path = now_at(stored.back().note_path);
    }
    text.reset();
  }
  return stored;
}

// The writes of an import, with each statement prepared once; the caller holds the transaction.
class Writer {
 public:
  // `left_out_rows`: whether the duplicates table held rows when the import began (else a note
  // parsed again has none to forget).
  Writer(SQLite::Database& db, std::chrono::sys_seconds now, bool left_out_rows)
      : m_db(db),
        m_at(core::format_utc(now)),
        m_left_out_rows(left_out_rows),
        m_left_out(db),
        m_upsert_note(db, R"sql(
    INSERT INTO notes (path, source, content_hash, size, mtime_ns, extract_salt, imported_at)
    VALUES (:path, :source, :hash, :size, :mtime, :salt, :at)
    ON CONFLICT (path) DO UPDATE SET source = excluded.source,
      content_hash = excluded.content_hash, size = excluded.size, mtime_ns = excluded.mtime_ns,
      extract_salt = excluded.extract_salt, imported_at = excluded.imported_at
    RETURNING id)sql"),
        m_find_note(db, "SELECT id FROM notes WHERE path = :path"),
        m_insert(db, R"sql(
    INSERT INTO cards (key, note_id, match_key, deck, question, answer, kind, rule, confidence,
      source, line, ord, context, tags, created_at, updated_at)
    VALUES (:key, :note, :match, :deck, :question, :answer, :kind, :rule, :confidence, :source,
      :line, :ord, :context, :tags, :at, :at))sql"),
        m_update(db, R"sql(
    UPDATE cards SET note_id = :note, match_key = :match, deck = :deck, question = :question,
      answer = :answer, kind = :kind, rule = :rule, confidence = :confidence, source = :source,
      line = :line, ord = :ord, context = :context, tags = :tags, updated_at = :at,
      state = CASE WHEN state <> 'retired' THEN state
                   WHEN repetitions > 0 THEN 'review'
                   WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = cards.id) THEN 'learning'
                   ELSE 'new' END
    WHERE id = :id)sql"),
        m_retire(db, "UPDATE cards SET state = 'retired', updated_at = :at WHERE id = :id"),
        m_forget(db,
                 "UPDATE notes SET size = -1, mtime_ns = -1, content_hash = '', "
                 "gone_hash = CASE WHEN content_hash <> '' THEN content_hash ELSE gone_hash END "
                 "WHERE path = :path") {}

  // A note read again gets its row (new or updated); one not read keeps its row as it is.
  void note(const NoteInput& note) {
    if (note.status == NoteStatus::same_stat) return;
    m_upsert_note.bind(":path", note.path);
    m_upsert_note.bind(":source", note.source);
    m_upsert_note.bind(":hash", note.content_hash);
    m_upsert_note.bind(":size", note.size);
    m_upsert_note.bind(":mtime", note.mtime_ns);
    m_upsert_note.bind(":salt", note.extract_salt);
    m_upsert_note.bind(":at", m_at);
    m_upsert_note.executeStep();
    const std::int64_t id = m_upsert_note.getColumn(0).getInt64();
    m_note_ids[note.path] = id;
    m_upsert_note.reset();
    // A note parsed again says afresh which of its cards are duplicates.
    if (m_left_out_rows && note.status == NoteStatus::parsed) m_left_out.clear_note(id);
  }

  void card(const PlannedCard& card) {
    switch (card.action) {
      case PlanAction::new_card:
        bind_draft(m_insert, card);
        m_insert.bind(":key", card.key);
        m_insert.exec();
        m_insert.reset();
        // Another tool's schedule (OSR's comment) counts on the card's first import only.
        if (card.draft.seed) seed_new_card(m_db, m_db.getLastInsertRowid(), *card.draft.seed);
        break;
      case PlanAction::unchanged:
        if (!card.relocated) break;
        [[fallthrough]];
      case PlanAction::updated:
      case PlanAction::moved:
      case PlanAction::renamed:
      case PlanAction::restored:
        bind_draft(m_update, card);
        m_update.bind(":id", *card.card_id);
        m_update.exec();
        m_update.reset();
        break;
      case PlanAction::retired:
        m_retire.bind(":at", m_at);
        m_retire.bind(":id", *card.card_id);
        m_retire.exec();
        m_retire.reset();
        break;
      case PlanAction::duplicate:
        m_left_out.record(note_id(card.note_path), card, context_to_json(card.draft.context),
                          context_to_json(card.draft.tags));
        break;
    }
    if (card.from_left_out && card.action != PlanAction::duplicate) {
      m_left_out.remove(note_id(card.note_path), card.match_key);
    }
  }

  // A note that is gone forgets what it looked like, so the same file back is read again, but
  // keeps its last content hash: the same content found at another path brings it back.
  void forget(const std::string& path) {
    m_forget.bind(":path", path);
    m_forget.exec();
    m_forget.reset();
    if (m_left_out_rows) m_left_out.clear_note(note_id(path));
  }

 private:
  // A note not read again keeps its row as it is; its id is looked up if a card needs it.
  std::int64_t note_id(const std::string& path) {
    if (const auto it = m_note_ids.find(path); it != m_note_ids.end()) return it->second;
    m_find_note.bind(":path", path);
    if (!m_find_note.executeStep()) {
      throw Error("import: a planned card's note is not stored", path);
    }
    const std::int64_t id = m_find_note.getColumn(0).getInt64();
    m_find_note.reset();
    m_note_ids[path] = id;
    return id;
  }

  void bind_draft(SQLite::Statement& s, const PlannedCard& card) {
    const extract::CardDraft& d = card.draft;
    s.bind(":note", note_id(card.note_path));
    s.bind(":match", card.match_key);
    bind_draft_columns(s, d);
    s.bind(":ord", d.line);  // new cards are shown in note order
    s.bind(":context", context_to_json(d.context));
    s.bind(":tags", context_to_json(d.tags));
    s.bind(":at", m_at);
  }

  SQLite::Database& m_db;
  std::string m_at;
  bool m_left_out_rows;
  LeftOutWriter m_left_out;
  std::unordered_map<std::string, std::int64_t> m_note_ids;
  SQLite::Statement m_upsert_note, m_find_note, m_insert, m_update, m_retire, m_forget;
};

}  // namespace

int ImportCounts::count(PlanAction action) const {
  return by_action[static_cast<std::size_t>(action)] + (action == PlanAction::unchanged ? kept : 0);
}

struct ImportStream::State {
  // A note added, with its cards, until its cards are handed on.
  struct Pending {
    NoteInput note;  // without drafts
    std::vector<PlannedCard> cards;
    bool settled = false;  // its cards are final
  };

  // The cards of a note found at a new path (NoteMove) that have another source there are
  // `moved`, as when cards are matched across notes.
  void mark_moved(const std::string& path, std::vector<PlannedCard>& cards) const {
    const auto from = moved_source.find(path);
    if (from == moved_source.end()) return;
    for (PlannedCard& card : cards) {
      if (card.card_id && card.action == PlanAction::unchanged &&
          card.draft.source != from->second) {
        card.action = PlanAction::moved;
        card.remark = "from " + from->second + ":" + std::to_string(card.draft.line);
      }
    }
  }

  State(Store::Impl& store_impl, std::vector<std::string> import_scope, bool text,
        std::function<void(PlannedCard&)> card_sink)
      : impl(store_impl),
        scope(std::move(import_scope)),
        unchanged_text(text),
        on_card(std::move(card_sink)) {}

  // Whether a card of this action exists after the import (and may have duplicates).
  static bool stays(PlanAction action) {
    return action != PlanAction::retired && action != PlanAction::duplicate &&
           action != PlanAction::new_card;
  }

  // A new card another note's card already is becomes a duplicate (left out); any other card
  // that stays is one that later new cards are compared with. Cards come here in plan order, so
  // of two new cards the one of the note listed first is kept; stored cards are all indexed
  // before any new card they could duplicate is looked up (add() and finish()).
  void settle_duplicate(PlannedCard& card) {
    if (card.action == PlanAction::new_card) {
      if (!firm_indexed) index_firm();
      const std::uint64_t question = duplicate_key(card.draft);
      if (const auto owner = dups.owner_of(question, card.note_path)) {
        card.action = PlanAction::duplicate;
        card.duplicate_of = owner->key;
        card.remark = "same card as in " + owner->source + ":" + std::to_string(owner->line);
      } else {
        dups.add(question, card.draft, card.key, card.note_path);
      }
    } else if (!survivors_indexed && stays(card.action)) {
      dups.add(card.draft, card.key, card.note_path);
    }
  }

  // The stored cards this import does not decide on (of notes it keeps without reading them, or
  // does not list: another root, the rest of a root when one note is imported): they stay as
  // they are, in the whole collection. Read in one pass when the first new card is looked up,
  // and only if the store held any card this import did not load.
  void index_firm() {
    firm_indexed = true;
    if (!has_stored_cards) return;
    index_stored_cards(
        impl.db, [this](const std::string& key) { return !matcher->loaded(key); }, moved, dups);
  }

  // Duplicates left out before whose card goes away in this import (not matched, so to retire),
  // or went away since (retired, or no longer stored): each takes that card, with its key and
  // history (moved or restored), or is a new card when it no longer exists. Of several deferring
  // to one card, the one of the first note by path does; the others defer to it again. Rows of
  // notes parsed in this import were made again; those of notes gone or unreadable stay.
  std::vector<PlannedCard> bring_back(const std::vector<std::string>& skipped) {
    std::vector<PlannedCard> back;
    if (!left_out_rows) return back;
    const std::unordered_set<std::string> skipped_set(skipped.begin(), skipped.end());
    std::unordered_set<std::string> claimed;
    // When this import loaded no stored card, a row whose card is still there stays as it is
    // (Claim::not_loaded below): only the rows whose card went away are read.
    const bool gone_only = !matcher->loaded_any();
    each_left_out(impl.db, gone_only, [&](LeftOutCard& row) {
      std::string path = row.note_path;
      if (const auto it = moved.find(path); it != moved.end()) path = it->second;
      if (parsed.contains(path) || skipped_set.contains(path) || claimed.contains(row.card_key) ||
          (under_scope(path, scope) && !present.contains(path))) {
        return;
      }
      PlannedCard card;
      std::int64_t id = 0;
      std::string state;
      switch (matcher->claim(row.card_key, id, state)) {
        case Matcher::Claim::stays:
          return;
        case Matcher::Claim::claimed:
          card.action = state == "retired" ? PlanAction::restored : PlanAction::moved;
          card.card_id = id;
          break;
        case Matcher::Claim::not_loaded:
          if (row.card_id && row.card_state != "retired") return;
          if (row.card_id) {
            card.action = PlanAction::restored;
            card.card_id = row.card_id;
          } else {
            card.action = PlanAction::new_card;
          }
          break;
      }
      card.key = card.card_id ? row.card_key : matcher->new_key(path, row.match_key);
      claimed.insert(row.card_key);
      card.remark = "was left out as the same card as in " + row.card.source + ":" +
                    std::to_string(row.card.line) + ", which went away";
      card.draft = std::move(row.draft);
      card.note_path = path;
      card.match_key = std::move(row.match_key);
      card.relocated = true;
      card.from_left_out = true;
      dups.add(card.draft, card.key, card.note_path);
      back.push_back(std::move(card));
    });
    return back;
  }

  void emit(PlannedCard& card) {
    settle_duplicate(card);
    ++counts.by_action[static_cast<std::size_t>(card.action)];
    if (card.action == PlanAction::renamed) renamed[card.note_path].push_back(card.match_key);
    if (writer) writer->card(card);
    if (on_card) on_card(card);
  }

  // Hands on the cards of the settled notes at the front, in order.
  void release() {
    while (!pending.empty() && pending.front().settled) {
      for (PlannedCard& card : pending.front().cards) emit(card);
      pending.pop_front();
    }
  }

  Store::Impl& impl;
  std::vector<std::string> scope;
  bool unchanged_text;
  std::function<void(PlannedCard&)> on_card;
  std::optional<TempStoreInMemory> temp_in_memory;   // when writing; outlives the transaction
  std::unique_ptr<SQLite::Transaction> transaction;  // when writing
  std::optional<Writer> writer;                      // when writing
  std::optional<Matcher> matcher;
  std::unordered_map<std::string, int> kept_by_note;  // without unchanged_text
  std::unordered_set<std::string> stored_terms;       // Matcher::base_terms
  std::unordered_set<std::string> present;            // paths added
  std::deque<Pending> pending;
  std::unordered_map<std::string, std::vector<std::string>> renamed;  // match keys by note
  std::unordered_set<std::string> moved_from;  // stored paths of notes planned at a new path
  std::unordered_map<std::string, std::string> moved_source;  // new path -> source before
  std::unordered_map<std::string, std::string> moved;         // stored path -> new path
  ImportCounts counts;
  // Duplicates across notes (src/store/duplicates.hpp).
  DuplicateIndex dups;                            // the cards that stay, by kind and question
  std::unordered_set<std::uint64_t> stored_questions;  // duplicate_key() of every loaded card
  std::unordered_set<std::string> parsed;         // paths of the notes parsed
  bool left_out_rows = false;                     // the duplicates table held rows
  bool has_stored_cards = false;                  // the store held any card
  bool firm_indexed = false;                      // index_firm() done
  bool survivors_indexed = false;                 // finish() indexed every stored card that stays
};

ImportStream::ImportStream(Store& store, std::vector<std::string> scope,
                           const std::unordered_map<std::string, bool>& listed,
                           bool unchanged_text, std::function<void(PlannedCard&)> on_card,
                           std::optional<std::chrono::sys_seconds> write_at, Relocations moves)
    : m(std::make_unique<State>(*store.m_impl, std::move(scope), unchanged_text,
                                std::move(on_card))) {
  SQLite::Database& db = m->impl.db;
  if (write_at) {
    // Taken before anything is read, so that the plan is made against what it writes over; a
    // busy database is waited for and tried again (nothing is written yet).
    m->temp_in_memory.emplace(db);
    m->transaction = m->impl.retry_busy([&] {
      return std::make_unique<SQLite::Transaction>(db, SQLite::TransactionBehavior::IMMEDIATE);
    });
    m->left_out_rows = has_left_out(db);
    m->writer.emplace(db, *write_at, m->left_out_rows);
    // Moved notes first, in this transaction: what follows finds them at their new paths.
    moves = write_relocations(db, std::move(moves));
  }
  if (!write_at) m->left_out_rows = has_left_out(db);
  m->has_stored_cards = SQLite::Statement(db, "SELECT 1 FROM cards LIMIT 1").executeStep();
  std::unordered_map<std::string, std::string>& moved = m->moved;
  for (const NoteMove& move : moves.notes) {
    moved.emplace(move.from, move.to);
    m->moved_from.insert(move.from);
    m->moved_source.emplace(move.to, move.from_source);
  }
  // Every key in use, read when the first new card needs one.
  auto load_keys = [&db] {
    std::set<std::string> keys;
    SQLite::Statement query(db, "SELECT key FROM cards");
    while (query.executeStep()) keys.insert(query.getColumn(0).getString());
    return keys;
  };
  m->matcher.emplace(load_stored(db, listed, m->scope, unchanged_text, m->kept_by_note, moved),
                     std::move(load_keys));
  m->present.reserve(listed.size());
  m->stored_terms = m->matcher->base_terms();
  m->stored_questions = m->matcher->duplicate_keys();
}

ImportStream::~ImportStream() = default;

void ImportStream::add(NoteInput note) {
  State& s = *m;
  Matcher& matcher = *s.matcher;
  s.present.insert(note.path);
  if (s.writer) s.writer->note(note);
  if (note.status != NoteStatus::parsed && !s.unchanged_text && s.pending.empty()) {
    // A note kept as stored, with nothing waiting before it: only counted.
    if (const auto it = s.kept_by_note.find(note.path); it != s.kept_by_note.end()) {
      s.counts.kept += it->second;
    } else {
      s.counts.kept += matcher.keep_uncounted(note.path);
    }
    return;
  }
  State::Pending pending;
  std::vector<extract::CardDraft> drafts = std::move(note.drafts);
  pending.note = std::move(note);
  const NoteInput& header = pending.note;
  if (header.status != NoteStatus::parsed) {
    // Cards of a note that was not parsed again stay exactly as stored.
    if (s.unchanged_text) {
      matcher.keep_note(header, pending.cards);
    } else if (const auto it = s.kept_by_note.find(header.path); it != s.kept_by_note.end()) {
      s.counts.kept += it->second;
    } else {
      s.counts.kept += matcher.keep_uncounted(header.path);
    }
    pending.settled = true;
  } else {
    // The drafts move into the plan's cards, with their match keys: a card's text is held once.
    std::map<std::string, int> seen_terms;
    bool may_match = matcher.has_stored(header.path);
    if (s.left_out_rows) s.parsed.insert(header.path);  // for bring_back() only
    pending.cards.reserve(drafts.size());
    for (extract::CardDraft& draft : drafts) {
      PlannedCard card;
      card.match_key = core::normalize_term(draft.term.empty() ? draft.question : draft.term);
      if (const int count = ++seen_terms[card.match_key]; count > 1) {
        card.match_key += "#" + std::to_string(count);
      }
      card.draft = std::move(draft);
      card.note_path = header.path;
      may_match = may_match || s.stored_terms.contains(std::string(base_term(card.match_key)));
      // A card a stored card may duplicate waits until every stored card's fate is known.
      may_match = may_match || (!s.stored_questions.empty() &&
                                s.stored_questions.contains(duplicate_key(card.draft)));
      pending.cards.push_back(std::move(card));
    }
    drafts = {};
    matcher.match_exact(header, pending.cards);
    s.mark_moved(header.path, pending.cards);
    if (!may_match) {
      // Nothing stored can be this note's: every card is new, now as at the end.
      matcher.finish_note(header, pending.cards);
      pending.settled = true;
    }
  }
  s.pending.push_back(std::move(pending));
  s.release();
}

ImportCounts ImportStream::finish(const std::vector<std::string>& skipped) {
  State& s = *m;
  Matcher& matcher = *s.matcher;
  // The notes that waited: moves across them, then edits and new cards note by note.
  std::vector<std::vector<PlannedCard>*> waiting;
  for (State::Pending& p : s.pending) {
    if (!p.settled) waiting.push_back(&p.cards);
  }
  matcher.match_moves(waiting);
  for (State::Pending& p : s.pending) {
    if (!p.settled) matcher.match_edits(p.note, p.cards);
  }
  // Every stored card that stays is known now: indexed before any new card is looked up, so that
  // a stored card is never left out for a new one.
  for (const State::Pending& p : s.pending) {
    for (const PlannedCard& card : p.cards) {
      if (card.card_id && State::stays(card.action)) s.dups.add(card.draft, card.key, card.note_path);
    }
  }
  matcher.each_kept([&](const StoredCard& card) { s.dups.add(card.draft, card.key, card.note_path); });
  s.survivors_indexed = true;
  std::vector<PlannedCard> back = s.bring_back(skipped);
  for (State::Pending& p : s.pending) {
    if (p.settled) continue;
    matcher.finish_note(p.note, p.cards);
    p.settled = true;
  }
  s.release();
  for (PlannedCard& card : back) s.emit(card);
  matcher.retire_rest(skipped, s.renamed, [&](PlannedCard& card) { s.emit(card); });

  // Stored notes under the scope that this import did not find.
  const std::unordered_set<std::string> skipped_set(skipped.begin(), skipped.end());
  const auto present = [&](const std::string& path) {
    return s.present.contains(path) || skipped_set.contains(path) || s.moved_from.contains(path);
  };
  {
    SQLite::Statement query(s.impl.db,
                            "SELECT path FROM notes WHERE size <> -1 OR "
                            "mtime_ns <> -1 OR content_hash <> ''");
    std::string path;  // one buffer: almost every stored path is present
    while (query.executeStep()) {
      const SQLite::Column column = query.getColumn(0);
      path.assign(column.getText(), static_cast<std::size_t>(column.getBytes()));
      if (!present(path) && under_scope(path, s.scope)) s.counts.gone.push_back(path);
    }
  }
  if (s.writer) {
    for (const std::string& path : s.counts.gone) s.writer->forget(path);
    s.writer.reset();
    s.transaction->commit();
    s.transaction.reset();
  }
  return s.counts;
}

ImportPlan Store::plan_import(std::vector<NoteInput> notes, std::vector<std::string> scope,
                              std::vector<std::string> skipped, bool unchanged_text) {
  ImportPlan plan;
  plan.scope = scope;
  plan.skipped = std::move(skipped);
  std::unordered_map<std::string, bool> listed;
  for (const NoteInput& note : notes) {
    listed.emplace(note.path, note.status == NoteStatus::parsed);
  }
  ImportStream stream(
      *this, std::move(scope), listed, unchanged_text,
      [&plan](PlannedCard& card) { plan.cards.push_back(std::move(card)); }, std::nullopt);
  plan.notes.reserve(notes.size());
  for (NoteInput& note : notes) {
    NoteInput header;
    header.path = note.path;
    header.source = note.source;
    header.content_hash = note.content_hash;
    header.status = note.status;
    header.size = note.size;
    header.mtime_ns = note.mtime_ns;
    header.extract_salt = note.extract_salt;
    plan.notes.push_back(std::move(header));
    stream.add(std::move(note));
  }
  ImportCounts counts = stream.finish(plan.skipped);
  plan.kept = counts.kept;
  plan.gone = std::move(counts.gone);
  return plan;
}

void Store::apply_import(const ImportPlan& plan, std::chrono::sys_seconds now) {
  TempStoreInMemory temp_in_memory(m_impl->db);
  m_impl->retry_busy([&] {
    SQLite::Transaction transaction(m_impl->db, SQLite::TransactionBehavior::IMMEDIATE);
    Writer writer(m_impl->db, now, has_left_out(m_impl->db));
    for (const NoteInput& note : plan.notes) writer.note(note);
    for (const PlannedCard& card : plan.cards) writer.card(card);
    for (const std::string& path : plan.gone) writer.forget(path);
    transaction.commit();
  });
}

}  // namespace recall::store
