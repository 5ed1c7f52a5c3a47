/* backends/llvm/llvm_lower.c: Strata IR -> LLVM IR, one function (see llvm_lower.h for the
 * invariants). The op-by-op mapping follows backends/ir.h and the value encoding of
 * support/nanbox.h:
 *
 *   BOX_I32   (0xFFF9 << 48) | zext(u32)     UNBOX_I32  trunc
 *   BOX_BOOL  (0xFFFB << 48) | zext(i1)      UNBOX_F64  v < 0xFFF9<<48 ? bitcast : sitofp(trunc)
 *   BOX_F64   bits, any NaN -> 0x7FF8000000000000 (a NaN with other bits could read as a tag)
 *
 * Every guard becomes `br ok, cont, exit` weighted so that the exit is cold; throwing calls
 * compare the result with the helper convention's "threw" value (ST_EXCEPTION, -1). An exit
 * block stores its snapshot's values and branches to the function's one DEOPT call.
 */
#include "backends/llvm/llvm_lower.h"

#include "backends/helpers.h"
#include "objects/object.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Op names from the op table itself (the plugin does not link backends/ir.c). */
static const char *const op_names[ST_IR_OP_COUNT] = {
#define OP_NAME(name, type, sig, flags) #name,
    ST_IR_OPS(OP_NAME)
#undef OP_NAME
};

/* Branch weights of a guard: the exit is taken about never. */
enum { HOT_WEIGHT = 2000, COLD_WEIGHT = 1 };

typedef struct Lower {
  LLVMContextRef ctx;
  LLVMModuleRef m;
  LLVMBuilderRef b;
  LLVMValueRef fn;
  const StBackendHost *host;
  StIrFunc *f;
  LLVMTypeRef i1, i8, i16, i32, i64, f64, ptr, voidt;
  LLVMValueRef vm, frame;
  LLVMValueRef *vals;           /* [insns.len] */
  LLVMBasicBlockRef *bb_first;  /* [blocks.len] NULL when not lowered (unreachable) */
  LLVMBasicBlockRef *bb_last;   /* the LLVM block holding the IR block's terminator */
  LLVMBasicBlockRef *exits;     /* [snaps.len] shared exit blocks (share_exits) */
  bool share_exits;
  LLVMBasicBlockRef exit_tail;  /* the DEOPT call all exits branch to */
  LLVMValueRef exit_id;         /* its phi: the snapshot index */
  unsigned prof_kind;
  LLVMValueRef weights_hot_true, weights_hot_false;
  char *err;
  size_t errlen;
  bool failed;
} Lower;

static bool fail(Lower *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(Lower *L, const char *fmt, ...) {
  if (!L->failed) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->err, L->errlen, fmt, ap);
    va_end(ap);
  }
  L->failed = true;
  return false;
}

/* --- small builders --- */

static LLVMValueRef c64(Lower *L, uint64_t v) { return LLVMConstInt(L->i64, v, 0); }
static LLVMValueRef c32(Lower *L, uint32_t v) { return LLVMConstInt(L->i32, v, 0); }
static LLVMValueRef cptr(Lower *L, const void *p) {
  return LLVMConstIntToPtr(c64(L, (uint64_t)(uintptr_t)p), L->ptr);
}

static LLVMTypeRef ir_type(Lower *L, uint8_t t) {
  switch (t) {
  case ST_IRT_VALUE: return L->i64;
  case ST_IRT_I32: return L->i32;
  case ST_IRT_F64: return L->f64;
  case ST_IRT_BOOL: return L->i1;
  case ST_IRT_PTR: return L->ptr;
  default: return L->voidt;
  }
}

/* base + off bytes, as a pointer. */
static LLVMValueRef addr(Lower *L, LLVMValueRef base, int64_t off) {
  if (off == 0) return base;
  LLVMValueRef idx = c64(L, (uint64_t)off);
  return LLVMBuildGEP2(L->b, L->i8, base, &idx, 1, "");
}

static LLVMValueRef tag_of(Lower *L, LLVMValueRef v) {
  return LLVMBuildLShr(L->b, v, c64(L, ST_TAG_SHIFT), "tag");
}

static LLVMValueRef box_i32(Lower *L, LLVMValueRef v) {
  return LLVMBuildOr(L->b, LLVMBuildZExt(L->b, v, L->i64, ""), c64(L, ST_TAG_BITS(ST_TAG_INT)), "");
}

static LLVMValueRef box_bool(Lower *L, LLVMValueRef v) {
  return LLVMBuildOr(L->b, LLVMBuildZExt(L->b, v, L->i64, ""), c64(L, ST_TAG_BITS(ST_TAG_BOOL)), "");
}

static LLVMValueRef box_f64(Lower *L, LLVMValueRef v) {
  LLVMValueRef bits = LLVMBuildBitCast(L->b, v, L->i64, "");
  LLVMValueRef nan = LLVMBuildFCmp(L->b, LLVMRealUNO, v, v, "");
  return LLVMBuildSelect(L->b, nan, c64(L, 0x7FF8000000000000ull), bits, "");
}

static LLVMValueRef box_any(Lower *L, LLVMValueRef v, uint8_t type) {
  switch (type) {
  case ST_IRT_I32: return box_i32(L, v);
  case ST_IRT_F64: return box_f64(L, v);
  case ST_IRT_BOOL: return box_bool(L, v);
  case ST_IRT_PTR: return LLVMBuildPtrToInt(L->b, v, L->i64, ""); /* not expected in snapshots */
  default: return v;
  }
}

static LLVMValueRef call_intrinsic(Lower *L, const char *name, LLVMTypeRef overload,
                                   LLVMValueRef *args, unsigned n) {
  unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
  LLVMValueRef decl = LLVMGetIntrinsicDeclaration(L->m, id, &overload, 1);
  LLVMTypeRef ty = LLVMIntrinsicGetType(L->ctx, id, &overload, 1);
  return LLVMBuildCall2(L->b, ty, decl, args, n, "");
}

