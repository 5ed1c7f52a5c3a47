/* backends/opt_fold.c: constant folding and local simplification.
 *
 * One sweep over the blocks in reverse postorder (so an operand is simplified before its uses,
 * loop phis aside), each instruction with its operands resolved through the replacements made
 * so far. A rule either replaces the instruction by an existing value (recorded, applied to
 * every use at the end), turns it into a constant in place, or removes it (guards proven to
 * hold). Guards proven to fail (a constant, or a value of known tag, that the guard rejects:
 * e.g. an object-tag guard on the constant undefined) become unconditional DEOPTs ending their
 * block, what follows them removed; the compile goes on (only the paths through that block
 * leave, exactly where the guard would have). Then branches on constants become jumps (the dead edge and its phi inputs removed,
 * blocks no longer reachable pruned), and snapshot entries that name a BOX_I32/BOX_F64 name
 * the unboxed value instead (exits box I32 and F64 values themselves), so that a box kept
 * alive only by a snapshot dies.
 *
 * JS semantics the rules keep:
 *  - _OV ops (and DIV_I32_EXACT, MOD_I32) fold only when the exact result is an int32 and not
 *    -0; otherwise they stay and exit at run time;
 *  - double identities only where IEEE makes them exact: x * 1, x / 1, x - 0, x + (-0);
 *    never x + 0 (-0 + 0 is +0);
 *  - BOX_F64 keeps a double a double (the two number forms are both valid, but folding must
 *    produce the bits the instruction would have produced);
 *  - POW_F64 and MATH_F64 round are not folded (C's pow and round differ from JS's).
 */
#include "backends/opt_internal.h"

#include <math.h>
#include <string.h>

typedef struct Fold {
  StIrFunc *f;
  StOptRepl repl;
  uint32_t changes;
  StVec(StIrRef) doomed; /* guards proven to fail: made DEOPTs after the sweep */
} Fold;

static StIrInsn *def(Fold *F, StIrRef r) { return r ? st_ir_insn(F->f, r) : NULL; }

static bool const_i32(Fold *F, StIrRef r, int32_t *v) {
  StIrInsn *i = st_opt_const_of(F->f, r, ST_IR_CONST_I32);
  if (i) *v = (int32_t)i->imm.i;
  return i != NULL;
}

static bool const_f64(Fold *F, StIrRef r, double *v) {
  StIrInsn *i = st_opt_const_of(F->f, r, ST_IR_CONST_F64);
  if (i) *v = i->imm.d;
  return i != NULL;
}

static bool const_bool(Fold *F, StIrRef r, bool *v) {
  StIrInsn *i = st_opt_const_of(F->f, r, ST_IR_CONST_BOOL);
  if (i) *v = i->imm.i != 0;
  return i != NULL;
}

static bool const_value(Fold *F, StIrRef r, StValue *v) {
  StIrInsn *i = st_opt_const_of(F->f, r, ST_IR_CONST_VALUE);
  if (i) *v = i->imm.v;
  return i != NULL;
}

static bool is_op(Fold *F, StIrRef r, StIrOp op) {
  return r && st_ir_insn(F->f, r)->op == op && !(st_ir_insn(F->f, r)->flags & ST_IRI_DEAD);
}

static StValue box_double(double d) {
  if (d != d) return 0x7FF8000000000000ull; /* the canonical NaN, as BOX_F64 makes it */
  StValue v;
  memcpy(&v, &d, sizeof v);
  return v;
}

static bool value_is_int(StValue v) { return (v >> ST_TAG_SHIFT) == ST_TAG_INT; }
static bool value_is_double(StValue v) { return v < ST_FIRST_NONDOUBLE; }
static double value_double(StValue v) {
  double d;
  memcpy(&d, &v, sizeof d);
  return d;
}

