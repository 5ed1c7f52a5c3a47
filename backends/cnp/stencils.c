/* backends/cnp/stencils.c: the copy-and-patch stencils of the baseline tier.
 *
 * Never linked into anything: the build compiles this file alone (backends/cnp/CMakeLists.txt:
 * -O2 -mcmodel=medium -fno-pic, no stack protector, no unwind tables, one section per
 * function) and cnp_extract turns each `st_stencils_<NAME>` function into bytes plus a patch
 * list in a generated header. At run time cnp.c copies one stencil per bytecode instruction
 * and patches its holes (backends/cnp/cnp_holes.h).
 *
 * Every stencil has the compiled-entry signature StValue (StVM *vm, StFrame *f) and works on
 * the interpreter frame f in place (registers at f + 64 bytes, interp/frame.h), so baseline
 * code needs no frame translation anywhere. A stencil ends in one of:
 *   - a tail call of a CODE hole (CONT, TARGET, SLOW): gcc -O2 turns it into `jmp rel32`
 *     (cnp_extract rejects any stencil where it stays a call); a final `jmp CONT` is dropped
 *     when the next instruction's code follows;
 *   - `return v`: the function returns (RET), or leaves to the interpreter through
 *     st_deopt_exit (FN_EXIT), which returns ST_RESUME.
 * Rules for writing one: no calls except through the FN_* holes, no static data (constants
 * must be immediates), no local functions (everything ST_INLINE), and fast paths free of
 * side effects until they commit, because a fast stencil's SLOW path re-executes the whole
 * instruction generically (st_cnp_rt_exec / st_cnp_rt_jump), exactly as the interpreter does.
 */
#include "backends/cnp/cnp_holes.h"
#include "interp/feedback.h"
#include "interp/frame.h"

#define DECL_SMALL(n) extern char _st_hole_##n[1];
#define DECL_LARGE(n) extern char _st_hole_##n[1 << 24];
#define DECL_CODE(n) extern StValue _st_hole_##n(StVM *vm, StFrame *f);
#define DECL(name, cls) DECL_##cls(name)
ST_CNP_HOLES(DECL)
#undef DECL

/* The hole's value, opaque to the optimizer (see the invariant in cnp_holes.h). */
ST_INLINE uintptr_t hv(const void *p) {
  uintptr_t v = (uintptr_t)p;
  __asm__("" : "+r"(v));
  return v;
}

#define STENCIL(name) StValue st_stencils_##name(StVM *vm, StFrame *f)
/* Register operand n as an lvalue: one mov with a 32-bit displacement. */
#define REG(n) (*(StValue *)((char *)f + (uintptr_t)_st_hole_R##n))
#define CONT() return _st_hole_CONT(vm, f)
#define TARGET() return _st_hole_TARGET(vm, f)
#define SLOW() return _st_hole_SLOW(vm, f)
#define FBSLOT ((StFeedbackSlot *)hv(_st_hole_FB))
#define PCOFF ((uint32_t)hv(_st_hole_PC))

typedef bool (*ExecFn)(StVM *vm, StFrame *f, uint32_t pc);
typedef int (*JumpFn)(StVM *vm, StFrame *f, uint32_t pc);
typedef StValue (*LoopFn)(StVM *vm, StFrame *f, uint32_t pc);
typedef StValue (*ExitFn)(StVM *vm, StFrame *f, void *code, uint32_t exit);

/* Leaves to the interpreter at this instruction (with the exception pending, if any). */
#define EXIT() \
  return ((ExitFn)hv(_st_hole_FN_EXIT))(vm, f, (void *)hv(_st_hole_CODE), (uint32_t)hv(_st_hole_EXIT))

/* --- generic: any instruction, through the runtime (interpreter semantics) --- */

STENCIL(EXEC) {
  if (!((ExecFn)hv(_st_hole_FN_EXEC))(vm, f, PCOFF)) EXIT();
  CONT();
}

/* Calls have a runtime function of their own: a small C frame per JS call level, since each
 * call from baseline code nests a C call (st_interp_call) and deep JS recursion must not run
 * out of C stack much earlier than in the interpreter. */
STENCIL(CALL) {
  if (!((ExecFn)hv(_st_hole_FN_CALL))(vm, f, PCOFF)) EXIT();
  CONT();
}

STENCIL(JUMPC) {
  int res = ((JumpFn)hv(_st_hole_FN_JUMP))(vm, f, PCOFF);
  if (res < 0) EXIT();
  if (res) TARGET();
  CONT();
}

/* The tier check of a loop header (budget exhausted): tier-up, OSR into a higher tier. */
STENCIL(LOOPCHECK) {
  StValue v = ((LoopFn)hv(_st_hole_FN_LOOP))(vm, f, PCOFF);
  if (v == ST_HOLE) CONT();
  if (v == ST_EXCEPTION) EXIT();
  return v;
}

