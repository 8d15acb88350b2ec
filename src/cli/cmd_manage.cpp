// recall suspend, unsuspend, forget and bury: changing cards without reviewing them, by key or
// by query. Each command is one transaction (Store::change_cards), so a review session open
// meanwhile sees the change through its compare-and-set and never undoes it.
#include <CLI/CLI.hpp>
#include <iostream>

#include "card_selection.hpp"
#include "commands.hpp"
#include "recall/core/error.hpp"

namespace recall::cli {

namespace {

struct ManageOptions {
  CardSelection selection;
  bool leeches = false;  // unsuspend only: every suspended leech
};

struct Verb {
  store::CardChange change;
  const char* name;  // the command
  const char* done;  // what a changed card's line says
  const char* description;
};

int run_manage(const Verb& verb, const ManageOptions& options, const Context& context) {
  auto store = open_existing_store(context);
  CardSelection selection = options.selection;
  if (options.leeches) selection.state = "leech";
  const auto ids = select_cards(selection, *store, context);
  const auto results = store->change_cards(ids, verb.change, context.today(), context.now.utc);
  auto& out = context.terminal->out();
  int changed = 0;
  for (const auto& result : results) {
    if (result.changed) {
      ++changed;
      out << result.key << '\t' << verb.done << '\n';
    } else {
      out << result.key << "\tleft as it was: " << result.why_not << '\n';
    }
  }
  const auto left = results.size() - static_cast<std::size_t>(changed);
  std::string done = verb.done;
  done[0] = static_cast<char>(done[0] - 'a' + 'A');
  out << done << ' ' << changed << " card" << (changed == 1 ? "" : "s");
  if (left > 0) out << "; " << left << " left as " << (left == 1 ? "it was" : "they were");
  out << ".\n";
  return kExitOk;
}

Command setup_verb(CLI::App& parent, const Verb& verb) {
  auto options = std::make_shared<ManageOptions>();
  CLI::App* app = parent.add_subcommand(verb.name, verb.description);
  app->add_option("keys", options->selection.keys, "Card keys, as `recall cards` prints them");
  add_query_options(*app, options->selection);
  if (verb.change == store::CardChange::unsuspend) {
    app->add_flag("--leeches", options->leeches, "Every suspended leech");
  }
  app->footer(
      "Cards are chosen by key, by the query options (as for `recall cards`), or both. A "
      "retired card (its note no longer has it) is left as it is. The change is one "
      "transaction; the review log is never changed.");
  return {app, [verb, options](const Context& context) {
            if (options->leeches && !options->selection.keys.empty()) {
              throw Error("--leeches takes no card keys", "", kExitUsage);
            }
            return run_manage(verb, *options, context);
          }};
}

}  // namespace

Command setup_suspend(CLI::App& parent) {
  return setup_verb(parent, {store::CardChange::suspend, "suspend", "suspended",
                             "Stop showing cards in reviews, their schedule kept"});
}

Command setup_unsuspend(CLI::App& parent) {
  return setup_verb(parent, {store::CardChange::unsuspend, "unsuspend", "unsuspended",
                             "Show suspended cards again, where their schedule left them"});
}

Command setup_forget(CLI::App& parent) {
  return setup_verb(parent, {store::CardChange::forget, "forget", "forgotten",
                             "Make cards new again (their review log is kept)"});
}

Command setup_bury(CLI::App& parent) {
  return setup_verb(parent, {store::CardChange::bury, "bury", "buried",
                             "Hide cards from reviews until tomorrow"});
}

}  // namespace recall::cli