/* JS ToInt32. */
static int32_t to_int32(double d) {
  if (!isfinite(d)) return 0;
  d = trunc(d);
  double m = fmod(d, 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return (int32_t)(uint32_t)m;
}

static bool cond_holds(int c, int cmp) { /* cmp: -1, 0, 1 */
  switch (c) {
  case ST_IRC_EQ: return cmp == 0;
  case ST_IRC_NE: return cmp != 0;
  case ST_IRC_LT: return cmp < 0;
  case ST_IRC_LE: return cmp <= 0;
  case ST_IRC_GT: return cmp > 0;
  case ST_IRC_GE: return cmp >= 0;
  default: return false;
  }
}

static bool cond_f64(int c, double x, double y) {
  switch (c) {
  case ST_IRC_EQ: return x == y;
  case ST_IRC_NE: return x != y;
  case ST_IRC_LT: return x < y;
  case ST_IRC_LE: return x <= y;
  case ST_IRC_GT: return x > y;
  case ST_IRC_GE: return x >= y;
  default: return false;
  }
}

/* Integer ops on two constants. Returns false when the op must stay (exits at run time). */
static bool fold_i32(StIrOp op, int32_t x, int32_t y, int32_t *out) {
  int64_t a = x, b = y, r;
  switch (op) {
  case ST_IR_ADD_I32_OV: r = a + b; break;
  case ST_IR_SUB_I32_OV: r = a - b; break;
  case ST_IR_MUL_I32_OV:
    r = a * b;
    if (r == 0 && (a < 0 || b < 0)) return false; /* -0 */
    break;
  case ST_IR_DIV_I32_EXACT:
    if (b == 0 || a % b != 0) return false;
    r = a / b;
    if (r == 0 && a == 0 && b < 0) return false; /* -0 */
    break;
  case ST_IR_MOD_I32:
    if (b == 0) return false;
    r = a % b; /* C's % truncates like JS's for int64 operands */
    if (r == 0 && a < 0) return false; /* -0 */
    break;
  case ST_IR_ADD_I32: *out = (int32_t)(uint32_t)((uint32_t)x + (uint32_t)y); return true;
  case ST_IR_SUB_I32: *out = (int32_t)(uint32_t)((uint32_t)x - (uint32_t)y); return true;
  case ST_IR_AND_I32: *out = x & y; return true;
  case ST_IR_OR_I32: *out = x | y; return true;
  case ST_IR_XOR_I32: *out = x ^ y; return true;
  case ST_IR_SHL_I32: *out = (int32_t)((uint32_t)x << (y & 31)); return true;
  case ST_IR_SAR_I32: *out = (int32_t)(a >> (y & 31)); return true;
  case ST_IR_SHR_I32: *out = (int32_t)((uint32_t)x >> (y & 31)); return true;
  default: return false;
  }
  if (r < INT32_MIN || r > INT32_MAX) return false;
  *out = (int32_t)r;
  return true;
}

static bool fold_f64(StIrOp op, double x, double y, double *out) {
  switch (op) {
  case ST_IR_ADD_F64: *out = x + y; return true;
  case ST_IR_SUB_F64: *out = x - y; return true;
  case ST_IR_MUL_F64: *out = x * y; return true;
  case ST_IR_DIV_F64: *out = x / y; return true;
  case ST_IR_MOD_F64: *out = fmod(x, y); return true; /* same cases as JS's % on doubles */
  default: return false;
  }
}

static bool fold_math(int fn, double x, double *out) {
  switch (fn) {
  case ST_IRM_SQRT: *out = sqrt(x); return true;
  case ST_IRM_FLOOR: *out = floor(x); return true;
  case ST_IRM_CEIL: *out = ceil(x); return true;
  case ST_IRM_ABS: *out = fabs(x); return true;
  case ST_IRM_TRUNC: *out = trunc(x); return true;
  default: return false; /* round: JS rounds halves up, C away from zero */
  }
}

/* Truthiness of a constant, when it is known without looking into the heap. */
static bool const_truthy(StValue v, bool *out) {
  if (value_is_double(v)) {
    double d = value_double(v);
    *out = d == d && d != 0;
    return true;
  }
  switch (v >> ST_TAG_SHIFT) {
  case ST_TAG_INT: *out = (uint32_t)v != 0; return true;
  case ST_TAG_BOOL: *out = (v & 1) != 0; return true;
  case ST_TAG_MISC: *out = false; return v == ST_UNDEFINED || v == ST_NULL;
  case ST_TAG_OBJECT:
  case ST_TAG_SYMBOL: *out = true; return true;
  default: return false; /* strings: their length */
  }
}

static void replace(Fold *F, StIrRef r, StIrRef with) {
  st_opt_replace(F->f, &F->repl, r, with);
  F->changes++;
}

static void remove_guard(Fold *F, StIrRef r) {
  st_opt_kill(F->f, r);
  F->changes++;
}

/* A guard that can never pass (its operand is a constant, or of a known tag, that fails it):
 * the rest of its block is dead. It becomes an unconditional DEOPT once the sweep is done
 * (doom_guards), rather than aborting the compile: the function's other paths stay compiled,
 * and the exit resumes the interpreter exactly where the guard would have. */
static void doom_guard(Fold *F, StIrRef r) { st_vec_push(&F->doomed, r); }

/* Whether a BOX-free VALUE is known to be a number / an int32 / a given tag from its
 * definition. */
static bool known_int32(Fold *F, StIrRef v) {
  StValue c;
  if (const_value(F, v, &c)) return value_is_int(c);
  return is_op(F, v, ST_IR_BOX_I32);
}

static bool known_number(Fold *F, StIrRef v) {
  StValue c;
  if (const_value(F, v, &c)) return value_is_int(c) || value_is_double(c);
  return is_op(F, v, ST_IR_BOX_I32) || is_op(F, v, ST_IR_BOX_F64);
}

/* The tag of v (top 16 bits) when known and not a double. */
static bool known_tag(Fold *F, StIrRef v, unsigned *tag) {
  StValue c;
  if (const_value(F, v, &c)) {
    if (value_is_double(c)) return false;
    *tag = (unsigned)(c >> ST_TAG_SHIFT);
    return true;
  }
  StIrInsn *d = def(F, v);
  if (!d || (d->flags & ST_IRI_DEAD)) return false;
  if (d->op == ST_IR_BOX_I32) return *tag = ST_TAG_INT, true;
  if (d->op == ST_IR_BOX_BOOL) return *tag = ST_TAG_BOOL, true;
  if (d->op == ST_IR_PTR_TO_VALUE) return *tag = (unsigned)d->imm.i, true;
  return false;
}

static bool commutes(StIrOp op) {
  switch (op) {
  case ST_IR_ADD_I32_OV:
  case ST_IR_MUL_I32_OV:
  case ST_IR_ADD_I32:
  case ST_IR_AND_I32:
  case ST_IR_OR_I32:
  case ST_IR_XOR_I32:
  case ST_IR_MUL_F64: return true;
  default: return false;
  }
}

/* Identities x op k -> x (k a constant on either side for commuting ops). */
static StIrRef identity(Fold *F, StIrInsn *i) {
  StIrOp op = (StIrOp)i->op;
  for (int side = 0; side < 2; side++) {
    if (side == 1 && !commutes(op)) break;
    StIrRef x = side ? i->b : i->a, k = side ? i->a : i->b;
    int32_t ki;
    double kd;
    if (const_i32(F, k, &ki)) {
      switch (op) {
      case ST_IR_ADD_I32_OV:
      case ST_IR_SUB_I32_OV:
      case ST_IR_ADD_I32:
      case ST_IR_SUB_I32:
      case ST_IR_OR_I32:
      case ST_IR_XOR_I32:
      case ST_IR_SHL_I32:
      case ST_IR_SAR_I32:
      case ST_IR_SHR_I32: /* x >>> 0 has x's bits */
        if (ki == 0) return x;
        break;
      case ST_IR_MUL_I32_OV:
      case ST_IR_DIV_I32_EXACT:
        if (ki == 1) return x;
        break;
      case ST_IR_AND_I32:
        if (ki == -1) return x;
        break;
      default: break;
      }
    }
    if (const_f64(F, k, &kd)) {
      switch (op) {
      case ST_IR_MUL_F64:
      case ST_IR_DIV_F64:
        if (kd == 1.0) return x;
        break;
      case ST_IR_SUB_F64:
        if (kd == 0.0 && !signbit(kd)) return x;
        break;
      case ST_IR_ADD_F64:
        if (kd == 0.0 && signbit(kd)) return x;
        break;
      default: break;
      }
    }
  }
  return ST_IR_NONE;
}

static void fold_insn(Fold *F, StIrRef r) {
  StIrFunc *f = F->f;
  StIrInsn *i = st_ir_insn(f, r);
  st_opt_resolve_operands(&F->repl, i);
  StIrOp op = (StIrOp)i->op;
  StIrInsn *da = def(F, i->a);
  int32_t x, y;
  double dx, dy;
  bool bx;
  StValue vx;
  unsigned tag, tag2;
  switch (op) {
  case ST_IR_PHI: {
    StIrRef t = st_opt_trivial_phi(f, &F->repl, r);
    if (t) replace(F, r, t);
    return;
  }
  case ST_IR_BOX_I32:
    if (const_i32(F, i->a, &x)) st_opt_make_const_value(f, r, ST_TAG_BITS(ST_TAG_INT) | (uint32_t)x), F->changes++;
    /* UNBOX_I32's precondition is an int32 operand: boxing it again gives the same bits. */
    else if (da->op == ST_IR_UNBOX_I32) replace(F, r, da->a);
    return;
  case ST_IR_BOX_F64:
    if (const_f64(F, i->a, &dx)) st_opt_make_const_value(f, r, box_double(dx)), F->changes++;
    return;
  case ST_IR_BOX_BOOL:
    if (const_bool(F, i->a, &bx)) st_opt_make_const_value(f, r, bx ? ST_TRUE : ST_FALSE), F->changes++;
    return;
  case ST_IR_UNBOX_I32:
    if (da->op == ST_IR_BOX_I32) replace(F, r, da->a);
    else if (const_value(F, i->a, &vx) && value_is_int(vx)) st_opt_make_const_i32(f, r, (int32_t)(uint32_t)vx), F->changes++;
    return;
  case ST_IR_UNBOX_F64:
    if (da->op == ST_IR_BOX_F64) replace(F, r, da->a);
    else if (da->op == ST_IR_BOX_I32) i->op = ST_IR_I32_TO_F64, i->a = da->a, F->changes++;
    else if (const_value(F, i->a, &vx) && value_is_int(vx))
      st_opt_make_const_f64(f, r, (double)(int32_t)(uint32_t)vx), F->changes++;
    else if (const_value(F, i->a, &vx) && value_is_double(vx)) st_opt_make_const_f64(f, r, value_double(vx)), F->changes++;
    return;
  case ST_IR_I32_TO_F64:
    if (const_i32(F, i->a, &x)) st_opt_make_const_f64(f, r, (double)x), F->changes++;
    return;
  case ST_IR_U32_TO_F64:
    if (const_i32(F, i->a, &x)) st_opt_make_const_f64(f, r, (double)(uint32_t)x), F->changes++;
    return;
  case ST_IR_F64_TO_I32:
    if (const_f64(F, i->a, &dx)) st_opt_make_const_i32(f, r, to_int32(dx)), F->changes++;
    else if (da->op == ST_IR_I32_TO_F64) replace(F, r, da->a);
    return;
  case ST_IR_IS_INT32:
    if (known_int32(F, i->a)) st_opt_make_const_bool(f, r, true), F->changes++;
    else if (known_tag(F, i->a, &tag)) st_opt_make_const_bool(f, r, false), F->changes++;
    return;
  case ST_IR_IS_NUMBER:
    if (known_number(F, i->a)) st_opt_make_const_bool(f, r, true), F->changes++;
    else if (known_tag(F, i->a, &tag)) st_opt_make_const_bool(f, r, false), F->changes++;
    return;
  case ST_IR_IS_TAG:
    if (known_tag(F, i->a, &tag)) st_opt_make_const_bool(f, r, tag == (unsigned)i->imm.i), F->changes++;
    return;
  case ST_IR_TRUTHY:
    if (const_value(F, i->a, &vx) && const_truthy(vx, &bx)) st_opt_make_const_bool(f, r, bx), F->changes++;
    else if (da->op == ST_IR_BOX_BOOL) replace(F, r, da->a);
    else if (da->op == ST_IR_BOX_I32) {
      StIrRef a = da->a;
      StIrRef zero = st_opt_const_i32(f, 0); /* invalidates i */
      i = st_ir_insn(f, r);
      i->op = ST_IR_CMP_I32, i->a = a, i->b = zero, i->imm.i = ST_IRC_NE;
      F->changes++;
    }
    return;
  /* Guards on a constant (or a value of known tag): removed when it passes, doomed when it
   * cannot (a double constant has no tag, so it fails every tag and int32 guard). */
  case ST_IR_GUARD_INT32:
    if (known_int32(F, i->a)) remove_guard(F, r);
    else if (known_tag(F, i->a, &tag) || (const_value(F, i->a, &vx) && value_is_double(vx))) doom_guard(F, r);
    return;
  case ST_IR_GUARD_NUMBER:
    if (known_number(F, i->a)) remove_guard(F, r);
    else if (known_tag(F, i->a, &tag)) doom_guard(F, r); /* not INT: known_number said no */
    return;
  case ST_IR_GUARD_TAG:
    if (known_tag(F, i->a, &tag)) {
      if (tag == (unsigned)i->imm.i) remove_guard(F, r);
      else doom_guard(F, r);
    } else if (const_value(F, i->a, &vx) && value_is_double(vx)) {
      doom_guard(F, r);
    }
    return;
  case ST_IR_GUARD_TRUE:
  case ST_IR_GUARD_FALSE:
    if (const_bool(F, i->a, &bx)) {
      if (bx == (op == ST_IR_GUARD_TRUE)) remove_guard(F, r);
      else doom_guard(F, r);
    }
    return;
  case ST_IR_GUARD_EQ_VALUE:
    if (const_value(F, i->a, &vx)) {
      if (vx == i->imm.v) remove_guard(F, r);
      else doom_guard(F, r);
    }
    return;
  case ST_IR_GUARD_EQ_PTR: {
    StIrInsn *pa = st_opt_const_of(f, i->a, ST_IR_CONST_PTR), *pb = st_opt_const_of(f, i->b, ST_IR_CONST_PTR);
    if (i->a == i->b || (pa && pb && pa->imm.p == pb->imm.p)) remove_guard(F, r);
    else if (pa && pb) doom_guard(F, r);
    return;
  }
  case ST_IR_GUARD_NOT_HOLE:
    if ((const_value(F, i->a, &vx) && vx != ST_HOLE) || known_number(F, i->a) || is_op(F, i->a, ST_IR_BOX_BOOL))
      remove_guard(F, r);
    else if (const_value(F, i->a, &vx)) doom_guard(F, r); /* the hole itself */
    return;
  case ST_IR_GUARD_BOUNDS:
    if (const_i32(F, i->a, &x) && const_i32(F, i->b, &y)) {
      if ((uint32_t)x < (uint32_t)y) remove_guard(F, r);
      else doom_guard(F, r);
    }
    return;
  case ST_IR_NEG_I32_OV:
    if (const_i32(F, i->a, &x) && x != 0 && x != INT32_MIN) st_opt_make_const_i32(f, r, -x), F->changes++;
    return;
  case ST_IR_NOT_I32:
    if (const_i32(F, i->a, &x)) st_opt_make_const_i32(f, r, ~x), F->changes++;
    else if (da->op == ST_IR_NOT_I32) replace(F, r, da->a);
    return;
  case ST_IR_NEG_F64:
    if (const_f64(F, i->a, &dx)) st_opt_make_const_f64(f, r, -dx), F->changes++;
    else if (da->op == ST_IR_NEG_F64) replace(F, r, da->a);
    return;
  case ST_IR_NOT_BOOL:
    if (const_bool(F, i->a, &bx)) st_opt_make_const_bool(f, r, !bx), F->changes++;
    else if (da->op == ST_IR_NOT_BOOL) replace(F, r, da->a);
    return;
  case ST_IR_MATH_F64:
    if (const_f64(F, i->a, &dx) && fold_math((int)i->imm.i, dx, &dy)) st_opt_make_const_f64(f, r, dy), F->changes++;
    return;
  case ST_IR_CMP_I32:
    if (const_i32(F, i->a, &x) && const_i32(F, i->b, &y))
      st_opt_make_const_bool(f, r, cond_holds((int)i->imm.i, x < y ? -1 : x > y)), F->changes++;
    else if (i->a == i->b) st_opt_make_const_bool(f, r, cond_holds((int)i->imm.i, 0)), F->changes++;
    return;
  case ST_IR_CMP_F64:
    if (const_f64(F, i->a, &dx) && const_f64(F, i->b, &dy))
      st_opt_make_const_bool(f, r, cond_f64((int)i->imm.i, dx, dy)), F->changes++;
    return;
  case ST_IR_EQ_VALUE: {
    StValue vy;
    if (i->a == i->b) st_opt_make_const_bool(f, r, true), F->changes++;
    else if (const_value(F, i->a, &vx) && const_value(F, i->b, &vy)) st_opt_make_const_bool(f, r, vx == vy), F->changes++;
    else if (known_tag(F, i->a, &tag) && known_tag(F, i->b, &tag2) && tag != tag2)
      st_opt_make_const_bool(f, r, false), F->changes++; /* e.g. an int32 box against undefined */
    return;
  }
  case ST_IR_EQ_PTR: {
    StIrInsn *pa = st_opt_const_of(f, i->a, ST_IR_CONST_PTR), *pb = st_opt_const_of(f, i->b, ST_IR_CONST_PTR);
    if (i->a == i->b) st_opt_make_const_bool(f, r, true), F->changes++;
    else if (pa && pb) st_opt_make_const_bool(f, r, pa->imm.p == pb->imm.p), F->changes++;
    return;
  }
  default: break;
  }
  const char *sig = st_ir_op_info[op].sig;
  if (sig[0] == 'i' && sig[1] == 'i' && i->type == ST_IRT_I32) {
    int32_t out;
    if (const_i32(F, i->a, &x) && const_i32(F, i->b, &y) && fold_i32(op, x, y, &out)) {
      st_opt_make_const_i32(f, r, out);
      F->changes++;
      return;
    }
    /* The identities never exit (x + 0, x * 1, x / 1 are exact int32s), so _OV ops may go. */
    StIrRef id = identity(F, i);
    if (id) replace(F, r, id);
    return;
  }
  if (sig[0] == 'd' && sig[1] == 'd' && i->type == ST_IRT_F64) {
    double out;
    if (const_f64(F, i->a, &dx) && const_f64(F, i->b, &dy) && fold_f64(op, dx, dy, &out)) {
      st_opt_make_const_f64(f, r, out);
      F->changes++;
      return;
    }
    StIrRef id = identity(F, i);
    if (id) replace(F, r, id);
  }
}

/* BRANCH on a constant -> JUMP; returns whether any edge went away. */
static bool fold_branches(Fold *F) {
  StIrFunc *f = F->f;
  bool any = false;
  for (uint32_t b = 0; b < f->blocks.len; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead || !blk->insns.len || blk->nsucc != 2) continue;
    StIrRef t = blk->insns.data[st_opt_term_index(f, b)];
    StIrInsn *ti = st_ir_insn(f, t);
    bool c;
    if (ti->op != ST_IR_BRANCH || !const_bool(F, ti->a, &c)) continue;
    uint32_t keep = blk->succ[c ? 0 : 1], drop = blk->succ[c ? 1 : 0];
    if (keep == drop) {
      /* Both edges into one block: fine only when its phis agree on the two inputs. */
      StIrBlock *tb = &f->blocks.data[keep];
      size_t k0 = SIZE_MAX, k1 = SIZE_MAX;
      for (size_t k = 0; k < tb->preds.len; k++)
        if (tb->preds.data[k] == b) {
          if (k0 == SIZE_MAX) k0 = k;
          else k1 = k;
        }
      bool agree = k1 != SIZE_MAX;
      for (size_t k = 0; agree && k < tb->insns.len; k++) {
        StIrInsn *p = st_ir_insn(f, tb->insns.data[k]);
        if (p->flags & ST_IRI_DEAD) continue;
        if (p->op != ST_IR_PHI) break;
        agree = st_opt_resolve(&F->repl, p->args[k0]) == st_opt_resolve(&F->repl, p->args[k1]);
      }
      if (!agree) continue;
    }
    st_opt_remove_edge(f, b, drop);
    ti = st_ir_insn(f, t);
    ti->op = ST_IR_JUMP;
    ti->a = ST_IR_NONE;
    ti->flags &= (uint8_t)~ST_IRI_LIKELY_FALSE;
    F->changes++;
    any = true;
  }
  return any;
}

