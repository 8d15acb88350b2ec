// Private to src/cli: what `recall import` does with note roots before and after its plan.
#pragma once

#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "context.hpp"
#include "recall/sync/import.hpp"

namespace recall::cli {

// Before planning, with the import lock held (but for a dry run): with `every_root`, fills
// request.roots with the stored roots (a missing one is a warning, its cards kept; none at all is
// an error, exit 2). Then sets request.known_roots so that decks are named from the roots and
// moved roots are recognised (sync/moves.hpp).
void before_import(sync::ImportRequest& request, bool every_root, const std::filesystem::path& db);

// The lines an import prints for what it found moved: a root, or a note (also one brought back
// by its content, with the number of its cards restored, from `restored_by_note`).
void print_moves(std::ostream& out, const store::Relocations& moves,
                 const std::map<std::string, int>& restored_by_note);

// Before the plan is written: a backup of the database when the plan changes any card (what
// `recall undo` puts back); a failed backup is a warning.
void backup_before(const store::ImportPlan& plan, const std::filesystem::path& db,
                   const Context& context);
// The same, unconditionally: the streamed import calls it at its first change, while its own
// transaction is open (another connection copies the last committed state).
void backup_before(const std::filesystem::path& db, const Context& context);

// After the plan is written: each folder imported that is in no root becomes one.
void after_import(const sync::ImportRequest& request, const std::filesystem::path& db,
                  const Context& context);

}  // namespace recall::cli
