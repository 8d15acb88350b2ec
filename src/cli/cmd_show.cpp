// recall show KEY: one card, where it comes from, its schedule and its whole review log.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.hpp"
#include "recall/core/error.hpp"

namespace recall::cli {

namespace {

std::string ef_text(int ef_centi) {
  char text[16];
  std::snprintf(text, sizeof text, "%d.%02d", ef_centi / 100, ef_centi % 100);
  return text;
}

std::optional<std::string> date_text(const std::optional<std::chrono::sys_days>& day) {
  if (!day) return std::nullopt;
  return core::format_date(*day);
}

nlohmann::json or_null(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

// One line of JSON per card: what the text shows, with the review log as an array.
void print_json(std::ostream& out, store::Store& store, const store::Card& card,
                const Context& context) {
  const auto& s = card.sm2;
  const auto marks = store.card_marks(card.id);
  const auto note = store.note_of(card.id);
  nlohmann::json log = nlohmann::json::array();
  for (const auto& r : store.review_log(card.id)) {
    log.push_back({{"reviewed_at", r.reviewed_at},
                   {"review_day", r.review_day},
                   {"kind", r.kind},
                   {"grade", r.grade},
                   {"state_before", r.state_before},
                   {"state_after", r.state_after},
                   {"repetitions_before", r.repetitions_before},
                   {"repetitions_after", r.repetitions_after},
                   {"interval_before", r.interval_before},
                   {"interval_after", r.interval_after},
                   {"ef_before", r.ef_before / 100.0},
                   {"ef_after", r.ef_after / 100.0},
                   {"due_after", or_null(r.due_after)},
                   {"answer_ms", r.answer_ms}});
  }
  const bool buried = marks.buried_until && *marks.buried_until > context.today();
  const nlohmann::json row = {
      {"key", card.key},
      {"deck", card.deck},
      {"question", card.question},
      {"answer", card.answer},
      {"note", note ? nlohmann::json(note->path) : nlohmann::json(nullptr)},
      {"source", card.source},
      {"line", card.line},
      {"rule", card.rule},
      {"kind", card.kind},
      {"confidence", card.confidence},
      {"tags", card.tags},
      {"state", schedule::to_string(s.state)},
      {"due", or_null(date_text(s.due))},
      {"interval", s.interval_days},
      {"ef", s.ef_centi / 100.0},
      {"repetitions", s.repetitions},
      {"lapses", s.lapses},
      {"leech", marks.leech},
      {"buried_until", or_null(buried ? date_text(marks.buried_until) : std::nullopt)},
      {"reviews", log}};
  out << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int run_show(const std::vector<std::string>& keys, const std::string& format,
             const Context& context) {
  auto store = open_existing_store(context);
  auto& out = context.terminal->out();
  bool first = true;
  for (const auto& key : keys) {
    const auto card = store->card_by_key(key);
    if (!card) {
      throw Error(
          "no card has the key `" + key + "` (`recall cards --search TEXT` finds a card's key)", "",
          kExitNotFound);
    }
    if (format == "json") {
      print_json(out, *store, *card, context);
      continue;
    }
    if (!first) out << '\n';
    first = false;
    const auto& s = card->sm2;
    const auto marks = store->card_marks(card->id);
    const auto note = store->note_of(card->id);
    out << "Card " << card->key << " in deck " << card->deck << '\n'
        << "Q: " << card->question << '\n'
        << "A: " << card->answer << '\n'
        << "Note: " << (note ? note->path : card->source) << ':' << card->line;
    if (!note) out << " (its note is gone)";
    out << '\n'
        << "Made by: " << card->rule << ", " << card->kind << ", confidence "
        << static_cast<int>(card->confidence * 100 + 0.5) << "%";
    if (!card->tags.empty()) {
      out << "; tags:";
      for (const auto& tag : card->tags) out << ' ' << tag;
    }
    out << '\n'
        << "Schedule: " << schedule::to_string(s.state) << ", due "
        << (s.due ? core::format_date(*s.due) : "-") << ", interval " << s.interval_days
        << " d, E-Factor " << ef_text(s.ef_centi) << ", repetitions " << s.repetitions
        << ", lapses " << s.lapses;
    if (marks.leech) out << ", leech";
    if (marks.buried_until && *marks.buried_until > context.today()) {
      out << ", buried until " << core::format_date(*marks.buried_until);
    }
    const auto log = store->review_log(card->id);
    out << "\nReviews: " << log.size() << '\n';
    for (const auto& r : log) {
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, "%.1f s", static_cast<double>(r.answer_ms) / 1000.0);
      out << "  " << r.reviewed_at << "\tday " << r.review_day << '\t' << r.kind << "\tgrade "
          << r.grade << '\t' << r.state_before << " -> " << r.state_after << "\tinterval "
          << r.interval_before << " -> " << r.interval_after << " d\tEF " << ef_text(r.ef_before)
          << " -> " << ef_text(r.ef_after) << "\tdue " << r.due_after.value_or("-") << '\t'
          << seconds << '\n';
    }
  }
  return kExitOk;
}

}  // namespace

Command setup_show(CLI::App& parent) {
  auto keys = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* app = parent.add_subcommand(
      "show", "One card: its note file and line, its schedule and its whole review log");
  app->add_option("keys", *keys, "Card keys, as `recall cards` prints them")->required();
  app->add_option("--format", *format, "Output: text, or json (one line per card)")
      ->check(CLI::IsMember({"text", "json"}));
  return {app,
          [keys, format](const Context& context) { return run_show(*keys, *format, context); }};
}

}  // namespace recall::cli
