/* backends/gccjit/gccjit_lower.c: the shared SSA IR (backends/ir.h) lowered to libgccjit.
 *
 * One StIrFunc becomes one exported function `uint64_t sym(void *vm, void *frame)`
 * (StCompiledEntry). The mapping, op by op, is the one the LLVM backend uses (backends/llvm/),
 * so the two plugins behave identically on the same IR; where libgccjit lacks a construct the
 * comment says what stands in for it.
 *
 *   IR block           one gcc_jit_block (created in index order: block 0 is the entry);
 *                      ops that need control flow (guards, TRUTHY, UNBOX_F64, ToInt32) split
 *                      the current gcc block and lowering continues in the continuation
 *   SSA value          a local of its type (GCC's into-SSA pass makes registers of them at -O1+);
 *                      constants, FRAME and VMPTR are rvalues used in place
 *   phi                a local assigned on every incoming edge: at the end of the predecessor
 *                      for a JUMP, in a split edge block for a BRANCH (no lost copies), inputs
 *                      that are phis of the same block read into temporaries first (a, b = b, a)
 *   guard              `if (__builtin_expect(fail, 0)) goto exit_S;` with one exit block per
 *                      snapshot S: it boxes the snapshot's entries into the deopt buffer and
 *                      returns helpers[DEOPT](vm, frame, code, S). Sharing is sound because
 *                      values live in locals: whichever guard jumps there, each entry's local
 *                      holds the value the snapshot means (it dominates that guard)
 *   *_OV arithmetic    __builtin_{s}add/sub/mul_overflow (GCC folds them to jo)
 *   helper call        gcc_jit_context_new_call_through_ptr on the helper's address
 *
 * Memory accesses go through `(T *)((unsigned char *)base + offset)`; the context is compiled
 * with -fno-strict-aliasing, because the IR reads and writes one location with several types
 * (a VALUE slot as PTR, a bool field as I32), which type-based alias analysis would misorder.
 */
#include "backends/gccjit/gccjit_internal.h"

#include "backends/helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Op names for error messages, from the op table itself: the plugin links no IR code (ir.c
 * lives in the engine), only the header's inline accessors. */
static const char *const op_names[] = {
#define OP_NAME(name, type, sig, flags) #name,
    ST_IR_OPS(OP_NAME)
#undef OP_NAME
};

static const char *op_name(uint8_t op) { return op < ST_ARRAY_LEN(op_names) ? op_names[op] : "?"; }

typedef struct Lower {
  gcc_jit_context *c;
  StGccjitTypes *t;
  const StBackendHost *host;
  StIrFunc *f;
  int opt_level;
  gcc_jit_function *fn;
  gcc_jit_rvalue *vm, *frame;
  gcc_jit_block **blocks;  /* per IR block; NULL for dead blocks */
  gcc_jit_block *cur;      /* where the next statement goes; NULL after a terminator */
  gcc_jit_lvalue **locals; /* per IR ref (values that are neither constants nor entry values) */
  gcc_jit_rvalue **consts; /* per IR ref: constants, made once */
  gcc_jit_block **exits;   /* per snapshot, made on first use */
  uint32_t ntemps, nsplit;
  char *err;
  size_t errlen;
  bool failed;
} Lower;

static void fail(Lower *L, const char *fmt, ...) ST_PRINTF(2, 3);
static void fail(Lower *L, const char *fmt, ...) {
  if (L->failed) return; /* the first error is the one worth reading */
  L->failed = true;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(L->err, L->errlen, fmt, ap);
  va_end(ap);
}

/* ------------------------------------------------------------------------------------------ */
/* Types and small builders                                                                   */

void st_gccjit_lower_types(gcc_jit_context *c, const StBackendHost *host, StGccjitTypes *t) {
  memset(t, 0, sizeof *t);
  t->v = gcc_jit_context_get_type(c, GCC_JIT_TYPE_UINT64_T);
  t->i32 = gcc_jit_context_get_type(c, GCC_JIT_TYPE_INT);
  t->u32 = gcc_jit_context_get_type(c, GCC_JIT_TYPE_UNSIGNED_INT);
  t->i64 = gcc_jit_context_get_type(c, GCC_JIT_TYPE_INT64_T);
  t->u16 = gcc_jit_context_get_type(c, GCC_JIT_TYPE_UINT16_T);
  t->u8 = gcc_jit_context_get_type(c, GCC_JIT_TYPE_UNSIGNED_CHAR);
  t->f64 = gcc_jit_context_get_type(c, GCC_JIT_TYPE_DOUBLE);
  t->b = gcc_jit_context_get_type(c, GCC_JIT_TYPE_BOOL);
  t->ptr = gcc_jit_context_get_type(c, GCC_JIT_TYPE_VOID_PTR);
  t->lng = gcc_jit_context_get_type(c, GCC_JIT_TYPE_LONG);
  t->bytes = gcc_jit_type_get_pointer(t->u8);
  t->vptr = gcc_jit_type_get_pointer(t->v);
  t->voidt = gcc_jit_context_get_type(c, GCC_JIT_TYPE_VOID);
  t->expect = gcc_jit_context_get_builtin_function(c, "__builtin_expect");
  t->sadd_ov = gcc_jit_context_get_builtin_function(c, "__builtin_sadd_overflow");
  t->ssub_ov = gcc_jit_context_get_builtin_function(c, "__builtin_ssub_overflow");
  t->smul_ov = gcc_jit_context_get_builtin_function(c, "__builtin_smul_overflow");
  t->trap = gcc_jit_context_get_builtin_function(c, "__builtin_trap");
  t->sqrt = gcc_jit_context_get_builtin_function(c, "__builtin_sqrt");
  t->floor = gcc_jit_context_get_builtin_function(c, "__builtin_floor");
  t->ceil = gcc_jit_context_get_builtin_function(c, "__builtin_ceil");
  t->trunc = gcc_jit_context_get_builtin_function(c, "__builtin_trunc");
  t->nhelpers = host->nhelpers;
  t->helpers = st_xcalloc(host->nhelpers ? host->nhelpers : 1, sizeof *t->helpers);
}

void st_gccjit_lower_types_free(StGccjitTypes *t) {
  free(t->helpers);
  t->helpers = NULL;
}

static gcc_jit_type *ir_type(Lower *L, uint8_t irt) {
  switch ((StIrType)irt) {
  case ST_IRT_VALUE: return L->t->v;
  case ST_IRT_I32: return L->t->i32;
  case ST_IRT_F64: return L->t->f64;
  case ST_IRT_BOOL: return L->t->b;
  case ST_IRT_PTR: return L->t->ptr;
  case ST_IRT_VOID: break;
  }
  return NULL;
}

static gcc_jit_rvalue *lit_v(Lower *L, uint64_t x) {
  /* A long's bits: libgccjit builds the constant for the 64-bit unsigned type from them. */
  return gcc_jit_context_new_rvalue_from_long(L->c, L->t->v, (long)x);
}
static gcc_jit_rvalue *lit_i32(Lower *L, int32_t x) { return gcc_jit_context_new_rvalue_from_int(L->c, L->t->i32, x); }
static gcc_jit_rvalue *lit_u32(Lower *L, uint32_t x) {
  return gcc_jit_context_new_rvalue_from_long(L->c, L->t->u32, (long)x);
}
static gcc_jit_rvalue *lit_i64(Lower *L, int64_t x) { return gcc_jit_context_new_rvalue_from_long(L->c, L->t->i64, (long)x); }
static gcc_jit_rvalue *lit_b(Lower *L, bool x) {
  return x ? gcc_jit_context_one(L->c, L->t->b) : gcc_jit_context_zero(L->c, L->t->b);
}
static gcc_jit_rvalue *lit_ptr(Lower *L, const void *p) {
  return gcc_jit_context_new_rvalue_from_ptr(L->c, L->t->ptr, (void *)p);
}

