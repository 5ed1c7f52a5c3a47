/* backends/llvm/llvm_backend.c: the LLVM plugin (libstrata_llvm.so): StBackend over ORC LLJIT.
 *
 * One compile:
 *
 *   StIrFunc --llvm_lower.c--> module (fresh LLVMContext) --verify--> LLVMRunPasses(pipeline)
 *     --TargetMachine (per opt level)--> object file in memory --(.text size = code size)-->
 *     LLJIT::addObjectFile under a per-function ResourceTracker --> lookup --> entry
 *
 * The plugin emits the object itself instead of handing IR to LLJIT: the codegen level is a
 * property of the TargetMachine, which the C API cannot set per module on one LLJIT, and
 * having the object in hand gives the code size (its .text sections: the function with its
 * exit blocks; constant pools excluded) without a custom memory manager or object transform.
 * It also means no ThreadSafeContext: the context lives and dies inside compile().
 *
 * Threads: compile() may run on the compiler thread while the main thread calls release().
 * compile_lock serializes compiles (target machines, symbol counter; tiers/jit.c serializes
 * them per plugin too); jit_lock guards the LLJIT and the perf map, and is all release()
 * takes, so the main thread never waits for a whole optimization, only for a link step.
 * Lock order: compile_lock, then jit_lock. The JS heap is never touched: pointers in the IR
 * are only embedded as constants.
 *
 * Size cap: above O2_MAX_INSNS live IR instructions an O2 request compiles at O1.
 * Pipelines: StBackendOptions.pipeline names the IR passes (NULL: default<On> for the opt
 * level); the empty string runs none (the mid tier: Strata's own passes already ran).
 *
 * Debugging switches (environment, read at init): STRATA_LLVM_TRACE=1 (a line per compile
 * with its stages' wall times and the thread's CPU time), STRATA_LLVM_PRINT=ir,asm (the print
 * options), STRATA_LLVM_OPT_LEVEL=0|1|2 (override, to bisect miscompiles between LLVM and the
 * IR) and STRATA_LLVM_PIPELINE=PASSES (override every compile's pipeline; "" for none).
 *
 * Errors from LLVM (verifier, pass pipeline, codegen, linking, lookup) become compile()
 * returning false with out->error set. Only the symbol st_backend_plugin is exported.
 */
#include "backends/backend.h"
#include "backends/llvm/llvm_lower.h"
#include "backends/llvm/llvm_shim.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Object.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
  OPT_LEVELS = 3,
  /* O2's cost grows superlinearly with function and block size (InstCombine, SelectionDAG:
   * notes/toolchain.md measured 190 ms for one 2,000-instruction block). Functions with more
   * live IR instructions than this are compiled at O1 instead. */
  O2_MAX_INSNS = 3000,
};

typedef struct LlvmState {
  StBackendHost host;
  pthread_mutex_t compile_lock; /* one compile at a time: target machines, next_id */
  pthread_mutex_t jit_lock;     /* the LLJIT and the perf map: compile's link step, release() */
  LLVMOrcLLJITRef jit;
  LLVMOrcJITDylibRef jd;
  LLVMTargetMachineRef tm[OPT_LEVELS][2]; /* [opt level][fast_isel], made on first use */
  uint64_t next_id;                       /* symbol names st_jit_<id> are unique per state */
  bool env_print_ir, env_print_asm;       /* STRATA_LLVM_PRINT */
  int env_opt_level;                      /* STRATA_LLVM_OPT_LEVEL, or -1 */
  const char *env_pipeline;               /* STRATA_LLVM_PIPELINE, or NULL */
} LlvmState;

/* A compiled function: what release() needs. */
typedef struct LlvmCode {
  LLVMOrcResourceTrackerRef rt;
} LlvmCode;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The compiling thread's CPU time: what STRATA_LLVM_TRACE reports next to wall time, since on
 * a loaded machine the wall time of a compile says more about the neighbours than about LLVM. */
static uint64_t cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* Copies an LLVMErrorRef's message into err (consuming the error). */
static void take_error(LLVMErrorRef e, const char *what, char *err, size_t errlen) {
  char *msg = LLVMGetErrorMessage(e);
  snprintf(err, errlen, "%s: %s", what, msg ? msg : "?");
  LLVMDisposeErrorMessage(msg);
}