STENCIL(TRAP) {
  (void)vm, (void)f;
  __builtin_trap();
}

/* --- control --- */

STENCIL(JMP) { TARGET(); }
STENCIL(RET) { (void)vm; return REG(1); }
STENCIL(RETUNDEF) { (void)vm, (void)f; return ST_UNDEFINED; }

STENCIL(LOOPHEAD) {
  StProto *p = (StProto *)hv(_st_hole_PROTO);
  FBSLOT->u.loop.count++;
  p->backedges++;
  if (ST_UNLIKELY(--p->tier_budget < 0)) SLOW();
  CONT();
}

/* --- moves and constants --- */

STENCIL(NOP) { CONT(); }
STENCIL(MOV) { REG(1) = REG(2); CONT(); }
STENCIL(LOADK) { REG(1) = (StValue)hv(_st_hole_K); CONT(); }
STENCIL(LOADI) { REG(1) = st_int((int32_t)(uint32_t)hv(_st_hole_U2)); CONT(); }
STENCIL(LOADUNDEF) { REG(1) = ST_UNDEFINED; CONT(); }
STENCIL(LOADNULL) { REG(1) = ST_NULL; CONT(); }
STENCIL(LOADTRUE) { REG(1) = ST_TRUE; CONT(); }
STENCIL(LOADFALSE) { REG(1) = ST_FALSE; CONT(); }
STENCIL(LOADUNINIT) { REG(1) = ST_UNINIT; CONT(); }

/* --- arithmetic: int32 without overflow, and numbers as doubles; anything else (overflow,
 * strings, objects) takes SLOW. The feedback writes are the interpreter's for the same case:
 * INT32 on the int32 path, the two operands' types on the double path. --- */

ST_INLINE uint8_t num_types(StValue a, StValue b) {
  return (uint8_t)((st_is_int(a) ? ST_TYPE_INT32 : ST_TYPE_DOUBLE) | (st_is_int(b) ? ST_TYPE_INT32 : ST_TYPE_DOUBLE));
}

#define ARITH2(name, builtin, op, extra_ok) \
  STENCIL(name) { \
    StValue a = REG(2), b = REG(3); \
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) { \
      int32_t x = st_get_int(a), y = st_get_int(b), z; \
      if (ST_LIKELY(!builtin(x, y, &z)) && ST_LIKELY(extra_ok)) { \
        FBSLOT->u.binop.seen |= ST_TYPE_INT32; \
        REG(1) = st_int(z); \
        CONT(); \
      } \
      SLOW(); \
    } \
    if (ST_LIKELY(st_is_number(a) && st_is_number(b))) { \
      FBSLOT->u.binop.seen |= num_types(a, b); \
      REG(1) = st_double(st_get_number(a) op st_get_number(b)); \
      CONT(); \
    } \
    SLOW(); \
  }
ARITH2(ADD, __builtin_add_overflow, +, 1)
ARITH2(SUB, __builtin_sub_overflow, -, 1)
/* A zero product with a negative factor is -0, not an int32 (the slow path makes it). */
ARITH2(MUL, __builtin_mul_overflow, *, (z != 0 || (x >= 0 && y >= 0)))
#undef ARITH2

#define ARITH1(name, delta) \
  STENCIL(name) { \
    StValue a = REG(2); \
    int32_t z; \
    if (ST_LIKELY(st_is_int(a)) && ST_LIKELY(!__builtin_add_overflow(st_get_int(a), (delta), &z))) { \
      FBSLOT->u.binop.seen |= ST_TYPE_INT32; \
      REG(1) = st_int(z); \
      CONT(); \
    } \
    SLOW(); \
  }
ARITH1(ADDI, (int32_t)(int16_t)(uint16_t)hv(_st_hole_U3))
ARITH1(INC, 1)
ARITH1(DEC, -1)
#undef ARITH1

/* --- comparisons of numbers (RECORD2 of the interpreter: both operands' types) --- */

#define CMP(name, op) \
  STENCIL(name) { \
    StValue a = REG(2), b = REG(3); \
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) { \
      FBSLOT->u.binop.seen |= ST_TYPE_INT32; \
      REG(1) = st_bool(st_get_int(a) op st_get_int(b)); \
      CONT(); \
    } \
    if (st_is_number(a) && st_is_number(b)) { \
      FBSLOT->u.binop.seen |= num_types(a, b); \
      REG(1) = st_bool(st_get_number(a) op st_get_number(b)); \
      CONT(); \
    } \
    SLOW(); \
  }
CMP(LT, <)
CMP(LE, <=)
CMP(GT, >)
CMP(GE, >=)
#undef CMP