static gcc_jit_rvalue *bin(Lower *L, enum gcc_jit_binary_op op, gcc_jit_type *ty, gcc_jit_rvalue *a,
                           gcc_jit_rvalue *b) {
  return gcc_jit_context_new_binary_op(L->c, NULL, op, ty, a, b);
}
static gcc_jit_rvalue *cmp(Lower *L, enum gcc_jit_comparison op, gcc_jit_rvalue *a, gcc_jit_rvalue *b) {
  return gcc_jit_context_new_comparison(L->c, NULL, op, a, b);
}
static gcc_jit_rvalue *un(Lower *L, enum gcc_jit_unary_op op, gcc_jit_type *ty, gcc_jit_rvalue *a) {
  return gcc_jit_context_new_unary_op(L->c, NULL, op, ty, a);
}
static gcc_jit_rvalue *cast(Lower *L, gcc_jit_rvalue *a, gcc_jit_type *ty) {
  return gcc_jit_context_new_cast(L->c, NULL, a, ty);
}
static gcc_jit_rvalue *bitcast(Lower *L, gcc_jit_rvalue *a, gcc_jit_type *ty) {
  return gcc_jit_context_new_bitcast(L->c, NULL, a, ty);
}
static gcc_jit_rvalue *call(Lower *L, gcc_jit_function *fn, int n, gcc_jit_rvalue **args) {
  return gcc_jit_context_new_call(L->c, NULL, fn, n, args);
}
static gcc_jit_rvalue *rv(gcc_jit_lvalue *l) { return gcc_jit_lvalue_as_rvalue(l); }

static gcc_jit_lvalue *temp(Lower *L, gcc_jit_type *ty) {
  char name[24];
  snprintf(name, sizeof name, "t%u", L->ntemps++);
  return gcc_jit_function_new_local(L->fn, NULL, ty, name);
}

static gcc_jit_block *new_block(Lower *L) {
  char name[24];
  snprintf(name, sizeof name, "s%u", L->nsplit++);
  return gcc_jit_function_new_block(L->fn, name);
}

static void assign(Lower *L, gcc_jit_lvalue *dst, gcc_jit_rvalue *src) {
  gcc_jit_block_add_assignment(L->cur, NULL, dst, src);
}

/* The top 16 bits of a value: its tag (doubles have tags below ST_TAG_INT). */
static gcc_jit_rvalue *tag_of(Lower *L, gcc_jit_rvalue *v) {
  return bin(L, GCC_JIT_BINARY_OP_RSHIFT, L->t->v, v, lit_v(L, ST_TAG_SHIFT));
}

/* `(ty *)((unsigned char *)base + off)`, dereferenced. */
static gcc_jit_lvalue *mem(Lower *L, gcc_jit_rvalue *base, gcc_jit_rvalue *off, gcc_jit_type *ty) {
  gcc_jit_lvalue *at = gcc_jit_context_new_array_access(L->c, NULL, cast(L, base, L->t->bytes), off);
  gcc_jit_rvalue *p = cast(L, gcc_jit_lvalue_get_address(at, NULL), gcc_jit_type_get_pointer(ty));
  return gcc_jit_rvalue_dereference(p, NULL);
}

/* A bool condition with a static branch hint (GCC lays the unlikely side out of line). */
static gcc_jit_rvalue *expect(Lower *L, gcc_jit_rvalue *cond, bool likely) {
  gcc_jit_rvalue *args[2] = {cast(L, cond, L->t->lng),
                             gcc_jit_context_new_rvalue_from_long(L->c, L->t->lng, likely)};
  return cmp(L, GCC_JIT_COMPARISON_NE, call(L, L->t->expect, 2, args), gcc_jit_context_zero(L->c, L->t->lng));
}

/* ------------------------------------------------------------------------------------------ */
/* Values                                                                                     */

static gcc_jit_rvalue *val(Lower *L, StIrRef r) {
  StIrInsn *i = st_ir_insn(L->f, r);
  switch ((StIrOp)i->op) {
  case ST_IR_FRAME: return L->frame;
  case ST_IR_VMPTR: return L->vm;
  case ST_IR_CONST_VALUE:
  case ST_IR_CONST_I32:
  case ST_IR_CONST_F64:
  case ST_IR_CONST_BOOL:
  case ST_IR_CONST_PTR:
    if (!L->consts[r]) {
      switch ((StIrOp)i->op) {
      case ST_IR_CONST_VALUE: L->consts[r] = lit_v(L, i->imm.v); break;
      case ST_IR_CONST_I32: L->consts[r] = lit_i32(L, (int32_t)i->imm.i); break;
      case ST_IR_CONST_F64: L->consts[r] = gcc_jit_context_new_rvalue_from_double(L->c, L->t->f64, i->imm.d); break;
      case ST_IR_CONST_BOOL: L->consts[r] = lit_b(L, i->imm.i != 0); break;
      default: L->consts[r] = lit_ptr(L, i->imm.p); break;
      }
    }
    return L->consts[r];
  default: break;
  }
  if (!L->locals[r]) {
    fail(L, "v%u (%s) is used but has no value", r, op_name(i->op));
    return gcc_jit_context_zero(L->c, L->t->v);
  }
  return rv(L->locals[r]);
}

static void def(Lower *L, StIrRef r, gcc_jit_rvalue *x) { assign(L, L->locals[r], x); }

/* `dst = cond ? a : b` as control flow (libgccjit 12 has no conditional expression); a and b
 * are evaluated only on their side. */
static void select_into(Lower *L, gcc_jit_lvalue *dst, gcc_jit_rvalue *cond, gcc_jit_rvalue *a,
                        gcc_jit_rvalue *b) {
  gcc_jit_block *yes = new_block(L), *no = new_block(L), *join = new_block(L);
  gcc_jit_block_end_with_conditional(L->cur, NULL, cond, yes, no);
  gcc_jit_block_add_assignment(yes, NULL, dst, a);
  gcc_jit_block_end_with_jump(yes, NULL, join);
  gcc_jit_block_add_assignment(no, NULL, dst, b);
  gcc_jit_block_end_with_jump(no, NULL, join);
  L->cur = join;
}

static gcc_jit_rvalue *box_i32(Lower *L, gcc_jit_rvalue *x) {
  return bin(L, GCC_JIT_BINARY_OP_BITWISE_OR, L->t->v, lit_v(L, ST_TAG_BITS(ST_TAG_INT)),
             cast(L, cast(L, x, L->t->u32), L->t->v));
}

static gcc_jit_rvalue *box_bool(Lower *L, gcc_jit_rvalue *x) {
  return bin(L, GCC_JIT_BINARY_OP_BITWISE_OR, L->t->v, lit_v(L, ST_TAG_BITS(ST_TAG_BOOL)), cast(L, x, L->t->v));
}

/* A double's bits with every NaN made the canonical 0x7FF8000000000000 (a NaN with a sign or
 * payload could otherwise read as a tagged value). Branch-free: bits ^ ((bits ^ canon) & mask),
 * mask all ones for a NaN. x must be a local or a constant (it is read twice). */
static gcc_jit_rvalue *box_f64(Lower *L, gcc_jit_rvalue *x) {
  gcc_jit_lvalue *bits = temp(L, L->t->v);
  assign(L, bits, bitcast(L, x, L->t->v));
  gcc_jit_rvalue *nan = cmp(L, GCC_JIT_COMPARISON_NE, x, x);
  gcc_jit_rvalue *mask = bin(L, GCC_JIT_BINARY_OP_MINUS, L->t->v, lit_v(L, 0), cast(L, nan, L->t->v));
  gcc_jit_rvalue *diff = bin(L, GCC_JIT_BINARY_OP_BITWISE_XOR, L->t->v, rv(bits), lit_v(L, 0x7FF8000000000000ull));
  return bin(L, GCC_JIT_BINARY_OP_BITWISE_XOR, L->t->v, rv(bits),
             bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->v, diff, mask));
}