static LLVMTypeRef sig_type(Lower *L, char c) {
  switch (c) {
  case 'V': return L->i64;
  case 'P': return L->ptr;
  case 'I': case 'U': case 'B': return L->i32;
  case 'D': return L->f64;
  default: return L->voidt;
  }
}

/* Converts an IR value to the C parameter type a helper signature asks for. */
static LLVMValueRef coerce(Lower *L, LLVMValueRef v, LLVMTypeRef want) {
  LLVMTypeRef have = LLVMTypeOf(v);
  if (have == want) return v;
  LLVMTypeKind hk = LLVMGetTypeKind(have), wk = LLVMGetTypeKind(want);
  if (hk == LLVMIntegerTypeKind && wk == LLVMIntegerTypeKind) {
    unsigned hw = LLVMGetIntTypeWidth(have), ww = LLVMGetIntTypeWidth(want);
    return hw < ww ? LLVMBuildZExt(L->b, v, want, "") : LLVMBuildTrunc(L->b, v, want, "");
  }
  if (hk == LLVMIntegerTypeKind && wk == LLVMPointerTypeKind) {
    if (LLVMGetIntTypeWidth(have) < 64) v = LLVMBuildZExt(L->b, v, L->i64, "");
    return LLVMBuildIntToPtr(L->b, v, want, "");
  }
  if (hk == LLVMPointerTypeKind && wk == LLVMIntegerTypeKind)
    return coerce(L, LLVMBuildPtrToInt(L->b, v, L->i64, ""), want);
  fail(L, "helper argument of the wrong kind (LLVM type kind %u)", (unsigned)hk);
  return LLVMGetUndef(want);
}

/* Calls helper id with args; the C function type comes from host->helper_sigs[id]. */
static LLVMValueRef call_helper(Lower *L, uint32_t id, LLVMValueRef *args, unsigned n) {
  if (id >= L->host->nhelpers || !L->host->helpers[id] || !L->host->helper_sigs[id]) {
    fail(L, "unknown helper %u", id);
    return NULL;
  }
  const char *sig = L->host->helper_sigs[id];
  unsigned np = (unsigned)strlen(sig) - 1;
  if (np != n) {
    fail(L, "helper %s called with %u arguments", L->host->helper_names ? L->host->helper_names[id] : "?", n);
    return NULL;
  }
  LLVMTypeRef params[16];
  if (np > 16) {
    fail(L, "helper %u has too many parameters (%u)", id, np);
    return NULL;
  }
  for (unsigned i = 0; i < np; i++) {
    params[i] = sig_type(L, sig[i + 1]);
    args[i] = coerce(L, args[i], params[i]);
  }
  LLVMTypeRef fty = LLVMFunctionType(sig_type(L, sig[0]), params, np, 0);
  return LLVMBuildCall2(L->b, fty, cptr(L, L->host->helpers[id]), args, n, "");
}

/* --- exits --- */

/* Emits, at the current position, the code of snapshot s's exit: store its entries boxed into
 * the deopt buffer and return the DEOPT helper's result. */
static void emit_exit_body(Lower *L, uint32_t s) {
  StIrFunc *f = L->f;
  StIrSnap *sn = &f->snaps.data[s];
  LLVMValueRef buf = LLVMBuildLoad2(L->b, L->ptr, addr(L, L->vm, L->host->vm_deopt_buffer_offset), "dbuf");
  uint32_t slot = 0;
  for (uint32_t k = 0; k < sn->nframes; k++) {
    StIrSnapFrame *sf = &f->snap_frames.data[sn->first_frame + k];
    for (uint32_t e = 0; e < sf->count; e++, slot++) {
      StIrRef r = f->snap_entries.data[sf->first + e].ref;
      LLVMValueRef v;
      if (r == ST_IR_NONE || r >= f->insns.len || !L->vals[r]) {
        if (r != ST_IR_NONE) {
          fail(L, "snapshot %u: entry v%u is not available at its exit", s, r);
          return;
        }
        v = c64(L, ST_UNDEFINED);
      } else {
        v = box_any(L, L->vals[r], f->insns.data[r].type);
      }
      LLVMValueRef idx = c64(L, slot);
      LLVMBuildStore(L->b, v, LLVMBuildGEP2(L->b, L->i64, buf, &idx, 1, ""));
    }
  }
  /* Every exit ends in one shared tail: the DEOPT call and the return, with the snapshot
   * index as a phi (one call sequence per function instead of one per exit). */
  LLVMBasicBlockRef here = LLVMGetInsertBlock(L->b);
  if (!L->exit_tail) {
    L->exit_tail = LLVMAppendBasicBlockInContext(L->ctx, L->fn, "deopt");
    LLVMPositionBuilderAtEnd(L->b, L->exit_tail);
    L->exit_id = LLVMBuildPhi(L->b, L->i32, "exit");
    LLVMValueRef args[4] = {L->vm, L->frame, cptr(L, f->code), L->exit_id};
    LLVMValueRef r = call_helper(L, ST_HELPER_DEOPT, args, 4);
    if (r) LLVMBuildRet(L->b, r);
    LLVMPositionBuilderAtEnd(L->b, here);
  }
  LLVMValueRef id = c32(L, s);
  LLVMAddIncoming(L->exit_id, &id, &here, 1);
  LLVMBuildBr(L->b, L->exit_tail);
}

static LLVMBasicBlockRef exit_block(Lower *L, uint32_t snap1) {
  if (snap1 == 0 || snap1 > L->f->snaps.len) {
    fail(L, "guard without a valid snapshot (%u)", snap1);
    return NULL;
  }
  uint32_t s = snap1 - 1;
  if (L->share_exits && L->exits[s]) return L->exits[s];
  LLVMBasicBlockRef here = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef ex = LLVMAppendBasicBlockInContext(L->ctx, L->fn, "exit");
  LLVMPositionBuilderAtEnd(L->b, ex);
  emit_exit_body(L, s);
  LLVMPositionBuilderAtEnd(L->b, here);
  if (L->share_exits) L->exits[s] = ex;
  return ex;
}

