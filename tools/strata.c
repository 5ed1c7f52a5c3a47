/* tools/strata.c: the command-line program.
 *
 *   strata [options] FILE.js [args...]
 *   strata [options] -e CODE [args...]
 *
 * Exit status: 0 success; 1 uncaught exception (SyntaxError included); 2 bad usage or an
 * unreadable file; 3 out of memory.
 */
#include "backends/opt.h"
#include "builtins/builtins.h"
#include "frontend/ast.h"
#include "frontend/compiler.h"
#include "frontend/lexer.h"
#include "frontend/parser.h"
#include "interp/interp.h"
#include "runtime/eventloop.h"
#include "runtime/host.h"
#include "support/arena.h"
#include "support/diag.h"
#include "support/flags.h"
#include "support/version.h"
#include "tiers/natives.h"
#include "tiers/tier.h"
#include "tools/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


enum { EXIT_OK = 0, EXIT_UNCAUGHT = 1, EXIT_USAGE = 2 };

#if defined(STRATA_SANITIZE)
/* ASan's defaults for this binary (ASAN_OPTIONS still overrides them). GCC 12's libsanitizer
 * guesses the bounds of a dynamic TLS block from a glibc header that glibc 2.36 no longer
 * writes; when libLLVM's thread_local block lands 16 bytes into a page, LeakSanitizer reads
 * ASan's chunk header as the block's bounds and its tracer crashes at exit ("Tracer caught
 * signal 11"). Without the interception the block is an ordinary reachable heap chunk, so
 * leak detection loses nothing (tests/fuzz/README.md, "Sanitizers"). */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "intercept_tls_get_addr=0"; }
#endif

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

/* Values the flag table's types accept but the engine cannot use (docs/bad-input.md): rejected
 * here, before anything runs, so a bad value is bad usage (exit 2), never a silent default, a
 * late failure or a crash. Limits: the realm needs about 256K of heap to set itself up (1M
 * leaves room); a register stack over 2^28 values (2 GB) cannot be reserved on most machines. */
static void check_flag_values(const StFlags *f) {
  char num[32];
  if (f->deopt_every < 0) {
    snprintf(num, sizeof num, "%lld", (long long)f->deopt_every);
    usage_error("--deopt-every wants a count >= 0 (0: off), got '%s'", num);
  }
  if (f->stack_size < 0 || f->stack_size > (1ll << 28)) {
    snprintf(num, sizeof num, "%lld", (long long)f->stack_size);
    usage_error("--stack-size wants a number of values from 0 (default) to 268435456, got '%s'", num);
  }
  if (f->max_heap != 0 && f->max_heap < (1u << 20)) {
    snprintf(num, sizeof num, "%llu", (unsigned long long)f->max_heap);
    usage_error("--max-heap wants 0 (no limit) or at least 1M, got '%s' bytes", num);
  }
  if (f->stats && !f->stats[0]) usage_error("%s", "--stats= needs a file name (or '-' for stderr)");
  if (f->stats && strcmp(f->stats, "-")) {
    /* The report is written at exit: a path that cannot be written is refused before the
     * program runs, not after it (its directory must exist and be writable). */
    char dir[4096];
    const char *slash = strrchr(f->stats, '/');
    size_t n = slash ? (size_t)(slash - f->stats) : 0;
    if (n >= sizeof dir) n = sizeof dir - 1;
    if (slash && n == 0) strcpy(dir, "/");
    else if (slash) memcpy(dir, f->stats, n), dir[n] = 0;
    else strcpy(dir, ".");
    if (access(dir, W_OK) != 0) usage_error("--stats: cannot write a file in directory '%s'", dir);
  }
  if (f->print_feedback && !f->print_feedback[0])
    usage_error("%s", "--print-feedback= needs a function name (bare --print-feedback: all)");
  if (f->print_ir) {
    const char *v = f->print_ir, *pass = !strncmp(v, "after:", 6) ? v + 6 : NULL;
    bool ok = pass ? (!strcmp(pass, "all") || !strcmp(pass, "build") || !strcmp(pass, "final") ||
                      st_opt_find(pass) >= 0)
                   : (!strcmp(v, "all") || !strcmp(v, "build") || !strcmp(v, "final"));
    if (!ok) usage_error("--print-ir wants all, build, final or after:PASS (a pass name), got '%s'", v);
  }
}

/* Reads a whole file; NULL with errno set on failure. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  /* A regular file is read into a buffer of its size (+1 for the NUL, and to see the end):
   * growing by doubling copied a big script several times over, each copy into fresh pages. */
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (uint64_t)st.st_size < SIZE_MAX / 2)
    cap = (size_t)st.st_size + 1;
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

