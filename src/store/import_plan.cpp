// Import as a plan: match drafts to stored cards, then write the difference in one transaction.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/core/hash.hpp"
#include "recall/core/similarity.hpp"

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
};

StoredCard read_stored(SQLite::Statement& row) {
  StoredCard card;
  card.id = row.getColumn(0).getInt64();
  card.key = row.getColumn(1).getString();
  card.note_path = row.getColumn(2).getString();
  card.match_key = row.getColumn(3).getString();
  card.state = row.getColumn(4).getString();
  card.draft.deck = row.getColumn(5).getString();
  card.draft.question = row.getColumn(6).getString();
  card.draft.answer = row.getColumn(7).getString();
  card.draft.kind = row.getColumn(8).getString();
  card.draft.rule = row.getColumn(9).getString();
  card.draft.confidence = row.getColumn(10).getDouble();
  card.draft.source = row.getColumn(11).getString();
  card.draft.line = row.getColumn(12).getInt();
  card.draft.context = context_from_json(row.getColumn(13).getString());
  card.draft.tags = context_from_json(row.getColumn(14).getString());
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
  void match_moves(std::vector<PlannedCard>& planned) {
    std::unordered_map<std::string, std::vector<std::size_t>> free_by_term;
    for (std::size_t i = 0; i < m_stored.size(); ++i) {
      if (!m_stored[i].taken)
        free_by_term[std::string(base_term(m_stored[i].match_key))].push_back(i);
    }
    for (PlannedCard& card : planned) {
      if (card.card_id) continue;
      auto found = free_by_term.find(std::string(base_term(card.match_key)));
      if (found == free_by_term.end()) continue;
      std::optional<std::size_t> best;
      double best_similarity = -1;
      for (std::size_t i : found->second) {
        if (m_stored[i].taken) continue;
        const double s = core::answer_similarity(m_stored[i].draft.answer, card.draft.answer);
        if (s > best_similarity) best_similarity = s, best = i;
      }
      if (!best || best_similarity < kMoveAnswer) continue;
      const StoredCard& old = m_stored[*best];
      take(card, *best);
      if (old.note_path != card.note_path && old.state != "retired") {
        card.action = PlanAction::moved;
        card.remark = "from " + old.draft.source + ":" + std::to_string(old.draft.line);
      }
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
    for (PlannedCard& card : planned) {
      if (card.card_id) continue;
      card.action = PlanAction::new_card;
      std::string seed = note.path + '\x1f' + card.match_key;
      card.key = hex_key(seed);
      if (!m_keys_taken) m_keys_taken = m_load_keys();
      while (!m_keys_taken->insert(card.key).second) {
        seed += '+';
        card.key = hex_key(seed);
      }
      for (const PlannedCard& other : planned) {
        if (other.action == PlanAction::renamed &&
            core::term_similarity(other.match_key, card.match_key) >= kMergeHint) {
          card.remark = "split from " + other.remark.substr(4);
          break;
        }
      }
    }
  }

  // What is left of the stored cards (and not kept by a skipped note) is retired; returns them.
  std::vector<PlannedCard> retire_rest(const std::vector<std::string>& skipped,
                                       const std::vector<PlannedCard>& planned) {
    std::vector<PlannedCard> out;
    // Renamed cards by note, for the merge remark: retired × renamed stays small.
    std::unordered_map<std::string, std::vector<const PlannedCard*>> renamed;
    for (const PlannedCard& other : planned) {
      if (other.action == PlanAction::renamed) renamed[other.note_path].push_back(&other);
    }
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
      card.draft = old.draft;
      card.match_key = old.match_key;
      if (const auto same_note = renamed.find(old.note_path); same_note != renamed.end()) {
        for (const PlannedCard* other : same_note->second) {
          if (core::term_similarity(other->match_key, old.match_key) >= kMergeHint) {
            card.remark = "merged into " + in_quotes(other->match_key);
            break;
          }
        }
      }
      out.push_back(std::move(card));
    }
    return out;
  }

 private:
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
};

}  // namespace