static void set_weights(Lower *L, LLVMValueRef br, bool hot_true) {
  LLVMSetMetadata(br, L->prof_kind, hot_true ? L->weights_hot_true : L->weights_hot_false);
}

/* Continues at a new block when ok holds, exits through in's snapshot otherwise. */
static void guard(Lower *L, LLVMValueRef ok, const StIrInsn *in) {
  LLVMBasicBlockRef ex = exit_block(L, in->snap);
  if (!ex) return;
  LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(L->ctx, L->fn, "");
  LLVMValueRef br = LLVMBuildCondBr(L->b, ok, cont, ex);
  set_weights(L, br, true);
  LLVMPositionBuilderAtEnd(L->b, cont);
}

/* --- ops with some logic --- */

static LLVMValueRef lower_truthy(Lower *L, LLVMValueRef v) {
  /* int32, bool, misc and doubles inline; strings, symbols and objects through the helper
   * (an empty string is falsy). */
  LLVMValueRef tag = tag_of(L, v);
  LLVMValueRef d = LLVMBuildBitCast(L->b, v, L->f64, "");
  LLVMValueRef dtrue = LLVMBuildFCmp(L->b, LLVMRealONE, d, LLVMConstReal(L->f64, 0.0), "");
  LLVMValueRef low = LLVMBuildICmp(L->b, LLVMIntNE, LLVMBuildTrunc(L->b, v, L->i32, ""), c32(L, 0), "");
  LLVMValueRef is_double = LLVMBuildICmp(L->b, LLVMIntULT, tag, c64(L, ST_TAG_INT), "");
  LLVMValueRef is_misc = LLVMBuildICmp(L->b, LLVMIntEQ, tag, c64(L, ST_TAG_MISC), "");
  LLVMValueRef nondbl = LLVMBuildSelect(L->b, is_misc, LLVMConstInt(L->i1, 0, 0), low, "");
  LLVMValueRef fast = LLVMBuildSelect(L->b, is_double, dtrue, nondbl, "");
  LLVMValueRef is_cell = LLVMBuildICmp(L->b, LLVMIntUGE, tag, c64(L, ST_TAG_STRING), "");
  LLVMBasicBlockRef here = LLVMGetInsertBlock(L->b);
  LLVMBasicBlockRef slow = LLVMAppendBasicBlockInContext(L->ctx, L->fn, "truthy.slow");
  LLVMBasicBlockRef join = LLVMAppendBasicBlockInContext(L->ctx, L->fn, "truthy.join");
  LLVMBuildCondBr(L->b, is_cell, slow, join);
  LLVMPositionBuilderAtEnd(L->b, slow);
  LLVMValueRef arg = v;
  LLVMValueRef r = call_helper(L, ST_HELPER_TRUTHY, &arg, 1);
  LLVMValueRef rb = r ? LLVMBuildICmp(L->b, LLVMIntNE, r, c32(L, 0), "") : LLVMConstInt(L->i1, 0, 0);
  LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(L->b);
  LLVMBuildBr(L->b, join);
  LLVMPositionBuilderAtEnd(L->b, join);
  LLVMValueRef phi = LLVMBuildPhi(L->b, L->i1, "truthy");
  LLVMValueRef iv[2] = {fast, rb};
  LLVMBasicBlockRef ib[2] = {here, slow_end};
  LLVMAddIncoming(phi, iv, ib, 2);
  return phi;
}

/* ECMAScript ToInt32 of a double, branch-free: fptosi through i64 when |d| < 2^63 (exact
 * modulo 2^32 after truncation); otherwise the double is an integer m * 2^shift with
 * shift >= 11, whose low 32 bits are (m << shift) when shift < 32 and 0 beyond (also 0 for
 * NaN and the infinities). */
static LLVMValueRef lower_to_int32(Lower *L, LLVMValueRef d) {
  LLVMValueRef absd = call_intrinsic(L, "llvm.fabs", L->f64, &d, 1);
  LLVMValueRef small = LLVMBuildFCmp(L->b, LLVMRealOLT, absd, LLVMConstReal(L->f64, 9223372036854775808.0), "");
  /* Clamp the operand of the fast conversion so it is never poison. */
  LLVMValueRef safe = LLVMBuildSelect(L->b, small, d, LLVMConstReal(L->f64, 0.0), "");
  LLVMValueRef fast = LLVMBuildTrunc(L->b, LLVMBuildFPToSI(L->b, safe, L->i64, ""), L->i32, "");
  LLVMValueRef bits = LLVMBuildBitCast(L->b, d, L->i64, "");
  LLVMValueRef exp = LLVMBuildAnd(L->b, LLVMBuildLShr(L->b, bits, c64(L, 52), ""), c64(L, 0x7FF), "");
  LLVMValueRef mant = LLVMBuildOr(L->b, LLVMBuildAnd(L->b, bits, c64(L, (1ull << 52) - 1), ""), c64(L, 1ull << 52), "");
  LLVMValueRef shift = LLVMBuildSub(L->b, exp, c64(L, 1075), "");
  LLVMValueRef in_range = LLVMBuildICmp(L->b, LLVMIntULT, shift, c64(L, 32), "");
  LLVMValueRef shl = LLVMBuildShl(L->b, mant, LLVMBuildAnd(L->b, shift, c64(L, 63), ""), "");
  LLVMValueRef lo = LLVMBuildSelect(L->b, in_range, LLVMBuildTrunc(L->b, shl, L->i32, ""), c32(L, 0), "");
  LLVMValueRef neg = LLVMBuildICmp(L->b, LLVMIntSLT, bits, c64(L, 0), "");
  LLVMValueRef slow = LLVMBuildSelect(L->b, neg, LLVMBuildNeg(L->b, lo, ""), lo, "");
  return LLVMBuildSelect(L->b, small, fast, slow, "");
}

static LLVMValueRef overflow_op(Lower *L, const char *name, LLVMValueRef a, LLVMValueRef b,
                                LLVMValueRef *ov) {
  LLVMValueRef args[2] = {a, b};
  LLVMValueRef pair = call_intrinsic(L, name, L->i32, args, 2);
  *ov = LLVMBuildExtractValue(L->b, pair, 1, "ov");
  return LLVMBuildExtractValue(L->b, pair, 0, "");
}

