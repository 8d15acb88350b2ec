// Private to src/stats: inline SVG charts for the HTML report. Every chart is an <svg> with
// class `chart` and the given id; its data marks carry class `mark` (bars, cells, points), so
// that a test can tell an empty chart from a drawn one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recall::stats::svg {

// Vertical bars in a view box `width` wide (1000 for the page's width) with a label under every
// `label_every`-th bar and a value axis.
std::string bar_chart(std::string_view id, const std::vector<int>& values,
                      const std::vector<std::string>& labels, std::string_view color,
                      int label_every, int width = 1000);

// Days as squares, a column per week (Monday on top), shaded by how many answers of `max`.
struct Cell {
  std::string date;
  int weekday = 0;  // 0 = Monday
  int week = 0;     // column
  int value = 0;
  std::string month;  // set on the first week of a month: its label
};
std::string heatmap(std::string_view id, const std::vector<Cell>& cells, int weeks);

// Lines of rates (0..1, nullopt: no reviews that week) over `labels`, one per series, drawn in
// order (a wide first line stays visible under a thin one that has the same values).
struct Series {
  std::string name;
  std::string color;
  std::vector<std::optional<double>> values;
  double stroke = 2;  // line width; points are a little wider
};
std::string line_chart(std::string_view id, const std::vector<Series>& series,
                       const std::vector<std::string>& labels, int label_every, int width = 1000);

// A thin horizontal bar for a table cell: `fraction` (0..1) of its width filled.
std::string meter(double fraction, std::string_view color);

// The colours of the report's charts (also checked in the screenshot test).
inline constexpr std::string_view kForecastColor = "#4c78a8";
inline constexpr std::string_view kIntervalColor = "#72b7b2";
inline constexpr std::string_view kEfactorColor = "#b279a2";
inline constexpr std::string_view kAllColor = "#e45756";
inline constexpr std::string_view kYoungColor = "#f58518";
inline constexpr std::string_view kMatureColor = "#54a24b";
inline constexpr std::string_view kGroupColor = "#9d755d";
inline constexpr std::string_view kHeatColors[] = {"#ebedf0", "#c6e48b", "#7bc96f", "#239a3b",
                                                   "#196127"};

}  // namespace recall::stats::svg
