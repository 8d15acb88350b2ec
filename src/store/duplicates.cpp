// Cards that two notes would both make: the index an import looks them up in, and the table of
// the ones left out (src/store/duplicates.hpp).
#include "duplicates.hpp"

#include "impl.hpp"
#include "recall/core/hash.hpp"
#include "recall/core/similarity.hpp"

namespace recall::store {
namespace {

constexpr const char* kLeftOutColumns =
    "n.path, d.match_key, d.card_key, d.deck, d.question, d.answer, d.kind, d.rule, "
    "d.confidence, d.source, d.line, d.context, d.tags, c.id, c.state, cn.path, c.kind, "
    "c.question, c.answer, c.source, c.line";

constexpr const char* kLeftOutFrom =
    " FROM duplicates d JOIN notes n ON n.id = d.note_id "
    "LEFT JOIN cards c ON c.key = d.card_key LEFT JOIN notes cn ON cn.id = c.note_id";

LeftOutCard read_left_out(SQLite::Statement& row) {
  LeftOutCard out;
  out.note_path = row.getColumn(0).getString();
  out.match_key = row.getColumn(1).getString();
  out.card_key = row.getColumn(2).getString();
  out.draft = draft_from_row(row, 3);
  out.draft.term = out.match_key;
  if (!row.getColumn(13).isNull()) out.card_id = row.getColumn(13).getInt64();
  out.card_state = row.getColumn(14).getString();
  out.card_note_path = row.getColumn(15).getString();
  out.card.kind = row.getColumn(16).getString();
  out.card.question = row.getColumn(17).getString();
  out.card.answer = row.getColumn(18).getString();
  out.card.source = row.getColumn(19).getString();
  out.card.line = row.getColumn(20).getInt();
  return out;
}

}  // namespace

std::uint64_t duplicate_key(const extract::CardDraft& draft) {
  // A command's answer is code, where punctuation is meaning (`[ -f file ]`, `[[ -f file ]]`):
  // only its white space is folded.
  std::string answer;
  if (draft.kind == "command") {
    for (const char c : draft.answer) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space) {
        answer.push_back(c);
      } else if (!answer.empty() && answer.back() != ' ') {
        answer.push_back(' ');
      }
    }
  } else {
    answer = core::answer_words(draft.answer);
  }
  return core::fnv1a64(draft.kind + '\x1f' + core::normalize_term(draft.question) + '\x1f' +
                       answer);
}

namespace {

constexpr std::uint64_t kOtherKey = 1ull << 63;

// A key as recall makes them (12 lower-case hex digits) as a number; nullopt for any other.
std::optional<std::uint64_t> hex_number(const std::string& key) {
  if (key.size() != 12) return std::nullopt;
  std::uint64_t out = 0;
  for (const char c : key) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    out = (out << 4) | static_cast<std::uint64_t>(digit);
  }
  return out;
}

std::string hex_text(std::uint64_t number) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(12, '0');
  for (int i = 11; i >= 0; --i, number >>= 4) out[static_cast<std::size_t>(i)] = kHex[number & 0xfu];
  return out;
}

}  // namespace

std::uint32_t DuplicateIndex::note_of(const std::string& path, const std::string& source) {
  const auto [it, added] =
      m_note_index.try_emplace(core::fnv1a64(path), static_cast<std::uint32_t>(m_sources.size()));
  if (added) m_sources.push_back(source);
  return it->second;
}

void DuplicateIndex::add(std::uint64_t question, const extract::CardDraft& draft,
                         const std::string& key, const std::string& note_path) {
  if (m_first.contains(question)) return;
  std::uint64_t number = 0;
  if (const auto hex = hex_number(key)) {
    number = *hex;
  } else {
    number = kOtherKey | m_other_keys.size();
    m_other_keys.push_back(key);
  }
  m_first.emplace(question, Owner{number, note_of(note_path, draft.source), draft.line});
}

