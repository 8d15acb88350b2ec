// recall import PATH...: notes in, cards out, planned and written note by note in one transaction.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <thread>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/extract/extract.hpp"
#include "recall/store/lock.hpp"
#include "recall/store/roots.hpp"
#include "roots_step.hpp"
#include "recall/sync/import.hpp"

namespace recall::cli {

namespace fs = std::filesystem;

struct ImportOptions {
  std::vector<std::string> paths;
  bool dry_run = false;
  bool explain = false;
  double min_confidence = extract::kDefaultMinConfidence;
  std::string format = "text";
  std::string max_note_size = "10M";
  unsigned threads = 0;  // 0: one per core
};

namespace {

// `--max-note-size`: bytes, or a number with K, M or G (binary multiples, B optional).
std::optional<std::uint64_t> parse_size(const std::string& text) {
  std::size_t end = 0;
  unsigned long long n = 0;
  try {
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front())))
      return std::nullopt;
    n = std::stoull(text, &end);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::string unit = text.substr(end);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  std::uint64_t scale = 1;
  if (unit == "K" || unit == "k") {
    scale = 1ull << 10;
  } else if (unit == "M" || unit == "m") {
    scale = 1ull << 20;
  } else if (unit == "G" || unit == "g") {
    scale = 1ull << 30;
  } else if (!unit.empty()) {
    return std::nullopt;
  }
  if (n == 0 || n > (1ull << 40) / scale) return std::nullopt;
  return n * scale;
}

nlohmann::json card_json(std::string_view action, const std::string& key,
                         const extract::CardDraft& d, const std::string& remark = {}) {
  return {{"action", action},   {"remark", remark},       {"key", key},
          {"deck", d.deck},     {"question", d.question}, {"answer", d.answer},
          {"kind", d.kind},     {"rule", d.rule},         {"confidence", d.confidence},
          {"source", d.source}, {"line", d.line},         {"context", d.context},
          {"tags", d.tags}};
}

// One line of the plan: action, confidence, rule, kind, source:line, question, and why.
void plan_line(std::ostream& out, std::string_view action, const extract::CardDraft& d,
               const std::string& remark = {}) {
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", d.confidence);
  const std::string question = d.question.substr(0, d.question.find('\n'));
  out << action << '\t' << confidence << '\t' << d.rule << '\t' << d.kind << '\t' << d.source << ':'
      << d.line << '\t' << question;
  if (!remark.empty()) out << "\t(" << remark << ')';
  out << '\n';
}

// A one-line progress display on stderr, for a terminal only, once the work has taken a second.
class ProgressLine {
 public:
  ProgressLine() : m_enabled(isatty(STDERR_FILENO) == 1) {}
  ~ProgressLine() { clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(const sync::Progress& p) {
    if (!m_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_started < std::chrono::seconds(1) ||
        now - m_last < std::chrono::milliseconds(100)) {
      return;
    }
    m_last = now;
    constexpr std::size_t kWidth = 30;
    const std::size_t filled = p.files_total ? kWidth * p.files_done / p.files_total : kWidth;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] "
              << p.files_done << "/" << p.files_total << " files, " << p.cards << " cards"
              << std::flush;
    m_shown = true;
  }

  void clear() {
    if (m_shown) std::cerr << "\r\x1b[K" << std::flush;
    m_shown = false;
  }

 private:
  bool m_enabled;
  bool m_shown = false;
  std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point m_last{};
};

