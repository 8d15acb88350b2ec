// recall report --html FILE: the figures of `recall stats` as one self-contained HTML page.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/stats/render.hpp"

namespace recall::cli {

struct ReportOptions {
  std::string html;
  std::string deck;
  std::string since;
  std::string by = "deck";
  int top = 10;
};

namespace {

int run_report(const ReportOptions& o, const Context& context) {
  const auto options = stats::make_options(o.deck, o.since, o.by, o.top, context.today());
  open_store(context);  // creates and migrates the database
  store::StatsReader reader(context.db_path());
  const auto report = stats::build_report(reader, options);
  const std::string page = stats::render_html(report, context.db_path().filename().string());
  // Written beside the target and renamed, so that a reader never sees half a page.
  const std::filesystem::path target(o.html);
  const std::filesystem::path temp = target.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << page;
    out.close();
    if (!out) throw Error("cannot write the report", temp.string());
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) throw Error("cannot write the report: " + ec.message(), target.string());
  std::cerr << "recall: report written to " << target.string() << '\n';
  return kExitOk;
}

}  // namespace

Command setup_report(CLI::App& parent) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* app = parent.add_subcommand(
      "report", "The figures of `recall stats` as charts in one HTML file that opens offline");
  app->add_option("--html", options->html, "The HTML file to write")->required();
  app->add_option("--deck", options->deck, "Only this deck and its sub-decks");
  app->add_option("--since", options->since,
                  "Figures from the review log only from this day on (YYYY-MM-DD)");
  app->add_option("--by", options->by, "Retention per deck, note file or heading, worst first")
      ->check(CLI::IsMember({"deck", "file", "section"}));
  app->add_option("--top", options->top, "Length of the lists of cards and groups (0: all)")
      ->check(CLI::NonNegativeNumber);
  return {app, [options](const Context& context) { return run_report(*options, context); }};
}

}  // namespace recall::cli