/* The boxed form of an IR value (for the deopt buffer). */
static gcc_jit_rvalue *boxed(Lower *L, StIrRef r) {
  StIrInsn *i = st_ir_insn(L->f, r);
  switch ((StIrType)i->type) {
  case ST_IRT_VALUE: return val(L, r);
  case ST_IRT_I32: return box_i32(L, val(L, r));
  case ST_IRT_BOOL: return box_bool(L, val(L, r));
  case ST_IRT_F64: return box_f64(L, val(L, r));
  default: break;
  }
  /* A raw pointer in an interpreter register would be read as a value by the GC. */
  fail(L, "snapshot entry v%u has type %s, which has no boxed form", r,
       i->type == ST_IRT_PTR ? "ptr" : "void");
  return lit_v(L, ST_UNDEFINED);
}

/* ------------------------------------------------------------------------------------------ */
/* Helper calls                                                                               */

static gcc_jit_type *sig_type(Lower *L, char c) {
  switch (c) {
  case 'V': return L->t->v;
  case 'P': return L->t->ptr;
  case 'I': return L->t->i32;
  case 'B': return L->t->i32; /* bool passed and returned as int32 0/1 (helpers.h) */
  case 'U': return L->t->u32;
  case 'D': return L->t->f64;
  case '_': return L->t->voidt;
  default: return NULL;
  }
}

/* The helper's address as a function pointer of the type its signature string describes. */
static gcc_jit_rvalue *helper_ptr(Lower *L, uint32_t id) {
  if (id >= L->host->nhelpers || !L->host->helpers[id] || !L->host->helper_sigs[id]) {
    fail(L, "helper %u is not in the host's table", id);
    return NULL;
  }
  if (L->t->helpers[id]) return L->t->helpers[id];
  const char *sig = L->host->helper_sigs[id];
  size_t n = strlen(sig);
  gcc_jit_type *params[16];
  if (n == 0 || n - 1 > ST_ARRAY_LEN(params)) {
    fail(L, "helper %u has a bad signature \"%s\"", id, sig);
    return NULL;
  }
  gcc_jit_type *ret = sig_type(L, sig[0]);
  for (size_t k = 1; k < n; k++) {
    params[k - 1] = sig_type(L, sig[k]);
    if (!params[k - 1] || sig[k] == '_') ret = NULL;
  }
  if (!ret) {
    fail(L, "helper %u has a bad signature \"%s\"", id, sig);
    return NULL;
  }
  gcc_jit_type *fty = gcc_jit_context_new_function_ptr_type(L->c, NULL, ret, (int)(n - 1), params, 0);
  L->t->helpers[id] = gcc_jit_context_new_rvalue_from_ptr(L->c, fty, L->host->helpers[id]);
  return L->t->helpers[id];
}

/* A call of helper id with arguments already of the signature's C types. */
static gcc_jit_rvalue *helper_call(Lower *L, uint32_t id, int nargs, gcc_jit_rvalue **args) {
  gcc_jit_rvalue *fp = helper_ptr(L, id);
  if (!fp) return NULL;
  if ((size_t)nargs + 1 != strlen(L->host->helper_sigs[id])) {
    fail(L, "helper %s takes %zu arguments, the IR passes %d", L->host->helper_names ? L->host->helper_names[id] : "?",
         strlen(L->host->helper_sigs[id]) - 1, nargs);
    return NULL;
  }
  return gcc_jit_context_new_call_through_ptr(L->c, NULL, fp, nargs, args);
}

/* An IR value converted to the C type of signature letter c. */
static gcc_jit_rvalue *to_sig(Lower *L, StIrRef r, char c, uint32_t id, uint32_t k) {
  uint8_t ty = st_ir_insn(L->f, r)->type;
  gcc_jit_rvalue *x = val(L, r);
  switch (c) {
  case 'V': if (ty == ST_IRT_VALUE) return x; break;
  case 'P': if (ty == ST_IRT_PTR) return x; break;
  case 'D': if (ty == ST_IRT_F64) return x; break;
  case 'I':
  case 'B':
    if (ty == ST_IRT_I32) return x;
    if (ty == ST_IRT_BOOL) return cast(L, x, L->t->i32);
    break;
  case 'U':
    if (ty == ST_IRT_I32) return cast(L, x, L->t->u32);
    if (ty == ST_IRT_BOOL) return cast(L, x, L->t->u32);
    break;
  default: break;
  }
  fail(L, "helper %u argument %u: IR value v%u does not fit '%c'", id, k, r, c);
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Exits                                                                                      */

/* The exit block of snapshot s (index + 1 as stored in instructions), made on first use. */
static gcc_jit_block *exit_block(Lower *L, uint32_t snap1) {
  if (snap1 == 0 || snap1 > L->f->snaps.len) {
    fail(L, "an exit names snapshot %u, which does not exist", snap1);
    return L->cur;
  }
  uint32_t s = snap1 - 1;
  if (L->exits[s]) return L->exits[s];
  char name[24];
  snprintf(name, sizeof name, "exit%u", s);
  gcc_jit_block *x = gcc_jit_function_new_block(L->fn, name);
  L->exits[s] = x;
  gcc_jit_block *saved = L->cur;
  L->cur = x;
  /* StValue *buf = vm->deopt_buffer; buf[k] = boxed k-th entry, frames flattened in order. */
  gcc_jit_lvalue *buf = temp(L, L->t->vptr);
  assign(L, buf, rv(mem(L, L->vm, lit_i64(L, L->host->vm_deopt_buffer_offset), L->t->vptr)));
  StIrSnap *sn = &L->f->snaps.data[s];
  uint32_t slot = 0;
  for (uint32_t k = 0; k < sn->nframes; k++) {
    StIrSnapFrame *fr = &L->f->snap_frames.data[sn->first_frame + k];
    for (uint32_t e = 0; e < fr->count; e++) {
      StIrRef ref = L->f->snap_entries.data[fr->first + e].ref;
      gcc_jit_rvalue *b = boxed(L, ref);
      assign(L, gcc_jit_context_new_array_access(L->c, NULL, rv(buf), lit_i64(L, slot++)), b);
    }
  }
  gcc_jit_rvalue *args[4] = {L->vm, L->frame, lit_ptr(L, L->f->code), lit_u32(L, s)};
  gcc_jit_rvalue *res = helper_call(L, ST_HELPER_DEOPT, 4, args);
  if (res) gcc_jit_block_end_with_return(L->cur, NULL, res);
  L->cur = saved;
  return x;
}

/* Leaves through snapshot snap1 when `failed` holds; lowering continues on the other side. */
static void exit_if(Lower *L, gcc_jit_rvalue *failed, uint32_t snap1) {
  gcc_jit_block *x = exit_block(L, snap1);
  gcc_jit_block *cont = new_block(L);
  gcc_jit_block_end_with_conditional(L->cur, NULL, expect(L, failed, false), x, cont);
  L->cur = cont;
}

/* ------------------------------------------------------------------------------------------ */
/* Op groups with control flow                                                                */

/* JS ToBoolean: inline for doubles, int32, booleans, undefined/null and objects (always true),
 * the helper for strings (empty or not), symbols and the rest, as st_value_truthy decides. */
static void lower_truthy(Lower *L, StIrRef r, gcc_jit_rvalue *v) {
  gcc_jit_lvalue *dst = L->locals[r];
  gcc_jit_lvalue *tag = temp(L, L->t->v);
  assign(L, tag, tag_of(L, v));
  gcc_jit_block *join = new_block(L);
  struct { gcc_jit_rvalue *is; gcc_jit_rvalue *res; } cases[5];
  gcc_jit_lvalue *d = temp(L, L->t->f64);
  cases[0].is = cmp(L, GCC_JIT_COMPARISON_LT, v, lit_v(L, ST_FIRST_NONDOUBLE));
  cases[0].res = NULL; /* the double case is built below: it needs the bits as a double first */
  cases[1].is = cmp(L, GCC_JIT_COMPARISON_EQ, rv(tag), lit_v(L, ST_TAG_INT));
  cases[1].res = cmp(L, GCC_JIT_COMPARISON_NE, cast(L, v, L->t->u32), lit_u32(L, 0));
  cases[2].is = cmp(L, GCC_JIT_COMPARISON_EQ, rv(tag), lit_v(L, ST_TAG_BOOL));
  cases[2].res = cmp(L, GCC_JIT_COMPARISON_NE, bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->v, v, lit_v(L, 1)), lit_v(L, 0));
  cases[3].is = gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_OR, L->t->b,
                                              cmp(L, GCC_JIT_COMPARISON_EQ, v, lit_v(L, ST_UNDEFINED)),
                                              cmp(L, GCC_JIT_COMPARISON_EQ, v, lit_v(L, ST_NULL)));
  cases[3].res = lit_b(L, false);
  cases[4].is = cmp(L, GCC_JIT_COMPARISON_EQ, rv(tag), lit_v(L, ST_TAG_OBJECT));
  cases[4].res = lit_b(L, true);
  for (int k = 0; k < 5; k++) {
    gcc_jit_block *yes = new_block(L), *no = new_block(L);
    gcc_jit_block_end_with_conditional(L->cur, NULL, cases[k].is, yes, no);
    if (k == 0) {
      gcc_jit_block_add_assignment(yes, NULL, d, bitcast(L, v, L->t->f64));
      /* 0, -0 and NaN are false: d == d && d != 0. */
      gcc_jit_block_add_assignment(
          yes, NULL, dst,
          gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, L->t->b,
                                        cmp(L, GCC_JIT_COMPARISON_EQ, rv(d), rv(d)),
                                        cmp(L, GCC_JIT_COMPARISON_NE, rv(d), gcc_jit_context_zero(L->c, L->t->f64))));
    } else {
      gcc_jit_block_add_assignment(yes, NULL, dst, cases[k].res);
    }
    gcc_jit_block_end_with_jump(yes, NULL, join);
    L->cur = no;
  }
  gcc_jit_rvalue *arg = v;
  gcc_jit_rvalue *h = helper_call(L, ST_HELPER_TRUTHY, 1, &arg);
  if (h) assign(L, dst, cmp(L, GCC_JIT_COMPARISON_NE, h, lit_i32(L, 0)));
  gcc_jit_block_end_with_jump(L->cur, NULL, join);
  L->cur = join;
}

