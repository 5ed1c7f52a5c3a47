/* backends/cnp/cnp_rt.c: the run-time functions baseline stencils call (holes FN_EXEC,
 * FN_JUMP, FN_LOOP): one bytecode instruction executed generically on the interpreter frame.
 *
 * These are the interpreter's own semantics, feedback writes included (interp/interp.c's
 * handlers), for the instructions the dispatch loop keeps inline; everything interp/step.c
 * implements out of line is delegated to st_interp_step / st_interp_step_jump, so there is
 * one implementation of those. The handlers below follow interp.c line by line; a change to
 * an inline handler there must be mirrored here (the corpus runs differentially under the
 * `baseline` configs to catch a drift). Calls go through st_interp_call, the call path every
 * compiled tier uses, so the callee may run in any tier.
 *
 * Contract of each function: f is the running frame (vm->frame == f on entry and on return),
 * `pc` a bytecode offset of an instruction start in f's proto; on a throw the exception is
 * pending and f->pc is the instruction, so the caller's exit resumes the interpreter there.
 */
#include "backends/cnp/cnp.h"

#include "interp/feedback.h"
#include "interp/interp.h"
#include "interp/slowpath.h"
#include "interp/step.h"
#include "objects/ops.h"

#define U(k) (pc[k])
#define I32(k) st_bytecode_i32(pc + (k))
#define FB(k) (&fbv->slots[U(k)])
#define RECORD2(s, a, b) ((s)->u.binop.seen |= (uint8_t)(st_feedback_type_of(a) | st_feedback_type_of(b)))

static bool arith(StVM *vm, const uint16_t *pc, StValue *r, StFeedbackSlot *s) {
  StValue a = r[U(2)], b = r[U(3)], v;
  switch ((StOpcode)pc[0]) {
  case ST_OP_ADD:
  case ST_OP_SUB:
  case ST_OP_MUL: {
    bool add = pc[0] == ST_OP_ADD, sub = pc[0] == ST_OP_SUB;
    if (st_is_int(a) && st_is_int(b)) {
      int32_t x = st_get_int(a), y = st_get_int(b), z;
      s->u.binop.seen |= ST_TYPE_INT32;
      bool ovf = add ? __builtin_add_overflow(x, y, &z)
                 : sub ? __builtin_sub_overflow(x, y, &z)
                       : (__builtin_mul_overflow(x, y, &z) || (z == 0 && (x < 0 || y < 0)));
      if (!ovf) {
        r[U(1)] = st_int(z);
        return true;
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = st_double(add ? (double)x + y : sub ? (double)x - y : (double)x * (double)y);
      return true;
    }
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      double x = st_get_number(a), y = st_get_number(b);
      r[U(1)] = st_double(add ? x + y : sub ? x - y : x * y);
      return true;
    }
    v = add ? st_ops_add(vm, a, b) : st_ops_arith(vm, sub ? ST_ARITH_SUB : ST_ARITH_MUL, a, b);
    break;
  }
  case ST_OP_DIV:
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      v = st_number(st_get_number(a) / st_get_number(b));
      if (st_is_int(a) && st_is_int(b) && !st_is_int(v)) s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = v;
      return true;
    }
    v = st_ops_arith(vm, ST_ARITH_DIV, a, b);
    break;
  case ST_OP_MOD:
    if (st_is_int(a) && st_is_int(b)) {
      int32_t x = st_get_int(a), y = st_get_int(b);
      s->u.binop.seen |= ST_TYPE_INT32;
      if (x >= 0 && y > 0) {
        r[U(1)] = st_int(x % y);
        return true;
      }
    }
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      v = st_number(st_ops_mod(st_get_number(a), st_get_number(b)));
      if (st_is_int(a) && st_is_int(b) && !st_is_int(v)) s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = v;
      return true;
    }
    v = st_ops_arith(vm, ST_ARITH_MOD, a, b);
    break;
  case ST_OP_EXP:
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      r[U(1)] = st_number(st_ops_pow(st_get_number(a), st_get_number(b)));
      return true;
    }
    v = st_ops_arith(vm, ST_ARITH_EXP, a, b);
    break;
  default: {
    /* The bitwise operators. */
    RECORD2(s, a, b);
    StArith op;
    switch ((StOpcode)pc[0]) {
    case ST_OP_BITAND: op = ST_ARITH_AND; break;
    case ST_OP_BITOR: op = ST_ARITH_OR; break;
    case ST_OP_BITXOR: op = ST_ARITH_XOR; break;
    case ST_OP_SHL: op = ST_ARITH_SHL; break;
    case ST_OP_SAR: op = ST_ARITH_SAR; break;
    default: op = ST_ARITH_SHR; break;
    }
    if (st_is_int(a) && st_is_int(b)) {
      int32_t x = st_get_int(a), y = st_get_int(b);
      switch (op) {
      case ST_ARITH_AND: v = st_int(x & y); break;
      case ST_ARITH_OR: v = st_int(x | y); break;
      case ST_ARITH_XOR: v = st_int(x ^ y); break;
      case ST_ARITH_SHL: v = st_int((int32_t)((uint32_t)x << (y & 31))); break;
      case ST_ARITH_SAR: v = st_int(x >> (y & 31)); break;
      default: {
        /* As the interpreter: a uint32 result at or above 2^31 is recorded as an overflow. */
        uint32_t z = (uint32_t)x >> (y & 31);
        if (z > INT32_MAX) s->u.binop.seen |= ST_TYPE_OVERFLOW;
        v = st_number((double)z);
        break;
      }
      }
      r[U(1)] = v;
      return true;
    }
    v = st_ops_arith(vm, op, a, b);
    break;
  }
  }
  if (v == ST_EXCEPTION) return false;
  r[U(1)] = v;
  return true;
}

