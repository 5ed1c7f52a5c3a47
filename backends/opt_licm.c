/* backends/opt_licm.c: loop-invariant code motion of pure instructions and of guards.
 *
 * Loops come from back-edges (an edge p -> h where h dominates p); the body is h plus every
 * block that reaches p without passing through h; several back-edges to one header make one
 * loop. Loops are processed inner first (the smallest unprocessed loop, with dominators and
 * bodies recomputed after each, since a new preheader changes both): an instruction hoisted to
 * an inner loop's preheader is then a candidate for the enclosing loop.
 *
 * The preheader is the header's single predecessor from outside the loop when that block has
 * no other successor; when it has two, the edge is split with a new block. A header with
 * several outside predecessors is skipped (that would need new phis in a merged preheader).
 *
 * Pure instructions (ST_IRF_PURE: constants, arithmetic, boxing, type tests, CALL_PURE) whose
 * operands are all defined outside the loop move to the preheader, visited in reverse
 * postorder so that a chain of them moves together. Pure instructions cannot fault or exit,
 * so executing one on a path that did not (a loop that runs zero times, an untaken branch) is
 * harmless.
 *
 * Guards move too, when the header has an entry snapshot (StIrBlock.entry_snap, recorded by
 * the builder: resume at the header's first bytecode instruction with every live register as
 * it is on entry to the loop). A hoisted guard is given a copy of that snapshot carrying its
 * own deopt reason, so a failure in the preheader resumes the interpreter at the loop header
 * before the first iteration, having done nothing of the loop. Why that is sound: (1) the
 * exit state is exact, since the preheader runs right before the header is entered from
 * outside and the snapshot names the values the header's phis take on that edge; (2) when the
 * hoisted check passes, every execution of the original one would have passed, because its
 * outcome depends only on things the loop cannot change (below), so removing it from the loop
 * drops no exit. A hoisted guard may fail where the original would never have run (a loop that
 * runs zero times): that costs a deopt, never a wrong result. To keep such spurious exits
 * rare, only guards in blocks that dominate every back-edge source (they run on each complete
 * iteration) are hoisted.
 *
 * Which guards, given that every operand is defined outside the loop:
 *  - pure guards, whose outcome is a function of their SSA operands: GUARD_INT32,
 *    GUARD_NUMBER, GUARD_TAG, GUARD_TRUE, GUARD_FALSE, GUARD_EQ_PTR, GUARD_EQ_VALUE,
 *    GUARD_BOUNDS, GUARD_NOT_HOLE, and the exiting int32 arithmetic (ADD/SUB/MUL/NEG_I32_OV,
 *    DIV_I32_EXACT, MOD_I32, whose result is as invariant as its operands);
 *  - memory guards (GUARD_SHAPE, GUARD_FLAGS, GUARD_EPOCH) only when nothing in the loop can
 *    change what they read: the loop has no CALL (a runtime call may run any JS: transitions,
 *    preventExtensions, elements-kind changes, prototype edits bumping the epoch) and no
 *    STORE/STOREX into an object header word (the shape pointer or the flags; builder stores
 *    there only for shape transitions), frame stores aside. Conservative on purpose: slot and
 *    element stores are allowed since they change neither shape nor flags. A shape or flags
 *    guard dereferences its pointer operand, so it also needs that pointer valid in the
 *    preheader: a constant cell, or VALUE_TO_PTR of a value whose object-tag guard already
 *    sits in (or dominates) the preheader.
 * Not hoisted: DEOPT (a terminator), calls, guards whose operands are loaded inside the loop
 * (loads stay: a load may depend on an in-loop guard or branch for its safety, e.g. bounds and
 * elements kind, so `a[i]`'s length check stays while its elements-kind guard moves).
 *
 * The entry snapshot is checked before use: every value it names must be live and dominate the
 * preheader (passes before licm keep it so; one that does not is ignored and no guard moves).
 * With licm disabled (--passes=all,-licm) entry snapshots are simply unused.
 */
#include "backends/abort.h"
#include "backends/opt_internal.h"
#include "objects/object.h"

#include <stddef.h>
#include <string.h>

