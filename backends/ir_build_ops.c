/* backends/ir_build_ops.c: translating bytecode instructions to IR, speculating on feedback.
 *
 * Conventions: `use(r)` reads register r of the current frame, `def(r, v)` writes it; values
 * keep the type they were produced with (an int32 stays I32 until something needs it boxed).
 * A bytecode instruction whose feedback says it never ran is cold: it becomes a DEOPT
 * (ST_DEOPT_BRANCH), which also ends the block.
 */
#include "backends/ir_build_internal.h"

#include "interp/frame.h"
#include "interp/step.h"
#include "objects/ops.h"
#include "objects/shape.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define U(k) (b->frame->proto->code[b->pc + (k)])
#define I32OP(k) st_bytecode_i32(&b->frame->proto->code[b->pc + (k)])
#define FB(k) (&b->frame->fb->slots[U(k)])

static StIrRef use(IrB *b, uint32_t r) { return st_irb_read(b, st_irb_var(b, r)); }
static void def(IrB *b, uint32_t r, StIrRef v) { st_irb_write(b, st_irb_var(b, r), v); }

static StValue konst(IrB *b, uint32_t k) { return b->frame->proto->consts[k]; }

static bool unsupported(IrB *b) {
  st_irb_abort_detail(b, "%s at pc %u", st_bytecode_info[U(0)].name, b->pc);
  return false;
}

/* Ends the current block with an unconditional exit. */
static void cold(IrB *b, StDeoptReason why) {
  st_irb_guard(b, ST_IR_DEOPT, 0, 0, 0, why);
  b->terminated = true;
}

/* An instruction that never ran: a deopt, or (with generic_cold) generic code. Returns true
 * when the caller must stop translating the instruction. */
static bool never_ran(IrB *b) {
  if (b->opts->generic_cold) {
    b->spec = false;
    return false;
  }
  cold(b, ST_DEOPT_BRANCH);
  return true;
}

/* Stores the boxed values of registers [first, first+n) into the frame, so helpers (and the
 * callee, for calls) see them exactly as the interpreter would. */
static void store_window(IrB *b, uint32_t first, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    StIrRef v = st_irb_as_value(b, use(b, first + i));
    StIrRef s = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, b->frameptr, v, 0);
    st_ir_insn(b->f, s)->imm.i = (int64_t)(sizeof(StFrame) + 8 * (first + i));
  }
}

/* Stores a call's window (this or new.target, then the arguments: registers base+1 ..
 * base+n of the current frame) where the callee reads it, and returns the window's first
 * register in the physical frame: the registers themselves in the outermost frame, as in the
 * interpreter; for an inlined frame, which has no registers in memory, the top of the
 * outermost frame (st_irb_window says why that is safe). */
static uint32_t store_call_window(IrB *b, uint32_t base, uint32_t n) {
  if (b->frame->depth == 0) {
    store_window(b, base + 1, n);
    return base + 1;
  }
  uint32_t w = st_irb_window(b, n);
  for (uint32_t i = 0; i < n; i++) {
    StIrRef v = st_irb_as_value(b, use(b, base + 1 + i));
    StIrRef s = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, b->frameptr, v, 0);
    st_ir_insn(b->f, s)->imm.i = (int64_t)(sizeof(StFrame) + 8 * (w + i));
  }
  return w;
}

/* --- arithmetic --- */

static StLattice lattice_of(IrB *b, uint32_t fbk) { return st_feedback_lattice(FB(fbk)->u.binop.seen); }
static bool overflowed(IrB *b, uint32_t fbk) { return (FB(fbk)->u.binop.seen & ST_TYPE_OVERFLOW) != 0; }

static StArith arith_of(uint16_t op) {
  switch (op) {
  case ST_OP_SUB: return ST_ARITH_SUB;
  case ST_OP_MUL: return ST_ARITH_MUL;
  case ST_OP_DIV: return ST_ARITH_DIV;
  case ST_OP_MOD: return ST_ARITH_MOD;
  case ST_OP_EXP: return ST_ARITH_EXP;
  case ST_OP_BITAND: return ST_ARITH_AND;
  case ST_OP_BITOR: return ST_ARITH_OR;
  case ST_OP_BITXOR: return ST_ARITH_XOR;
  case ST_OP_SHL: return ST_ARITH_SHL;
  case ST_OP_SAR: return ST_ARITH_SAR;
  default: return ST_ARITH_SHR;
  }
}

/* The generic binary operation through the runtime. */
static StIrRef generic_binop(IrB *b, uint16_t op, StIrRef x, StIrRef y) {
  x = st_irb_as_value(b, x);
  y = st_irb_as_value(b, y);
  if (op == ST_OP_ADD) return st_irb_call(b, ST_HELPER_ADD, ST_IRT_VALUE, true, 3, b->vmptr, x, y);
  return st_irb_call(b, ST_HELPER_ARITH, ST_IRT_VALUE, true, 4, b->vmptr,
                     st_irb_const_i32(b, (int32_t)arith_of(op)), x, y);
}

static StIrRef int_binop(IrB *b, uint16_t op, StIrRef x, StIrRef y) {
  x = st_irb_as_i32(b, x);
  y = st_irb_as_i32(b, y);
  switch (op) {
  case ST_OP_ADD: return st_irb_guard_op(b, ST_IR_ADD_I32_OV, x, y, ST_DEOPT_OVERFLOW);
  case ST_OP_SUB: return st_irb_guard_op(b, ST_IR_SUB_I32_OV, x, y, ST_DEOPT_OVERFLOW);
  case ST_OP_MUL: return st_irb_guard_op(b, ST_IR_MUL_I32_OV, x, y, ST_DEOPT_OVERFLOW);
  case ST_OP_DIV: return st_irb_guard_op(b, ST_IR_DIV_I32_EXACT, x, y, ST_DEOPT_DIV_INEXACT);
  case ST_OP_MOD: return st_irb_guard_op(b, ST_IR_MOD_I32, x, y, ST_DEOPT_MINUS_ZERO);
  case ST_OP_BITAND: return st_irb_emit(b, ST_IR_AND_I32, ST_IRT_I32, x, y, 0);
  case ST_OP_BITOR: return st_irb_emit(b, ST_IR_OR_I32, ST_IRT_I32, x, y, 0);
  case ST_OP_BITXOR: return st_irb_emit(b, ST_IR_XOR_I32, ST_IRT_I32, x, y, 0);
  case ST_OP_SHL: return st_irb_emit(b, ST_IR_SHL_I32, ST_IRT_I32, x, y, 0);
  case ST_OP_SAR: return st_irb_emit(b, ST_IR_SAR_I32, ST_IRT_I32, x, y, 0);
  default: {
    /* x >>> y is a uint32: an int32 only below 2^31. */
    StIrRef r = st_irb_emit(b, ST_IR_SHR_I32, ST_IRT_I32, x, y, 0);
    if (overflowed(b, 4)) return st_irb_emit(b, ST_IR_U32_TO_F64, ST_IRT_F64, r, 0, 0);
    StIrRef ok = st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, r, st_irb_const_i32(b, 0), ST_IRC_GE);
    st_irb_guard(b, ST_IR_GUARD_TRUE, ok, 0, 0, ST_DEOPT_OVERFLOW);
    return r;
  }
  }
}