std::map<std::string, NoteFingerprint> Store::note_fingerprints() {
  std::map<std::string, NoteFingerprint> out;
  SQLite::Statement query(
      m_impl->db, "SELECT path, source, content_hash, size, mtime_ns, extract_salt FROM notes");
  while (query.executeStep()) {
    out.emplace(query.getColumn(0).getString(),
                NoteFingerprint{query.getColumn(1).getString(), query.getColumn(2).getString(),
                                query.getColumn(3).getInt64(), query.getColumn(4).getInt64(),
                                query.getColumn(5).getString()});
  }
  return out;
}

ImportPlan Store::plan_import(std::vector<NoteInput> notes, std::vector<std::string> scope,
                              std::vector<std::string> skipped, bool unchanged_text) {
  ImportPlan plan;
  plan.scope = std::move(scope);
  plan.skipped = std::move(skipped);

  // Every stored card of a note in this import or under its scope (without unchanged_text: but
  // those of unchanged notes, counted in kept_by_note).
  std::vector<StoredCard> stored;
  std::unordered_map<std::string, int> kept_by_note;
  {
    // Per note path: whether it was parsed again (its cards may be matched, so their text is
    // needed) or not (they are kept as they are).
    std::unordered_map<std::string, bool> imported_now;
    for (const NoteInput& note : notes) {
      imported_now.emplace(note.path, note.status == NoteStatus::parsed);
    }
    if (unchanged_text) {
      SQLite::Statement query(m_impl->db, std::string("SELECT ") + kStoredColumns +
                                              " FROM cards c JOIN notes n ON n.id = c.note_id");
      while (query.executeStep()) {
        const std::string path = query.getColumn(2).getString();
        if (imported_now.contains(path) || under_scope(path, plan.scope)) {
          stored.push_back(read_stored(query));
        }
      }
    } else {
      // One row per stored note first; then the cards, with their text, only of the notes whose
      // cards may be matched (parsed again, or gone from under the roots), one indexed query per
      // note. An unchanged note's cards are only counted.
      SQLite::Statement per_note_query(m_impl->db,
                                       "SELECT n.id, n.path, sum(c.state <> 'retired') "
                                       "FROM notes n JOIN cards c ON c.note_id = n.id "
                                       "GROUP BY n.id");
      std::vector<std::int64_t> text_notes;
      while (per_note_query.executeStep()) {
        const std::string path = per_note_query.getColumn(1).getString();
        const auto now = imported_now.find(path);
        if (now == imported_now.end() && !under_scope(path, plan.scope)) continue;
        if (now != imported_now.end() && !now->second) {
          kept_by_note.emplace(path, per_note_query.getColumn(2).getInt());
        } else {
          text_notes.push_back(per_note_query.getColumn(0).getInt64());
        }
      }
      SQLite::Statement text(m_impl->db, std::string("SELECT ") + kStoredColumns +
                                             " FROM cards c JOIN notes n ON n.id = c.note_id "
                                             "WHERE c.note_id = :note");
      for (const std::int64_t note_id : text_notes) {
        text.bind(":note", note_id);
        while (text.executeStep()) stored.push_back(read_stored(text));
        text.reset();
      }
    }
  }
  // Every key in use, read when the first new card needs one.
  Matcher matcher(std::move(stored), [this] {
    std::set<std::string> keys;
    SQLite::Statement query(m_impl->db, "SELECT key FROM cards");
    while (query.executeStep()) keys.insert(query.getColumn(0).getString());
    return keys;
  });

  // Drafts of the parsed notes, with their match keys; the cards of unchanged notes kept.
  std::vector<std::vector<PlannedCard>> per_note(notes.size());
  for (std::size_t n = 0; n < notes.size(); ++n) {
    const NoteInput& note = notes[n];
    if (note.status != NoteStatus::parsed) {
      if (unchanged_text) {
        matcher.keep_note(note, per_note[n]);
      } else {
        if (const auto it = kept_by_note.find(note.path); it != kept_by_note.end()) {
          plan.kept += it->second;
        }
      }
      continue;
    }
    std::map<std::string, int> seen_terms;
    for (const extract::CardDraft& draft : note.drafts) {
      PlannedCard card;
      card.draft = draft;
      card.note_path = note.path;
      card.match_key = core::normalize_term(draft.term.empty() ? draft.question : draft.term);
      if (const int count = ++seen_terms[card.match_key]; count > 1) {
        card.match_key += "#" + std::to_string(count);
      }
      per_note[n].push_back(std::move(card));
    }
    matcher.match_exact(note, per_note[n]);
  }
  std::vector<PlannedCard> all;
  std::size_t total = 0;
  for (const auto& cards : per_note) total += cards.size();
  all.reserve(total);
  plan.cards.reserve(total);
  for (auto& cards : per_note) {
    for (auto& card : cards) all.push_back(std::move(card));
  }
  matcher.match_moves(all);

  // Back per note, in note order, for the edit phase.
  std::size_t offset = 0;
  for (std::size_t n = 0; n < notes.size(); ++n) {
    const std::size_t count = per_note[n].size();
    std::vector<PlannedCard> cards(
        std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(offset)),
        std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(offset + count)));
    offset += count;
    if (notes[n].status == NoteStatus::parsed) {
      matcher.match_edits(notes[n], cards);
      matcher.finish_note(notes[n], cards);
    }
    for (auto& card : cards) plan.cards.push_back(std::move(card));
  }
  for (auto& card : matcher.retire_rest(plan.skipped, plan.cards)) {
    plan.cards.push_back(std::move(card));
  }
  {
    std::set<std::string> present(plan.skipped.begin(), plan.skipped.end());
    for (const NoteInput& note : notes) present.insert(note.path);
    SQLite::Statement query(m_impl->db,
                            "SELECT path FROM notes WHERE size <> -1 OR "
                            "mtime_ns <> -1 OR content_hash <> ''");
    while (query.executeStep()) {
      std::string path = query.getColumn(0).getString();
      if (!present.contains(path) && under_scope(path, plan.scope)) {
        plan.gone.push_back(std::move(path));
      }
    }
  }
  plan.notes = std::move(notes);
  return plan;
}

