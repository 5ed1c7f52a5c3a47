/* tests/unit/test_opt.c: the IR passes (backends/opt*.c) on hand-built IR.
 *
 * Each test builds a small function, runs one pass or the pipeline with the verifier after
 * every pass, and checks the shape of the result by counting ops per block. A tiny evaluator of
 * pure int32 IR runs randomly generated straight-line and loop functions before and after the
 * full pipeline and compares the results (a miscompile shows up as a different value or a
 * different exit). The loops there give licm preheaders to split and invariants to move.
 */
#include "backends/opt_internal.h"
#include "tests/unit/check.h"

#include <stdlib.h>

/* --- building --- */

static StIrFunc F;

static uint32_t snap0; /* snapshot index + 1 every guard uses */

static void begin(void) {
  st_ir_init(&F);
  F.name = "test";
  st_ir_new_block(&F);
  StIrSnap s = {0};
  st_vec_push(&F.snaps, s);
  snap0 = 1;
}

static StIrRef emit(uint32_t b, StIrOp op, StIrType t, StIrRef a, StIrRef c) {
  StIrRef r = st_ir_emit(&F, b, op, t, a, c, 0);
  if (st_ir_op_info[op].flags & ST_IRF_GUARD) st_ir_insn(&F, r)->snap = snap0;
  return r;
}

static StIrRef ci(uint32_t b, int32_t v) { return st_ir_const_i32(&F, b, v); }
static StIrRef cd(uint32_t b, double v) { return st_ir_const_f64(&F, b, v); }

/* A snapshot with one frame naming the given values. */
static uint32_t snap_of(int n, const StIrRef *refs) {
  StIrSnapFrame fr = {0};
  fr.first = (uint32_t)F.snap_entries.len;
  fr.count = (uint32_t)n;
  for (int k = 0; k < n; k++) {
    StIrSnapEntry e = {(uint16_t)k, refs[k]};
    st_vec_push(&F.snap_entries, e);
  }
  StIrSnap s = {.first_frame = (uint32_t)F.snap_frames.len, .nframes = 1};
  st_vec_push(&F.snap_frames, fr);
  st_vec_push(&F.snaps, s);
  return (uint32_t)F.snaps.len;
}

static int count(int b, StIrOp op) {
  int n = 0;
  for (uint32_t x = 0; x < F.blocks.len; x++) {
    if ((b >= 0 && (uint32_t)b != x) || F.blocks.data[x].dead) continue;
    StIrBlock *blk = &F.blocks.data[x];
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrInsn *i = st_ir_insn(&F, blk->insns.data[k]);
      if (!(i->flags & ST_IRI_DEAD) && i->op == op) n++;
    }
  }
  return n;
}

static bool run_pass(uint32_t (*pass)(StIrFunc *)) {
  pass(&F);
  st_opt_compact(&F);
  bool ok = st_ir_verify(&F);
  if (!ok) printf("  verifier: %s\n", F.error);
  return ok;
}

static bool run_all(void) {
  StOptOptions o;
  st_opt_defaults(&o, true);
  o.verify = true;
  bool ok = st_opt_run(&F, &o);
  if (!ok) printf("  verifier: %s\n", F.error);
  return ok;
}

/* The i32 constant r is, or INT64_MIN. */
static int64_t const_i32_of(StIrRef r) {
  StIrInsn *i = st_ir_insn(&F, r);
  return i->op == ST_IR_CONST_I32 ? i->imm.i : INT64_MIN;
}

/* The value the block's RETURN returns. */
static StIrRef returned(uint32_t b) {
  StIrBlock *blk = &F.blocks.data[b];
  for (size_t k = 0; k < blk->insns.len; k++) {
    StIrInsn *i = st_ir_insn(&F, blk->insns.data[k]);
    if (!(i->flags & ST_IRI_DEAD) && i->op == ST_IR_RETURN) return i->a;
  }
  return 0;
}

static int64_t eval(int32_t param, int max_steps);

/* --- fold --- */

