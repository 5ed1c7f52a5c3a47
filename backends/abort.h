/* backends/abort.h: why a compile gave up, as one table. Compiling is allowed to fail at any
 * point with one of these reasons; the tier manager logs and counts it (tiers/tier.h). */
#ifndef ST_BACKENDS_ABORT_H
#define ST_BACKENDS_ABORT_H

/* X(NAME, "message") */
#define ST_ABORT_REASONS(X) \
  X(NONE, "no abort") \
  X(NOT_BUILT, "tier not built into this binary") \
  X(BACKEND_UNAVAILABLE, "backend could not be loaded") \
  X(BACKEND_ERROR, "backend reported an error") \
  X(TOO_LARGE, "function too large for this tier") \
  X(UNSUPPORTED_OP, "bytecode not supported by this tier") \
  X(ASYNC, "async functions stay in the interpreter") \
  X(TRY_CATCH, "exception handlers not supported by this tier") \
  X(TOO_MANY_SNAPSHOTS, "too many deopt snapshots") \
  X(TOO_MANY_DEOPTS, "deoptimized too often") \
  X(BLACKLISTED, "function is blacklisted for this tier") \
  X(DENIED, "function denied by --tier-filter") \
  X(NO_FEEDBACK, "no type feedback yet") \
  X(INLINE_DEPTH, "inlining too deep") \
  X(VERIFY_FAILED, "IR verifier failed") \
  X(OUT_OF_MEMORY, "out of memory while compiling") \
  X(DERIVED_CTOR, "class constructors stay in the interpreter") \
  X(GENERATOR_LIKE, "suspendable function")

typedef enum StAbort {
#define ST_ABORT_ENUM(name, msg) ST_ABORT_##name,
  ST_ABORT_REASONS(ST_ABORT_ENUM)
#undef ST_ABORT_ENUM
  ST_ABORT_COUNT
} StAbort;

/* Why a guard exists (and so why an exit was taken): named by each snapshot, reported by
 * --trace-deopt and --stats. */
/* X(NAME, "description") */
#define ST_DEOPT_REASONS(X) \
  X(NONE, "none") \
  X(NOT_INT32, "not an int32") \
  X(NOT_NUMBER, "not a number") \
  X(WRONG_TYPE, "unexpected type") \
  X(OVERFLOW, "int32 overflow") \
  X(MINUS_ZERO, "-0 result") \
  X(DIV_INEXACT, "division result not an int32") \
  X(WRONG_SHAPE, "wrong shape") \
  X(WRONG_TARGET, "wrong call target") \
  X(OUT_OF_BOUNDS, "index out of bounds") \
  X(HOLE, "array hole") \
  X(ELEMENTS_KIND, "wrong elements kind") \
  X(PROTO_CHANGED, "prototype chain changed") \
  X(GLOBAL_CHANGED, "global object changed shape") \
  X(NOT_EXTENSIBLE, "object not extensible") \
  X(BRANCH, "branch never taken before") \
  X(EXCEPTION, "exception thrown") \
  X(INVALIDATED, "code invalidated (lazy)") \
  X(FORCED, "forced (--deopt-every / %DeoptimizeNow)") \
  X(UNSUPPORTED, "operation left to the interpreter")

typedef enum StDeoptReason {
#define ST_DEOPT_ENUM(name, desc) ST_DEOPT_##name,
  ST_DEOPT_REASONS(ST_DEOPT_ENUM)
#undef ST_DEOPT_ENUM
  ST_DEOPT_COUNT
} StDeoptReason;

#endif
