/* backends/ir_build.h: bytecode plus feedback -> SSA IR (the front half of every compiling
 * tier).
 *
 * SSA construction follows Braun et al., "Simple and Efficient Construction of Static Single
 * Assignment Form" (CC 2013): interpreter registers are the variables; a value is looked up in
 * the current block and, recursively, its predecessors, creating phis on demand; a block is
 * sealed once all its predecessors are filled. Phis are built boxed (VALUE) and representation
 * selection (backends/opt_repr.c) unboxes the numeric ones.
 *
 * Speculation reads the feedback vector: int32 arithmetic with overflow guards, float64 where
 * doubles were seen, shape guards with direct slot access for monomorphic and polymorphic
 * property sites, element-kind and bounds guards for array accesses, call-target guards with
 * inlining of small monomorphic callees, which may call in turn (up to max_inline_depth levels;
 * recursion is not inlined). An inlined frame has no registers in memory: a call it makes passes
 * `this` and its arguments in the top registers of the outermost frame (st_irb_window in
 * ir_build.c), and deopt rebuilds its frame past the outermost one (tiers/deopt.h). Code that
 * never ran (no feedback) ends in a DEOPT.
 * Every guard names a snapshot that resumes the interpreter at the guarded instruction; calls
 * into the runtime that may throw carry an exception snapshot; calls that may run JS are followed
 * by a lazy-deopt check (the code's `invalid` flag).
 *
 * Without speculation (opts.speculate false) every operation is a runtime call: the generic
 * translation a non-speculative tier can use.
 */
#ifndef ST_BACKENDS_IR_BUILD_H
#define ST_BACKENDS_IR_BUILD_H

#include "backends/abort.h"
#include "backends/ir.h"
#include "objects/function.h"

typedef struct StIrBuildOptions {
  uint32_t osr_pc;               /* UINT32_MAX: normal entry; else enter at this LOOPHEAD */
  bool speculate;
  uint32_t max_inline_depth;     /* 0: no inlining */
  uint32_t max_inline_bytecodes; /* callee size limit for inlining (code units) */
  uint32_t max_insns;            /* abort with TOO_LARGE past this many IR instructions */
  bool deopt_every;              /* add a --deopt-every check before every guard */
  void *code;                    /* the StCode being compiled (constant for exits) */
  uint32_t code_invalid_offset;  /* offsetof(StCode, invalid): lazy deopt checks */
  const char *name;              /* for dumps */
  bool generic_cold;             /* code without feedback compiles generically instead of
                                    ending in a deopt (--eager: nothing has run yet) */
} StIrBuildOptions;

/* Builds f (initialized by the caller with st_ir_init) from proto p. On failure returns the
 * abort reason and writes a detail (e.g. the bytecode that is not supported) into why. */
StAbort st_ir_build(StVM *vm, StProto *p, const StIrBuildOptions *opts, StIrFunc *f,
                    char *why, size_t whylen);

#endif
