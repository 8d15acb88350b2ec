// recall completion SHELL: a completion script for bash, zsh or fish, generated from the CLI11
// definitions of every command, so that it never drifts from the options recall accepts.
#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "completion_scripts.hpp"
#include "recall/core/error.hpp"

namespace recall::cli {

struct CompletionOptions {
  std::string shell;
};

namespace {

using completion::clean;
using completion::Flag;
using completion::Subcommand;

// The values an IsMember check allows, read from its description "{a,b,c}".
std::vector<std::string> choices_of(CLI::Option& option) {
  for (int i = 0;; ++i) {
    CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return {};
    }
    const std::string text = validator->get_description();
    if (text.size() < 2 || text.front() != '{' || text.back() != '}') continue;
    std::vector<std::string> out;
    std::stringstream items(text.substr(1, text.size() - 2));
    for (std::string item; std::getline(items, item, ',');) out.push_back(item);
    return out;
  }
}

std::vector<Flag> flags_of(CLI::App& app, bool& positional, std::vector<std::string>& choices) {
  std::vector<Flag> flags;
  for (CLI::Option* option : app.get_options()) {
    if (option->get_lnames().empty()) {
      if (option->get_snames().empty()) {
        positional = true;
        choices = choices_of(*option);
      }
      continue;
    }
    for (const std::string& name : option->get_lnames()) {
      flags.push_back({"--" + name, clean(option->get_description()),
                       option->get_expected_max() > 0 && option->get_type_size() > 0,
                       choices_of(*option)});
    }
  }
  return flags;
}

int run_completion(const CompletionOptions& options, CLI::App& root_app) {
  Subcommand root;
  root.flags = flags_of(root_app, root.positional, root.positional_choices);
  std::vector<Subcommand> subs;
  for (CLI::App* app : root_app.get_subcommands([](CLI::App*) { return true; })) {
    Subcommand s;
    s.name = app->get_name();
    s.description = clean(app->get_description());
    s.flags = flags_of(*app, s.positional, s.positional_choices);
    subs.push_back(std::move(s));
  }
  completion::write_script(std::cout, options.shell, root, subs);
  return kExitOk;
}

}  // namespace

Command setup_completion(CLI::App& parent) {
  auto options = std::make_shared<CompletionOptions>();
  CLI::App* app = parent.add_subcommand(
      "completion", "Print a completion script for bash, zsh or fish, from recall's own options");
  app->add_option("shell", options->shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  app->footer(
      "Installed with recall in the shells' standard folders. By hand: "
      "`source <(recall completion bash)`, `recall completion zsh > ~/.zfunc/_recall`, "
      "`recall completion fish > ~/.config/fish/completions/recall.fish`.");
  return {app, [options, &parent](const Context&) { return run_completion(*options, parent); }};
}

}  // namespace recall::cli