/* JS ToInt32 of a double: truncate, then reduce modulo 2^32. In the range of int64 that is
 * C's conversion to int64 followed by truncation to 32 bits; outside it (or for NaN and the
 * infinities) the low 32 bits of the integer are read from the IEEE fields: the mantissa with
 * its hidden bit shifted by the exponent (zero once the shift reaches 32), negated for a
 * negative sign. */
static void lower_to_int32(Lower *L, StIrRef r, gcc_jit_rvalue *d) {
  gcc_jit_lvalue *dst = L->locals[r];
  gcc_jit_rvalue *in_range = gcc_jit_context_new_binary_op(
      L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, L->t->b,
      cmp(L, GCC_JIT_COMPARISON_GE, d, gcc_jit_context_new_rvalue_from_double(L->c, L->t->f64, -9223372036854775808.0)),
      cmp(L, GCC_JIT_COMPARISON_LT, d, gcc_jit_context_new_rvalue_from_double(L->c, L->t->f64, 9223372036854775808.0)));
  gcc_jit_block *fast = new_block(L), *slow = new_block(L), *join = new_block(L);
  gcc_jit_block_end_with_conditional(L->cur, NULL, expect(L, in_range, true), fast, slow);
  gcc_jit_block_add_assignment(fast, NULL, dst, cast(L, cast(L, cast(L, d, L->t->i64), L->t->u32), L->t->i32));
  gcc_jit_block_end_with_jump(fast, NULL, join);
  L->cur = slow;
  gcc_jit_lvalue *bits = temp(L, L->t->v), *e = temp(L, L->t->v), *low = temp(L, L->t->u32),
                 *sign = temp(L, L->t->u32);
  assign(L, bits, bitcast(L, d, L->t->v));
  /* e = biased exponent - (1023 + 52): the shift that makes the mantissa an integer (>= 11 here). */
  assign(L, e, bin(L, GCC_JIT_BINARY_OP_MINUS, L->t->v,
                   bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->v,
                       bin(L, GCC_JIT_BINARY_OP_RSHIFT, L->t->v, rv(bits), lit_v(L, 52)), lit_v(L, 0x7FF)),
                   lit_v(L, 1075)));
  gcc_jit_rvalue *mant = bin(L, GCC_JIT_BINARY_OP_BITWISE_OR, L->t->v,
                             bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->v, rv(bits), lit_v(L, 0xFFFFFFFFFFFFFull)),
                             lit_v(L, 0x10000000000000ull));
  gcc_jit_rvalue *shifted = cast(L, bin(L, GCC_JIT_BINARY_OP_LSHIFT, L->t->v, mant,
                                        bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->v, rv(e), lit_v(L, 63))),
                                 L->t->u32);
  select_into(L, low, cmp(L, GCC_JIT_COMPARISON_LT, rv(e), lit_v(L, 32)), shifted, lit_u32(L, 0));
  assign(L, sign, cast(L, bin(L, GCC_JIT_BINARY_OP_RSHIFT, L->t->v, rv(bits), lit_v(L, 63)), L->t->u32));
  /* (low ^ -sign) + sign negates when sign is 1. */
  gcc_jit_rvalue *neg = bin(L, GCC_JIT_BINARY_OP_PLUS, L->t->u32,
                            bin(L, GCC_JIT_BINARY_OP_BITWISE_XOR, L->t->u32, rv(low),
                                bin(L, GCC_JIT_BINARY_OP_MINUS, L->t->u32, lit_u32(L, 0), rv(sign))),
                            rv(sign));
  assign(L, dst, cast(L, neg, L->t->i32));
  gcc_jit_block_end_with_jump(L->cur, NULL, join);
  L->cur = join;
}

/* MATH_F64. At -O1 and up GCC expands sqrt (with -fno-math-errno), floor, ceil and trunc inline
 * (SSE2 sequences); at -O0 it would emit calls to libm by name, which the code must not have,
 * so -O0 calls helpers[MATH1] instead. ROUND (JS rounding, not C's) and any other function
 * number always go to MATH1, whose numbering is StIrMath's. */
static void lower_math(Lower *L, StIrRef r, int64_t fnum, gcc_jit_rvalue *x) {
  gcc_jit_function *b = NULL;
  if (fnum == ST_IRM_ABS) {
    /* fabs as a bit operation: inline at every level. */
    def(L, r, bitcast(L, bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->v, bitcast(L, x, L->t->v),
                             lit_v(L, 0x7FFFFFFFFFFFFFFFull)), L->t->f64));
    return;
  }
  if (L->opt_level > 0) {
    switch (fnum) {
    case ST_IRM_SQRT: b = L->t->sqrt; break;
    case ST_IRM_FLOOR: b = L->t->floor; break;
    case ST_IRM_CEIL: b = L->t->ceil; break;
    case ST_IRM_TRUNC: b = L->t->trunc; break;
    default: break;
    }
  }
  if (b) {
    def(L, r, call(L, b, 1, &x));
    return;
  }
  gcc_jit_rvalue *args[2] = {lit_i32(L, (int32_t)fnum), x};
  gcc_jit_rvalue *h = helper_call(L, ST_HELPER_MATH1, 2, args);
  if (h) def(L, r, h);
}

