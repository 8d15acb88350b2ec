// recall add QUESTION ANSWER [--deck D] [--to FILE]: a card captured from the command line is
// written into a note as a `Q:`/`A:` pair and that note imported, so the notes stay the one
// source of truth.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/store/lock.hpp"
#include "recall/store/roots.hpp"
#include "recall/sync/import.hpp"
#include "roots_step.hpp"

namespace recall::cli {

namespace fs = std::filesystem;

namespace {

struct AddOptions {
  std::string question, answer, deck, to;
};

// The note to write to: --to, else the deck's file in the first root, else its inbox.md.
fs::path target_note(const AddOptions& options, const Context& context) {
  if (!options.to.empty()) return options.to;
  std::error_code ec;
  std::vector<std::string> roots;
  if (fs::exists(context.db_path(), ec)) roots = store::Roots(context.db_path()).list();
  if (roots.empty()) {
    throw Error("no note root to add to: `recall import NOTES` makes one, or give --to FILE", "",
                kExitUsage);
  }
  if (options.deck.empty()) return fs::path(roots.front()) / "inbox.md";
  if (options.deck.find("..") != std::string::npos || options.deck.front() == '/') {
    throw Error("a deck is a path below the root, without `..`", options.deck, kExitUsage);
  }
  return fs::path(roots.front()) / (options.deck + ".md");
}

// Appends the pair after a blank line; returns the line the question is on.
int append_pair(const fs::path& note, const AddOptions& options) {
  std::error_code ec;
  if (note.has_parent_path()) fs::create_directories(note.parent_path(), ec);
  std::string before;
  {
    std::ifstream in(note, std::ios::binary);
    before.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::string text;
  if (!before.empty()) text += before.back() == '\n' ? "\n" : "\n\n";
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n') +
                                        std::count(text.begin(), text.end(), '\n'));
  text += "Q: " + options.question + "\nA: " + options.answer + "\n";
  std::ofstream out(note, std::ios::binary | std::ios::app);
  out << text;
  out.close();
  if (!out) throw Error("cannot write to the note", note.string());
  return line;
}

int run_add(const AddOptions& options, const Context& context) {
  if (options.question.find_first_not_of(" \t") == std::string::npos ||
      options.answer.find_first_not_of(" \t") == std::string::npos) {
    throw Error("the question and the answer must not be empty", "", kExitUsage);
  }
  const fs::path note = target_note(options, context);
  auto store = open_store(context);
  const auto lock = store::ProcessLock::take(context.db_path(), "import", [](long holder) {
    warn("waiting for another import (process " + std::to_string(holder) + ") to finish");
  });
  const int line = append_pair(note, options);
  sync::ImportRequest request;
  request.roots = {note};
  request.unchanged_text = false;
  request.keep_left_out = false;
  before_import(request, false, context.db_path());
  request.write_at = context.now.utc;
  bool backed_up = false;
  std::string duplicate;  // "same card as in …" when the new pair is another note's card
  request.on_card = [&](store::PlannedCard& card) {
    if (card.action == store::PlanAction::duplicate) duplicate = card.remark;
    if (!backed_up && card.action != store::PlanAction::unchanged) {
      backed_up = true;
      backup_before(context.db_path(), context);
    }
  };
  const auto result = sync::run_import(*store, request);
  for (const auto& w : result.warnings) warn(w);
  const int added = result.counts.count(store::PlanAction::new_card);
  context.terminal->out() << "Added to " << note.string() << ':' << line << "; cards: " << added
                          << " new.\n";
  if (added == 0 && !duplicate.empty()) {
    warn("the note gained no new card: it is the " + duplicate +
         " (left out; it comes back if that one goes)");
  } else if (added == 0) {
    warn("the note gained no new card: check the question and answer in it");
  }
  return kExitOk;
}

}  // namespace

Command setup_add(CLI::App& parent) {
  auto options = std::make_shared<AddOptions>();
  CLI::App* app = parent.add_subcommand(
      "add", "Write a question and answer into a note and import it (the notes stay the source)");
  app->add_option("question", options->question, "The question")->required();
  app->add_option("answer", options->answer, "The answer")->required();
  CLI::Option* deck =
      app->add_option("--deck", options->deck,
                      "The deck: the note <first root>/<DECK>.md (default: <first root>/inbox.md)");
  app->add_option("--to", options->to, "The note file to append to (made when missing)")
      ->excludes(deck);
  return {app, [options](const Context& context) { return run_add(*options, context); }};
}

}  // namespace recall::cli
