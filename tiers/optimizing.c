/* tiers/optimizing.c: the speculative tiers. All three run the same pipeline (tiers/jit.c: IR
 * from bytecode and feedback, passes, speculation behind guards, deopt tables from snapshots):
 *
 *   tier    passes (backends/opt.h)   inlining            backend
 *   mid     full pipeline             depth 1, 60 bc      LLVM: no IR passes, CodeGenLevelNone
 *                                                         with FastISel and the optimizing
 *                                                         register allocator (llvm_shim.c)
 *   llvm    full pipeline             depth 3, 120 bc     LLVM default<O2>, codegen Default
 *   gccjit  full pipeline             depth 3, 120 bc     libgccjit -O2
 *
 * llvm and gccjit differ only in the code generator, which is the point: comparing code
 * generators on identical IR. mid differs from llvm only in how much it spends: the same guards
 * and snapshots, so its deopts behave identically.
 *
 * The plugin is a shared module next to the strata binary, loaded on the first compile.
 */
#include "tiers/tier_internal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Whether the plugin file exists next to the executable (cheap: no dlopen at start-up). */
static bool plugin_present(const char *file, const char **why) {
  char path[PATH_MAX + 64];
  st_jit_plugin_path(file, path, sizeof path);
  if (access(path, R_OK) == 0) return true;
  *why = "its backend plugin was not built (configure with the backend enabled)";
  return false;
}

static bool llvm_available(StVM *vm, const char **why) {
  (void)vm;
  return plugin_present("libstrata_llvm.so", why);
}

static bool gccjit_available(StVM *vm, const char **why) {
  (void)vm;
  return plugin_present("libstrata_gccjit.so", why);
}

/* Size caps: O2 time grows superlinearly with function size (notes/toolchain.md). */
enum { OPT_MAX_IR_INSNS = 20000, OPT_INLINE_DEPTH = 3, OPT_INLINE_BYTECODES = 120 };

static StJitConfig llvm_config(StVM *vm) {
  return (StJitConfig){
      .tier_name = "llvm",
      .plugin = st_jit_plugin(vm, "llvm"),
      .opt_level = 2,
      .full_passes = true,
      .max_inline_depth = OPT_INLINE_DEPTH,
      .max_inline_bytecodes = OPT_INLINE_BYTECODES,
      .max_insns = OPT_MAX_IR_INSNS,
  };
}

/* The mid tier trades code quality for compile time where the time goes. Profiles (callgrind,
 * richards) put about 95% of a mid compile in LLVM and 5% in the IR builder and passes; of
 * the LLVM part, codegen at CodeGenLevelLess was 85% (greedy allocation, machine scheduler,
 * machine LICM/CSE, block placement) and instcombine+simplifycfg 8%. So mid runs all of
 * Strata's own passes (repr's unboxed loops, gvn's redundant guards and licm matter more than
 * anything LLVM adds on top, and cost almost nothing), no LLVM IR passes at all (the empty
 * pipeline), and codegen at None with FastISel but the optimizing register allocator: about a
 * third of O1's backend time for code whose spills are O1's (llvm_shim.c has the numbers).
 * experiments/tools/midvsllvm.py measures the result against the llvm tier. */
/* Inlining: one level, callees of up to 60 code units (spectralnorm's a(i, j) is 52: a call
 * per inner iteration left mid at a fifth of llvm's speed there; a callee that small adds
 * little IR: spectralnorm's backend time per compile grew by about a tenth). */
enum { MID_INLINE_DEPTH = 1, MID_INLINE_BYTECODES = 60 };
#define MID_PIPELINE "" /* no LLVM IR passes */

static StJitConfig mid_config(StVM *vm) {
  return (StJitConfig){
      .tier_name = "mid",
      .plugin = st_jit_plugin(vm, "llvm"),
      .opt_level = 0,
      .fast_isel = true,
      .pipeline = MID_PIPELINE,
      .full_passes = true,
      .max_inline_depth = MID_INLINE_DEPTH,
      .max_inline_bytecodes = MID_INLINE_BYTECODES,
      .max_insns = OPT_MAX_IR_INSNS,
  };
}

static StJitConfig gccjit_config(StVM *vm) {
  StJitConfig c = llvm_config(vm);
  c.tier_name = "gccjit";
  c.plugin = st_jit_plugin(vm, "gccjit");
  return c;
}

static StJitJob *llvm_begin(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec) {
  StJitConfig cfg = llvm_config(vm);
  return st_jit_begin(vm, p, osr_pc, &cfg, &st_llvm_opt_tier, abort, rec);
}

static StJitJob *mid_begin(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec) {
  StJitConfig cfg = mid_config(vm);
  return st_jit_begin(vm, p, osr_pc, &cfg, &st_midtier_tier, abort, rec);
}

static StCode *mid_compile(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort,
                           StCompileRecord *rec) {
  StJitConfig cfg = mid_config(vm);
  return st_jit_compile(vm, p, osr_pc, &cfg, &st_midtier_tier, abort, rec);
}

static StJitJob *gccjit_begin(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec) {
  StJitConfig cfg = gccjit_config(vm);
  return st_jit_begin(vm, p, osr_pc, &cfg, &st_gccjit_opt_tier, abort, rec);
}

static StCode *llvm_compile(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort,
                            StCompileRecord *rec) {
  StJitConfig cfg = llvm_config(vm);
  return st_jit_compile(vm, p, osr_pc, &cfg, &st_llvm_opt_tier, abort, rec);
}

static StCode *gccjit_compile(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort,
                              StCompileRecord *rec) {
  StJitConfig cfg = gccjit_config(vm);
  return st_jit_compile(vm, p, osr_pc, &cfg, &st_gccjit_opt_tier, abort, rec);
}

const StTier st_midtier_tier = {
    .name = "mid",
    .level = 2,
    .speculative = true,
    .default_threshold = 500,
    .available = llvm_available,
    .compile = mid_compile,
    .release = st_jit_release,
    .begin = mid_begin,
    .generate = st_jit_generate,
    .end = st_jit_end,
};

const StTier st_llvm_opt_tier = {
    .name = "llvm",
    .level = 3,
    .speculative = true,
    .default_threshold = 1000,
    .available = llvm_available,
    .compile = llvm_compile,
    .release = st_jit_release,
    .begin = llvm_begin,
    .generate = st_jit_generate,
    .end = st_jit_end,
};

const StTier st_gccjit_opt_tier = {
    .name = "gccjit",
    .level = 4,
    .speculative = true,
    .default_threshold = 1000,
    .available = gccjit_available,
    .compile = gccjit_compile,
    .release = st_jit_release,
    .begin = gccjit_begin,
    .generate = st_jit_generate,
    .end = st_jit_end,
};