static void test_fold_constants(void) {
  begin();
  StIrRef add = emit(0, ST_IR_ADD_I32_OV, 0, ci(0, 2), ci(0, 3));
  StIrRef ovf = emit(0, ST_IR_ADD_I32_OV, 0, ci(0, INT32_MAX), ci(0, 1));
  StIrRef negz = emit(0, ST_IR_MUL_I32_OV, 0, ci(0, 0), ci(0, -4));
  StIrRef wrap = emit(0, ST_IR_ADD_I32, 0, ci(0, INT32_MAX), ci(0, 1));
  StIrRef shr = emit(0, ST_IR_SHR_I32, 0, ci(0, -1), ci(0, 36));
  StIrRef mod = emit(0, ST_IR_MOD_I32, 0, ci(0, -4), ci(0, 2));
  StIrRef div = emit(0, ST_IR_DIV_I32_EXACT, 0, ci(0, 9), ci(0, 3));
  StIrRef cmp = emit(0, ST_IR_CMP_I32, 0, ci(0, -1), ci(0, 1));
  st_ir_insn(&F, cmp)->imm.i = ST_IRC_LT;
  StIrRef fd = emit(0, ST_IR_DIV_F64, 0, cd(0, 1), cd(0, 4));
  StIrRef fcmp = emit(0, ST_IR_CMP_F64, 0, cd(0, 0.0 / 0.0), cd(0, 1));
  st_ir_insn(&F, fcmp)->imm.i = ST_IRC_NE;
  StIrRef t32 = emit(0, ST_IR_F64_TO_I32, 0, cd(0, 4294967297.5), 0);
  StIrRef args[] = {add, ovf, negz, wrap, shr, mod, div, cmp, fd, fcmp, t32};
  StIrRef g = emit(0, ST_IR_GUARD_TRUE, 0, cmp, 0);
  st_ir_insn(&F, g)->snap = snap_of(11, args);
  emit(0, ST_IR_RETURN, 0, emit(0, ST_IR_BOX_I32, 0, add, 0), 0);
  ST_EXPECT(run_pass(st_opt_fold_run));
  ST_EXPECT_EQ_INT(const_i32_of(add), 5);
  ST_EXPECT(st_ir_insn(&F, ovf)->op == ST_IR_ADD_I32_OV); /* overflows: exits at run time */
  ST_EXPECT(st_ir_insn(&F, negz)->op == ST_IR_MUL_I32_OV); /* -0 */
  ST_EXPECT_EQ_INT(const_i32_of(wrap), INT32_MIN);
  ST_EXPECT_EQ_INT(const_i32_of(shr), 0x0FFFFFFF);
  ST_EXPECT(st_ir_insn(&F, mod)->op == ST_IR_MOD_I32); /* -4 % 2 is -0 */
  ST_EXPECT_EQ_INT(const_i32_of(div), 3);
  ST_EXPECT(st_ir_insn(&F, cmp)->op == ST_IR_CONST_BOOL && st_ir_insn(&F, cmp)->imm.i == 1);
  ST_EXPECT(st_ir_insn(&F, fd)->op == ST_IR_CONST_F64 && st_ir_insn(&F, fd)->imm.d == 0.25);
  ST_EXPECT(st_ir_insn(&F, fcmp)->op == ST_IR_CONST_BOOL && st_ir_insn(&F, fcmp)->imm.i == 1);
  ST_EXPECT_EQ_INT(const_i32_of(t32), 1);
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_TRUE), 0); /* its operand folded to true */
  StIrInsn *ret = st_ir_insn(&F, returned(0));
  ST_EXPECT(ret->op == ST_IR_CONST_VALUE && ret->imm.v == (ST_TAG_BITS(ST_TAG_INT) | 5u));
  st_ir_free(&F);
}

static void test_fold_boxing_and_guards(void) {
  begin();
  StIrRef p = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  emit(0, ST_IR_GUARD_INT32, 0, p, 0);
  StIrRef x = emit(0, ST_IR_UNBOX_I32, 0, p, 0);
  StIrRef y = emit(0, ST_IR_ADD_I32, 0, x, ci(0, 0)); /* x + 0 */
  StIrRef bx = emit(0, ST_IR_BOX_I32, 0, y, 0);       /* BOX(UNBOX p) -> p */
  StIrRef box2 = emit(0, ST_IR_BOX_I32, 0, emit(0, ST_IR_NEG_I32_OV, 0, x, 0), 0);
  emit(0, ST_IR_GUARD_INT32, 0, box2, 0);              /* proven */
  emit(0, ST_IR_GUARD_NUMBER, 0, box2, 0);             /* proven */
  StIrRef u = emit(0, ST_IR_UNBOX_I32, 0, box2, 0);    /* -> the NEG */
  StIrRef isint = emit(0, ST_IR_IS_INT32, 0, box2, 0);
  emit(0, ST_IR_GUARD_TRUE, 0, isint, 0);              /* proven */
  StIrRef nn = emit(0, ST_IR_NOT_I32, 0, emit(0, ST_IR_NOT_I32, 0, u, 0), 0);
  StIrRef k = st_ir_const_value(&F, 0, ST_UNDEFINED);
  emit(0, ST_IR_GUARD_EQ_VALUE, 0, k, 0);
  st_ir_insn(&F, (StIrRef)F.insns.len - 1)->imm.v = ST_UNDEFINED; /* proven */
  StIrRef tr = emit(0, ST_IR_TRUTHY, 0, k, 0);
  StIrRef sum = emit(0, ST_IR_ADD_I32, 0, nn, emit(0, ST_IR_UNBOX_I32, 0, bx, 0));
  StIrRef ents[] = {bx, tr};
  emit(0, ST_IR_GUARD_FALSE, 0, tr, 0);
  st_ir_insn(&F, (StIrRef)F.insns.len - 1)->snap = snap_of(2, ents);
  emit(0, ST_IR_RETURN, 0, emit(0, ST_IR_BOX_I32, 0, sum, 0), 0);
  ST_EXPECT(run_pass(st_opt_fold_run));
  ST_EXPECT(run_pass(st_opt_gvn_run));
  ST_EXPECT(run_pass(st_opt_dce_run));
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_INT32), 1); /* only the one on the parameter */
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_NUMBER), 0);
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_TRUE), 0);
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_FALSE), 0); /* TRUTHY(undefined) is false */
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_EQ_VALUE), 0);
  ST_EXPECT_EQ_INT(count(0, ST_IR_NOT_I32), 0);
  ST_EXPECT_EQ_INT(count(0, ST_IR_UNBOX_I32), 1);
  ST_EXPECT_EQ_INT(count(0, ST_IR_NEG_I32_OV), 1); /* a guard: kept */
  StIrInsn *s = st_ir_insn(&F, st_ir_insn(&F, returned(0))->a);
  ST_EXPECT(s->op == ST_IR_ADD_I32);
  ST_EXPECT(st_ir_insn(&F, s->a)->op == ST_IR_NEG_I32_OV && s->b == x);
  st_ir_free(&F);
}

