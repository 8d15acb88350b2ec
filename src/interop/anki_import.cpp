// Anki in: plain-text exports, notes written from cards, and schedules (docs/scheduling.md).
// Packages are read in anki_package.cpp, Anki's HTML in anki_html.cpp.
#include "recall/interop/anki_import.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "anki_fields.hpp"
#include "recall/core/clock.hpp"
#include "recall/core/error.hpp"
#include "recall/extract/text.hpp"

namespace recall::interop {

namespace fs = std::filesystem;

int grade_of_anki_ease(int ease) {
  switch (ease) {
    case 1:
      return 1;
    case 2:
      return 3;
    case 3:
      return 4;
    default:
      return 5;
  }
}

std::vector<std::string> split_anki_tags(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  std::string tag;
  while (in >> tag) out.push_back(tag);
  return out;
}

namespace {

// One record of a delimited file, fields quoted as CSV does (a quoted field may hold newlines).
bool read_record(std::istream& in, char separator, std::vector<std::string>& fields, int& line) {
  fields.clear();
  std::string field;
  bool quoted = false, any = false;
  char c = 0;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          in.get(c);
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == separator) {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!any) return false;
  fields.push_back(std::move(field));
  return true;
}

}  // namespace
AnkiCollection read_anki_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("cannot read the file", file.string());
  AnkiCollection out;
  out.created = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  char separator = '\t';
  bool html = true;
  int deck_column = 0, tags_column = 0;
  std::string deck = "Default";
  std::vector<std::string> all_tags;
  int line = 0;
  // Headers: `#key:value` lines before the first record.
  while (in.peek() == '#') {
    std::string header;
    std::getline(in, header);
    ++line;
    if (!header.empty() && header.back() == '\r') header.pop_back();
    const std::size_t colon = header.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = extract::ascii_lower(header.substr(1, colon - 1));
    const std::string value = header.substr(colon + 1);
    if (key == "separator") {
      static const std::map<std::string, char> kNames = {
          {"tab", '\t'}, {"comma", ','}, {"semicolon", ';'}, {"pipe", '|'}, {"space", ' '},
          {"colon", ':'}};
      const auto it = kNames.find(extract::ascii_lower(value));
      separator = it != kNames.end() ? it->second : (value.empty() ? '\t' : value[0]);
    } else if (key == "html") {
      html = extract::ascii_lower(value) == "true";
    } else if (key == "deck column") {
      deck_column = std::atoi(value.c_str());
    } else if (key == "tags column") {
      tags_column = std::atoi(value.c_str());
    } else if (key == "deck") {
      deck = value;
    } else if (key == "tags") {
      all_tags = split_anki_tags(value);
    }
  }
  int media = 0;
  std::vector<std::string> fields;
  while (true) {
    const int record_line = line + 1;
    if (!read_record(in, separator, fields, line)) break;
    if (fields.size() == 1 && fields[0].empty()) continue;
    AnkiCard card;
    card.deck = deck;
    card.tags = all_tags;
    std::vector<std::string> texts;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const int column = static_cast<int>(k) + 1;
      if (column == deck_column) {
        if (!fields[k].empty()) card.deck = fields[k];
      } else if (column == tags_column) {
        for (auto& tag : split_anki_tags(fields[k])) card.tags.push_back(tag);
      } else {
        texts.push_back(html ? html_to_markdown(fields[k], &media) : tidy_anki_lines(fields[k]));
      }
    }
    if (texts.empty() || texts[0].empty()) {
      throw Error("a note with no text", file.string() + ":" + std::to_string(record_line));
    }
    card.front = texts[0];
    card.cloze = card.front.find("{{c") != std::string::npos;
    if (!card.cloze) {
      if (texts.size() < 2 || texts[1].empty()) {
        throw Error("a note with one field: Anki's Basic notes have a front and a back",
                    file.string() + ":" + std::to_string(record_line));
      }
      card.back = texts[1];
      out.cards.push_back(card);
    } else {
      // One card per cloze number, as Anki makes them.
      std::set<int> numbers;
      for (std::size_t at = card.front.find("{{c"); at != std::string::npos;
           at = card.front.find("{{c", at + 3)) {
        numbers.insert(std::atoi(card.front.c_str() + at + 3));
      }
      for (const int n : numbers) {
        card.ord = n - 1;
        out.cards.push_back(card);
      }
    }
  }
  if (media > 0) {
    out.warnings.push_back(std::to_string(media) + " images and sounds are left out");
  }
  return out;
}

namespace {

// `A::B` as `A/B.md`, each part made a safe file name.
std::string note_path_of_deck(const std::string& deck) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = deck.find("::", start);
    std::string part = deck.substr(start, at == std::string::npos ? at : at - start);
    for (char& c : part) {
      if (c == '/' || c == '\\' || c == '\0') c = '-';
    }
    while (!part.empty() && (part.front() == '.' || part.front() == ' ')) part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (part.empty()) part = "_";
    if (!out.empty()) out += '/';
    out += part;
    if (at == std::string::npos) break;
    start = at + 2;
  }
  return out + ".md";
}

