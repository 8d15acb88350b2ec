// Outline blocks back to markdown.
#include "recall/extract/render.hpp"

#include <cctype>
#include <algorithm>
#include <array>

#include "recall/extract/rules.hpp"
#include "recall/extract/text.hpp"

namespace recall::extract {
namespace {

using notes::Block;
using notes::BlockKind;

// Appends `text` line by line: the first line after `indent` + `lead`, the others after `indent`
// and as many spaces as `lead` is wide. Empty lines stay empty.
void append_lines(std::string& out, const std::string& indent, std::string_view lead,
                  std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 0) {
      std::string first = indent + std::string(lead) + std::string(lines[i]);
      while (!first.empty() && first.back() == ' ') first.pop_back();
      out += first;
    } else if (!lines[i].empty()) {
      out += indent + std::string(lead.size(), ' ') + std::string(lines[i]);
    }
    out += '\n';
  }
}

std::string code_fence(std::string_view code) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

// `previous` is the block rendered right above the sequence, if any.
void render_sequence(std::span<const Block> blocks, const std::string& indent, std::string& out,
                     const RenderOptions& options, const Block* previous = nullptr);

void render_list(const Block& list, const std::string& indent, std::string& out,
                 const RenderOptions& options) {
  int number = list.start;
  for (const Block& item : list.children) {
    if (is_dropped_item(item, options)) continue;
    std::string marker = list.ordered ? std::to_string(number++) + ". " : "- ";
    const std::string nested(marker.size(), ' ');
    if (item.task == notes::Task::open) marker += "[ ] ";
    if (item.task == notes::Task::done) marker += "[x] ";
    std::span<const Block> rest(item.children);
    const Block* head = notes::item_head(item);
    if (head != nullptr) {
      append_lines(out, indent, marker, head->text);
      rest = rest.subspan(1);
    } else {
      append_lines(out, indent, marker, "");
    }
    render_sequence(rest, indent + nested, out, options, head);
  }
}

void render_block(const Block& block, const std::string& indent, std::string& out,
                  const RenderOptions& options) {
  switch (block.kind) {
    case BlockKind::heading:
      append_lines(out, indent, std::string(static_cast<std::size_t>(block.level), '#') + " ",
                   block.text);
      return;
    case BlockKind::list:
      render_list(block, indent, out, options);
      return;
    case BlockKind::code: {
      const std::string fence = code_fence(block.text);
      append_lines(out, indent, "", fence + std::string(block.info));
      if (!block.text.empty()) append_lines(out, indent, "", block.text);
      append_lines(out, indent, "", fence);
      return;
    }
    case BlockKind::quote: {
      std::string inner;
      render_sequence(block.children, "", inner, options);
      for (const std::string_view line : split_lines(trim(inner))) {
        out += line.empty() ? indent + ">" : indent + "> " + std::string(line);
        out += '\n';
      }
      return;
    }
    case BlockKind::rule:
      append_lines(out, indent, "", "---");
      return;
    case BlockKind::item:  // only inside lists
    case BlockKind::paragraph:
    case BlockKind::html:
    case BlockKind::table:
    case BlockKind::other:
      if (!block.text.empty()) append_lines(out, indent, "", block.text);
      return;
  }
}

void render_sequence(std::span<const Block> blocks, const std::string& indent, std::string& out,
                     const RenderOptions& options, const Block* previous) {
  for (const Block& block : blocks) {
    // A paragraph right above a list introduces it; other neighbours need a blank line so that
    // they do not run into each other.
    if (previous != nullptr &&
        !(previous->kind == BlockKind::paragraph && block.kind == BlockKind::list)) {
      out += '\n';
    }
    render_block(block, indent, out, options);
    previous = &block;
  }
}

}  // namespace

bool is_dropped_item(const Block& item, const RenderOptions& options) {
  if (options.drop_tasks && item.task != notes::Task::none) return true;
  const Block* head = notes::item_head(item);
  return options.drop_link_only_items && head != nullptr && item.children.size() == 1 &&
         is_link_only(head->text);
}

