#include "recall/cli/cli.hpp"

int main(int argc, char** argv) { return recall::cli::run(argc, argv); }