/* One loop being processed. */
typedef struct Loop {
  StIrFunc *f;
  uint32_t header, ph;
  uint8_t *in;             /* per block: in the body */
  uint32_t entry_snap;     /* header's entry snapshot (index + 1) when usable, else 0 */
  bool may_transition;     /* something in the body may change shapes or object flags */
  uint32_t by_reason[ST_DEOPT_COUNT]; /* entry-snapshot copies made so far, per reason (+1) */
} Loop;

/* Marks the body of the loop headed by h in `in` (0/1 per block); returns its size, or 0 when
 * h heads no loop. */
static uint32_t loop_body(StIrFunc *f, uint32_t h, uint8_t *in, uint32_t *stack) {
  uint32_t nb = (uint32_t)f->blocks.len, size = 0, sp = 0;
  memset(in, 0, nb);
  StIrBlock *hb = &f->blocks.data[h];
  for (size_t k = 0; k < hb->preds.len; k++) {
    uint32_t p = hb->preds.data[k];
    if (f->blocks.data[p].dead || !st_ir_dominates(f, h, p)) continue;
    if (!size) {
      in[h] = 1;
      size = 1;
    }
    if (!in[p]) {
      in[p] = 1;
      size++;
      stack[sp++] = p;
    }
  }
  while (sp) {
    StIrBlock *b = &f->blocks.data[stack[--sp]];
    for (size_t k = 0; k < b->preds.len; k++) {
      uint32_t p = b->preds.data[k];
      if (in[p] || f->blocks.data[p].dead) continue;
      in[p] = 1;
      size++;
      stack[sp++] = p;
    }
  }
  return size;
}

/* The preheader of the loop headed by h (body in `in`), made when needed; UINT32_MAX when the
 * header has several outside predecessors. A new block gets its dominator-tree place (idom:
 * the outside predecessor; the header's idom: the new block) so dominance queries stay exact. */
static uint32_t preheader(StIrFunc *f, uint32_t h, const uint8_t *in) {
  StIrBlock *hb = &f->blocks.data[h];
  uint32_t outside = UINT32_MAX;
  size_t at = 0;
  for (size_t k = 0; k < hb->preds.len; k++) {
    if (in[hb->preds.data[k]]) continue;
    if (outside != UINT32_MAX) return UINT32_MAX;
    outside = hb->preds.data[k];
    at = k;
  }
  if (outside == UINT32_MAX) return UINT32_MAX;
  if (f->blocks.data[outside].nsucc == 1) return outside;
  /* Split the edge outside -> h: outside -> ph -> h, ph in outside's place among h's
   * predecessors (so the phis' inputs stay in order). */
  uint32_t ph = st_ir_new_block(f);
  StIrBlock *pb = &f->blocks.data[ph];
  pb->bc_start = f->blocks.data[h].bc_start;
  pb->loop_depth = f->blocks.data[outside].loop_depth;
  StIrRef j = st_ir_emit(f, ph, ST_IR_JUMP, ST_IRT_VOID, 0, 0, 0);
  st_ir_insn(f, j)->bc_pc = UINT32_MAX;
  StIrBlock *ob = &f->blocks.data[outside];
  for (uint32_t k = 0; k < ob->nsucc; k++)
    if (ob->succ[k] == h) {
      ob->succ[k] = ph;
      break;
    }
  pb = &f->blocks.data[ph];
  st_vec_push(&pb->preds, outside);
  pb->succ[0] = h;
  pb->nsucc = 1;
  pb->idom = outside;
  f->blocks.data[h].preds.data[at] = ph;
  f->blocks.data[h].idom = ph;
  return ph;
}

static bool invariant(StIrFunc *f, StIrInsn *i, const uint8_t *in) {
  for (uint32_t k = 0; k < st_opt_nslots(i); k++) {
    StIrRef v = *st_opt_slot(i, k);
    if (v && in[st_ir_insn(f, v)->block]) return false;
  }
  return true;
}

/* Whether value v is available at the end of the preheader: live, and defined outside the
 * body in a block that dominates the preheader. */