/* CALL / CALL_PURE: the helper's signature gives the C types; a CALL with a snapshot checks
 * the helper's "threw" result (ST_EXCEPTION for V, -1 for I/U/B) and leaves through it. */
static void lower_call(Lower *L, StIrRef r, StIrInsn *i) {
  uint32_t id = (uint32_t)i->imm.i;
  if (!helper_ptr(L, id)) return;
  const char *sig = L->host->helper_sigs[id];
  if (i->nargs + 1 != strlen(sig)) {
    fail(L, "v%u calls helper %u (\"%s\") with %u arguments", r, id, sig, i->nargs);
    return;
  }
  gcc_jit_rvalue *args[16];
  for (uint32_t k = 0; k < i->nargs; k++) args[k] = to_sig(L, i->args[k], sig[k + 1], id, k);
  if (L->failed) return;
  gcc_jit_rvalue *res = helper_call(L, id, (int)i->nargs, args);
  if (!res) return;
  char ret = sig[0];
  bool check = i->op == ST_IR_CALL && i->snap != 0 && (ret == 'V' || ret == 'I' || ret == 'U' || ret == 'B');
  if (ret == '_') {
    if (i->type != ST_IRT_VOID) fail(L, "v%u: helper %u returns nothing", r, id);
    else gcc_jit_block_add_eval(L->cur, NULL, res);
    return;
  }
  /* The raw result in a local of the C type, unless the IR value can hold it as is. */
  bool same = (ret == 'V' && i->type == ST_IRT_VALUE) || ((ret == 'I' || ret == 'B') && i->type == ST_IRT_I32) ||
              (ret == 'D' && i->type == ST_IRT_F64) || (ret == 'P' && i->type == ST_IRT_PTR);
  gcc_jit_lvalue *raw = same ? L->locals[r] : temp(L, sig_type(L, ret));
  assign(L, raw, res);
  if (check) {
    gcc_jit_rvalue *threw = ret == 'V' ? cmp(L, GCC_JIT_COMPARISON_EQ, rv(raw), lit_v(L, ST_EXCEPTION))
                            : ret == 'U' ? cmp(L, GCC_JIT_COMPARISON_EQ, rv(raw), lit_u32(L, UINT32_MAX))
                                         : cmp(L, GCC_JIT_COMPARISON_EQ, rv(raw), lit_i32(L, -1));
    exit_if(L, threw, i->snap);
  }
  if (same || i->type == ST_IRT_VOID) return;
  switch ((StIrType)i->type) {
  case ST_IRT_BOOL:
    if (ret == 'I' || ret == 'B') def(L, r, cmp(L, GCC_JIT_COMPARISON_NE, rv(raw), lit_i32(L, 0)));
    else if (ret == 'U') def(L, r, cmp(L, GCC_JIT_COMPARISON_NE, rv(raw), lit_u32(L, 0)));
    else fail(L, "v%u: helper %u's result '%c' is not a bool", r, id, ret);
    return;
  case ST_IRT_I32:
    if (ret == 'U') def(L, r, cast(L, rv(raw), L->t->i32));
    else fail(L, "v%u: helper %u's result '%c' is not an int32", r, id, ret);
    return;
  default: fail(L, "v%u: helper %u's result '%c' does not fit the IR type", r, id, ret); return;
  }
}

/* Int32 arithmetic that exits on overflow, through GCC's checked-arithmetic builtins. */
static void lower_ov(Lower *L, StIrRef r, StIrInsn *i, gcc_jit_function *builtin) {
  gcc_jit_rvalue *a = val(L, i->a), *b = val(L, i->b);
  gcc_jit_lvalue *ovf = temp(L, L->t->b);
  gcc_jit_rvalue *args[3] = {a, b, gcc_jit_lvalue_get_address(L->locals[r], NULL)};
  assign(L, ovf, call(L, builtin, 3, args));
  gcc_jit_rvalue *failed = rv(ovf);
  if (i->op == ST_IR_MUL_I32_OV) {
    /* A zero product with a negative operand is -0 in JS: not an int32. */
    gcc_jit_rvalue *negzero = gcc_jit_context_new_binary_op(
        L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, L->t->b,
        cmp(L, GCC_JIT_COMPARISON_EQ, rv(L->locals[r]), lit_i32(L, 0)),
        cmp(L, GCC_JIT_COMPARISON_LT, bin(L, GCC_JIT_BINARY_OP_BITWISE_OR, L->t->i32, a, b), lit_i32(L, 0)));
    failed = gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_OR, L->t->b, failed, negzero);
  }
  exit_if(L, failed, i->snap);
}

/* The shift count of a JS shift: the low five bits of the right operand. */
static gcc_jit_rvalue *shift_count(Lower *L, gcc_jit_rvalue *b, gcc_jit_type *ty) {
  return cast(L, bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, L->t->i32, b, lit_i32(L, 31)), ty);
}

/* Wrapping int32 arithmetic: in unsigned, where C defines the overflow. */
static gcc_jit_rvalue *wrap(Lower *L, enum gcc_jit_binary_op op, gcc_jit_rvalue *a, gcc_jit_rvalue *b) {
  return cast(L, bin(L, op, L->t->u32, cast(L, a, L->t->u32), cast(L, b, L->t->u32)), L->t->i32);
}

static enum gcc_jit_comparison cond_of(Lower *L, int64_t c) {
  switch ((StIrCond)c) {
  case ST_IRC_EQ: return GCC_JIT_COMPARISON_EQ;
  case ST_IRC_NE: return GCC_JIT_COMPARISON_NE;
  case ST_IRC_LT: return GCC_JIT_COMPARISON_LT;
  case ST_IRC_LE: return GCC_JIT_COMPARISON_LE;
  case ST_IRC_GT: return GCC_JIT_COMPARISON_GT;
  case ST_IRC_GE: return GCC_JIT_COMPARISON_GE;
  }
  fail(L, "bad comparison %lld", (long long)c);
  return GCC_JIT_COMPARISON_EQ;
}

/* ------------------------------------------------------------------------------------------ */
/* Control flow and phis                                                                      */

/* Which of s's predecessor slots the edge b -> s (the occurrence-th such edge) is. */
static uint32_t pred_slot(Lower *L, uint32_t s, uint32_t b, uint32_t occurrence) {
  StIrBlock *blk = &L->f->blocks.data[s];
  for (uint32_t k = 0; k < blk->preds.len; k++)
    if (blk->preds.data[k] == b && occurrence-- == 0) return k;
  fail(L, "b%u is not a predecessor of b%u", b, s);
  return 0;
}

static bool has_phis(Lower *L, uint32_t s) {
  StIrBlock *blk = &L->f->blocks.data[s];
  for (size_t k = 0; k < blk->insns.len; k++) {
    StIrInsn *i = st_ir_insn(L->f, blk->insns.data[k]);
    if (i->op != ST_IR_PHI) return false;
    if (!(i->flags & ST_IRI_DEAD)) return true;
  }
  return false;
}

/* The phi assignments of edge (pred slot `slot`) into s, appended to gcc block `at`. All reads
 * happen before any write: an input that is itself a phi of s is copied to a temporary first. */
