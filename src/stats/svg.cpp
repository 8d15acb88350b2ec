// Inline SVG charts: plain strings, fixed view boxes that scale with the page.
#include "svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "charts.hpp"
#include "recall/core/html.hpp"

namespace recall::stats::svg {

namespace {

constexpr int kHeight = 220;
constexpr int kLeft = 48, kRight = 12, kTop = 12, kBottom = 28;

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

// The smallest of 1, 2, 5, 10, 20, 50... that needs at most five grid lines up to `max`.
int nice_step(int max) {
  for (int scale = 1;; scale *= 10) {
    for (int f : {1, 2, 5}) {
      if (max <= 5 * f * scale) return f * scale;
    }
  }
}

std::string open_svg(std::string_view id, int width, int height) {
  return "<svg class=\"chart\" id=\"" + std::string(id) + "\" viewBox=\"0 0 " +
         std::to_string(width) + " " + std::to_string(height) +
         "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">";
}

std::string text(double x, double y, std::string_view anchor, std::string_view body) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + std::string(anchor) +
         "\">" + core::html_escape(body) + "</text>";
}

std::string grid_line(int width, double y) {
  return "<line class=\"grid\" x1=\"" + std::to_string(kLeft) + "\" x2=\"" +
         std::to_string(width - kRight) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\"/>";
}

}  // namespace

std::string bar_chart(std::string_view id, const std::vector<int>& values,
                      const std::vector<std::string>& labels, std::string_view color,
                      int label_every, int width) {
  const int max = std::max(1, values.empty() ? 1 : *std::max_element(values.begin(), values.end()));
  const int step = nice_step(max);
  const int top = (max + step - 1) / step * step;
  const double plot_h = kHeight - kTop - kBottom;
  const double slot = static_cast<double>(width - kLeft - kRight) /
                      static_cast<double>(std::max<std::size_t>(1, values.size()));
  std::string out = open_svg(id, width, kHeight);
  for (int v = 0; v <= top; v += step) {
    const double y = kTop + plot_h - plot_h * v / top;
    out += grid_line(width, y) + text(kLeft - 6, y + 4, "end", std::to_string(v));
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double h = plot_h * values[i] / top;
    const double x = kLeft + slot * static_cast<double>(i);
    if (values[i] > 0) {
      out += "<rect class=\"mark\" x=\"" + num(x + slot * 0.12) + "\" y=\"" +
             num(kTop + plot_h - h) + "\" width=\"" + num(slot * 0.76) + "\" height=\"" + num(h) +
             "\" fill=\"" + std::string(color) + "\"><title>" +
             core::html_escape(i < labels.size() ? labels[i] : "") + ": " +
             std::to_string(values[i]) + "</title></rect>";
    }
    if (i < labels.size() && label_every > 0 && i % static_cast<std::size_t>(label_every) == 0) {
      out += text(x + slot / 2, kHeight - 8, "middle", labels[i]);
    }
  }
  return out + "</svg>";
}

std::string heatmap(std::string_view id, const std::vector<Cell>& cells, int weeks) {
  constexpr int kCell = 16, kGap = 3, kLabel = 40, kMonthRow = 18;
  const int height = kMonthRow + 7 * (kCell + kGap) + 4;
  // Shaded by quartile of the days with answers (charts::level).
  std::vector<int> values;
  for (const auto& c : cells) values.push_back(c.value);
  const auto q = charts::quartiles(values);
  std::string out = "<svg class=\"chart\" id=\"" + std::string(id) + "\" viewBox=\"0 0 " +
                    std::to_string(kLabel + weeks * (kCell + kGap) + 24) + " " +
                    std::to_string(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  const char* names[] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
  for (int d = 0; d < 7; ++d) {
    out += text(kLabel - 6, kMonthRow + d * (kCell + kGap) + 12, "end", names[d]);
  }
  for (const auto& c : cells) {
    const double x = kLabel + c.week * (kCell + kGap);
    if (!c.month.empty()) out += text(x, 12, "start", c.month);
    const auto level = static_cast<std::size_t>(charts::level(c.value, q));
    out += "<rect" + std::string(c.value > 0 ? " class=\"mark\"" : "") + " x=\"" + num(x) +
           "\" y=\"" + std::to_string(kMonthRow + c.weekday * (kCell + kGap)) + "\" width=\"" +
           std::to_string(kCell) + "\" height=\"" + std::to_string(kCell) + "\" rx=\"3\" fill=\"" +
           std::string(kHeatColors[level]) + "\"><title>" + c.date + ": " +
           std::to_string(c.value) + " answers</title></rect>";
  }
  return out + "</svg>";
}

std::string line_chart(std::string_view id, const std::vector<Series>& series,
                       const std::vector<std::string>& labels, int label_every, int width) {
  // The y axis starts at 50% (or lower when a rate is lower) so that changes show.
  double low = 0.5;
  for (const auto& s : series) {
    for (const auto& v : s.values) {
      if (v) low = std::min(low, std::floor(*v * 10) / 10);
    }
  }
  const double plot_h = kHeight - kTop - kBottom;
  const std::size_t n = labels.size();
  const double slot = static_cast<double>(width - kLeft - kRight) /
                      static_cast<double>(std::max<std::size_t>(1, n));
  auto y_of = [&](double v) { return kTop + plot_h - plot_h * (v - low) / (1.0 - low); };
  std::string out = open_svg(id, width, kHeight);
  for (double v = low; v <= 1.0001; v += 0.1) {
    out += grid_line(width, y_of(v)) +
           text(kLeft - 6, y_of(v) + 4, "end", std::to_string(std::lround(v * 100)) + "%");
  }
  for (std::size_t i = 0; i < n; i += static_cast<std::size_t>(std::max(1, label_every))) {
    out += text(kLeft + slot * (static_cast<double>(i) + 0.5), kHeight - 8, "middle", labels[i]);
  }
  for (const auto& s : series) {
    std::string path;
    bool pen = false;
    for (std::size_t i = 0; i < s.values.size() && i < n; ++i) {
      if (!s.values[i]) {
        pen = false;
        continue;
      }
      const double x = kLeft + slot * (static_cast<double>(i) + 0.5), y = y_of(*s.values[i]);
      path += (pen ? " L" : " M") + num(x) + " " + num(y);
      pen = true;
      out += "<circle class=\"mark\" cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" +
             num(s.stroke / 2 + 1.5) + "\" fill=\"" + s.color + "\"><title>" +
             core::html_escape(s.name + " " + labels[i]) + ": " + num(*s.values[i] * 100) +
             "%</title></circle>";
    }
    if (!path.empty()) {
      out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + s.color + "\" stroke-width=\"" +
             num(s.stroke) + "\" stroke-linejoin=\"round\"/>";
    }
  }
  return out + "</svg>";
}

std::string meter(double fraction, std::string_view color) {
  const double w = std::clamp(fraction, 0.0, 1.0) * 100;
  return "<svg class=\"meter\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\"><rect "
         "width=\"100\" height=\"10\" fill=\"#eee\"/><rect class=\"mark\" width=\"" +
         num(w) + "\" height=\"10\" fill=\"" + std::string(color) + "\"/></svg>";
}

}  // namespace recall::stats::svg