static int compare(StVM *vm, StOpcode op, StValue a, StValue b) {
  StCompare c = op == ST_OP_LT || op == ST_OP_JLT || op == ST_OP_JNLT   ? ST_CMP_LT
                : op == ST_OP_LE || op == ST_OP_JLE || op == ST_OP_JNLE ? ST_CMP_LE
                : op == ST_OP_GT || op == ST_OP_JGT || op == ST_OP_JNGT ? ST_CMP_GT
                                                                         : ST_CMP_GE;
  if (st_is_int(a) && st_is_int(b)) {
    int32_t x = st_get_int(a), y = st_get_int(b);
    return c == ST_CMP_LT ? x < y : c == ST_CMP_LE ? x <= y : c == ST_CMP_GT ? x > y : x >= y;
  }
  if (st_is_number(a) && st_is_number(b)) {
    double x = st_get_number(a), y = st_get_number(b);
    return c == ST_CMP_LT ? x < y : c == ST_CMP_LE ? x <= y : c == ST_CMP_GT ? x > y : x >= y;
  }
  return st_ops_compare(vm, c, a, b);
}

static bool strict_eq(StVM *vm, StValue a, StValue b) {
  return a == b ? !(st_is_double(a) && st_get_double(a) != st_get_double(a)) : st_ops_strict_equals(vm, a, b);
}