static bool available_at_ph(Loop *L, StIrRef v) {
  if (!st_opt_live(L->f, v)) return false;
  uint32_t b = st_ir_insn(L->f, v)->block;
  return !L->in[b] && st_ir_dominates(L->f, b, L->ph);
}

/* The header's entry snapshot when every value it names is available in the preheader. */
static uint32_t usable_entry_snap(Loop *L) {
  StIrFunc *f = L->f;
  uint32_t s1 = f->blocks.data[L->header].entry_snap;
  if (!s1 || s1 > f->snaps.len) return 0;
  StIrSnap *s = &f->snaps.data[s1 - 1];
  if (s->exception || !s->nframes) return 0;
  for (uint32_t k = 0; k < s->nframes; k++) {
    StIrSnapFrame *sf = &f->snap_frames.data[s->first_frame + k];
    for (uint32_t e = 0; e < sf->count; e++)
      if (!available_at_ph(L, f->snap_entries.data[sf->first + e].ref)) return 0;
    if (sf->this_ref && !available_at_ph(L, sf->this_ref)) return 0;
    if (sf->callee_ref && !available_at_ph(L, sf->callee_ref)) return 0;
  }
  return s1;
}

/* Whether anything in the body may change an object's shape or flags (or the prototype
 * epoch): see the header comment. */
static bool body_may_transition(StIrFunc *f, const uint8_t *in) {
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    if (!in[b]) continue;
    StIrBlock *blk = &f->blocks.data[b];
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrInsn *i = st_ir_insn(f, blk->insns.data[k]);
      if (i->flags & ST_IRI_DEAD) continue;
      if (i->op == ST_IR_CALL) return true;
      if ((i->op == ST_IR_STORE || i->op == ST_IR_STOREX) &&
          st_ir_insn(f, i->a)->op != ST_IR_FRAME && i->imm.i < (int64_t)offsetof(StObject, slots))
        return true;
    }
  }
  return false;
}

/* Whether pointer p may be dereferenced in the preheader: a constant cell, or the payload of a
 * value whose object-tag guard is in or dominates the preheader. */
static bool object_ptr_valid_at_ph(Loop *L, StIrRef p) {
  StIrFunc *f = L->f;
  StIrInsn *d = st_ir_insn(f, p);
  if (d->op == ST_IR_CONST_PTR) return d->imm.p != NULL;
  if (d->op != ST_IR_VALUE_TO_PTR) return false;
  StIrRef v = d->a;
  for (size_t r = 1; r < f->insns.len; r++) {
    StIrInsn *g = &f->insns.data[r];
    if (g->op != ST_IR_GUARD_TAG || g->a != v || (g->flags & ST_IRI_DEAD) || g->imm.i != ST_TAG_OBJECT)
      continue;
    if (!L->in[g->block] && st_ir_dominates(f, g->block, L->ph)) return true;
  }
  return false;
}

/* Whether guard i (operands already known invariant) may move to the preheader. */
static bool guard_hoistable(Loop *L, StIrInsn *i) {
  switch ((StIrOp)i->op) {
  case ST_IR_GUARD_INT32: case ST_IR_GUARD_NUMBER: case ST_IR_GUARD_TAG:
  case ST_IR_GUARD_TRUE: case ST_IR_GUARD_FALSE: case ST_IR_GUARD_EQ_PTR:
  case ST_IR_GUARD_EQ_VALUE: case ST_IR_GUARD_BOUNDS: case ST_IR_GUARD_NOT_HOLE:
  case ST_IR_ADD_I32_OV: case ST_IR_SUB_I32_OV: case ST_IR_MUL_I32_OV: case ST_IR_NEG_I32_OV:
  case ST_IR_DIV_I32_EXACT: case ST_IR_MOD_I32:
    return true;
  case ST_IR_GUARD_EPOCH: return !L->may_transition;
  case ST_IR_GUARD_SHAPE:
  case ST_IR_GUARD_FLAGS: return !L->may_transition && object_ptr_valid_at_ph(L, i->a);
  default: return false;
  }
}

/* A copy of the entry snapshot with the given reason (so --trace-deopt and the exit counts
 * still say why the hoisted guard failed); copies share the frames and entries. */