static StIrRef f64_binop(IrB *b, uint16_t op, StIrRef x, StIrRef y) {
  switch (op) {
  case ST_OP_ADD: return st_irb_emit(b, ST_IR_ADD_F64, ST_IRT_F64, st_irb_as_f64(b, x), st_irb_as_f64(b, y), 0);
  case ST_OP_SUB: return st_irb_emit(b, ST_IR_SUB_F64, ST_IRT_F64, st_irb_as_f64(b, x), st_irb_as_f64(b, y), 0);
  case ST_OP_MUL: return st_irb_emit(b, ST_IR_MUL_F64, ST_IRT_F64, st_irb_as_f64(b, x), st_irb_as_f64(b, y), 0);
  case ST_OP_DIV: return st_irb_emit(b, ST_IR_DIV_F64, ST_IRT_F64, st_irb_as_f64(b, x), st_irb_as_f64(b, y), 0);
  case ST_OP_MOD: return st_irb_emit(b, ST_IR_MOD_F64, ST_IRT_F64, st_irb_as_f64(b, x), st_irb_as_f64(b, y), 0);
  case ST_OP_EXP: return st_irb_emit(b, ST_IR_POW_F64, ST_IRT_F64, st_irb_as_f64(b, x), st_irb_as_f64(b, y), 0);
  default: {
    /* Bitwise on doubles: ToInt32 of each operand. */
    StIrRef xi = st_irb_type(b, x) == ST_IRT_I32 ? x : st_irb_emit(b, ST_IR_F64_TO_I32, ST_IRT_I32, st_irb_as_f64(b, x), 0, 0);
    StIrRef yi = st_irb_type(b, y) == ST_IRT_I32 ? y : st_irb_emit(b, ST_IR_F64_TO_I32, ST_IRT_I32, st_irb_as_f64(b, y), 0, 0);
    return int_binop(b, op, xi, yi);
  }
  }
}

/* A generic operation may call valueOf/toString, which may invalidate this code. */
static void def_generic(IrB *b, uint32_t dst, StIrRef r) {
  st_irb_lazy_deopt_check(b, (int32_t)dst, r);
  def(b, dst, r);
}

static bool translate_binop(IrB *b, uint16_t op, uint32_t dst, StIrRef x, StIrRef y, uint32_t fbk) {
  StLattice l = lattice_of(b, fbk);
  if (!b->spec) {
    def_generic(b, dst, generic_binop(b, op, x, y));
    return true;
  }
  if (l == ST_LATTICE_NONE) {
    if (never_ran(b)) return true;
  }
  bool bitwise = op >= ST_OP_BITAND && op <= ST_OP_SHR;
  if (l == ST_LATTICE_INT32 && (!overflowed(b, fbk) || bitwise) && op != ST_OP_EXP) {
    def(b, dst, int_binop(b, op, x, y));
  } else if (l == ST_LATTICE_INT32 || l == ST_LATTICE_NUMBER) {
    def(b, dst, f64_binop(b, op, x, y));
  } else {
    def_generic(b, dst, generic_binop(b, op, x, y));
  }
  return true;
}

/* --- comparisons --- */

static StIrCond cond_of(uint16_t op) {
  switch (op) {
  case ST_OP_LT: case ST_OP_JLT: case ST_OP_JNLT: return ST_IRC_LT;
  case ST_OP_LE: case ST_OP_JLE: case ST_OP_JNLE: return ST_IRC_LE;
  case ST_OP_GT: case ST_OP_JGT: case ST_OP_JNGT: return ST_IRC_GT;
  case ST_OP_GE: case ST_OP_JGE: case ST_OP_JNGE: return ST_IRC_GE;
  case ST_OP_EQ: case ST_OP_SEQ: case ST_OP_JEQ: case ST_OP_JSEQ: return ST_IRC_EQ;
  default: return ST_IRC_NE;
  }
}

static StCompare cmp_of(StIrCond c) {
  switch (c) {
  case ST_IRC_LT: return ST_CMP_LT;
  case ST_IRC_LE: return ST_CMP_LE;
  case ST_IRC_GT: return ST_CMP_GT;
  default: return ST_CMP_GE;
  }
}

/* The boolean of `x cond y` (relational or equality), speculating on the feedback. `strict`
 * for === / !==, `loose` for == / !=. */
static StIrRef compare(IrB *b, StIrCond c, bool equality, bool strict, StIrRef x, StIrRef y,
                       uint32_t fbk) {
  StLattice l = b->spec ? lattice_of(b, fbk) : ST_LATTICE_ANY;
  if (l == ST_LATTICE_INT32) {
    return st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, st_irb_as_i32(b, x), st_irb_as_i32(b, y), c);
  }
  if (l == ST_LATTICE_NUMBER) {
    return st_irb_imm(b, ST_IR_CMP_F64, ST_IRT_BOOL, st_irb_as_f64(b, x), st_irb_as_f64(b, y), c);
  }
  x = st_irb_as_value(b, x);
  y = st_irb_as_value(b, y);
  StIrRef r;
  if (equality) {
    r = strict ? st_irb_call(b, ST_HELPER_STRICT_EQ, ST_IRT_I32, false, 3, b->vmptr, x, y)
               : st_irb_call(b, ST_HELPER_LOOSE_EQ, ST_IRT_I32, true, 3, b->vmptr, x, y);
    return st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, r, st_irb_const_i32(b, 0),
                      c == ST_IRC_EQ ? ST_IRC_NE : ST_IRC_EQ);
  }
  r = st_irb_call(b, ST_HELPER_COMPARE, ST_IRT_I32, true, 4, b->vmptr,
                  st_irb_const_i32(b, (int32_t)cmp_of(c)), x, y);
  return st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, r, st_irb_const_i32(b, 1), ST_IRC_EQ);
}

/* --- properties --- */

/* Loads slot `slot` of an object with shape s (known at compile time). */
static StIrRef load_slot(IrB *b, StIrRef objp, const StShape *s, uint32_t slot) {
  if (slot < s->inline_cap)
    return st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, objp, 0, 8 * (int64_t)(s->inline_start + slot));
  StIrRef slots = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, objp, 0, (int64_t)offsetof(StObject, slots));
  return st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, slots, 0, 8 * (int64_t)(slot - s->inline_cap));
}

static void store_slot(IrB *b, StIrRef objp, const StShape *s, uint32_t slot, StIrRef v) {
  StIrRef base = objp;
  int64_t off = 8 * (int64_t)(s->inline_start + slot);
  if (slot >= s->inline_cap) {
    base = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, objp, 0, (int64_t)offsetof(StObject, slots));
    off = 8 * (int64_t)(slot - s->inline_cap);
  }
  StIrRef st = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, base, st_irb_as_value(b, v), 0);
  st_ir_insn(b->f, st)->imm.i = off;
}

/* The code depends on every prototype from shape's prototype up to `last` (inclusive; NULL:
 * the whole chain): none of them may change shape while the code lives (tiers/deps.c). */
static void depend_on_chain(IrB *b, const StShape *shape, const StObject *last) {
  for (StObject *o = shape->proto; o; o = o->shape->proto) {
    bool have = false;
    for (size_t i = 0; i < b->f->deps.len && !have; i++) have = b->f->deps.data[i] == o;
    if (!have) st_vec_push(&b->f->deps, o);
    if (o == last) break;
  }
}

/* Entries that read through the prototype chain are trusted only if no prototype changed
 * since they were cached: then the chain is what the entry saw, and the code depends on it. */
static bool ic_entry_usable(IrB *b, const StIcEntry *e) {
  switch ((StIcKind)e->kind) {
  case ST_ICE_OWN:
  case ST_ICE_ARRAY_LENGTH: return e->shape != NULL;
  case ST_ICE_PROTO:
  case ST_ICE_MISSING: return e->shape != NULL && e->epoch == b->vm->proto_epoch;
  default: return false;
  }
}

/* The value of one cached property access on objp (shape already checked). */
static StIrRef ic_load(IrB *b, StIrRef objp, const StIcEntry *e) {
  switch ((StIcKind)e->kind) {
  case ST_ICE_OWN: return load_slot(b, objp, e->shape, e->slot);
  case ST_ICE_PROTO: {
    depend_on_chain(b, e->shape, e->holder);
    StIrRef hp = st_irb_const_cell(b, e->holder);
    return load_slot(b, hp, e->holder->shape, e->slot);
  }
  case ST_ICE_MISSING:
    depend_on_chain(b, e->shape, NULL);
    return st_irb_const_value(b, ST_UNDEFINED);
  case ST_ICE_ARRAY_LENGTH: {
    StIrRef len = st_irb_imm(b, ST_IR_LOAD, ST_IRT_I32, objp, 0, 4);
    StIrRef ok = st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, len, st_irb_const_i32(b, 0), ST_IRC_GE);
    st_irb_guard(b, ST_IR_GUARD_TRUE, ok, 0, 0, ST_DEOPT_OVERFLOW);
    return len;
  }
  default: return st_irb_const_value(b, ST_UNDEFINED);
  }
}