bool st_cnp_rt_supports(uint16_t op) {
  switch ((StOpcode)op) {
  case ST_OP_NOP: case ST_OP_DEBUGGER: case ST_OP_MOV: case ST_OP_LOADK: case ST_OP_LOADI:
  case ST_OP_LOADUNDEF: case ST_OP_LOADNULL: case ST_OP_LOADTRUE: case ST_OP_LOADFALSE:
  case ST_OP_LOADUNINIT: case ST_OP_CHECKTDZ: case ST_OP_CHECKTHIS: case ST_OP_THROWERR:
  case ST_OP_THROW: case ST_OP_GETGLOBAL: case ST_OP_SETGLOBAL: case ST_OP_GETCTX:
  case ST_OP_SETCTX: case ST_OP_GETCTXCHK: case ST_OP_GETPROP: case ST_OP_SETPROP:
  case ST_OP_GETELEM: case ST_OP_SETELEM: case ST_OP_ADD: case ST_OP_SUB: case ST_OP_MUL:
  case ST_OP_DIV: case ST_OP_MOD: case ST_OP_EXP: case ST_OP_BITAND: case ST_OP_BITOR:
  case ST_OP_BITXOR: case ST_OP_SHL: case ST_OP_SAR: case ST_OP_SHR: case ST_OP_ADDI:
  case ST_OP_INC: case ST_OP_DEC: case ST_OP_NEG: case ST_OP_BITNOT: case ST_OP_TONUMBER:
  case ST_OP_NOT: case ST_OP_LT: case ST_OP_LE: case ST_OP_GT: case ST_OP_GE: case ST_OP_SEQ:
  case ST_OP_SNE: case ST_OP_EQ: case ST_OP_NE: case ST_OP_CALL: case ST_OP_NEW:
  case ST_OP_CALLEVAL: case ST_OP_CALLSPREAD: case ST_OP_NEWSPREAD:
  /* conditional jumps (st_cnp_rt_jump) */
  case ST_OP_JTRUE: case ST_OP_JFALSE: case ST_OP_JNULLISH: case ST_OP_JNOTNULLISH:
  case ST_OP_JUNDEF: case ST_OP_JNOTUNDEF: case ST_OP_JLT: case ST_OP_JLE: case ST_OP_JGT:
  case ST_OP_JGE: case ST_OP_JNLT: case ST_OP_JNLE: case ST_OP_JNGT: case ST_OP_JNGE:
  case ST_OP_JSEQ: case ST_OP_JSNE: case ST_OP_JEQ: case ST_OP_JNE:
  /* stencils of their own */
  case ST_OP_JMP: case ST_OP_RET: case ST_OP_RETUNDEF: case ST_OP_LOOPHEAD:
    return true;
  default: return st_interp_step_supports(op) || st_interp_step_jump_supports(op);
  }
}

