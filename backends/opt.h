/* backends/opt.h: the optimization passes between the IR builder and the backends.
 *
 *   IR from st_ir_build (bytecode + feedback, inlining, snapshots)
 *     |
 *     v
 *   fold ---> repr ---> fold ---> gvn ---> licm ---> dce      (full pipeline: llvm, gccjit, mid)
 *   fold ----------------------------------------> dce      (cheap subset: a config option,
 *                                                            StJitConfig.full_passes = false)
 *     |
 *     v
 *   backend (backends/llvm, backends/gccjit): instruction selection, registers, machine code
 *
 *   fold  opt_fold.c  constant folding with exact JS semantics (an _OV op that overflows on
 *                     constants is left to exit at run time), box/unbox round trips, guards
 *                     proven by their operand removed (and guards proven to fail turned into
 *                     DEOPT), branches on constants turned into jumps, algebraic identities.
 *  repr  opt_repr.c   representation selection: boxed phis whose inputs are all int32 (or all
 *                     numbers) become I32 (or F64) phis, to a fixed point, so numeric loops run
 *                     unboxed; the second fold cancels the BOX/UNBOX pairs this leaves.
 *   gvn  opt_gvn.c    dominator-tree value numbering of pure instructions, of guards (a guard
 *                     dominated by an identical one is removed: this pass is also the
 *                     redundant-guard elimination; there is no separate opt_guard.c), and of
 *                     loads and memory-reading guards within effect-free regions.
 *  licm  opt_licm.c   loop-invariant code motion to the loop preheader (an edge split makes one
 *                     when needed; headers with several outside predecessors are skipped), inner
 *                     loops first: pure instructions, and guards with the header's entry
 *                     snapshot (a failure resumes the interpreter at the loop header before the
 *                     first iteration); memory-reading guards (shape, flags, epoch) only in loops
 *                     without runtime calls or object-header stores. Planned, not done: loads out
 *                     of effect-free loops.
 *   dce  opt_dce.c    unused pure instructions and loads, unreachable blocks, trivial phis,
 *                     and a block merged into its single predecessor.
 *
 * Each pass is switchable (StOptOptions.enabled) for ablation studies; a disabled pass is
 * skipped wherever it appears in the pipeline. After each pass the verifier runs (in assert
 * builds, or when StOptOptions.verify is set) and the IR is printed when the pass is named by
 * print_after.
 *
 * Invariants every pass keeps (on top of backends/ir.h's):
 *  - a removed instruction is flagged ST_IRI_DEAD and no live instruction, phi input or
 *    snapshot entry of a live instruction refers to it;
 *  - a block's predecessors and each of its phis' inputs stay in the same order;
 *  - a loop header's entry_snap stays valid for the header's preheader (dce clears it when it
 *    removes a value the snapshot names: entry snapshots are an opportunity, not an obligation);
 *  - no pass moves an instruction across an ST_IRF_EFFECT instruction unless its result cannot
 *    depend on memory (pure), and no guard leaves its snapshot's reach: a guard moves only to
 *    where a snapshot that resumes before it is valid (licm and the loop entry snapshot).
 *
 * Deliberately left to LLVM / libgccjit (they do these better, and our IR would gain nothing):
 *  - instruction selection, register allocation, scheduling, addressing modes;
 *  - strength reduction, induction-variable rewriting, loop unrolling and vectorization;
 *  - scalar replacement of memory and store-to-load forwarding (STOREs here are frame and
 *    object writes the backend sees as ordinary memory operations);
 *  - reassociation, most algebraic simplification of unboxed arithmetic, tail duplication,
 *    jump threading, block layout.
 * Why the passes here still pay before them: a guard's exit is a call to the deopt helper that
 *  reads every value of the snapshot, so the backends see each guard as an opaque branch to a
 *  call that keeps its whole snapshot alive; they cannot remove a redundant guard, hoist one out
 *  of a loop (that needs the loop's entry snapshot, which only this IR knows), or know that a
 *  guard implies a type. Boxing around phis hides numeric loops from them: a VALUE phi of
 *  BOX_I32s is an i64 with tag bits that LLVM's induction-variable and range analyses cannot
 *  see through (repr gives them plain i32 and double loops). Folding and DCE here shrink the IR
 *  before the backend's compile time, which grows superlinearly, is paid; and the mid tier's
 *  quick backend settings do little optimization of their own.
 */
#ifndef ST_BACKENDS_OPT_H
#define ST_BACKENDS_OPT_H

#include "backends/ir.h"

#include <stdio.h>

/* X(name, function, on by default in the full pipeline, in the cheap subset (mid tier)) */
#define ST_IR_PASSES(X) \
  X(fold, st_opt_fold_run, true, true) \
  X(repr, st_opt_repr_run, true, false) \
  X(gvn, st_opt_gvn_run, true, false) \
  X(licm, st_opt_licm_run, true, false) \
  X(dce, st_opt_dce_run, true, true)

typedef enum StOptPass {
#define ST_OPT_PASS_ENUM(name, fn, full, cheap) ST_OPT_##name,
  ST_IR_PASSES(ST_OPT_PASS_ENUM)
#undef ST_OPT_PASS_ENUM
  ST_OPT_COUNT
} StOptPass;

/* The pipeline, in order (a pass may appear more than once). */
#define ST_OPT_PIPELINE {ST_OPT_fold, ST_OPT_repr, ST_OPT_fold, ST_OPT_gvn, ST_OPT_licm, ST_OPT_dce}

/* The pass names, for --help and the CLI flag list. */
extern const char *const st_opt_pass_names[ST_OPT_COUNT];

typedef struct StOptOptions {
  bool enabled[ST_OPT_COUNT];
  /* Print the IR after each run of this pass ("all": after every pass; NULL: never). */
  const char *print_after;
  FILE *print_out;            /* stderr when NULL */
  bool verify;                /* run st_ir_verify after each pass (always in assert builds) */
  /* Filled by st_opt_run, summed over the runs of a pass (for --stats and the profiler). */
  uint64_t pass_ns[ST_OPT_COUNT];
  uint32_t pass_changes[ST_OPT_COUNT]; /* rewrites made (a pass's own count) */
  uint32_t pass_runs[ST_OPT_COUNT];
} StOptOptions;

/* Defaults: every pass on for the full pipeline; fold and dce only for the cheap one. */
void st_opt_defaults(StOptOptions *o, bool full);
/* A pass by name, or -1. */
int st_opt_find(const char *name);
/* Applies a comma-separated list to o->enabled: "name" enables a pass, "-name" or "no-name"
 * disables it, "all" and "none" set every pass. False (with a message listing the valid names
 * in err) on an unknown name; o is then unchanged. */
bool st_opt_set_enabled(StOptOptions *o, const char *list, char *err, size_t errlen);
/* Runs the pipeline on f. False when the verifier rejects the IR after a pass: f->error then
 * reads "<pass>: <verifier message>". */
bool st_opt_run(StIrFunc *f, StOptOptions *o);

/* The passes (one file each). Each returns the number of rewrites it made. Each expects valid
 * IR and leaves valid IR; dominators need not be current on entry. */
uint32_t st_opt_fold_run(StIrFunc *f);
uint32_t st_opt_repr_run(StIrFunc *f);
uint32_t st_opt_gvn_run(StIrFunc *f);
uint32_t st_opt_licm_run(StIrFunc *f);
uint32_t st_opt_dce_run(StIrFunc *f);

#endif
