/* backends/gccjit/gccjit_internal.h: what the two halves of the libgccjit plugin share. Nothing
 * outside backends/gccjit/ includes this.
 *
 *   gccjit_backend.c  the plugin: contexts, options, the driver run (compile to a .so in
 *                     Strata's temp dir), loading with dlopen, code size, perf map, release,
 *                     batches (several functions per context)
 *   gccjit_lower.c    StIrFunc -> one libgccjit function in a context
 *   gccjit.h          the one public extension (batch compiles), for callers that dlsym it
 *
 * Invariants the lowering keeps:
 *  - every IR value that is not a constant or an entry value (FRAME, VMPTR) lives in a local
 *    of its type, assigned exactly where the IR defines it; phis are locals assigned on each
 *    incoming edge (parallel-copy safe), so the exit code of a snapshot can read any value that
 *    dominates the guard, and one exit block per snapshot serves every guard that names it;
 *  - the generated code calls the engine only through addresses from StBackendHost (helpers
 *    table): the .so has no undefined symbols, at any optimization level.
 */
#ifndef ST_BACKENDS_GCCJIT_INTERNAL_H
#define ST_BACKENDS_GCCJIT_INTERNAL_H

#include "backends/backend.h"

#include <libgccjit.h>

/* The types and builtins of one gcc_jit_context, shared by every function lowered into it
 * (a batch compiles several functions in one context). */
typedef struct StGccjitTypes {
  gcc_jit_type *v;     /* VALUE: uint64_t */
  gcc_jit_type *i32;   /* I32: int (the type the overflow builtins take) */
  gcc_jit_type *u32;
  gcc_jit_type *i64;
  gcc_jit_type *u16;
  gcc_jit_type *u8;
  gcc_jit_type *f64;
  gcc_jit_type *b;     /* BOOL: C bool */
  gcc_jit_type *ptr;   /* PTR: void * */
  gcc_jit_type *lng;   /* long: __builtin_expect's type */
  gcc_jit_type *bytes; /* unsigned char *: address arithmetic */
  gcc_jit_type *vptr;  /* uint64_t *: the deopt buffer */
  gcc_jit_type *voidt;
  gcc_jit_function *expect, *sadd_ov, *ssub_ov, *smul_ov, *trap;
  gcc_jit_function *sqrt, *floor, *ceil, *trunc; /* used at -O1 and up only (see lower.c) */
  gcc_jit_rvalue **helpers;  /* [host->nhelpers] helper function pointers, made on first use */
  uint32_t nhelpers;
} StGccjitTypes;

/* Fills t for context c (helpers' pointers are created lazily by the lowering); free with
 * st_gccjit_lower_types_free (libgccjit owns everything else, released with the context). */
void st_gccjit_lower_types(gcc_jit_context *c, const StBackendHost *host, StGccjitTypes *t);
void st_gccjit_lower_types_free(StGccjitTypes *t);

/* Adds f to context c as the exported function `symbol` (StCompiledEntry). opt_level decides
 * whether math builtins may be used (at -O0 GCC turns them into libm calls). false with err
 * set when f holds something the lowering cannot express; libgccjit's own errors are read from
 * the context by the caller. */
bool st_gccjit_lower_func(gcc_jit_context *c, StGccjitTypes *t, const StBackendHost *host,
                          StIrFunc *f, const char *symbol, int opt_level, char *err,
                          size_t errlen);

#endif