/* b0: BRANCH (1 < 2) -> b1 | b2; both -> b3 with phi (1, 2). */
static void test_fold_branch(void) {
  begin();
  for (int k = 0; k < 3; k++) st_ir_new_block(&F);
  StIrRef c = emit(0, ST_IR_CMP_I32, 0, ci(0, 1), ci(0, 2));
  st_ir_insn(&F, c)->imm.i = ST_IRC_LT;
  StIrRef pv = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  emit(0, ST_IR_BRANCH, 0, c, 0);
  st_ir_add_edge(&F, 0, 1);
  st_ir_add_edge(&F, 0, 2);
  StIrRef one = st_ir_const_value(&F, 1, ST_TAG_BITS(ST_TAG_INT) | 1u);
  emit(1, ST_IR_JUMP, 0, 0, 0);
  emit(2, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 1, 3);
  st_ir_add_edge(&F, 2, 3);
  StIrRef phi = st_ir_phi(&F, 3, ST_IRT_VALUE, 2);
  st_ir_insn(&F, phi)->args[0] = one;
  st_ir_insn(&F, phi)->args[1] = pv;
  emit(3, ST_IR_RETURN, 0, phi, 0);
  ST_EXPECT(st_ir_verify(&F));
  ST_EXPECT(run_pass(st_opt_fold_run));
  ST_EXPECT_EQ_INT(count(0, ST_IR_BRANCH), 0);
  ST_EXPECT_EQ_INT(count(0, ST_IR_JUMP), 1);
  ST_EXPECT(F.blocks.data[2].dead);
  ST_EXPECT_EQ_INT(F.blocks.data[3].preds.len, 1);
  ST_EXPECT_EQ_INT(count(3, ST_IR_PHI), 0); /* one input left: trivial */
  ST_EXPECT_EQ_INT(returned(3), one);
  ST_EXPECT(run_pass(st_opt_dce_run));
  ST_EXPECT_EQ_INT(count(-1, ST_IR_RETURN), 1);
  ST_EXPECT_EQ_INT(count(0, ST_IR_RETURN), 1); /* b1 and b3 merged into b0 */
  st_ir_free(&F);
}

/* --- dce --- */

static void test_dce(void) {
  begin();
  st_ir_new_block(&F);
  st_ir_new_block(&F); /* b2: unreachable, feeds nothing */
  StIrRef p = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  StIrRef a = emit(0, ST_IR_UNBOX_I32, 0, p, 0);
  StIrRef b = emit(0, ST_IR_MUL_I32_OV, 0, a, a);    /* a guard: stays though unused */
  StIrRef c = emit(0, ST_IR_ADD_I32, 0, a, ci(0, 3)); /* dead chain */
  emit(0, ST_IR_SHL_I32, 0, c, ci(0, 1));
  StIrRef fr = emit(0, ST_IR_FRAME, 0, 0, 0);
  StIrRef ld = emit(0, ST_IR_LOAD, ST_IRT_VALUE, fr, 0); /* unused load */
  st_ir_insn(&F, ld)->imm.i = 16;
  emit(0, ST_IR_STORE, 0, fr, p);
  emit(0, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 0, 1);
  emit(1, ST_IR_RETURN, 0, p, 0);
  emit(2, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 2, 1);
  StIrRef phi = st_ir_phi(&F, 1, ST_IRT_VALUE, 2); /* dead phi */
  st_ir_insn(&F, phi)->args[0] = p;
  st_ir_insn(&F, phi)->args[1] = p;
  ST_EXPECT(run_pass(st_opt_dce_run));
  ST_EXPECT(F.blocks.data[2].dead);
  ST_EXPECT(F.blocks.data[1].dead); /* merged into b0 */
  ST_EXPECT_EQ_INT(count(-1, ST_IR_PHI), 0);
  ST_EXPECT_EQ_INT(count(-1, ST_IR_ADD_I32), 0);
  ST_EXPECT_EQ_INT(count(-1, ST_IR_SHL_I32), 0);
  ST_EXPECT_EQ_INT(count(-1, ST_IR_LOAD), 0);
  ST_EXPECT(!(st_ir_insn(&F, b)->flags & ST_IRI_DEAD));
  ST_EXPECT_EQ_INT(count(-1, ST_IR_STORE), 1);
  ST_EXPECT_EQ_INT(count(0, ST_IR_RETURN), 1);
  st_ir_free(&F);
}

/* --- gvn --- */

/* b0 -> b1 | b2 -> b3. Duplicates of b0's work in b1 and b3 go; b2's guard only dominates
 * nothing of b3, so b3 keeps its own. */
