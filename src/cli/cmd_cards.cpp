// recall cards: one line per card, chosen by deck, text, state, due day or tag; each printed as
// it is read, so that a million cards list in constant memory.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "card_selection.hpp"
#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/core/json_text.hpp"

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

void append_json_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    core::append_json_string(out, items[i]);
  }
  out += ']';
}

// E-Factor as nlohmann prints the double ef_centi / 100.0: the shortest text that reads back as
// it (division is correctly rounded, so that is the two-decimal text), with `.0` when whole.
void append_ef(std::string& out, int ef_centi) {
  if (ef_centi < 0) {
    out += nlohmann::json(ef_centi / 100.0).dump();
    return;
  }
  out += std::to_string(ef_centi / 100);
  out += '.';
  const int cents = ef_centi % 100;
  out += static_cast<char>('0' + cents / 10);
  if (cents % 10 != 0) out += static_cast<char>('0' + cents % 10);
}

// One card as a JSON object on one line, keys in alphabetical order (as nlohmann::json, which
// this output was first written with, sorts them), appended to `out`.
void append_json(std::string& out, const store::Card& c, const std::string& due) {
  auto key = [&](const char* name) {
    out += out.back() == '{' ? "\"" : ",\"";
    out += name;
    out += "\":";
  };
  auto number = [&](const char* name, long value) {
    key(name);
    out += std::to_string(value);
  };
  auto text = [&](const char* name, std::string_view value) {
    key(name);
    core::append_json_string(out, value);
  };
  out += '{';
  text("answer", c.answer);
  key("context");
  append_json_array(out, c.context);
  text("deck", c.deck);
  if (c.sm2.due) {
    text("due", due);
  } else {
    key("due");
    out += "null";
  }
  key("ef");
  append_ef(out, c.sm2.ef_centi);
  number("interval", c.sm2.interval_days);
  text("key", c.key);
  text("kind", c.kind);
  number("lapses", c.sm2.lapses);
  number("line", c.line);
  text("question", c.question);
  number("repetitions", c.sm2.repetitions);
  number("reviews", c.reviews);
  text("rule", c.rule);
  text("source", c.source);
  text("state", schedule::to_string(c.sm2.state));
  key("tags");
  append_json_array(out, c.tags);
  out += "}\n";
}

int run_cards(const CardsOptions& options, const Context& context) {
  auto store = open_existing_store(context);
  const auto query = to_query(options.selection, *store, context);
  auto& out = context.terminal->out();
  if (options.format == "tsv") {
    out << "key\tdeck\tstate\tdue\tinterval\tef\trepetitions\tlapses\treviews\tsource\tline\t"
           "question\tanswer\ttags\n";
  }
  // JSON rows go through one buffer, written out in chunks of about 64 KiB.
  std::string buffer;
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  buffer.reserve(kChunk * 2);
  store->each_card(query, [&](const store::Card& c) {
    const std::string due = c.sm2.due ? core::format_date(*c.sm2.due) : "";
    if (options.format == "json") {
      append_json(buffer, c, due);
      if (buffer.size() >= kChunk) {
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.clear();
      }
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
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
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
