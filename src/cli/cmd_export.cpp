// recall export: the cards out, as a JSON backup or for Anki.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/interop/anki_text.hpp"
#include "recall/interop/apkg.hpp"
#include "recall/interop/json_backup.hpp"

namespace recall::cli {

struct ExportOptions {
  std::string file;
  std::string format = "json";
  std::string deck;
  std::string state;
  bool with_schedule = false;
};

namespace {

// Writes `text` to `file` ("-": standard output) through a temporary file renamed over it, so
// that a failed export never leaves half a backup where a whole one was.
void write_output(const std::string& file, const std::string& text, const Context& context) {
  if (file == "-") {
    context.terminal->out() << text;
    return;
  }
  const std::string temporary = file + ".recall-tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(temporary, ec);
      throw Error("cannot write the export", file);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw Error("cannot write the export: " + ec.message(), file);
}

int run_export(const ExportOptions& options, const Context& context) {
  std::optional<schedule::CardState> state;
  if (!options.state.empty()) state = schedule::card_state_from_string(options.state);
  auto store = open_store(context);
  const store::CardFilter filter{options.deck};
  std::string text;
  std::size_t count = 0;
  if (options.format == "json") {
    const auto backup = store->backup(filter, state);
    count = backup.cards.size();
    text = interop::backup_to_json(backup);
  } else {
    auto cards = store->cards(filter);
    // Retired cards (their item left the note) go to Anki only when asked for by --state.
    std::erase_if(cards, [&](const store::Card& c) {
      return state ? c.sm2.state != *state : c.sm2.state == schedule::CardState::retired;
    });
    count = cards.size();
    if (options.format == "apkg") {
      if (options.file == "-") throw Error("an Anki package is written to a file, not to -", "-", kExitUsage);
      interop::ApkgOptions apkg;
      apkg.with_schedule = options.with_schedule;
      apkg.today = context.today();
      apkg.rollover_hour = context.rollover_hour;
      apkg.now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        context.now.utc.time_since_epoch())
                        .count();
      interop::write_apkg(cards, options.file, apkg);
    } else {
      text = interop::notes_in_plain_text(cards, options.format == "tsv" ? '\t' : ',');
    }
  }
  if (options.format != "apkg") write_output(options.file, text, context);
  if (options.file != "-") {
    std::cerr << "Exported " << count << (count == 1 ? " card" : " cards") << " to "
              << options.file << " (" << options.format << ")\n";
  }
  return kExitOk;
}

}  // namespace

Command setup_export(CLI::App& parent) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* app = parent.add_subcommand("export", "Write the cards to a file: a backup, or for Anki");
  app->add_option("FILE", options->file, "The file to write (- for standard output)")->required();
  app->add_option("--format", options->format,
                  "json (a complete backup: every card with its review log, read back by "
                  "`recall import-json`), tsv or csv (Anki's Notes in Plain Text), apkg (an "
                  "Anki package)")
      ->check(CLI::IsMember({"json", "tsv", "csv", "apkg"}));
  app->add_flag("--with-schedule", options->with_schedule,
                "apkg: carry intervals, E-Factors (as ease), due dates, lapses and suspensions; "
                "without it every card is new in Anki");
  app->add_option("--deck", options->deck, "Only this deck and its sub-decks");
  app->add_option("--state", options->state, "Only cards in this state")
      ->check(CLI::IsMember({"new", "learning", "review", "suspended", "retired"}));
  app->footer(
      "The JSON format is described in docs/backup.md. In tsv, csv and apkg, decks are written as "
      "Anki names them (ml/entropy as ml::entropy) and the text as HTML (newlines as <br>); "
      "import the file in Anki with File > Import. Retired cards go to Anki only with --state "
      "retired.");
  return {app, [options](const Context& context) { return run_export(*options, context); }};
}

}  // namespace recall::cli
