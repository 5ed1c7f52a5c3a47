/* tiers/jit.c: the compile pipeline every IR-based tier shares:
 *
 *     bytecode + feedback --st_ir_build--> IR --passes--> IR --backend plugin--> machine code
 *                                                             + deopt tables from snapshots
 *
 * and loading the backend plugins (dlopen of libstrata_<name>.so next to the executable, the
 * first time a tier needs it), so that a process that never compiles never loads LLVM.
 */
#include "tiers/tier_internal.h"

#include "backends/ir_build.h"
#include "frontend/bytecode.h"
#include "backends/opt.h"

#include <dirent.h>
#include <pthread.h>
#include <dlfcn.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- plugins --- */

void st_jit_plugin_path(const char *file, char *out, size_t cap) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    snprintf(out, cap, "%s", file);
    return;
  }
  exe[n] = 0;
  char *slash = strrchr(exe, '/');
  if (slash) *slash = 0;
  snprintf(out, cap, "%s/%s", exe, file);
}

StBackendPlugin *st_jit_plugin(StVM *vm, const char *name) {
  StTierState *ts = st_tier_state(vm);
  for (size_t i = 0; i < ST_ARRAY_LEN(ts->plugins); i++)
    if (ts->plugins[i].name && !strcmp(ts->plugins[i].name, name)) return &ts->plugins[i];
  ST_UNREACHABLE();
}

void st_jit_plugins_shutdown(StVM *vm) {
  StTierState *ts = st_tier_state(vm);
  for (size_t i = 0; i < ST_ARRAY_LEN(ts->plugins); i++) {
    StBackendPlugin *pl = &ts->plugins[i];
    if (pl->ok && pl->backend->shutdown) pl->backend->shutdown(pl->state);
    /* The module stays mapped: unloading LLVM at exit buys nothing and risks static
     * destructors running after ours. */
    pl->ok = false;
  }
  if (ts->temp_dir[0]) {
    DIR *d = opendir(ts->temp_dir);
    if (d) {
      struct dirent *e;
      char path[PATH_MAX];
      while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
          snprintf(path, sizeof path, "%s/%s", ts->temp_dir, e->d_name);
          unlink(path);
        }
      closedir(d);
    }
    rmdir(ts->temp_dir);
    ts->temp_dir[0] = 0;
  }
}

bool st_jit_load_plugin(StVM *vm, StBackendPlugin *p) {
  if (p->tried) return p->ok;
  p->tried = true;
  StTierState *ts = st_tier_state(vm);
  char path[PATH_MAX + 64];
  st_jit_plugin_path(p->file, path, sizeof path);
  p->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!p->dl) {
    snprintf(p->error, sizeof p->error, "cannot load %s: %s", path, dlerror());
    return false;
  }
  StBackendPluginFn entry = (StBackendPluginFn)dlsym(p->dl, ST_BACKEND_PLUGIN_SYMBOL);
  if (!entry) {
    snprintf(p->error, sizeof p->error, "%s has no %s", path, ST_BACKEND_PLUGIN_SYMBOL);
    return false;
  }
  p->backend = entry();
  if (!p->backend || p->backend->abi_version != ST_BACKEND_ABI_VERSION) {
    snprintf(p->error, sizeof p->error, "%s: backend ABI mismatch", path);
    return false;
  }
  if (!ts->temp_dir[0]) {
    /* The path of a private directory for backends that write files (libgccjit's driver
     * does). One per process, not per VM: libgccjit reads TMPDIR once per process. The
     * backend creates it (mode 0700, refusing one it does not own) only while it compiles and
     * removes it after, so a process that crashes leaves nothing behind. */
    snprintf(ts->temp_dir, sizeof ts->temp_dir, "/tmp/strata-jit-%ld", (long)getpid());
  }
  ts->host.temp_dir = ts->temp_dir[0] ? ts->temp_dir : NULL;
  ts->host.perf_map = ts->perf_map;
  p->state = p->backend->init(&ts->host, p->error, sizeof p->error);
  if (!p->state) {
    fprintf(stderr, "strata: the %s backend could not start: %s\n", p->name, p->error);
    return false;
  }
  p->ok = true;
  return true;
}

/* --- deopt tables from the IR's snapshots --- */

