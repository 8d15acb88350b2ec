// recall cards: one line per card, chosen by deck, text, state, due day or tag; each printed as
// it is read, so that a million cards list in constant memory.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "card_selection.hpp"
#include "commands.hpp"
#include "recall/core/error.hpp"

namespace recall::cli {

struct CardsOptions {
  CardSelection selection;
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

// A TSV field: tab, newline, carriage return and backslash written as \t, \n, \r and \\.
std::string tsv_field(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

void print_json(std::ostream& out, const store::Card& c, const std::string& due) {
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
  out << row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int run_cards(const CardsOptions& options, const Context& context) {
  auto store = open_existing_store(context);
  const auto query = to_query(options.selection, *store, context);
  auto& out = context.terminal->out();
  if (options.format == "tsv") {
    out << "key\tdeck\tstate\tdue\tinterval\tef\trepetitions\tlapses\treviews\tsource\tline\t"
           "question\tanswer\ttags\n";
  }
  store->each_card(query, [&](const store::Card& c) {
    const std::string due = c.sm2.due ? core::format_date(*c.sm2.due) : "";
    if (options.format == "json") {
      print_json(out, c, due);
    } else if (options.format == "tsv") {
      out << c.key << '\t' << tsv_field(c.deck) << '\t' << schedule::to_string(c.sm2.state) << '\t'
          << due << '\t' << c.sm2.interval_days << '\t' << ef_text(c.sm2.ef_centi) << '\t'
          << c.sm2.repetitions << '\t' << c.sm2.lapses << '\t' << c.reviews << '\t'
          << tsv_field(c.source) << '\t' << c.line << '\t' << tsv_field(c.question) << '\t'
          << tsv_field(c.answer) << '\t' << tsv_field(joined(c.tags, ",")) << '\n';
    } else {
      out << c.key << '\t' << c.deck << '\t' << schedule::to_string(c.sm2.state) << '\t'
          << (due.empty() ? "-" : due) << '\t' << c.sm2.interval_days << "d\tEF "
          << ef_text(c.sm2.ef_centi) << "\tn=" << c.sm2.repetitions << "\tlapses " << c.sm2.lapses
          << '\t' << c.reviews << " reviews\t" << c.source << ':' << c.line << '\t'
          << first_line(c.question, 80) << '\n';
    }
  });
  out.flush();
  return kExitOk;
}

}  // namespace

Command setup_cards(CLI::App& parent) {
  auto options = std::make_shared<CardsOptions>();
  CLI::App* app = parent.add_subcommand("cards", "List cards with their schedule");
  add_query_options(*app, options->selection);
  app->add_option("--format", options->format,
                  "text (aligned for reading), json (an object per line) or tsv (a header, then "
                  "a row per card)")
      ->check(CLI::IsMember({"text", "json", "tsv"}));
  app->footer(
      "Text columns: key, deck, state, due, interval, E-Factor, repetitions, lapses, reviews "
      "logged, source:line, question. The options combine: `recall cards --deck ml --state "
      "leech` lists the leeches of ml. A key is what `recall show`, `suspend`, `unsuspend`, "
      "`forget` and `bury` take.");
  return {app, [options](const Context& context) { return run_cards(*options, context); }};
}

}  // namespace recall::cli