static bool translate_getprop(IrB *b, uint32_t dst, StIrRef obj, StValue key, StFeedbackSlot *s) {
  if (b->spec && s->u.prop.state == ST_IC_UNINIT) {
    if (never_ran(b)) return true;
  }
  const StIcEntry *es = s->u.prop.state == ST_IC_MONO ? &s->u.prop.mono : s->u.prop.poly;
  uint32_t n = s->u.prop.state == ST_IC_MONO ? 1 : s->u.prop.state == ST_IC_POLY ? s->u.prop.count : 0;
  bool all_usable = b->spec && n > 0;
  for (uint32_t i = 0; i < n; i++) all_usable = all_usable && ic_entry_usable(b, &es[i]);
  /* Strings' length: the only primitive case worth inlining. */
  if (b->spec && n == 1 && es[0].kind == ST_ICE_STRING_LENGTH) {
    st_irb_guard(b, ST_IR_GUARD_TAG, obj, 0, ST_TAG_STRING, ST_DEOPT_WRONG_TYPE);
    StIrRef p = st_irb_emit(b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, obj, 0, 0);
    def(b, dst, st_irb_imm(b, ST_IR_LOAD, ST_IRT_I32, p, 0, 4));
    return true;
  }
  if (!all_usable) {
    StIrRef r = st_irb_call(b, ST_HELPER_GET_PROP, ST_IRT_VALUE, true, 3, b->vmptr,
                            st_irb_as_value(b, obj), st_irb_const_value(b, key));
    st_irb_lazy_deopt_check(b, (int32_t)dst, r);
    def(b, dst, r);
    return true;
  }
  StIrRef objp = st_irb_as_object_ptr(b, st_irb_as_value(b, obj));
  if (n == 1) {
    st_irb_guard(b, ST_IR_GUARD_SHAPE, objp, 0, (int64_t)(intptr_t)es[0].shape, ST_DEOPT_WRONG_SHAPE);
    st_ir_insn(b->f, b->f->insns.len - 1)->imm.p = es[0].shape;
    def(b, dst, ic_load(b, objp, &es[0]));
    return true;
  }
  /* Polymorphic: a shape switch; each case writes dst and joins. */
  StIrRef shape = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, objp, 0, (int64_t)offsetof(StObject, shape));
  uint32_t join = st_irb_new_block(b);
  for (uint32_t i = 0; i < n; i++) {
    StIrRef c = st_irb_emit(b, ST_IR_EQ_PTR, ST_IRT_BOOL, shape, st_irb_const_cell(b, es[i].shape), 0);
    uint32_t hit = st_irb_new_block(b), next = st_irb_new_block(b);
    st_irb_branch(b, c, hit, next);
    st_irb_seal(b, hit);
    st_irb_seal(b, next);
    b->cur = hit;
    def(b, dst, st_irb_as_value(b, ic_load(b, objp, &es[i])));
    st_irb_jump(b, join);
    b->cur = next;
  }
  cold(b, ST_DEOPT_WRONG_SHAPE); /* a shape never seen here */
  b->terminated = false;
  st_irb_seal(b, join);
  b->cur = join;
  return true;
}

static bool translate_setprop(IrB *b, StIrRef obj, StValue key, StIrRef v, StFeedbackSlot *s) {
  bool strict = (b->frame->proto->flags & ST_PROTO_STRICT) != 0;
  if (b->spec && s->u.prop.state == ST_IC_UNINIT) {
    if (never_ran(b)) return true;
  }
  if (b->spec && s->u.prop.state == ST_IC_MONO && s->u.prop.mono.shape) {
    const StIcEntry *e = &s->u.prop.mono;
    if (e->kind == ST_ICE_OWN) {
      StIrRef objp = st_irb_as_object_ptr(b, st_irb_as_value(b, obj));
      st_irb_guard(b, ST_IR_GUARD_SHAPE, objp, 0, 0, ST_DEOPT_WRONG_SHAPE);
      st_ir_insn(b->f, b->f->insns.len - 1)->imm.p = e->shape;
      store_slot(b, objp, e->shape, e->slot, v);
      return true;
    }
    if (e->kind == ST_ICE_TRANSITION && e->new_shape && e->epoch == b->vm->proto_epoch) {
      /* Adding a property: only when the storage needs no growth, and the object is an
       * ordinary extensible one (no prototype or dependents to notify). */
      uint32_t slot = e->slot;
      const StShape *from = e->shape;
      bool fits = slot < from->inline_cap ||
                  (slot > from->inline_cap &&
                   st_object_overflow_cap(slot - from->inline_cap) == st_object_overflow_cap(slot - from->inline_cap + 1));
      if (fits) {
        StIrRef objp = st_irb_as_object_ptr(b, st_irb_as_value(b, obj));
        st_irb_guard(b, ST_IR_GUARD_SHAPE, objp, 0, 0, ST_DEOPT_WRONG_SHAPE);
        st_ir_insn(b->f, b->f->insns.len - 1)->imm.p = (void *)from;
        StIrRef g = st_irb_guard(b, ST_IR_GUARD_FLAGS, objp, 0, 0, ST_DEOPT_NOT_EXTENSIBLE);
        st_ir_insn(b->f, g)->imm.u[0] = ST_OBJECT_EXTENSIBLE | ST_OBJECT_IS_PROTOTYPE | ST_OBJECT_HAS_DEPENDENTS;
        st_ir_insn(b->f, g)->imm.u[1] = ST_OBJECT_EXTENSIBLE;
        depend_on_chain(b, from, NULL); /* no setter or read-only property appears */
        store_slot(b, objp, e->new_shape, slot, v);
        StIrRef ns = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, objp, st_irb_const_cell(b, e->new_shape), 0);
        st_ir_insn(b->f, ns)->imm.i = (int64_t)offsetof(StObject, shape);
        return true;
      }
    }
  }
  StIrRef r = st_irb_call(b, ST_HELPER_SET_PROP, ST_IRT_I32, true, 5, b->vmptr, st_irb_as_value(b, obj),
                          st_irb_const_value(b, key), st_irb_as_value(b, v), st_irb_const_i32(b, strict));
  StIrRef ok = st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, r, st_irb_const_i32(b, 0), ST_IRC_GE);
  (void)ok; /* -1 is caught by the call's exception snapshot */
  st_irb_lazy_deopt_check(b, -1, 0);
  return true;
}

/* --- elements --- */