static StDeoptInfo *deopt_tables(StIrFunc *f) {
  StDeoptInfo *d = st_xcalloc(1, sizeof *d);
  d->nexits = (uint32_t)f->snaps.len;
  d->exits = st_xcalloc(d->nexits ? d->nexits : 1, sizeof(StDeoptExit));
  d->nframes = (uint32_t)f->snap_frames.len;
  d->frames = st_xcalloc(d->nframes ? d->nframes : 1, sizeof(StDeoptFrame));
  d->nentries = (uint32_t)f->snap_entries.len;
  d->entries = st_xcalloc(d->nentries ? d->nentries : 1, sizeof(StDeoptEntry));
  for (uint32_t i = 0; i < d->nframes; i++) {
    StIrSnapFrame *sf = &f->snap_frames.data[i];
    StDeoptFrame *df = &d->frames[i];
    df->proto = sf->proto;
    df->callee = sf->callee ? st_object_value(sf->callee) : ST_UNDEFINED;
    df->pc = sf->pc;
    df->first_entry = sf->first;
    df->nentries = sf->count;
    df->ret_reg = sf->ret_reg;
    df->argc = sf->argc;
  }
  for (uint32_t s = 0; s < d->nexits; s++) {
    StIrSnap *sn = &f->snaps.data[s];
    d->exits[s].first_frame = sn->first_frame;
    d->exits[s].nframes = sn->nframes;
    d->exits[s].reason = (uint16_t)sn->reason;
    d->exits[s].exception = sn->exception;
    /* Buffer slots: the snapshot's entries flattened over its frames, in order. */
    uint32_t slot = 0;
    for (uint32_t k = 0; k < sn->nframes; k++) {
      StIrSnapFrame *sf = &f->snap_frames.data[sn->first_frame + k];
      for (uint32_t e = 0; e < sf->count; e++) {
        StDeoptEntry *en = &d->entries[sf->first + e];
        en->reg = f->snap_entries.data[sf->first + e].reg;
        en->slot = (uint16_t)slot++;
      }
    }
    if (slot > d->max_slots) d->max_slots = slot;
  }
  return d;
}

/* The heap cells compiled code embeds, so that they live as long as the code (tier.c traces
 * them): builder-registered pointers plus the cells in constants and guard immediates. */
static void collect_cells(StIrFunc *f, StCode *code) {
  StVec(void *) cells = {0};
  for (size_t i = 0; i < f->cells.len; i++) st_vec_push(&cells, f->cells.data[i]);
  for (size_t i = 0; i < f->deps.len; i++) st_vec_push(&cells, f->deps.data[i]);
  for (size_t r = 1; r < f->insns.len; r++) {
    StIrInsn *in = &f->insns.data[r];
    if (in->flags & ST_IRI_DEAD) continue;
    if ((in->op == ST_IR_CONST_VALUE || in->op == ST_IR_GUARD_EQ_VALUE) && st_is_cell(in->imm.v))
      st_vec_push(&cells, st_nanbox_pointer(in->imm.v));
    else if (in->op == ST_IR_GUARD_SHAPE && in->imm.p)
      st_vec_push(&cells, in->imm.p);
  }
  code->cells = cells.data;
  code->ncells = (uint32_t)cells.len;
  code->ndeps = (uint32_t)f->deps.len;
  code->deps = st_xmalloc((f->deps.len ? f->deps.len : 1) * sizeof(StObject *));
  if (f->deps.len) memcpy(code->deps, f->deps.data, f->deps.len * sizeof(StObject *));
  code->deps_epoch = f->proto_epoch;
}

/* --- the pipeline --- */

static bool print_ir_wanted(const char *spec, const char *stage) {
  if (!spec) return false;
  if (!strcmp(spec, "all")) return !strcmp(stage, "build") || !strcmp(stage, "final");
  if (!strcmp(spec, stage)) return true;
  if (!strncmp(spec, "after:", 6)) return !strcmp(spec + 6, stage);
  return false;
}

/* The front half of the pipeline: IR from bytecode and feedback, then the passes. Returns
 * ST_ABORT_NONE with f ready for a backend. */
