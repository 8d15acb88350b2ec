// End-to-end: `recall report --html` opened in headless Chromium. The screenshot must show every
// chart with its own colour; a blank or missing chart fails. Registered in tests/CMakeLists.txt
// (hidden from discovery) so that ctest reports it skipped, exit 77, where Chromium is missing.
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <iostream>

#include "harness.hpp"

using recall::test::Sandbox;

namespace {

struct Image {
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> rgb;  // 3 bytes a pixel
};

std::uint32_t be32(const std::string& s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at])) << 24 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 1])) << 16 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 2])) << 8 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(s[at + 3]));
}

int paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes).
Image decode_png(const std::string& png) {
  REQUIRE(png.size() > 33);
  REQUIRE(png.compare(1, 3, "PNG") == 0);
  Image image;
  std::string idat;
  int channels = 0;
  for (std::size_t at = 8; at + 8 <= png.size();) {
    const std::uint32_t length = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    if (type == "IHDR") {
      image.width = be32(png, at + 8);
      image.height = be32(png, at + 12);
      REQUIRE(png[at + 16] == 8);  // bit depth
      const int color = png[at + 17];
      REQUIRE((color == 2 || color == 6));
      channels = color == 2 ? 3 : 4;
      REQUIRE(png[at + 20] == 0);  // not interlaced
    } else if (type == "IDAT") {
      idat += png.substr(at + 8, length);
    }
    at += 12 + length;
  }
  const std::size_t stride = image.width * static_cast<std::size_t>(channels);
  std::vector<std::uint8_t> raw((stride + 1) * image.height);
  uLongf size = raw.size();
  REQUIRE(uncompress(raw.data(), &size, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) ==
          Z_OK);
  std::vector<std::uint8_t> prev(stride, 0), row(stride);
  image.rgb.reserve(image.width * image.height * 3);
  for (std::uint32_t y = 0; y < image.height; ++y) {
    const std::uint8_t* line = raw.data() + y * (stride + 1);
    const int filter = line[0];
    for (std::size_t x = 0; x < stride; ++x) {
      const int a =
          x >= static_cast<std::size_t>(channels) ? row[x - static_cast<std::size_t>(channels)] : 0;
      const int b = prev[x];
      const int c = x >= static_cast<std::size_t>(channels)
                        ? prev[x - static_cast<std::size_t>(channels)]
                        : 0;
      const int predictor = filter == 1   ? a
                            : filter == 2 ? b
                            : filter == 3 ? (a + b) / 2
                            : filter == 4 ? paeth(a, b, c)
                                          : 0;
      row[x] = static_cast<std::uint8_t>(line[1 + x] + predictor);
    }
    for (std::size_t x = 0; x < stride; x += static_cast<std::size_t>(channels)) {
      image.rgb.insert(image.rgb.end(), row.begin() + static_cast<long>(x),
                       row.begin() + static_cast<long>(x) + 3);
    }
    prev = row;
  }
  return image;
}

// Pixels of exactly the colour `hex` (#rrggbb).
int count_color(const Image& image, const std::string& hex) {
  const auto channel = [&](std::size_t i) {
    return static_cast<std::uint8_t>(std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16));
  };
  const std::uint8_t r = channel(0), g = channel(1), b = channel(2);
  int n = 0;
  for (std::size_t i = 0; i + 2 < image.rgb.size(); i += 3) {
    n += image.rgb[i] == r && image.rgb[i + 1] == g && image.rgb[i + 2] == b;
  }
  return n;
}

std::string find_chromium() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      const auto candidate = std::filesystem::path(dir) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  return {};
}

// A few weeks of reviews over the bundled decks, some answers failed.
void make_history(Sandbox& box) {
  REQUIRE(box.run({"import", recall::test::source_path("decks").string()}).exit_code == 0);
  std::string grades;
  for (int i = 0; i < 300; ++i) grades += "5423451\n"[i % 7] + std::string("\n");
  for (int d = 1; d <= 28; ++d) {
    if (d % 6 == 0) continue;
    char day[16];
    std::snprintf(day, sizeof day, "2026-02-%02d", d);
    box.set_day(day);
    REQUIRE(box.run({"review", "--new", "4"}, grades).exit_code == 0);
  }
}

}  // namespace

