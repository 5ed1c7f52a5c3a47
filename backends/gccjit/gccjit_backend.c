/* backends/gccjit/gccjit_backend.c: the libgccjit backend plugin (libstrata_gccjit.so).
 *
 * One compile = one gcc_jit_context holding the function (gccjit_lower.c), compiled with
 * gcc_jit_context_compile_to_file into a shared object in the host's temp dir, loaded here with
 * dlopen(RTLD_LOCAL) and unlinked at once (the mapping outlives the file), so nothing stays on
 * disk and perf can still name the code through the perf map. Why a file and not
 * gcc_jit_context_compile: that one loads a .so it deletes itself from /tmp/libgccjit-XXXXXX,
 * which perf cannot symbolize and which a killed process leaves behind.
 *
 * Facts about libgccjit 12 this file relies on (measured: /work/shared/notes/toolchain.md):
 *  - every compile runs `as` and `ld` (through collect2) as subprocesses, found on PATH: init()
 *    checks they exist, so a machine without binutils disables the tier with one message;
 *  - its temporaries (libgccjit-XXXXXX dirs, ccXXXX.o) go to libiberty's choose_tmpdir(),
 *    which reads TMPDIR once per process and memoizes it; init() points TMPDIR at the host's
 *    temp dir (which tiers/jit.c empties and removes at exit) before the first compile. That
 *    directory exists only while a compile runs (made before, removed after), so a process
 *    that crashes between compiles leaves nothing in /tmp; the price is a TMPDIR naming a
 *    missing directory between compiles (nothing else in the engine reads TMPDIR);
 *  - the driver runs in-process, and a driver that cannot exec `as` ends in fatal_error, which
 *    exits the process: so the PATH check is repeated before every compile;
 *  - GGC's collection thresholds scale with RAM (RSS climbs to ~310 MB) unless the
 *    ggc-min-heapsize/ggc-min-expand params are passed; -nostdlib saves a third of the link;
 *    -march=native fails (so no -march at all: the baseline x86-64 ISA).
 *  - compiles are serialized inside libgccjit by a global mutex; contexts are per compile.
 *
 * Threads: compile() may run on the compiler thread while the main thread calls release() for
 * other code. The state they share is immutable after init() except the file sequence number
 * (atomic) and the perf map file (its own mutex); each code handle is released exactly once
 * by the engine, and a batch's handle is reference-counted (atomics).
 *
 * Code size: st_size of the function's symbol in the loaded object's .dynsym, read with
 * dladdr1(RTLD_DL_SYMENT) (the function is exported, so it is in the dynamic symbol table).
 */
#include "backends/gccjit/gccjit_internal.h"

#include "backends/gccjit/gccjit.h"

#include "support/common.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct Gj {
  StBackendHost host;
  char temp_dir[PATH_MAX];
  atomic_uint seq;          /* unique .so and symbol names */
  pthread_mutex_t perf_lock;
  FILE *perf;               /* /tmp/perf-PID.map, opened on first use */
  char version[64];
  char *old_tmpdir;         /* TMPDIR before init, restored by shutdown */
  bool had_tmpdir;
} Gj;

/* One loaded .so; functions of one batch share it. */
typedef struct GjCode {
  void *dl;
  atomic_int refs;
} GjCode;

/* ------------------------------------------------------------------------------------------ */
/* init                                                                                       */

/* Whether an executable `name` is on PATH (what the driver's exec search will look at). An
 * unset PATH means the libc default. */
static bool on_path(const char *name) {
  const char *path = getenv("PATH");
  if (!path) path = "/usr/bin:/bin";
  char dir[PATH_MAX + 64];
  while (*path) {
    size_t n = strcspn(path, ":");
    if (n == 0) snprintf(dir, sizeof dir, "./%s", name);
    else snprintf(dir, sizeof dir, "%.*s/%s", (int)(n < PATH_MAX ? n : PATH_MAX), path, name);
    if (access(dir, X_OK) == 0) return true;
    path += n;
    if (*path == ':') path++;
  }
  return false;
}

