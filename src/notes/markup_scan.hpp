// Scanners for the markup the pre-pass recognises on one line (private header of the notes
// stage): fences, headings, rules, Liquid tags, HTML tags, opt-out comments, titles. Each takes a
// line (or its trimmed text) and looks at nothing else; all are linear in the line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace recall::notes {

// The level of an ATX heading (`#` to `######` then a space or the end), or 0; `t` trimmed.
int atx_level(std::string_view t);

// A thematic break (`---`, `* * *`, `___`) or a setext underline (`===`); `t` trimmed.
bool is_rule(std::string_view t);

// `t` (trimmed on the left) opens a code fence; sets its character and length.
bool opens_fence(std::string_view t, char& fence_char, std::size_t& fence_len);

// `line` closes the fence opened with `fence_len` times `fence_char`.
bool closes_fence(std::string_view line, char fence_char, std::size_t fence_len);

enum class Marker { none, ignore, off, on };

// A `<!-- recall:ignore|off|on -->` comment on the line (case and spaces free); `begin` and `end`
// are its bytes.
Marker recall_marker(std::string_view line, std::size_t& begin, std::size_t& end);

// `at` moved past spaces and tabs.
std::size_t skip_blanks(std::string_view s, std::size_t at);

// A Liquid tag `{% name ... %}` or output `{{ ... }}` starting at s[at]; `end` is set past it and
// `name` to the tag's name (empty for output). A space or `-` after the opening braces is
// required, so that LaTeX such as `\frac{{a}}{b}` is never taken for Liquid.
bool liquid_at(std::string_view s, std::size_t at, std::size_t& end, std::string_view& name);

// Nothing but Liquid tags and whitespace, at least one tag; `t` trimmed.
bool only_liquid(std::string_view t);

// `<br>`, `<br/>` or `<br />`, once or more, and nothing else; `t` trimmed.
bool is_break_line(std::string_view t);

// `t` starts with the HTML tag `name` (`<details`, `</summary`): then `>`, a space or the end.
bool starts_tag(std::string_view t, std::string_view name);

// Text with HTML tags removed and runs of whitespace folded to one space, trimmed.
std::string plain_summary(std::string_view s);

// After an opening run of `*`: a later `*` right after a non-space can close emphasis, which
// makes the run emphasis (`**bold** rest`) rather than an org depth marker (`*research(...)`).
bool emphasis_closes(std::string_view after);

// `t` ends with `:` or a full-width `：`.
bool ends_with_colon(std::string_view t);

// Whether `t` (trimmed) could be a section title: short (60 code points, 10 words), one phrase,
// not a sentence (no `. `, no final `.` `,` `;` `!` `?` `~` or Korean sentence ending such as
// `~다`, `~요`, `~함`), not a field or Q/A line (a `:` anywhere but at the end, `Q:`/`A:`), not a
// `::` definition or a URL, not markup (`#`, `>`, `|`, `<`, `[`, `(`, `!`, `$`, ...).
bool is_title_like(std::string_view t);

}  // namespace recall::notes