std::string render_markdown(std::span<const Block> blocks, const RenderOptions& options) {
  std::string out;
  render_sequence(blocks, "", out, options);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

namespace {

// The text of a markdown line without its list marker or quote marker.
std::string_view line_content(std::string_view line) {
  line = trim(line);
  while (!line.empty() && line.front() == '>') line = trim(line.substr(1));
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return trim(line.substr(2));
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ') {
    return trim(line.substr(digits + 2));
  }
  return line;
}

bool is_fence(std::string_view line) {
  line = trim(line);
  return starts_with(line, "```") || starts_with(line, "~~~");
}

// The longest prefix of `line` of at most `budget` code points that ends a sentence, or empty.
std::string_view sentences_within(std::string_view line, std::size_t budget) {
  std::string_view best;
  for (const Sentence& sentence : split_sentences(line)) {
    const std::size_t end =
        static_cast<std::size_t>(sentence.text.data() - line.data()) + sentence.text.size();
    if (code_point_count(line.substr(0, end)) > budget) break;
    best = line.substr(0, end);
  }
  return best;
}

// The longest prefix of `line` of at most `budget` code points that ends at a space.
std::string_view words_within(std::string_view line, std::size_t budget) {
  std::size_t count = 0;
  std::size_t last_space = 0;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == ' ') last_space = i;
    next_code_point(line, i);
    if (++count > budget) break;
    if (i == line.size()) return line;
  }
  return trim(line.substr(0, last_space));
}

// `<img src=…>` (and `<br>`), which a review screen cannot show.
bool is_image_tag(std::string_view s) {
  const std::string lower = ascii_lower(s.substr(0, 5));
  return (starts_with(lower, "<img") || starts_with(lower, "<br")) && ends_with(s, ">");
}

}  // namespace

std::string drop_link_only_lines(std::string_view answer) {
  std::string out;
  bool fence = false;
  bool kept_any = false;
  for (const std::string_view line : split_lines(answer)) {
    if (is_fence(line)) fence = !fence;
    std::string_view content = line_content(line);
    while (!content.empty() && (content.back() == '.' || content.back() == ',')) {
      content.remove_suffix(1);
    }
    if (!fence && !content.empty() && (is_link_only(content) || is_image_tag(content))) continue;
    if (!out.empty()) out += '\n';
    out += line;
    kept_any = kept_any || !trim(line).empty();
  }
  // A thematic break or an empty bullet left at either end separates nothing.
  std::vector<std::string_view> lines = split_lines(out);
  const auto empty = [](std::string_view l) {
    l = trim(l);
    return l.empty() || l == "---" || l == "-" || l == "***";
  };
  while (!lines.empty() && empty(lines.front())) lines.erase(lines.begin());
  while (!lines.empty() && empty(lines.back())) lines.pop_back();
  std::string cleaned;
  for (const std::string_view line : lines) {
    if (!cleaned.empty()) cleaned += '\n';
    cleaned += line;
  }
  return kept_any && !cleaned.empty() ? cleaned : std::string(answer);
}

namespace {
// `- item`, `* item`, `3. item`, `2) item`, also indented.
bool is_list_line(std::string_view line) {
  line = trim(line);
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return true;
  }
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  return digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         line[digits + 1] == ' ';
}

// A first paragraph shorter than this is a preamble (`It depends.`): cut later rather than keep
// only it.
constexpr std::size_t kWholeEnough = 120;

// How far a line is indented, in spaces.
std::size_t indent(std::string_view line) {
  const std::size_t at = line.find_first_not_of(' ');
  return at == std::string_view::npos ? line.size() : at;
}

// The indentation of the top-level items of an answer that is an outline, or nullopt when it has
// no list or holds a code fence (code is never reshaped).
std::optional<std::size_t> outline_indent(std::span<const std::string_view> lines) {
  std::size_t top = std::string_view::npos;
  for (const std::string_view line : lines) {
    if (is_fence(line)) return std::nullopt;
    if (is_list_line(line)) top = std::min(top, indent(line));
  }
  if (top == std::string_view::npos) return std::nullopt;
  return top;
}
}  // namespace

std::string without_format_tags(std::string text) {
  static constexpr auto kTags = std::to_array<std::string_view>(
      {"u", "b", "i", "em", "strong", "mark", "span", "font", "ins", "s", "del"});
  for (std::size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at)) {
    const std::size_t close = text.find('>', at);
    if (close == std::string::npos) break;
    std::string_view tag = std::string_view(text).substr(at + 1, close - at - 1);
    if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
    const std::string name = ascii_lower(tag.substr(0, tag.find(' ')));
    if (std::find(kTags.begin(), kTags.end(), name) != kTags.end()) {
      text.erase(at, close - at + 1);
    } else {
      ++at;
    }
  }
  return text;
}