/* The temp dir exists only while a compile runs: made (again) here, removed once the compile
 * is over, so an engine that crashes between compiles leaves nothing in /tmp. A path someone
 * else made in between (not our private directory) is refused, never written into. */
static bool temp_dir_enter(Gj *g, char *err, size_t errlen) {
  if (mkdir(g->temp_dir, 0700) == 0) return true;
  struct stat st;
  if (errno == EEXIST && lstat(g->temp_dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
      (st.st_mode & 077) == 0)
    return true;
  snprintf(err, errlen, "libgccjit backend: cannot use the temp dir %s", g->temp_dir);
  return false;
}

static void temp_dir_leave(Gj *g) { rmdir(g->temp_dir); /* fails, harmlessly, when not empty */ }

static void *gj_init(const StBackendHost *host, char *err, size_t errlen) {
  if (!host || host->abi_version != ST_BACKEND_ABI_VERSION) {
    snprintf(err, errlen, "libgccjit backend: host ABI mismatch");
    return NULL;
  }
  if (!on_path("as") || !on_path("ld")) {
    snprintf(err, errlen, "libgccjit needs 'as' and 'ld' from binutils: not found on PATH");
    return NULL;
  }
  if (!host->temp_dir || !host->temp_dir[0]) {
    snprintf(err, errlen, "libgccjit backend: the host gave no temp dir");
    return NULL;
  }
  Gj *g = st_xcalloc(1, sizeof *g);
  g->host = *host;
  snprintf(g->temp_dir, sizeof g->temp_dir, "%s", host->temp_dir);
  if (!temp_dir_enter(g, err, errlen)) {
    free(g);
    return NULL;
  }
  g->host.temp_dir = g->temp_dir;
  atomic_init(&g->seq, 0);
  pthread_mutex_init(&g->perf_lock, NULL);
  snprintf(g->version, sizeof g->version, "libgccjit %d.%d.%d", gcc_jit_version_major(),
           gcc_jit_version_minor(), gcc_jit_version_patchlevel());
  /* libgccjit's own temporaries follow TMPDIR (read once, at the first compile). */
  const char *old = getenv("TMPDIR");
  g->had_tmpdir = old != NULL;
  g->old_tmpdir = old ? strdup(old) : NULL;
  setenv("TMPDIR", g->temp_dir, 1);
  temp_dir_leave(g); /* made again for each compile */
  return g;
}

static void gj_shutdown(void *state) {
  Gj *g = state;
  if (!g) return;
  if (g->perf) fclose(g->perf);
  pthread_mutex_destroy(&g->perf_lock);
  if (g->had_tmpdir) setenv("TMPDIR", g->old_tmpdir, 1);
  else unsetenv("TMPDIR");
  free(g->old_tmpdir);
  free(g);
}

static const char *gj_version(void *state) {
  Gj *g = state;
  return g ? g->version : "libgccjit";
}

/* ------------------------------------------------------------------------------------------ */
/* compile                                                                                    */

/* A C identifier for the function: a unique prefix plus the JS name's identifier characters
 * (readable in gdb and in dumps; the perf map uses the JS name itself). */
static void symbol_name(char *out, size_t cap, unsigned seq, unsigned k, const char *name) {
  int n = snprintf(out, cap, "st_gj%u_%u_", seq, k);
  size_t at = n > 0 ? (size_t)n : 0;
  for (const char *p = name ? name : "anon"; *p && at + 1 < cap && at < 80; p++) {
    char c = *p;
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out[at++] = ok ? c : '_';
  }
  out[at] = 0;
}

static gcc_jit_context *new_context(const StBackendOptions *opt) {
  gcc_jit_context *c = gcc_jit_context_acquire();
  if (!c) return NULL;
  int level = opt->opt_level < 0 ? 0 : opt->opt_level > 3 ? 3 : opt->opt_level;
  gcc_jit_context_set_int_option(c, GCC_JIT_INT_OPTION_OPTIMIZATION_LEVEL, level);
  /* The lowering makes helper blocks that may end up unreachable (an IR block that only dead
   * code jumps to); they are harmless, not an error. */
  gcc_jit_context_set_bool_allow_unreachable_blocks(c, 1);
  if (opt->print_backend_ir) gcc_jit_context_set_bool_option(c, GCC_JIT_BOOL_OPTION_DUMP_INITIAL_GIMPLE, 1);
  if (opt->print_code) gcc_jit_context_set_bool_option(c, GCC_JIT_BOOL_OPTION_DUMP_GENERATED_CODE, 1);
  /* GGC's thresholds: without them the heap balloons to ~310 MB over a run. */
  gcc_jit_context_add_command_line_option(c, "--param=ggc-min-heapsize=8192");
  gcc_jit_context_add_command_line_option(c, "--param=ggc-min-expand=20");
  /* The IR accesses one location with several types (see gccjit_lower.c). */
  gcc_jit_context_add_command_line_option(c, "-fno-strict-aliasing");
  /* JS arithmetic: no errno (sqrt inline), no contraction into FMA (different rounding). */
  gcc_jit_context_add_command_line_option(c, "-fno-math-errno");
  gcc_jit_context_add_command_line_option(c, "-ffp-contract=off");
  /* No memset/memcpy calls invented from loops: the .so links no libc (-nostdlib). */
  gcc_jit_context_add_command_line_option(c, "-fno-tree-loop-distribute-patterns");
  gcc_jit_context_add_driver_option(c, "-nostdlib");
  return c;
}

static void perf_map_line(Gj *g, void *addr, size_t size, const char *name) {
  pthread_mutex_lock(&g->perf_lock);
  if (!g->perf) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
    g->perf = fopen(path, "a");
  }
  if (g->perf) {
    fprintf(g->perf, "%lx %zx strata:%s\n", (unsigned long)(uintptr_t)addr, size ? size : 1, name ? name : "anon");
    fflush(g->perf);
  }
  pthread_mutex_unlock(&g->perf_lock);
}