int count_lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

std::vector<WrittenCard> write_anki_notes(const AnkiCollection& collection, const fs::path& folder) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> by_file;
  for (std::size_t i = 0; i < collection.cards.size(); ++i) {
    const std::string path = note_path_of_deck(collection.cards[i].deck);
    if (!by_file.count(path)) order.push_back(path);
    by_file[path].push_back(i);
  }
  for (const auto& path : order) {
    if (fs::exists(folder / path)) {
      throw Error("already exists: import-anki writes new notes only (choose another --into)",
                  (folder / path).string());
    }
  }
  std::vector<WrittenCard> written;
  for (const auto& path : order) {
    std::set<std::string> tags;
    for (const std::size_t i : by_file[path]) {
      for (const auto& tag : collection.cards[i].tags) tags.insert(tag);
    }
    std::string text;
    if (!tags.empty()) {
      text += "---\ntags: [";
      bool first = true;
      for (const auto& tag : tags) {
        text += (first ? "" : ", ") + nlohmann::json(tag).dump();
        first = false;
      }
      text += "]\n---\n\n";
    }
    std::map<std::string, int> cloze_lines;  // a cloze note's text is written once
    for (const std::size_t i : by_file[path]) {
      const AnkiCard& card = collection.cards[i];
      if (card.cloze) {
        if (const auto it = cloze_lines.find(card.front); it != cloze_lines.end()) {
          written.push_back({path, it->second, i});
          continue;
        }
        const int line = count_lines(text) + 1;
        cloze_lines[card.front] = line;
        text += card.front + "\n\n";
        written.push_back({path, line, i});
      } else {
        const int line = count_lines(text) + 1;
        text += "Q: " + card.front + "\nA: " + card.back + "\n\n";
        written.push_back({path, line, i});
      }
    }
    const fs::path file = folder / path;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw Error("cannot write the note", file.string());
  }
  return written;
}

std::optional<store::ScheduleSeed> schedule_from_anki(const AnkiCard& card,
                                                      std::chrono::sys_days created,
                                                      int rollover_hour) {
  if (card.type == 0) return std::nullopt;
  using namespace std::chrono;
  store::ScheduleSeed seed;
  auto& s = seed.state;
  s.ef_centi = card.factor > 0 ? std::max(card.factor / 10, schedule::kMinEfCenti)
                               : schedule::kInitialEfCenti;
  s.lapses = card.lapses;
  if (card.type == 2) {
    s.state = schedule::CardState::review;
    s.repetitions = 2;
    s.interval_days = std::clamp(card.ivl, 1, schedule::kMaxIntervalDays);
    s.due = created + days(card.due);
  } else {  // learning or relearning: due is a time (epoch seconds), or a day when small
    s.state = schedule::CardState::learning;
    s.repetitions = 0;
    s.interval_days = 1;
    s.due = card.due > 1'000'000'000 ? floor<days>(sys_seconds(seconds(card.due)))
                                     : created + days(card.due);
  }
  if (card.queue == -1) s.state = schedule::CardState::suspended;

  schedule::ReviewState state;  // as the log goes
  std::optional<sys_days> last_day;
  for (const AnkiReview& r : card.revlog) {
    if (r.type == 4 || r.ease < 1 || r.ease > 4) continue;  // a manual reschedule: no answer
    store::ReviewRecord record;
    record.reviewed_at = floor<seconds>(sys_seconds(seconds(r.id_ms / 1000)));
    record.review_day = core::review_day(core::Now{record.reviewed_at, minutes(0)}, rollover_hour);
    record.grade = grade_of_anki_ease(r.ease);
    record.answer_ms = std::max<std::int64_t>(r.time_ms, 0);
    const bool first = !last_day;
    const bool same_day = last_day && *last_day == record.review_day;
    record.kind = first ? store::ReviewKind::new_card
                        : (same_day || r.type == 3 ? store::ReviewKind::drill
                                                   : store::ReviewKind::scheduled);
    record.before = state;
    schedule::ReviewState after = state;
    if (record.kind != store::ReviewKind::drill) {
      const int ef = r.factor > 0 ? std::max(r.factor / 10, schedule::kMinEfCenti) : state.ef_centi;
      if (record.grade >= 3) {
        after.state = schedule::CardState::review;
        after.repetitions = state.repetitions + 1;
        after.interval_days = std::clamp(r.ivl > 0 ? r.ivl : 1, 1, schedule::kMaxIntervalDays);
      } else {
        if (state.state == schedule::CardState::review) ++after.lapses;
        after.state = schedule::CardState::learning;
        after.repetitions = 0;
        after.interval_days = 1;
      }
      after.ef_centi = ef;
      after.due = record.review_day + days(after.interval_days);
    }
    record.after = after;
    seed.log.push_back(record);
    state = after;
    last_day = record.review_day;
  }
  return seed;
}

}  // namespace recall::interop
