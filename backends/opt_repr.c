/* backends/opt_repr.c: representation selection for phis.
 *
 * The builder joins values at blocks as VALUE phis, so a loop counter is boxed around the back
 * edge: phi(BOX_I32 init, BOX_I32 (ADD_I32_OV (UNBOX_I32 phi) 1)). This pass gives such phis an
 * unboxed type. Each VALUE phi gets a class from the lattice
 *
 *        TOP (no information yet)
 *         |
 *        I32    every input is BOX_I32, an int32 constant, or an I32 phi
 *         |
 *        F64    every input is BOX_I32, BOX_F64, a number constant, or an I32/F64 phi
 *         |
 *       NONE    anything else: stays VALUE
 *
 * computed optimistically (phis start at TOP, inputs lower them) to a fixed point, so cycles of
 * phis through the back edge become I32 together. Each phi of class I32 or F64 is replaced by
 * a new phi of that type whose inputs are the unboxed inputs (int32 inputs of an F64 phi
 * converted with I32_TO_F64 at the end of the predecessor; constants rebuilt unboxed in the
 * entry block), and each use of the old phi by a BOX of the new one placed at the use. Users
 * see the same bits, or for a widened F64 phi the same number in its double form (both forms
 * are valid values). Snapshot entries are pointed at the new phi itself: exits box I32 and F64
 * values. The following fold cancels the users' UNBOX (and GUARD_INT32/GUARD_NUMBER) against
 * the BOX, and dce removes the boxes nobody needs.
 */
#include "backends/opt_internal.h"

#include <string.h>

enum { C_TOP, C_I32, C_F64, C_NONE };

static int meet(int a, int b) { return a > b ? a : b; }

typedef struct Repr {
  StIrFunc *f;
  uint8_t *cls;     /* per ref: class of VALUE phis (others: C_NONE) */
  StIrRef *newphi;  /* per old phi ref */
  size_t n;
} Repr;

static bool is_value_phi(StIrFunc *f, StIrRef r) {
  StIrInsn *i = st_ir_insn(f, r);
  return i->op == ST_IR_PHI && i->type == ST_IRT_VALUE && !(i->flags & ST_IRI_DEAD);
}

static int input_class(Repr *R, StIrRef r) {
  StIrInsn *i = st_ir_insn(R->f, r);
  if (i->flags & ST_IRI_DEAD) return C_NONE;
  switch (i->op) {
  case ST_IR_BOX_I32: return C_I32;
  case ST_IR_BOX_F64: return C_F64;
  case ST_IR_CONST_VALUE:
    if ((i->imm.v >> ST_TAG_SHIFT) == ST_TAG_INT) return C_I32;
    return i->imm.v < ST_FIRST_NONDOUBLE ? C_F64 : C_NONE;
  case ST_IR_PHI: return r < R->n ? R->cls[r] : C_NONE;
  default: return C_NONE;
  }
}

/* Input r (of class `from`) of a new phi of class `to`, as an unboxed value available at the
 * end of block pred. */
static StIrRef unboxed_input(Repr *R, StIrRef r, int to, uint32_t pred) {
  StIrFunc *f = R->f;
  StIrInsn *i = st_ir_insn(f, r);
  StIrRef v;
  int from;
  switch (i->op) {
  case ST_IR_BOX_I32: v = i->a, from = C_I32; break;
  case ST_IR_BOX_F64: v = i->a, from = C_F64; break;
  case ST_IR_CONST_VALUE: {
    StValue c = i->imm.v;
    if ((c >> ST_TAG_SHIFT) == ST_TAG_INT) {
      if (to == C_I32) return st_opt_const_i32(f, (int32_t)(uint32_t)c);
      return st_opt_const_f64(f, (double)(int32_t)(uint32_t)c);
    }
    double d;
    memcpy(&d, &c, sizeof d);
    return st_opt_const_f64(f, d);
  }
  case ST_IR_PHI: v = R->newphi[r], from = R->cls[r]; break;
  default: ST_UNREACHABLE();
  }
  if (from == to) return v;
  ST_ASSERT(from == C_I32 && to == C_F64, "repr: cannot convert class %d to %d", from, to);
  return st_opt_insert_before_term(f, pred, ST_IR_I32_TO_F64, ST_IRT_F64, v, 0, 0);
}

