/* backends/opt_licm.c: loop-invariant code motion (pure instructions).
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
 * What moves: pure instructions (ST_IRF_PURE: constants, arithmetic, boxing, type tests,
 * CALL_PURE) whose operands are all defined outside the loop, visited in reverse postorder so
 * that a chain of them moves together. Pure instructions cannot fault or exit, so executing
 * one on a path that did not (a loop that runs zero times, an untaken branch) is harmless.
 *
 * Not done yet (see the report in opt.h): guards with the loop's entry snapshot (the builder
 * sets no block->entry_snap today) and loads out of effect-free loops. A load may depend on a
 * guard or a branch in the loop for its safety (the bounds of an index, the kind of an
 * object), so moving one needs the guards moved first.
 */
#include "backends/opt_internal.h"

#include <string.h>

typedef struct Loop {
  uint32_t header;
  uint32_t size;
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
 * header has several outside predecessors. */
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
  f->blocks.data[h].preds.data[at] = ph;
  return ph;
}

static bool invariant(StIrFunc *f, StIrInsn *i, const uint8_t *in) {
  for (uint32_t k = 0; k < st_opt_nslots(i); k++) {
    StIrRef v = *st_opt_slot(i, k);
    if (v && in[st_ir_insn(f, v)->block]) return false;
  }
  return true;
}

static uint32_t hoist(StIrFunc *f, uint32_t h, uint8_t *in, uint32_t ph) {
  uint32_t n = 0, count;
  uint32_t *rpo = st_ir_rpo(f, &count);
  for (uint32_t k = 0; k < count; k++) {
    uint32_t b = rpo[k];
    if (!in[b]) continue;
    for (size_t x = 0; x < f->blocks.data[b].insns.len;) {
      StIrRef r = f->blocks.data[b].insns.data[x];
      StIrInsn *i = st_ir_insn(f, r);
      if (!(i->flags & ST_IRI_DEAD) && i->op != ST_IR_PHI && (st_opt_flags(i) & ST_IRF_PURE) &&
          invariant(f, i, in)) {
        st_opt_move_before_term(f, r, ph); /* removes it from b's list: x stays */
        n++;
        continue;
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
      n += hoist(f, best, in, ph);
    }
    free(in);
    free(stack);
  }
  free(done);
  return n;
}
