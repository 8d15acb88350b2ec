// notes::normalize_text and the UTF-8 helpers: table of byte strings in, text or problem out.
#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "recall/notes/normalize.hpp"

using recall::notes::find_invalid_utf8;
using recall::notes::is_nfc_by_quick_check;
using recall::notes::normalize_text;
using recall::notes::to_nfc;
using recall::notes::to_nfc_lossy;

TEST_CASE("normalize_text turns bytes into note text", "[notes][normalize]") {
  struct Case {
    std::string bytes;
    std::string text;
  };
  const Case cases[] = {
      {"", ""},
      {"plain\n", "plain\n"},
      {"\xEF\xBB\xBFwith bom\n", "with bom\n"},
      {"a\r\nb\r\n", "a\nb\n"},
      {"a\rb\r", "a\nb\n"},
      {"a\r\r\nb", "a\n\nb"},
      // 가 as jamo (U+1100 U+1161) composes to U+AC00.
      {"\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80"},
      // e + combining acute composes to é.
      {"e\xCC\x81", "\xC3\xA9"},
  };
  for (const Case& c : cases) {
    const auto result = normalize_text(c.bytes);
    INFO(c.bytes);
    CHECK(result.problem.empty());
    CHECK(result.text == c.text);
  }
}

TEST_CASE("normalize_text refuses binary and ill-formed UTF-8", "[notes][normalize]") {
  struct Case {
    std::string bytes;
    std::string problem;
    int line;
  };
  const Case cases[] = {
      {std::string("a\0b", 3), "binary file (contains NUL bytes)", 0},
      {"caf\xE9\n", "not valid UTF-8", 1},
      {"ok\nok\r\n\xFF", "not valid UTF-8", 3},
      {"\xC0\xAF", "not valid UTF-8", 1},          // overlong '/'
      {"\xED\xA0\x80", "not valid UTF-8", 1},      // a surrogate
      {"\xF4\x90\x80\x80", "not valid UTF-8", 1},  // above U+10FFFF
      {"x\ny\n\xE2\x82", "not valid UTF-8", 3},    // cut short at the end
  };
  for (const Case& c : cases) {
    const auto result = normalize_text(c.bytes);
    INFO(c.bytes);
    CHECK(result.problem == c.problem);
    CHECK(result.problem_line == c.line);
    CHECK(result.text.empty());
  }
}

TEST_CASE("find_invalid_utf8 gives the offset of the first bad byte", "[notes][normalize]") {
  CHECK_FALSE(find_invalid_utf8("ascii").has_value());
  CHECK_FALSE(find_invalid_utf8("\xED\x95\x9C\xF0\x9F\x98\x80").has_value());  // 한 😀
  CHECK(find_invalid_utf8("ab\x80") == std::optional<std::size_t>(2));
  CHECK(find_invalid_utf8("\xED\x95\x9C\xED") == std::optional<std::size_t>(3));
}

TEST_CASE("to_nfc and to_nfc_lossy", "[notes][normalize]") {
  CHECK(to_nfc("abc") == "abc");
  CHECK(to_nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "\xED\x95\x9C");  // 한
  CHECK(to_nfc_lossy("caf\xE9.md") == "caf\xEF\xBF\xBD.md");
  // Lines are normalized apart: ASCII lines stay, decomposed lines between them compose, and a
  // combining mark at the start of a line does not reach back over the line break.
  CHECK(to_nfc("ls -la\n\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB x\ncd /\ne\xCC\x81\n") ==
        "ls -la\n\xED\x95\x9C x\ncd /\n\xC3\xA9\n");
  CHECK(to_nfc("e\n\xCC\x81") == "e\n\xCC\x81");
}