static void test_gvn(void) {
  begin();
  for (int k = 0; k < 3; k++) st_ir_new_block(&F);
  StIrRef p = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  StIrRef q = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  st_ir_insn(&F, q)->imm.i = 1;
  emit(0, ST_IR_GUARD_INT32, 0, p, 0);
  StIrRef x = emit(0, ST_IR_UNBOX_I32, 0, p, 0);
  StIrRef s0 = emit(0, ST_IR_ADD_I32, 0, x, ci(0, 7));
  StIrRef c = emit(0, ST_IR_CMP_I32, 0, s0, ci(0, 0));
  emit(0, ST_IR_BRANCH, 0, c, 0);
  st_ir_add_edge(&F, 0, 1);
  st_ir_add_edge(&F, 0, 2);
  emit(1, ST_IR_GUARD_INT32, 0, p, 0);                         /* dominated: goes */
  StIrRef s1 = emit(1, ST_IR_ADD_I32, 0, ci(1, 7), emit(1, ST_IR_UNBOX_I32, 0, p, 0)); /* = s0 */
  emit(1, ST_IR_STORE, 0, emit(1, ST_IR_FRAME, 0, 0, 0), emit(1, ST_IR_BOX_I32, 0, s1, 0));
  emit(1, ST_IR_JUMP, 0, 0, 0);
  emit(2, ST_IR_GUARD_INT32, 0, q, 0);                         /* first on q */
  emit(2, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 1, 3);
  st_ir_add_edge(&F, 2, 3);
  emit(3, ST_IR_GUARD_INT32, 0, q, 0);                         /* not dominated: stays */
  emit(3, ST_IR_GUARD_INT32, 0, p, 0);                         /* dominated by b0's */
  emit(3, ST_IR_RETURN, 0, p, 0);
  ST_EXPECT(st_ir_verify(&F));
  ST_EXPECT(run_pass(st_opt_gvn_run));
  ST_EXPECT_EQ_INT(count(1, ST_IR_GUARD_INT32), 0);
  ST_EXPECT_EQ_INT(count(1, ST_IR_ADD_I32), 0);
  ST_EXPECT_EQ_INT(count(1, ST_IR_UNBOX_I32), 0);
  ST_EXPECT_EQ_INT(count(2, ST_IR_GUARD_INT32), 1);
  ST_EXPECT_EQ_INT(count(3, ST_IR_GUARD_INT32), 1);
  ST_EXPECT(st_ir_insn(&F, F.blocks.data[3].insns.data[0])->a == q);
  /* The store's box now boxes s0. */
  ST_EXPECT_EQ_INT(count(1, ST_IR_BOX_I32), 1);
  st_ir_free(&F);
}

/* Loads: a repeated load goes; one after a store stays; one in a block with another
 * predecessor stays. */
static void test_gvn_loads(void) {
  begin();
  st_ir_new_block(&F);
  StIrRef fr = emit(0, ST_IR_FRAME, 0, 0, 0);
  StIrRef l1 = emit(0, ST_IR_LOAD, ST_IRT_VALUE, fr, 0);
  StIrRef l2 = emit(0, ST_IR_LOAD, ST_IRT_VALUE, fr, 0);
  StIrRef l3 = emit(0, ST_IR_LOAD, ST_IRT_VALUE, fr, 0);
  st_ir_insn(&F, l3)->imm.i = 8; /* another field */
  emit(0, ST_IR_GUARD_SHAPE, 0, fr, 0);
  emit(0, ST_IR_GUARD_SHAPE, 0, fr, 0); /* redundant */
  StIrRef eq = emit(0, ST_IR_EQ_VALUE, 0, l1, l2);
  emit(0, ST_IR_GUARD_TRUE, 0, eq, 0);
  emit(0, ST_IR_STORE, 0, fr, l3);
  StIrRef l4 = emit(0, ST_IR_LOAD, ST_IRT_VALUE, fr, 0); /* after the store: stays */
  emit(0, ST_IR_GUARD_SHAPE, 0, fr, 0);                   /* after the store: stays */
  StIrRef l5 = emit(0, ST_IR_LOAD, ST_IRT_VALUE, fr, 0); /* = l4 */
  emit(0, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 0, 1);
  StIrRef l6 = emit(1, ST_IR_LOAD, ST_IRT_VALUE, fr, 0); /* single predecessor: = l4 */
  StIrRef e2 = emit(1, ST_IR_EQ_VALUE, 0, l5, l6);
  emit(1, ST_IR_GUARD_TRUE, 0, e2, 0);
  emit(1, ST_IR_RETURN, 0, l4, 0);
  ST_EXPECT(run_pass(st_opt_gvn_run));
  ST_EXPECT(st_ir_insn(&F, l2)->flags & ST_IRI_DEAD);
  ST_EXPECT(!(st_ir_insn(&F, l3)->flags & ST_IRI_DEAD));
  ST_EXPECT(!(st_ir_insn(&F, l4)->flags & ST_IRI_DEAD));
  ST_EXPECT(st_ir_insn(&F, l5)->flags & ST_IRI_DEAD);
  ST_EXPECT(st_ir_insn(&F, l6)->flags & ST_IRI_DEAD);
  ST_EXPECT_EQ_INT(count(0, ST_IR_GUARD_SHAPE), 2);
  ST_EXPECT_EQ_INT(count(0, ST_IR_LOAD), 3);
  /* And fold then sees EQ_VALUE x x. */
  ST_EXPECT(run_pass(st_opt_fold_run));
  ST_EXPECT_EQ_INT(count(-1, ST_IR_GUARD_TRUE), 0);
  st_ir_free(&F);
}

/* --- repr --- */

/* for (i = 0; i < n; i++) s = s + i  (n a parameter), as the builder makes it:
 *   b0: n = UNBOX(param) ... -> b1
 *   b1: i = phi(BOX 0, BOX i2); s = phi(BOX 0, BOX s2 or BOX_F64 ...)
 *       GUARD_INT32 i; CMP (UNBOX i) < n; BRANCH -> b2 | b3
 *   b2: s2 = ADD_I32_OV (UNBOX s) (UNBOX i); i2 = ADD_I32_OV (UNBOX i) 1; -> b1
 *   b3: RETURN s
 * With `mixed`, s starts as the double 0.5: s becomes an F64 phi. */
