/* tiers/tier.c: the tier manager: the chain from --tiers, hotness checks, compiling and
 * installing code, aborts and blacklisting, deopt accounting, invalidation.
 *
 * Policy, in one place:
 *  - A function's hotness is its calls plus loop back-edges. When it reaches the threshold of
 *    the next tier of the chain, that tier compiles it (at a call: the normal entry; at a loop
 *    header: also an OSR entry for the running frame).
 *  - --eager: every function is compiled for the top tier when it is first called, before it
 *    runs. It has no feedback then, so code that never ran is compiled generically instead of
 *    ending in a deopt (only --eager does this).
 *  - An abort leaves the function where it was; ST_TIER_MAX_ABORTS aborts (or one permanent
 *    abort: unsupported construct, async, too large) blacklist it for that tier.
 *  - More than ST_TIER_MAX_DEOPTS counted exits from one function's code, or one exit taken
 *    ST_TIER_MAX_EXIT_DEOPTS times (not under --deopt-every): the code is thrown
 *    away and the function recompiled later, speculating again on the feedback the
 *    interpreter has widened meanwhile (each failed guard's instruction re-ran there), up to
 *    ST_TIER_MAX_RESPECULATE times; then without speculation; if that deopts too, it is
 *    blacklisted for the speculative tiers.
 */
#include "tiers/tier.h"

#include "tiers/tier_internal.h"

#include "backends/opt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const abort_messages[] = {
#define ST_ABORT_MSG(name, msg) msg,
    ST_ABORT_REASONS(ST_ABORT_MSG)
#undef ST_ABORT_MSG
};

const char *st_tier_abort_message(StAbort a) {
  return (unsigned)a < ST_ABORT_COUNT ? abort_messages[a] : "?";
}

/* Puts code on the dead list, released at exit. Code replaced by a higher tier and later
 * invalidated (its dependencies broke while a frame still ran it) arrives twice: pushing it
 * again would cut the list and release it twice. */
static void bury(StTierState *ts, StCode *code) {
  if (code->buried) return;
  code->buried = true;
  code->next_dead = ts->dead;
  ts->dead = code;
}

/* --- the registry --- */

static const StTier *const registry[] = {
    &st_baseline_tier, &st_midtier_tier, &st_llvm_opt_tier, &st_gccjit_opt_tier,
};

const StTier *st_tier_find(const char *name) {
  for (size_t i = 0; i < ST_ARRAY_LEN(registry); i++)
    if (!strcmp(registry[i]->name, name)) return registry[i];
  return NULL;
}

const char *st_tier_usage(void) {
  return "valid --tiers forms: a comma-separated chain of NAME or NAME@THRESHOLD, thresholds\n"
         "increasing, e.g. --tiers=interp, --tiers=llvm, --tiers=interp,baseline@100,llvm@5000;\n"
         "names: interp, baseline, mid, llvm, gccjit; a threshold is a positive integer (calls\n"
         "plus loop back-edges); interp, when given, comes first and takes no threshold";
}

bool st_tier_parse_chain(const char *spec, StTierStep *steps, int *nsteps, char *err, size_t errlen) {
  int n = 0;
  steps[n++] = (StTierStep){NULL, 0};
  const char *p = spec;
  bool first = true;
  uint32_t last_threshold = 0;
  if (!*p) {
    snprintf(err, errlen, "--tiers is empty\n%s", st_tier_usage());
    return false;
  }
  while (*p) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    char item[64];
    if (len == 0 || len >= sizeof item) {
      snprintf(err, errlen, "--tiers has an empty or overlong entry\n%s", st_tier_usage());
      return false;
    }
    memcpy(item, p, len);
    item[len] = 0;
    char *at = strchr(item, '@');
    uint32_t threshold = 0;
    if (at) {
      *at = 0;
      char *e;
      long long v = strtoll(at + 1, &e, 10);
      if (!at[1] || *e || v <= 0 || v > 1000000000) {
        snprintf(err, errlen, "--tiers: bad threshold '%s' for %s\n%s", at + 1, item, st_tier_usage());
        return false;
      }
      threshold = (uint32_t)v;
    }
    if (!strcmp(item, "interp")) {
      if (!first || at) {
        snprintf(err, errlen, "--tiers: interp must come first and takes no threshold\n%s", st_tier_usage());
        return false;
      }
    } else {
      const StTier *t = st_tier_find(item);
      if (!t) {
        snprintf(err, errlen, "--tiers: unknown tier '%s'\n%s", item, st_tier_usage());
        return false;
      }
      if (n >= ST_TIER_MAX_CHAIN) {
        snprintf(err, errlen, "--tiers: at most %d tiers\n%s", ST_TIER_MAX_CHAIN - 1, st_tier_usage());
        return false;
      }
      if (!threshold) threshold = t->default_threshold;
      if (threshold <= last_threshold) {
        snprintf(err, errlen, "--tiers: thresholds must increase along the chain (%s@%u)\n%s", item,
                 threshold, st_tier_usage());
        return false;
      }
      last_threshold = threshold;
      steps[n++] = (StTierStep){t, threshold};
    }
    first = false;
    p += len;
    if (*p == ',') p++;
  }
  *nsteps = n;
  return true;
}

