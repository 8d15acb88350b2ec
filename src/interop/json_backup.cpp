// recall's JSON backup format, version 1.
#include "recall/interop/json_backup.hpp"

#include <nlohmann/json.hpp>

#include "recall/core/error.hpp"

namespace recall::interop {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFormat = "recall-backup";
constexpr int kVersion = 1;

template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json note_json(const store::BackupNote& n) {
  return Json{{"path", n.path},
              {"source", n.source},
              {"content_hash", n.content_hash},
              {"imported_at", n.imported_at},
              {"size", n.size},
              {"mtime_ns", n.mtime_ns},
              {"extract_salt", n.extract_salt}};
}

Json review_json(const store::ReviewRow& r) {
  return Json{{"reviewed_at", r.reviewed_at},
              {"review_day", r.review_day},
              {"grade", r.grade},
              {"kind", r.kind},
              {"state_before", r.state_before},
              {"state_after", r.state_after},
              {"repetitions_before", r.repetitions_before},
              {"repetitions_after", r.repetitions_after},
              {"interval_before", r.interval_before},
              {"interval_after", r.interval_after},
              {"ef_before", r.ef_before},
              {"ef_after", r.ef_after},
              {"due_after", optional_json(r.due_after)},
              {"answer_ms", r.answer_ms}};
}

Json card_json(const store::BackupCard& c) {
  Json reviews = Json::array();
  for (const auto& r : c.reviews) reviews.push_back(review_json(r));
  return Json{{"key", c.key},
              {"note", optional_json(c.note)},
              {"match_key", c.match_key},
              {"deck", c.deck},
              {"question", c.question},
              {"answer", c.answer},
              {"kind", c.kind},
              {"rule", c.rule},
              {"confidence", c.confidence},
              {"source", c.source},
              {"line", c.line},
              {"ord", c.ord},
              {"context", c.context},
              {"tags", c.tags},
              {"state", c.state},
              {"repetitions", c.repetitions},
              {"interval_days", c.interval_days},
              {"ef_centi", c.ef_centi},
              {"lapses", c.lapses},
              {"due", optional_json(c.due)},
              {"created_at", c.created_at},
              {"updated_at", c.updated_at},
              {"buried_until", optional_json(c.buried_until)},
              {"leech", c.leech},
              {"reviews", reviews}};
}

// Reads fields of one JSON object, naming the object in every error.
class Fields {
 public:
  Fields(const Json& object, std::string where, const std::string& file)
      : m_object(object), m_where(std::move(where)), m_file(file) {
    if (!m_object.is_object()) fail("is not a JSON object");
  }

  template <typename T>
  T get(const char* name) const {
    const auto it = m_object.find(name);
    if (it == m_object.end()) fail(std::string("has no '") + name + "'");
    try {
      return it->template get<T>();
    } catch (const nlohmann::json::exception&) {
      fail(std::string("has a '") + name + "' of the wrong type (" + it->type_name() + ")");
    }
  }

  template <typename T>
  std::optional<T> get_optional(const char* name) const {
    const auto it = m_object.find(name);
    if (it == m_object.end() || it->is_null()) return std::nullopt;
    return get<T>(name);
  }

  const Json& array(const char* name) const {
    const auto it = m_object.find(name);
    if (it == m_object.end() || !it->is_array()) fail(std::string("has no '") + name + "' list");
    return *it;
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(m_where + " " + what, m_file);
  }