static bool translate_getelem(IrB *b, uint32_t dst, StIrRef obj, StIrRef key, StFeedbackSlot *s) {
  uint16_t seen = s->u.elem.seen;
  if (b->spec && !seen) {
    if (never_ran(b)) return true;
  }
  uint16_t dense = ST_ELEMFB_INT32 | ST_ELEMFB_DOUBLE | ST_ELEMFB_GENERIC | ST_ELEMFB_HOLEY | ST_ELEMFB_NONARRAY;
  if (!b->spec || (seen & ~dense) || !(seen & (ST_ELEMFB_INT32 | ST_ELEMFB_DOUBLE | ST_ELEMFB_GENERIC))) {
    StIrRef r = st_irb_call(b, ST_HELPER_GET_ELEM, ST_IRT_VALUE, true, 3, b->vmptr,
                            st_irb_as_value(b, obj), st_irb_as_value(b, key));
    st_irb_lazy_deopt_check(b, (int32_t)dst, r);
    def(b, dst, r);
    return true;
  }
  StIrRef objp = st_irb_as_object_ptr(b, st_irb_as_value(b, obj));
  StIrRef idx = st_irb_as_i32(b, key);
  uint32_t kinds = seen & (ST_ELEMFB_INT32 | ST_ELEMFB_DOUBLE | ST_ELEMFB_GENERIC);
  bool holey = (seen & ST_ELEMFB_HOLEY) != 0;
  StIrRef g = st_irb_guard(b, ST_IR_GUARD_FLAGS, objp, 0, 0, ST_DEOPT_ELEMENTS_KIND);
  uint32_t mask = ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC, want = 0;
  /* One kind seen: guard it, so the loaded element is known to be of that kind. */
  if (kinds == ST_ELEMFB_INT32 || kinds == ST_ELEMFB_DOUBLE) {
    mask |= 3u << ST_OBJECT_ELEMS_KIND_SHIFT;
    want |= (kinds == ST_ELEMFB_INT32 ? ST_ELEMS_INT32 : ST_ELEMS_DOUBLE) << ST_OBJECT_ELEMS_KIND_SHIFT;
  }
  if (!holey) mask |= ST_OBJECT_HOLEY;
  st_ir_insn(b->f, g)->imm.u[0] = mask;
  st_ir_insn(b->f, g)->imm.u[1] = want;
  StIrRef elems = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, objp, 0, (int64_t)offsetof(StObject, elements));
  StIrRef none = st_irb_emit(b, ST_IR_EQ_PTR, ST_IRT_BOOL, elems, st_irb_const_ptr(b, NULL), 0);
  st_irb_guard(b, ST_IR_GUARD_FALSE, none, 0, 0, ST_DEOPT_OUT_OF_BOUNDS);
  StIrRef len = st_irb_imm(b, ST_IR_LOAD, ST_IRT_I32, elems, 0, (int64_t)offsetof(StElements, length));
  st_irb_guard(b, ST_IR_GUARD_BOUNDS, idx, len, 0, ST_DEOPT_OUT_OF_BOUNDS);
  StIrRef v = st_irb_imm(b, ST_IR_LOADX, ST_IRT_VALUE, elems, idx, (int64_t)offsetof(StElements, data));
  if (holey) st_irb_guard(b, ST_IR_GUARD_NOT_HOLE, v, 0, 0, ST_DEOPT_HOLE);
  if (kinds == ST_ELEMFB_INT32 && !holey) v = st_irb_emit(b, ST_IR_UNBOX_I32, ST_IRT_I32, v, 0, 0);
  else if (kinds == ST_ELEMFB_DOUBLE && !holey) v = st_irb_emit(b, ST_IR_UNBOX_F64, ST_IRT_F64, v, 0, 0);
  def(b, dst, v);
  return true;
}

static bool translate_setelem(IrB *b, StIrRef obj, StIrRef key, StIrRef v, StFeedbackSlot *s) {
  uint16_t seen = s->u.elem.seen;
  bool strict = (b->frame->proto->flags & ST_PROTO_STRICT) != 0;
  if (b->spec && !seen) {
    if (never_ran(b)) return true;
  }
  /* In-bounds stores to existing elements whose kind the value keeps: GENERIC arrays take
   * anything; INT32 arrays take int32 values; DOUBLE arrays numbers. */
  StIrType vt = st_irb_type(b, v);
  uint32_t kinds = seen & (ST_ELEMFB_INT32 | ST_ELEMFB_DOUBLE | ST_ELEMFB_GENERIC);
  bool ok_kind = kinds == ST_ELEMFB_GENERIC || (kinds == ST_ELEMFB_INT32 && vt == ST_IRT_I32) ||
                 (kinds == ST_ELEMFB_DOUBLE && (vt == ST_IRT_I32 || vt == ST_IRT_F64));
  if (b->spec && ok_kind &&
      !(seen & (ST_ELEMFB_OOB | ST_ELEMFB_STRING | ST_ELEMFB_NAMED | ST_ELEMFB_OTHER | ST_ELEMFB_HOLEY))) {
    StIrRef objp = st_irb_as_object_ptr(b, st_irb_as_value(b, obj));
    StIrRef idx = st_irb_as_i32(b, key);
    uint32_t kind = kinds == ST_ELEMFB_GENERIC ? ST_ELEMS_GENERIC : kinds == ST_ELEMFB_INT32 ? ST_ELEMS_INT32 : ST_ELEMS_DOUBLE;
    StIrRef g = st_irb_guard(b, ST_IR_GUARD_FLAGS, objp, 0, 0, ST_DEOPT_ELEMENTS_KIND);
    st_ir_insn(b->f, g)->imm.u[0] = ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC | ST_OBJECT_HOLEY | (3u << ST_OBJECT_ELEMS_KIND_SHIFT);
    st_ir_insn(b->f, g)->imm.u[1] = kind << ST_OBJECT_ELEMS_KIND_SHIFT;
    StIrRef elems = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, objp, 0, (int64_t)offsetof(StObject, elements));
    StIrRef none = st_irb_emit(b, ST_IR_EQ_PTR, ST_IRT_BOOL, elems, st_irb_const_ptr(b, NULL), 0);
    st_irb_guard(b, ST_IR_GUARD_FALSE, none, 0, 0, ST_DEOPT_OUT_OF_BOUNDS);
    StIrRef len = st_irb_imm(b, ST_IR_LOAD, ST_IRT_I32, elems, 0, (int64_t)offsetof(StElements, length));
    st_irb_guard(b, ST_IR_GUARD_BOUNDS, idx, len, 0, ST_DEOPT_OUT_OF_BOUNDS);
    StIrRef st = st_irb_emit(b, ST_IR_STOREX, ST_IRT_VOID, elems, idx, st_irb_as_value(b, v));
    st_ir_insn(b->f, st)->imm.i = (int64_t)offsetof(StElements, data);
    return true;
  }
  st_irb_call(b, ST_HELPER_SET_ELEM, ST_IRT_I32, true, 5, b->vmptr, st_irb_as_value(b, obj),
              st_irb_as_value(b, key), st_irb_as_value(b, v), st_irb_const_i32(b, strict));
  st_irb_lazy_deopt_check(b, -1, 0);
  return true;
}

/* --- contexts --- */

static StIrRef context_at(IrB *b, uint32_t depth) {
  StIrRef c;
  if (b->frame->depth > 0) {
    c = st_irb_const_cell(b, b->frame->ctx_const);
  } else {
    StIrRef cv = st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, b->frameptr, 0, (int64_t)offsetof(StFrame, ctx));
    c = st_irb_emit(b, ST_IR_VALUE_TO_PTR, ST_IRT_PTR, cv, 0, 0);
  }
  for (uint32_t d = 0; d < depth; d++)
    c = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, c, 0, (int64_t)offsetof(StContext, parent));
  return c;
}

/* --- globals --- */

/* A global variable's slot, valid while vm->global_epoch holds the value the feedback saw
 * (any change to the global object's shape bumps it): guard the epoch, then address the slot.
 * Returns the base pointer; global_slot_offset gives the byte offset from it. */
static StIrRef global_slot_base(IrB *b, StFeedbackSlot *s) {
  StIrRef ep = st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, st_irb_const_ptr(b, &b->vm->global_epoch), 0, 0);
  StIrRef same = st_irb_emit(b, ST_IR_EQ_PTR, ST_IRT_BOOL, ep,
                             st_irb_const_ptr(b, (void *)(uintptr_t)s->u.global.epoch), 0);
  st_irb_guard(b, ST_IR_GUARD_TRUE, same, 0, 0, ST_DEOPT_GLOBAL_CHANGED);
  StObject *g = b->vm->global;
  if (s->u.global.slot < g->shape->inline_cap) return st_irb_const_ptr(b, g);
  return st_irb_imm(b, ST_IR_LOAD, ST_IRT_PTR, st_irb_const_ptr(b, g), 0, (int64_t)offsetof(StObject, slots));
}

static int64_t global_slot_offset(IrB *b, StFeedbackSlot *s) {
  const StShape *sh = b->vm->global->shape;
  uint32_t slot = s->u.global.slot;
  if (slot < sh->inline_cap) return 8 * (int64_t)(sh->inline_start + slot);
  return 8 * (int64_t)(slot - sh->inline_cap);
}

/* --- calls --- */

/* --- inlining --- */

/* Whether every instruction of p can be translated inside an inlined frame: no out-of-line
 * steps, which run on a real frame's registers (by pc in that frame's own bytecode), and an
 * inlined frame has none. CALL and NEW are fine: their windows go to the outermost frame
 * (store_call_window), and a callee that is inlined in turn nests another level. */
static bool inlinable_code(const StProto *p) {
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) {
    switch ((StOpcode)p->code[pc]) {
    case ST_OP_THISFUNC: case ST_OP_NEWTARGET: case ST_OP_SAVECTX: continue;
    case ST_OP_RESTORECTX: case ST_OP_ITERNEXT: case ST_OP_FORINNEXT: case ST_OP_CALLNATIVE:
    case ST_OP_AWAIT: return false;
    default: break;
    }
    if (st_interp_step_supports(p->code[pc])) return false;
  }
  return true;
}