/* --- per-proto state --- */

StProtoTier *st_tier_of(StVM *vm, StProto *p) {
  if (!p->tier) {
    StTierState *ts = st_tier_state(vm);
    StProtoTier *pt = st_xcalloc(1, sizeof(StProtoTier));
    pt->proto = p;
    pt->next = ts->protos;
    if (ts->protos) ts->protos->prev = pt;
    ts->protos = pt;
    p->tier = pt;
  }
  return p->tier;
}

/* Releases p's code and tier state (p is dying, or the tiers are shut down): no frame can be
 * running its code. */
static void drop_proto_tier(StVM *vm, StProto *p) {
  StTierState *ts = st_tier_state(vm);
  StProtoTier *pt = p->tier;
  if (!pt) return;
  if (pt->code && !pt->code->invalid) pt->code->tier->release(vm, pt->code);
  for (size_t i = 0; i < pt->osr.len; i++)
    if (!pt->osr.data[i]->invalid) pt->osr.data[i]->tier->release(vm, pt->osr.data[i]);
  st_vec_free(&pt->osr);
  if (pt->prev) pt->prev->next = pt->next;
  else ts->protos = pt->next;
  if (pt->next) pt->next->prev = pt->prev;
  free(pt);
  p->tier = NULL;
  p->entry = NULL;
}

void st_tier_describe(StVM *vm, StProto *p, char *buf, size_t cap) {
  char name[160] = "<anonymous>";
  if (p->flags & ST_PROTO_SCRIPT) snprintf(name, sizeof name, "<script>");
  else if (p->name && st_string_length(p->name)) {
    char *u = st_string_to_utf8(vm, p->name, NULL);
    snprintf(name, sizeof name, "%s", u ? u : "?");
    free(u);
  }
  snprintf(buf, cap, "%s (%s:%u:%u)", name, p->source ? p->source->filename : "?", p->line, p->col);
}

/* The hotness budget: how many more calls/back-edges before the next tier's threshold. */
static void set_budget(StVM *vm, StProto *p) {
  StTierState *ts = st_tier_state(vm);
  StProtoTier *pt = st_tier_of(vm, p);
  uint32_t count = p->calls + p->backedges;
  for (int next = pt->step + 1; next < ts->nchain; next++) {
    if (pt->blacklisted[next] || pt->never_optimize) continue;
    uint32_t th = ts->eager ? 0 : ts->chain[next].threshold;
    p->tier_budget = th > count ? (int32_t)(th - count) : 0;
    return;
  }
  p->tier_budget = INT32_MAX;
}

static bool permanent_abort(StAbort a) {
  return a == ST_ABORT_UNSUPPORTED_OP || a == ST_ABORT_ASYNC || a == ST_ABORT_DERIVED_CTOR ||
         a == ST_ABORT_TOO_LARGE || a == ST_ABORT_NOT_BUILT || a == ST_ABORT_BACKEND_UNAVAILABLE ||
         a == ST_ABORT_GENERATOR_LIKE;
}

/* After a compile attempt of p for chain step `step`: records it, counts an abort (and
 * blacklists), or installs normal code. Returns OSR code's entry, else NULL. */