static void *llvm_init(const StBackendHost *host, char *err, size_t errlen) {
  if (host->abi_version != ST_BACKEND_ABI_VERSION) {
    snprintf(err, errlen, "LLVM backend: host ABI %u, plugin ABI %u", host->abi_version,
             ST_BACKEND_ABI_VERSION);
    return NULL;
  }
  if (!st_llvm_shim_init_native(err, errlen)) return NULL;
  LlvmState *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  s->host = *host;
  /* Debugging switches the CLI does not reach (yet): STRATA_LLVM_TRACE=1 prints one line per
   * compile with the time per stage; STRATA_LLVM_PRINT=ir,asm forces the print options. */
  const char *env = getenv("STRATA_LLVM_TRACE");
  if (env && *env && strcmp(env, "0")) s->host.trace = true;
  /* STRATA_LLVM_OPT_LEVEL=0|1|2 overrides the tiers' opt level (to tell LLVM-level problems
   * from IR-level ones when bisecting a miscompile). */
  env = getenv("STRATA_LLVM_OPT_LEVEL");
  s->env_opt_level = env && *env >= '0' && *env <= '2' ? *env - '0' : -1;
  /* STRATA_LLVM_PIPELINE=PIPELINE overrides every compile's pass pipeline ("" runs none): for
   * measuring what each pass costs and buys without a rebuild. */
  s->env_pipeline = getenv("STRATA_LLVM_PIPELINE");
  env = getenv("STRATA_LLVM_PRINT");
  if (env) {
    s->env_print_ir = strstr(env, "ir") != NULL;
    s->env_print_asm = strstr(env, "asm") != NULL;
  }
  pthread_mutex_init(&s->compile_lock, NULL);
  pthread_mutex_init(&s->jit_lock, NULL);
  LLVMOrcLLJITBuilderRef jb = LLVMOrcCreateLLJITBuilder();
  LLVMErrorRef e = LLVMOrcCreateLLJIT(&s->jit, jb); /* consumes jb */
  if (e) {
    take_error(e, "LLVMOrcCreateLLJIT", err, errlen);
    pthread_mutex_destroy(&s->compile_lock);
    pthread_mutex_destroy(&s->jit_lock);
    free(s);
    return NULL;
  }
  s->jd = LLVMOrcLLJITGetMainJITDylib(s->jit);
  return s;
}

static LLVMTargetMachineRef target_machine(LlvmState *s, int level, bool fast_isel, char *err,
                                           size_t errlen) {
  if (level < 0) level = 0;
  if (level >= OPT_LEVELS) level = OPT_LEVELS - 1;
  LLVMTargetMachineRef *slot = &s->tm[level][fast_isel ? 1 : 0];
  if (!*slot) *slot = st_llvm_shim_target_machine(level, fast_isel, err, errlen);
  return *slot;
}

/* Code size: the bytes of the object's executable sections (.text: the one function, exit
 * blocks included). LLVMGetSymbolSize reads a symbol's common size, 0 for functions, so the
 * sections are what the C API offers. Constant pools (.rodata.cst*) are not counted. */
static size_t code_size(LLVMContextRef ctx, LLVMMemoryBufferRef obj) {
  char *msg = NULL;
  LLVMBinaryRef bin = LLVMCreateBinary(obj, ctx, &msg);
  if (!bin) {
    LLVMDisposeMessage(msg);
    return 0;
  }
  size_t size = 0;
  LLVMSectionIteratorRef it = LLVMObjectFileCopySectionIterator(bin);
  for (; it && !LLVMObjectFileIsSectionIteratorAtEnd(bin, it); LLVMMoveToNextSection(it)) {
    const char *n = LLVMGetSectionName(it);
    if (n && !strncmp(n, ".text", 5)) size += (size_t)LLVMGetSectionSize(it);
  }
  if (it) LLVMDisposeSectionIterator(it);
  LLVMDisposeBinary(bin);
  return size;
}

static void perf_map_line(uintptr_t addr, size_t size, const char *name) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  FILE *fp = fopen(path, "a");
  if (!fp) return;
  fprintf(fp, "%lx %zx strata:%s\n", (unsigned long)addr, size, name);
  fclose(fp);
}