/* The largest window (this or new.target, then the arguments) of a CALL or NEW in p. */
static uint32_t max_call_window(const StProto *p) {
  uint32_t n = 0;
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) {
    uint16_t op = p->code[pc];
    if ((op == ST_OP_CALL || op == ST_OP_NEW) && p->code[pc + 3] + 1u > n) n = p->code[pc + 3] + 1u;
  }
  return n;
}

/* Why a monomorphic callee is not inlined here (NULL: it can be). */
static const char *inline_refusal(IrB *b, const StFunction *fn) {
  const StProto *cp = fn->proto;
  if (b->frame->depth + 1 > b->opts->max_inline_depth) return "too deep";
  if (cp->code_len > b->opts->max_inline_bytecodes) return "too large";
  if (cp->flags & (ST_PROTO_ASYNC | ST_PROTO_CLASS_CTOR | ST_PROTO_NEEDS_ARGS | ST_PROTO_MAPPED_ARGS))
    return "kind of function";
  if (cp->ctx_slots) return "creates a context";
  if (!cp->feedback) return "never ran";
  if (b->next_var + cp->nregs > b->nvars) return "out of variables";
  for (IrFrame *fr = b->frame; fr; fr = fr->parent)
    if (fr->proto == cp) return "recursive";
  if (!inlinable_code(cp)) return "instruction not inlinable";
  /* Its calls' windows go to the top of the outermost frame (store_call_window). */
  if (max_call_window(cp) > ((const StProto *)b->f->proto)->nregs) return "call window too large";
  return NULL;
}

/* Translates the call at b->pc by translating the callee's bytecode in place: its registers
 * become fresh SSA variables, its returns jump to a join block that defines dst. Snapshots
 * inside the callee describe both frames (tiers/deopt.c rebuilds the callee's frame). */
static bool inline_call(IrB *b, uint32_t dst, uint32_t base, uint32_t argc, StFunction *fn) {
  StProto *cp = fn->proto;
  IrFrame *parent = b->frame;
  uint32_t call_pc = b->pc;
  IrFrame *fr = st_xcalloc(1, sizeof(IrFrame));
  if (!st_bcinfo_build(&fr->bi, cp)) {
    free(fr);
    return false;
  }
  fr->proto = cp;
  fr->fb = cp->feedback;
  fr->depth = parent->depth + 1;
  fr->parent = parent;
  fr->call_pc = call_pc;
  fr->ret_reg = dst;
  fr->argc = argc;
  fr->callee_const = fn;
  fr->ctx_const = fn->ctx;
  fr->var_base = b->next_var;
  b->next_var += cp->nregs;
  /* The callee's registers: this, the arguments, undefined for the rest. */
  StIrRef this_v = use(b, base + 1);
  if (!(cp->flags & (ST_PROTO_STRICT | ST_PROTO_ARROW))) {
    /* Sloppy callees see undefined `this` as the global object; other primitives would need
     * boxing: guard that they do not occur. */
    StIrInsn *ti = st_ir_insn(b->f, this_v);
    if (ti->op == ST_IR_CONST_VALUE && st_is_nullish(ti->imm.v))
      this_v = st_irb_const_value(b, st_object_value(b->vm->global));
    else
      st_irb_as_object_ptr(b, st_irb_as_value(b, this_v));
  }
  StIrRef args[256];
  uint32_t np = cp->nparams < 255 ? cp->nparams : 255;
  for (uint32_t i = 0; i < np; i++) args[i] = i < argc ? use(b, base + 2 + i) : b->undefined_at_entry;
  b->frame = fr;
  def(b, 0, this_v);
  for (uint32_t i = 0; i < np; i++) def(b, 1 + i, args[i]);
  for (uint32_t r = 1 + np; r < cp->nregs; r++) def(b, r, b->undefined_at_entry);
  fr->this_ref = this_v;
  fr->exit_block = st_irb_new_block(b);
  StAbort a = st_irb_translate_frame(b, fr, b->cur, UINT32_MAX);
  b->frame = parent;
  b->pc = call_pc;
  if (a != ST_ABORT_NONE) {
    b->failed = (int)a;
    st_irb_free_frame(fr);
    return true;
  }
  st_irb_seal(b, fr->exit_block);
  b->cur = fr->exit_block;
  b->terminated = false;
  if (b->f->blocks.data[fr->exit_block].preds.len == 0) {
    /* The callee never returns normally (it always throws or deopts). */
    st_irb_emit(b, ST_IR_UNREACHABLE, ST_IRT_VOID, 0, 0, 0);
    b->terminated = true;
  }
  st_irb_free_frame(fr);
  return true;
}

/* An inlined frame's return: the value goes to the caller's destination register. */
static void inlined_return(IrB *b, StIrRef v) {
  IrFrame *fr = b->frame;
  st_irb_write(b, fr->parent->var_base + fr->ret_reg, v);
  st_irb_jump(b, fr->exit_block);
  b->terminated = true;
}

static bool translate_call(IrB *b, uint32_t dst, uint32_t base, uint32_t argc, StFeedbackSlot *s) {
  if (b->spec && s->u.call.count == 0) {
    if (never_ran(b)) return true;
  }
  StIrRef callee = st_irb_as_value(b, use(b, base));
  if (b->spec && !s->u.call.mega && !s->u.call.closures && s->u.call.target &&
      s->u.call.target->hdr.kind == ST_KIND_FUNCTION && s->u.call.proto) {
    /* A monomorphic closure: guard the exact target (the inliner uses this). Several closures
     * of one literal would fail that guard in turn, one deopt and recompile each. */
    st_irb_guard(b, ST_IR_GUARD_EQ_VALUE, callee, 0, 0, ST_DEOPT_WRONG_TARGET);
    st_ir_insn(b->f, b->f->insns.len - 1)->imm.v = st_object_value(s->u.call.target);
    StFunction *target = (StFunction *)s->u.call.target;
    if (!inline_refusal(b, target)) return inline_call(b, dst, base, argc, target);
  }
  /* The callee reads its arguments from the window, as the interpreter's CALL does. */
  uint32_t w = store_call_window(b, base, argc + 1);
  StIrRef r = st_irb_call(b, ST_HELPER_CALL, ST_IRT_VALUE, true, 5, b->vmptr, b->frameptr, callee,
                          st_irb_const_i32(b, (int32_t)w), st_irb_const_i32(b, (int32_t)argc));
  st_irb_lazy_deopt_check(b, (int32_t)dst, r);
  def(b, dst, r);
  return true;
}

static bool translate_new(IrB *b, uint32_t dst, uint32_t base, uint32_t argc, StFeedbackSlot *s) {
  if (b->spec && s->u.call.count == 0) {
    if (never_ran(b)) return true;
  }
  StIrRef callee = st_irb_as_value(b, use(b, base));
  /* new.target and the arguments, where the interpreter's NEW would find them. */
  uint32_t w = store_call_window(b, base, argc + 1);
  StIrRef r = st_irb_call(b, ST_HELPER_NEW, ST_IRT_VALUE, true, 5, b->vmptr, b->frameptr, callee,
                          st_irb_const_i32(b, (int32_t)w), st_irb_const_i32(b, (int32_t)argc));
  st_irb_lazy_deopt_check(b, (int32_t)dst, r);
  def(b, dst, r);
  return true;
}

/* An instruction this tier does not translate itself: interp/step.c runs it on the frame's
 * registers. The registers it reads are stored into the frame first, the ones it writes are
 * loaded back after. */
