// recall cards: one line per card.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "recall/core/error.hpp"

namespace recall::cli {

struct CardsOptions {
  std::string deck;
  std::string format = "text";
};

namespace {

std::string ef_text(int ef_centi) {
  const std::string cents = std::to_string(ef_centi % 100);
  return std::to_string(ef_centi / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

std::string first_line(const std::string& text, std::size_t max_bytes) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() <= max_bytes) return line;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xc0u) == 0x80u) --cut;
  return line.substr(0, cut) + "…";
}

int run_cards(const CardsOptions& options, const Context& context) {
  auto store = open_store(context);
  const auto cards = store->cards({options.deck});
  auto& out = context.terminal->out();
  for (const store::Card& c : cards) {
    const std::string due = c.sm2.due ? core::format_date(*c.sm2.due) : "";
    if (options.format == "json") {
      nlohmann::json row = {{"key", c.key},
                            {"deck", c.deck},
                            {"question", c.question},
                            {"answer", c.answer},
                            {"kind", c.kind},
                            {"rule", c.rule},
                            {"state", schedule::to_string(c.sm2.state)},
                            {"due", c.sm2.due ? nlohmann::json(due) : nlohmann::json(nullptr)},
                            {"interval", c.sm2.interval_days},
                            {"ef", c.sm2.ef_centi / 100.0},
                            {"repetitions", c.sm2.repetitions},
                            {"lapses", c.sm2.lapses},
                            {"reviews", c.reviews},
                            {"source", c.source},
                            {"line", c.line},
                            {"context", c.context},
                            {"tags", c.tags}};
      out << row.dump() << '\n';
    } else {
      out << c.key << '\t' << c.deck << '\t' << schedule::to_string(c.sm2.state) << '\t'
          << (due.empty() ? "-" : due) << '\t' << c.sm2.interval_days << "d\tEF "
          << ef_text(c.sm2.ef_centi) << "\tn=" << c.sm2.repetitions << "\tlapses " << c.sm2.lapses
          << '\t' << c.reviews << " reviews\t" << c.source << ':' << c.line << '\t'
          << first_line(c.question, 80) << '\n';
    }
  }
  return kExitOk;
}

}  // namespace

Command setup_cards(CLI::App& parent) {
  auto options = std::make_shared<CardsOptions>();
  CLI::App* app = parent.add_subcommand("cards", "List cards with their schedule");
  app->add_option("--deck", options->deck, "Only this deck and its sub-decks");
  app->add_option("--format", options->format, "text (tab-separated) or json (a line per card)")
      ->check(CLI::IsMember({"text", "json"}));
  app->footer(
      "Text columns: key, deck, state, due, interval, E-Factor, repetitions, lapses, reviews "
      "logged, source:line, question.");
  return {app, [options](const Context& context) { return run_cards(*options, context); }};
}

}  // namespace recall::cli