uint32_t st_opt_repr_run(StIrFunc *f) {
  Repr R = {.f = f, .n = f->insns.len};
  R.cls = st_xmalloc(R.n);
  memset(R.cls, C_NONE, R.n);
  StVec(StIrRef) phis = {0};
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      if (st_ir_insn(f, r)->op != ST_IR_PHI) continue;
      if (is_value_phi(f, r)) {
        R.cls[r] = C_TOP;
        st_vec_push(&phis, r);
      }
    }
  }
  /* A phi some user reads as an int32 (GUARD_INT32, UNBOX_I32, IS_INT32) is not widened to
   * F64: its double form would fail that guard on every run. */
  uint8_t *int_user = st_xcalloc(R.n, 1);
  for (size_t r = 1; r < R.n; r++) {
    StIrInsn *i = &f->insns.data[r];
    if (!(i->flags & ST_IRI_DEAD) && (i->op == ST_IR_GUARD_INT32 || i->op == ST_IR_UNBOX_I32 || i->op == ST_IR_IS_INT32))
      int_user[i->a] = 1;
  }
  for (bool again = true; again;) {
    again = false;
    for (size_t k = 0; k < phis.len; k++)
      if (R.cls[phis.data[k]] != C_NONE) R.cls[phis.data[k]] = C_TOP;
    /* Classes only go down the lattice, so this terminates (at most 3 steps per phi). */
    bool changed = true;
    while (changed) {
      changed = false;
      for (size_t k = 0; k < phis.len; k++) {
        StIrRef r = phis.data[k];
        StIrInsn *i = st_ir_insn(f, r);
        int c = R.cls[r];
        for (uint32_t a = 0; a < i->nargs; a++)
          if (i->args[a] != r) c = meet(c, input_class(&R, i->args[a]));
        if (c != R.cls[r]) {
          R.cls[r] = (uint8_t)c;
          changed = true;
        }
      }
    }
    for (size_t k = 0; k < phis.len; k++)
      if (R.cls[phis.data[k]] == C_F64 && int_user[phis.data[k]]) R.cls[phis.data[k]] = C_NONE, again = true;
  }
  free(int_user);
  uint32_t n = 0;
  R.newphi = st_xcalloc(R.n, sizeof(StIrRef));
  /* First all the new phis (inputs filled below: they may name each other). */
  for (size_t k = 0; k < phis.len; k++) {
    StIrRef r = phis.data[k];
    if (R.cls[r] == C_TOP) R.cls[r] = C_NONE; /* only itself as input: left to dce */
    if (R.cls[r] == C_NONE) continue;
    StIrInsn *i = st_ir_insn(f, r);
    uint32_t b = i->block, nin = i->nargs, pc = i->bc_pc;
    StIrRef np = st_ir_phi(f, b, R.cls[r] == C_I32 ? ST_IRT_I32 : ST_IRT_F64, nin);
    st_ir_insn(f, np)->bc_pc = pc;
    R.newphi[r] = np;
    n++;
  }
  /* Each user of an old phi gets its own box, placed just before it (for a phi user: at the
   * end of the corresponding predecessor), so that a value boxed only on the way out of a
   * loop is not boxed on every iteration in the loop header; gvn merges dominated duplicates. */
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    if (f->blocks.data[b].dead) continue;
    for (size_t x = 0; x < f->blocks.data[b].insns.len; x++) {
      StIrRef u = f->blocks.data[b].insns.data[x];
      StIrInsn *ui = st_ir_insn(f, u);
      if (ui->flags & ST_IRI_DEAD || u >= R.n || (ui->op == ST_IR_PHI && R.newphi[u])) continue;
      bool is_phi = ui->op == ST_IR_PHI;
      StIrRef box = ST_IR_NONE, boxed_of = ST_IR_NONE;
      for (uint32_t k = 0; k < st_opt_nslots(st_ir_insn(f, u)); k++) {
        StIrRef v = *st_opt_slot(st_ir_insn(f, u), k);
        if (!v || v >= R.n || !R.newphi[v]) continue;
        StIrOp bop = R.cls[v] == C_I32 ? ST_IR_BOX_I32 : ST_IR_BOX_F64;
        if (is_phi) {
          uint32_t pred = f->blocks.data[b].preds.data[k - 3];
          box = st_opt_insert_before_term(f, pred, bop, ST_IRT_VALUE, R.newphi[v], 0, 0);
        } else if (boxed_of != v) {
          box = st_opt_insert_at(f, b, x, bop, ST_IRT_VALUE, R.newphi[v], 0, 0);
          boxed_of = v;
          x++;
        }
        *st_opt_slot(st_ir_insn(f, u), k) = box;
      }
    }
  }
  /* Snapshot entries name the unboxed phi itself (the exit boxes it). */
  for (size_t e = 0; e < f->snap_entries.len; e++) {
    StIrRef v = f->snap_entries.data[e].ref;
    if (v && v < R.n && R.newphi[v]) f->snap_entries.data[e].ref = R.newphi[v];
  }
  uint8_t *framed = st_xcalloc(R.n, 1);
  for (size_t k = 0; k < f->snap_frames.len; k++) {
    StIrSnapFrame *sf = &f->snap_frames.data[k];
    if (sf->this_ref && sf->this_ref < R.n) framed[sf->this_ref] = 1;
    if (sf->callee_ref && sf->callee_ref < R.n) framed[sf->callee_ref] = 1;
  }
  StOptRepl repl;
  st_opt_repl_init(&repl);
  for (size_t k = 0; k < phis.len; k++) {
    StIrRef r = phis.data[k];
    if (R.cls[r] == C_NONE) continue;
    StIrRef np = R.newphi[r];
    uint32_t b = st_ir_insn(f, r)->block;
    uint32_t nin = st_ir_insn(f, r)->nargs;
    for (uint32_t a = 0; a < nin; a++) {
      StIrRef in = st_ir_insn(f, r)->args[a];
      StIrRef v = in == r ? np : unboxed_input(&R, in, R.cls[r], f->blocks.data[b].preds.data[a]);
      st_ir_insn(f, np)->args[a] = v;
    }
    /* Inlined frames' this/callee name VALUEs: only for those does a box after the block's
     * phis stand for the old phi. Everything else was rewritten above. */
    if (framed[r]) {
      StIrBlock *blk = &f->blocks.data[b];
      size_t pos = 0;
      while (pos < blk->insns.len && st_ir_insn(f, blk->insns.data[pos])->op == ST_IR_PHI) pos++;
      StIrRef box = st_opt_insert_at(f, b, pos, R.cls[r] == C_I32 ? ST_IR_BOX_I32 : ST_IR_BOX_F64,
                                     ST_IRT_VALUE, np, 0, 0);
      st_ir_insn(f, box)->bc_pc = st_ir_insn(f, r)->bc_pc;
      st_opt_replace(f, &repl, r, box);
    } else {
      st_opt_kill(f, r);
    }
  }
  st_opt_apply(f, &repl);
  free(framed);
  st_opt_repl_free(&repl);
  st_vec_free(&phis);
  free(R.newphi);
  free(R.cls);
  return n;
}