static bool translate_step(IrB *b) {
  uint16_t op = U(0);
  if (!st_interp_step_supports(op) || b->frame->depth > 0) return unsupported(b);
  StBcRegs o;
  st_bcinfo_regs(&b->frame->proto->code[b->pc], &o);
  for (uint32_t i = 0; i < o.nreads; i++) store_window(b, o.reads[i], 1);
  if (o.read_range_len) store_window(b, o.read_range_start, o.read_range_len);
  if (op == ST_OP_ARGUMENTS || op == ST_OP_REST) store_window(b, 1, b->frame->proto->nparams);
  st_irb_call(b, ST_HELPER_STEP, ST_IRT_I32, true, 3, b->vmptr, b->frameptr, st_irb_const_i32(b, (int32_t)b->pc));
  StIrRef last = 0;
  for (uint32_t i = 0; i < o.nwrites; i++) {
    last = st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, b->frameptr, 0, (int64_t)(sizeof(StFrame) + 8 * o.writes[i]));
    def(b, o.writes[i], last);
  }
  /* Writes are already in SSA: resuming after the instruction needs none of them re-set. */
  st_irb_lazy_deopt_check(b, -1, 0);
  (void)last;
  return true;
}

static bool branch_on(IrB *b, StIrRef cond, uint32_t taken_pc);

/* ITERNEXT / FORINNEXT out of line: the helper says whether the jump is taken. The registers
 * it may write are stored first, so that reloading them is right on both paths. */
static bool translate_step_jump(IrB *b) {
  if (b->frame->depth > 0) return unsupported(b);
  StBcRegs o;
  st_bcinfo_regs(&b->frame->proto->code[b->pc], &o);
  for (uint32_t i = 0; i < o.nreads; i++) store_window(b, o.reads[i], 1);
  for (uint32_t i = 0; i < o.nwrites; i++) store_window(b, o.writes[i], 1);
  StIrRef res = st_irb_call(b, ST_HELPER_STEP_JUMP, ST_IRT_I32, true, 3, b->vmptr, b->frameptr,
                            st_irb_const_i32(b, (int32_t)b->pc));
  for (uint32_t i = 0; i < o.nwrites; i++)
    def(b, o.writes[i], st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, b->frameptr, 0,
                                   (int64_t)(sizeof(StFrame) + 8 * o.writes[i])));
  /* A lazy deopt here would have to pick a side; the next guard or call catches it. */
  StIrRef taken = st_irb_imm(b, ST_IR_CMP_I32, ST_IRT_BOOL, res, st_irb_const_i32(b, 1), ST_IRC_EQ);
  return branch_on(b, taken, b->pc + (uint32_t)I32OP(3));
}

/* A field of the frame header. */
static StIrRef frame_field(IrB *b, size_t offset) {
  return st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, b->frameptr, 0, (int64_t)offset);
}

/* --- branches --- */

static bool branch_on(IrB *b, StIrRef cond, uint32_t taken_pc) {
  IrFrame *fr = b->frame;
  uint32_t next_pc = b->pc + st_bytecode_size(U(0));
  uint32_t t = fr->block_map[fr->bi.block_of[taken_pc]];
  uint32_t n = fr->block_map[fr->bi.block_of[next_pc]];
  st_irb_branch(b, cond, t, n);
  b->terminated = true;
  return true;
}

/* --- the instruction switch --- */

