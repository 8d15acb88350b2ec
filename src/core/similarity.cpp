#include "recall/core/similarity.hpp"

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

namespace recall::core {
namespace {

// Code points of valid UTF-8 (the notes stage guarantees validity; a stray byte counts as one).
std::vector<std::uint32_t> code_points(std::string_view text) {
  std::vector<std::uint32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    std::uint32_t cp = n == 1 ? c : c & (0xffu >> (n + 1));
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::size_t osa_distance(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// Words: runs of ASCII letters/digits or of non-ASCII code points (Hangul, …), ASCII lowered.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool part =
        c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (part) {
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool contains_run(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.empty() || shorter.size() > longer.size()) return false;
  return std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) != longer.end();
}

}  // namespace

std::string normalize_term(std::string_view text) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '*' || c == '_' || c == '`') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  while (!out.empty() && (out.back() == ':' || out.back() == ' ')) out.pop_back();
  return out;
}

double term_similarity(std::string_view a, std::string_view b) {
  if (a == b) return 1.0;
  const auto ca = code_points(a), cb = code_points(b);
  const std::size_t longer = std::max(ca.size(), cb.size());
  if (longer == 0) return 1.0;
  double similarity = 1.0 - static_cast<double>(osa_distance(ca, cb)) / static_cast<double>(longer);
  const auto wa = words(a), wb = words(b);
  if (contains_run(wa, wb) || contains_run(wb, wa)) similarity = std::max(similarity, 0.75);
  return similarity;
}

std::string answer_words(std::string_view text) {
  std::string out;
  for (const std::string& word : words(text)) {
    if (!out.empty()) out.push_back(' ');
    out += word;
  }
  return out;
}

double answer_similarity(std::string_view a, std::string_view b) {
  const auto wa = words(a), wb = words(b);
  const std::set<std::string> sa(wa.begin(), wa.end()), sb(wb.begin(), wb.end());
  if (sa.empty() && sb.empty()) return 1.0;
  std::size_t common = 0;
  for (const auto& w : sa) common += sb.count(w);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

}  // namespace recall::core
