// append_json_string writes the same bytes as nlohmann's serializer, on chosen and random text.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "recall/core/json_text.hpp"

namespace {

std::string nlohmann_text(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ours(const std::string& text) {
  std::string out = "x";  // appends, never replaces
  recall::core::append_json_string(out, text);
  return out.substr(1);
}

}  // namespace

TEST_CASE("append_json_string matches nlohmann on chosen text", "[core][json]") {
  static constexpr char kControls[] = "nul \0 and \x01 \x1f \x7f";
  const std::string cases[] = {
      "",
      "plain",
      "quote \" and backslash \\",
      "tab\tnewline\ncarriage\rbackspace\bformfeed\f",
      std::string(kControls, sizeof kControls - 1),
      "한국어 텍스트, 日本語, emoji 😀",
      "bad \xff byte",
      "cut \xe2\x82",
      "overlong \xc0\xaf and surrogate \xed\xa0\x80",
      "past U+10FFFF \xf4\x90\x80\x80",
      "\xe2\x82\xac at the end \xf0\x9f\x98",
  };
  for (const auto& text : cases) {
    INFO(text);
    CHECK(ours(text) == nlohmann_text(text));
  }
}

TEST_CASE("append_json_string matches nlohmann on random bytes", "[core][json]") {
  std::mt19937 rng(13);
  // Bytes drawn mostly from the ranges where UTF-8 and escaping rules live.
  static constexpr char kPool[] =
      "aZ \"\\\n\t\x01\x1f\x7f\xc2\xc3\xdf\xe0\xe2\xed\xef\xf0\xf4\xf5\x80\x8f\x90\x9f\xa0\xbf\xff";
  const std::string pool(kPool, sizeof kPool - 1);
  for (int n = 0; n < 5000; ++n) {
    std::string text(rng() % 12, ' ');
    for (char& c : text) c = pool[rng() % pool.size()];
    INFO(n);
    REQUIRE(ours(text) == nlohmann_text(text));
  }
}
