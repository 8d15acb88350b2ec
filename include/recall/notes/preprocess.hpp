// The pre-pass of the outline: notes as people write them (Jekyll posts, `<details>` review notes,
// org-style `**` plans, `•` plain-text exports), rewritten line by line into the CommonMark that
// says the same thing, so that cmark-gfm builds the tree the author meant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "recall/notes/outline.hpp"

namespace recall::notes {

// A note rewritten for the markdown parser.
struct PreparedNote {
  std::string markdown;      // CommonMark with exactly as many lines as the note: line n is the
                             // note's line n rewritten (only its prefix, unless it is a tag line
                             // blanked or a heading made of a `<summary>`); empty when the front
                             // matter turns the note off
  std::vector<int> escapes;  // one per line of `markdown`: the byte offset of a `\` put in front
                             // of a line inside `$$` display math so that cmark keeps it in its
                             // paragraph, or -1; it is not part of the note's text
  std::string front_matter;  // the raw front matter between its fences, empty if none
  FrontMatter meta;          // what the front matter says
};

// Rewrites `text` (valid UTF-8, LF line ends) for cmark-gfm, keeping every line where it is:
// - front matter (read_front_matter) becomes blank lines; `recall: false` stops here;
// - Liquid: the lines of `{% highlight %}` ... `{% endhighlight %}` are parsed as notes, not code;
//   other `{% %}` and `{{ }}` tags and `<br/>` lines are dropped;
// - `<details><summary>S</summary> ... </details>`: the summary becomes a heading one level below
//   the heading above it, the tag lines become blank and the body is de-indented as a whole;
// - `*`/`**`/`***` org depth markers and `•` `◦` `▪` `→` (and similar) bullets become nested `-`
//   items, by depth or by indentation; in plain-text exports (no markdown headings, bullets or
//   fences, but such bullets or indented text) indentation never makes code;
// - a short title-like line on its own (`October week3`, `Diffusion chapter 1:`, `11일차`) that
//   is followed by a list, or in a plain-text export by anything, becomes a heading one level
//   below the heading above it;
// - lines inside `$$` display math are escaped so that the math stays one paragraph;
// - `<!-- recall:ignore -->` on a line of its own drops the next block: a heading, a code fence,
//   or the lines up to the next blank line (a list item goes with all its children, even across
//   blank lines); at the end of a line it drops the block that line starts (an item: just it and
//   its children); `<!-- recall:off -->` ... `<!-- recall:on -->` drops a region.
// Code fences are copied as they are. Linear in the size of `text`; never throws on any content.
PreparedNote prepare_note(std::string_view text);

// prepare_note(text).markdown; the front matter's meaning goes to `meta`.
std::string to_markdown(std::string_view text, FrontMatter& meta);

}  // namespace recall::notes
