// Retention by group (deck, note file, or section) for `recall stats`. Over the whole log, by
// deck or section, the totals kept per section answer (from_section_totals). Otherwise the
// per-card figures are summed in memory, by card id, from the per-card totals (or from the log's
// rows since a day), then the cards are read once and added to their group. A join and a GROUP BY
// in SQL would sort a million rows instead (docs/stats.md, "How it stays fast").
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "impl.hpp"
#include "recall/core/clock.hpp"
#include "recall/store/stats_queries.hpp"

namespace recall::store {

namespace {

// Scheduled reviews and passes, by card id.
struct Tally {
  int scheduled = 0;
  int passed = 0;
};
using CardTallies = std::vector<Tally>;

void add(CardTallies& tallies, std::int64_t id, int scheduled, int passed) {
  if (id < 0) return;
  const auto index = static_cast<std::size_t>(id);
  if (index >= tallies.size()) tallies.resize(std::max(index + 1, tallies.size() * 2));
  tallies[index].scheduled += scheduled;
  tallies[index].passed += passed;
}

// The card's tally, or null when it has no scheduled review counted.
const Tally* tally_of(const CardTallies& tallies, std::int64_t id) {
  if (id < 0 || static_cast<std::size_t>(id) >= tallies.size()) return nullptr;
  const Tally& t = tallies[static_cast<std::size_t>(id)];
  return t.scheduled > 0 ? &t : nullptr;
}

// The whole log from the per-card totals; from `since` on, the log's rows of those days (the
// range of reviews_day), summed here rather than grouped by card in SQL.
CardTallies read_tallies(SQLite::Database& db, std::optional<std::chrono::sys_days> since) {
  CardTallies tallies;
  if (!since) {
    SQLite::Statement totals(
        db, "SELECT card_id, scheduled, passed FROM card_review_totals WHERE scheduled > 0");
    while (totals.executeStep()) {
      add(tallies, totals.getColumn(0).getInt64(), totals.getColumn(1).getInt(),
          totals.getColumn(2).getInt());
    }
    return tallies;
  }
  SQLite::Statement log(db,
                        "SELECT card_id, grade >= 3 FROM reviews WHERE review_day >= :since AND "
                        "kind = 'scheduled'");
  log.bind(":since", core::format_date(*since));
  while (log.executeStep()) add(tallies, log.getColumn(0).getInt64(), 1, log.getColumn(1).getInt());
  return tallies;
}

void count(GroupRetention& group, const Tally& tally) {
  group.cards += 1;
  group.reviews += tally.scheduled;
  group.passed += tally.passed;
}

std::vector<GroupRetention> values(std::map<std::string, GroupRetention>& groups) {
  std::vector<GroupRetention> out;
  out.reserve(groups.size());
  for (auto& [key, group] : groups) out.push_back(std::move(group));
  return out;
}

// Note ids to paths.
std::unordered_map<std::int64_t, std::string> note_paths(SQLite::Database& db) {
  std::unordered_map<std::int64_t, std::string> paths;
  SQLite::Statement notes(db, "SELECT id, path FROM notes");
  while (notes.executeStep()) paths[notes.getColumn(0).getInt64()] = notes.getColumn(1).getString();
  return paths;
}

// By deck: cards_deck covers the deck and the card id, so this reads no card row.
std::vector<GroupRetention> by_deck(SQLite::Database& db, const CardFilter& filter,
                                    const CardTallies& tallies) {
  SQLite::Statement cards(
      db, "SELECT c.deck, c.id FROM cards c INDEXED BY cards_deck WHERE 1" + deck_filter(filter));
  bind_filter(cards, filter);
  std::map<std::string, GroupRetention> groups;
  GroupRetention* current = nullptr;
  std::string current_key;
  while (cards.executeStep()) {
    const Tally* tally = tally_of(tallies, cards.getColumn(1).getInt64());
    if (!tally) continue;
    const char* deck = cards.getColumn(0).getText();
    if (!current || current_key != deck) {
      current_key = deck;
      current = &groups[current_key];
      current->deck = current_key;
    }
    count(*current, *tally);
  }
  return values(groups);
}

// By note file: the notes' cards in the order of the UNIQUE (note_id, match_key) index, which
// covers both columns; cards of deleted notes (note_id NULL, first in that index) by source.
std::vector<GroupRetention> by_file(SQLite::Database& db, const CardFilter& filter,
                                    const CardTallies& tallies) {
  auto paths = note_paths(db);
  std::map<std::string, GroupRetention> groups;
  GroupRetention* current = nullptr;
  std::int64_t current_note = -1;
  SQLite::Statement cards(db, "SELECT c.note_id, c.id FROM cards c WHERE c.note_id IS NOT NULL" +
                                  deck_filter(filter) + " ORDER BY c.note_id");
  bind_filter(cards, filter);
  while (cards.executeStep()) {
    const Tally* tally = tally_of(tallies, cards.getColumn(1).getInt64());
    if (!tally) continue;
    const std::int64_t note = cards.getColumn(0).getInt64();
    if (!current || note != current_note) {
      current_note = note;
      current = &groups[std::to_string(note)];
      current->path = paths[note];
    }
    count(*current, *tally);
  }
  SQLite::Statement deck_of(db, "SELECT deck FROM cards WHERE note_id = :note LIMIT 1");
  for (auto& [note, group] : groups) {
    deck_of.bind(":note", static_cast<std::int64_t>(std::stoll(note)));
    if (deck_of.executeStep()) group.deck = deck_of.getColumn(0).getString();
    deck_of.reset();
  }
  auto out = values(groups);
  std::map<std::string, GroupRetention> orphans;  // by source; deck: the least of its cards'
  SQLite::Statement gone(db, "SELECT c.source, c.id, c.deck FROM cards c WHERE c.note_id IS NULL" +
                                 deck_filter(filter));
  bind_filter(gone, filter);
  while (gone.executeStep()) {
    const Tally* tally = tally_of(tallies, gone.getColumn(1).getInt64());
    if (!tally) continue;
    auto [it, fresh] = orphans.try_emplace(gone.getColumn(0).getString());
    const std::string deck = gone.getColumn(2).getString();
    if (fresh || deck < it->second.deck) it->second.deck = deck;
    it->second.path = it->first;
    count(it->second, *tally);
  }
  for (auto& group : values(orphans)) out.push_back(std::move(group));
  return out;
}

// The groups of a reading by section, keyed by deck, path and the headings' JSON, NUL-separated
// (none of them holds a NUL), each made on first use; the card-by-card reading and the one from
// kept totals key them alike, so a gone note's cards and a stored note's of the same file meet.
struct SectionGroups {
  std::map<std::string, GroupRetention> groups;
  std::string key;

