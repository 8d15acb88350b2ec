// Bytes to note text: BOM, line ends, UTF-8 validity and NFC (utf8proc).
#include "recall/notes/normalize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace recall::notes {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Code points that NFC keeps as they are whatever surrounds them: no canonical decomposition,
// combining class 0, and never the second of a composed pair. Latin (U+0080..U+02FF), Greek but for
// its three singletons, Cyrillic but for its combining marks, Arabic letters and digits, general
// punctuation (dashes, curly quotes, bullets, the ellipsis), arrows, mathematical and technical
// signs but for the two angle brackets, box drawing, shapes and dingbats, CJK punctuation, Hangul
// syllables, CJK ideographs and fullwidth forms. Checked against utf8proc for every code point by
// tests/unit/test_normalize.cpp.
bool stable_under_nfc(char32_t c) {
  if (c < 0x0300) return true;
  if (c < 0x0800) {
    return (c >= 0x0370 && c <= 0x03FF && c != 0x0374 && c != 0x037E && c != 0x0387) ||
           (c >= 0x0400 && c <= 0x0482) || (c >= 0x048A && c <= 0x04FF) ||
           (c >= 0x0600 && c <= 0x060F) || (c >= 0x061B && c <= 0x064A) ||
           (c >= 0x0660 && c <= 0x066F) || (c >= 0x0671 && c <= 0x06D5);
  }
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0x2190 && c <= 0x2328) || (c >= 0x232B && c <= 0x23FF) ||
         (c >= 0x2500 && c <= 0x27BF) || (c >= 0x3000 && c <= 0x3029) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF01 && c <= 0xFF5E);
}

// Whether the well-formed two- or three-byte sequence at `s[i]` is a code point that NFC keeps
// as it is whatever surrounds it (stable_under_nfc); advances `i` past it. Longer sequences and
// ill-formed bytes answer false.
bool quick_nfc_character(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 >= 0xC2 && b0 <= 0xDF) {  // U+0080..U+07FF
    if (i + 1 >= s.size() || (byte(i + 1) & 0xC0) != 0x80) return false;
    const char32_t c = (char32_t{b0} & 0x1F) << 6 | (char32_t{byte(i + 1)} & 0x3F);
    if (!stable_under_nfc(c)) return false;
    i += 2;
    return true;
  }
  if ((b0 & 0xF0) != 0xE0 || i + 2 >= s.size()) return false;
  if ((byte(i + 1) & 0xC0) != 0x80 || (byte(i + 2) & 0xC0) != 0x80) return false;
  const char32_t c = (char32_t{b0} & 0x0F) << 12 | (char32_t{byte(i + 1)} & 0x3F) << 6 |
                     (char32_t{byte(i + 2)} & 0x3F);
  // (An overlong or surrogate sequence decodes below U+0800 or into U+D800..U+DFFF: neither is in
  // a stable range above U+0800, so it answers false and goes to utf8proc.)
  if (c < 0x0800 || !stable_under_nfc(c)) return false;
  i += 3;
  return true;
}

// Length of the well-formed UTF-8 sequence at the start of `s`, or 0 if it is ill-formed.
std::size_t sequence_length(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;   // overlong
    if (b0 == 0xED) high = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;   // overlong
    if (b0 == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

std::string fold_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t length = sequence_length(bytes.substr(i));
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

bool is_nfc_by_quick_check(std::string_view utf8) {
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
    } else if (!quick_nfc_character(utf8, i)) {
      return false;
    }
  }
  return true;
}

namespace {

// NFC of text that has some non-ASCII characters, all at once.
std::string nfc_of(std::string_view utf8) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                   static_cast<utf8proc_ssize_t>(utf8.size()), &mapped,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(mapped);
  if (length < 0 || mapped == nullptr) return std::string(utf8);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

}  // namespace

// A line break is a starter that composes with nothing, so NFC never reaches across it: the
// lines can be normalized apart. Lines that pass is_nfc_by_quick_check (ASCII, most Korean and
// Chinese lines) are NFC already and are copied; each run of other lines goes through utf8proc at
// once, up to kNfcRunBytes: utf8proc decomposes into 4 bytes per code point before composing (16
// bytes for a 3-byte Hangul syllable), so one run of a whole large Korean note would cost several
// times its size.
std::string to_nfc(std::string_view utf8) {
  constexpr std::size_t kNfcRunBytes = 64 * 1024;
  if (is_ascii(utf8)) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  std::size_t run = std::string_view::npos;  // start of the lines not yet normalized
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = utf8.find('\n', pos);
    end = end == std::string_view::npos ? utf8.size() : end + 1;
    const std::string_view line = utf8.substr(pos, end - pos);
    const bool stable = is_nfc_by_quick_check(line);
    if (run != std::string_view::npos && (stable || pos - run >= kNfcRunBytes)) {
      out += nfc_of(utf8.substr(run, pos - run));
      run = std::string_view::npos;
    }
    if (stable) {
      out += line;
    } else if (run == std::string_view::npos) {
      run = pos;
    }
    pos = end;
  }
  if (run != std::string_view::npos) out += nfc_of(utf8.substr(run));
  return out;
}

std::string to_nfc_lossy(std::string_view bytes) {
  std::string valid;
  valid.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t length = sequence_length(bytes.substr(i));
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++i;
    } else {
      valid += bytes.substr(i, length);
      i += length;
    }
  }
  return to_nfc(valid);
}

NormalizedText normalize_text(std::string_view bytes) {
  NormalizedText result;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    result.problem = "UTF-16 text: save the note as UTF-8";
    return result;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    result.problem = "binary file (contains NUL bytes)";
    return result;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // Most notes have LF line ends already: no copy of a large note just to find that out.
  std::string folded;
  if (bytes.find('\r') != std::string_view::npos) folded = fold_line_ends(bytes);
  const std::string_view text = folded.empty() ? bytes : std::string_view(folded);
  if (const auto bad = find_invalid_utf8(text)) {
    result.problem = "not valid UTF-8";
    result.problem_line =
        1 + static_cast<int>(
                std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
    return result;
  }
  result.text = to_nfc(text);
  return result;
}

}  // namespace recall::notes
