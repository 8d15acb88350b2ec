// recall import PATH...: notes in, cards out, as one plan applied in one transaction.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/core/hash.hpp"
#include "recall/extract/extract.hpp"
#include "recall/notes/note_file.hpp"

namespace recall::cli {

namespace fs = std::filesystem;

struct ImportOptions {
  std::vector<std::string> paths;
  bool dry_run = false;
  bool explain = false;
  double min_confidence = extract::kDefaultMinConfidence;
  std::string format = "text";
};

namespace {

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path full = fs::weakly_canonical(fs::absolute(path), ec);
  return (ec ? fs::absolute(path) : full).lexically_normal().generic_string();
}

nlohmann::json card_json(std::string_view action, const std::string& key,
                         const extract::CardDraft& d) {
  return {
      {"action", action},   {"key", key},     {"deck", d.deck},       {"question", d.question},
      {"answer", d.answer}, {"kind", d.kind}, {"rule", d.rule},       {"confidence", d.confidence},
      {"source", d.source}, {"line", d.line}, {"context", d.context}, {"tags", d.tags}};
}

// `--explain`: one line per card with the rule that made it and its confidence.
void explain_line(std::ostream& out, std::string_view action, const extract::CardDraft& d) {
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", d.confidence);
  const std::string question = d.question.substr(0, d.question.find('\n'));
  out << action << '\t' << confidence << '\t' << d.rule << '\t' << d.kind << '\t' << d.source << ':'
      << d.line << '\t' << question << '\n';
}

int run_import(const ImportOptions& options, const Context& context) {
  std::vector<fs::path> roots(options.paths.begin(), options.paths.end());
  notes::ScanResult scanned = notes::scan(roots);  // throws for a missing root

  std::vector<std::string> skipped;
  for (const auto& path : scanned.skipped) skipped.push_back(absolute_path(path));
  std::vector<extract::Warning> warnings = scanned.warnings;

  std::vector<store::NoteInput> inputs;
  std::vector<extract::CardDraft> below_threshold;
  inputs.reserve(scanned.files.size());
  for (const notes::NoteFile& note : scanned.files) {
    extract::ExtractResult result = extract::extract_cards(note);
    for (extract::Warning& w : result.warnings) {
      w.source = note.path.generic_string();  // name the file as the user can open it
      warnings.push_back(std::move(w));
    }
    std::vector<extract::CardDraft> kept;
    for (extract::CardDraft& draft : result.drafts) {
      (draft.confidence >= options.min_confidence ? kept : below_threshold)
          .push_back(std::move(draft));
    }
    inputs.push_back(
        {absolute_path(note.path), note.source, core::hash_hex(note.content), std::move(kept)});
  }
  const std::size_t files_read = inputs.size();

  std::vector<std::string> scope;
  for (const auto& root : roots) scope.push_back(absolute_path(root));

  // A dry run on a database that does not exist yet plans against an empty one in memory.
  const fs::path db_path = context.db_path();
  std::unique_ptr<store::Store> store = options.dry_run && !fs::exists(db_path)
                                            ? store::Store::in_memory()
                                            : std::make_unique<store::Store>(db_path);
  store::ImportPlan plan = store->plan_import(std::move(inputs), scope, skipped);
  if (!options.dry_run) store->apply_import(plan, context.now.utc);

  for (const auto& w : warnings) {
    warn(w.source + (w.line > 0 ? ":" + std::to_string(w.line) : "") + ": " + w.message);
  }

  const bool json = options.format == "json";
  constexpr std::string_view kBelow = "below-threshold";
  if (json) {
    for (const auto& card : plan.cards) {
      std::cout << card_json(store::to_string(card.action), card.key, card.draft).dump() << '\n';
    }
    if (options.explain) {
      for (const auto& d : below_threshold) std::cout << card_json(kBelow, "", d).dump() << '\n';
    }
  } else if (options.explain) {
    for (const auto& card : plan.cards) {
      explain_line(std::cout, store::to_string(card.action), card.draft);
    }
    for (const auto& d : below_threshold) explain_line(std::cout, kBelow, d);
  }
  std::ostream& summary = json ? std::cerr : std::cout;
  summary << (options.dry_run ? "Would import: " : "Imported: ") << files_read << " file"
          << (files_read == 1 ? "" : "s")
          << " read; cards: " << plan.count(store::PlanAction::new_card) << " new, "
          << plan.count(store::PlanAction::updated) << " updated, "
          << plan.count(store::PlanAction::unchanged) << " unchanged, "
          << plan.count(store::PlanAction::retired) << " retired, "
          << plan.count(store::PlanAction::restored) << " restored";
  if (!below_threshold.empty()) {
    summary << ", " << below_threshold.size() << " below confidence " << options.min_confidence;
  }
  summary << "; " << scanned.warnings.size() << " file" << (scanned.warnings.size() == 1 ? "" : "s")
          << " skipped.\n";
  if (options.dry_run) summary << "Dry run: nothing was written.\n";
  return scanned.warnings.empty() ? kExitOk : kExitWarnings;
}

}  // namespace

Command setup_import(CLI::App& parent) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* app = parent.add_subcommand(
      "import", "Make cards from notes (.md, .markdown, .txt files, folders searched recursively)");
  app->add_option("paths", options->paths, "Note files or folders")->required();
  app->add_flag("-n,--dry-run", options->dry_run, "Show what would change; write nothing");
  app->add_option("--format", options->format, "Output: text (a summary) or json (a line per card)")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_flag("--explain", options->explain,
                "List every card with its action, confidence, rule, kind and source:line, "
                "including those below the confidence threshold");
  app->add_option("--min-confidence", options->min_confidence,
                  "Import only cards found with at least this confidence (0 to 1)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app->footer(
      "Each file's deck is its folder below the imported path plus its name without extension. "
      "Re-importing keeps review history: changed answers update their card, removed items retire "
      "theirs.");
  return {app, [options](const Context& context) { return run_import(*options, context); }};
}

}  // namespace recall::cli