static LLVMIntPredicate icond(int64_t c) {
  switch (c) {
  case ST_IRC_EQ: return LLVMIntEQ;
  case ST_IRC_NE: return LLVMIntNE;
  case ST_IRC_LT: return LLVMIntSLT;
  case ST_IRC_LE: return LLVMIntSLE;
  case ST_IRC_GT: return LLVMIntSGT;
  default: return LLVMIntSGE;
  }
}

static LLVMRealPredicate fcond(int64_t c) {
  switch (c) {
  case ST_IRC_EQ: return LLVMRealOEQ;
  case ST_IRC_NE: return LLVMRealUNE;
  case ST_IRC_LT: return LLVMRealOLT;
  case ST_IRC_LE: return LLVMRealOLE;
  case ST_IRC_GT: return LLVMRealOGT;
  default: return LLVMRealOGE;
  }
}

/* The alignment an IR access may promise: LLVM's default (the type's ABI alignment) is a
 * promise that O2 exploits, and the IR does make unaligned accesses (an i32 load of a byte
 * flag at offset 97, for instance). Bases are heap cells and frames (8-aligned) or constant
 * addresses, whose exact alignment is known; the offset does the rest. */
static unsigned access_align(Lower *L, StIrRef base, int64_t off, unsigned size) {
  uint64_t a = (uint64_t)off;
  const StIrInsn *bi = &L->f->insns.data[base];
  if (bi->op == ST_IR_CONST_PTR) a += (uint64_t)(uintptr_t)bi->imm.p;
  unsigned align = size;
  while (align > 1 && (a & (align - 1))) align >>= 1;
  return align;
}

static LLVMValueRef load_typed(Lower *L, uint8_t type, LLVMValueRef p, unsigned align) {
  if (type == ST_IRT_BOOL) {
    LLVMValueRef byte = LLVMBuildLoad2(L->b, L->i8, p, "");
    return LLVMBuildICmp(L->b, LLVMIntNE, byte, LLVMConstInt(L->i8, 0, 0), "");
  }
  LLVMValueRef v = LLVMBuildLoad2(L->b, ir_type(L, type), p, "");
  LLVMSetAlignment(v, type == ST_IRT_I32 ? (align < 4 ? align : 4) : align);
  return v;
}

static void store_typed(Lower *L, LLVMValueRef v, uint8_t type, LLVMValueRef p, unsigned align) {
  if (type == ST_IRT_BOOL) v = LLVMBuildZExt(L->b, v, L->i8, "");
  LLVMValueRef st = LLVMBuildStore(L->b, v, p);
  if (type != ST_IRT_BOOL) LLVMSetAlignment(st, type == ST_IRT_I32 ? (align < 4 ? align : 4) : align);
}

static LLVMValueRef indexed(Lower *L, LLVMValueRef base, int64_t off, LLVMValueRef index) {
  LLVMValueRef p = addr(L, base, off);
  LLVMValueRef idx = LLVMBuildSExt(L->b, index, L->i64, "");
  return LLVMBuildGEP2(L->b, L->i64, p, &idx, 1, "");
}

/* CALL / CALL_PURE: arguments in args, result converted to the instruction's type; a call
 * with a snapshot leaves through it when the helper reports a throw. */
static LLVMValueRef lower_call(Lower *L, const StIrInsn *in) {
  uint32_t id = (uint32_t)in->imm.i;
  LLVMValueRef args[16];
  if (in->nargs > 16) {
    fail(L, "call with too many arguments (%u)", in->nargs);
    return NULL;
  }
  for (uint32_t k = 0; k < in->nargs; k++) {
    StIrRef r = in->args[k];
    if (r == ST_IR_NONE || r >= L->f->insns.len || !L->vals[r]) {
      fail(L, "call argument v%u not available", r);
      return NULL;
    }
    args[k] = L->vals[r];
  }
  LLVMValueRef r = call_helper(L, id, args, in->nargs);
  if (!r) return NULL;
  char ret = L->host->helper_sigs[id][0];
  if (in->op == ST_IR_CALL && in->snap) {
    if (ret == 'V')
      guard(L, LLVMBuildICmp(L->b, LLVMIntNE, r, c64(L, ST_EXCEPTION), ""), in);
    else if (ret == 'I')
      guard(L, LLVMBuildICmp(L->b, LLVMIntNE, r, c32(L, (uint32_t)-1), ""), in);
  }
  switch (in->type) {
  case ST_IRT_VOID: return NULL;
  case ST_IRT_BOOL:
    if (ret == 'I' || ret == 'B' || ret == 'U') return LLVMBuildICmp(L->b, LLVMIntNE, r, c32(L, 0), "");
    if (ret == 'V') return LLVMBuildICmp(L->b, LLVMIntEQ, r, c64(L, ST_TRUE), "");
    break;
  case ST_IRT_I32:
    if (ret == 'I' || ret == 'B' || ret == 'U') return r;
    break;
  case ST_IRT_VALUE:
    if (ret == 'V') return r;
    break;
  case ST_IRT_F64:
    if (ret == 'D') return r;
    break;
  case ST_IRT_PTR:
    if (ret == 'P') return r;
    if (ret == 'V') return LLVMBuildIntToPtr(L->b, r, L->ptr, "");
    break;
  }
  fail(L, "call to helper %u (\"%s\"): result type %u does not match", id, L->host->helper_sigs[id], in->type);
  return NULL;
}

/* --- one instruction --- */

#define V(ref) (L->vals[ref])

static bool operands_ok(Lower *L, const StIrInsn *in, StIrRef r) {
  StIrRef ops[3] = {in->a, in->b, in->c};
  for (int k = 0; k < 3; k++)
    if (ops[k] != ST_IR_NONE && (ops[k] >= L->f->insns.len || !L->vals[ops[k]]))
      return fail(L, "operand of %s (v%u) is not available",
                  in->op < ST_IR_OP_COUNT ? op_names[in->op] : "?", r);
  return true;
}