static void phi_copies(Lower *L, gcc_jit_block *at, uint32_t s, uint32_t slot) {
  StIrBlock *blk = &L->f->blocks.data[s];
  size_t n = 0;
  while (n < blk->insns.len && st_ir_insn(L->f, blk->insns.data[n])->op == ST_IR_PHI) n++;
  gcc_jit_block *saved = L->cur;
  L->cur = at;
  gcc_jit_rvalue **src = st_xcalloc(n ? n : 1, sizeof *src);
  for (size_t k = 0; k < n; k++) {
    StIrRef p = blk->insns.data[k];
    StIrInsn *phi = st_ir_insn(L->f, p);
    if (phi->flags & ST_IRI_DEAD) continue;
    if (slot >= phi->nargs) {
      fail(L, "phi v%u has %u inputs, b%u has more predecessors", p, phi->nargs, s);
      break;
    }
    StIrRef in = phi->args[slot];
    if (in == p) continue; /* keeps its value */
    StIrInsn *ii = st_ir_insn(L->f, in);
    if (ii->op == ST_IR_PHI && ii->block == s) {
      gcc_jit_lvalue *tmp = temp(L, ir_type(L, ii->type));
      assign(L, tmp, val(L, in));
      src[k] = rv(tmp);
    } else {
      src[k] = val(L, in);
    }
  }
  for (size_t k = 0; k < n; k++)
    if (src[k]) assign(L, L->locals[blk->insns.data[k]], src[k]);
  free(src);
  L->cur = saved;
}

/* The gcc block to jump to for the edge b -> s: s itself, or an edge block holding s's phi
 * copies (needed for BRANCH: copies at the end of b would clobber values the other successor
 * still reads). */
static gcc_jit_block *edge_target(Lower *L, uint32_t b, uint32_t s, uint32_t occurrence) {
  if (s >= L->f->blocks.len || !L->blocks[s]) {
    fail(L, "b%u jumps to b%u, which is dead or missing", b, s);
    return L->cur;
  }
  if (!has_phis(L, s)) return L->blocks[s];
  gcc_jit_block *e = new_block(L);
  phi_copies(L, e, s, pred_slot(L, s, b, occurrence));
  gcc_jit_block_end_with_jump(e, NULL, L->blocks[s]);
  return e;
}

/* ------------------------------------------------------------------------------------------ */
/* Instructions                                                                               */