namespace {

// Writes a plan in one BEGIN IMMEDIATE transaction.
void apply_plan(SQLite::Database& db, const ImportPlan& plan, std::chrono::sys_seconds now) {
  const std::string at = core::format_utc(now);
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::map<std::string, std::int64_t> note_ids;
  SQLite::Statement upsert_note(db, R"sql(
    INSERT INTO notes (path, source, content_hash, size, mtime_ns, extract_salt, imported_at)
    VALUES (:path, :source, :hash, :size, :mtime, :salt, :at)
    ON CONFLICT (path) DO UPDATE SET source = excluded.source,
      content_hash = excluded.content_hash, size = excluded.size, mtime_ns = excluded.mtime_ns,
      extract_salt = excluded.extract_salt, imported_at = excluded.imported_at
    RETURNING id)sql");
  SQLite::Statement find_note(db, "SELECT id FROM notes WHERE path = :path");
  // A note not read again keeps its row as it is; its id is looked up if a card needs it.
  auto note_id = [&](const std::string& path) {
    if (const auto it = note_ids.find(path); it != note_ids.end()) return it->second;
    find_note.bind(":path", path);
    if (!find_note.executeStep()) {
      throw Error("import: a planned card's note is not stored", path);
    }
    const std::int64_t id = find_note.getColumn(0).getInt64();
    find_note.reset();
    note_ids[path] = id;
    return id;
  };
  for (const NoteInput& note : plan.notes) {
    if (note.status == NoteStatus::same_stat) continue;
    upsert_note.bind(":path", note.path);
    upsert_note.bind(":source", note.source);
    upsert_note.bind(":hash", note.content_hash);
    upsert_note.bind(":size", note.size);
    upsert_note.bind(":mtime", note.mtime_ns);
    upsert_note.bind(":salt", note.extract_salt);
    upsert_note.bind(":at", at);
    upsert_note.executeStep();
    note_ids[note.path] = upsert_note.getColumn(0).getInt64();
    upsert_note.reset();
  }

  SQLite::Statement insert(db, R"sql(
    INSERT INTO cards (key, note_id, match_key, deck, question, answer, kind, rule, confidence,
      source, line, ord, context, tags, created_at, updated_at)
    VALUES (:key, :note, :match, :deck, :question, :answer, :kind, :rule, :confidence, :source,
      :line, :ord, :context, :tags, :at, :at))sql");
  SQLite::Statement update(db, R"sql(
    UPDATE cards SET note_id = :note, match_key = :match, deck = :deck, question = :question,
      answer = :answer, kind = :kind, rule = :rule, confidence = :confidence, source = :source,
      line = :line, ord = :ord, context = :context, tags = :tags, updated_at = :at,
      state = CASE WHEN state <> 'retired' THEN state
                   WHEN repetitions > 0 THEN 'review'
                   WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = cards.id) THEN 'learning'
                   ELSE 'new' END
    WHERE id = :id)sql");
  SQLite::Statement retire(db,
                           "UPDATE cards SET state = 'retired', updated_at = :at WHERE id = :id");

