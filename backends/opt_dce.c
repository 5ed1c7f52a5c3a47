/* backends/opt_dce.c: dead code elimination and block merging.
 *
 *   1. blocks the entry cannot reach go (with their edges and the phi inputs they fed);
 *   2. trivial phis (every input the same value, or the phi itself) are replaced by that value;
 *   3. mark and sweep: the roots are instructions with an effect, a guard or throwing call (it
 *      may leave, so it stays even when its value is unused), terminators, and the entry values
 *      (PARAM, FRAME, VMPTR: cheap and the backends may look for them); live instructions keep
 *      their operands, arguments and every value their snapshot names live. Everything else
 *      unmarked (pure instructions, loads, phis, including dead phi cycles) is removed;
 *   4. a block whose single predecessor has it as its single successor is merged into that
 *      predecessor (its phis, which have one input, become that input).
 * A loop header's entry snapshot is not a root: when it names a removed value it is dropped.
 */
#include "backends/opt_internal.h"

#include <string.h>

typedef StVec(StIrRef) RefVec;

static bool is_root(const StIrInsn *i) {
  if (st_opt_flags(i) & (ST_IRF_EFFECT | ST_IRF_GUARD | ST_IRF_TERM | ST_IRF_THROWS)) return true;
  return i->op == ST_IR_PARAM || i->op == ST_IR_FRAME || i->op == ST_IR_VMPTR;
}

static void mark(StIrFunc *f, uint8_t *live, RefVec *work, StIrRef r) {
  if (!r || live[r]) return;
  live[r] = 1;
  st_vec_push(work, r);
}

static void mark_snap(StIrFunc *f, uint8_t *live, RefVec *work, uint32_t snap1) {
  if (!snap1 || snap1 > f->snaps.len) return;
  StIrSnap *s = &f->snaps.data[snap1 - 1];
  for (uint32_t k = 0; k < s->nframes; k++) {
    StIrSnapFrame *sf = &f->snap_frames.data[s->first_frame + k];
    for (uint32_t e = 0; e < sf->count; e++) mark(f, live, work, f->snap_entries.data[sf->first + e].ref);
    mark(f, live, work, sf->this_ref);
    mark(f, live, work, sf->callee_ref);
  }
}

static bool snap_all_live(StIrFunc *f, uint32_t snap1) {
  if (!snap1 || snap1 > f->snaps.len) return false;
  StIrSnap *s = &f->snaps.data[snap1 - 1];
  for (uint32_t k = 0; k < s->nframes; k++) {
    StIrSnapFrame *sf = &f->snap_frames.data[s->first_frame + k];
    for (uint32_t e = 0; e < sf->count; e++)
      if (!st_opt_live(f, f->snap_entries.data[sf->first + e].ref)) return false;
  }
  return true;
}

static uint32_t sweep(StIrFunc *f) {
  uint8_t *live = st_xcalloc(f->insns.len, 1);
  RefVec work = {0};
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(f, r);
      if (!(i->flags & ST_IRI_DEAD) && is_root(i)) mark(f, live, &work, r);
    }
  }
  while (work.len) {
    StIrInsn *i = st_ir_insn(f, st_vec_pop(&work));
    for (uint32_t k = 0; k < st_opt_nslots(i); k++) mark(f, live, &work, *st_opt_slot(i, k));
    mark_snap(f, live, &work, i->snap);
  }
  uint32_t removed = 0;
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(f, r);
      if (!(i->flags & ST_IRI_DEAD) && !live[r]) {
        st_opt_kill(f, r);
        removed++;
      }
    }
  }
  st_vec_free(&work);
  free(live);
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->entry_snap && !snap_all_live(f, blk->entry_snap)) blk->entry_snap = 0;
  }
  return removed;
}

static uint32_t trivial_phis(StIrFunc *f, StOptRepl *repl) {
  uint32_t n = 0;
  bool again = true;
  while (again) {
    again = false;
    for (uint32_t b = 0; b < f->blocks.len; b++) {
      StIrBlock *blk = &f->blocks.data[b];
      if (blk->dead) continue;
      for (size_t k = 0; k < blk->insns.len; k++) {
        StIrRef r = blk->insns.data[k];
        StIrInsn *i = st_ir_insn(f, r);
        if (i->flags & ST_IRI_DEAD) continue;
        if (i->op != ST_IR_PHI) break;
        StIrRef t = st_opt_trivial_phi(f, repl, r);
        if (t) {
          st_opt_replace(f, repl, r, t);
          again = true;
          n++;
        }
      }
    }
  }
  return n;
}

/* Merges block b into its single predecessor p, whose single successor it is. */
static void merge(StIrFunc *f, StOptRepl *repl, uint32_t p, uint32_t b) {
  StIrBlock *pb = &f->blocks.data[p];
  st_opt_kill(f, pb->insns.data[st_opt_term_index(f, p)]);
  StIrBlock *bb = &f->blocks.data[b];
  for (size_t k = 0; k < bb->insns.len; k++) {
    StIrRef r = bb->insns.data[k];
    StIrInsn *i = st_ir_insn(f, r);
    if (i->flags & ST_IRI_DEAD) continue;
    if (i->op == ST_IR_PHI) {
      ST_ASSERT(i->nargs == 1, "phi v%u of a single-predecessor block has %u inputs", r, i->nargs);
      st_opt_replace(f, repl, r, st_opt_resolve(repl, i->args[0]));
      continue;
    }
    i->block = p;
    st_vec_push(&pb->insns, r);
  }
  pb->nsucc = bb->nsucc;
  for (uint32_t k = 0; k < bb->nsucc; k++) {
    uint32_t s = bb->succ[k];
    pb->succ[k] = s;
    StIrBlock *sb = &f->blocks.data[s];
    for (size_t j = 0; j < sb->preds.len; j++)
      if (sb->preds.data[j] == b) sb->preds.data[j] = p;
  }
  bb->insns.len = 0;
  bb->preds.len = 0;
  bb->nsucc = 0;
  bb->dead = true;
  bb->entry_snap = 0;
  bb->is_loop_header = false;
}

static uint32_t merge_blocks(StIrFunc *f, StOptRepl *repl) {
  uint32_t n = 0, count;
  uint32_t *rpo = st_ir_rpo(f, &count);
  for (uint32_t k = 0; k < count; k++) {
    uint32_t b = rpo[k];
    StIrBlock *bb = &f->blocks.data[b];
    if (b == 0 || bb->dead || bb->preds.len != 1) continue;
    uint32_t p = bb->preds.data[0];
    StIrBlock *pb = &f->blocks.data[p];
    if (p == b || pb->dead || pb->nsucc != 1) continue;
    merge(f, repl, p, b);
    n++;
  }
  return n;
}

uint32_t st_opt_dce_run(StIrFunc *f) {
  StOptRepl repl;
  st_opt_repl_init(&repl);
  uint32_t n = st_opt_prune_unreachable(f);
  n += trivial_phis(f, &repl);
  st_opt_apply(f, &repl);
  n += merge_blocks(f, &repl);
  st_opt_apply(f, &repl);
  n += sweep(f);
  st_opt_repl_free(&repl);
  return n;
}
