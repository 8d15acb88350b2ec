// Anki's "Notes in Plain Text" (https://docs.ankiweb.net/importing/text-files.html).
#include "recall/interop/anki_text.hpp"

#include "recall/core/html.hpp"

namespace recall::interop {

std::string anki_deck(const std::string& deck) {
  if (deck.empty()) return "Default";
  std::string out;
  for (const char c : deck) {
    if (c == '/') {
      out += "::";
    } else {
      out += c;
    }
  }
  return out;
}

std::string anki_tag(const std::string& tag) {
  std::string out = tag;
  for (char& c : out) {
    if (c == ' ' || c == '\t' || c == '\n') c = '_';
  }
  return out;
}

std::string html_field(const std::string& text) {
  std::string out;
  for (const char c : core::html_escape(text)) {
    if (c == '\n') {
      out += "<br>";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

namespace {

std::string csv_field(const std::string& field, char separator) {
  if (field.find_first_of(std::string{separator, '"', '\n'}) == std::string::npos) return field;
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string notes_in_plain_text(const std::vector<store::Card>& cards, char separator) {
  std::string out = std::string("#separator:") + (separator == '\t' ? "tab" : "comma") + "\n" +
                    "#html:true\n#notetype:Basic\n#deck column:3\n#tags column:4\n";
  for (const store::Card& card : cards) {
    std::string tags;
    for (const auto& tag : card.tags) {
      if (!tags.empty()) tags += ' ';
      tags += anki_tag(tag);
    }
    out += csv_field(html_field(card.question), separator) + separator +
           csv_field(html_field(card.answer), separator) + separator +
           csv_field(anki_deck(card.deck), separator) + separator + csv_field(tags, separator) +
           "\n";
  }
  return out;
}

}  // namespace recall::interop