/* Fused compare-and-branch: operands 1 and 2, the feedback slot is the F operand. */
#define JCMP(name, op, negate) \
  STENCIL(name) { \
    StValue a = REG(1), b = REG(2); \
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) { \
      FBSLOT->u.binop.seen |= ST_TYPE_INT32; \
      if ((st_get_int(a) op st_get_int(b)) != (negate)) TARGET(); \
      CONT(); \
    } \
    if (st_is_number(a) && st_is_number(b)) { \
      FBSLOT->u.binop.seen |= num_types(a, b); \
      if ((st_get_number(a) op st_get_number(b)) != (negate)) TARGET(); \
      CONT(); \
    } \
    SLOW(); \
  }
JCMP(JLT, <, 0)
JCMP(JLE, <=, 0)
JCMP(JGT, >, 0)
JCMP(JGE, >=, 0)
JCMP(JNLT, <, 1)
JCMP(JNLE, <=, 1)
JCMP(JNGT, >, 1)
JCMP(JNGE, >=, 1)
#undef JCMP

/* --- conditional jumps on booleans (other values: truthiness, generically) --- */

STENCIL(JTRUE) {
  StValue v = REG(1);
  if (v == ST_TRUE) TARGET();
  if (v == ST_FALSE) CONT();
  SLOW();
}

STENCIL(JFALSE) {
  StValue v = REG(1);
  if (v == ST_FALSE) TARGET();
  if (v == ST_TRUE) CONT();
  SLOW();
}

STENCIL(JUNDEF) {
  if (REG(1) == ST_UNDEFINED) TARGET();
  CONT();
}

STENCIL(JNOTUNDEF) {
  if (REG(1) != ST_UNDEFINED) TARGET();
  CONT();
}

STENCIL(JNULLISH) {
  if (st_is_nullish(REG(1))) TARGET();
  CONT();
}

STENCIL(JNOTNULLISH) {
  if (!st_is_nullish(REG(1))) TARGET();
  CONT();
}

/* --- property and variable access: the interpreter's inline-cache hits --- */

STENCIL(GETPROP) {
  StValue o = REG(2);
  if (ST_LIKELY(st_is_object(o))) {
    StObject *obj = st_get_object(o);
    const StFeedbackSlot *s = FBSLOT;
    const StIcEntry *e = &s->u.prop.mono;
    if (ST_LIKELY(s->u.prop.state == ST_IC_MONO && e->shape == obj->shape)) {
      if (ST_LIKELY(e->kind == ST_ICE_OWN)) {
        REG(1) = *st_object_slot(obj, e->slot);
        CONT();
      }
      if (e->kind == ST_ICE_PROTO && e->epoch == vm->proto_epoch) {
        REG(1) = *st_object_slot(e->holder, e->slot);
        CONT();
      }
    }
  }
  SLOW();
}

STENCIL(SETPROP) {
  StValue o = REG(1);
  if (ST_LIKELY(st_is_object(o))) {
    StObject *obj = st_get_object(o);
    const StFeedbackSlot *s = FBSLOT;
    const StIcEntry *e = &s->u.prop.mono;
    if (ST_LIKELY(s->u.prop.state == ST_IC_MONO && e->shape == obj->shape && e->kind == ST_ICE_OWN)) {
      StValue v = REG(3);
      *st_object_slot(obj, e->slot) = v;
      st_gc_write_barrier(vm->heap, &obj->hdr, v);
      CONT();
    }
  }
  SLOW();
}

STENCIL(GETGLOBAL) {
  const StFeedbackSlot *s = FBSLOT;
  if (ST_LIKELY(s->u.global.valid && s->u.global.epoch == vm->global_epoch)) {
    REG(1) = *st_object_slot(vm->global, s->u.global.slot);
    CONT();
  }
  SLOW();
}

STENCIL(SETGLOBAL) {
  const StFeedbackSlot *s = FBSLOT;
  if (ST_LIKELY(s->u.global.valid && s->u.global.epoch == vm->global_epoch)) {
    *st_object_slot(vm->global, s->u.global.slot) = REG(1);
    CONT();
  }
  SLOW();
}

/* Context slots: depth U2 (laundered: it may be 0), slot U3. */
ST_INLINE StContext *ctx_at(StFrame *f, uint32_t depth) {
  StContext *c = st_frame_ctx(f);
  for (; depth; depth--) c = c->parent;
  return c;
}

STENCIL(GETCTX) {
  (void)vm;
  REG(1) = ctx_at(f, (uint32_t)hv(_st_hole_U2))->slots[(uint32_t)hv(_st_hole_U3)];
  CONT();
}

