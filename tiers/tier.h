/* tiers/tier.h: the tier interface (ARCHITECTURE.md, contract 4) and the tier manager.
 *
 * A tier is a table of function pointers. Adding a tier is adding one StTier and registering
 * it in tiers/tier.c's table. The manager owns the policy: the chain of tiers and their
 * thresholds come from --tiers, e.g.
 *
 *     --tiers=interp                        interpreter only
 *     --tiers=llvm                          interpreter, then llvm at its default threshold
 *     --tiers=interp,baseline@100,llvm@5000 explicit thresholds
 *
 * A threshold counts calls plus loop back-edges of one function. --eager compiles every
 * function for the top tier of the chain when it is first called, before it runs, on the main
 * thread.
 *
 * Background compilation (the default; --no-concurrent turns it off for deterministic
 * experiments): when a function reaches a threshold, the main thread builds and optimizes its
 * IR (which reads feedback and shapes, so it cannot race with the mutator), a compiler thread
 * runs the backend (the expensive part), and the main thread installs the code at its next
 * tier check of any function (a safe point: no compiled frame is being set up). OSR compiles
 * and --eager compiles are synchronous.
 *
 * Compiling is allowed to fail: compile() returns NULL and names an abort reason (one table,
 * ST_ABORT_REASONS). The manager logs it, counts it, and the function stays where it was; after
 * ST_TIER_MAX_ABORTS aborts, or ST_TIER_MAX_DEOPTS deopts, a function is blacklisted for that
 * tier (speculative tiers first recompile without the failing speculation).
 */
#ifndef ST_TIERS_TIER_H
#define ST_TIERS_TIER_H

#include "backends/abort.h"
#include "interp/interp.h"
#include "profiler/prof.h"

const char *st_tier_abort_message(StAbort a);

/* Compiled code of one function by one tier. Owned by the tier manager. */
typedef struct StCode StCode;
typedef struct StTier StTier;
typedef struct StJitJob StJitJob;

struct StCode {
  const StTier *tier;
  StProto *proto;
  StCompiledEntry entry;    /* call entry: runs the function from its first instruction */
  void *backend;            /* backend's handle (resource tracker, dlopen handle ...) */
  struct StBackendPlugin *plugin; /* the plugin that made `backend` (mid code is llvm's), or NULL */
  size_t code_size;
  void *deopt_info;         /* tiers/deopt.h: snapshots of this code (speculative tiers) */
  struct StOsrEntry {
    uint32_t pc;            /* loop header (LOOPHEAD) bytecode offset */
    StCompiledEntry entry;
  } *osr;                   /* OSR entries, or NULL */
  uint32_t nosr;
  uint32_t deopts;          /* exits taken from this code */
  void **cells;             /* heap cells the machine code embeds (kept alive by the code) */
  uint32_t ncells;
  StObject **deps;          /* objects whose shape changes invalidate this code (tiers/deps.c) */
  uint32_t ndeps;
  uint32_t deps_epoch;      /* vm->proto_epoch when the IR was built */
  bool deps_registered;
  bool invalid;             /* invalidated: frames still running it deopt lazily */
  bool buried;              /* on the dead list (once only: replaced code may be invalidated later) */
  StCode *next_dead;        /* replaced or invalidated code awaiting release */
};

struct StTier {
  const char *name;
  int level;          /* 1 baseline, 2 mid, 3 llvm, 4 gccjit (interp is 0) */
  bool speculative;   /* uses feedback, guards and deopt */
  uint32_t default_threshold;
  /* Whether the tier can run here; *why names the reason when not. */
  bool (*available)(StVM *vm, const char **why);
  /* Compiles p (osr_pc: UINT32_MAX for a normal compile, else the loop header to enter at).
   * Returns code, or NULL with *abort set. rec receives timings and sizes. */
  StCode *(*compile)(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec);
  void (*release)(StVM *vm, StCode *code);
  /* Optional, for background compilation: compile() split into begin (main thread: reads the
   * VM), generate (the compiler thread: touches only the job) and end (main thread). */
  StJitJob *(*begin)(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec);
  bool (*generate)(StJitJob *job);
  StCode *(*end)(StVM *vm, StJitJob *job, StAbort *abort, StCompileRecord *rec);
};

/* One entry of the chain: a tier (NULL for the interpreter) and its threshold. */
typedef struct StTierStep {
  const StTier *tier;
  uint32_t threshold;
} StTierStep;

/* The chain when --tiers is not given. */
#define ST_TIER_DEFAULT_CHAIN "interp,llvm"

#define ST_TIER_MAX_CHAIN 6
#define ST_TIER_MAX_ABORTS 3
#define ST_TIER_MAX_DEOPTS 8
#define ST_TIER_MAX_EXIT_DEOPTS 2   /* times one exit is taken before its code is discarded */
#define ST_TIER_MAX_RESPECULATE 3 /* speculative recompiles before generic code */

/* Parses a --tiers value into steps; false with a message in err. */
bool st_tier_parse_chain(const char *spec, StTierStep *steps, int *nsteps, char *err,
                         size_t errlen);
/* The usage text listing valid --tiers forms and tier names. */
const char *st_tier_usage(void);

/* Sets up the manager (registers vm->hooks.hot, profiler); chain from --tiers (spec NULL: the
 * default chain, without the tiers this binary lacks). */
bool st_tier_init(StVM *vm, const char *spec, bool eager, char *err, size_t errlen);
void st_tier_free(StVM *vm);
StProf *st_tier_prof(StVM *vm);

/* The tier name the function runs in now ("interp", "baseline", ...). */
const char *st_tier_current_name(StVM *vm, StProto *p);
/* Natives for tests. */
void st_tier_optimize_next_call(StVM *vm, StProto *p);
void st_tier_never_optimize(StVM *vm, StProto *p);
void st_tier_deoptimize_now(StVM *vm);

/* --ir-check: builds and optimizes (no backend) the IR of every function reachable from script
 * that ran; prints failures to out; false when any failed. */
bool st_jit_ir_check(StVM *vm, StProto *script, FILE *out);

/* All registered tiers (including ones not built), for --help and --tiers parsing. */
const StTier *st_tier_find(const char *name);

#endif
