// An LD_PRELOAD shim that makes readdir() report no file types, as some network and FUSE file
// systems and old XFS do: every entry comes back with d_type = DT_UNKNOWN, so that the end-to-end
// test of tests/cli/test_no_dtype.cpp runs recall's fstatat() fallback (src/notes/scan.cpp) on a
// file system that gives types. When RECALL_NO_DTYPE_LOG names a file, each entry it changed is
// appended to it as `name<TAB>type readdir gave`, which tells the test the shim was loaded and
// hid real types.
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void log_entry(const char* name, unsigned char type) {
  const char* log = getenv("RECALL_NO_DTYPE_LOG");
  if (log == NULL || *log == '\0') return;
  char line[512];
  const int n = snprintf(line, sizeof line, "%s\t%u\n", name, (unsigned)type);
  if (n <= 0 || (size_t)n >= sizeof line) return;
  // One write per line with O_APPEND: lines from threads or processes do not interleave.
  const int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  if (write(fd, line, (size_t)n) < 0) {
    // Nothing to do: a missing line makes the test fail, which is what it should do.
  }
  close(fd);
}

static struct dirent* (*next_readdir)(DIR*);
static struct dirent64* (*next_readdir64)(DIR*);

// The C library's definitions, found before main() runs (no lazy lookup racing between threads).
__attribute__((constructor)) static void find_next(void) {
  void* symbol = dlsym(RTLD_NEXT, "readdir");
  memcpy(&next_readdir, &symbol, sizeof symbol);  // ISO C has no cast to a function pointer
  symbol = dlsym(RTLD_NEXT, "readdir64");
  memcpy(&next_readdir64, &symbol, sizeof symbol);
  if (next_readdir == NULL || next_readdir64 == NULL) {
    fputs("no_dtype: readdir or readdir64 not found\n", stderr);
    abort();
  }
}

struct dirent* readdir(DIR* dir) {
  struct dirent* entry = next_readdir(dir);
  if (entry != NULL) {
    log_entry(entry->d_name, entry->d_type);
    entry->d_type = DT_UNKNOWN;
  }
  return entry;
}

struct dirent64* readdir64(DIR* dir) {
  struct dirent64* entry = next_readdir64(dir);
  if (entry != NULL) {
    log_entry(entry->d_name, entry->d_type);
    entry->d_type = DT_UNKNOWN;
  }
  return entry;
}
