// libFuzzer target: front matter (YAML and TOML between fences) read from any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "recall/notes/front_matter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const recall::notes::FrontMatterBlock block = recall::notes::read_front_matter(text);
  // A block never claims more lines than the text has.
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  if (block.lines < 0 || static_cast<std::size_t>(block.lines) > lines) __builtin_trap();
  if (const auto problem = recall::notes::front_matter_problem(text)) {
    if (problem->line < 1 || static_cast<std::size_t>(problem->line) > lines) __builtin_trap();
  }
  return 0;
}
