/* tiers/baseline.c: the baseline tier: no speculation, compiled straight from bytecode by
 * copy-and-patch (backends/cnp), keeping the interpreter's frame layout exactly.
 *
 * What the tier adds to the code generator:
 *  - the exit table: exit i of the code resumes the interpreter at instruction i's bytecode
 *    offset with the frame as it is (no entries: the registers already live in the frame).
 *    Every exit is flagged `exception`: the baseline leaves only to let the interpreter unwind
 *    a pending exception, so st_deopt_exit never counts an exit against the code and the code
 *    is never discarded or blacklisted for deopting;
 *  - compile records (time, bytecodes, bytes) for --stats and --trace-tier;
 *  - release: unmapping the code.
 * Compiles are synchronous (no begin/generate/end): copying stencils costs microseconds, less
 * than handing a job to the compiler thread would.
 *
 * OSR: every instruction boundary of baseline code is a valid entry with the frame as the
 * interpreter left it, so an OSR compile is a normal compile whose entry is the instruction
 * after the loop header (the interpreter has counted that back-edge already). Baseline code
 * asks for tier-up at its own loop headers (baseline_loop) and enters a higher tier's OSR
 * code from there, never baseline OSR code again (that would nest the same frame).
 */
#include "tiers/tier_internal.h"

#include "backends/cnp/cnp.h"
#include "backends/helpers.h"
#include "frontend/bytecode.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void baseline_release(StVM *vm, StCode *code);

static bool baseline_available(StVM *vm, const char **why) {
  (void)vm;
  return st_cnp_supported(why);
}

/* Exit i: one frame (the function's own), no entries, resume at instruction i. */
static StDeoptInfo *exit_table(StProto *p, const StCnpResult *res) {
  StDeoptInfo *d = st_xcalloc(1, sizeof *d);
  uint32_t n = res->ninsns ? res->ninsns : 1;
  d->nexits = res->ninsns;
  d->exits = st_xcalloc(n, sizeof(StDeoptExit));
  d->nframes = res->ninsns;
  d->frames = st_xcalloc(n, sizeof(StDeoptFrame));
  d->entries = st_xcalloc(1, sizeof(StDeoptEntry));
  for (uint32_t i = 0; i < res->ninsns; i++) {
    d->frames[i] = (StDeoptFrame){.proto = p, .callee = ST_UNDEFINED, .pc = res->insn_pcs[i]};
    d->exits[i] = (StDeoptExit){.first_frame = i, .nframes = 1, .reason = ST_DEOPT_EXCEPTION, .exception = true};
  }
  return d;
}

/* The tier check at a loop header of baseline code (the stencil bumped the counters and found
 * the budget spent): as the interpreter's LOOPHEAD, except that only tiers above the baseline
 * are candidates, since this frame already runs baseline code (entering baseline OSR code
 * would nest the same frame). While the proto has no baseline code installed (this frame
 * entered by OSR), its chain step is raised to the baseline's for the duration of the check,
 * and the budget kept short so that its next calls still get the normal baseline entry. */
static StValue baseline_loop(StVM *vm, StFrame *f, uint32_t pcoff) {
  if (!vm->hooks.hot) return ST_HOLE;
  StTierState *ts = st_tier_state(vm);
  StProto *p = st_frame_proto(f);
  StProtoTier *pt = st_tier_of(vm, p);
  int bstep = 0;
  bool higher = false;
  for (int s = 1; s < ts->nchain; s++)
    if (ts->chain[s].tier == &st_baseline_tier) bstep = s;
  for (int s = bstep + 1; s < ts->nchain; s++)
    if (!pt->blacklisted[s] && !pt->never_optimize) higher = true;
  if (!higher) {
    p->tier_budget = pt->step >= bstep ? INT32_MAX : 1000;
    return ST_HOLE;
  }
  int saved_step = pt->step;
  StCode *saved_code = pt->code;
  if (pt->step < bstep) pt->step = bstep;
  const uint16_t *pc = p->code + pcoff;
  f->pc = pc;
  void *osr = vm->hooks.hot(vm, st_frame_function(f), f, pc);
  vm->frame = f;
  if (pt->code == saved_code && saved_step < bstep) {
    pt->step = saved_step;
    if (p->tier_budget > 1000) p->tier_budget = 1000;
  }
  if (!osr) return ST_HOLE;
  /* A higher tier takes this frame over at this loop header and finishes the call. */
  StValue v = ((StCompiledEntry)osr)(vm, f);
  if (v != ST_RESUME) vm->frame = f;
  return v;
}