/* --print-tokens / --print-ast: the frontend alone, no VM. */
static int run_frontend_dump(const StFlags *flags, const char *src, size_t len,
                             const char *filename, StDiagList *diags) {
  if (flags->print_tokens) {
    st_lexer_print_tokens(stdout, src, len, diags);
    return report_diags(diags, filename, src, len);
  }
  StArena arena;
  st_arena_init(&arena);
  StParseOptions popt = {.filename = filename, .strict = flags->strict};
  StNode *program = st_parser_parse_program(&arena, src, len, &popt, diags);
  int status = report_diags(diags, filename, src, len);
  if (status == EXIT_OK && program) st_ast_dump(stdout, program);
  st_arena_free(&arena);
  return status;
}

/* --free-at-exit (default in sanitizer builds): every layer takes back what it set up, top floor
 * first, so that LeakSanitizer reports what a teardown misses rather than the live heap. The
 * tiers go first (compiled code and its roots), the heap last (its finalizers free the malloc'ed
 * parts of cells). Without the flag the process exit returns everything at once. */
static void free_vm(StVM *vm) {
  st_tier_free(vm);
  if (!vm->flags.free_at_exit) return;
  st_eventloop_free(vm);
  st_host_free(vm);
  st_interp_free(vm);
  st_vm_free(vm);
}

static int run_program(const StFlags *flags, const char *engine, const char *script_path,
                       int script_argc, char **script_argv, const char *src, size_t len,
                       const char *filename, StDiagList *diags) {
  StVM *vm = st_vm_new(flags);
  int base_marker;
  st_gc_set_stack_base(vm->heap, &base_marker);
  st_interp_init(vm);
  st_builtins_init(vm);
  st_host_init(vm, engine, script_path, script_argc, script_argv);
  if (!st_eventloop_init(vm, flags->unhandled_rejections)) {
    fprintf(stderr, "strata: --unhandled-rejections must be one of throw, strict, warn, "
                    "warn-with-error-code, none (got '%s')\n", flags->unhandled_rejections);
    free_vm(vm);
    return EXIT_USAGE;
  }

  char err[1024];
  if (!st_tier_init(vm, flags->tiers, flags->eager, err, sizeof err)) {
    fprintf(stderr, "strata: %s\n", err);
    free_vm(vm);
    return EXIT_USAGE;
  }
  vm->hooks.natives = (void *)st_tier_natives();
  uint64_t t0 = st_common_now_ns();

  StCompileOptions copt = {.filename = filename, .strict = flags->strict,
                           .allow_natives_syntax = flags->allow_natives_syntax,
                           .native_id = st_tier_native_id,
                           /* main frees src only after run_program has freed the VM */
                           .source_outlives_vm = true};
  StProto *script = st_compiler_compile_script(vm, src, len, &copt, diags);
  int status = EXIT_OK;
  if (!script) {
    if (st_vm_has_exception(vm)) {
      st_host_report_uncaught(vm, st_vm_take_exception(vm));
      status = EXIT_UNCAUGHT;
    } else {
      status = report_diags(diags, filename, src, len);
    }
  } else if (flags->print_bytecode) {
    st_bcdump_proto(vm, stdout, script);
  } else if (flags->check) {
    /* compiled without errors: nothing runs */
  } else {
    StValue r = st_interp_run_script(vm, script);
    if (r == ST_EXCEPTION) {
      st_host_report_uncaught(vm, st_vm_take_exception(vm));
      status = EXIT_UNCAUGHT;
    } else {
      status = st_eventloop_run(vm);
    }
  }
  fflush(stdout);
  st_host_run_exit_hooks(vm);
  if (status == EXIT_OK) status = st_host_exit_code(vm);
  if (flags->ir_check && script && !st_jit_ir_check(vm, script, stderr) && status == EXIT_OK) status = EXIT_UNCAUGHT;
  if (flags->print_feedback && script) st_report_feedback(vm, stdout, script, flags->print_feedback);
  if (flags->stats && !st_report_stats(vm, flags->stats, st_common_now_ns() - t0) && status == EXIT_OK)
    status = EXIT_USAGE;
  fflush(stdout);
  free_vm(vm);
  (void)base_marker;
  return status;
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
  if (!code && !file) {
    usage(stderr);
    return EXIT_USAGE;
  }
  check_flag_values(&flags);

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
  if (flags.print_tokens || flags.print_ast) {
    status = run_frontend_dump(&flags, src, len, filename, &diags);
  } else {
    status = run_program(&flags, argv[0], code ? NULL : file, argc - script_argi,
                         argv + script_argi, src, len, filename, &diags);
  }
  st_diag_free(&diags);
  free(src);
  return status;
}
