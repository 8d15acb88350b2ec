// The Catch2 runner of every test executable, compiled once (recall_catch_main).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