TEST_CASE("to_nfc composes a long run of non-ASCII lines in bounded parts", "[notes][normalize]") {
  // 600 KB of decomposed Korean lines, with no ASCII line between them: utf8proc gets them in
  // parts of about 64 KB (cut at line breaks), and every line composes as if alone.
  std::string decomposed;
  std::string composed;
  for (int i = 0; i < 30000; ++i) {
    decomposed += "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB e\xCC\x81\n";  // 한 é, decomposed
    composed += "\xED\x95\x9C \xC3\xA9\n";
  }
  CHECK(to_nfc(decomposed) == composed);
  CHECK(normalize_text(decomposed).text == composed);
}

namespace {

std::string utf8_of(char32_t c) {
  utf8proc_uint8_t bytes[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), bytes);
  return std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

}  // namespace

TEST_CASE("is_nfc_by_quick_check passes only characters NFC never changes", "[notes][normalize]") {
  // Every code point the check passes alone is its own NFC, of combining class 0, and never the
  // second character of a composition (utf8proc 2.x marks those with comb_index >= 0x8000), so a
  // line made only of them is NFC whatever it holds; U+0300 and the Hangul jamo are refused.
  std::size_t passed = 0;
  for (char32_t c = 0x1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string one = utf8_of(c);
    if (!is_nfc_by_quick_check(one)) continue;
    ++passed;
    const utf8proc_property_t* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
    INFO("U+" << std::hex << static_cast<unsigned>(c));
    CHECK(property->combining_class == 0);
    CHECK_FALSE((property->comb_index != UINT16_MAX && property->comb_index >= 0x8000));
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(one.c_str()));
    CHECK(std::string(reinterpret_cast<const char*>(nfc)) == one);
    std::free(nfc);
  }
  // Below U+0300, Hangul syllables, CJK ideographs, and the ranges stable_under_nfc names:
  // Greek less its three singletons, Cyrillic, Arabic letters and digits, punctuation, arrows,
  // technical signs less the angle brackets, box drawing to dingbats, CJK and fullwidth forms.
  const std::size_t ranges = (0x3FF - 0x370 + 1 - 3) + (0x482 - 0x400 + 1) + (0x4FF - 0x48A + 1) +
                             (0x60F - 0x600 + 1) + (0x64A - 0x61B + 1) + (0x66F - 0x660 + 1) +
                             (0x6D5 - 0x671 + 1) + (0x2027 - 0x2010 + 1) + (0x205E - 0x2030 + 1) +
                             (0x2328 - 0x2190 + 1) + (0x23FF - 0x232B + 1) + (0x27BF - 0x2500 + 1) +
                             (0x3029 - 0x3000 + 1) + (0xFF5E - 0xFF01 + 1);
  CHECK(passed == 0x2FF + 11172 + 20992 + ranges);
  CHECK(is_nfc_by_quick_check("\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 \xCE\xB1 \xD0\xB4"));  // “ ” — α д
  CHECK_FALSE(is_nfc_by_quick_check("\xCD\xBE"));      // U+037E Greek question mark: NFC is `;`
  CHECK_FALSE(is_nfc_by_quick_check("\xE2\x8C\xA9"));  // U+2329: NFC is U+3008
  CHECK_FALSE(is_nfc_by_quick_check("\xD8\xA7\xD9\x8E"));  // alef + fatha (a combining mark)
  CHECK(is_nfc_by_quick_check("ls -la \xED\x95\x9C \xC3\xA9 \xE4\xB8\x80"));  // 한 é 一
  CHECK_FALSE(is_nfc_by_quick_check("e\xCC\x81"));                            // e + U+0301
  CHECK_FALSE(is_nfc_by_quick_check("\xED\x95\x98\xE1\x86\xAB"));             // 하 + jamo ᆫ
  CHECK_FALSE(is_nfc_by_quick_check("\xF0\x9F\x98\x80"));  // 😀: not in the set
  CHECK_FALSE(is_nfc_by_quick_check("\xED\x95"));          // cut short
  // A line that fails the check still composes: 하 + jamo ᆫ is 한, beside Hangul that passes.
  CHECK(to_nfc("\xED\x95\x9C\n\xED\x95\x98\xE1\x86\xAB\n") == "\xED\x95\x9C\n\xED\x95\x9C\n");
}
