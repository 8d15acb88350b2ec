// Opening a note in the user's editor from the review session.
#pragma once

#include <optional>
#include <string>

namespace recall::review {

// Runs `editor +line path` (the `editor` setting: $EDITOR, else $VISUAL, else the settings
// file's, else vi) through /bin/sh (so that an editor given with arguments,
// such as `code -w`, works) on the process's own terminal and waits for it. Returns its exit
// status, or nullopt when it could not be started or was killed by a signal. SIGINT and SIGQUIT
// keep their default effect in the editor.
std::optional<int> run_editor(const std::string& editor, const std::string& path, int line);

}  // namespace recall::review