static void counting_loop(bool mixed) {
  begin();
  for (int k = 0; k < 3; k++) st_ir_new_block(&F);
  StIrRef pn = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  emit(0, ST_IR_GUARD_INT32, 0, pn, 0);
  StIrRef n = emit(0, ST_IR_UNBOX_I32, 0, pn, 0);
  StIrRef b0i = emit(0, ST_IR_BOX_I32, 0, ci(0, 0), 0);
  StIrRef b0s = mixed ? emit(0, ST_IR_BOX_F64, 0, cd(0, 0.5), 0) : b0i;
  emit(0, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 0, 1);
  StIrRef i = st_ir_phi(&F, 1, ST_IRT_VALUE, 2), s = st_ir_phi(&F, 1, ST_IRT_VALUE, 2);
  StIrRef ents[] = {i, s};
  uint32_t sn = snap_of(2, ents);
  StIrRef g = emit(1, ST_IR_GUARD_INT32, 0, i, 0);
  st_ir_insn(&F, g)->snap = sn;
  StIrRef c = emit(1, ST_IR_CMP_I32, 0, emit(1, ST_IR_UNBOX_I32, 0, i, 0), n);
  st_ir_insn(&F, c)->imm.i = ST_IRC_LT;
  emit(1, ST_IR_BRANCH, 0, c, 0);
  st_ir_add_edge(&F, 1, 2);
  st_ir_add_edge(&F, 1, 3);
  StIrRef s2, ui = emit(2, ST_IR_UNBOX_I32, 0, i, 0);
  if (mixed) {
    emit(2, ST_IR_GUARD_NUMBER, 0, s, 0);
    s2 = emit(2, ST_IR_BOX_F64, 0, emit(2, ST_IR_ADD_F64, 0, emit(2, ST_IR_UNBOX_F64, 0, s, 0), emit(2, ST_IR_I32_TO_F64, 0, ui, 0)), 0);
  } else {
    emit(2, ST_IR_GUARD_INT32, 0, s, 0);
    s2 = emit(2, ST_IR_BOX_I32, 0, emit(2, ST_IR_ADD_I32_OV, 0, emit(2, ST_IR_UNBOX_I32, 0, s, 0), ui), 0);
  }
  StIrRef i2 = emit(2, ST_IR_BOX_I32, 0, emit(2, ST_IR_ADD_I32_OV, 0, emit(2, ST_IR_UNBOX_I32, 0, i, 0), ci(2, 1)), 0);
  emit(2, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 2, 1);
  st_ir_insn(&F, i)->args[0] = b0i;
  st_ir_insn(&F, i)->args[1] = i2;
  st_ir_insn(&F, s)->args[0] = b0s;
  st_ir_insn(&F, s)->args[1] = s2;
  emit(3, ST_IR_RETURN, 0, s, 0);
  ST_EXPECT(st_ir_verify(&F));
}

static int boxing_in(uint32_t b) {
  return count((int)b, ST_IR_BOX_I32) + count((int)b, ST_IR_UNBOX_I32) + count((int)b, ST_IR_BOX_F64) +
         count((int)b, ST_IR_UNBOX_F64) + count((int)b, ST_IR_GUARD_INT32) + count((int)b, ST_IR_GUARD_NUMBER);
}

static uint8_t phi_type(uint32_t b, int k) {
  StIrBlock *blk = &F.blocks.data[b];
  for (size_t x = 0; x < blk->insns.len; x++) {
    StIrInsn *i = st_ir_insn(&F, blk->insns.data[x]);
    if (i->op == ST_IR_PHI && !(i->flags & ST_IRI_DEAD) && k-- == 0) return i->type;
  }
  return ST_IRT_VOID;
}

static void test_repr_counting_loop(void) {
  counting_loop(false);
  ST_EXPECT(run_all());
  ST_EXPECT_EQ_INT(count(1, ST_IR_PHI), 2);
  ST_EXPECT(phi_type(1, 0) == ST_IRT_I32 && phi_type(1, 1) == ST_IRT_I32);
  ST_EXPECT_EQ_INT(boxing_in(1), 0);
  ST_EXPECT_EQ_INT(boxing_in(2), 0);
  ST_EXPECT_EQ_INT(count(2, ST_IR_ADD_I32_OV), 2);
  ST_EXPECT_EQ_INT(count(3, ST_IR_BOX_I32), 1); /* boxed once, at the exit */
  ST_EXPECT_EQ_INT(count(2, ST_IR_CONST_I32), 0); /* licm: the loop's 1 moved to the preheader */
  /* The snapshot names the unboxed phis. */
  ST_EXPECT(st_ir_insn(&F, F.snap_entries.data[0].ref)->type == ST_IRT_I32);
  st_ir_free(&F);
}

static void test_repr_mixed_loop(void) {
  counting_loop(true);
  ST_EXPECT(run_all());
  ST_EXPECT(phi_type(1, 0) == ST_IRT_I32 || phi_type(1, 1) == ST_IRT_I32);
  ST_EXPECT(phi_type(1, 0) == ST_IRT_F64 || phi_type(1, 1) == ST_IRT_F64);
  ST_EXPECT_EQ_INT(boxing_in(1), 0);
  ST_EXPECT_EQ_INT(boxing_in(2), 0);
  ST_EXPECT_EQ_INT(count(2, ST_IR_ADD_F64), 1);
  ST_EXPECT_EQ_INT(count(3, ST_IR_BOX_F64), 1);
  st_ir_free(&F);
}

/* --- licm --- */

/* b0: BRANCH -> b1 (loop header) | b3; b1: i = phi(0, i2), BRANCH i < n -> b2 | b3;
 * b2: inv = (n + 5) ^ 3 (invariant), i2 = i + inv + 1 -> b1; b3: RETURN.
 * b0 has two successors, so licm splits the edge b0 -> b1 for a preheader. */