std::string without_stray_emphasis(std::string answer) {
  answer = without_format_tags(std::move(answer));
  std::size_t marks = 0;
  for (std::size_t at = answer.find("**"); at != std::string::npos; at = answer.find("**", at + 2)) {
    ++marks;
  }
  if (marks % 2 == 0) {
    // `문자열 연산이 많은 Multi-Thread 환경*`: a lone `*` glued to the last word, the only one.
    const std::string_view t = trim(answer);
    if (t.size() > 1 && t.back() == '*' && t[t.size() - 2] != ' ' && t[t.size() - 2] != '*' &&
        std::count(answer.begin(), answer.end(), '*') == 1) {
      answer.resize(static_cast<std::size_t>(t.data() - answer.data()) + t.size() - 1);
    }
    return answer;
  }
  const std::string_view t = trim(answer);
  if (ends_with(t, "**") && !ends_with(t, "***")) {
    answer.resize(static_cast<std::size_t>(t.data() - answer.data()) + t.size() - 2);
  } else if (starts_with(t, "**") && !starts_with(t, "***")) {
    answer.erase(0, static_cast<std::size_t>(t.data() - answer.data()) + 2);
  } else if (marks == 1) {
    // `… 나타내는 말**이다.`: the bold opened before the card's answer starts.
    const std::size_t at = answer.find("**");
    if (answer.compare(at, 3, "***") != 0) answer.erase(at, 2);
  }
  return answer;
}