static void *finish_compile(StVM *vm, StProto *p, int step, uint32_t osr_pc, StCode *code,
                            StAbort abort, StCompileRecord *rec) {
  StTierState *ts = st_tier_state(vm);
  StProtoTier *pt = st_tier_of(vm, p);
  const StTier *tier = ts->chain[step].tier;
  if (!code) {
    if (abort == ST_ABORT_NONE) abort = ST_ABORT_BACKEND_ERROR;
    rec->abort_reason = st_tier_abort_message(abort);
    st_prof_compile(ts->prof, rec);
    if (permanent_abort(abort) || ++pt->aborts[step] >= ST_TIER_MAX_ABORTS) {
      pt->blacklisted[step] = true;
      st_prof_event(ts->prof, "blacklist", rec->function, "%s", tier->name);
    }
    return NULL;
  }
  if (code->ndeps && code->deps_epoch != vm->proto_epoch) {
    /* A prototype changed between building the IR and now (a background compile): the
     * speculation may already be wrong. Drop the code; the function will be compiled again. */
    rec->abort_reason = "a prototype changed while compiling";
    st_prof_compile(ts->prof, rec);
    tier->release(vm, code);
    return NULL;
  }
  if (code->ndeps) {
    st_deps_register(vm, code);
    code->deps_registered = true;
  }
  st_prof_compile(ts->prof, rec);
  if (osr_pc != UINT32_MAX) {
    st_vec_push(&pt->osr, code);
    st_prof_event(ts->prof, "osr", rec->function, "%s at pc %u", tier->name, osr_pc);
    return (void *)code->entry;
  }
  /* Replaced by a higher tier: still valid for frames running it; released at exit. */
  if (pt->code) bury(ts, pt->code);
  pt->code = code;
  pt->step = step;
  p->entry = (void *)code->entry;
  return NULL;
}

/* Compiles p with chain step `step`: on the compiler thread when the tier supports it and
 * this is a normal (not OSR) compile, else right here. Returns OSR code's entry. */
static void *compile_step(StVM *vm, StProto *p, int step, uint32_t osr_pc) {
  StTierState *ts = st_tier_state(vm);
  StProtoTier *pt = st_tier_of(vm, p);
  const StTier *tier = ts->chain[step].tier;
  StCompileRecord rec;
  memset(&rec, 0, sizeof rec);
  char desc[256];
  st_tier_describe(vm, p, desc, sizeof desc);
  rec.function = desc;
  rec.tier = tier->name;
  rec.osr = osr_pc != UINT32_MAX;
  StAbort abort = ST_ABORT_NONE;
  pt->compiles++;
  uint64_t t0 = st_common_now_ns();
  if (ts->queue && tier->begin && osr_pc == UINT32_MAX) {
    if (pt->queued) return NULL;
    StJitJob *job = tier->begin(vm, p, osr_pc, &abort, &rec);
    if (!job) {
      rec.total_ns = st_common_now_ns() - t0;
      return finish_compile(vm, p, step, osr_pc, NULL, abort, &rec);
    }
    job->proto = p;
    job->step = step;
    job->start_ns = t0;
    pt->queued = true;
    st_compile_queue_push(ts->queue, job);
    return NULL;
  }
  StCode *code = tier->compile(vm, p, osr_pc, &abort, &rec);
  rec.total_ns = st_common_now_ns() - t0;
  return finish_compile(vm, p, step, osr_pc, code, abort, &rec);
}

/* Installs the code the compiler thread finished (a safe point: called from the tier check). */
static void install_finished(StVM *vm) {
  StTierState *ts = st_tier_state(vm);
  if (!ts->queue) return;
  for (StJitJob *job = st_compile_queue_take_done(ts->queue); job;) {
    StJitJob *next = job->next;
    StProto *p = job->proto;
    int step = job->step;
    const StTier *tier = job->code->tier;
    StProtoTier *pt = st_tier_of(vm, p);
    pt->queued = false;
    char desc[256];
    st_tier_describe(vm, p, desc, sizeof desc);
    uint64_t start = job->start_ns;
    StCompileRecord rec;
    StAbort abort = ST_ABORT_NONE;
    StCode *code = tier->end(vm, job, &abort, &rec);
    rec.function = desc;
    rec.tier = tier->name;
    rec.total_ns = st_common_now_ns() - start; /* wall time, queueing included */
    if (code && (pt->never_optimize || pt->blacklisted[step] || pt->step >= step)) {
      tier->release(vm, code); /* overtaken while compiling */
    } else {
      finish_compile(vm, p, step, UINT32_MAX, code, abort, &rec);
    }
    set_budget(vm, p);
    job = next;
  }
}

