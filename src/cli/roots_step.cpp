#include "roots_step.hpp"

#include "recall/core/error.hpp"
#include "recall/store/backups.hpp"

namespace recall::cli {

namespace fs = std::filesystem;

RootsStep before_import(sync::ImportRequest& request, bool every_root, bool dry_run,
                        const fs::path& db, const Context& context) {
  (void)context;
  RootsStep step;
  std::error_code ec;
  if (!fs::exists(db, ec)) {  // a dry run on a database not made yet
    if (every_root) {
      throw Error("no note roots yet: `recall import NOTES` imports a folder and remembers it", "",
                  kExitUsage);
    }
    return step;
  }
  store::Roots roots(db);
  if (every_root) {
    for (const auto& root : roots.list()) {
      if (fs::exists(root, ec)) {
        request.roots.emplace_back(root);
      } else {
        warn("note root " + root +
             " no longer exists: its cards are kept as they are (import its new place, or "
             "`recall roots rm " +
             root + "` retires them)");
      }
    }
    if (request.roots.empty() && roots.list().empty()) {
      throw Error("no note roots yet: `recall import NOTES` imports a folder and remembers it", "",
                  kExitUsage);
    }
  } else if (!dry_run) {
    step.moves = sync::recognise_moves(roots, request.roots);
  }
  request.known_roots = roots.list();
  return step;
}

void backup_before(const fs::path& db, const Context& context) {
  try {
    store::take_backup(db, core::format_utc(context.now.utc), "import");
  } catch (const Error& e) {
    warn(std::string("no backup before this import: ") + e.what());
  }
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
