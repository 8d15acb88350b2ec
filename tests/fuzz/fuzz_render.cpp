// libFuzzer target: the review screen's markdown renderer on card text (valid UTF-8, as the store
// holds), at a width and colour taken from the first byte.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "recall/notes/normalize.hpp"
#include "recall/review/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  recall::review::RenderOptions options;
  // At least 2: a wide character (two columns) cannot fit a line of one.
  options.width = 2 + data[0] % 100;
  options.color = (data[0] & 0x80) != 0;
  options.strong = (data[0] & 0x40) != 0;
  const std::string text = recall::notes::to_nfc_lossy(
      std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  for (const std::string& line : recall::review::render_markdown(text, options)) {
    // Escape sequences aside, no line is wider than asked.
    if (!options.color && recall::review::display_width(line) > options.width) __builtin_trap();
    if (line.find('\n') != std::string::npos) __builtin_trap();
  }
  return 0;
}