 private:
  const Json& m_object;
  std::string m_where;
  const std::string& m_file;
};

store::ReviewRow review_from(const Json& j, const std::string& where, const std::string& file) {
  const Fields f(j, where, file);
  store::ReviewRow r;
  r.reviewed_at = f.get<std::string>("reviewed_at");
  r.review_day = f.get<std::string>("review_day");
  r.grade = f.get<int>("grade");
  r.kind = f.get<std::string>("kind");
  r.state_before = f.get<std::string>("state_before");
  r.state_after = f.get<std::string>("state_after");
  r.repetitions_before = f.get<int>("repetitions_before");
  r.repetitions_after = f.get<int>("repetitions_after");
  r.interval_before = f.get<int>("interval_before");
  r.interval_after = f.get<int>("interval_after");
  r.ef_before = f.get<int>("ef_before");
  r.ef_after = f.get<int>("ef_after");
  r.due_after = f.get_optional<std::string>("due_after");
  r.answer_ms = f.get<std::int64_t>("answer_ms");
  return r;
}

store::BackupCard card_from(const Json& j, std::size_t index, const std::string& file) {
  const std::string where = "card " + std::to_string(index + 1) +
                            (j.is_object() && j.contains("key") && j["key"].is_string()
                                 ? " (" + j["key"].get<std::string>() + ")"
                                 : std::string());
  const Fields f(j, where, file);
  store::BackupCard c;
  c.key = f.get<std::string>("key");
  c.note = f.get_optional<std::string>("note");
  c.match_key = f.get<std::string>("match_key");
  c.deck = f.get<std::string>("deck");
  c.question = f.get<std::string>("question");
  c.answer = f.get<std::string>("answer");
  c.kind = f.get<std::string>("kind");
  c.rule = f.get<std::string>("rule");
  c.confidence = f.get<double>("confidence");
  c.source = f.get<std::string>("source");
  c.line = f.get<int>("line");
  c.ord = f.get<int>("ord");
  c.context = f.get<std::vector<std::string>>("context");
  c.tags = f.get<std::vector<std::string>>("tags");
  c.state = f.get<std::string>("state");
  c.repetitions = f.get<int>("repetitions");
  c.interval_days = f.get<int>("interval_days");
  c.ef_centi = f.get<int>("ef_centi");
  c.lapses = f.get<int>("lapses");
  c.due = f.get_optional<std::string>("due");
  c.created_at = f.get<std::string>("created_at");
  c.updated_at = f.get<std::string>("updated_at");
  c.buried_until = f.get_optional<std::string>("buried_until");
  c.leech = f.get<bool>("leech");
  const Json& reviews = f.array("reviews");
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    c.reviews.push_back(review_from(reviews[i], where + " review " + std::to_string(i + 1), file));
  }
  return c;
}

}  // namespace

std::string backup_to_json(const store::Backup& backup) {
  Json notes = Json::array();
  for (const auto& n : backup.notes) notes.push_back(note_json(n));
  Json cards = Json::array();
  for (const auto& c : backup.cards) cards.push_back(card_json(c));
  Json limits = Json::array();
  for (const auto& l : backup.deck_limits) {
    limits.push_back(Json{{"deck", l.deck},
                          {"new_per_day", optional_json(l.new_per_day)},
                          {"reviews_per_day", optional_json(l.reviews_per_day)}});
  }
  Json roots = Json::array();
  for (const auto& r : backup.roots)
    roots.push_back(Json{{"path", r.path}, {"added_at", r.added_at}});
  const Json document{{"format", kFormat}, {"version", kVersion}, {"schema", backup.schema_version},
                      {"notes", notes},    {"cards", cards},      {"deck_limits", limits},
                      {"roots", roots}};
  return document.dump(2) + "\n";
}

store::Backup backup_from_json(std::string_view text, const std::string& where) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(std::string("not JSON: ") + e.what(), where);
  }
  const Fields top(document, "the backup", where);
  if (!document.contains("format") || document["format"] != kFormat) {
    throw Error("not a recall backup (no \"format\": \"recall-backup\")", where);
  }
  const int version = top.get<int>("version");
  if (version > kVersion) {
    throw Error("backup format version " + std::to_string(version) +
                    " is newer than this recall reads (" + std::to_string(kVersion) +
                    "); upgrade recall",
                where);
  }
  store::Backup backup;
  backup.schema_version = top.get<int>("schema");
  const Json& notes = top.array("notes");
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const Fields f(notes[i], "note " + std::to_string(i + 1), where);
    store::BackupNote n;
    n.path = f.get<std::string>("path");
    n.source = f.get<std::string>("source");
    n.content_hash = f.get<std::string>("content_hash");
    n.imported_at = f.get<std::string>("imported_at");
    n.size = f.get<std::int64_t>("size");
    n.mtime_ns = f.get<std::int64_t>("mtime_ns");
    n.extract_salt = f.get<std::string>("extract_salt");
    backup.notes.push_back(std::move(n));
  }
  const Json& cards = top.array("cards");
  for (std::size_t i = 0; i < cards.size(); ++i)
    backup.cards.push_back(card_from(cards[i], i, where));
  const Json& limits = top.array("deck_limits");
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const Fields f(limits[i], "deck limit " + std::to_string(i + 1), where);
    backup.deck_limits.push_back({f.get<std::string>("deck"), f.get_optional<int>("new_per_day"),
                                  f.get_optional<int>("reviews_per_day")});
  }
  // Backups written before note roots existed have none.
  if (document.contains("roots")) {
    const Json& roots = top.array("roots");
    for (std::size_t i = 0; i < roots.size(); ++i) {
      const Fields f(roots[i], "root " + std::to_string(i + 1), where);
      backup.roots.push_back({f.get<std::string>("path"), f.get<std::string>("added_at")});
    }
  }
  return backup;
}

}  // namespace recall::interop