/* Turns each doomed guard into a DEOPT that ends its block: what follows it in the block is
 * killed and the block's outgoing edges go (with their phi inputs). Whatever only this block
 * reached becomes unreachable and is pruned by the caller; a value defined after the guard can
 * only be used where the block dominates, so nothing live refers to what is killed. Returns
 * whether any edge went away. */
static bool doom_guards(Fold *F) {
  StIrFunc *f = F->f;
  bool any = false;
  for (size_t d = 0; d < F->doomed.len; d++) {
    StIrRef r = F->doomed.data[d];
    StIrInsn *i = st_ir_insn(f, r);
    if (i->flags & ST_IRI_DEAD) continue;
    uint32_t b = i->block;
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    i->op = ST_IR_DEOPT;
    i->type = ST_IRT_VOID;
    i->a = i->b = i->c = ST_IR_NONE;
    size_t k = 0;
    while (k < blk->insns.len && blk->insns.data[k] != r) k++;
    for (k++; k < blk->insns.len; k++) st_opt_kill(f, blk->insns.data[k]);
    while (blk->nsucc) {
      st_opt_remove_edge(f, b, blk->succ[0]);
      blk = &f->blocks.data[b];
      any = true;
    }
    F->changes++;
  }
  return any;
}

/* Snapshot entries naming a box name the unboxed value (it dominates the box). */
static void unbox_snapshot_entries(Fold *F) {
  StIrFunc *f = F->f;
  for (size_t e = 0; e < f->snap_entries.len; e++) {
    StIrRef r = st_opt_resolve(&F->repl, f->snap_entries.data[e].ref);
    StIrInsn *d = def(F, r);
    if (d && !(d->flags & ST_IRI_DEAD) && (d->op == ST_IR_BOX_I32 || d->op == ST_IR_BOX_F64)) r = d->a;
    f->snap_entries.data[e].ref = r;
  }
}

