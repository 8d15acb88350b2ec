// The store's side of notes found moved: the notes a new file may be, and writing their new paths.
#include "impl.hpp"
#include "recall/store/import_stream.hpp"
#include "relocate.hpp"

namespace recall::store {

std::vector<StoredNote> ImportStream::stored_notes(Store& store) {
  SQLite::Statement query(store.m_impl->db, R"sql(
    SELECT n.path, n.source, n.content_hash, n.gone_hash,
      count(c.id) FILTER (WHERE c.state <> 'retired'), count(c.id) FILTER (WHERE c.state = 'retired')
    FROM notes n LEFT JOIN cards c ON c.note_id = n.id
    WHERE n.content_hash <> '' OR n.gone_hash <> ''
    GROUP BY n.id ORDER BY n.path)sql");
  std::vector<StoredNote> out;
  while (query.executeStep()) {
    out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                   query.getColumn(2).getString(), query.getColumn(3).getString(),
                   query.getColumn(4).getInt(), query.getColumn(5).getInt()});
  }
  return out;
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