bool st_cnp_rt_exec(StVM *vm, StFrame *f, uint32_t pcoff) {
  StProto *proto = st_frame_proto(f);
  const uint16_t *pc = proto->code + pcoff;
  StValue *r = st_frame_regs(f);
  const StValue *K = proto->consts;
  StFeedbackVector *fbv = st_feedback_get(vm, proto);
  StOpcode op = (StOpcode)pc[0];
  f->pc = pc;
  switch (op) {
  case ST_OP_NOP: case ST_OP_DEBUGGER: return true;
  case ST_OP_MOV: r[U(1)] = r[U(2)]; return true;
  case ST_OP_LOADK: r[U(1)] = K[U(2)]; return true;
  case ST_OP_LOADI: r[U(1)] = st_int(I32(2)); return true;
  case ST_OP_LOADUNDEF: r[U(1)] = ST_UNDEFINED; return true;
  case ST_OP_LOADNULL: r[U(1)] = ST_NULL; return true;
  case ST_OP_LOADTRUE: r[U(1)] = ST_TRUE; return true;
  case ST_OP_LOADFALSE: r[U(1)] = ST_FALSE; return true;
  case ST_OP_LOADUNINIT: r[U(1)] = ST_UNINIT; return true;
  case ST_OP_CHECKTDZ:
    if (r[U(1)] == ST_UNINIT) {
      st_slowpath_throw_tdz(vm, K[U(2)]);
      return false;
    }
    return true;
  case ST_OP_CHECKTHIS:
    if (r[U(1)] == ST_UNINIT) {
      st_vm_reference_error(vm, "Must call super constructor in derived class before accessing "
                                "'this' or returning from derived constructor");
      return false;
    }
    return true;
  case ST_OP_THROWERR: st_slowpath_throw_error(vm, U(1), K[U(2)]); return false;
  case ST_OP_THROW: st_vm_throw(vm, r[U(1)]); return false;
  case ST_OP_GETGLOBAL: {
    StFeedbackSlot *s = FB(3);
    if (s->u.global.valid && s->u.global.epoch == vm->global_epoch) {
      r[U(1)] = *st_object_slot(vm->global, s->u.global.slot);
      return true;
    }
    StValue v = st_feedback_get_global(vm, s, K[U(2)], false);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_SETGLOBAL: {
    StFeedbackSlot *s = FB(3);
    if (s->u.global.valid && s->u.global.epoch == vm->global_epoch) {
      *st_object_slot(vm->global, s->u.global.slot) = r[U(1)];
      return true;
    }
    return st_feedback_set_global(vm, s, K[U(2)], r[U(1)], proto->flags & ST_PROTO_STRICT) >= 0;
  }
  case ST_OP_GETCTX:
  case ST_OP_SETCTX:
  case ST_OP_GETCTXCHK: {
    StContext *c = st_frame_ctx(f);
    for (uint32_t d = U(2); d; d--) c = c->parent;
    if (op == ST_OP_SETCTX) {
      c->slots[U(3)] = r[U(1)];
      st_gc_write_barrier(vm->heap, &c->hdr, r[U(1)]);
      return true;
    }
    StValue v = c->slots[U(3)];
    if (op == ST_OP_GETCTXCHK && v == ST_UNINIT) {
      st_slowpath_throw_tdz(vm, K[U(4)]);
      return false;
    }
    r[U(1)] = v;
    return true;
  }
  case ST_OP_GETPROP: {
    StValue v = st_feedback_get_prop(vm, FB(4), r[U(2)], K[U(3)]);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_SETPROP:
    return st_feedback_set_prop(vm, FB(4), r[U(1)], K[U(2)], r[U(3)], proto->flags & ST_PROTO_STRICT) >= 0;
  case ST_OP_GETELEM: {
    StValue o = r[U(2)], k = r[U(3)];
    st_feedback_record_elem(FB(4), o, k);
    StValue v = st_value_get_elem(vm, o, k);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_SETELEM: {
    StValue o = r[U(1)], k = r[U(2)], v = r[U(3)];
    st_feedback_record_elem(FB(4), o, k);
    return st_value_set_elem(vm, o, k, v, proto->flags & ST_PROTO_STRICT) >= 0;
  }
  case ST_OP_ADD: case ST_OP_SUB: case ST_OP_MUL: case ST_OP_DIV: case ST_OP_MOD: case ST_OP_EXP:
  case ST_OP_BITAND: case ST_OP_BITOR: case ST_OP_BITXOR: case ST_OP_SHL: case ST_OP_SAR:
  case ST_OP_SHR:
    return arith(vm, pc, r, FB(4));
  case ST_OP_ADDI: {
    StValue a = r[U(2)];
    int32_t imm = (int16_t)U(3), z;
    StFeedbackSlot *s = FB(4);
    if (st_is_int(a)) {
      s->u.binop.seen |= ST_TYPE_INT32;
      if (!__builtin_add_overflow(st_get_int(a), imm, &z)) {
        r[U(1)] = st_int(z);
        return true;
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
    }
    s->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_number(a)) {
      r[U(1)] = st_double(st_get_number(a) + imm);
      return true;
    }
    StValue v = st_ops_add(vm, a, st_int(imm));
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_INC:
  case ST_OP_DEC: {
    StValue a = r[U(2)];
    int32_t delta = op == ST_OP_INC ? 1 : -1, z;
    StFeedbackSlot *s = FB(3);
    if (st_is_int(a)) {
      s->u.binop.seen |= ST_TYPE_INT32;
      if (!__builtin_add_overflow(st_get_int(a), delta, &z)) {
        r[U(1)] = st_int(z);
        return true;
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
    }
    s->u.binop.seen |= st_feedback_type_of(a);
    double d;
    if (!st_ops_to_double(vm, a, &d)) return false;
    r[U(1)] = st_double(d + delta);
    return true;
  }
  case ST_OP_NEG: {
    StValue a = r[U(2)];
    FB(3)->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_int(a) && st_get_int(a) != 0 && st_get_int(a) != INT32_MIN) {
      r[U(1)] = st_int(-st_get_int(a));
      return true;
    }
    double d;
    if (!st_ops_to_double(vm, a, &d)) return false;
    r[U(1)] = st_double(-d);
    return true;
  }
  case ST_OP_BITNOT: {
    StValue a = r[U(2)];
    FB(3)->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_int(a)) {
      r[U(1)] = st_int(~st_get_int(a));
      return true;
    }
    int32_t i;
    if (!st_ops_to_int32(vm, a, &i)) return false;
    r[U(1)] = st_int(~i);
    return true;
  }
  case ST_OP_TONUMBER: {
    StValue a = r[U(2)];
    FB(3)->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_number(a)) {
      r[U(1)] = a;
      return true;
    }
    StValue v = st_ops_to_number(vm, a);
    if (v == ST_EXCEPTION) return false;
    r[U(1)] = v;
    return true;
  }
  case ST_OP_NOT: r[U(1)] = st_bool(!st_value_truthy(r[U(2)])); return true;
  case ST_OP_LT: case ST_OP_LE: case ST_OP_GT: case ST_OP_GE: {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    int res = compare(vm, op, a, b);
    if (res < 0) return false;
    r[U(1)] = st_bool(res);
    return true;
  }
  case ST_OP_SEQ:
  case ST_OP_SNE: {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    r[U(1)] = st_bool(strict_eq(vm, a, b) == (op == ST_OP_SEQ));
    return true;
  }
  case ST_OP_EQ:
  case ST_OP_NE: {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    int res = st_is_int(a) && st_is_int(b) ? a == b : st_ops_loose_equals(vm, a, b);
    if (res < 0) return false;
    r[U(1)] = st_bool(op == ST_OP_EQ ? res : !res);
    return true;
  }
  default:
    if (st_interp_step_supports(op)) {
      bool ok = st_interp_step(vm, f, pc);
      vm->frame = f;
      return ok;
    }
    break;
  }
  st_vm_throw_error(vm, ST_ERROR_ERROR, "internal: baseline cannot execute %s", st_bytecode_info[op].name);
  return false;
}

/* Kept small on purpose (no other locals): its C frame is part of every JS call level made from
 * baseline code. The interpreter's CALL, CALLEVAL, NEW and spread forms, through st_interp_call. */
bool st_cnp_rt_call(StVM *vm, StFrame *f, uint32_t pcoff) {
  const uint16_t *pc = st_frame_proto(f)->code + pcoff;
  StValue *r = st_frame_regs(f) + U(2);
  StFeedbackSlot *s = &((StFeedbackVector *)st_frame_proto(f)->feedback)->slots[pc[st_bytecode_size(pc[0]) - 1]];
  f->pc = pc;
  if (st_is_object(r[0])) st_feedback_record_call(s, st_get_object(r[0]));
  StValue v;
  switch ((StOpcode)pc[0]) {
  case ST_OP_CALL: v = st_interp_call(vm, r[0], r[1], U(3), &r[2], ST_UNDEFINED); break;
  case ST_OP_NEW: v = st_interp_call(vm, r[0], ST_UNDEFINED, U(3), &r[2], r[1]); break;
  case ST_OP_CALLEVAL:
    /* A direct eval when the callee is %eval%, else an ordinary call (interp.c, CALLEVAL). */
    if (st_is_object(r[0]) && st_get_object(r[0]) == vm->intrinsics.Eval) {
      v = U(3) ? r[2] : ST_UNDEFINED;
      if (st_is_string(v)) v = st_slowpath_eval(vm, v, st_frame_proto(f)->consts[U(4)], st_frame_ctx(f));
    } else {
      v = st_interp_call(vm, r[0], r[1], U(3), &r[2], ST_UNDEFINED);
    }
    break;
  default: {
    StObject *args = st_get_object(r[2]);
    bool ctor = pc[0] == ST_OP_NEWSPREAD;
    v = st_interp_call(vm, r[0], ctor ? ST_UNDEFINED : r[1], st_array_length(args),
                       args->elements ? args->elements->data : NULL, ctor ? r[1] : ST_UNDEFINED);
    break;
  }
  }
  vm->frame = f;
  if (v == ST_EXCEPTION) return false;
  st_frame_regs(f)[U(1)] = v;
  return true;
}

int st_cnp_rt_jump(StVM *vm, StFrame *f, uint32_t pcoff) {
  StProto *proto = st_frame_proto(f);
  const uint16_t *pc = proto->code + pcoff;
  StValue *r = st_frame_regs(f);
  StOpcode op = (StOpcode)pc[0];
  f->pc = pc;
  switch (op) {
  case ST_OP_JTRUE:
  case ST_OP_JFALSE: {
    StValue v = r[U(1)];
    bool t = v == ST_TRUE || (v != ST_FALSE && st_value_truthy(v));
    return t == (op == ST_OP_JTRUE);
  }
  case ST_OP_JNULLISH: return st_is_nullish(r[U(1)]);
  case ST_OP_JNOTNULLISH: return !st_is_nullish(r[U(1)]);
  case ST_OP_JUNDEF: return r[U(1)] == ST_UNDEFINED;
  case ST_OP_JNOTUNDEF: return r[U(1)] != ST_UNDEFINED;
  case ST_OP_JLT: case ST_OP_JLE: case ST_OP_JGT: case ST_OP_JGE:
  case ST_OP_JNLT: case ST_OP_JNLE: case ST_OP_JNGT: case ST_OP_JNGE: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    StValue a = r[U(1)], b = r[U(2)];
    RECORD2(FB(5), a, b);
    int res = compare(vm, op, a, b);
    if (res < 0) return -1;
    bool negate = op == ST_OP_JNLT || op == ST_OP_JNLE || op == ST_OP_JNGT || op == ST_OP_JNGE;
    return res != negate;
  }
  case ST_OP_JSEQ:
  case ST_OP_JSNE: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    StValue a = r[U(1)], b = r[U(2)];
    RECORD2(FB(5), a, b);
    return strict_eq(vm, a, b) == (op == ST_OP_JSEQ);
  }
  case ST_OP_JEQ:
  case ST_OP_JNE: {
    StFeedbackVector *fbv = st_feedback_get(vm, proto);
    StValue a = r[U(1)], b = r[U(2)];
    RECORD2(FB(5), a, b);
    int res = st_is_int(a) && st_is_int(b) ? a == b : st_ops_loose_equals(vm, a, b);
    if (res < 0) return -1;
    return (res != 0) == (op == ST_OP_JEQ);
  }
  default:
    if (st_interp_step_jump_supports(op)) {
      int res = st_interp_step_jump(vm, f, pc);
      vm->frame = f;
      return res;
    }
    break;
  }
  st_vm_throw_error(vm, ST_ERROR_ERROR, "internal: baseline cannot execute %s", st_bytecode_info[op].name);
  return -1;
}

StValue st_cnp_rt_loop(StVM *vm, StFrame *f, uint32_t pcoff) {
  /* The stencil has counted the back-edge and found the budget spent (interp.c, LOOPHEAD). */
  if (!vm->hooks.hot) return ST_HOLE;
  const uint16_t *pc = st_frame_proto(f)->code + pcoff;
  f->pc = pc;
  void *osr = vm->hooks.hot(vm, st_frame_function(f), f, pc);
  vm->frame = f;
  if (!osr) return ST_HOLE;
  /* OSR into a higher tier: it takes this frame over at this loop header, registers as they
   * are (the baseline keeps the interpreter layout), and finishes the call. */
  StValue v = ((StCompiledEntry)osr)(vm, f);
  if (v == ST_RESUME) return v;
  vm->frame = f;
  return v;
}