static void test_licm(void) {
  begin();
  for (int k = 0; k < 3; k++) st_ir_new_block(&F);
  StIrRef p = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  emit(0, ST_IR_GUARD_INT32, 0, p, 0);
  StIrRef n = emit(0, ST_IR_UNBOX_I32, 0, p, 0);
  StIrRef zero = ci(0, 0);
  StIrRef c0 = emit(0, ST_IR_CMP_I32, 0, n, zero);
  st_ir_insn(&F, c0)->imm.i = ST_IRC_GT;
  emit(0, ST_IR_BRANCH, 0, c0, 0);
  st_ir_add_edge(&F, 0, 1);
  st_ir_add_edge(&F, 0, 3);
  StIrRef i = st_ir_phi(&F, 1, ST_IRT_I32, 2);
  StIrRef c1 = emit(1, ST_IR_CMP_I32, 0, i, n);
  st_ir_insn(&F, c1)->imm.i = ST_IRC_LT;
  emit(1, ST_IR_BRANCH, 0, c1, 0);
  st_ir_add_edge(&F, 1, 2);
  st_ir_add_edge(&F, 1, 3);
  StIrRef inv = emit(2, ST_IR_XOR_I32, 0, emit(2, ST_IR_ADD_I32, 0, n, ci(2, 5)), ci(2, 3));
  StIrRef i2 = emit(2, ST_IR_ADD_I32_OV, 0, emit(2, ST_IR_ADD_I32_OV, 0, i, inv), ci(2, 1));
  emit(2, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 2, 1);
  st_ir_insn(&F, i)->args[0] = zero;
  st_ir_insn(&F, i)->args[1] = i2;
  StIrRef r = st_ir_phi(&F, 3, ST_IRT_I32, 2);
  st_ir_insn(&F, r)->args[0] = zero;
  st_ir_insn(&F, r)->args[1] = i;
  emit(3, ST_IR_RETURN, 0, emit(3, ST_IR_BOX_I32, 0, r, 0), 0);
  ST_EXPECT(st_ir_verify(&F));
  int64_t before[3] = {eval(0, 1000), eval(7, 1000), eval(100, 1000)};
  ST_EXPECT(run_pass(st_opt_licm_run));
  ST_EXPECT_EQ_INT(F.blocks.len, 5); /* the preheader */
  ST_EXPECT_EQ_INT(count(4, ST_IR_XOR_I32) + count(4, ST_IR_ADD_I32) + count(4, ST_IR_CONST_I32), 5);
  ST_EXPECT_EQ_INT(count(2, ST_IR_XOR_I32) + count(2, ST_IR_ADD_I32) + count(2, ST_IR_CONST_I32), 0);
  ST_EXPECT_EQ_INT(count(2, ST_IR_ADD_I32_OV), 2); /* guards stay */
  ST_EXPECT_EQ_INT(F.blocks.data[1].preheader, 4);
  ST_EXPECT_EQ_INT(eval(0, 1000), before[0]);
  ST_EXPECT_EQ_INT(eval(7, 1000), before[1]);
  ST_EXPECT_EQ_INT(eval(100, 1000), before[2]);
  ST_EXPECT_EQ_INT(before[1], 16); /* inv = (7 + 5) ^ 3 = 15; i: 0 -> 16, which is not < 7 */
  st_ir_free(&F);
}

/* Whole pipeline, golden text of a small function. */
static void test_golden(void) {
  begin();
  StIrRef p = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  st_ir_insn(&F, p)->bc_pc = UINT32_MAX;
  StIrRef a = emit(0, ST_IR_ADD_I32_OV, 0, ci(0, 20), ci(0, 22));
  StIrRef b = emit(0, ST_IR_ADD_I32_OV, 0, ci(0, 20), ci(0, 22));
  StIrRef c = emit(0, ST_IR_MUL_I32_OV, 0, a, b);
  emit(0, ST_IR_RETURN, 0, emit(0, ST_IR_BOX_I32, 0, c, 0), 0);
  for (size_t r = 1; r < F.insns.len; r++) F.insns.data[r].bc_pc = UINT32_MAX;
  ST_EXPECT(run_all());
  char buf[512] = "";
  FILE *m = fmemopen(buf, sizeof buf, "w");
  st_ir_print(m, &F);
  fclose(m);
  ST_EXPECT_EQ_STR(buf, "ir test\n"
                        "  b0:\n"
                        "    v1:value = PARAM 0\n"
                        "    v9:value = CONST_VALUE 1764\n"
                        "    RETURN v9\n"
                        "  snap 0:\n");
  st_ir_free(&F);
}

/* --- a tiny evaluator, for random programs --- */

typedef struct Eval {
  int64_t v[4096];
  bool exited;
} Eval;

/* Runs F from b0 with param = p; returns the int32 in the RETURN's BOX_I32 operand chain, or
 * INT64_MIN when a guard exits. Supports the ops the generator makes. */