int run_import(const ImportOptions& options, const Context& context) {
  ProgressLine progress;
  sync::ImportRequest request;
  request.on_progress = [&progress](const sync::Progress& p) { progress.update(p); };
  request.roots.assign(options.paths.begin(), options.paths.end());
  const bool every_root = request.roots.empty();  // `recall import` alone: every note root
  request.min_confidence = options.min_confidence;
  const std::optional<std::uint64_t> max_note_size = parse_size(options.max_note_size);
  if (!max_note_size) {
    throw Error("--max-note-size takes a size such as 10M, 500K or 1048576 (at most 1T)",
                options.max_note_size, kExitUsage);
  }
  request.max_note_size = *max_note_size;
  // Only --format json and --explain print the cards that stay as they are.
  request.unchanged_text = options.format == "json" || options.explain;
  request.keep_left_out = options.explain;
  for (const auto& root : request.roots) {
    std::error_code ec;
    if (!fs::exists(root, ec)) throw Error("no such file or folder", root.string(), kExitNotFound);
  }

  // A dry run on a database that does not exist yet plans against an empty one in memory.
  const fs::path db_path = context.db_path();
  if (every_root && !fs::exists(db_path)) {  // nothing to import, and no database to make
    throw Error("no note roots yet: `recall import NOTES` imports a folder and remembers it", "",
                kExitUsage);
  }
  std::unique_ptr<store::Store> store =
      options.dry_run && !fs::exists(db_path) ? store::Store::in_memory() : open_store(context);
  // Imports run one at a time: each plans against what the one before wrote.
  std::optional<store::ProcessLock> import_lock;
  if (!options.dry_run) {
    import_lock = store::ProcessLock::take(db_path, "import", [](long holder) {
      warn("waiting for another import (process " + std::to_string(holder) + ") to finish");
    });
  }
  // Note roots (roots_step.hpp): the stored roots when no path was given, decks named from the
  // roots.
  before_import(request, every_root, db_path);
  request.threads = options.threads > 0 ? options.threads
                                        : std::max(1u, std::thread::hardware_concurrency());
  if (!options.dry_run) request.write_at = context.now.utc;

  // Each card is printed as the import settles it (in plan order), then dropped. The first card
  // that changes anything takes the backup `recall undo` puts back: another connection copies the
  // last committed state, which this import's open transaction does not touch.
  const bool json = options.format == "json";
  bool backed_up = options.dry_run;
  // Notes and roots found moved (sync/moves.hpp) change the database even when every card stays
  // unchanged: they take the backup too, before the import's transaction.
  store::Relocations moves;
  request.on_moves = [&](const store::Relocations& found) {
    moves = found;
    if (!backed_up) {
      backed_up = true;
      backup_before(db_path, context);
    }
  };
  std::map<std::string, int> restored_by_note;  // for the lines of notes brought back
  request.on_card = [&](store::PlannedCard& card) {
    if (card.action == store::PlanAction::restored) ++restored_by_note[card.note_path];
    if (!backed_up && card.action != store::PlanAction::unchanged) {
      backed_up = true;
      backup_before(db_path, context);
    }
    if (json) {
      // A duplicate is not a card: JSON lists it only with --explain, as the cards left out by a
      // gate (a JSON line is a card to whatever reads it, the scorecard's sample among them).
      if (!options.explain && card.action == store::PlanAction::duplicate) return;
      progress.clear();
      std::cout
          << card_json(store::to_string(card.action), card.key, card.draft, card.remark).dump()
          << '\n';
    } else if (options.explain ||
               (options.dry_run && card.action != store::PlanAction::unchanged)) {
      // A dry run shows what would change; --explain shows every card and why.
      progress.clear();
      plan_line(std::cout, store::to_string(card.action), card.draft, card.remark);
    }
  };
  sync::ImportResult result = sync::run_import(*store, request);
  const store::ImportCounts& plan = result.counts;
  const auto& below_threshold = result.below_threshold;
  if (!options.dry_run) after_import(request, db_path, context);
  progress.clear();
  print_moves(json ? std::cerr : std::cout, moves, restored_by_note);

  for (const auto& w : result.warnings) warn(w);

  constexpr std::string_view kBelow = "below-threshold";
  constexpr std::string_view kGated = "left-out";
  if (options.explain) {
    for (const auto& d : below_threshold) {
      if (json) {
        std::cout << card_json(d.left_out.empty() ? kBelow : kGated, "", d, d.left_out).dump()
                  << '\n';
      } else {
        plan_line(std::cout, d.left_out.empty() ? kBelow : kGated, d, d.left_out);
      }
    }
  }
  std::ostream& summary = json ? std::cerr : std::cout;
  // How much work was done: unchanged files are not read, unchanged contents not parsed.
  summary << (options.dry_run ? "Would import: " : "Imported: ") << result.files_listed << " file"
          << (result.files_listed == 1 ? "" : "s") << " (" << result.files_read << " read, "
          << result.files_parsed << " parsed, " << result.files_unchanged
          << " unchanged on disk); cards: " << plan.count(store::PlanAction::new_card) << " new, "
          << plan.count(store::PlanAction::updated) << " updated, "
          << plan.count(store::PlanAction::unchanged) << " unchanged, "
          << plan.count(store::PlanAction::moved) << " moved, "
          << plan.count(store::PlanAction::renamed) << " renamed, "
          << plan.count(store::PlanAction::retired) << " retired, "
          << plan.count(store::PlanAction::restored) << " restored";
  // Cards another note already has (same question, same answer): left out, with the note named
  // on their line of --dry-run and --explain.
  if (const int duplicates = plan.count(store::PlanAction::duplicate); duplicates > 0) {
    summary << ", " << duplicates << " duplicate" << (duplicates == 1 ? "" : "s")
            << " of other notes' cards left out";
  }
  if (result.below_threshold_count > 0) {
    summary << ", " << result.below_threshold_count << " below confidence "
            << options.min_confidence;
  }
  summary << "; " << result.files_skipped << " file" << (result.files_skipped == 1 ? "" : "s")
          << " skipped";
  if (result.folders_unread > 0) {
    summary << ", " << result.folders_unread << " folder" << (result.folders_unread == 1 ? "" : "s")
            << " unreadable (their cards kept)";
  }
  summary << ".\n";
  if (options.dry_run) summary << "Dry run: nothing was written.\n";
  return result.files_skipped == 0 && result.folders_unread == 0 ? kExitOk : kExitWarnings;
}

}  // namespace