TEST_CASE("report: the HTML page shows every chart in Chromium", "[.][chromium]") {
  const std::string chromium = find_chromium();
  if (chromium.empty()) {
    std::cout << "SKIPPED: chromium not found on PATH (Debian: apt-get install chromium)\n";
    std::exit(77);
  }
  Sandbox box;
  make_history(box);
  const auto html = box.dir() / "report.html";
  const auto result = box.run({"report", "--html", html.string()});
  REQUIRE(result.exit_code == 0);
  const std::string page = recall::test::read_all(html);
  CHECK_THAT(page, !Catch::Contains("<script"));
  CHECK_THAT(page, !Catch::Contains("src=\"http"));
  CHECK_THAT(page, !Catch::Contains("href=\"http"));

  const auto shot = box.dir() / "report.png";
  const std::string command = "timeout 180 '" + chromium +
                              "' --headless --no-sandbox --disable-gpu --hide-scrollbars "
                              "--screenshot='" +
                              shot.string() + "' --window-size=1200,2400 'file://" + html.string() +
                              "' >'" + (box.dir() / "chromium.log").string() + "' 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  REQUIRE(std::filesystem::exists(shot));
  if (const char* keep = std::getenv("RECALL_REPORT_SCREENSHOT")) {
    std::filesystem::copy_file(shot, keep, std::filesystem::copy_options::overwrite_existing);
  }
  const Image image = decode_png(recall::test::read_all(shot));
  CHECK(image.width == 1200);
  // Each chart's marks in their own colour (src/stats/svg.hpp): bars of the forecast and the two
  // histograms, the weekly retention points, the heatmap's shaded days, the groups' meters.
  const std::vector<std::pair<std::string, std::string>> charts = {
      {"forecast", "#4c78a8"},          {"intervals", "#72b7b2"},
      {"efactors", "#b279a2"},          {"retention (all)", "#e45756"},
      {"retention (young)", "#f58518"}, {"weakest decks", "#9d755d"}};
  // More than a legend's swatch (10 x 10) of each.
  for (const auto& [name, color] : charts) {
    INFO(name << " " << color);
    CHECK(count_color(image, color) >= 150);
  }
  int heat = 0;
  for (const char* level : {"#c6e48b", "#7bc96f", "#239a3b", "#196127"}) {
    heat += count_color(image, level);
  }
  CHECK(heat >= 16 * 16 * 10);  // at least ten shaded days

  // At phone width (360 px) nothing is wider than the window. Headless Chromium keeps its
  // window at least 500 px wide, so the report is shown in a 360 px frame and measured there.
  const auto phone = box.dir() / "phone.html";
  recall::test::write_file(
      phone, "<!DOCTYPE html><html><head><title>loading</title></head><body style=\"margin:0\">"
             "<iframe src=\"report.html\" style=\"width:360px;height:800px;border:0\" "
             "onload=\"document.title = 'scroll ' + "
             "this.contentDocument.documentElement.scrollWidth + ' ' + "
             "this.contentWindow.innerWidth\"></iframe></body></html>");
  const auto dom = box.dir() / "phone.dom";
  const std::string measure = "timeout 180 '" + chromium +
                              "' --headless --no-sandbox --disable-gpu --hide-scrollbars "
                              "--allow-file-access-from-files --window-size=800,900 --dump-dom "
                              "'file://" +
                              phone.string() + "' >'" + dom.string() + "' 2>'" +
                              (box.dir() / "chromium.log").string() + "'";
  REQUIRE(std::system(measure.c_str()) == 0);
  const std::string dumped = recall::test::read_all(dom);
  const auto at = dumped.find("<title>scroll ");
  INFO(dumped.substr(0, 400));
  REQUIRE(at != std::string::npos);
  int scroll_width = 0, window_width = 0;
  REQUIRE(std::sscanf(dumped.c_str() + at, "<title>scroll %d %d", &scroll_width, &window_width) ==
          2);
  CHECK(window_width == 360);
  CHECK(scroll_width <= window_width);
  CHECK_THAT(page, Catch::Contains("Noto Sans CJK KR"));
}
