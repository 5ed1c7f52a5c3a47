/* tests/fuzz/fuzz_parser.c: libFuzzer target for the lexer and the parser (see README.md).
 *
 * Each input is copied into a heap buffer of exactly its size, so AddressSanitizer catches a
 * read one byte past the end. It is then lexed (the --print-tokens path, into /dev/null) and
 * parsed twice, as sloppy and as strict code, each time with a fresh arena and diagnostic
 * list, freed afterwards (LeakSanitizer checks that). Besides crashes, hangs and sanitizer
 * reports, the target aborts on a broken contract:
 *  - the parser returns a tree iff it recorded no error, and records at most one error;
 *  - every diagnostic has a position inside the source (line, col >= 1, offset <= size);
 *  - a tree is no deeper than ST_AST_MAX_DEPTH and can be dumped;
 *  - every name's `user` pointer is NULL again after parsing.
 */
#include "frontend/lexer.h"
#include "frontend/parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *devnull;

static void require(bool ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "fuzz_parser: broken contract: %s\n", what);
    abort();
  }
}

static void check_diags(const StDiagList *d, size_t size) {
  require(d->errors <= 1, "more than one error recorded");
  for (size_t i = 0; i < d->items.len; i++) {
    const StDiag *g = &d->items.data[i];
    require(g->line >= 1 && g->col >= 1, "diagnostic position before 1:1");
    require(g->offset <= size, "diagnostic offset past the end");
    require(g->message && g->message[0], "empty diagnostic message");
  }
}

static void parse_once(const char *src, size_t size, bool strict, bool natives) {
  StArena arena;
  st_arena_init(&arena);
  StDiagList d = {0};
  StParseOptions opt = {.filename = "fuzz.js", .strict = strict, .allow_natives_syntax = natives};
  StNode *root = st_parser_parse_program(&arena, src, size, &opt, &d);
  check_diags(&d, size);
  require((root != NULL) == (d.errors == 0), "tree returned together with an error (or neither)");
  if (root) {
    require(st_ast_find_too_deep(root, ST_AST_MAX_DEPTH) == NULL, "tree deeper than ST_AST_MAX_DEPTH");
    st_ast_dump(devnull, root);
    const StNameTable *t = ((const StProgram *)root)->names;
    for (uint32_t i = 0; i <= t->mask; i++)
      for (const StName *n = t->buckets[i]; n; n = n->chain) require(n->user == NULL, "StName.user left set");
  }
  st_diag_free(&d);
  st_arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!devnull) devnull = fopen("/dev/null", "w");
  char *src = malloc(size ? size : 1);
  memcpy(src, data, size);

  StDiagList d = {0};
  st_lexer_print_tokens(devnull, src, size, &d);
  check_diags(&d, size);
  st_diag_free(&d);

  parse_once(src, size, false, size & 1);
  parse_once(src, size, true, false);
  free(src);
  return 0;
}