STENCIL(SETCTX) {
  StContext *c = ctx_at(f, (uint32_t)hv(_st_hole_U2));
  StValue v = REG(1);
  c->slots[(uint32_t)hv(_st_hole_U3)] = v;
  st_gc_write_barrier(vm->heap, &c->hdr, v);
  CONT();
}

/* obj[int] on a dense in-bounds element that is not a hole: the interpreter's fast path. The
 * feedback bits are st_feedback_record_elem's for exactly this case (object receiver, neither
 * sparse nor exotic, int32 key in bounds); every other case takes SLOW, which records through
 * st_feedback_record_elem itself. */
ST_STATIC_ASSERT(ST_ELEMFB_INT32 == 1u << (ST_ELEMS_INT32 - 1) && ST_ELEMFB_DOUBLE == 1u << (ST_ELEMS_DOUBLE - 1) &&
                     ST_ELEMFB_GENERIC == 1u << (ST_ELEMS_GENERIC - 1),
                 "element-kind feedback bits follow the elements kinds");

STENCIL(GETELEM) {
  (void)vm;
  StValue o = REG(2), k = REG(3);
  if (ST_LIKELY(st_is_object(o) && st_is_int(k))) {
    StObject *obj = st_get_object(o);
    int32_t i = st_get_int(k);
    StElements *e = obj->elements;
    if (ST_LIKELY(e && i >= 0 && (uint32_t)i < e->length &&
                  !(obj->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC)))) {
      StValue v = e->data[i];
      if (ST_LIKELY(v != ST_HOLE)) {
        uint32_t kind = st_object_elems_kind(obj);
        uint16_t bits = (uint16_t)(kind ? 1u << (kind - 1) : 0);
        if (obj->hdr.kind != ST_KIND_ARRAY) bits |= ST_ELEMFB_NONARRAY;
        if (obj->hdr.flags & ST_OBJECT_HOLEY) bits |= ST_ELEMFB_HOLEY;
        FBSLOT->u.elem.seen |= bits;
        REG(1) = v;
        CONT();
      }
    }
  }
  SLOW();
}

/* obj[int] = v on a dense in-bounds element that is not a hole, when the store leaves the
 * elements kind as it is (st_object_note_element would do nothing: a generic array, an int32
 * into int32-or-wider, a double into double-or-wider); everything else takes SLOW. Feedback
 * bits as in GETELEM, recorded before the store as the interpreter does. */
STENCIL(SETELEM) {
  StValue o = REG(1), k = REG(2), v = REG(3);
  if (ST_LIKELY(st_is_object(o) && st_is_int(k))) {
    StObject *obj = st_get_object(o);
    int32_t i = st_get_int(k);
    StElements *e = obj->elements;
    uint32_t kind = st_object_elems_kind(obj);
    bool same_kind = kind == ST_ELEMS_GENERIC || (st_is_int(v) && kind != ST_ELEMS_NONE) ||
                     (st_is_double(v) && kind == ST_ELEMS_DOUBLE);
    if (ST_LIKELY(e && i >= 0 && (uint32_t)i < e->length && same_kind &&
                  !(obj->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC)) && e->data[i] != ST_HOLE)) {
      uint16_t bits = (uint16_t)(kind ? 1u << (kind - 1) : 0);
      if (obj->hdr.kind != ST_KIND_ARRAY) bits |= ST_ELEMFB_NONARRAY;
      if (obj->hdr.flags & ST_OBJECT_HOLEY) bits |= ST_ELEMFB_HOLEY;
      FBSLOT->u.elem.seen |= bits;
      e->data[i] = v;
      st_gc_write_barrier(vm->heap, &obj->hdr, v);
      CONT();
    }
  }
  SLOW();
}

/* --- small checks and conversions --- */

STENCIL(NOT) {
  StValue v = REG(2);
  if (v == ST_TRUE) { REG(1) = ST_FALSE; CONT(); }
  if (v == ST_FALSE) { REG(1) = ST_TRUE; CONT(); }
  SLOW(); /* truthiness of other values: st_value_truthy */
}

STENCIL(TONUMBER) {
  StValue a = REG(2);
  if (ST_LIKELY(st_is_number(a))) {
    FBSLOT->u.binop.seen |= st_is_int(a) ? ST_TYPE_INT32 : ST_TYPE_DOUBLE;
    REG(1) = a;
    CONT();
  }
  SLOW();
}

STENCIL(CHECKTDZ) {
  if (ST_LIKELY(REG(1) != ST_UNINIT)) CONT();
  SLOW(); /* throws the ReferenceError */
}

STENCIL(GETCTXCHK) {
  StValue v = ctx_at(f, (uint32_t)hv(_st_hole_U2))->slots[(uint32_t)hv(_st_hole_U3)];
  if (ST_LIKELY(v != ST_UNINIT)) {
    REG(1) = v;
    CONT();
  }
  SLOW();
}
