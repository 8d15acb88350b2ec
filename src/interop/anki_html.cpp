// Anki's HTML subset as markdown (docs in recall/interop/anki_import.hpp).
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>

#include "anki_fields.hpp"
#include "recall/extract/text.hpp"
#include "recall/interop/anki_import.hpp"

namespace recall::interop {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x110000) {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

// `&name;` at `text[i]` decoded into `out`; returns the length read, 0 when it is no entity.
std::size_t decode_entity(std::string_view text, std::size_t i, std::string& out) {
  const std::size_t end = text.find(';', i);
  if (end == std::string_view::npos || end - i > 10) return 0;
  const std::string_view name = text.substr(i + 1, end - i - 1);
  static const std::map<std::string_view, std::string_view> kNamed = {
      {"amp", "&"}, {"lt", "<"},    {"gt", ">"},      {"quot", "\""},   {"apos", "'"},
      {"nbsp", " "}, {"ndash", "–"}, {"mdash", "—"}, {"hellip", "…"}, {"rarr", "→"}};
  if (const auto it = kNamed.find(name); it != kNamed.end()) {
    out += it->second;
    return end - i + 1;
  }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* stop = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (*stop != '\0' || cp == 0 || cp > 0x10ffff) return 0;
    append_utf8(out, static_cast<std::uint32_t>(cp == 0xa0 ? 0x20 : cp));
    return end - i + 1;
  }
  return 0;
}

}  // namespace

std::string tidy_anki_lines(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    std::size_t start = 0;
    while (start < line.size() && line[start] == ' ') ++start;
    if (start == line.size()) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

std::string html_to_markdown(std::string_view html, int* media) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) {
        out += html.substr(i);
        break;
      }
      std::string tag = extract::ascii_lower(html.substr(i + 1, close - i - 1));
      const bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.erase(0, 1);
      const std::string name = tag.substr(0, tag.find_first_of(" /\t\n"));
      if (name == "br" || name == "div" || name == "p" || name == "ul" || name == "ol" ||
          name == "tr") {
        out += '\n';
      } else if (name == "li" && !closing) {
        out += "\n- ";
      } else if (name == "b" || name == "strong") {
        out += "**";
      } else if (name == "i" || name == "em") {
        out += '*';
      } else if (name == "code") {
        out += '`';
      } else if (name == "img" && media) {
        ++*media;
      } else if (name == "td" && closing) {
        out += ' ';
      }
      i = close + 1;
    } else if (c == '&') {
      const std::size_t used = decode_entity(html, i, out);
      if (used == 0) {
        out += '&';
        ++i;
      } else {
        i += used;
      }
    } else if (html.substr(i, 7) == "[sound:") {
      const std::size_t close = html.find(']', i);
      if (close == std::string_view::npos) {
        out += c;
        ++i;
        continue;
      }
      if (media) ++*media;
      i = close + 1;
    } else {
      out += c == '\r' ? '\n' : c;
      ++i;
    }
  }
  // Emphasis markers left empty by the tags around nothing (`<b></b>`) are no text.
  for (const std::string_view empty : {"****", "``"}) {
    for (std::size_t at = out.find(empty); at != std::string::npos; at = out.find(empty)) {
      out.erase(at, empty.size());
    }
  }
  return tidy_anki_lines(out);
}

}  // namespace recall::interop