std::optional<DuplicateOwner> DuplicateIndex::owner_of(std::uint64_t question,
                                                       const std::string& note_path) const {
  const auto found = m_first.find(question);
  if (found == m_first.end()) return std::nullopt;
  const Owner& owner = found->second;
  const auto note = m_note_index.find(core::fnv1a64(note_path));
  if (note != m_note_index.end() && note->second == owner.note) return std::nullopt;
  return DuplicateOwner{(owner.key & kOtherKey) != 0 ? m_other_keys[owner.key & ~kOtherKey]
                                                     : hex_text(owner.key),
                        m_sources[owner.note], owner.line};
}

bool has_left_out(SQLite::Database& db) {
  SQLite::Statement query(db, "SELECT 1 FROM duplicates LIMIT 1");
  return query.executeStep();
}

void each_left_out(SQLite::Database& db, bool gone_only,
                   const std::function<void(LeftOutCard&)>& visit) {
  if (gone_only) {
    // Usually there is none: looked for from the left-out rows (a few thousand key lookups), where
    // the ordered query below walks every note.
    SQLite::Statement any(db,
                          "SELECT 1 FROM duplicates d LEFT JOIN cards c ON c.key = d.card_key "
                          "WHERE c.id IS NULL OR c.state = 'retired' LIMIT 1");
    if (!any.executeStep()) return;
  }
  SQLite::Statement query(db, std::string("SELECT ") + kLeftOutColumns + kLeftOutFrom +
                                  (gone_only ? " WHERE c.id IS NULL OR c.state = 'retired'" : "") +
                                  " ORDER BY n.path, d.match_key");
  while (query.executeStep()) {
    LeftOutCard row = read_left_out(query);
    visit(row);
  }
}

void index_stored_cards(SQLite::Database& db, const std::function<bool(const std::string&)>& wanted,
                        const std::unordered_map<std::string, std::string>& moved,
                        DuplicateIndex& index) {
  SQLite::Statement query(db,
                          "SELECT n.path, c.key, c.kind, c.question, c.answer, c.source, c.line "
                          "FROM cards c JOIN notes n ON n.id = c.note_id "
                          "WHERE c.state <> 'retired'");
  while (query.executeStep()) {
    std::string path = query.getColumn(0).getString();
    if (const auto it = moved.find(path); it != moved.end()) path = it->second;
    std::string key = query.getColumn(1).getString();
    if (!wanted(key)) continue;
    extract::CardDraft draft;
    draft.kind = query.getColumn(2).getString();
    draft.question = query.getColumn(3).getString();
    draft.answer = query.getColumn(4).getString();
    draft.source = query.getColumn(5).getString();
    draft.line = query.getColumn(6).getInt();
    index.add(draft, key, path);
  }
}

LeftOutWriter::LeftOutWriter(SQLite::Database& db)
    : m_record(db, R"sql(
    INSERT OR REPLACE INTO duplicates (note_id, match_key, card_key, deck, question, answer, kind,
      rule, confidence, source, line, context, tags)
    VALUES (:note, :match, :card, :deck, :question, :answer, :kind, :rule, :confidence, :source,
      :line, :context, :tags))sql"),
      m_clear(db, "DELETE FROM duplicates WHERE note_id = :note"),
      m_remove(db, "DELETE FROM duplicates WHERE note_id = :note AND match_key = :match") {}

void LeftOutWriter::record(std::int64_t note_id, const PlannedCard& card,
                           const std::string& context_json, const std::string& tags_json) {
  m_record.bind(":note", note_id);
  m_record.bind(":match", card.match_key);
  m_record.bind(":card", card.duplicate_of);
  bind_draft_columns(m_record, card.draft);
  m_record.bind(":context", context_json);
  m_record.bind(":tags", tags_json);
  m_record.exec();
  m_record.reset();
}

void LeftOutWriter::clear_note(std::int64_t note_id) {
  m_clear.bind(":note", note_id);
  m_clear.exec();
  m_clear.reset();
}

void LeftOutWriter::remove(std::int64_t note_id, const std::string& match_key) {
  m_remove.bind(":note", note_id);
  m_remove.bind(":match", match_key);
  m_remove.exec();
  m_remove.reset();
}

}  // namespace recall::store
