// The command line of `recall`.
#pragma once

namespace recall::cli {

// Parses the arguments, runs one command and returns the process exit code (see ExitCode).
// Never throws: every error is printed as `recall: error: ...` on stderr.
int run(int argc, char** argv);

}  // namespace recall::cli