static int next_step(StVM *vm, StProto *p) {
  StTierState *ts = st_tier_state(vm);
  StProtoTier *pt = st_tier_of(vm, p);
  if (pt->never_optimize) return -1;
  uint32_t count = p->calls + p->backedges;
  int found = -1;
  for (int s = pt->step + 1; s < ts->nchain; s++) {
    if (pt->blacklisted[s]) continue;
    if (ts->eager) found = s; /* the top tier, right away */
    else if (count >= ts->chain[s].threshold || pt->optimize_next_call) found = s;
  }
  return found;
}

static void *hot(StVM *vm, StFunction *fn, StFrame *f, const uint16_t *pc) {
  install_finished(vm);
  StProto *p = fn->proto;
  StProtoTier *pt = st_tier_of(vm, p);
  int step = next_step(vm, p);
  void *osr = NULL;
  if (step > 0) {
    pt->optimize_next_call = false;
    const StTier *nt = st_tier_state(vm)->chain[step].tier;
    /* OSR targets: the speculative tiers, and the baseline (any instruction boundary of its
     * code is an entry, tiers/baseline.c). */
    if (pc && f && (nt->speculative || nt == &st_baseline_tier) && !(f->flags & ST_FRAME_ASYNC)) {
      /* A hot loop in a running frame: OSR into the loop (reusing this tier's code for this
       * header). */
      uint32_t off = (uint32_t)(pc - p->code);
      for (size_t i = 0; i < pt->osr.len && !osr; i++)
        if (pt->osr.data[i]->osr && pt->osr.data[i]->osr[0].pc == off && pt->osr.data[i]->tier == nt &&
            !pt->osr.data[i]->invalid)
          osr = (void *)pt->osr.data[i]->entry;
      if (!osr && !pt->blacklisted[step]) osr = compile_step(vm, p, step, off);
      if (osr) {
        char desc[256];
        st_tier_describe(vm, p, desc, sizeof desc);
        st_prof_event(st_tier_state(vm)->prof, "osr-enter", desc, "pc %u", off);
      }
    } else if (!pc) {
      compile_step(vm, p, step, UINT32_MAX);
    }
  }
  set_budget(vm, p);
  if (pc && !osr && p->tier_budget < 1000) p->tier_budget = 1000; /* retry OSR later, not every iteration */
  /* While a compile is in flight, check back soon to install it. */
  if (st_tier_state(vm)->queue && st_tier_of(vm, p)->queued && p->tier_budget > 200) p->tier_budget = 200;
  return osr;
}

/* --- deopts and invalidation --- */

void st_tier_note_deopt(StVM *vm, StCode *code, StDeoptExit *x, uint32_t depth, uint32_t pc) {
  StTierState *ts = st_tier_state(vm);
  StProto *p = code->proto;
  StProtoTier *pt = st_tier_of(vm, p);
  char desc[256];
  st_tier_describe(vm, p, desc, sizeof desc);
  st_prof_deopt(ts->prof, desc, code->tier->name, st_deopt_reason_name((StDeoptReason)x->reason), pc, depth);
  pt->deopts++;
  /* One exit taken twice means its speculation is wrong, not rare: keeping the code would only
   * take that exit again (deltablue took each such exit 9 times before the total limit below
   * discarded the code: 410 deopts per process, 107 with this rule, at the same compile count).
   * --deopt-every forces exits that say nothing about the feedback, so it keeps the total
   * limit alone. */
  bool exit_wrong = x->count >= ST_TIER_MAX_EXIT_DEOPTS && ts->deopt_every == 0;
  if ((code->deopts > ST_TIER_MAX_DEOPTS || exit_wrong) && !code->invalid) {
    /* Too many exits: discard the code; recompile later without speculation, or give up on
     * this tier when generic code deopts too. */
    st_deopt_invalidate(vm, code, "deoptimized too often");
    if (pt->no_speculation) {
      for (int s = 1; s < ts->nchain; s++)
        if (ts->chain[s].tier->speculative) pt->blacklisted[s] = true;
      st_prof_event(ts->prof, "blacklist", desc, "%s", "deoptimized too often");
    } else if (pt->respeculations < ST_TIER_MAX_RESPECULATE) {
      pt->respeculations++;
    } else {
      pt->no_speculation = true;
    }
    set_budget(vm, p);
  }
}

