// recall import-anki FILE --into NOTES_DIR: Anki's cards as markdown notes, imported the normal
// way, then Anki's schedules and review log applied to the cards they made.
#include <CLI/CLI.hpp>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/extract/text.hpp"
#include "recall/interop/anki_import.hpp"
#include "recall/store/lock.hpp"
#include "recall/sync/import.hpp"
#include "roots_step.hpp"

namespace recall::cli {

struct ImportAnkiOptions {
  std::string file;
  std::string into;
};

namespace {

namespace fs = std::filesystem;

// The text of deletion `number` in a cloze (`{{c2::text::hint}}` → `text`), the first if several.
std::string deletion_text(const std::string& text, int number) {
  const std::string open = "{{c" + std::to_string(number) + "::";
  const std::size_t at = text.find(open);
  if (at == std::string::npos) return {};
  const std::size_t start = at + open.size();
  const std::size_t close = text.find("}}", start);
  if (close == std::string::npos) return {};
  std::string inside = text.substr(start, close - start);
  if (const std::size_t hint = inside.find("::"); hint != std::string::npos) inside.resize(hint);
  return inside;
}

int run_import_anki(const ImportAnkiOptions& options, const Context& context) {
  std::error_code ec;
  if (!fs::is_regular_file(options.file, ec)) throw Error("no such file", options.file, kExitNotFound);
  std::string extension = fs::path(options.file).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  interop::AnkiCollection collection;
  if (extension == ".apkg" || extension == ".colpkg") {
    collection = interop::read_anki_package(options.file);
  } else if (extension == ".txt" || extension == ".tsv" || extension == ".csv") {
    collection = interop::read_anki_text(options.file);
  } else {
    throw Error("not an Anki file: expected .apkg, .colpkg, or a plain-text export (.txt, .tsv, "
                ".csv)",
                options.file, kExitUsage);
  }
  for (const auto& warning : collection.warnings) warn(options.file + ": " + warning);

  const fs::path folder = fs::path(sync::absolute_path(options.into));
  fs::create_directories(folder, ec);
  if (ec) throw Error("cannot create the folder: " + ec.message(), folder.string());
  const auto written = interop::write_anki_notes(collection, folder);

  auto store = open_store(context);
  const auto lock = store::ProcessLock::take(context.db_path(), "import", [](long holder) {
    warn("waiting for another import (process " + std::to_string(holder) + ") to finish");
  });
  sync::ImportRequest request;
  request.roots = {folder};
  request.write_at = context.now.utc;
  std::vector<store::PlannedCard> planned;  // the cards of the notes just written, as imported
  request.on_card = [&](store::PlannedCard& card) { planned.push_back(std::move(card)); };
  const auto result = sync::run_import(*store, request);
  after_import(request, context.db_path(), context);  // NOTES_DIR becomes a note root
  for (const auto& w : result.warnings) warn(w);

  // The imported cards by where they were written.
  std::map<std::pair<std::string, int>, std::vector<const store::PlannedCard*>> at;
  for (const auto& card : planned) {
    if (card.action == store::PlanAction::retired) continue;
    at[{card.draft.source, card.draft.line}].push_back(&card);
  }
  std::vector<store::ScheduleSeed> seeds;
  int missing = 0;
  std::size_t logged = 0;
  for (const auto& w : written) {
    const interop::AnkiCard& anki = collection.cards[w.index];
    const store::PlannedCard* match = nullptr;
    if (const auto it = at.find({w.source, w.line}); it != at.end()) {
      for (const auto* candidate : it->second) {
        const bool fits =
            anki.cloze ? extract::trim(candidate->draft.answer) ==
                             extract::trim(deletion_text(anki.front, anki.ord + 1))
                       : candidate->draft.kind == "qa";
        if (fits) {
          match = candidate;
          break;
        }
      }
    }
    if (!match) {
      ++missing;
      warn(w.source + ":" + std::to_string(w.line) + ": this Anki card made no recall card");
      continue;
    }
    if (auto seed = interop::schedule_from_anki(anki, collection.created, context.rollover_hour)) {
      seed->key = match->key;
      logged += seed->log.size();
      seeds.push_back(std::move(*seed));
    }
  }
  const int seeded = store->seed_schedules(seeds);
  context.terminal->out() << "Read " << collection.cards.size() << " Anki cards from "
                          << options.file << ", wrote them as notes under " << folder.string()
                          << "; " << result.counts.count(store::PlanAction::new_card)
                          << " new cards, " << seeded << " with Anki's schedule (" << logged
                          << " answers logged)\n";
  return missing > 0 ? kExitWarnings : kExitOk;
}

}  // namespace

Command setup_import_anki(CLI::App& parent) {
  auto options = std::make_shared<ImportAnkiOptions>();
  CLI::App* app = parent.add_subcommand(
      "import-anki", "Turn an Anki package or plain-text export into notes and import them");
  app->add_option("FILE", options->file,
                  "An Anki package (.apkg, .colpkg) or Notes in Plain Text export (.txt, .tsv, "
                  ".csv)")
      ->required();
  app->add_option("--into", options->into,
                  "The folder to write the notes to (one note per deck, A::B as A/B.md); it is "
                  "then imported like `recall import NOTES_DIR`")
      ->required();
  app->footer(
      "Basic notes become Q:/A: pairs, cloze notes {{c1::…}} paragraphs; Anki's HTML becomes "
      "markdown; images and sounds are left out with a warning. Each card's schedule (interval, "
      "ease as E-Factor, due date, lapses) and review log come along, Anki's buttons as SM-2 "
      "grades (again 1, hard 3, good 4, easy 5; docs/scheduling.md). Exit 4 when an Anki card "
      "made no recall card (each is named).");
  return {app, [options](const Context& context) { return run_import_anki(*options, context); }};
}

}  // namespace recall::cli
