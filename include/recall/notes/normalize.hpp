// Turning the bytes of a file into note text: one encoding, one line end, one Unicode form.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace recall::notes {

// Note text, or why the bytes cannot be a note.
struct NormalizedText {
  std::string text;     // valid UTF-8 in NFC, no BOM, LF line ends; empty when `problem` is set
  std::string problem;  // empty, "UTF-16 text: …" (a UTF-16 BOM), "binary file (contains NUL
                        // bytes)" or "not valid UTF-8"
  int problem_line = 0;  // 1-based line of the first bad byte, 0 when it concerns the whole file
};

// Strips a UTF-8 byte order mark, folds CRLF and lone CR to LF (so line numbers are those an
// editor shows) and composes the text to NFC (notes written on macOS arrive decomposed, which
// matters for Korean). Bytes with a NUL or that are not UTF-8 give a problem instead.
NormalizedText normalize_text(std::string_view bytes);

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or nullopt when all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// True only when `utf8` is certainly in NFC whatever comes before or after it: every character is
// ASCII, below U+0300 (no combining marks), a Hangul syllable (U+AC00..U+D7A3), a CJK unified
// ideograph (U+4E00..U+9FFF), or in one of a few more ranges of letters and signs (Greek,
// Cyrillic, Arabic letters, punctuation such as curly quotes and dashes, arrows, math, box
// drawing, fullwidth forms; normalize.cpp lists them). Each of these has combining class 0, is its
// own NFC and never is the second character of a composition (a following jamo or mark is outside
// the set, so the line as a whole fails the check). False says nothing; linear, no allocation.
bool is_nfc_by_quick_check(std::string_view utf8);

// `utf8` (valid UTF-8) in Unicode normalization form C.
std::string to_nfc(std::string_view utf8);

// `bytes` as valid UTF-8 in NFC, every ill-formed byte replaced by U+FFFD. For names that come
// from the file system, which are bytes.
std::string to_nfc_lossy(std::string_view bytes);

}  // namespace recall::notes