static void set_error(StBackendResult *out, const char *fmt, const char *a, const char *b) {
  snprintf(out->error, sizeof out->error, fmt, a, b);
}

/* Compiles n functions in one context (one driver run, one .so). On success every out[k] has
 * its entry, code size and a handle (the shared .so, counted n times); on failure every out[k]
 * has the same error and no handle. */
static bool compile_batch(Gj *g, StIrFunc **fs, const char *const *names, uint32_t n,
                          const StBackendOptions *opt, StBackendResult *out) {
  uint64_t t0 = st_common_now_ns();
  for (uint32_t k = 0; k < n; k++) memset(&out[k], 0, sizeof out[k]);
  unsigned seq = atomic_fetch_add(&g->seq, 1);
  /* Checked at every compile, not only at init: libgccjit runs the driver in-process, and a
   * driver that cannot exec `as` ends in fatal_error, which exits the whole process. */
  if (!on_path("as") || !on_path("ld")) {
    for (uint32_t k = 0; k < n; k++)
      snprintf(out[k].error, sizeof out[k].error, "libgccjit needs 'as' and 'ld' from binutils: not found on PATH");
    return false;
  }
  char err[256] = "";
  bool ok = false;
  char path[PATH_MAX + 64];
  snprintf(path, sizeof path, "%s/gj%d_%u.so", g->temp_dir, (int)getpid(), seq);
  char(*syms)[128] = st_xcalloc(n ? n : 1, sizeof *syms);
  GjCode *code = NULL;
  bool entered = temp_dir_enter(g, err, sizeof err);
  if (!entered) goto done;

  gcc_jit_context *c = new_context(opt);
  if (!c) {
    snprintf(err, sizeof err, "gcc_jit_context_acquire failed");
    goto done;
  }
  StGccjitTypes types;
  st_gccjit_lower_types(c, &g->host, &types);
  bool lowered = true;
  for (uint32_t k = 0; k < n && lowered; k++) {
    symbol_name(syms[k], sizeof syms[k], seq, k, names[k]);
    lowered = st_gccjit_lower_func(c, &types, &g->host, fs[k], syms[k], opt->opt_level, err, sizeof err);
  }
  const char *jerr = gcc_jit_context_get_first_error(c);
  if (lowered && !jerr) {
    gcc_jit_context_compile_to_file(c, GCC_JIT_OUTPUT_KIND_DYNAMIC_LIBRARY, path);
    jerr = gcc_jit_context_get_first_error(c);
  }
  if (lowered && jerr) snprintf(err, sizeof err, "libgccjit: %s", jerr);
  st_gccjit_lower_types_free(&types);
  gcc_jit_context_release(c);
  if (!lowered || jerr) {
    unlink(path); /* a failed link may leave a partial file */
    goto done;
  }

  void *dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  int saved = errno;
  unlink(path); /* the mapping stays valid; nothing stays on disk */
  if (!dl) {
    const char *e = dlerror();
    snprintf(err, sizeof err, "dlopen of the compiled code failed: %s", e ? e : strerror(saved));
    goto done;
  }
  code = st_xcalloc(1, sizeof *code);
  code->dl = dl;
  atomic_init(&code->refs, (int)n);
  for (uint32_t k = 0; k < n; k++) {
    void *entry = dlsym(dl, syms[k]);
    if (!entry) {
      snprintf(err, sizeof err, "compiled code has no symbol %s", syms[k]);
      dlclose(dl);
      free(code);
      code = NULL;
      goto done;
    }
    out[k].entry = entry;
    Dl_info info;
    const ElfW(Sym) *sym = NULL;
    if (dladdr1(entry, &info, (void **)&sym, RTLD_DL_SYMENT) && sym) out[k].code_size = sym->st_size;
  }
  ok = true;

done:
  if (entered) temp_dir_leave(g);
  uint64_t ns = st_common_now_ns() - t0;
  for (uint32_t k = 0; k < n; k++) {
    out[k].backend_ns = ns / (n ? n : 1);
    if (ok) {
      out[k].handle = code;
      if (g->host.perf_map) perf_map_line(g, out[k].entry, out[k].code_size, names[k]);
    } else {
      set_error(&out[k], "%s%s", err[0] ? err : "libgccjit compile failed", "");
    }
  }
  if (!ok && g->host.trace) fprintf(stderr, "[gccjit] %s\n", err);
  free(syms);
  return ok;
}