void st_tier_code_invalidated(StVM *vm, StCode *code, const char *why) {
  StTierState *ts = st_tier_state(vm);
  StProto *p = code->proto;
  StProtoTier *pt = st_tier_of(vm, p);
  char desc[256];
  st_tier_describe(vm, p, desc, sizeof desc);
  st_prof_event(ts->prof, "invalidate", desc, "%s (%s)", code->tier->name, why);
  if (pt->code == code) {
    pt->code = NULL;
    pt->step = 0;
    p->entry = NULL;
  }
  /* Frames may still be running it: release later (at exit: code memory is cheap, and a
   * collection point with no compiled frames on the stack would be needed to free it sooner). */
  bury(ts, code);
}

/* --- natives for tests --- */

const char *st_tier_current_name(StVM *vm, StProto *p) {
  StProtoTier *pt = p->tier;
  if (!pt || !pt->code) return "interp";
  return pt->code->tier->name;
}

void st_tier_optimize_next_call(StVM *vm, StProto *p) {
  StProtoTier *pt = st_tier_of(vm, p);
  pt->optimize_next_call = true;
  p->tier_budget = 0;
}

void st_tier_never_optimize(StVM *vm, StProto *p) {
  StProtoTier *pt = st_tier_of(vm, p);
  pt->never_optimize = true;
  if (pt->code) st_deopt_invalidate(vm, pt->code, "%NeverOptimizeFunction");
  p->tier_budget = INT32_MAX;
}

void st_tier_deoptimize_now(StVM *vm) {
  /* Invalidate the code of every frame on the stack: they deopt lazily when control comes
   * back to them (V8's %DeoptimizeNow deoptimizes the caller; this is a superset). */
  for (StFrame *f = vm->frame; f; f = f->caller) {
    StProtoTier *pt = st_frame_proto(f)->tier;
    if (pt && pt->code) st_deopt_invalidate(vm, pt->code, "%DeoptimizeNow");
  }
}

/* --- set-up --- */

static void trace_code(StHeap *h, const StCode *code) {
  st_deopt_info_trace(h, code->deopt_info);
  for (uint32_t i = 0; i < code->ncells; i++) st_gc_mark_cell(h, (StCell *)code->cells[i]);
}

/* Replaced or invalidated code may still be running in a frame: its cells stay alive too. */
static void trace_dead_code(StHeap *h, void *ud) {
  StTierState *ts = ud;
  for (StCode *c = ts->dead; c; c = c->next_dead) trace_code(h, c);
}

static void trace_tiers(StVM *vm, StHeap *h, StProto *p) {
  (void)vm;
  StProtoTier *pt = p->tier;
  if (!pt) return;
  if (pt->code) trace_code(h, pt->code);
  for (size_t i = 0; i < pt->osr.len; i++) trace_code(h, pt->osr.data[i]);
}

static void trace_proto(StVM *vm, StHeap *h, StProto *p) {
  st_tier_state(vm)->interp_trace_proto(vm, h, p);
  trace_tiers(vm, h, p);
}

static void free_proto(StVM *vm, StProto *p) {
  st_tier_state(vm)->interp_free_proto(vm, p);
  drop_proto_tier(vm, p); /* code of a dead proto cannot be running */
}

