// The store's side of notes found moved: the notes a new file may be, and writing their new paths.
#include "impl.hpp"
#include "recall/store/import_stream.hpp"
#include "relocate.hpp"

namespace recall::store {

std::vector<StoredNote> ImportStream::stored_notes(Store& store) {
  SQLite::Statement query(store.m_impl->db, R"sql(
    SELECT path, source, content_hash, gone_hash FROM notes
    WHERE content_hash <> '' OR gone_hash <> '' ORDER BY path)sql");
  std::vector<StoredNote> out;
  while (query.executeStep()) {
    out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                   query.getColumn(2).getString(), query.getColumn(3).getString()});
  }
  return out;
}

void ImportStream::count_cards(Store& store, std::vector<StoredNote>& notes) {
  SQLite::Statement query(store.m_impl->db, R"sql(
    SELECT count(*) FILTER (WHERE c.state <> 'retired'), count(*) FILTER (WHERE c.state = 'retired')
    FROM cards c WHERE c.note_id = (SELECT id FROM notes WHERE path = :path))sql");
  for (StoredNote& note : notes) {
    query.bind(":path", note.path);
    query.executeStep();
    note.cards = query.getColumn(0).getInt();
    note.retired = query.getColumn(1).getInt();
    query.reset();
  }
}

Relocations write_relocations(SQLite::Database& db, Relocations moves) {
  SQLite::Statement note(db, R"sql(
    UPDATE notes SET path = :to WHERE path = :from
      AND NOT EXISTS (SELECT 1 FROM notes WHERE path = :to))sql");
  std::erase_if(moves.notes, [&](const NoteMove& move) {
    note.bind(":from", move.from);
    note.bind(":to", move.to);
    const bool written = note.exec() == 1;
    note.reset();
    return !written;
  });
  SQLite::Statement root(db, "UPDATE roots SET path = :to WHERE path = :from");
  for (const RootMove& move : moves.roots) {
    root.bind(":from", move.from);
    root.bind(":to", move.to);
    root.exec();
    root.reset();
  }
  return moves;
}

}  // namespace recall::store
