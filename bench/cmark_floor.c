/* The parsing floor for the import benchmarks: reads each file named on the command line (or
 * listed, one per line, in the file after `-l`) and parses it with cmark-gfm and the extensions
 * recall attaches (table, strikethrough, autolink, tasklist), then frees the tree. Prints nothing.
 * Built by the bench scripts: cc -O2 bench/cmark_floor.c -lcmark-gfm-extensions -lcmark-gfm */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void parse_file(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) return;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)size + 1);
  size_t got = fread(text, 1, (size_t)size, f);
  fclose(f);
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS);
  const char* names[] = {"table", "strikethrough", "autolink", "tasklist"};
  for (int i = 0; i < 4; ++i) {
    cmark_syntax_extension* e = cmark_find_syntax_extension(names[i]);
    if (e) cmark_parser_attach_syntax_extension(parser, e);
  }
  cmark_parser_feed(parser, text, got);
  cmark_node* doc = cmark_parser_finish(parser);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  free(text);
}

int main(int argc, char** argv) {
  cmark_gfm_core_extensions_ensure_registered();
  for (int i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
      FILE* list = fopen(argv[++i], "r");
      char line[4096];
      while (list && fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0]) parse_file(line);
      }
      if (list) fclose(list);
    } else {
      parse_file(argv[i]);
    }
  }
  return 0;
}