static int64_t eval(int32_t param, int max_steps) {
  static Eval E;
  uint32_t b = 0, prev = UINT32_MAX;
  int64_t *v = E.v;
  for (int step = 0; step < max_steps; step++) {
    StIrBlock *blk = &F.blocks.data[b];
    /* Phis read simultaneously. */
    int64_t tmp[64];
    int np = 0;
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrInsn *i = st_ir_insn(&F, blk->insns.data[k]);
      if (i->flags & ST_IRI_DEAD) continue;
      if (i->op != ST_IR_PHI) break;
      size_t pi = 0;
      while (blk->preds.data[pi] != prev) pi++;
      tmp[np++] = v[i->args[pi]];
    }
    np = 0;
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(&F, r);
      if (i->flags & ST_IRI_DEAD) continue;
      int64_t x = i->a ? v[i->a] : 0, y = i->b ? v[i->b] : 0, res = 0;
      int32_t xi = (int32_t)x, yi = (int32_t)y;
      switch ((StIrOp)i->op) {
      case ST_IR_PHI: res = tmp[np++]; break;
      case ST_IR_PARAM: res = st_ir_insn(&F, r)->imm.i == 0 ? (int64_t)(ST_TAG_BITS(ST_TAG_INT) | (uint32_t)param) : 0; break;
      case ST_IR_CONST_I32: res = (int32_t)i->imm.i; break;
      case ST_IR_CONST_BOOL: res = i->imm.i != 0; break;
      case ST_IR_CONST_VALUE: res = (int64_t)i->imm.v; break;
      case ST_IR_BOX_I32: res = (int64_t)(ST_TAG_BITS(ST_TAG_INT) | (uint32_t)xi); break;
      case ST_IR_UNBOX_I32: res = (int32_t)(uint32_t)(uint64_t)x; break;
      case ST_IR_GUARD_INT32:
        if (((uint64_t)x >> ST_TAG_SHIFT) != ST_TAG_INT) return INT64_MIN;
        break;
      case ST_IR_ADD_I32_OV: res = (int64_t)xi + yi; if (res != (int32_t)res) return INT64_MIN; break;
      case ST_IR_SUB_I32_OV: res = (int64_t)xi - yi; if (res != (int32_t)res) return INT64_MIN; break;
      case ST_IR_MUL_I32_OV:
        res = (int64_t)xi * yi;
        if (res != (int32_t)res || (res == 0 && (xi < 0 || yi < 0))) return INT64_MIN;
        break;
      case ST_IR_ADD_I32: res = (int32_t)((uint32_t)xi + (uint32_t)yi); break;
      case ST_IR_SUB_I32: res = (int32_t)((uint32_t)xi - (uint32_t)yi); break;
      case ST_IR_AND_I32: res = xi & yi; break;
      case ST_IR_OR_I32: res = xi | yi; break;
      case ST_IR_XOR_I32: res = xi ^ yi; break;
      case ST_IR_SHL_I32: res = (int32_t)((uint32_t)xi << (yi & 31)); break;
      case ST_IR_SAR_I32: res = xi >> (yi & 31); break;
      case ST_IR_SHR_I32: res = (int32_t)((uint32_t)xi >> (yi & 31)); break;
      case ST_IR_CMP_I32: {
        int c = xi < yi ? -1 : xi > yi;
        int cond = (int)i->imm.i;
        res = cond == ST_IRC_EQ ? c == 0 : cond == ST_IRC_NE ? c != 0 : cond == ST_IRC_LT ? c < 0 : cond == ST_IRC_LE ? c <= 0 : cond == ST_IRC_GT ? c > 0 : c >= 0;
        break;
      }
      case ST_IR_GUARD_TRUE: if (!x) return INT64_MIN; break;
      case ST_IR_JUMP: prev = b; b = blk->succ[0]; goto next;
      case ST_IR_BRANCH: prev = b; b = blk->succ[x ? 0 : 1]; goto next;
      case ST_IR_RETURN: return (int32_t)(uint32_t)(uint64_t)x;
      default: printf("  eval: unexpected %s\n", st_ir_op_info[i->op].name); return INT64_MIN + 1;
      }
      v[r] = res;
    }
    return INT64_MIN + 2; /* fell off a block */
  next:;
  }
  return INT64_MIN + 3; /* too many steps */
}

static const StIrOp gen_ops[] = {ST_IR_ADD_I32_OV, ST_IR_SUB_I32_OV, ST_IR_MUL_I32_OV, ST_IR_ADD_I32,
                                 ST_IR_SUB_I32, ST_IR_AND_I32, ST_IR_OR_I32, ST_IR_XOR_I32,
                                 ST_IR_SHL_I32, ST_IR_SAR_I32, ST_IR_SHR_I32};

static StIrRef gen_operand(uint32_t b, StIrRef *pool, int n) {
  if (rand() % 3 == 0) {
    static const int32_t ks[] = {0, 1, -1, 2, 3, 31, 32, INT32_MAX, INT32_MIN, 1000, -7};
    return ci(b, ks[rand() % (int)(sizeof ks / sizeof ks[0])]);
  }
  return pool[rand() % n];
}

/* Straight-line arithmetic in b1, optionally a counted loop around it (b1 header) with a
 * boxed accumulator, so repr, gvn, licm and fold all get work. */
