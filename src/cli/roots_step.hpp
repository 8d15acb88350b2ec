// Private to src/cli: what `recall import` does with note roots before and after its plan.
#pragma once

#include <filesystem>
#include <vector>

#include "context.hpp"
#include "recall/sync/import.hpp"
#include "recall/sync/roots.hpp"

namespace recall::cli {

struct RootsStep {
  std::vector<sync::RootMove> moves;  // roots found at a new place (printed by the import)
};

// Before planning, with the import lock held: with `every_root`, fills request.roots with the
// stored roots (a missing one is a warning, its cards kept; none at all is an error, exit 2);
// else, unless a dry run, recognises roots that moved to a folder being imported. Then sets
// request.known_roots so that decks are named from the roots.
RootsStep before_import(sync::ImportRequest& request, bool every_root, bool dry_run,
                        const std::filesystem::path& db, const Context& context);

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
