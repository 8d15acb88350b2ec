#include "guidance.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "recall/core/error.hpp"

namespace recall::cli {

namespace fs = std::filesystem;

namespace {

// Optimal string alignment distance over bytes: enough for command, option and deck names.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) names.push_back(sub->get_name());
  }
  return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// The deepest subcommand the command line chose, or nullptr.
CLI::App* chosen(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->parsed()) {
      CLI::App* deeper = chosen(*sub);
      return deeper ? deeper : sub;
    }
  }
  return nullptr;
}

std::string full_name(const CLI::App* sub) {
  std::string name;
  for (; sub && sub->get_parent(); sub = sub->get_parent()) name = " " + sub->get_name() + name;
  return "recall" + name;
}

std::string quoted_list(const std::vector<std::string>& items, const std::string& prefix = {}) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + ("`" + prefix + items[i] + "`");
  }
  return text;
}

int unknown_word(CLI::App& app, const std::string& word) {
  CLI::App* sub = chosen(app);
  std::string message;
  if (word.size() > 1 && word[0] == '-') {
    const std::string bare = word.substr(0, word.find('='));
    auto names = option_names(sub ? *sub : app);
    if (sub) {
      for (auto& global : option_names(app)) names.push_back(global);
    }
    message = "unknown option `" + bare + "`" + (sub ? " for `" + full_name(sub) + "`" : "");
    const auto near = nearest(bare, names, 2);
    message += near.empty() ? "; `" + full_name(sub) + " --help` lists the options"
                            : ": did you mean " + quoted_list(near) + "?";
  } else if (!sub || sub->get_name() == "help") {
    message = "unknown command `" + word + "`";
    const auto near = nearest(word, command_names(app), 2);
    message += near.empty() ? "; `recall` alone lists the commands"
                            : ": did you mean " + quoted_list(near, "recall ") + "?";
  } else {
    message = "unexpected argument `" + word + "` for `" + full_name(sub) + "`; `" +
              full_name(sub) + " --help` lists what it takes";
  }
  std::cerr << "recall: " << message << '\n';
  return kExitUsage;
}

}  // namespace

std::vector<std::string> nearest(const std::string& word,
                                 const std::vector<std::string>& candidates, std::size_t max) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::size_t allowed = std::max<std::size_t>(2, word.size() / 3);
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (word.size() >= 3 && candidate.rfind(word, 0) == 0)
      distance = std::min<std::size_t>(distance, 1);
    if (distance <= allowed && distance < std::max(word.size(), candidate.size())) {
      scored.emplace_back(distance, candidate);
    }
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, candidate] : scored) {
    // Only the nearest: `--dek` is `--deck`, not also `--new`.
    if (out.size() == max || distance > scored.front().first) break;
    if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
  }
  return out;
}

int report_parse_error(CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == 0) {  // --help, --version
    app.exit(error);
    return kExitOk;
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    // An option word first: `review --dek x` is about --dek, not x.
    std::vector<std::string> extras = app.remaining(true);
    if (CLI::App* sub = chosen(app)) {
      const auto more = sub->remaining(true);
      extras.insert(extras.begin(), more.begin(), more.end());
    }
    auto option = std::find_if(extras.begin(), extras.end(),
                               [](const std::string& w) { return w.size() > 1 && w[0] == '-'; });
    if (option != extras.end()) return unknown_word(app, *option);
    if (!extras.empty()) return unknown_word(app, extras.front());
  }
  CLI::App* sub = chosen(app);
  std::cerr << "recall: " << error.what() << "\n`" << full_name(sub) << " --help` says more.\n";
  return kExitUsage;
}

int run_overview(const CLI::App& app, const Context& context) {
  auto& out = context.terminal->out();
  out << app.get_description() << "\n\nCommands:\n";
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) continue;
    std::string name = sub->get_name();
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    out << "  " << name << sub->get_description() << '\n';
  }
  out << "\n`recall COMMAND --help` shows a command's options; `recall --help` the global ones.\n";
  const fs::path db = context.db_path();
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    out << "Status: no collection at " << db.string()
        << " yet: `recall import NOTES` makes one from your notes.\n";
    return kExitOk;
  }
  auto store = open_store(context);
  const int due = store->count_due_unburied({}, context.today());
  const int fresh = store->count_new_unburied({}, context.today());
  out << "Status: " << due << " card" << (due == 1 ? "" : "s") << " due today, " << fresh
      << " new available; collection " << db.string() << '\n';
  return kExitOk;
}

Command setup_help(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand("help", "The commands, or one command's options");
  app->group("");         // not listed among the commands
  // `recall help review`: the words after it are the topic, not a second command.
  app->prefix_command();
  app->fallthrough(false);
  CLI::App* root = &parent;
  return {app, [app, root](const Context& context) {
            const auto words = app->remaining();
            if (words.empty()) return run_overview(*root, context);
            for (const CLI::App* sub : root->get_subcommands({})) {
              if (sub->get_name() == words.front() && !sub->get_group().empty()) {
                context.terminal->out() << sub->help();
                return static_cast<int>(kExitOk);
              }
            }
            return unknown_word(*root, words.front());
          }};
}

void require_deck(store::Store& store, const std::string& deck, bool with_limits) {
  if (deck.empty()) return;
  std::vector<std::string> decks = store.decks();
  if (with_limits) {
    for (const auto& [name, limits] : store.deck_limits()) {
      if (!name.empty()) decks.push_back(name);
    }
  }
  // Every deck and every parent of one (`ml` for `ml/diffusion`) is a deck that can be named.
  std::vector<std::string> names;
  for (const auto& name : decks) {
    for (std::size_t slash = name.find('/'); slash != std::string::npos;
         slash = name.find('/', slash + 1)) {
      names.push_back(name.substr(0, slash));
    }
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  if (std::binary_search(names.begin(), names.end(), deck)) return;
  std::string message = "no deck `" + deck + "` in the collection";
  auto near = nearest(deck, names, 3);
  if (near.empty()) {
    // Nothing close: the top-level decks, so that the name can be found.
    std::vector<std::string> top;
    for (const auto& name : names) {
      if (name.find('/') == std::string::npos) top.push_back(name);
    }
    if (top.size() > 8) top.resize(8);
    message += top.empty() ? " (it has no cards)" : "; its decks include " + quoted_list(top);
  } else {
    message += "; nearest: " + quoted_list(near);
  }
  throw Error(message, "", kExitNotFound);
}

CLI::Validator count_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool digits =
            !text.empty() && text.size() <= 10 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || std::stoll(text) > 1'000'000'000) {
          return "must be a whole number from 0 to 1000000000, got " +
                 (text.size() > 24 ? text.substr(0, 20) + "…" : text);
        }
        return {};
      },
      "COUNT");
}

std::unique_ptr<store::Store> open_existing_store(const Context& context) {
  const fs::path db = context.db_path();
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    throw Error("no collection at " + db.string() + ": run `recall import NOTES` first", "",
                kExitNotFound);
  }
  return open_store(context);
}

}  // namespace recall::cli