std::string fit_answer(std::string_view answer, std::string_view pointer) {
  const std::vector<std::string_view> lines = split_lines(answer);
  if (code_point_count(answer) <= kMaxAnswerCodePoints && lines.size() <= kMaxAnswerLines) {
    return std::string(answer);
  }
  std::string out;
  std::size_t used = 0;
  std::size_t taken = 0;
  bool fence = false;
  std::size_t whole = 0;  // where the last paragraph (or list, or code block) kept in full ends
  for (const std::string_view line : lines) {
    const std::size_t size = code_point_count(line) + (taken > 0 ? 1 : 0);
    if (used + size <= kMaxAnswerCodePoints && taken < kMaxAnswerLines) {
      if (!fence && trim(line).empty() && taken > 0) whole = out.size();
      if (taken > 0) out += '\n';
      out += line;
      used += size;
      ++taken;
      if (is_fence(line)) fence = !fence;
      continue;
    }
    // A list cut at its third item reads as truncated (judged); the blocks before it and a
    // pointer to the rest do not.
    if (!fence && whole > 0 && is_list_line(line) &&
        code_point_count(std::string_view(out).substr(0, whole)) >= kWholeEnough) {
      out.resize(whole);
      break;
    }
    // The line does not fit: keep its first sentences if some fit and the line is prose.
    if (!fence && taken < kMaxAnswerLines && used + 1 < kMaxAnswerCodePoints) {
      const std::size_t budget = kMaxAnswerCodePoints - used - (taken > 0 ? 1 : 0);
      std::string_view part = sentences_within(line, budget);
      if (part.empty() && taken == 0) part = words_within(line, budget);
      if (!trim(part).empty()) {
        if (taken > 0) out += '\n';
        out += part;
      }
    }
    break;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (fence) out += "\n```";
  out += "\n(… " + std::string(pointer) + ")";
  return out;
}

std::optional<std::string> whole_first_paragraph(std::string_view answer) {
  const std::vector<std::string_view> lines = split_lines(answer);
  std::string out;
  std::size_t taken = 0;
  for (const std::string_view line : lines) {
    if (trim(line).empty()) break;
    if (is_fence(line) || is_list_line(line) || starts_with(trim(line), "|") ||
        starts_with(trim(line), "#") || starts_with(trim(line), "$$")) {
      return std::nullopt;
    }
    if (taken > 0) out += '\n';
    out += line;
    ++taken;
  }
  if (taken == 0 || taken == lines.size()) return std::nullopt;  // nothing, or not a cut at all
  const std::string_view text = trim(out);
  const std::size_t length = code_point_count(text);
  if (length < kWholeEnough || length > kMaxAnswerCodePoints || taken > kMaxAnswerLines) {
    return std::nullopt;
  }
  // It must close as a sentence (not `…, let's look at an example:`), and answer rather than set
  // the scene.
  const bool closes = ends_with(text, ".") || ends_with(text, "!") || ends_with(text, ")") ||
                      ends_with(text, "\xE3\x80\x82") || ends_with(text, "\xEB\x8B\xA4");
  if (!closes) return std::nullopt;
  const std::string lower = ascii_lower(text.substr(0, std::min<std::size_t>(text.size(), 200)));
  for (const std::string_view setup :
       {"in order to", "before we", "before i", "let's", "let us", "first, let", "that's an",
        "this is an interesting", "good question", "interesting question", "to answer this",
        "i assume"}) {
    if (lower.find(setup) != std::string::npos) return std::nullopt;
  }
  // `There are 3 main strategies to …`: it announces what the next paragraphs say.
  const std::vector<Sentence> sentences = split_sentences(text);
  const std::string last = sentences.empty() ? std::string() : ascii_lower(sentences.back().text);
  for (const std::string_view announce :
       {"there are ", "as follows", "the following", "here are", "two ways", "three ways",
        "several ways", "a few ways"}) {
    if (last.find(announce) != std::string::npos) return std::nullopt;
  }
  return std::string(text);
}

std::optional<std::string> top_level_items(std::string_view answer) {
  const std::vector<std::string_view> lines = split_lines(answer);
  const std::optional<std::size_t> top = outline_indent(lines);
  if (!top) return std::nullopt;
  std::string out;
  std::size_t items = 0;
  bool dropped = false;
  for (const std::string_view line : lines) {
    if (trim(line).empty()) continue;
    if (indent(line) > *top) {
      dropped = true;
      continue;
    }
    // Every line kept is an item that says something by itself: not `- Pros:` over its details,
    // not a line of text between lists.
    const std::string_view item = trim(line);
    if (!is_list_line(line) || ends_with(item, ":") ||
        word_count(item.substr(item.find(' ') + 1)) < 3) {  // the words after the marker
      return std::nullopt;
    }
    ++items;
    if (!out.empty()) out += '\n';
    out += line;
  }
  if (!dropped || items < 2 || code_point_count(out) > kMaxAnswerCodePoints ||
      split_lines(out).size() > kMaxAnswerLines) {
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> items_and_parts(std::string_view answer) {
  constexpr std::size_t kMaxStatements = 5;
  constexpr std::size_t kMaxPartWords = 6;
  const std::vector<std::string_view> lines = split_lines(answer);
  const std::optional<std::size_t> top = outline_indent(lines);
  if (!top) return std::nullopt;
  struct Item {
    std::string_view head;  // the item's first line, marker included
    bool nested = false;    // lines below it, indented deeper
  };
  std::vector<Item> items;
  for (const std::string_view line : lines) {
    if (trim(line).empty()) continue;
    if (indent(line) > *top) {
      if (items.empty()) return std::nullopt;
      items.back().nested = true;
      continue;
    }
    if (!is_list_line(line)) return std::nullopt;  // text between lists: not an outline
    items.push_back({line, false});
  }
  std::vector<std::string> statements;
  std::vector<std::string> parts;
  // `- tweedie distribution. EDM의 일종으로 …`, `- Sigmoid: squashes …`: an item that is a term
  // and its definition, a card of its own; its term names it.
  const auto defined_term = [](std::string_view text) -> std::string_view {
    for (const std::string_view mark : {": ", ". "}) {
      const std::size_t at = text.find(mark);
      if (at == std::string_view::npos || at == 0) continue;
      const std::string_view term = text.substr(0, at);
      const std::string_view rest = text.substr(at + mark.size());
      if (word_count(term) <= 4 && word_count(rest) >= 3 && term.find('(') == std::string_view::npos &&
          (mark == ": " || (!contains_hangul(term) && mostly_korean(rest)))) {
        return term;
      }
    }
    return {};
  };
  for (const Item& item : items) {
    std::string_view text = trim(item.head);
    text = trim(text.substr(text.find(' ') + 1));  // without the marker
    while (!text.empty() && text.back() == ':') text.remove_suffix(1);
    if (item.nested && word_count(text) <= kMaxPartWords) {
      parts.emplace_back(text);
    } else if (const std::string_view term = defined_term(text); !item.nested && !term.empty()) {
      parts.emplace_back(term);
    } else if (word_count(text) >= 3 && !starts_with(text, "http") && !starts_with(text, "[")) {
      statements.emplace_back(item.head.substr(indent(item.head)));
    }
  }
  // `- 입력`, `- Output` over their details label the parts of a procedure; they name nothing.
  std::erase_if(parts, [](const std::string& part) { return is_generic_label(ascii_lower(part)); });
  // Names alone say what the concept has, not what it is.
  if (parts.size() < 2 || statements.empty()) return std::nullopt;
  if (statements.size() > kMaxStatements) statements.resize(kMaxStatements);
  std::string out;
  for (const std::string& statement : statements) out += (out.empty() ? "" : "\n") + statement;
  if (statements.size() + parts.size() <= kMaxAnswerLines / 2) {
    for (const std::string& part : parts) out += (out.empty() ? "- " : "\n- ") + part;
  } else {
    std::string joined;
    for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
    out += (out.empty() ? "- " : "\n- ") + joined;
  }
  if (code_point_count(out) > kMaxAnswerCodePoints) return std::nullopt;
  return out;
}

}  // namespace recall::extract