uint32_t st_opt_fold_run(StIrFunc *f) {
  Fold F = {.f = f};
  st_opt_repl_init(&F.repl);
  uint32_t n;
  uint32_t *rpo = st_ir_rpo(f, &n);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t b = rpo[k];
    /* Index-based: folding may add constants to the entry block. */
    for (size_t x = 0; x < f->blocks.data[b].insns.len; x++) {
      StIrRef r = f->blocks.data[b].insns.data[x];
      if (!(st_ir_insn(f, r)->flags & ST_IRI_DEAD)) fold_insn(&F, r);
    }
  }
  unbox_snapshot_entries(&F);
  st_opt_apply(f, &F.repl);
  bool doomed = doom_guards(&F);
  if (fold_branches(&F) || doomed) {
    F.changes += st_opt_prune_unreachable(f);
    /* Phis that lost an input may have become trivial. */
    bool again = true;
    while (again) {
      again = false;
      for (uint32_t b = 0; b < f->blocks.len; b++) {
        StIrBlock *blk = &f->blocks.data[b];
        for (size_t x = 0; x < blk->insns.len; x++) {
          StIrRef r = blk->insns.data[x];
          StIrInsn *i = st_ir_insn(f, r);
          if (i->flags & ST_IRI_DEAD) continue;
          if (i->op != ST_IR_PHI) break;
          StIrRef t = st_opt_trivial_phi(f, &F.repl, r);
          if (t) {
            st_opt_replace(f, &F.repl, r, t);
            again = true;
          }
        }
      }
    }
    st_opt_apply(f, &F.repl);
  }
  st_opt_repl_free(&F.repl);
  st_vec_free(&F.doomed);
  return F.changes;
}