static uint32_t entry_snap_for(Loop *L, uint32_t reason) {
  if (reason >= ST_DEOPT_COUNT) reason = ST_DEOPT_NONE;
  if (L->by_reason[reason]) return L->by_reason[reason];
  StIrSnap s = L->f->snaps.data[L->entry_snap - 1];
  s.reason = reason;
  st_vec_push(&L->f->snaps, s);
  L->by_reason[reason] = (uint32_t)L->f->snaps.len;
  return L->by_reason[reason];
}

/* Whether block b runs on every complete iteration: it dominates each back-edge source. */
static bool on_every_iteration(Loop *L, uint32_t b) {
  StIrBlock *hb = &L->f->blocks.data[L->header];
  for (size_t k = 0; k < hb->preds.len; k++) {
    uint32_t p = hb->preds.data[k];
    if (L->in[p] && !st_ir_dominates(L->f, b, p)) return false;
  }
  return true;
}

static uint32_t hoist(Loop *L) {
  StIrFunc *f = L->f;
  uint32_t n = 0, count;
  uint32_t *rpo = st_ir_rpo(f, &count);
  for (uint32_t k = 0; k < count; k++) {
    uint32_t b = rpo[k];
    if (!L->in[b]) continue;
    bool guards_too = L->entry_snap && on_every_iteration(L, b);
    for (size_t x = 0; x < f->blocks.data[b].insns.len;) {
      StIrRef r = f->blocks.data[b].insns.data[x];
      StIrInsn *i = st_ir_insn(f, r);
      if (!(i->flags & ST_IRI_DEAD) && i->op != ST_IR_PHI && invariant(f, i, L->in)) {
        if (st_opt_flags(i) & ST_IRF_PURE) {
          st_opt_move_before_term(f, r, L->ph); /* removes it from b's list: x stays */
          n++;
          continue;
        }
        if (guards_too && i->snap && guard_hoistable(L, i)) {
          uint32_t reason = f->snaps.data[i->snap - 1].reason;
          uint32_t snap = entry_snap_for(L, reason); /* may move f->snaps, not f->insns */
          i->snap = snap;
          st_opt_move_before_term(f, r, L->ph);
          n++;
          continue;
        }
      }
      x++;
    }
  }
  return n;
}

uint32_t st_opt_licm_run(StIrFunc *f) {
  uint32_t n = 0;
  uint8_t *done = st_xcalloc(f->blocks.len + 1, 1);
  size_t done_len = f->blocks.len;
  for (;;) {
    st_ir_dominators(f);
    uint32_t nb = (uint32_t)f->blocks.len;
    if (nb > done_len) {
      done = st_xrealloc(done, nb);
      memset(done + done_len, 0, nb - done_len);
      done_len = nb;
    }
    uint8_t *in = st_xmalloc(nb);
    uint32_t *stack = st_xmalloc(nb * sizeof(uint32_t));
    uint32_t best = UINT32_MAX, best_size = UINT32_MAX;
    for (uint32_t h = 0; h < nb; h++) {
      if (done[h] || f->blocks.data[h].dead) continue;
      uint32_t size = loop_body(f, h, in, stack);
      if (size && size < best_size) best = h, best_size = size;
    }
    if (best == UINT32_MAX) {
      free(in);
      free(stack);
      break;
    }
    done[best] = 1;
    loop_body(f, best, in, stack);
    uint32_t ph = preheader(f, best, in);
    if (ph != UINT32_MAX) {
      if (ph >= nb) { /* a new block: outside every loop body computed so far */
        in = st_xrealloc(in, ph + 1);
        memset(in + nb, 0, ph + 1 - nb);
      }
      f->blocks.data[best].preheader = ph;
      Loop L;
      memset(&L, 0, sizeof L);
      L.f = f;
      L.header = best;
      L.ph = ph;
      L.in = in;
      L.entry_snap = usable_entry_snap(&L);
      L.may_transition = body_may_transition(f, in);
      n += hoist(&L);
    }
    free(in);
    free(stack);
  }
  free(done);
  return n;
}