/* Builds the module for f into ctx: lowered, verified, optimized. NULL with err set. */
static LLVMModuleRef build_module(LlvmState *s, LLVMContextRef ctx, LLVMTargetMachineRef tm,
                                  StIrFunc *f, const char *sym, const StBackendOptions *opt,
                                  uint64_t *opt_start, char *err, size_t errlen) {
  LLVMModuleRef m = NULL;
  /* Shared exit blocks first; per-guard exits if the IR broke the invariant they need. */
  for (int attempt = 0; attempt < 2; attempt++) {
    m = LLVMModuleCreateWithNameInContext(sym, ctx);
    char *triple = LLVMGetTargetMachineTriple(tm);
    LLVMSetTarget(m, triple);
    LLVMDisposeMessage(triple);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    LLVMSetModuleDataLayout(m, td);
    LLVMDisposeTargetData(td);
    if (!st_llvm_lower_func(ctx, m, &s->host, f, sym, attempt == 0, err, errlen)) {
      LLVMDisposeModule(m);
      return NULL;
    }
    /* Always verified: a broken module would make LLVM's codegen abort the process, and
     * the check costs little next to codegen. */
    char *msg = NULL;
    if (!LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
      LLVMDisposeMessage(msg);
      break;
    }
    snprintf(err, errlen, "LLVM verifier: %s", msg ? msg : "?");
    LLVMDisposeMessage(msg);
    if (s->host.trace) fprintf(stderr, "[llvm] %s: %s\n", f->name ? f->name : sym, err);
    LLVMDisposeModule(m);
    m = NULL;
  }
  if (!m) return NULL;
  const char *pipeline = s->env_pipeline ? s->env_pipeline : opt->pipeline;
  if (pipeline && !pipeline[0]) return m; /* no passes at all */
  if (!pipeline) pipeline = opt->opt_level <= 0 ? "default<O0>" : opt->opt_level == 1 ? "default<O1>" : "default<O2>";
  *opt_start = now_ns();
  LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
  LLVMErrorRef e = LLVMRunPasses(m, pipeline, tm, pbo);
  LLVMDisposePassBuilderOptions(pbo);
  if (e) {
    take_error(e, "LLVMRunPasses", err, errlen);
    LLVMDisposeModule(m);
    return NULL;
  }
  return m;
}

static bool llvm_compile(void *state, StIrFunc *f, const char *name, const StBackendOptions *opt,
                         StBackendResult *out) {
  LlvmState *s = state;
  uint64_t t0 = now_ns(), c0 = s->host.trace ? cpu_ns() : 0;
  memset(out, 0, sizeof *out);
  if (!name) name = f->name ? f->name : "anonymous";
  pthread_mutex_lock(&s->compile_lock);
  bool jit_locked = false;
  char sym[40];
  snprintf(sym, sizeof sym, "st_jit_%llu", (unsigned long long)s->next_id++);
  bool ok = false;
  LLVMContextRef ctx = NULL;
  LLVMModuleRef m = NULL;
  LLVMMemoryBufferRef obj = NULL;
  StBackendOptions eff = *opt;
  if (s->env_opt_level >= 0) eff.opt_level = s->env_opt_level, eff.fast_isel = s->env_opt_level == 0;
  if (eff.opt_level >= 2 && !eff.pipeline) {
    uint32_t live = 0;
    for (size_t r = 1; r < f->insns.len; r++) live += !(f->insns.data[r].flags & ST_IRI_DEAD);
    if (live > O2_MAX_INSNS) eff.opt_level = 1;
  }
  opt = &eff;
  LLVMTargetMachineRef tm = target_machine(s, opt->opt_level, opt->fast_isel || opt->opt_level <= 0,
                                           out->error, sizeof out->error);
  if (!tm) goto done;
  ctx = LLVMContextCreate();
  uint64_t t_opt = 0;
  m = build_module(s, ctx, tm, f, sym, opt, &t_opt, out->error, sizeof out->error);
  if (!m) goto done;
  uint64_t t_codegen = now_ns();
  if (opt->print_backend_ir || s->env_print_ir) {
    char *text = LLVMPrintModuleToString(m);
    fprintf(stderr, "; LLVM IR of %s (%s)\n%s", name, sym, text);
    LLVMDisposeMessage(text);
  }
  if (opt->print_code || s->env_print_asm) {
    /* Codegen changes the module it runs on: print from a copy. */
    LLVMModuleRef copy = LLVMCloneModule(m);
    LLVMMemoryBufferRef asmb = NULL;
    char *msg = NULL;
    if (!LLVMTargetMachineEmitToMemoryBuffer(tm, copy, LLVMAssemblyFile, &msg, &asmb)) {
      fprintf(stderr, "; assembly of %s (%s)\n%.*s", name, sym, (int)LLVMGetBufferSize(asmb),
              LLVMGetBufferStart(asmb));
      LLVMDisposeMemoryBuffer(asmb);
    }
    LLVMDisposeMessage(msg);
    LLVMDisposeModule(copy);
  }
  t_codegen = now_ns();
  char *msg = NULL;
  if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &msg, &obj)) {
    snprintf(out->error, sizeof out->error, "codegen: %s", msg ? msg : "?");
    LLVMDisposeMessage(msg);
    obj = NULL;
    goto done;
  }
  LLVMDisposeMessage(msg);
  uint64_t t_link = now_ns();
  size_t size = code_size(ctx, obj);
  pthread_mutex_lock(&s->jit_lock);
  jit_locked = true;
  LLVMOrcResourceTrackerRef rt = LLVMOrcJITDylibCreateResourceTracker(s->jd);
  LLVMErrorRef e = LLVMOrcLLJITAddObjectFileWithRT(s->jit, rt, obj); /* takes obj */
  obj = NULL;
  if (e) {
    take_error(e, "adding the object", out->error, sizeof out->error);
    LLVMOrcReleaseResourceTracker(rt);
    goto done;
  }
  LLVMOrcExecutorAddress addr = 0;
  e = LLVMOrcLLJITLookup(s->jit, &addr, sym);
  if (e || !addr) {
    if (e) take_error(e, "lookup", out->error, sizeof out->error);
    else snprintf(out->error, sizeof out->error, "lookup of %s gave no address", sym);
    LLVMErrorRef e2 = LLVMOrcResourceTrackerRemove(rt);
    if (e2) LLVMConsumeError(e2);
    LLVMOrcReleaseResourceTracker(rt);
    goto done;
  }
  LlvmCode *code = malloc(sizeof *code);
  if (!code) {
    snprintf(out->error, sizeof out->error, "out of memory");
    LLVMErrorRef e2 = LLVMOrcResourceTrackerRemove(rt);
    if (e2) LLVMConsumeError(e2);
    LLVMOrcReleaseResourceTracker(rt);
    goto done;
  }
  code->rt = rt;
  out->entry = (void *)(uintptr_t)addr;
  out->handle = code;
  out->code_size = size;
  if (s->host.perf_map) perf_map_line((uintptr_t)addr, size, name);
  if (s->host.trace) {
    uint64_t t_end = now_ns();
    fprintf(stderr, "[llvm] %s -> %s at %#lx, %zu bytes; ms: lower+verify %.3f, passes %.3f, "
            "codegen %.3f, link %.3f; cpu %.3f\n", name, sym, (unsigned long)addr, size,
            (t_opt - t0) / 1e6, (t_codegen - t_opt) / 1e6, (t_link - t_codegen) / 1e6,
            (t_end - t_link) / 1e6, (cpu_ns() - c0) / 1e6);
  }
  ok = true;