static void lower_insn(Lower *L, uint32_t bi, StIrRef r) {
  StIrInsn *i = st_ir_insn(L->f, r);
  StIrBlock *blk = &L->f->blocks.data[bi];
  gcc_jit_type *T = ir_type(L, i->type);
  const StGccjitTypes *t = L->t;
  switch ((StIrOp)i->op) {
  case ST_IR_CONST_VALUE:
  case ST_IR_CONST_I32:
  case ST_IR_CONST_F64:
  case ST_IR_CONST_BOOL:
  case ST_IR_CONST_PTR:
  case ST_IR_FRAME:
  case ST_IR_VMPTR:
  case ST_IR_PHI:
  case ST_IR_NOP: return; /* rvalues made where used; phis assigned on edges */
  case ST_IR_PARAM:
    def(L, r, rv(mem(L, L->frame, lit_i64(L, (int64_t)L->host->frame_regs_offset + 8 * i->imm.i), t->v)));
    return;
  /* boxing */
  case ST_IR_BOX_I32: def(L, r, box_i32(L, val(L, i->a))); return;
  case ST_IR_BOX_BOOL: def(L, r, box_bool(L, val(L, i->a))); return;
  case ST_IR_BOX_F64: def(L, r, box_f64(L, val(L, i->a))); return;
  case ST_IR_UNBOX_I32: def(L, r, cast(L, val(L, i->a), t->i32)); return;
  case ST_IR_UNBOX_F64: {
    gcc_jit_rvalue *v = val(L, i->a);
    select_into(L, L->locals[r], cmp(L, GCC_JIT_COMPARISON_LT, v, lit_v(L, ST_FIRST_NONDOUBLE)),
                bitcast(L, v, t->f64), cast(L, cast(L, v, t->i32), t->f64));
    return;
  }
  case ST_IR_I32_TO_F64: def(L, r, cast(L, val(L, i->a), t->f64)); return;
  case ST_IR_F64_TO_I32: lower_to_int32(L, r, val(L, i->a)); return;
  case ST_IR_U32_TO_F64: def(L, r, cast(L, cast(L, val(L, i->a), t->u32), t->f64)); return;
  case ST_IR_PTR_TO_VALUE:
    def(L, r, bin(L, GCC_JIT_BINARY_OP_BITWISE_OR, t->v, bitcast(L, val(L, i->a), t->v),
                  lit_v(L, ST_TAG_BITS((uint64_t)i->imm.i & 0xFFFF))));
    return;
  case ST_IR_VALUE_TO_PTR:
    def(L, r, bitcast(L, bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, t->v, val(L, i->a), lit_v(L, ST_PAYLOAD_MASK)), t->ptr));
    return;
  /* type tests */
  case ST_IR_IS_INT32: def(L, r, cmp(L, GCC_JIT_COMPARISON_EQ, tag_of(L, val(L, i->a)), lit_v(L, ST_TAG_INT))); return;
  case ST_IR_IS_NUMBER:
    def(L, r, cmp(L, GCC_JIT_COMPARISON_LT, val(L, i->a), lit_v(L, ST_TAG_BITS(ST_TAG_MISC))));
    return;
  case ST_IR_IS_TAG: def(L, r, cmp(L, GCC_JIT_COMPARISON_EQ, tag_of(L, val(L, i->a)), lit_v(L, (uint64_t)i->imm.i))); return;
  case ST_IR_TRUTHY: lower_truthy(L, r, val(L, i->a)); return;
  /* guards */
  case ST_IR_GUARD_INT32:
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, tag_of(L, val(L, i->a)), lit_v(L, ST_TAG_INT)), i->snap);
    return;
  case ST_IR_GUARD_NUMBER:
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_GE, val(L, i->a), lit_v(L, ST_TAG_BITS(ST_TAG_MISC))), i->snap);
    return;
  case ST_IR_GUARD_TAG:
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, tag_of(L, val(L, i->a)), lit_v(L, (uint64_t)i->imm.i)), i->snap);
    return;
  case ST_IR_GUARD_TRUE: exit_if(L, un(L, GCC_JIT_UNARY_OP_LOGICAL_NEGATE, t->b, val(L, i->a)), i->snap); return;
  case ST_IR_GUARD_FALSE: exit_if(L, val(L, i->a), i->snap); return;
  case ST_IR_GUARD_EQ_PTR: exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, val(L, i->a), val(L, i->b)), i->snap); return;
  case ST_IR_GUARD_EQ_VALUE: exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, val(L, i->a), lit_v(L, i->imm.v)), i->snap); return;
  case ST_IR_GUARD_SHAPE:
    /* StObject: the shape pointer follows the 8-byte cell header. */
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, rv(mem(L, val(L, i->a), lit_i64(L, 8), t->ptr)), lit_ptr(L, i->imm.p)), i->snap);
    return;
  case ST_IR_GUARD_BOUNDS:
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_GE, cast(L, val(L, i->a), t->u32), cast(L, val(L, i->b), t->u32)), i->snap);
    return;
  case ST_IR_GUARD_NOT_HOLE: exit_if(L, cmp(L, GCC_JIT_COMPARISON_EQ, val(L, i->a), lit_v(L, ST_HOLE)), i->snap); return;
  case ST_IR_GUARD_FLAGS: {
    /* StCell.flags: the u16 at offset 2. */
    gcc_jit_rvalue *flags = cast(L, rv(mem(L, val(L, i->a), lit_i64(L, 2), t->u16)), t->u32);
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, t->u32, flags, lit_u32(L, i->imm.u[0])),
                   lit_u32(L, i->imm.u[1])),
            i->snap);
    return;
  }
  case ST_IR_GUARD_EPOCH:
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, rv(mem(L, L->vm, lit_i64(L, L->host->vm_proto_epoch_offset), t->u32)),
                   lit_u32(L, (uint32_t)i->imm.i)),
            i->snap);
    return;
  case ST_IR_DEOPT:
    gcc_jit_block_end_with_jump(L->cur, NULL, exit_block(L, i->snap));
    L->cur = NULL;
    return;
  /* int32 arithmetic */
  case ST_IR_ADD_I32_OV: lower_ov(L, r, i, t->sadd_ov); return;
  case ST_IR_SUB_I32_OV: lower_ov(L, r, i, t->ssub_ov); return;
  case ST_IR_MUL_I32_OV: lower_ov(L, r, i, t->smul_ov); return;
  case ST_IR_NEG_I32_OV: {
    /* -INT32_MIN overflows; -0 is not an int32. */
    gcc_jit_rvalue *a = val(L, i->a);
    exit_if(L, gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_OR, t->b,
                                             cmp(L, GCC_JIT_COMPARISON_EQ, a, lit_i32(L, INT32_MIN)),
                                             cmp(L, GCC_JIT_COMPARISON_EQ, a, lit_i32(L, 0))),
            i->snap);
    def(L, r, un(L, GCC_JIT_UNARY_OP_MINUS, t->i32, a));
    return;
  }
  case ST_IR_DIV_I32_EXACT: {
    /* Exits unless a / b is an int32: b == 0, INT32_MIN / -1 (also a hardware trap), 0 / negative
     * (-0) and an inexact quotient. The remainder is taken only once those traps are ruled out. */
    gcc_jit_rvalue *a = val(L, i->a), *b = val(L, i->b);
    gcc_jit_rvalue *bad = gcc_jit_context_new_binary_op(
        L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_OR, t->b, cmp(L, GCC_JIT_COMPARISON_EQ, b, lit_i32(L, 0)),
        gcc_jit_context_new_binary_op(
            L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_OR, t->b,
            gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, t->b,
                                          cmp(L, GCC_JIT_COMPARISON_EQ, a, lit_i32(L, INT32_MIN)),
                                          cmp(L, GCC_JIT_COMPARISON_EQ, b, lit_i32(L, -1))),
            gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, t->b,
                                          cmp(L, GCC_JIT_COMPARISON_EQ, a, lit_i32(L, 0)),
                                          cmp(L, GCC_JIT_COMPARISON_LT, b, lit_i32(L, 0)))));
    exit_if(L, bad, i->snap);
    exit_if(L, cmp(L, GCC_JIT_COMPARISON_NE, bin(L, GCC_JIT_BINARY_OP_MODULO, t->i32, a, b), lit_i32(L, 0)), i->snap);
    def(L, r, bin(L, GCC_JIT_BINARY_OP_DIVIDE, t->i32, a, b));
    return;
  }
  case ST_IR_MOD_I32: {
    /* Exits on b == 0 (NaN), on INT32_MIN % -1 (-0, and a trap in hardware) and on a zero
     * remainder of a negative dividend (-0). */
    gcc_jit_rvalue *a = val(L, i->a), *b = val(L, i->b);
    exit_if(L, gcc_jit_context_new_binary_op(
                   L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_OR, t->b, cmp(L, GCC_JIT_COMPARISON_EQ, b, lit_i32(L, 0)),
                   gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, t->b,
                                                 cmp(L, GCC_JIT_COMPARISON_EQ, a, lit_i32(L, INT32_MIN)),
                                                 cmp(L, GCC_JIT_COMPARISON_EQ, b, lit_i32(L, -1)))),
            i->snap);
    def(L, r, bin(L, GCC_JIT_BINARY_OP_MODULO, t->i32, a, b));
    exit_if(L, gcc_jit_context_new_binary_op(L->c, NULL, GCC_JIT_BINARY_OP_LOGICAL_AND, t->b,
                                             cmp(L, GCC_JIT_COMPARISON_EQ, val(L, r), lit_i32(L, 0)),
                                             cmp(L, GCC_JIT_COMPARISON_LT, a, lit_i32(L, 0))),
            i->snap);
    return;
  }
  case ST_IR_ADD_I32: def(L, r, wrap(L, GCC_JIT_BINARY_OP_PLUS, val(L, i->a), val(L, i->b))); return;
  case ST_IR_SUB_I32: def(L, r, wrap(L, GCC_JIT_BINARY_OP_MINUS, val(L, i->a), val(L, i->b))); return;
  case ST_IR_AND_I32: def(L, r, bin(L, GCC_JIT_BINARY_OP_BITWISE_AND, t->i32, val(L, i->a), val(L, i->b))); return;
  case ST_IR_OR_I32: def(L, r, bin(L, GCC_JIT_BINARY_OP_BITWISE_OR, t->i32, val(L, i->a), val(L, i->b))); return;
  case ST_IR_XOR_I32: def(L, r, bin(L, GCC_JIT_BINARY_OP_BITWISE_XOR, t->i32, val(L, i->a), val(L, i->b))); return;
  case ST_IR_SHL_I32:
    def(L, r, cast(L, bin(L, GCC_JIT_BINARY_OP_LSHIFT, t->u32, cast(L, val(L, i->a), t->u32), shift_count(L, val(L, i->b), t->u32)), t->i32));
    return;
  case ST_IR_SAR_I32: def(L, r, bin(L, GCC_JIT_BINARY_OP_RSHIFT, t->i32, val(L, i->a), shift_count(L, val(L, i->b), t->i32))); return;
  case ST_IR_SHR_I32:
    def(L, r, cast(L, bin(L, GCC_JIT_BINARY_OP_RSHIFT, t->u32, cast(L, val(L, i->a), t->u32), shift_count(L, val(L, i->b), t->u32)), t->i32));
    return;
  case ST_IR_NOT_I32: def(L, r, un(L, GCC_JIT_UNARY_OP_BITWISE_NEGATE, t->i32, val(L, i->a))); return;
  case ST_IR_CMP_I32:
  case ST_IR_CMP_F64:
    /* C's double comparisons are JS's: false with a NaN operand, except != (true). */
    def(L, r, cmp(L, cond_of(L, i->imm.i), val(L, i->a), val(L, i->b)));
    return;
  /* float64 arithmetic */
  case ST_IR_ADD_F64: def(L, r, bin(L, GCC_JIT_BINARY_OP_PLUS, t->f64, val(L, i->a), val(L, i->b))); return;
  case ST_IR_SUB_F64: def(L, r, bin(L, GCC_JIT_BINARY_OP_MINUS, t->f64, val(L, i->a), val(L, i->b))); return;
  case ST_IR_MUL_F64: def(L, r, bin(L, GCC_JIT_BINARY_OP_MULT, t->f64, val(L, i->a), val(L, i->b))); return;
  case ST_IR_DIV_F64: def(L, r, bin(L, GCC_JIT_BINARY_OP_DIVIDE, t->f64, val(L, i->a), val(L, i->b))); return;
  case ST_IR_MOD_F64:
  case ST_IR_POW_F64: {
    gcc_jit_rvalue *args[2] = {val(L, i->a), val(L, i->b)};
    gcc_jit_rvalue *h = helper_call(L, i->op == ST_IR_MOD_F64 ? ST_HELPER_FMOD : ST_HELPER_POW, 2, args);
    if (h) def(L, r, h);
    return;
  }
  case ST_IR_NEG_F64: def(L, r, un(L, GCC_JIT_UNARY_OP_MINUS, t->f64, val(L, i->a))); return;
  case ST_IR_MATH_F64: lower_math(L, r, i->imm.i, val(L, i->a)); return;
  case ST_IR_NOT_BOOL: def(L, r, un(L, GCC_JIT_UNARY_OP_LOGICAL_NEGATE, t->b, val(L, i->a))); return;
  case ST_IR_EQ_VALUE:
  case ST_IR_EQ_PTR: def(L, r, cmp(L, GCC_JIT_COMPARISON_EQ, val(L, i->a), val(L, i->b))); return;
  /* memory */
  case ST_IR_LOAD:
  case ST_IR_LOADX: {
    gcc_jit_rvalue *off = lit_i64(L, i->imm.i);
    if (i->op == ST_IR_LOADX)
      off = bin(L, GCC_JIT_BINARY_OP_PLUS, t->i64, off,
                bin(L, GCC_JIT_BINARY_OP_MULT, t->i64, cast(L, val(L, i->b), t->i64), lit_i64(L, 8)));
    if (i->type == ST_IRT_BOOL) {
      def(L, r, cmp(L, GCC_JIT_COMPARISON_NE, rv(mem(L, val(L, i->a), off, t->u8)), gcc_jit_context_zero(L->c, t->u8)));
    } else if (T) {
      def(L, r, rv(mem(L, val(L, i->a), off, T)));
    } else {
      fail(L, "v%u: a load of type void", r);
    }
    return;
  }
  case ST_IR_STORE:
  case ST_IR_STOREX: {
    gcc_jit_rvalue *off = lit_i64(L, i->imm.i);
    StIrRef v = i->op == ST_IR_STORE ? i->b : i->c;
    if (i->op == ST_IR_STOREX)
      off = bin(L, GCC_JIT_BINARY_OP_PLUS, t->i64, off,
                bin(L, GCC_JIT_BINARY_OP_MULT, t->i64, cast(L, val(L, i->b), t->i64), lit_i64(L, 8)));
    uint8_t vt = st_ir_insn(L->f, v)->type;
    if (vt == ST_IRT_BOOL) assign(L, mem(L, val(L, i->a), off, t->u8), cast(L, val(L, v), t->u8));
    else if (ir_type(L, vt)) assign(L, mem(L, val(L, i->a), off, ir_type(L, vt)), val(L, v));
    else fail(L, "v%u stores a void value", r);
    return;
  }
  case ST_IR_CALL:
  case ST_IR_CALL_PURE: lower_call(L, r, i); return;
  /* control */
  case ST_IR_JUMP: {
    if (blk->nsucc != 1) {
      fail(L, "b%u ends with JUMP but has %u successors", bi, blk->nsucc);
      return;
    }
    uint32_t s = blk->succ[0];
    if (s >= L->f->blocks.len || !L->blocks[s]) {
      fail(L, "b%u jumps to b%u, which is dead or missing", bi, s);
      return;
    }
    phi_copies(L, L->cur, s, pred_slot(L, s, bi, 0));
    gcc_jit_block_end_with_jump(L->cur, NULL, L->blocks[s]);
    L->cur = NULL;
    return;
  }
  case ST_IR_BRANCH: {
    if (blk->nsucc != 2) {
      fail(L, "b%u ends with BRANCH but has %u successors", bi, blk->nsucc);
      return;
    }
    gcc_jit_rvalue *c = val(L, i->a);
    if (i->flags & ST_IRI_LIKELY_FALSE) c = expect(L, c, false);
    gcc_jit_block *yes = edge_target(L, bi, blk->succ[0], 0);
    gcc_jit_block *no = edge_target(L, bi, blk->succ[1], blk->succ[0] == blk->succ[1] ? 1 : 0);
    if (L->failed) return;
    gcc_jit_block_end_with_conditional(L->cur, NULL, c, yes, no);
    L->cur = NULL;
    return;
  }
  case ST_IR_RETURN:
    gcc_jit_block_end_with_return(L->cur, NULL, val(L, i->a));
    L->cur = NULL;
    return;
  case ST_IR_UNREACHABLE:
    /* Reaching it is a compiler bug: stop loudly rather than run into whatever follows. */
    gcc_jit_block_add_eval(L->cur, NULL, call(L, t->trap, 0, NULL));
    gcc_jit_block_end_with_return(L->cur, NULL, lit_v(L, ST_UNDEFINED));
    L->cur = NULL;
    return;
  case ST_IR_OP_COUNT: break;
  }
  fail(L, "v%u: op %u has no lowering", r, i->op);
}