static bool translate_insn(IrB *b) {
  b->spec = b->opts->speculate;
  IrFrame *fr = b->frame;
  StProto *p = fr->proto;
  uint16_t op = U(0);
  bool strict = (p->flags & ST_PROTO_STRICT) != 0;
  (void)strict;
  switch ((StOpcode)op) {
  case ST_OP_NOP:
  case ST_OP_DEBUGGER: return true;
  case ST_OP_MOV: def(b, U(1), use(b, U(2))); return true;
  case ST_OP_LOADK: {
    StValue k = konst(b, U(2));
    if (st_is_cell(k) && !st_is_string(k) && !st_is_symbol(k)) return unsupported(b);
    def(b, U(1), st_irb_const_value(b, k));
    return true;
  }
  case ST_OP_LOADI: def(b, U(1), st_irb_const_i32(b, I32OP(2))); return true;
  case ST_OP_LOADUNDEF: def(b, U(1), st_irb_const_value(b, ST_UNDEFINED)); return true;
  case ST_OP_LOADNULL: def(b, U(1), st_irb_const_value(b, ST_NULL)); return true;
  case ST_OP_LOADTRUE: def(b, U(1), st_ir_const_bool(b->f, b->cur, true)); return true;
  case ST_OP_LOADFALSE: def(b, U(1), st_ir_const_bool(b->f, b->cur, false)); return true;
  case ST_OP_LOADUNINIT: def(b, U(1), st_irb_const_value(b, ST_UNINIT)); return true;
  case ST_OP_CHECKTDZ:
  case ST_OP_CHECKTHIS: {
    StIrRef v = use(b, U(1));
    if (st_irb_type(b, v) != ST_IRT_VALUE) return true;
    StIrInsn *vi = st_ir_insn(b->f, v);
    if (vi->op == ST_IR_CONST_VALUE && vi->imm.v != ST_UNINIT) return true;
    StIrRef is = st_irb_emit(b, ST_IR_EQ_VALUE, ST_IRT_BOOL, v, st_irb_const_value(b, ST_UNINIT), 0);
    st_irb_guard(b, ST_IR_GUARD_FALSE, is, 0, 0, ST_DEOPT_WRONG_TYPE);
    return true;
  }
  case ST_OP_GETGLOBAL: {
    StFeedbackSlot *s = FB(3);
    if (b->spec && s->u.global.valid && s->u.global.epoch == b->vm->global_epoch) {
      def(b, U(1), st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, global_slot_base(b, s), 0, global_slot_offset(b, s)));
      return true;
    }
    if (b->spec && !s->u.global.valid && never_ran(b)) return true;
    StIrRef r = st_irb_call(b, ST_HELPER_GET_GLOBAL, ST_IRT_VALUE, true, 2, b->vmptr,
                            st_irb_const_value(b, konst(b, U(2))));
    st_irb_lazy_deopt_check(b, U(1), r);
    def(b, U(1), r);
    return true;
  }
  case ST_OP_SETGLOBAL: {
    StFeedbackSlot *s = FB(3);
    if (b->spec && s->u.global.valid && s->u.global.epoch == b->vm->global_epoch) {
      StIrRef st = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, global_slot_base(b, s), st_irb_as_value(b, use(b, U(1))), 0);
      st_ir_insn(b->f, st)->imm.i = global_slot_offset(b, s);
      return true;
    }
    st_irb_call(b, ST_HELPER_SET_GLOBAL, ST_IRT_I32, true, 4, b->vmptr, st_irb_const_value(b, konst(b, U(2))),
                st_irb_as_value(b, use(b, U(1))), st_irb_const_i32(b, strict));
    st_irb_lazy_deopt_check(b, -1, 0);
    return true;
  }
  case ST_OP_GETCTX: {
    StIrRef c = context_at(b, U(2));
    def(b, U(1), st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, c, 0, (int64_t)(offsetof(StContext, slots) + 8 * U(3))));
    return true;
  }
  case ST_OP_GETCTXCHK: {
    StIrRef c = context_at(b, U(2));
    StIrRef v = st_irb_imm(b, ST_IR_LOAD, ST_IRT_VALUE, c, 0, (int64_t)(offsetof(StContext, slots) + 8 * U(3)));
    StIrRef is = st_irb_emit(b, ST_IR_EQ_VALUE, ST_IRT_BOOL, v, st_irb_const_value(b, ST_UNINIT), 0);
    st_irb_guard(b, ST_IR_GUARD_FALSE, is, 0, 0, ST_DEOPT_WRONG_TYPE);
    def(b, U(1), v);
    return true;
  }
  case ST_OP_SETCTX: {
    StIrRef c = context_at(b, U(2));
    StIrRef st = st_irb_emit(b, ST_IR_STORE, ST_IRT_VOID, c, st_irb_as_value(b, use(b, U(1))), 0);
    st_ir_insn(b->f, st)->imm.i = (int64_t)(offsetof(StContext, slots) + 8 * U(3));
    return true;
  }
  case ST_OP_GETPROP: return translate_getprop(b, U(1), use(b, U(2)), konst(b, U(3)), FB(4));
  case ST_OP_SETPROP: return translate_setprop(b, use(b, U(1)), konst(b, U(2)), use(b, U(3)), FB(4));
  case ST_OP_GETELEM: return translate_getelem(b, U(1), use(b, U(2)), use(b, U(3)), FB(4));
  case ST_OP_SETELEM: return translate_setelem(b, use(b, U(1)), use(b, U(2)), use(b, U(3)), FB(4));
  case ST_OP_ADD: case ST_OP_SUB: case ST_OP_MUL: case ST_OP_DIV: case ST_OP_MOD: case ST_OP_EXP:
  case ST_OP_BITAND: case ST_OP_BITOR: case ST_OP_BITXOR: case ST_OP_SHL: case ST_OP_SAR:
  case ST_OP_SHR:
    return translate_binop(b, op, U(1), use(b, U(2)), use(b, U(3)), 4);
  case ST_OP_ADDI:
    return translate_binop(b, ST_OP_ADD, U(1), use(b, U(2)), st_irb_const_i32(b, (int16_t)U(3)), 4);
  case ST_OP_INC:
  case ST_OP_DEC: {
    StIrRef one = st_irb_const_i32(b, 1);
    StIrRef x = use(b, U(2));
    if (b->spec && lattice_of(b, 3) == ST_LATTICE_NONE) {
      if (never_ran(b)) return true;
    }
    if (b->spec && lattice_of(b, 3) == ST_LATTICE_INT32 && !overflowed(b, 3)) {
      def(b, U(1), st_irb_guard_op(b, op == ST_OP_INC ? ST_IR_ADD_I32_OV : ST_IR_SUB_I32_OV,
                                    st_irb_as_i32(b, x), one, ST_DEOPT_OVERFLOW));
    } else if (b->spec && (lattice_of(b, 3) == ST_LATTICE_NUMBER || lattice_of(b, 3) == ST_LATTICE_INT32)) {
      def(b, U(1), st_irb_emit(b, op == ST_OP_INC ? ST_IR_ADD_F64 : ST_IR_SUB_F64, ST_IRT_F64,
                               st_irb_as_f64(b, x), st_irb_const_f64(b, 1), 0));
    } else {
      StIrRef n = st_irb_call(b, ST_HELPER_TO_NUMBER, ST_IRT_VALUE, true, 2, b->vmptr, st_irb_as_value(b, x));
      def_generic(b, U(1), generic_binop(b, op == ST_OP_INC ? ST_OP_ADD : ST_OP_SUB, n, st_irb_as_value(b, one)));
    }
    return true;
  }
  case ST_OP_NEG: {
    StIrRef x = use(b, U(2));
    StLattice l = b->spec ? lattice_of(b, 3) : ST_LATTICE_ANY;
    if (l == ST_LATTICE_INT32 && !overflowed(b, 3))
      def(b, U(1), st_irb_guard_op(b, ST_IR_NEG_I32_OV, st_irb_as_i32(b, x), 0, ST_DEOPT_OVERFLOW));
    else if (l == ST_LATTICE_INT32 || l == ST_LATTICE_NUMBER)
      def(b, U(1), st_irb_emit(b, ST_IR_NEG_F64, ST_IRT_F64, st_irb_as_f64(b, x), 0, 0));
    else
      def_generic(b, U(1), generic_binop(b, ST_OP_MUL, x, st_irb_const_value(b, st_int(-1))));
    return true;
  }
  case ST_OP_BITNOT: {
    StIrRef x = use(b, U(2));
    StLattice l = b->spec ? lattice_of(b, 3) : ST_LATTICE_ANY;
    if (l == ST_LATTICE_INT32)
      def(b, U(1), st_irb_emit(b, ST_IR_NOT_I32, ST_IRT_I32, st_irb_as_i32(b, x), 0, 0));
    else
      def_generic(b, U(1), generic_binop(b, ST_OP_BITXOR, x, st_irb_const_value(b, st_int(-1))));
    return true;
  }
  case ST_OP_TONUMBER: {
    StIrRef x = use(b, U(2));
    StIrType t = st_irb_type(b, x);
    if (t == ST_IRT_I32 || t == ST_IRT_F64) {
      def(b, U(1), x);
    } else if (b->spec && lattice_of(b, 3) == ST_LATTICE_INT32) {
      def(b, U(1), st_irb_as_i32(b, x));
    } else if (b->spec && lattice_of(b, 3) == ST_LATTICE_NUMBER) {
      def(b, U(1), st_irb_as_f64(b, x));
    } else {
      def_generic(b, U(1), st_irb_call(b, ST_HELPER_TO_NUMBER, ST_IRT_VALUE, true, 2, b->vmptr, st_irb_as_value(b, x)));
    }
    return true;
  }
  case ST_OP_NOT:
    def(b, U(1), st_irb_emit(b, ST_IR_NOT_BOOL, ST_IRT_BOOL, st_irb_truthy(b, use(b, U(2))), 0, 0));
    return true;
  case ST_OP_TYPEOF:
    def(b, U(1), st_irb_call(b, ST_HELPER_TYPEOF, ST_IRT_VALUE, false, 2, b->vmptr, st_irb_as_value(b, use(b, U(2)))));
    return true;
  case ST_OP_EQ: case ST_OP_NE: case ST_OP_SEQ: case ST_OP_SNE: case ST_OP_LT: case ST_OP_LE:
  case ST_OP_GT: case ST_OP_GE: {
    bool equality = op == ST_OP_EQ || op == ST_OP_NE || op == ST_OP_SEQ || op == ST_OP_SNE;
    if (b->spec && lattice_of(b, 4) == ST_LATTICE_NONE) {
      if (never_ran(b)) return true;
    }
    def(b, U(1), compare(b, cond_of(op), equality, op == ST_OP_SEQ || op == ST_OP_SNE,
                         use(b, U(2)), use(b, U(3)), 4));
    return true;
  }
  case ST_OP_JMP: {
    uint32_t t = fr->block_map[fr->bi.block_of[b->pc + (uint32_t)I32OP(1)]];
    st_irb_jump(b, t);
    b->terminated = true;
    return true;
  }
  case ST_OP_JTRUE:
  case ST_OP_JFALSE: {
    StIrRef c = st_irb_truthy(b, use(b, U(1)));
    if (op == ST_OP_JFALSE) c = st_irb_emit(b, ST_IR_NOT_BOOL, ST_IRT_BOOL, c, 0, 0);
    return branch_on(b, c, b->pc + (uint32_t)I32OP(2));
  }
  case ST_OP_JNULLISH:
  case ST_OP_JNOTNULLISH:
  case ST_OP_JUNDEF:
  case ST_OP_JNOTUNDEF: {
    StIrRef v = st_irb_as_value(b, use(b, U(1)));
    StIrRef c = st_irb_emit(b, ST_IR_EQ_VALUE, ST_IRT_BOOL, v, st_irb_const_value(b, ST_UNDEFINED), 0);
    if (op == ST_OP_JNULLISH || op == ST_OP_JNOTNULLISH) {
      /* undefined or null: (v | 1) == null, as the two constants differ only in bit 0. */
      StIrRef isnull = st_irb_emit(b, ST_IR_EQ_VALUE, ST_IRT_BOOL, v, st_irb_const_value(b, ST_NULL), 0);
      uint32_t t = fr->block_map[fr->bi.block_of[b->pc + (uint32_t)I32OP(2)]];
      uint32_t nx = fr->block_map[fr->bi.block_of[b->pc + st_bytecode_size(op)]];
      uint32_t mid = st_irb_new_block(b);
      if (op == ST_OP_JNULLISH) {
        st_irb_branch(b, c, t, mid);
        st_irb_seal(b, mid);
        b->cur = mid;
        st_irb_branch(b, isnull, t, nx);
      } else {
        st_irb_branch(b, c, nx, mid);
        st_irb_seal(b, mid);
        b->cur = mid;
        st_irb_branch(b, isnull, nx, t);
      }
      b->terminated = true;
      return true;
    }
    if (op == ST_OP_JNOTUNDEF) c = st_irb_emit(b, ST_IR_NOT_BOOL, ST_IRT_BOOL, c, 0, 0);
    return branch_on(b, c, b->pc + (uint32_t)I32OP(2));
  }
  case ST_OP_JLT: case ST_OP_JLE: case ST_OP_JGT: case ST_OP_JGE: case ST_OP_JNLT:
  case ST_OP_JNLE: case ST_OP_JNGT: case ST_OP_JNGE: case ST_OP_JSEQ: case ST_OP_JSNE:
  case ST_OP_JEQ: case ST_OP_JNE: {
    if (b->spec && lattice_of(b, 5) == ST_LATTICE_NONE) {
      if (never_ran(b)) return true;
    }
    bool equality = op >= ST_OP_JSEQ;
    StIrRef c = compare(b, cond_of(op), equality, op == ST_OP_JSEQ || op == ST_OP_JSNE, use(b, U(1)),
                        use(b, U(2)), 5);
    if (op >= ST_OP_JNLT && op <= ST_OP_JNGE) c = st_irb_emit(b, ST_IR_NOT_BOOL, ST_IRT_BOOL, c, 0, 0);
    return branch_on(b, c, b->pc + (uint32_t)I32OP(3));
  }
  case ST_OP_LOOPHEAD: return true;
  case ST_OP_CALL: return translate_call(b, U(1), U(2), U(3), FB(4));
  case ST_OP_NEW: return translate_new(b, U(1), U(2), U(3), FB(4));
  case ST_OP_THISFUNC:
    if (fr->depth > 0) def(b, U(1), st_irb_const_value(b, st_object_value(fr->callee_const)));
    else def(b, U(1), frame_field(b, offsetof(StFrame, callee)));
    return true;
  case ST_OP_NEWTARGET:
    if (fr->depth > 0) def(b, U(1), st_irb_const_value(b, ST_UNDEFINED));
    else def(b, U(1), frame_field(b, offsetof(StFrame, new_target)));
    return true;
  case ST_OP_SAVECTX:
    if (fr->depth > 0) def(b, U(1), st_irb_const_value(b, fr->ctx_const ? st_cell_value(fr->ctx_const) : ST_UNDEFINED));
    else def(b, U(1), frame_field(b, offsetof(StFrame, ctx)));
    return true;
  case ST_OP_RET:
  case ST_OP_RETUNDEF: {
    if (fr->depth > 0) {
      inlined_return(b, op == ST_OP_RET ? use(b, U(1)) : st_irb_const_value(b, ST_UNDEFINED));
      return true;
    }
    StIrRef v = op == ST_OP_RET ? st_irb_as_value(b, use(b, U(1))) : st_irb_const_value(b, ST_UNDEFINED);
    /* A derived constructor returning undefined gives `this`, which the caller reads from the
     * frame's register 0 (as it does after the interpreter's RET): store it there. */
    if (fr->proto->flags & ST_PROTO_DERIVED) store_window(b, 0, 1);
    st_irb_emit(b, ST_IR_RETURN, ST_IRT_VOID, v, 0, 0);
    b->terminated = true;
    return true;
  }
  case ST_OP_ITERNEXT:
  case ST_OP_FORINNEXT: return translate_step_jump(b);
  case ST_OP_THROWERR:
  case ST_OP_THROW: {
    /* Throwing is the interpreter's business: resume there at the THROW. */
    cold(b, ST_DEOPT_UNSUPPORTED);
    return true;
  }
  default: return translate_step(b);
  }
}