static void lower_insn(Lower *L, uint32_t blk, StIrRef r) {
  StIrFunc *f = L->f;
  StIrInsn *in = &f->insns.data[r];
  LLVMBuilderRef b = L->b;
  if (!operands_ok(L, in, r)) return;
  LLVMValueRef a = in->a ? V(in->a) : NULL, bb = in->b ? V(in->b) : NULL, c = in->c ? V(in->c) : NULL;
  LLVMValueRef res = NULL;
  StIrBlock *B = &f->blocks.data[blk];
  switch ((StIrOp)in->op) {
  case ST_IR_CONST_VALUE: res = c64(L, in->imm.v); break;
  case ST_IR_CONST_I32: res = c32(L, (uint32_t)in->imm.i); break;
  case ST_IR_CONST_F64: res = LLVMConstReal(L->f64, in->imm.d); break;
  case ST_IR_CONST_BOOL: res = LLVMConstInt(L->i1, in->imm.i != 0, 0); break;
  case ST_IR_CONST_PTR: res = cptr(L, in->imm.p); break;
  case ST_IR_FRAME: res = L->frame; break;
  case ST_IR_VMPTR: res = L->vm; break;
  case ST_IR_PARAM:
    res = LLVMBuildLoad2(b, L->i64, addr(L, L->frame, (int64_t)L->host->frame_regs_offset + 8 * in->imm.i), "");
    break;
  case ST_IR_PHI: return; /* created up front */
  case ST_IR_BOX_I32: res = box_i32(L, a); break;
  case ST_IR_BOX_F64: res = box_f64(L, a); break;
  case ST_IR_BOX_BOOL: res = box_bool(L, a); break;
  case ST_IR_UNBOX_I32: res = LLVMBuildTrunc(b, a, L->i32, ""); break;
  case ST_IR_UNBOX_F64: {
    LLVMValueRef is_dbl = LLVMBuildICmp(b, LLVMIntULT, a, c64(L, ST_TAG_BITS(ST_TAG_INT)), "");
    LLVMValueRef asd = LLVMBuildBitCast(b, a, L->f64, "");
    LLVMValueRef asi = LLVMBuildSIToFP(b, LLVMBuildTrunc(b, a, L->i32, ""), L->f64, "");
    res = LLVMBuildSelect(b, is_dbl, asd, asi, "");
    break;
  }
  case ST_IR_I32_TO_F64: res = LLVMBuildSIToFP(b, a, L->f64, ""); break;
  case ST_IR_U32_TO_F64: res = LLVMBuildUIToFP(b, a, L->f64, ""); break;
  case ST_IR_F64_TO_I32: res = lower_to_int32(L, a); break;
  case ST_IR_PTR_TO_VALUE:
    res = LLVMBuildOr(b, LLVMBuildPtrToInt(b, a, L->i64, ""), c64(L, (uint64_t)in->imm.i << ST_TAG_SHIFT), "");
    break;
  case ST_IR_VALUE_TO_PTR:
    res = LLVMBuildIntToPtr(b, LLVMBuildAnd(b, a, c64(L, ST_PAYLOAD_MASK), ""), L->ptr, "");
    break;
  case ST_IR_IS_INT32: res = LLVMBuildICmp(b, LLVMIntEQ, tag_of(L, a), c64(L, ST_TAG_INT), ""); break;
  case ST_IR_IS_NUMBER: res = LLVMBuildICmp(b, LLVMIntULT, a, c64(L, ST_TAG_BITS(ST_TAG_MISC)), ""); break;
  case ST_IR_IS_TAG: res = LLVMBuildICmp(b, LLVMIntEQ, tag_of(L, a), c64(L, (uint64_t)in->imm.i), ""); break;
  case ST_IR_TRUTHY: res = lower_truthy(L, a); break;
  case ST_IR_GUARD_INT32: guard(L, LLVMBuildICmp(b, LLVMIntEQ, tag_of(L, a), c64(L, ST_TAG_INT), ""), in); break;
  case ST_IR_GUARD_NUMBER:
    guard(L, LLVMBuildICmp(b, LLVMIntULT, a, c64(L, ST_TAG_BITS(ST_TAG_MISC)), ""), in);
    break;
  case ST_IR_GUARD_TAG:
    guard(L, LLVMBuildICmp(b, LLVMIntEQ, tag_of(L, a), c64(L, (uint64_t)in->imm.i), ""), in);
    break;
  case ST_IR_GUARD_TRUE: guard(L, a, in); break;
  case ST_IR_GUARD_FALSE: guard(L, LLVMBuildNot(b, a, ""), in); break;
  case ST_IR_GUARD_EQ_PTR: guard(L, LLVMBuildICmp(b, LLVMIntEQ, a, bb, ""), in); break;
  case ST_IR_GUARD_EQ_VALUE: guard(L, LLVMBuildICmp(b, LLVMIntEQ, a, c64(L, in->imm.v), ""), in); break;
  case ST_IR_GUARD_SHAPE: {
    LLVMValueRef shape = LLVMBuildLoad2(b, L->ptr, addr(L, a, offsetof(StObject, shape)), "shape");
    guard(L, LLVMBuildICmp(b, LLVMIntEQ, shape, cptr(L, in->imm.p), ""), in);
    break;
  }
  case ST_IR_GUARD_BOUNDS: guard(L, LLVMBuildICmp(b, LLVMIntULT, a, bb, ""), in); break;
  case ST_IR_GUARD_NOT_HOLE: guard(L, LLVMBuildICmp(b, LLVMIntNE, a, c64(L, ST_HOLE), ""), in); break;
  case ST_IR_GUARD_FLAGS: {
    LLVMValueRef fl = LLVMBuildLoad2(b, L->i16, addr(L, a, offsetof(StCell, flags)), "flags");
    LLVMValueRef m = LLVMBuildAnd(b, fl, LLVMConstInt(L->i16, in->imm.u[0] & 0xFFFF, 0), "");
    guard(L, LLVMBuildICmp(b, LLVMIntEQ, m, LLVMConstInt(L->i16, in->imm.u[1] & 0xFFFF, 0), ""), in);
    break;
  }
  case ST_IR_GUARD_EPOCH: {
    LLVMValueRef ep = LLVMBuildLoad2(b, L->i32, addr(L, L->vm, L->host->vm_proto_epoch_offset), "epoch");
    guard(L, LLVMBuildICmp(b, LLVMIntEQ, ep, c32(L, (uint32_t)in->imm.i), ""), in);
    break;
  }
  case ST_IR_DEOPT: {
    LLVMBasicBlockRef ex = exit_block(L, in->snap);
    L->bb_last[blk] = LLVMGetInsertBlock(b);
    if (ex) LLVMBuildBr(b, ex);
    return;
  }
  case ST_IR_ADD_I32_OV:
  case ST_IR_SUB_I32_OV: {
    LLVMValueRef ov;
    res = overflow_op(L, in->op == ST_IR_ADD_I32_OV ? "llvm.sadd.with.overflow" : "llvm.ssub.with.overflow", a, bb, &ov);
    guard(L, LLVMBuildNot(b, ov, ""), in);
    break;
  }
  case ST_IR_MUL_I32_OV: {
    LLVMValueRef ov;
    res = overflow_op(L, "llvm.smul.with.overflow", a, bb, &ov);
    /* A zero product with a negative operand is -0 in JS, which is no int32. */
    LLVMValueRef zero = LLVMBuildICmp(b, LLVMIntEQ, res, c32(L, 0), "");
    LLVMValueRef negop = LLVMBuildICmp(b, LLVMIntSLT, LLVMBuildOr(b, a, bb, ""), c32(L, 0), "");
    LLVMValueRef bad = LLVMBuildOr(b, ov, LLVMBuildAnd(b, zero, negop, ""), "");
    guard(L, LLVMBuildNot(b, bad, ""), in);
    break;
  }
  case ST_IR_NEG_I32_OV: {
    /* -0 and -INT32_MIN are not int32: (a & 0x7FFFFFFF) != 0 excludes exactly those two. */
    LLVMValueRef ok = LLVMBuildICmp(b, LLVMIntNE, LLVMBuildAnd(b, a, c32(L, 0x7FFFFFFF), ""), c32(L, 0), "");
    guard(L, ok, in);
    res = LLVMBuildNeg(b, a, "");
    break;
  }
  case ST_IR_DIV_I32_EXACT: {
    LLVMValueRef nz = LLVMBuildICmp(b, LLVMIntNE, bb, c32(L, 0), "");
    LLVMValueRef minneg = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, a, c32(L, 0x80000000u), ""),
                                       LLVMBuildICmp(b, LLVMIntEQ, bb, c32(L, 0xFFFFFFFFu), ""), "");
    LLVMValueRef negz = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, a, c32(L, 0), ""),
                                     LLVMBuildICmp(b, LLVMIntSLT, bb, c32(L, 0), ""), "");
    LLVMValueRef pre = LLVMBuildAnd(b, nz, LLVMBuildNot(b, LLVMBuildOr(b, minneg, negz, ""), ""), "");
    guard(L, pre, in);
    /* Only now is sdiv defined. */
    LLVMValueRef rem = LLVMBuildSRem(b, a, bb, "");
    guard(L, LLVMBuildICmp(b, LLVMIntEQ, rem, c32(L, 0), ""), in);
    res = LLVMBuildSDiv(b, a, bb, "");
    break;
  }
  case ST_IR_MOD_I32: {
    LLVMValueRef nz = LLVMBuildICmp(b, LLVMIntNE, bb, c32(L, 0), "");
    LLVMValueRef minneg = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, a, c32(L, 0x80000000u), ""),
                                       LLVMBuildICmp(b, LLVMIntEQ, bb, c32(L, 0xFFFFFFFFu), ""), "");
    guard(L, LLVMBuildAnd(b, nz, LLVMBuildNot(b, minneg, ""), ""), in);
    res = LLVMBuildSRem(b, a, bb, "");
    LLVMValueRef negz = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, res, c32(L, 0), ""),
                                     LLVMBuildICmp(b, LLVMIntSLT, a, c32(L, 0), ""), "");
    guard(L, LLVMBuildNot(b, negz, ""), in);
    break;
  }
  case ST_IR_ADD_I32: res = LLVMBuildAdd(b, a, bb, ""); break;
  case ST_IR_SUB_I32: res = LLVMBuildSub(b, a, bb, ""); break;
  case ST_IR_AND_I32: res = LLVMBuildAnd(b, a, bb, ""); break;
  case ST_IR_OR_I32: res = LLVMBuildOr(b, a, bb, ""); break;
  case ST_IR_XOR_I32: res = LLVMBuildXor(b, a, bb, ""); break;
  /* JS shifts use the count mod 32; LLVM's are poison from 32 on. */
  case ST_IR_SHL_I32: res = LLVMBuildShl(b, a, LLVMBuildAnd(b, bb, c32(L, 31), ""), ""); break;
  case ST_IR_SAR_I32: res = LLVMBuildAShr(b, a, LLVMBuildAnd(b, bb, c32(L, 31), ""), ""); break;
  case ST_IR_SHR_I32: res = LLVMBuildLShr(b, a, LLVMBuildAnd(b, bb, c32(L, 31), ""), ""); break;
  case ST_IR_NOT_I32: res = LLVMBuildNot(b, a, ""); break;
  case ST_IR_CMP_I32: res = LLVMBuildICmp(b, icond(in->imm.i), a, bb, ""); break;
  case ST_IR_ADD_F64: res = LLVMBuildFAdd(b, a, bb, ""); break;
  case ST_IR_SUB_F64: res = LLVMBuildFSub(b, a, bb, ""); break;
  case ST_IR_MUL_F64: res = LLVMBuildFMul(b, a, bb, ""); break;
  case ST_IR_DIV_F64: res = LLVMBuildFDiv(b, a, bb, ""); break;
  case ST_IR_MOD_F64:
  case ST_IR_POW_F64: {
    LLVMValueRef args[2] = {a, bb};
    res = call_helper(L, in->op == ST_IR_MOD_F64 ? ST_HELPER_FMOD : ST_HELPER_POW, args, 2);
    break;
  }
  case ST_IR_NEG_F64: res = LLVMBuildFNeg(b, a, ""); break;
  case ST_IR_MATH_F64: {
    static const char *const intrinsic[] = {
        [ST_IRM_SQRT] = "llvm.sqrt", [ST_IRM_FLOOR] = "llvm.floor", [ST_IRM_CEIL] = "llvm.ceil",
        [ST_IRM_ABS] = "llvm.fabs", [ST_IRM_TRUNC] = "llvm.trunc"};
    int64_t m = in->imm.i;
    if (m >= 0 && m < (int64_t)ST_ARRAY_LEN(intrinsic) && intrinsic[m]) {
      res = call_intrinsic(L, intrinsic[m], L->f64, &a, 1);
    } else {
      /* ROUND (JS semantics: -0 and 0.49999999999999994) and anything newer: the helper,
       * whose function numbers are StIrMath's. */
      LLVMValueRef args[2] = {c32(L, (uint32_t)m), a};
      res = call_helper(L, ST_HELPER_MATH1, args, 2);
    }
    break;
  }
  case ST_IR_CMP_F64: res = LLVMBuildFCmp(b, fcond(in->imm.i), a, bb, ""); break;
  case ST_IR_NOT_BOOL: res = LLVMBuildNot(b, a, ""); break;
  case ST_IR_EQ_VALUE: res = LLVMBuildICmp(b, LLVMIntEQ, a, bb, ""); break;
  case ST_IR_EQ_PTR: res = LLVMBuildICmp(b, LLVMIntEQ, a, bb, ""); break;
  case ST_IR_LOAD:
    res = load_typed(L, in->type, addr(L, a, in->imm.i), access_align(L, in->a, in->imm.i, 8));
    break;
  case ST_IR_LOADX: /* + 8 * index keeps the alignment of base + off up to 8 */
    res = load_typed(L, in->type, indexed(L, a, in->imm.i, bb), access_align(L, in->a, in->imm.i, 8));
    break;
  case ST_IR_STORE:
    store_typed(L, bb, f->insns.data[in->b].type, addr(L, a, in->imm.i), access_align(L, in->a, in->imm.i, 8));
    break;
  case ST_IR_STOREX:
    store_typed(L, c, f->insns.data[in->c].type, indexed(L, a, in->imm.i, bb),
                access_align(L, in->a, in->imm.i, 8));
    break;
  case ST_IR_CALL:
  case ST_IR_CALL_PURE: res = lower_call(L, in); break;
  case ST_IR_JUMP:
    if (B->nsucc < 1 || !L->bb_first[B->succ[0]]) {
      fail(L, "JUMP in b%u without a lowered successor", blk);
      return;
    }
    L->bb_last[blk] = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, L->bb_first[B->succ[0]]);
    return;
  case ST_IR_BRANCH: {
    if (B->nsucc < 2 || !L->bb_first[B->succ[0]] || !L->bb_first[B->succ[1]]) {
      fail(L, "BRANCH in b%u without lowered successors", blk);
      return;
    }
    L->bb_last[blk] = LLVMGetInsertBlock(b);
    LLVMValueRef br = LLVMBuildCondBr(b, a, L->bb_first[B->succ[0]], L->bb_first[B->succ[1]]);
    if (in->flags & ST_IRI_LIKELY_FALSE) set_weights(L, br, false);
    return;
  }
  case ST_IR_RETURN:
    L->bb_last[blk] = LLVMGetInsertBlock(b);
    LLVMBuildRet(b, a);
    return;
  case ST_IR_UNREACHABLE:
    L->bb_last[blk] = LLVMGetInsertBlock(b);
    LLVMBuildUnreachable(b);
    return;
  case ST_IR_NOP: return;
  default:
    fail(L, "op %s (v%u) not supported by the LLVM backend",
         in->op < ST_IR_OP_COUNT ? op_names[in->op] : "?", r);
    return;
  }
  if (in->type != ST_IRT_VOID && !res && !L->failed)
    fail(L, "%s produced no value (v%u)", in->op < ST_IR_OP_COUNT ? op_names[in->op] : "?", r);
  L->vals[r] = res;
}