  auto bind_draft = [&](SQLite::Statement& s, const PlannedCard& card) {
    const extract::CardDraft& d = card.draft;
    s.bind(":note", note_id(card.note_path));
    s.bind(":match", card.match_key);
    s.bind(":deck", d.deck);
    s.bind(":question", d.question);
    s.bind(":answer", d.answer);
    s.bind(":kind", d.kind);
    s.bind(":rule", d.rule);
    s.bind(":confidence", d.confidence);
    s.bind(":source", d.source);
    s.bind(":line", d.line);
    s.bind(":ord", d.line);  // new cards are shown in note order
    s.bind(":context", context_to_json(d.context));
    s.bind(":tags", context_to_json(d.tags));
    s.bind(":at", at);
  };

  for (const PlannedCard& card : plan.cards) {
    switch (card.action) {
      case PlanAction::new_card:
        bind_draft(insert, card);
        insert.bind(":key", card.key);
        insert.exec();
        insert.reset();
        // Another tool's schedule (OSR's comment) counts on the card's first import only.
        if (card.draft.seed) seed_new_card(db, db.getLastInsertRowid(), *card.draft.seed);
        break;
      case PlanAction::unchanged:
        if (!card.relocated) break;
        [[fallthrough]];
      case PlanAction::updated:
      case PlanAction::moved:
      case PlanAction::renamed:
      case PlanAction::restored:
        bind_draft(update, card);
        update.bind(":id", *card.card_id);
        update.exec();
        update.reset();
        break;
      case PlanAction::retired:
        retire.bind(":at", at);
        retire.bind(":id", *card.card_id);
        retire.exec();
        retire.reset();
        break;
    }
  }
  // A note that is gone forgets what it looked like: the same file back is read again.
  SQLite::Statement forget(db,
                           "UPDATE notes SET size = -1, mtime_ns = -1, content_hash = '' "
                           "WHERE path = :path");
  for (const std::string& path : plan.gone) {
    forget.bind(":path", path);
    forget.exec();
    forget.reset();
  }
  transaction.commit();
}

}  // namespace

void Store::apply_import(const ImportPlan& plan, std::chrono::sys_seconds now) {
  m_impl->retry_busy([&] { apply_plan(m_impl->db, plan, now); });
}

}  // namespace recall::store