static void gen_program(bool loop) {
  begin();
  for (int k = 0; k < 3; k++) st_ir_new_block(&F);
  StIrRef p = emit(0, ST_IR_PARAM, ST_IRT_VALUE, 0, 0);
  emit(0, ST_IR_GUARD_INT32, 0, p, 0);
  StIrRef x = emit(0, ST_IR_UNBOX_I32, 0, p, 0);
  StIrRef init = emit(0, ST_IR_BOX_I32, 0, ci(0, rand() % 5), 0);
  emit(0, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 0, 1);
  StIrRef acc = 0, cnt = 0;
  StIrRef pool[64];
  int n = 0;
  pool[n++] = x;
  if (loop) {
    acc = st_ir_phi(&F, 1, ST_IRT_VALUE, 2);
    cnt = st_ir_phi(&F, 1, ST_IRT_VALUE, 2);
    emit(1, ST_IR_GUARD_INT32, 0, acc, 0);
    pool[n++] = emit(1, ST_IR_UNBOX_I32, 0, acc, 0);
  }
  int len = 2 + rand() % 10;
  for (int k = 0; k < len; k++) {
    StIrOp op = gen_ops[rand() % (int)(sizeof gen_ops / sizeof gen_ops[0])];
    StIrRef a = gen_operand(1, pool, n), c = gen_operand(1, pool, n);
    StIrRef r = emit(1, op, 0, a, c);
    if (n < 60) pool[n++] = r;
    if (rand() % 4 == 0 && n < 60) pool[n++] = emit(1, ST_IR_UNBOX_I32, 0, emit(1, ST_IR_BOX_I32, 0, r, 0), 0);
  }
  StIrRef result = pool[n - 1];
  if (!loop) {
    emit(1, ST_IR_RETURN, 0, emit(1, ST_IR_BOX_I32, 0, result, 0), 0);
    emit(2, ST_IR_UNREACHABLE, 0, 0, 0);
    emit(3, ST_IR_UNREACHABLE, 0, 0, 0);
    return;
  }
  StIrRef uc = emit(1, ST_IR_UNBOX_I32, 0, cnt, 0);
  StIrRef c = emit(1, ST_IR_CMP_I32, 0, uc, ci(1, 3 + rand() % 4));
  st_ir_insn(&F, c)->imm.i = ST_IRC_LT;
  emit(1, ST_IR_BRANCH, 0, c, 0);
  st_ir_add_edge(&F, 1, 2);
  st_ir_add_edge(&F, 1, 3);
  StIrRef nacc = emit(2, ST_IR_BOX_I32, 0, emit(2, ST_IR_XOR_I32, 0, result, emit(2, ST_IR_UNBOX_I32, 0, acc, 0)), 0);
  StIrRef ncnt = emit(2, ST_IR_BOX_I32, 0, emit(2, ST_IR_ADD_I32_OV, 0, uc, ci(2, 1)), 0);
  emit(2, ST_IR_JUMP, 0, 0, 0);
  st_ir_add_edge(&F, 2, 1);
  st_ir_insn(&F, acc)->args[0] = init;
  st_ir_insn(&F, acc)->args[1] = nacc;
  st_ir_insn(&F, cnt)->args[0] = init;
  st_ir_insn(&F, cnt)->args[1] = ncnt;
  emit(3, ST_IR_RETURN, 0, acc, 0);
}

static void test_random_programs(void) {
  srand(12345);
  static const int32_t params[] = {0, 1, -1, 5, 123456, INT32_MAX, INT32_MIN, -100};
  int mismatches = 0, programs = 0, exits = 0;
  for (int t = 0; t < 600; t++) {
    bool loop = t % 2;
    gen_program(loop);
    if (!st_ir_verify(&F)) {
      printf("  generator made invalid IR: %s\n", F.error);
      st_check_failed_now = 1;
      st_ir_free(&F);
      return;
    }
    int64_t before[8];
    for (int k = 0; k < 8; k++) before[k] = eval(params[k], 1000);
    bool ok = run_all();
    ST_EXPECT(ok);
    for (int k = 0; k < 8 && ok; k++) {
      int64_t after = eval(params[k], 1000);
      if (before[k] == INT64_MIN) exits++;
      if (after != before[k]) {
        if (mismatches++ < 3) {
          printf("  program %d (param %d): %lld before, %lld after\n", t, params[k], (long long)before[k], (long long)after);
          st_ir_print(stdout, &F);
        }
      }
    }
    programs++;
    st_ir_free(&F);
  }
  ST_EXPECT_EQ_INT(mismatches, 0);
  ST_EXPECT(exits > 0); /* the generator does reach the overflow exits */
  ST_EXPECT_EQ_INT(programs, 600);
}

static void test_pass_table(void) {
  StOptOptions o;
  st_opt_defaults(&o, false);
  ST_EXPECT(o.enabled[ST_OPT_fold] && o.enabled[ST_OPT_dce] && !o.enabled[ST_OPT_repr] && !o.enabled[ST_OPT_gvn]);
  st_opt_defaults(&o, true);
  ST_EXPECT_EQ_INT(st_opt_find("licm"), ST_OPT_licm);
  ST_EXPECT_EQ_INT(st_opt_find("nope"), -1);
  char err[200];
  ST_EXPECT(st_opt_set_enabled(&o, "none,gvn", err, sizeof err));
  ST_EXPECT(o.enabled[ST_OPT_gvn] && !o.enabled[ST_OPT_fold]);
  ST_EXPECT(st_opt_set_enabled(&o, "all,-licm,no-dce", err, sizeof err));
  ST_EXPECT(!o.enabled[ST_OPT_licm] && !o.enabled[ST_OPT_dce] && o.enabled[ST_OPT_repr]);
  ST_EXPECT(!st_opt_set_enabled(&o, "fold,bogus", err, sizeof err));
  ST_EXPECT(strstr(err, "bogus") && strstr(err, "gvn"));
  ST_EXPECT(!o.enabled[ST_OPT_licm]); /* unchanged on error */
}

int main(void) {
  ST_RUN(test_pass_table);
  ST_RUN(test_fold_constants);
  ST_RUN(test_fold_boxing_and_guards);
  ST_RUN(test_fold_branch);
  ST_RUN(test_dce);
  ST_RUN(test_gvn);
  ST_RUN(test_gvn_loads);
  ST_RUN(test_repr_counting_loop);
  ST_RUN(test_repr_mixed_loop);
  ST_RUN(test_licm);
  ST_RUN(test_golden);
  ST_RUN(test_random_programs);
  return st_check_report();
}
