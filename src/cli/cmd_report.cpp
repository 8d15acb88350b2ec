// recall report --html FILE: the figures of `recall stats` as one self-contained HTML page.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <system_error>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "recall/core/error.hpp"
#include "recall/stats/render.hpp"
#include "stats_filters.hpp"

namespace recall::cli {

struct ReportOptions {
  std::string html;
  StatsFilters filters;
};

namespace {

int run_report(const ReportOptions& o, const Context& context) {
  const auto report = read_report(o.filters, context);
  const std::string page = stats::render_html(report, context.db_path().filename().string());
  // Written beside the target and renamed, so that a reader never sees half a page.
  const std::filesystem::path target(o.html);
  const std::filesystem::path temp = target.string() + ".tmp";
  // Errors name the file asked for, not the temporary one, with the system's reason.
  const auto fail = [&](int error) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw Error("cannot write the report: " + std::generic_category().message(error),
                target.string());
  };
  {
    errno = 0;
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) fail(errno != 0 ? errno : EIO);
    out << page;
    out.close();
    if (!out) fail(errno != 0 ? errno : EIO);
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
  add_stats_filters(*app, options->filters);
  return {app, [options](const Context& context) { return run_report(*options, context); }};
}

}  // namespace recall::cli