#undef V

/* --- the function --- */

/* Reverse postorder of the live blocks reachable from block 0 (iterative DFS). */
static uint32_t *rpo(StIrFunc *f, uint32_t *n_out) {
  uint32_t nb = (uint32_t)f->blocks.len;
  uint32_t *order = calloc(nb ? nb : 1, sizeof *order);
  uint32_t *stack = calloc(nb ? nb : 1, sizeof *stack);
  uint32_t *next = calloc(nb ? nb : 1, sizeof *next);
  uint8_t *seen = calloc(nb ? nb : 1, 1);
  uint32_t n = nb, sp = 0;
  if (nb && !f->blocks.data[0].dead) {
    stack[sp++] = 0;
    seen[0] = 1;
  }
  while (sp) {
    uint32_t blk = stack[sp - 1];
    StIrBlock *B = &f->blocks.data[blk];
    if (next[blk] < B->nsucc) {
      uint32_t s = B->succ[next[blk]++];
      if (s < nb && !seen[s] && !f->blocks.data[s].dead) {
        seen[s] = 1;
        stack[sp++] = s;
      }
    } else {
      order[--n] = blk;
      sp--;
    }
  }
  /* order[n..nb) holds the reverse postorder; move it to the front. */
  uint32_t count = nb - n;
  memmove(order, order + n, count * sizeof *order);
  free(stack);
  free(next);
  free(seen);
  *n_out = count;
  return order;
}