StIrRef st_irb_guard_op(IrB *b, StIrOp op, StIrRef x, StIrRef y, StDeoptReason reason) {
  uint32_t snap = st_irb_snapshot(b, b->pc, reason, false, -1, 0);
  StIrRef r = st_irb_emit(b, op, ST_IRT_I32, x, y, 0);
  st_ir_insn(b->f, r)->snap = snap;
  return r;
}

/* --- the block walk --- */

StAbort st_irb_translate_frame(IrB *b, IrFrame *fr, uint32_t from, uint32_t osr_pc) {
  StBcInfo *bi = &fr->bi;
  uint32_t nb = bi->nblocks;
  fr->block_map = st_xmalloc((nb ? nb : 1) * sizeof(uint32_t));
  uint32_t start = osr_pc == UINT32_MAX ? 0 : bi->block_of[osr_pc];
  /* Reachability and reverse postorder over bytecode blocks from the start block. */
  uint32_t *order = st_xmalloc((nb ? nb : 1) * sizeof(uint32_t));
  uint32_t *stack = st_xmalloc((nb ? nb : 1) * 2 * sizeof(uint32_t));
  uint8_t *seen = st_xcalloc(nb ? nb : 1, 1);
  uint32_t *post = st_xmalloc((nb ? nb : 1) * sizeof(uint32_t));
  uint32_t sp = 0, npost = 0;
  stack[sp++] = start;
  stack[sp++] = 0;
  seen[start] = 1;
  while (sp) {
    uint32_t blk = stack[sp - 2], k = stack[sp - 1];
    if (k < bi->blocks[blk].nsucc) {
      stack[sp - 1]++;
      uint32_t s = bi->blocks[blk].succ[k];
      if (!seen[s]) {
        seen[s] = 1;
        stack[sp++] = s;
        stack[sp++] = 0;
      }
    } else {
      post[npost++] = blk;
      sp -= 2;
    }
  }
  for (uint32_t i = 0; i < npost; i++) order[i] = post[npost - 1 - i];
  free(post);
  free(stack);
  /* IR blocks and the number of predecessors each still waits for. */
  uint32_t *pending = st_xcalloc(nb ? nb : 1, sizeof(uint32_t));
  for (uint32_t i = 0; i < nb; i++) fr->block_map[i] = UINT32_MAX;
  for (uint32_t i = 0; i < npost; i++) fr->block_map[order[i]] = st_irb_new_block(b);
  for (uint32_t i = 0; i < npost; i++) {
    StBcBlock *blk = &bi->blocks[order[i]];
    for (uint32_t s = 0; s < blk->nsucc; s++) pending[blk->succ[s]]++;
    b->f->blocks.data[fr->block_map[order[i]]].bc_start = blk->start;
    b->f->blocks.data[fr->block_map[order[i]]].is_loop_header = blk->is_loop_header;
  }
  pending[start]++; /* the edge from `from` */
  b->cur = from;
  st_irb_jump(b, fr->block_map[start]);
  if (--pending[start] == 0) st_irb_seal(b, fr->block_map[start]);
  StAbort result = ST_ABORT_NONE;
  for (uint32_t i = 0; i < npost && result == ST_ABORT_NONE; i++) {
    uint32_t bb = order[i];
    StBcBlock *blk = &bi->blocks[bb];
    b->cur = fr->block_map[bb];
    b->terminated = false;
    /* Reached: some translated predecessor jumps here. Pending back-edges do not count: in
     * reverse postorder they come from blocks this one dominates, so a loop header none of
     * whose forward predecessors was reached (all cold: DEOPTs, or code OSR skips) is dead,
     * and translating it anyway gave a predecessor-less block whose body jumped back into
     * live code, with phi inputs defined in dead blocks (verifier: "does not dominate"). */
    bool reached = b->f->blocks.data[b->cur].preds.len > 0;
    if (reached) {
      /* A predecessor still pending: a loop header (its back-edges come later). */
      if (pending[bb] > 0) st_irb_loop_entry_snapshot(b, b->cur);
      for (b->pc = blk->start; b->pc < blk->end && !b->terminated; b->pc += st_bytecode_size(U(0))) {
        if (!translate_insn(b)) {
          result = ST_ABORT_UNSUPPORTED_OP;
          break;
        }
        if (b->failed) {
          result = (StAbort)b->failed;
          break;
        }
      }
      if (result != ST_ABORT_NONE) break;
      if (!b->terminated) {
        /* Fall through into the next block. */
        if (blk->end < fr->proto->code_len) st_irb_jump(b, fr->block_map[bi->block_of[blk->end]]);
        else st_irb_emit(b, ST_IR_UNREACHABLE, ST_IRT_VOID, 0, 0, 0);
      }
    } else {
      /* Reached only through dead code: keep the CFG well formed. */
      b->pc = blk->start;
      st_irb_emit(b, ST_IR_UNREACHABLE, ST_IRT_VOID, 0, 0, 0);
    }
    for (uint32_t s = 0; s < blk->nsucc; s++) {
      uint32_t sb = blk->succ[s];
      if (--pending[sb] == 0) st_irb_seal(b, fr->block_map[sb]);
    }
  }
  free(pending);
  free(order);
  free(seen);
  return result;
}
