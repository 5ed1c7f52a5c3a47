/* tiers/tier_internal.h: the tier manager's state, shared by the files of tiers/ only. */
#ifndef ST_TIERS_TIER_INTERNAL_H
#define ST_TIERS_TIER_INTERNAL_H

#include "backends/backend.h"
#include "tiers/deopt.h"

#include <limits.h>
#include <pthread.h>

/* Per-proto tier state (proto->tier). */
typedef struct StProtoTier {
  StCode *code;           /* installed code for calls (proto->entry is its entry), or NULL */
  int step;               /* chain index of the installed code's tier (0: interpreter) */
  uint32_t aborts[ST_TIER_MAX_CHAIN];
  bool blacklisted[ST_TIER_MAX_CHAIN];
  uint32_t deopts;        /* exits taken from this proto's code, over all versions */
  uint32_t compiles;
  bool never_optimize;
  bool optimize_next_call;
  bool no_speculation;    /* recompiles after too many deopts: generic code */
  uint8_t respeculations; /* speculative recompiles after too many deopts so far */
  bool queued;            /* a background compile is in flight */
  StVec(StCode *) osr;    /* OSR code, one per loop header compiled */
  StProto *proto;         /* the owner (p->tier == this) */
  struct StProtoTier *prev, *next; /* every live StProtoTier, in StTierState.protos */
} StProtoTier;

/* A loaded backend plugin. */
typedef struct StBackendPlugin {
  const char *name;        /* "llvm", "gccjit" */
  const char *file;        /* libstrata_llvm.so ... */
  pthread_mutex_t lock;    /* one backend compile at a time (main or compiler thread) */
  bool tried, ok;
  char error[PATH_MAX + 320]; /* a path and a dlerror() message */
  void *dl;
  const StBackend *backend;
  void *state;
} StBackendPlugin;

/* deps.c: code dependencies on objects (prototype chains). */
typedef struct StDepTable StDepTable;
StDepTable *st_deps_new(void);
void st_deps_free(StDepTable *t);
void st_deps_register(StVM *vm, StCode *code);   /* code->deps, at installation */
void st_deps_unregister(StVM *vm, StCode *code); /* at release */
void st_deps_broken(StVM *vm, void *subject);    /* vm->hooks.dependency_broken */

/* compile_queue.c: the background compiler thread. */
typedef struct StCompileQueue StCompileQueue;
StCompileQueue *st_compile_queue_new(StVM *vm); /* NULL when no thread can be started */
void st_compile_queue_push(StCompileQueue *q, StJitJob *job);
StJitJob *st_compile_queue_take_done(StCompileQueue *q); /* a list linked by ->next */
void st_compile_queue_free(StVM *vm, StCompileQueue *q);  /* stops the thread; drops jobs */

typedef struct StTierState {
  StTierStep chain[ST_TIER_MAX_CHAIN];
  int nchain;
  bool eager;
  StProf *prof;
  int64_t deopt_every;     /* --deopt-every=N: every Nth guard check fails (0: off) */
  uint64_t guard_checks;
  StCode *dead;            /* invalidated code, released when no frame can run it */
  StBackendHost host;
  StBackendPlugin plugins[2];
  char temp_dir[256];
  const char *print_ir;    /* --print-ir[=after:PASS] */
  bool verify_ir;
  bool perf_map;
  StCompileQueue *queue;   /* background compilation, or NULL (--no-concurrent, --eager) */
  StDepTable *deps;
  void *baseline;          /* tiers/baseline.c: its state (the code arena), or NULL */
  const char *passes;      /* --passes: applied to every compile's pass options, or NULL */
  StProtoTier *protos;     /* every proto's tier state (st_tier_free releases them all) */
  /* The interpreter's proto hooks, chained by the tiers' own. */
  void (*interp_trace_proto)(StVM *vm, StHeap *h, StProto *p);
  void (*interp_free_proto)(StVM *vm, StProto *p);
} StTierState;

ST_INLINE StTierState *st_tier_state(StVM *vm) { return (StTierState *)vm->tiers; }
StProtoTier *st_tier_of(StVM *vm, StProto *p);

/* Called by the deopt runtime for a counted exit. */
void st_tier_note_deopt(StVM *vm, StCode *code, StDeoptExit *x, uint32_t depth, uint32_t pc);
void st_tier_code_invalidated(StVM *vm, StCode *code, const char *why);
/* A function name for logs: "name (file:line:col)". */
void st_tier_describe(StVM *vm, StProto *p, char *buf, size_t cap);

/* jit.c: the pipeline shared by speculative tiers: IR, passes, backend, deopt tables. */
typedef struct StJitConfig {
  const char *tier_name;
  StBackendPlugin *plugin;
  int opt_level;            /* backend optimization level (LLVM codegen level, gcc -O) */
  bool fast_isel;           /* LLVM: FastISel instruction selection */
  const char *pipeline;     /* LLVM pass pipeline, or NULL for the opt level's default */
  bool full_passes;         /* the whole pass pipeline (else the cheap subset) */
  uint32_t max_inline_depth, max_inline_bytecodes;
  uint32_t max_insns;       /* cap before the backend (superlinear compile times) */
} StJitConfig;
StCode *st_jit_compile(StVM *vm, StProto *p, uint32_t osr_pc, const StJitConfig *cfg,
                       const StTier *tier, StAbort *abort, StCompileRecord *rec);

/* The same in three steps, for background compilation (tiers/compile_queue.c): begin (main
 * thread: IR, passes, deopt tables), generate (any thread: the backend), end (main thread). */
struct StJitJob {
  StCode *code;            /* without machine code until end() */
  StIrFunc ir;
  bool ir_freed, ok;
  StJitConfig cfg;
  uint32_t osr_pc;
  StCompileRecord rec;
  StBackendResult res;
  char name[256];
  /* Queue bookkeeping (compile_queue.c). */
  StProto *proto;
  int step;
  uint64_t start_ns;
  struct StJitJob *next;
};
StJitJob *st_jit_begin(StVM *vm, StProto *p, uint32_t osr_pc, const StJitConfig *cfg,
                       const StTier *tier, StAbort *abort, StCompileRecord *rec);
bool st_jit_generate(StJitJob *job);
StCode *st_jit_end(StVM *vm, StJitJob *job, StAbort *abort, StCompileRecord *rec);
void st_jit_job_free(StJitJob *job);
void st_jit_release(StVM *vm, StCode *code);
/* Loads a plugin (once); false with p->error set when it cannot be used. */
bool st_jit_load_plugin(StVM *vm, StBackendPlugin *p);
/* The plugin slot of a backend ("llvm", "gccjit"). */
StBackendPlugin *st_jit_plugin(StVM *vm, const char *name);
/* The path of a plugin file next to the strata executable. */
void st_jit_plugin_path(const char *file, char *out, size_t cap);
/* Shuts the loaded backends down and removes the temporary directory. */
void st_jit_plugins_shutdown(StVM *vm);

/* The registered tiers (baseline.c, optimizing.c). */
extern const StTier st_llvm_opt_tier;
extern const StTier st_gccjit_opt_tier;
extern const StTier st_baseline_tier;
extern const StTier st_midtier_tier;

/* baseline.c: frees the baseline's state (st_tier_free, after releasing dead code). */
void st_baseline_shutdown(StVM *vm);

/* jit_helpers.c */
void st_jit_helpers_init(StBackendHost *host);

#endif