static StAbort build_and_optimize(StVM *vm, StProto *p, uint32_t osr_pc, const StJitConfig *cfg,
                                  StCode *code, const char *name, StIrFunc *f, StCompileRecord *rec,
                                  char *why, size_t whylen) {
  StTierState *ts = st_tier_state(vm);
  StProtoTier *pt = st_tier_of(vm, p);
  StIrBuildOptions bo = {
      .osr_pc = osr_pc,
      .speculate = !pt->no_speculation,
      .max_inline_depth = cfg->max_inline_depth,
      .max_inline_bytecodes = cfg->max_inline_bytecodes,
      .max_insns = cfg->max_insns,
      .deopt_every = ts->deopt_every > 0,
      .code = code,
      .code_invalid_offset = (uint32_t)offsetof(StCode, invalid),
      .name = name,
      .generic_cold = ts->eager,
  };
  uint64_t t0 = st_common_now_ns();
  StAbort a = st_ir_build(vm, p, &bo, f, why, whylen);
  rec->ir_build_ns = st_common_now_ns() - t0;
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) rec->bytecodes++;
  if (a == ST_ABORT_NONE && print_ir_wanted(ts->print_ir, "build")) st_ir_print(stderr, f);
  if (a == ST_ABORT_NONE && ts->verify_ir && !st_ir_verify(f)) {
    snprintf(why, whylen, "after build: %s", f->error);
    a = ST_ABORT_VERIFY_FAILED;
  }
  if (a == ST_ABORT_NONE) {
    uint64_t t1 = st_common_now_ns();
    StOptOptions oo;
    st_opt_defaults(&oo, cfg->full_passes);
    if (ts->passes) {
      char perr[256];
      bool ok = st_opt_set_enabled(&oo, ts->passes, perr, sizeof perr);
      ST_ASSERT(ok, "--passes was validated at start-up: %s", perr);
      (void)ok;
    }
    oo.print_after = ts->print_ir && !strncmp(ts->print_ir, "after:", 6) ? ts->print_ir + 6 : NULL;
    oo.verify = ts->verify_ir;
    if (!st_opt_run(f, &oo)) {
      snprintf(why, whylen, "after a pass: %s", f->error);
      a = ST_ABORT_VERIFY_FAILED;
    }
    rec->passes_ns = st_common_now_ns() - t1;
    if (a == ST_ABORT_NONE && print_ir_wanted(ts->print_ir, "final")) st_ir_print(stderr, f);
  }
  rec->ir_insns = (uint32_t)f->insns.len;
  if (a == ST_ABORT_NONE && cfg->max_insns && f->insns.len > cfg->max_insns) a = ST_ABORT_TOO_LARGE;
  return a;
}

/* begin: the main-thread half. Everything that reads the VM (bytecode, feedback, shapes) happens
 * here; the job it returns holds the finished IR and a code object without machine code. */
StJitJob *st_jit_begin(StVM *vm, StProto *p, uint32_t osr_pc, const StJitConfig *cfg,
                       const StTier *tier, StAbort *abort, StCompileRecord *rec) {
  StTierState *ts = st_tier_state(vm);
  if (!st_jit_load_plugin(vm, cfg->plugin)) {
    *abort = ST_ABORT_BACKEND_UNAVAILABLE;
    return NULL;
  }
  StJitJob *job = st_xcalloc(1, sizeof *job);
  job->code = st_xcalloc(1, sizeof(StCode));
  job->code->tier = tier;
  job->code->proto = p;
  job->cfg = *cfg;
  job->osr_pc = osr_pc;
  job->rec = *rec;
  st_tier_describe(vm, p, job->name, sizeof job->name);
  st_ir_init(&job->ir);
  char why[200] = "";
  StAbort a = build_and_optimize(vm, p, osr_pc, cfg, job->code, job->name, &job->ir, &job->rec, why, sizeof why);
  *rec = job->rec;
  if (a != ST_ABORT_NONE) {
    if (why[0] && ts->prof->trace_tier) fprintf(ts->prof->out, "[tier] abort detail %s: %s\n", job->name, why);
    st_jit_job_free(job);
    *abort = a;
    return NULL;
  }
  StDeoptInfo *info = deopt_tables(&job->ir);
  job->code->deopt_info = info;
  st_deopt_buffer(vm, info->max_slots + 1);
  collect_cells(&job->ir, job->code);
  return job;
}

/* generate: the backend, on any thread. Backends are not assumed reentrant: one compile at
 * a time per plugin. */
bool st_jit_generate(StJitJob *job) {
  StBackendPlugin *pl = job->cfg.plugin;
  StBackendOptions bopt = {.opt_level = job->cfg.opt_level,
                           .fast_isel = job->cfg.fast_isel || job->cfg.opt_level == 0,
                           .pipeline = job->cfg.pipeline};
  memset(&job->res, 0, sizeof job->res);
  uint64_t t = st_common_now_ns();
  pthread_mutex_lock(&pl->lock);
  job->ok = pl->backend->compile(pl->state, &job->ir, job->name, &bopt, &job->res);
  pthread_mutex_unlock(&pl->lock);
  job->rec.backend_ns = st_common_now_ns() - t;
  st_ir_free(&job->ir);
  job->ir_freed = true;
  return job->ok;
}

/* end: back on the main thread, the code object (NULL with *abort set when the backend
 * failed). Consumes the job. */