  GroupRetention& of(std::string_view deck, std::string_view path, std::string_view context) {
    key.assign(deck);
    key += '\0';
    key += path;
    key += '\0';
    key += context;
    auto [it, fresh] = groups.try_emplace(key);
    if (fresh) {
      it->second.deck = deck;
      it->second.path = path;
      it->second.context = context_from_json(std::string(context));
    }
    return it->second;
  }
};

// By section (deck, file, headings). cards_deck (deck, note_id, context) covers every column
// needed for the cards of stored notes, in an order where a section's cards follow each other:
// a row whose deck, note and headings are those of the row before goes to the same group,
// compared in SQLite's own buffers, and only a change builds the group's key and looks it up.
// The cards of notes that are gone (note_id NULL, named by their source) are read from their
// rows, through the front of the (note_id, match_key) index.
std::vector<GroupRetention> by_section(SQLite::Database& db, const CardFilter& filter,
                                       const CardTallies& tallies) {
  const auto paths = note_paths(db);
  SectionGroups groups;
  struct Run {
    GroupRetention* group = nullptr;
    std::string deck;
    std::int64_t note = 0;
    std::string context;
  } run;
  SQLite::Statement cards(db,
                          "SELECT c.id, c.deck, c.note_id, c.context FROM cards c INDEXED BY "
                          "cards_deck WHERE c.note_id IS NOT NULL" +
                              deck_filter(filter));
  bind_filter(cards, filter);
  auto text = [](const SQLite::Column& value) {
    const char* data = value.getText();
    return std::string_view(data, static_cast<std::size_t>(value.getBytes()));
  };
  while (cards.executeStep()) {
    const Tally* tally = tally_of(tallies, cards.getColumn(0).getInt64());
    if (!tally) continue;
    const std::string_view deck = text(cards.getColumn(1));
    const std::int64_t note = cards.getColumn(2).getInt64();
    const std::string_view context = text(cards.getColumn(3));
    if (!run.group || note != run.note || deck != run.deck || context != run.context) {
      run.deck = deck;
      run.note = note;
      run.context = context;
      const auto path = paths.find(note);
      run.group = &groups.of(deck, path == paths.end() ? std::string_view() : path->second, context);
    }
    count(*run.group, *tally);
  }
  SQLite::Statement gone(db,
                         "SELECT c.id, c.deck, c.source, c.context FROM cards c WHERE c.note_id "
                         "IS NULL" +
                             deck_filter(filter));
  bind_filter(gone, filter);
  while (gone.executeStep()) {
    const Tally* tally = tally_of(tallies, gone.getColumn(0).getInt64());
    if (!tally) continue;
    count(groups.of(text(gone.getColumn(1)), text(gone.getColumn(2)), text(gone.getColumn(3))),
          *tally);
  }
  return values(groups.groups);
}

// The whole log by section or by deck, from the totals that triggers keep per section
// (section_review_totals, schema 12): a row per deck, note and headings, or per deck, source and
// headings for the cards of a gone note, summed here into the groups the card-by-card reading
// above makes (a gone note's source may name a stored note's file: one group, as there).
std::vector<GroupRetention> from_section_totals(SQLite::Database& db, const CardFilter& filter,
                                                GroupBy by) {
  std::map<std::string, GroupRetention> groups;
  if (by == GroupBy::deck) {
    SQLite::Statement rows(db,
                           "SELECT c.deck, sum(c.cards), sum(c.reviews), sum(c.passed) FROM "
                           "section_review_totals c WHERE c.cards > 0" +
                               deck_filter(filter) + " GROUP BY c.deck");
    bind_filter(rows, filter);
    while (rows.executeStep()) {
      GroupRetention& group = groups[rows.getColumn(0).getString()];
      group.deck = rows.getColumn(0).getString();
      group.cards = rows.getColumn(1).getInt();
      group.reviews = rows.getColumn(2).getInt();
      group.passed = rows.getColumn(3).getInt();
    }
    return values(groups);
  }
  const auto paths = note_paths(db);
  SQLite::Statement rows(db,
                         "SELECT c.deck, c.note_id, c.source, c.context, c.cards, c.reviews, "
                         "c.passed FROM section_review_totals c WHERE c.cards > 0" +
                             deck_filter(filter));
  bind_filter(rows, filter);
  SectionGroups sections;
  while (rows.executeStep()) {
    const std::string deck = rows.getColumn(0).getString();
    const std::int64_t note = rows.getColumn(1).getInt64();
    std::string path;
    if (note == 0) {
      path = rows.getColumn(2).getString();
    } else if (const auto it = paths.find(note); it != paths.end()) {
      path = it->second;
    }
    GroupRetention& group = sections.of(deck, path, rows.getColumn(3).getString());
    group.cards += rows.getColumn(4).getInt();
    group.reviews += rows.getColumn(5).getInt();
    group.passed += rows.getColumn(6).getInt();
  }
  return values(sections.groups);
}

// One deck from a day on: the deck's cards' rows of the log through reviews_card, grouped in
// SQL (a few thousand cards; reading every review since the day would cost more).
std::vector<GroupRetention> deck_since_in_sql(SQLite::Database& db, const CardFilter& filter,
                                              GroupBy by, std::chrono::sys_days since) {
  std::string keys;
  switch (by) {
    case GroupBy::deck:
      keys = "c.deck, '', '[]'";
      break;
    case GroupBy::file:
      keys = "min(c.deck), coalesce(n.path, c.source), '[]'";
      break;
    case GroupBy::section:
      keys = "c.deck, coalesce(n.path, c.source), c.context";
      break;
  }
  const std::string group = by == GroupBy::deck   ? "c.deck"
                            : by == GroupBy::file ? "coalesce(n.path, c.source)"
                                                  : "c.deck, coalesce(n.path, c.source), c.context";
  const std::string totals =
      "(SELECT r.card_id, count(*) AS scheduled, sum(r.grade >= 3) AS passed FROM cards c "
      "INDEXED BY cards_deck CROSS JOIN reviews r ON r.card_id = c.id WHERE r.kind = "
      "'scheduled' AND r.review_day >= :since" +
      deck_filter(filter) + " GROUP BY r.card_id)";
  SQLite::Statement query(db, "SELECT " + keys +
                                  ", count(*), sum(t.scheduled), sum(t.passed) FROM " + totals +
                                  " t JOIN cards c ON c.id = t.card_id LEFT JOIN notes n "
                                  "ON n.id = c.note_id WHERE t.scheduled > 0" +
                                  deck_filter(filter) + " GROUP BY " + group);
  bind_filter(query, filter);
  query.bind(":since", core::format_date(since));
  std::vector<GroupRetention> out;
  while (query.executeStep()) {
    GroupRetention g;
    g.deck = query.getColumn(0).getString();
    g.path = query.getColumn(1).getString();
    g.context = context_from_json(query.getColumn(2).getString());
    g.cards = query.getColumn(3).getInt();
    g.reviews = query.getColumn(4).getInt();
    g.passed = query.getColumn(5).getInt();
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

std::vector<GroupRetention> group_retention(SQLite::Database& db, const CardFilter& filter,
                                            GroupBy by,
                                            std::optional<std::chrono::sys_days> since) {
  if (since && !filter.deck.empty()) return deck_since_in_sql(db, filter, by, *since);
  if (!since && by != GroupBy::file) return from_section_totals(db, filter, by);
  const CardTallies tallies = read_tallies(db, since);
  switch (by) {
    case GroupBy::deck:
      return by_deck(db, filter, tallies);
    case GroupBy::file:
      return by_file(db, filter, tallies);
    case GroupBy::section:
      break;
  }
  return by_section(db, filter, tallies);
}

}  // namespace recall::store