done:
  if (obj) LLVMDisposeMemoryBuffer(obj);
  if (m) LLVMDisposeModule(m);
  if (ctx) LLVMContextDispose(ctx);
  if (jit_locked) pthread_mutex_unlock(&s->jit_lock);
  pthread_mutex_unlock(&s->compile_lock);
  out->backend_ns = now_ns() - t0;
  return ok;
}

static void llvm_release(void *state, void *handle) {
  LlvmState *s = state;
  LlvmCode *code = handle;
  if (!code) return;
  pthread_mutex_lock(&s->jit_lock);
  LLVMErrorRef e = LLVMOrcResourceTrackerRemove(code->rt);
  if (e) {
    char err[200];
    take_error(e, "releasing code", err, sizeof err);
    if (s->host.trace) fprintf(stderr, "[llvm] %s\n", err);
  }
  LLVMOrcReleaseResourceTracker(code->rt);
  pthread_mutex_unlock(&s->jit_lock);
  free(code);
}

static void llvm_shutdown(void *state) {
  LlvmState *s = state;
  if (!s) return;
  pthread_mutex_lock(&s->compile_lock);
  pthread_mutex_lock(&s->jit_lock);
  LLVMErrorRef e = LLVMOrcDisposeLLJIT(s->jit);
  if (e) LLVMConsumeError(e);
  for (int i = 0; i < OPT_LEVELS; i++)
    for (int k = 0; k < 2; k++)
      if (s->tm[i][k]) LLVMDisposeTargetMachine(s->tm[i][k]);
  pthread_mutex_unlock(&s->jit_lock);
  pthread_mutex_unlock(&s->compile_lock);
  pthread_mutex_destroy(&s->jit_lock);
  pthread_mutex_destroy(&s->compile_lock);
  free(s);
}

static const char *llvm_version(void *state) {
  (void)state;
  return st_llvm_shim_version_name();
}

static const StBackend llvm_backend = {
    .name = "llvm",
    .abi_version = ST_BACKEND_ABI_VERSION,
    .init = llvm_init,
    .compile = llvm_compile,
    .release = llvm_release,
    .shutdown = llvm_shutdown,
    .version = llvm_version,
};

__attribute__((visibility("default"))) const StBackend *st_backend_plugin(void);
const StBackend *st_backend_plugin(void) { return &llvm_backend; }