bool st_tier_init(StVM *vm, const char *spec, bool eager, char *err, size_t errlen) {
  StTierState *ts = st_xcalloc(1, sizeof *ts);
  vm->tiers = ts;
  ts->prof = st_prof_new();
  ts->eager = eager;
  ts->plugins[0] = (StBackendPlugin){.name = "llvm", .file = "libstrata_llvm.so"};
  ts->plugins[1] = (StBackendPlugin){.name = "gccjit", .file = "libstrata_gccjit.so"};
  for (size_t i = 0; i < ST_ARRAY_LEN(ts->plugins); i++) pthread_mutex_init(&ts->plugins[i].lock, NULL);
  /* No --tiers: the default chain, quietly without tiers this binary lacks. */
  bool quiet = spec == NULL;
  if (!spec) spec = ST_TIER_DEFAULT_CHAIN;
  if (!st_tier_parse_chain(spec, ts->chain, &ts->nchain, err, errlen)) return false;
  ts->prof->trace_tier = vm->flags.trace_tier;
  ts->prof->trace_deopt = vm->flags.trace_deopt;
  ts->deopt_every = vm->flags.deopt_every;
  ts->print_ir = vm->flags.print_ir;
  ts->passes = vm->flags.passes;
  if (ts->passes && !ts->passes[0]) {
    snprintf(err, errlen, "--passes needs a list of passes (e.g. all,-licm; passes: fold repr gvn licm dce)");
    return false;
  }
  if (ts->passes) {
    StOptOptions probe;
    st_opt_defaults(&probe, true);
    if (!st_opt_set_enabled(&probe, ts->passes, err, errlen)) return false;
  }
  ts->perf_map = vm->flags.perf_map;
#ifdef STRATA_ASSERT
  ts->verify_ir = true;
#else
  ts->verify_ir = vm->flags.verify_ir;
#endif
  /* Tiers named but not built into this binary: say so once, then run without them. */
  for (int s = 1; s < ts->nchain; s++) {
    const char *why = NULL;
    if (!ts->chain[s].tier->available(vm, &why)) {
      if (!quiet)
        fprintf(stderr, "strata: tier '%s' is not available: %s (running without it)\n",
              ts->chain[s].tier->name, why ? why : "unknown reason");
      memmove(&ts->chain[s], &ts->chain[s + 1], (size_t)(ts->nchain - s - 1) * sizeof(StTierStep));
      ts->nchain--;
      s--;
    }
  }
  ts->interp_trace_proto = vm->hooks.trace_proto;
  ts->interp_free_proto = vm->hooks.free_proto;
  vm->hooks.trace_proto = trace_proto;
  vm->hooks.free_proto = free_proto;
  if (ts->nchain > 1) vm->hooks.hot = hot;
  /* --eager compiles before the first run, so it has nothing to overlap with. */
  if (ts->nchain > 1 && vm->flags.concurrent && !eager) ts->queue = st_compile_queue_new(vm);
  st_jit_helpers_init(&ts->host);
  st_gc_add_root_tracer(vm->heap, trace_dead_code, ts);
  ts->deps = st_deps_new();
  vm->hooks.dependency_broken = st_deps_broken;
  vm->hooks.inlined_frames = st_deopt_inlined_frames; /* stack traces through inlined frames */
  return true;
}

StProf *st_tier_prof(StVM *vm) { return st_tier_state(vm) ? st_tier_state(vm)->prof : NULL; }

void st_tier_free(StVM *vm) {
  StTierState *ts = st_tier_state(vm);
  if (!ts) return;
  if (!ts->deps) { /* st_tier_init failed (bad --tiers or --passes): no hook, plugin or root yet */
    st_prof_free(ts->prof);
    free(ts);
    vm->tiers = NULL;
    return;
  }
  if (ts->queue) st_compile_queue_free(vm, ts->queue);
  ts->queue = NULL;
  /* Every proto goes back to the interpreter alone (an embedder may run the VM on, or free it
   * later: its hooks must not reach this freed state). Before the dead list goes: dropping a
   * proto reads the `invalid` flag of its OSR entries, which may be on that list. */
  while (ts->protos) drop_proto_tier(vm, ts->protos->proto);
  while (ts->dead) {
    StCode *c = ts->dead;
    ts->dead = c->next_dead;
    c->tier->release(vm, c);
  }
  vm->hooks.trace_proto = ts->interp_trace_proto;
  vm->hooks.free_proto = ts->interp_free_proto;
  vm->hooks.hot = NULL;
  st_jit_plugins_shutdown(vm);
  st_baseline_shutdown(vm);
  st_gc_remove_root_tracer(vm->heap, trace_dead_code, ts);
  st_deps_free(ts->deps);
  vm->hooks.dependency_broken = NULL;
  vm->hooks.inlined_frames = NULL;
  st_prof_free(ts->prof);
  free(ts);
  vm->tiers = NULL;
}