Command setup_import(CLI::App& parent) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* app = parent.add_subcommand(
      "import", "Make cards from notes (.md, .markdown, .txt files, folders searched recursively)");
  app->add_option("paths", options->paths,
                  "Note files or folders (none: every note root, see `recall roots`)");
  app->add_flag("-n,--dry-run", options->dry_run, "Show what would change; write nothing");
  app->add_option("--format", options->format, "Output: text (a summary) or json (a line per card)")
      ->check(CLI::IsMember({"text", "json"}));
  app->add_flag("--explain", options->explain,
                "List every card with its action, confidence, rule, kind and source:line, "
                "including those below the confidence threshold");
  app->add_option("--min-confidence", options->min_confidence,
                  "Import only cards found with at least this confidence (0 to 1)")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            // CLI::Range lets NaN through (every comparison with it is false).
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0' || !std::isfinite(value) || value < 0.0 ||
                value > 1.0) {
              return "must be a number from 0 to 1, got " + text;
            }
            return {};
          },
          "NUMBER in [0 - 1]"));
  app->add_option("--max-note-size", options->max_note_size,
                  "Skip, with a warning, notes larger than this (bytes, or K, M, G)")
      ->capture_default_str();
  app->add_option("--threads", options->threads,
                  "Threads reading and parsing notes (default: one per core); the result is the "
                  "same for any number")
      ->envname("RECALL_THREADS")
      ->check(CLI::Range(1u, 64u));
  app->footer(
      "Each file's deck is its folder below the imported path plus its name without extension. "
      "Re-importing keeps review history: changed answers update their card, removed items retire "
      "theirs.");
  return {app, [options](const Context& context) { return run_import(*options, context); }};
}

}  // namespace recall::cli
