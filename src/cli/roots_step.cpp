#include "roots_step.hpp"

#include <algorithm>

#include "recall/core/error.hpp"
#include "recall/store/backups.hpp"
#include "recall/store/roots.hpp"

namespace recall::cli {

namespace fs = std::filesystem;

void before_import(sync::ImportRequest& request, bool every_root, const fs::path& db) {
  std::error_code ec;
  if (!fs::exists(db, ec)) {  // a dry run on a database not made yet
    if (every_root) {
      throw Error("no note roots yet: `recall import NOTES` imports a folder and remembers it", "",
                  kExitUsage);
    }
    return;
  }
  store::Roots roots(db);
  request.known_roots = roots.list();
  if (!every_root) return;
  for (const auto& root : request.known_roots) {
    if (fs::exists(root, ec)) {
      request.roots.emplace_back(root);
    } else {
      warn("note root " + root +
           " no longer exists: its cards are kept as they are (import its new place, or "
           "`recall roots rm " +
           root + "` retires them)");
    }
  }
  if (request.known_roots.empty()) {
    throw Error("no note roots yet: `recall import NOTES` imports a folder and remembers it", "",
                kExitUsage);
  }
}

namespace {

std::string cards(int n) { return std::to_string(n) + (n == 1 ? " card" : " cards"); }

}  // namespace

void print_moves(std::ostream& out, const store::Relocations& moves,
                 const std::map<std::string, int>& restored_by_note) {
  for (const auto& root : moves.roots) {
    out << "root " << root.from << " moved to " << root.to << ": " << cards(root.cards)
        << " kept\n";
  }
  for (const auto& note : moves.notes) {
    // A note that moved with its root and kept its path below it is told by the root's line.
    const auto with_root = std::find_if(moves.roots.begin(), moves.roots.end(), [&](const auto& r) {
      return note.from.starts_with(r.from + "/") && note.to.starts_with(r.to + "/") &&
             note.from.substr(r.from.size()) == note.to.substr(r.to.size());
    });
    if (with_root != moves.roots.end()) continue;
    if (note.gone) {
      const auto restored = restored_by_note.find(note.to);
      out << "note " << note.to << " brings back " << note.from << ": "
          << cards(restored == restored_by_note.end() ? 0 : restored->second) << " restored\n";
      continue;
    }
    // The same name in another folder: "note x.md moved from A to B"; else both paths.
    const fs::path from(note.from), to(note.to);
    if (from.filename() == to.filename()) {
      out << "note " << to.filename().generic_string() << " moved from "
          << from.parent_path().generic_string() << " to " << to.parent_path().generic_string();
    } else {
      out << "note " << note.from << " moved to " << note.to;
    }
    out << ": " << cards(note.cards) << " kept\n";
  }
}

void backup_before(const fs::path& db, const Context& context) {
  backup(db, context, "import", "this import");
}

void backup_before(const store::ImportPlan& plan, const fs::path& db, const Context& context) {
  using store::PlanAction;
  const int changes = plan.count(PlanAction::new_card) + plan.count(PlanAction::updated) +
                      plan.count(PlanAction::moved) + plan.count(PlanAction::renamed) +
                      plan.count(PlanAction::retired) + plan.count(PlanAction::restored);
  if (changes > 0) backup_before(db, context);
}

void after_import(const sync::ImportRequest& request, const fs::path& db, const Context& context) {
  store::Roots roots(db);
  const auto known = roots.list();
  for (const auto& given : request.roots) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) continue;
    const std::string path = sync::absolute_path(given);
    if (store::root_of(path, known).empty()) roots.add(path, core::format_utc(context.now.utc));
  }
}

}  // namespace recall::cli