/* ------------------------------------------------------------------------------------------ */
/* Functions                                                                                  */

bool st_gccjit_lower_func(gcc_jit_context *c, StGccjitTypes *t, const StBackendHost *host,
                          StIrFunc *f, const char *symbol, int opt_level, char *err,
                          size_t errlen) {
  Lower L;
  memset(&L, 0, sizeof L);
  L.c = c;
  L.t = t;
  L.host = host;
  L.f = f;
  L.opt_level = opt_level;
  L.err = err;
  L.errlen = errlen;
  if (!f->blocks.len) {
    snprintf(err, errlen, "%s has no blocks", symbol);
    return false;
  }
  gcc_jit_param *params[2] = {gcc_jit_context_new_param(c, NULL, t->ptr, "vm"),
                              gcc_jit_context_new_param(c, NULL, t->ptr, "frame")};
  L.fn = gcc_jit_context_new_function(c, NULL, GCC_JIT_FUNCTION_EXPORTED, t->v, symbol, 2, params, 0);
  L.vm = gcc_jit_param_as_rvalue(params[0]);
  L.frame = gcc_jit_param_as_rvalue(params[1]);
  size_t ni = f->insns.len, nb = f->blocks.len, ns = f->snaps.len;
  L.blocks = st_xcalloc(nb, sizeof *L.blocks);
  L.locals = st_xcalloc(ni, sizeof *L.locals);
  L.consts = st_xcalloc(ni, sizeof *L.consts);
  L.exits = st_xcalloc(ns ? ns : 1, sizeof *L.exits);

  /* Blocks first, in index order, so block 0 is the entry and jumps can name any block. */
  if (f->blocks.data[0].dead) fail(&L, "the entry block is dead");
  for (uint32_t b = 0; b < nb; b++) {
    if (f->blocks.data[b].dead) continue;
    char name[24];
    snprintf(name, sizeof name, "b%u", b);
    L.blocks[b] = gcc_jit_function_new_block(L.fn, name);
  }
  /* A local per value-producing instruction of a live block. */
  for (uint32_t b = 0; b < nb; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    for (size_t k = 0; k < blk->insns.len; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(f, r);
      if ((i->flags & ST_IRI_DEAD) || i->type == ST_IRT_VOID) continue;
      switch ((StIrOp)i->op) {
      case ST_IR_CONST_VALUE:
      case ST_IR_CONST_I32:
      case ST_IR_CONST_F64:
      case ST_IR_CONST_BOOL:
      case ST_IR_CONST_PTR:
      case ST_IR_FRAME:
      case ST_IR_VMPTR: continue;
      default: break;
      }
      char name[24];
      snprintf(name, sizeof name, "v%u", r);
      L.locals[r] = gcc_jit_function_new_local(L.fn, NULL, ir_type(&L, i->type), name);
    }
  }
  for (uint32_t b = 0; b < nb && !L.failed; b++) {
    StIrBlock *blk = &f->blocks.data[b];
    if (blk->dead) continue;
    L.cur = L.blocks[b];
    for (size_t k = 0; k < blk->insns.len && !L.failed; k++) {
      StIrRef r = blk->insns.data[k];
      StIrInsn *i = st_ir_insn(f, r);
      if (i->flags & ST_IRI_DEAD) continue;
      if (!L.cur) {
        fail(&L, "v%u (%s) follows the terminator of b%u", r, op_name(i->op), b);
        break;
      }
      lower_insn(&L, b, r);
    }
    if (!L.failed && L.cur) fail(&L, "b%u has no terminator", b);
  }
  free(L.blocks);
  free(L.locals);
  free(L.consts);
  free(L.exits);
  return !L.failed;
}