/* --perf-map: one "start size name" line per function, as the other tiers write. */
static void perf_map_line(StVM *vm, StProto *p, const StCnpResult *res) {
  char path[64], desc[256];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  FILE *m = fopen(path, "a");
  if (!m) return;
  st_tier_describe(vm, p, desc, sizeof desc);
  fprintf(m, "%lx %zx baseline:%s\n", (unsigned long)(uintptr_t)res->mem, res->code_size, desc);
  fclose(m);
}

static StCode *baseline_compile(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec) {
  StTierState *ts = st_tier_state(vm);
  StCode *code = st_xcalloc(1, sizeof *code);
  code->tier = &st_baseline_tier;
  code->proto = p;
  StCnpResult *res = st_xcalloc(1, sizeof *res);
  if (!ts->baseline) ts->baseline = st_cnp_mem_arena_new(); /* NULL: private mappings */
  StCnpOptions opts = {.exit_fn = ts->host.helpers[ST_HELPER_DEOPT], .code = code, .loop_fn = (void *)baseline_loop,
                       .arena = ts->baseline};
  char why[200] = "";
  uint64_t t0 = st_common_now_ns();
  StAbort a = st_cnp_compile(vm, p, &opts, res, why, sizeof why);
  rec->backend_ns = st_common_now_ns() - t0;
  if (a != ST_ABORT_NONE) {
    if (why[0] && ts->prof->trace_tier) {
      char desc[256];
      st_tier_describe(vm, p, desc, sizeof desc);
      fprintf(ts->prof->out, "[tier] abort detail %s: %s\n", desc, why);
    }
    free(res);
    free(code);
    *abort = a;
    return NULL;
  }
  if (ts->perf_map) perf_map_line(vm, p, res);
  rec->bytecodes = res->ninsns;
  rec->code_size = res->code_size;
  code->entry = res->entry;
  code->backend = res;
  code->code_size = res->code_size;
  code->deopt_info = exit_table(p, res);
  if (osr_pc != UINT32_MAX) {
    /* OSR code: its entry is the instruction after the loop header. */
    uint32_t next = osr_pc + (osr_pc < p->code_len ? st_bytecode_size(p->code[osr_pc]) : 0);
    StCompiledEntry e = osr_pc < p->code_len && p->code[osr_pc] == ST_OP_LOOPHEAD ? st_cnp_entry_at(res, next) : NULL;
    if (!e) {
      baseline_release(vm, code);
      *abort = ST_ABORT_UNSUPPORTED_OP;
      return NULL;
    }
    code->entry = e;
    code->osr = st_xmalloc(sizeof *code->osr);
    code->osr[0].pc = osr_pc;
    code->osr[0].entry = e;
    code->nosr = 1;
  }
  /* The code embeds the proto, its constants and its feedback slots: keep the proto alive for
   * as long as the code (replaced code stays on the dead list until exit). */
  code->cells = st_xmalloc(sizeof(void *));
  code->cells[0] = p;
  code->ncells = 1;
  return code;
}

static void baseline_release(StVM *vm, StCode *code) {
  (void)vm;
  if (code->backend) {
    st_cnp_free(code->backend);
    free(code->backend);
  }
  st_deopt_info_free(code->deopt_info);
  free(code->cells);
  free(code->deps);
  free(code->osr);
  free(code);
}

void st_baseline_shutdown(StVM *vm) {
  StTierState *ts = st_tier_state(vm);
  st_cnp_mem_arena_free(ts->baseline); /* code still installed keeps its chunk mapped */
  ts->baseline = NULL;
}

const StTier st_baseline_tier = {
    .name = "baseline",
    .level = 1,
    .speculative = false,
    .default_threshold = 100,
    .available = baseline_available,
    .compile = baseline_compile,
    .release = baseline_release,
};
