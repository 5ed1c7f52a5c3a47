/* tools/strata.c: the command-line program.
 *
 *   strata [options] FILE.js [args...]
 *   strata [options] -e CODE [args...]
 *
 * Exit status: 0 success; 1 uncaught exception (SyntaxError included); 2 bad usage or an
 * unreadable file; 3 out of memory.
 */
#include "frontend/ast.h"
#include "frontend/lexer.h"
#include "frontend/parser.h"
#include "support/arena.h"
#include "support/diag.h"
#include "support/flags.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STRATA_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_UNCAUGHT = 1, EXIT_USAGE = 2 };

static void usage(FILE *out) {
  fputs("usage: strata [options] FILE.js [args...]\n"
        "       strata [options] -e CODE [args...]\n"
        "\n"
        "options:\n"
        "  -e CODE                      run CODE instead of a file\n"
        "  -h, --help                   print this help and exit\n"
        "  --version                    print the version and exit\n",
        out);
  st_flags_print_help(out);
  fputs("\nexit status: 0 ok, 1 uncaught exception, 2 bad usage or unreadable file, "
        "3 out of memory\n",
        out);
}

static ST_NORETURN void usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "strata: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'strata --help' for the list of options.\n");
  exit(EXIT_USAGE);
}

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = st_xmalloc(cap);
  for (;;) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) {
      if (ferror(f)) {
        int e = errno;
        fclose(f);
        free(buf);
        errno = e ? e : EIO;
        return NULL;
      }
      break;
    }
    cap *= 2;
    buf = st_xrealloc(buf, cap);
  }
  fclose(f);
  buf = st_xrealloc(buf, n + 1);
  buf[n] = 0;
  *len = n;
  return buf;
}

static int report_diags(const StDiagList *diags, const char *filename, const char *src,
                        size_t len) {
  /* Like V8, report the first error: later ones are usually consequences of it. */
  for (size_t i = 0; i < diags->items.len; i++) {
    const StDiag *d = &diags->items.data[i];
    if (d->kind == ST_DIAG_WARNING) continue;
    st_diag_print(stderr, d, filename, src, len);
    return EXIT_UNCAUGHT;
  }
  return EXIT_OK;
}

int main(int argc, char **argv) {
  StFlags flags;
  st_flags_init(&flags);
  const char *code = NULL, *file = NULL;
  int script_argi = argc;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return EXIT_OK;
    }
    if (!strcmp(a, "--version")) {
      printf("strata %s\n", STRATA_VERSION);
      return EXIT_OK;
    }
    if (!strcmp(a, "-e")) {
      if (i + 1 >= argc) usage_error("%s needs an argument: -e CODE", a);
      code = argv[++i];
      script_argi = i + 1;
      break;
    }
    if (!strcmp(a, "--")) {
      if (i + 1 >= argc) usage_error("%s", "no file given after --");
      file = argv[i + 1];
      script_argi = i + 2;
      break;
    }
    if (a[0] == '-' && a[1] != 0) {
      char err[256];
      switch (st_flags_parse(&flags, a, err, sizeof err)) {
      case ST_FLAG_OK: continue;
      case ST_FLAG_BAD_VALUE: usage_error("%s", err);
      case ST_FLAG_UNKNOWN: usage_error("unknown option '%s'", a);
      }
    }
    file = a;
    script_argi = i + 1;
    break;
  }
  (void)script_argi;
  if (!code && !file) {
    usage(stderr);
    return EXIT_USAGE;
  }

  size_t len = 0;
  char *src;
  const char *filename;
  if (code) {
    len = strlen(code);
    src = st_xmalloc(len + 1);
    memcpy(src, code, len + 1);
    filename = "[eval]";
  } else {
    src = read_file(file, &len);
    if (!src) {
      fprintf(stderr, "strata: cannot read '%s': %s\n", file, strerror(errno));
      return EXIT_USAGE;
    }
    filename = file;
  }

  StDiagList diags = {0};
  int status = EXIT_OK;
  if (flags.print_tokens) {
    st_lexer_print_tokens(stdout, src, len, &diags);
    status = report_diags(&diags, filename, src, len);
  } else {
    StArena arena;
    st_arena_init(&arena);
    StParseOptions popt = {.filename = filename, .strict = flags.strict};
    StNode *program = st_parser_parse_program(&arena, src, len, &popt, &diags);
    status = report_diags(&diags, filename, src, len);
    if (status == EXIT_OK && program && flags.print_ast) st_ast_dump(stdout, program);
    st_arena_free(&arena);
  }
  st_diag_free(&diags);
  free(src);
  return status;
}