StCode *st_jit_end(StVM *vm, StJitJob *job, StAbort *abort, StCompileRecord *rec) {
  StTierState *ts = st_tier_state(vm);
  *rec = job->rec;
  StCode *code = NULL;
  if (!job->ok) {
    if (ts->prof->trace_tier) fprintf(ts->prof->out, "[tier] backend error %s: %s\n", job->name, job->res.error);
    *abort = ST_ABORT_BACKEND_ERROR;
  } else {
    code = job->code;
    job->code = NULL;
    code->entry = (StCompiledEntry)job->res.entry;
    code->backend = job->res.handle;
    code->plugin = job->cfg.plugin;
    code->code_size = job->res.code_size;
    rec->code_size = job->res.code_size;
    if (job->osr_pc != UINT32_MAX) {
      code->osr = st_xmalloc(sizeof *code->osr);
      code->osr[0].pc = job->osr_pc;
      code->osr[0].entry = code->entry;
      code->nosr = 1;
    }
  }
  st_jit_job_free(job);
  return code;
}

void st_jit_job_free(StJitJob *job) {
  if (!job->ir_freed) st_ir_free(&job->ir);
  /* Generated but never installed (the compile queue shut down at exit, or the batch was
   * dropped): the backend's code and resources go back through the plugin that made them. */
  StBackendPlugin *pl = job->cfg.plugin;
  if (job->code && job->ok && job->res.handle && pl && pl->ok) pl->backend->release(pl->state, job->res.handle);
  if (job->code) {
    st_deopt_info_free(job->code->deopt_info);
    free(job->code->cells);
    free(job->code->deps);
    free(job->code);
  }
  free(job);
}

StCode *st_jit_compile(StVM *vm, StProto *p, uint32_t osr_pc, const StJitConfig *cfg,
                       const StTier *tier, StAbort *abort, StCompileRecord *rec) {
  StJitJob *job = st_jit_begin(vm, p, osr_pc, cfg, tier, abort, rec);
  if (!job) return NULL;
  st_jit_generate(job);
  return st_jit_end(vm, job, abort, rec);
}

/* --ir-check: build and optimize the IR of every function that ran, with the feedback it
 * collected, without a backend; report aborts and verifier failures. A test of the builder
 * and the passes over whole programs (tests/run_tests.py runs the corpus with it). */
static void ir_check_proto(StVM *vm, StProto *p, FILE *out, uint32_t *checked, uint32_t *bad, int depth) {
  if (depth > 256) return;
  if (p->calls + p->backedges > 0) {
    for (int spec = 1; spec >= 0; spec--) {
      StProtoTier *pt = st_tier_of(vm, p);
      bool saved = pt->no_speculation;
      pt->no_speculation = !spec;
      StJitConfig cfg = {.tier_name = "check", .full_passes = true, .max_inline_depth = 3,
                         .max_inline_bytecodes = 120};
      StCode code = {0};
      code.proto = p;
      char name[256], why[200] = "";
      st_tier_describe(vm, p, name, sizeof name);
      StIrFunc f;
      st_ir_init(&f);
      StCompileRecord rec = {0};
      StAbort a = build_and_optimize(vm, p, UINT32_MAX, &cfg, &code, name, &f, &rec, why, sizeof why);
      st_ir_free(&f);
      pt->no_speculation = saved;
      (*checked)++;
      if (a == ST_ABORT_VERIFY_FAILED || (a != ST_ABORT_NONE && a != ST_ABORT_ASYNC)) {
        (*bad)++;
        fprintf(out, "ir-check: %s (%s): %s%s%s\n", name, spec ? "speculative" : "generic",
                st_tier_abort_message(a), why[0] ? ": " : "", why);
      }
    }
  }
  for (uint32_t i = 0; i < p->nconsts; i++) {
    StValue c = p->consts[i];
    if ((c >> ST_TAG_SHIFT) == ST_TAG_CELL && st_cell_kind(st_nanbox_pointer(c)) == ST_KIND_PROTO)
      ir_check_proto(vm, (StProto *)st_nanbox_pointer(c), out, checked, bad, depth + 1);
  }
}

bool st_jit_ir_check(StVM *vm, StProto *script, FILE *out) {
  StTierState *ts = st_tier_state(vm);
  bool saved = ts->verify_ir;
  ts->verify_ir = true;
  uint32_t checked = 0, bad = 0;
  ir_check_proto(vm, script, out, &checked, &bad, 0);
  ts->verify_ir = saved;
  fprintf(out, "ir-check: %u builds, %u failed\n", checked, bad);
  return bad == 0;
}

void st_jit_release(StVM *vm, StCode *code) {
  /* By the plugin that made it: tier names and plugin names differ (mid code is llvm's). */
  StBackendPlugin *pl = code->plugin;
  if (pl && pl->ok && code->backend) pl->backend->release(pl->state, code->backend);
  if (code->deps_registered) st_deps_unregister(vm, code);
  st_deopt_info_free(code->deopt_info);
  free(code->cells);
  free(code->deps);
  free(code->osr);
  free(code);
}