static bool gj_compile(void *state, StIrFunc *f, const char *name, const StBackendOptions *opt,
                       StBackendResult *out) {
  const char *names[1] = {name ? name : (f->name ? f->name : "anon")};
  return compile_batch(state, &f, names, 1, opt, out);
}

static void gj_release(void *state, void *handle) {
  (void)state;
  GjCode *code = handle;
  if (!code) return;
  if (atomic_fetch_sub(&code->refs, 1) == 1) {
    dlclose(code->dl);
    free(code);
  }
}

static const StBackend gj_backend = {
    .name = "gccjit",
    .abi_version = ST_BACKEND_ABI_VERSION,
    .init = gj_init,
    .compile = gj_compile,
    .release = gj_release,
    .shutdown = gj_shutdown,
    .version = gj_version,
};

/* The batch entry (backends/gccjit/gccjit.h). */
__attribute__((visibility("default"))) bool st_gccjit_backend_compile_batch(void *state, StIrFunc **fs,
                                                                          const char *const *names, uint32_t n,
                                                                          const StBackendOptions *opt,
                                                                          StBackendResult *out);
bool st_gccjit_backend_compile_batch(void *state, StIrFunc **fs, const char *const *names, uint32_t n,
                                     const StBackendOptions *opt, StBackendResult *out) {
  if (n == 0) return true;
  return compile_batch(state, fs, names, n, opt, out);
}

__attribute__((visibility("default"))) const StBackend *st_backend_plugin(void);
const StBackend *st_backend_plugin(void) { return &gj_backend; }
