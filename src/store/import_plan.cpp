// Import as a plan: compare drafts with stored cards, then write the difference.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/core/hash.hpp"

namespace recall::store {
namespace {

// A card's identity within its note: its term folded for case, whitespace and emphasis.
std::string normalize_term(std::string_view text) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '*' || c == '_' || c == '`') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
  }
  return out;
}

std::string hex_key(std::string_view seed) { return core::hash_hex(seed, 12); }

bool under_scope(const std::string& path, const std::vector<std::string>& scope) {
  return std::any_of(scope.begin(), scope.end(), [&](const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            (root.back() == '/' || path[root.size()] == '/'));
  });
}

struct StoredCard {
  std::int64_t id = 0;
  std::string key;
  std::string note_path;
  std::string match_key;
  std::string state;
  extract::CardDraft draft;
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
  return card;
}

constexpr const char* kStoredColumns =
    "c.id, c.key, n.path, c.match_key, c.state, c.deck, c.question, c.answer, c.kind, c.rule, "
    "c.confidence, c.source, c.line, c.context, c.tags";

bool same_location(const extract::CardDraft& a, const extract::CardDraft& b) {
  return a.deck == b.deck && a.source == b.source && a.line == b.line && a.context == b.context &&
         a.rule == b.rule && a.confidence == b.confidence && a.tags == b.tags;
}

}  // namespace

ImportPlan Store::plan_import(std::vector<NoteInput> notes, std::vector<std::string> scope,
                              std::vector<std::string> skipped) {
  ImportPlan plan;
  plan.scope = std::move(scope);
  plan.skipped = std::move(skipped);

  // Every stored card of a note under the scope, by note path and match key.
  std::map<std::string, std::map<std::string, StoredCard>> stored;
  {
    std::set<std::string> imported_now;
    for (const NoteInput& note : notes) imported_now.insert(note.path);
    SQLite::Statement query(m_impl->db, std::string("SELECT ") + kStoredColumns +
                                            " FROM cards c JOIN notes n ON n.id = c.note_id");
    while (query.executeStep()) {
      StoredCard card = read_stored(query);
      if (!imported_now.contains(card.note_path) && !under_scope(card.note_path, plan.scope)) {
        continue;
      }
      stored[card.note_path].emplace(card.match_key, std::move(card));
    }
  }
  std::set<std::string> keys_taken;
  {
    SQLite::Statement query(m_impl->db, "SELECT key FROM cards");
    while (query.executeStep()) keys_taken.insert(query.getColumn(0).getString());
  }

  for (const NoteInput& note : notes) {
    auto& existing = stored[note.path];
    std::map<std::string, int> seen_terms;
    for (const extract::CardDraft& draft : note.drafts) {
      PlannedCard planned;
      planned.draft = draft;
      planned.note_path = note.path;
      std::string match_key = normalize_term(draft.term.empty() ? draft.question : draft.term);
      if (const int n = ++seen_terms[match_key]; n > 1) match_key += "#" + std::to_string(n);
      planned.match_key = match_key;

      if (auto found = existing.find(match_key); found != existing.end()) {
        const StoredCard& old = found->second;
        planned.key = old.key;
        planned.card_id = old.id;
        if (old.state == "retired") {
          planned.action = PlanAction::restored;
        } else if (old.draft.question != draft.question || old.draft.answer != draft.answer ||
                   old.draft.kind != draft.kind) {
          planned.action = PlanAction::updated;
        } else {
          planned.action = PlanAction::unchanged;
        }
        planned.relocated = !same_location(old.draft, draft);
        existing.erase(found);
      } else {
        planned.action = PlanAction::new_card;
        std::string seed = note.path + '\x1f' + match_key;
        planned.key = hex_key(seed);
        while (!keys_taken.insert(planned.key).second) {
          seed += '+';
          planned.key = hex_key(seed);
        }
      }
      plan.cards.push_back(std::move(planned));
    }
  }

  // What is left was stored but is no longer in its note, or its note is gone.
  for (auto& [path, cards] : stored) {
    if (std::find(plan.skipped.begin(), plan.skipped.end(), path) != plan.skipped.end()) {
      continue;  // unreadable this time: its cards stay as they are
    }
    for (auto& [match_key, old] : cards) {
      if (old.state == "retired") continue;
      PlannedCard planned;
      planned.action = PlanAction::retired;
      planned.key = old.key;
      planned.card_id = old.id;
      planned.draft = old.draft;
      planned.match_key = match_key;
      plan.cards.push_back(std::move(planned));
    }
  }
  plan.notes = std::move(notes);
  return plan;
}

void Store::apply_import(const ImportPlan& plan, std::chrono::sys_seconds now) {
  auto& db = m_impl->db;
  const std::string at = core::format_utc(now);
  SQLite::Transaction transaction(db);

  std::map<std::string, std::int64_t> note_ids;
  SQLite::Statement upsert_note(db, R"sql(
    INSERT INTO notes (path, source, content_hash, imported_at) VALUES (:path, :source, :hash, :at)
    ON CONFLICT (path) DO UPDATE SET source = excluded.source,
      content_hash = excluded.content_hash, imported_at = excluded.imported_at
    RETURNING id)sql");
  for (const NoteInput& note : plan.notes) {
    upsert_note.bind(":path", note.path);
    upsert_note.bind(":source", note.source);
    upsert_note.bind(":hash", note.content_hash);
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
    UPDATE cards SET match_key = :match, deck = :deck, question = :question, answer = :answer,
      kind = :kind, rule = :rule, confidence = :confidence, source = :source, line = :line,
      ord = :ord, context = :context, tags = :tags, updated_at = :at,
      state = CASE WHEN state <> 'retired' THEN state
                   WHEN repetitions > 0 THEN 'review'
                   WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = cards.id) THEN 'learning'
                   ELSE 'new' END
    WHERE id = :id)sql");
  SQLite::Statement retire(db,
                           "UPDATE cards SET state = 'retired', updated_at = :at WHERE id = :id");

  auto bind_draft = [&](SQLite::Statement& s, const PlannedCard& card) {
    const extract::CardDraft& d = card.draft;
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
        insert.bind(":note", note_ids.at(card.note_path));
        insert.exec();
        insert.reset();
        break;
      case PlanAction::updated:
      case PlanAction::restored:
      case PlanAction::unchanged:
        if (card.action == PlanAction::unchanged && !card.relocated) break;
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
  transaction.commit();
}

}  // namespace recall::store