bool st_llvm_lower_func(LLVMContextRef ctx, LLVMModuleRef m, const StBackendHost *host,
                        StIrFunc *f, const char *sym, bool share_exits, char *err,
                        size_t errlen) {
  Lower L = {.ctx = ctx, .m = m, .host = host, .f = f, .share_exits = share_exits, .err = err, .errlen = errlen};
  L.i1 = LLVMInt1TypeInContext(ctx);
  L.i8 = LLVMInt8TypeInContext(ctx);
  L.i16 = LLVMInt16TypeInContext(ctx);
  L.i32 = LLVMInt32TypeInContext(ctx);
  L.i64 = LLVMInt64TypeInContext(ctx);
  L.f64 = LLVMDoubleTypeInContext(ctx);
  L.ptr = LLVMPointerTypeInContext(ctx, 0);
  L.voidt = LLVMVoidTypeInContext(ctx);
  L.prof_kind = LLVMGetMDKindIDInContext(ctx, "prof", 4);
  LLVMMetadataRef wname = LLVMMDStringInContext2(ctx, "branch_weights", 14);
  LLVMMetadataRef hot = LLVMValueAsMetadata(LLVMConstInt(L.i32, HOT_WEIGHT, 0));
  LLVMMetadataRef cold = LLVMValueAsMetadata(LLVMConstInt(L.i32, COLD_WEIGHT, 0));
  LLVMMetadataRef wt[3] = {wname, hot, cold}, wf[3] = {wname, cold, hot};
  L.weights_hot_true = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, wt, 3));
  L.weights_hot_false = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, wf, 3));

  LLVMTypeRef params[2] = {L.ptr, L.ptr};
  L.fn = LLVMAddFunction(m, sym, LLVMFunctionType(L.i64, params, 2, 0));
  L.vm = LLVMGetParam(L.fn, 0);
  L.frame = LLVMGetParam(L.fn, 1);
  LLVMSetValueName2(L.vm, "vm", 2);
  LLVMSetValueName2(L.frame, "frame", 5);
  /* Frame pointers keep perf's and gdb's unwinding through JIT code working. */
  LLVMAddAttributeAtIndex(L.fn, LLVMAttributeFunctionIndex,
                          LLVMCreateStringAttribute(ctx, "frame-pointer", 13, "all", 3));
  L.b = LLVMCreateBuilderInContext(ctx);

  size_t ni = f->insns.len, nb = f->blocks.len;
  L.vals = calloc(ni ? ni : 1, sizeof *L.vals);
  L.bb_first = calloc(nb ? nb : 1, sizeof *L.bb_first);
  L.bb_last = calloc(nb ? nb : 1, sizeof *L.bb_last);
  L.exits = calloc(f->snaps.len ? f->snaps.len : 1, sizeof *L.exits);
  uint32_t norder = 0;
  uint32_t *order = rpo(f, &norder);
  if (norder == 0) fail(&L, "function %s has no entry block", f->name ? f->name : "?");

  /* Blocks, then phis (so that any block can name any phi), then the instructions. */
  for (uint32_t k = 0; k < norder && !L.failed; k++) {
    char nm[24];
    snprintf(nm, sizeof nm, "b%u", order[k]);
    L.bb_first[order[k]] = LLVMAppendBasicBlockInContext(ctx, L.fn, nm);
  }
  for (uint32_t k = 0; k < norder && !L.failed; k++) {
    StIrBlock *B = &f->blocks.data[order[k]];
    LLVMPositionBuilderAtEnd(L.b, L.bb_first[order[k]]);
    for (size_t j = 0; j < B->insns.len; j++) {
      StIrRef r = B->insns.data[j];
      StIrInsn *in = &f->insns.data[r];
      if (in->flags & ST_IRI_DEAD || in->op != ST_IR_PHI) continue;
      if (in->type == ST_IRT_VOID) {
        fail(&L, "phi v%u has no type", r);
        break;
      }
      L.vals[r] = LLVMBuildPhi(L.b, ir_type(&L, in->type), "");
    }
  }
  for (uint32_t k = 0; k < norder && !L.failed; k++) {
    uint32_t blk = order[k];
    StIrBlock *B = &f->blocks.data[blk];
    LLVMPositionBuilderAtEnd(L.b, L.bb_first[blk]);
    for (size_t j = 0; j < B->insns.len && !L.failed; j++) {
      StIrRef r = B->insns.data[j];
      if (f->insns.data[r].flags & ST_IRI_DEAD) continue;
      lower_insn(&L, blk, r);
    }
    if (!L.failed && !L.bb_last[blk]) fail(&L, "b%u has no terminator", blk);
  }
  /* Phi incomings: input j comes from preds[j], whose code ends in bb_last[preds[j]]. Inputs
   * from predecessors that were not lowered (unreachable) are dropped, as LLVM wants. */
  for (uint32_t k = 0; k < norder && !L.failed; k++) {
    uint32_t blk = order[k];
    StIrBlock *B = &f->blocks.data[blk];
    for (size_t j = 0; j < B->insns.len && !L.failed; j++) {
      StIrRef r = B->insns.data[j];
      StIrInsn *in = &f->insns.data[r];
      if (in->flags & ST_IRI_DEAD || in->op != ST_IR_PHI) continue;
      if (in->nargs != B->preds.len) {
        fail(&L, "phi v%u: inputs and predecessors differ", r);
        break;
      }
      for (uint32_t p = 0; p < in->nargs; p++) {
        uint32_t pred = B->preds.data[p];
        if (pred >= nb || !L.bb_last[pred]) continue;
        StIrRef v = in->args[p];
        if (v == ST_IR_NONE || v >= ni || !L.vals[v]) {
          fail(&L, "phi v%u: input v%u is not available", r, v);
          break;
        }
        LLVMValueRef iv = L.vals[v];
        LLVMBasicBlockRef ib = L.bb_last[pred];
        LLVMAddIncoming(L.vals[r], &iv, &ib, 1);
      }
    }
  }
  free(order);
  free(L.vals);
  free(L.bb_first);
  free(L.bb_last);
  free(L.exits);
  LLVMDisposeBuilder(L.b);
  return !L.failed;
}
