/* interp/interp.c: the dispatch loop.
 *
 * One function, run(), executes interpreted frames until the frame it was entered with
 * returns. Dispatch is by computed goto (labels table generated from ST_BYTECODES), or a
 * switch when built with STRATA_SWITCH_DISPATCH. Each handler decodes its operands from the
 * 16-bit code units following the opcode (frontend/bytecode.h).
 *
 * Hot cases are handled inline: int32 and double arithmetic and comparisons, monomorphic
 * property-cache hits, dense array element access, and JS-to-JS calls (which push a frame and
 * continue in this loop). Everything else calls out to objects/ops.c, interp/feedback.c and
 * interp/slowpath.c. Before any call out that can throw or inspect the stack, the handler
 * saves pc into the frame (SAVE_PC), so stack traces and exception handlers see the right
 * instruction.
 *
 * Exceptions: a failing helper leaves the exception pending on the VM and the handler jumps to
 * `exception`, which searches the handler table of the current frame, then of its callers,
 * popping frames, until a handler is found or the entry frame is popped (run() then returns
 * ST_EXCEPTION to its C caller).
 */
#include "interp/interp.h"

#include "interp/async.h"
#include "interp/feedback.h"
#include "interp/slowpath.h"
#include "interp/step.h"
#include "objects/ops.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { DEFAULT_STACK_VALUES = 1u << 20 }; /* 8 MB of registers, committed lazily */

/* ------------------------------------------------------------------------------------------ */
/* Frames                                                                                     */

/* Pushes a frame for calling JS function fn. Returns NULL (RangeError pending) on stack
 * overflow. argv may point into the caller's registers (below vm->stack_top). */
static StFrame *push_frame(StVM *vm, StFrame *caller, StFunction *fn, StValue this_val,
                           uint32_t argc, const StValue *argv, StValue new_target,
                           uint16_t ret_reg, uint16_t flags) {
  StProto *p = fn->proto;
  StValue *base = vm->stack_top;
  size_t need = ST_FRAME_WORDS + p->nregs;
  if (ST_UNLIKELY(base + need > vm->stack_limit)) {
    st_vm_range_error(vm, "Maximum call stack size exceeded");
    return NULL;
  }
  StFrame *nf = (StFrame *)base;
  nf->callee = st_object_value(&fn->obj);
  nf->ctx = fn->ctx ? st_cell_value(fn->ctx) : ST_UNDEFINED;
  nf->new_target = new_target;
  nf->args = ST_UNDEFINED;
  nf->aux = ST_UNDEFINED;
  nf->caller = caller;
  nf->pc = p->code;
  nf->flags = flags;
  nf->ret_reg = ret_reg;
  nf->argc = argc;
  StValue *r = st_frame_regs(nf);
  uint32_t np = p->nparams, n = argc < np ? argc : np;
  r[0] = this_val;
  for (uint32_t i = 0; i < n; i++) r[1 + i] = argv[i];
  for (uint32_t i = 1 + n; i < p->nregs; i++) r[i] = ST_UNDEFINED;
  vm->stack_top = base + need;
  /* From here on the frame is fully initialized: allocation is safe. */
  if (ST_UNLIKELY(!(p->flags & ST_PROTO_STRICT)) && !st_is_object(this_val) &&
      !(p->flags & ST_PROTO_ARROW)) {
    StValue t = st_slowpath_coerce_this(vm, this_val);
    if (t == ST_EXCEPTION) {
      vm->stack_top = base;
      return NULL;
    }
    r[0] = t;
  }
  if (p->flags & ST_PROTO_NEEDS_ARGS) {
    StObject *a = st_array_from(vm, argc, argv);
    if (!a) {
      vm->stack_top = base;
      return NULL;
    }
    nf->args = st_object_value(a);
  }
  if (p->flags & ST_PROTO_ASYNC) {
    /* The async function's result promise exists before its body runs. */
    StValue promise = vm->hooks.promise_new(vm);
    if (promise == ST_EXCEPTION) {
      vm->stack_top = base;
      return NULL;
    }
    nf->aux = promise;
    nf->flags |= ST_FRAME_ASYNC;
  }
  return nf;
}

/* Entering a handler: the registers that the abandoned code used (StHandler) become
 * undefined. Registers are traced without liveness, so otherwise a catch that drops
 * everything the try built (the usual way to survive running out of heap) still finds the
 * heap full: the try block's locals and temporaries keep it reachable until they are reused.
 * Compiled code takes the same path: an exception in it exits to this unwinder with the
 * frame rebuilt (tiers/deopt.c). */
static void clear_dead_registers(StValue *r, const StHandler *h, uint32_t nregs) {
  uint32_t hi = h->dead_hi < nregs ? h->dead_hi : nregs;
  for (uint32_t i = h->dead_lo; i < hi; i++) r[i] = ST_UNDEFINED;
  for (uint32_t i = h->temps_lo; i < nregs; i++) r[i] = ST_UNDEFINED;
}

/* ------------------------------------------------------------------------------------------ */
/* The loop                                                                                   */

static StValue run(StVM *vm, StFrame *f, bool throwing);
static StValue run_loop(StVM *vm, StFrame *entry, bool throwing, StFrame **resume);

/* Runs the dispatch loop from frame f until the entry frame returns. The loop leaves early,
 * with *resume set, when it enters a catch handler after an allocation failed (heap
 * exhaustion): its own frame is then dead, and st_gc_scrub_stack zeroes it with the dead
 * frames below it, so that stale words there (a local of some handler that last held the
 * garbage, a returned native's frame) do not pin what the program dropped in the next
 * conservative scan. The loop then continues at the handler. run_loop must not be inlined:
 * its frame must lie below this one.
 * Known gap: code that runs after the scrub in the same loop activation leaves fresh stale
 * words in its frame. A catch block that reads what the try built (e.g. `big.length`) before
 * dropping it can leave that object pinned until the slot is reused (measured in Debug
 * builds, where every case's locals have slots of their own). The sound fix is a precise
 * dispatch loop: one that holds no cell only in a C local across anything that can collect,
 * so that the scan can skip its frames. */
static StValue run(StVM *vm, StFrame *f, bool throwing) {
  for (;;) {
    StFrame *resume = NULL;
    StValue v = run_loop(vm, f, throwing, &resume);
    if (!resume) return v;
    /* The deopt buffer, traced whole, still holds the values of the last compiled exit (the
     * exception exit that brought us here, typically), which the rebuilt frames already took. */
    for (uint32_t i = 0; i < vm->deopt_buffer_cap; i++) vm->deopt_buffer[i] = ST_UNDEFINED;
    st_gc_scrub_stack(vm->heap, vm->c_stack_limit);
    f = resume;
    throwing = false;
  }
}

StValue st_interp_resume(StVM *vm, StFrame *f) { return run(vm, f, false); }

StValue st_interp_resume_throw(StVM *vm, StFrame *f, StValue exc) {
  st_vm_throw(vm, exc);
  return run(vm, f, true);
}

#ifdef STRATA_SWITCH_DISPATCH
#define CASE(name) case ST_OP_##name
#define DISPATCH() goto dispatch
#else
#define CASE(name) L_##name
#define DISPATCH() goto *labels[*pc]
#endif

#define NEXT(n) \
  do { \
    pc += (n); \
    DISPATCH(); \
  } while (0)
#define SIZE(name) (st_bytecode_info[ST_OP_##name].size)
#define U(k) (pc[k])
#define I32(k) st_bytecode_i32(pc + (k))
#define SAVE_PC() (f->pc = pc)
#define THROW_IF(cond) \
  do { \
    if (ST_UNLIKELY(cond)) goto exception; \
  } while (0)
#define FB(k) (&fbv->slots[U(k)])
/* A rare instruction, executed out of line by interp/step.c (shared with compiled code). */
#define STEP(name) \
  do { \
    SAVE_PC(); \
    bool ok_ = st_interp_step(vm, f, pc); \
    vm->frame = f; \
    THROW_IF(!ok_); \
    NEXT(SIZE(name)); \
  } while (0)

/* Reloads the cached state of the current frame after f changes. */
#define LOAD_FRAME() \
  do { \
    vm->frame = f; \
    r = st_frame_regs(f); \
    proto = st_frame_proto(f); \
    K = proto->consts; \
    fbv = st_feedback_get(vm, proto); \
  } while (0)

ST_NOINLINE static StValue run_loop(StVM *vm, StFrame *entry, bool throwing, StFrame **resume) {
#ifndef STRATA_SWITCH_DISPATCH
  static const void *const labels[ST_OP_COUNT] = {
#define ST_OP_LABEL(name, fmt, fb, flags) &&L_##name,
      ST_BYTECODES(ST_OP_LABEL)
#undef ST_OP_LABEL
  };
#endif
  StFrame *f = entry;
  const uint16_t *pc = f->pc;
  StValue *r;
  StProto *proto;
  StValue *K;
  StFeedbackVector *fbv;
  StFrame *saved_frame = vm->frame;
  StValue ret;
  LOAD_FRAME();
  if (throwing) goto exception;
  DISPATCH();

#ifdef STRATA_SWITCH_DISPATCH
dispatch:
  switch ((StOpcode)*pc) {
#endif

  CASE(NOP) : NEXT(SIZE(NOP));
  CASE(DEBUGGER) : NEXT(SIZE(DEBUGGER));

  CASE(MOV) : r[U(1)] = r[U(2)]; NEXT(SIZE(MOV));
  CASE(LOADK) : r[U(1)] = K[U(2)]; NEXT(SIZE(LOADK));
  CASE(LOADI) : r[U(1)] = st_int(I32(2)); NEXT(SIZE(LOADI));
  CASE(LOADUNDEF) : r[U(1)] = ST_UNDEFINED; NEXT(SIZE(LOADUNDEF));
  CASE(LOADNULL) : r[U(1)] = ST_NULL; NEXT(SIZE(LOADNULL));
  CASE(LOADTRUE) : r[U(1)] = ST_TRUE; NEXT(SIZE(LOADTRUE));
  CASE(LOADFALSE) : r[U(1)] = ST_FALSE; NEXT(SIZE(LOADFALSE));
  CASE(LOADUNINIT) : r[U(1)] = ST_UNINIT; NEXT(SIZE(LOADUNINIT));

  CASE(CHECKTDZ) : {
    if (ST_UNLIKELY(r[U(1)] == ST_UNINIT)) {
      SAVE_PC();
      st_slowpath_throw_tdz(vm, K[U(2)]);
      goto exception;
    }
    NEXT(SIZE(CHECKTDZ));
  }
  CASE(CHECKTHIS) : {
    if (ST_UNLIKELY(r[U(1)] == ST_UNINIT)) {
      SAVE_PC();
      st_vm_reference_error(vm, "Must call super constructor in derived class before accessing "
                                "'this' or returning from derived constructor");
      goto exception;
    }
    NEXT(SIZE(CHECKTHIS));
  }
  CASE(THROWERR) : {
    SAVE_PC();
    st_slowpath_throw_error(vm, U(1), K[U(2)]);
    goto exception;
  }

  /* --- globals --- */
  CASE(GETGLOBAL) : {
    StFeedbackSlot *s = FB(3);
    if (ST_LIKELY(s->u.global.valid && s->u.global.epoch == vm->global_epoch)) {
      r[U(1)] = *st_object_slot(vm->global, s->u.global.slot);
      NEXT(SIZE(GETGLOBAL));
    }
    SAVE_PC();
    StValue v = st_feedback_get_global(vm, s, K[U(2)], false);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(GETGLOBAL));
  }
  CASE(GETGLOBALTYPEOF) : STEP(GETGLOBALTYPEOF);
  CASE(SETGLOBAL) : {
    StFeedbackSlot *s = FB(3);
    if (ST_LIKELY(s->u.global.valid && s->u.global.epoch == vm->global_epoch)) {
      *st_object_slot(vm->global, s->u.global.slot) = r[U(1)];
      NEXT(SIZE(SETGLOBAL));
    }
    SAVE_PC();
    THROW_IF(st_feedback_set_global(vm, s, K[U(2)], r[U(1)], proto->flags & ST_PROTO_STRICT) < 0);
    NEXT(SIZE(SETGLOBAL));
  }
  CASE(DECLVAR) : STEP(DECLVAR);
  CASE(DECLFUNC) : STEP(DECLFUNC);
  CASE(DELGLOBAL) : STEP(DELGLOBAL);

  /* --- contexts --- */
  CASE(GETCTX) : {
    StContext *c = st_frame_ctx(f);
    for (uint32_t d = U(2); d; d--) c = c->parent;
    r[U(1)] = c->slots[U(3)];
    NEXT(SIZE(GETCTX));
  }
  CASE(SETCTX) : {
    StContext *c = st_frame_ctx(f);
    for (uint32_t d = U(2); d; d--) c = c->parent;
    c->slots[U(3)] = r[U(1)];
    st_gc_write_barrier(vm->heap, &c->hdr, r[U(1)]);
    NEXT(SIZE(SETCTX));
  }
  CASE(GETCTXCHK) : {
    StContext *c = st_frame_ctx(f);
    for (uint32_t d = U(2); d; d--) c = c->parent;
    StValue v = c->slots[U(3)];
    if (ST_UNLIKELY(v == ST_UNINIT)) {
      SAVE_PC();
      st_slowpath_throw_tdz(vm, K[U(4)]);
      goto exception;
    }
    r[U(1)] = v;
    NEXT(SIZE(GETCTXCHK));
  }
  CASE(SETCTXCHK) : {
    StContext *c = st_frame_ctx(f);
    for (uint32_t d = U(2); d; d--) c = c->parent;
    if (ST_UNLIKELY(c->slots[U(3)] == ST_UNINIT)) {
      SAVE_PC();
      st_slowpath_throw_tdz(vm, K[U(4)]);
      goto exception;
    }
    c->slots[U(3)] = r[U(1)];
    st_gc_write_barrier(vm->heap, &c->hdr, r[U(1)]);
    NEXT(SIZE(SETCTXCHK));
  }
  CASE(PUSHCTX) : {
    SAVE_PC();
    StContext *c = st_function_new_context(vm, st_frame_ctx(f), U(1));
    THROW_IF(!c);
    f->ctx = st_cell_value(c);
    NEXT(SIZE(PUSHCTX));
  }
  CASE(POPCTX) : {
    StContext *c = st_frame_ctx(f)->parent;
    f->ctx = c ? st_cell_value(c) : ST_UNDEFINED;
    NEXT(SIZE(POPCTX));
  }
  CASE(COPYCTX) : STEP(COPYCTX);
  CASE(SAVECTX) : r[U(1)] = f->ctx; NEXT(SIZE(SAVECTX));
  CASE(RESTORECTX) : f->ctx = r[U(1)]; NEXT(SIZE(RESTORECTX));

  /* --- properties --- */
  CASE(GETPROP) : {
    StValue o = r[U(2)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_object(o))) {
      StObject *obj = st_get_object(o);
      const StIcEntry *e = &s->u.prop.mono;
      if (ST_LIKELY(s->u.prop.state == ST_IC_MONO && e->shape == obj->shape)) {
        if (ST_LIKELY(e->kind == ST_ICE_OWN)) {
          r[U(1)] = *st_object_slot(obj, e->slot);
          NEXT(SIZE(GETPROP));
        }
        if (e->kind == ST_ICE_PROTO && e->epoch == vm->proto_epoch) {
          r[U(1)] = *st_object_slot(e->holder, e->slot);
          NEXT(SIZE(GETPROP));
        }
      }
    }
    SAVE_PC();
    StValue v = st_feedback_get_prop(vm, s, o, K[U(3)]);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(GETPROP));
  }
  CASE(SETPROP) : {
    StValue o = r[U(1)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_object(o))) {
      StObject *obj = st_get_object(o);
      const StIcEntry *e = &s->u.prop.mono;
      if (ST_LIKELY(s->u.prop.state == ST_IC_MONO && e->shape == obj->shape &&
                    e->kind == ST_ICE_OWN)) {
        *st_object_slot(obj, e->slot) = r[U(3)];
        st_gc_write_barrier(vm->heap, &obj->hdr, r[U(3)]);
        NEXT(SIZE(SETPROP));
      }
    }
    SAVE_PC();
    THROW_IF(st_feedback_set_prop(vm, s, o, K[U(2)], r[U(3)], proto->flags & ST_PROTO_STRICT) < 0);
    NEXT(SIZE(SETPROP));
  }
  CASE(GETELEM) : {
    StValue o = r[U(2)], k = r[U(3)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_object(o) && st_is_int(k))) {
      StObject *obj = st_get_object(o);
      int32_t i = st_get_int(k);
      StElements *e = obj->elements;
      if (ST_LIKELY(e && i >= 0 && (uint32_t)i < e->length &&
                    !(obj->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC)))) {
        StValue v = e->data[i];
        if (ST_LIKELY(v != ST_HOLE)) {
          st_feedback_record_elem(s, o, k);
          r[U(1)] = v;
          NEXT(SIZE(GETELEM));
        }
      }
    }
    st_feedback_record_elem(s, o, k);
    SAVE_PC();
    StValue v = st_value_get_elem(vm, o, k);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(GETELEM));
  }
  CASE(SETELEM) : {
    StValue o = r[U(1)], k = r[U(2)], v = r[U(3)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_object(o) && st_is_int(k))) {
      StObject *obj = st_get_object(o);
      int32_t i = st_get_int(k);
      StElements *e = obj->elements;
      if (ST_LIKELY(e && i >= 0 && !(obj->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC)))) {
        if ((uint32_t)i < e->length && e->data[i] != ST_HOLE) {
          st_feedback_record_elem(s, o, k);
          e->data[i] = v;
          st_object_note_element(obj, v);
          st_gc_write_barrier(vm->heap, &obj->hdr, v);
          NEXT(SIZE(SETELEM));
        }
        /* Appending to a packed array: the common way arrays grow. */
        if ((uint32_t)i == e->length && (uint32_t)i < e->capacity &&
            obj->hdr.kind == ST_KIND_ARRAY && (uint32_t)i == obj->hdr.aux &&
            (obj->hdr.flags & ST_OBJECT_EXTENSIBLE) && !(obj->hdr.flags & ST_OBJECT_LENGTH_RO)) {
          st_feedback_record_elem(s, o, k);
          e->data[i] = v;
          e->length = (uint32_t)i + 1;
          obj->hdr.aux = (uint32_t)i + 1;
          st_object_note_element(obj, v);
          st_gc_write_barrier(vm->heap, &obj->hdr, v);
          NEXT(SIZE(SETELEM));
        }
      }
    }
    st_feedback_record_elem(s, o, k);
    SAVE_PC();
    THROW_IF(st_value_set_elem(vm, o, k, v, proto->flags & ST_PROTO_STRICT) < 0);
    NEXT(SIZE(SETELEM));
  }
  CASE(DELPROP) : STEP(DELPROP);
  CASE(IN) : STEP(IN);
  CASE(INSTANCEOF) : {
    SAVE_PC();
    StFeedbackSlot *s = FB(4);
    StValue c = r[U(3)];
    if (st_is_object(c)) {
      if (!s->u.instanceof.ctor) s->u.instanceof.ctor = st_get_object(c);
      else if (s->u.instanceof.ctor != st_get_object(c)) s->u.instanceof.mega = 1;
    }
    int res = st_ops_instance_of(vm, r[U(2)], c);
    THROW_IF(res < 0);
    r[U(1)] = st_bool(res);
    NEXT(SIZE(INSTANCEOF));
  }
  CASE(DEFPROP) : {
    SAVE_PC();
    THROW_IF(st_feedback_define_prop(vm, FB(4), st_get_object(r[U(1)]), K[U(2)], r[U(3)]) < 0);
    NEXT(SIZE(DEFPROP));
  }
  CASE(DEFELEM) : STEP(DEFELEM);
  CASE(DEFMETHOD) : STEP(DEFMETHOD);
  CASE(DEFACCESSOR) : STEP(DEFACCESSOR);
  CASE(DEFFIELD) : STEP(DEFFIELD);
  CASE(COPYPROPS) : STEP(COPYPROPS);
  CASE(OBJREST) : STEP(OBJREST);
  CASE(GETSUPER) : STEP(GETSUPER);
  CASE(SETSUPER) : STEP(SETSUPER);
  CASE(SETPROTO) : STEP(SETPROTO);

  /* --- arithmetic --- */
#define RECORD2(s, a, b) ((s)->u.binop.seen |= (uint8_t)(st_feedback_type_of(a) | st_feedback_type_of(b)))
#define ARITH_SLOW(opname, call) \
  { \
    SAVE_PC(); \
    StValue v_ = (call); \
    THROW_IF(v_ == ST_EXCEPTION); \
    r[U(1)] = v_; \
    NEXT(SIZE(opname)); \
  }

  CASE(ADD) : {
    StValue a = r[U(2)], b = r[U(3)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) {
      int32_t z;
      s->u.binop.seen |= ST_TYPE_INT32;
      if (ST_LIKELY(!__builtin_add_overflow(st_get_int(a), st_get_int(b), &z))) {
        r[U(1)] = st_int(z);
        NEXT(SIZE(ADD));
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = st_double((double)st_get_int(a) + st_get_int(b));
      NEXT(SIZE(ADD));
    }
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      r[U(1)] = st_double(st_get_number(a) + st_get_number(b));
      NEXT(SIZE(ADD));
    }
    ARITH_SLOW(ADD, st_ops_add(vm, a, b));
  }
  CASE(SUB) : {
    StValue a = r[U(2)], b = r[U(3)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) {
      int32_t z;
      s->u.binop.seen |= ST_TYPE_INT32;
      if (ST_LIKELY(!__builtin_sub_overflow(st_get_int(a), st_get_int(b), &z))) {
        r[U(1)] = st_int(z);
        NEXT(SIZE(SUB));
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = st_double((double)st_get_int(a) - st_get_int(b));
      NEXT(SIZE(SUB));
    }
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      r[U(1)] = st_double(st_get_number(a) - st_get_number(b));
      NEXT(SIZE(SUB));
    }
    ARITH_SLOW(SUB, st_ops_arith(vm, ST_ARITH_SUB, a, b));
  }
  CASE(MUL) : {
    StValue a = r[U(2)], b = r[U(3)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) {
      int32_t x = st_get_int(a), y = st_get_int(b), z;
      s->u.binop.seen |= ST_TYPE_INT32;
      /* A zero product with a negative factor is -0, not an int32. */
      if (ST_LIKELY(!__builtin_mul_overflow(x, y, &z) && (z != 0 || (x >= 0 && y >= 0)))) {
        r[U(1)] = st_int(z);
        NEXT(SIZE(MUL));
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = st_double((double)x * (double)y);
      NEXT(SIZE(MUL));
    }
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      r[U(1)] = st_double(st_get_number(a) * st_get_number(b));
      NEXT(SIZE(MUL));
    }
    ARITH_SLOW(MUL, st_ops_arith(vm, ST_ARITH_MUL, a, b));
  }
  CASE(DIV) : {
    StValue a = r[U(2)], b = r[U(3)];
    StFeedbackSlot *s = FB(4);
    RECORD2(s, a, b);
    if (ST_LIKELY(st_is_number(a) && st_is_number(b))) {
      StValue v = st_number(st_get_number(a) / st_get_number(b));
      if (st_is_int(a) && st_is_int(b) && !st_is_int(v)) s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = v;
      NEXT(SIZE(DIV));
    }
    ARITH_SLOW(DIV, st_ops_arith(vm, ST_ARITH_DIV, a, b));
  }
  CASE(MOD) : {
    StValue a = r[U(2)], b = r[U(3)];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) {
      int32_t x = st_get_int(a), y = st_get_int(b);
      s->u.binop.seen |= ST_TYPE_INT32;
      if (ST_LIKELY(x >= 0 && y > 0)) {
        r[U(1)] = st_int(x % y);
        NEXT(SIZE(MOD));
      }
    }
    RECORD2(s, a, b);
    if (st_is_number(a) && st_is_number(b)) {
      StValue v = st_number(st_ops_mod(st_get_number(a), st_get_number(b)));
      if (st_is_int(a) && st_is_int(b) && !st_is_int(v)) s->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = v;
      NEXT(SIZE(MOD));
    }
    ARITH_SLOW(MOD, st_ops_arith(vm, ST_ARITH_MOD, a, b));
  }
  CASE(EXP) : {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    if (st_is_number(a) && st_is_number(b)) {
      r[U(1)] = st_number(st_ops_pow(st_get_number(a), st_get_number(b)));
      NEXT(SIZE(EXP));
    }
    ARITH_SLOW(EXP, st_ops_arith(vm, ST_ARITH_EXP, a, b));
  }
#define BITOP(name, arith, expr) \
  CASE(name) : { \
    StValue a = r[U(2)], b = r[U(3)]; \
    RECORD2(FB(4), a, b); \
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) { \
      int32_t x = st_get_int(a), y = st_get_int(b); \
      r[U(1)] = (expr); \
      NEXT(SIZE(name)); \
    } \
    ARITH_SLOW(name, st_ops_arith(vm, arith, a, b)); \
  }
  BITOP(BITAND, ST_ARITH_AND, st_int(x & y))
  BITOP(BITOR, ST_ARITH_OR, st_int(x | y))
  BITOP(BITXOR, ST_ARITH_XOR, st_int(x ^ y))
  BITOP(SHL, ST_ARITH_SHL, st_int((int32_t)((uint32_t)x << (y & 31))))
  BITOP(SAR, ST_ARITH_SAR, st_int(x >> (y & 31)))
#undef BITOP
  /* x >>> y is a uint32: at or above 2^31 it is no int32, which the speculative tiers must
   * learn (ST_TYPE_OVERFLOW) or they guard on an int32 result and deopt again after every
   * recompile. */
  CASE(SHR) : {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) {
      uint32_t z = (uint32_t)st_get_int(a) >> (st_get_int(b) & 31);
      if (ST_UNLIKELY(z > INT32_MAX)) FB(4)->u.binop.seen |= ST_TYPE_OVERFLOW;
      r[U(1)] = st_number((double)z);
      NEXT(SIZE(SHR));
    }
    ARITH_SLOW(SHR, st_ops_arith(vm, ST_ARITH_SHR, a, b));
  }

  CASE(ADDI) : {
    StValue a = r[U(2)];
    int32_t imm = (int16_t)U(3), z;
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_int(a))) {
      s->u.binop.seen |= ST_TYPE_INT32;
      if (ST_LIKELY(!__builtin_add_overflow(st_get_int(a), imm, &z))) {
        r[U(1)] = st_int(z);
        NEXT(SIZE(ADDI));
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
    }
    s->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_number(a)) {
      r[U(1)] = st_double(st_get_number(a) + imm);
      NEXT(SIZE(ADDI));
    }
    ARITH_SLOW(ADDI, st_ops_add(vm, a, st_int(imm)));
  }
  CASE(INC) :
  CASE(DEC) : {
    StValue a = r[U(2)];
    int32_t delta = *pc == ST_OP_INC ? 1 : -1, z;
    StFeedbackSlot *s = FB(3);
    if (ST_LIKELY(st_is_int(a))) {
      s->u.binop.seen |= ST_TYPE_INT32;
      if (ST_LIKELY(!__builtin_add_overflow(st_get_int(a), delta, &z))) {
        r[U(1)] = st_int(z);
        NEXT(SIZE(INC));
      }
      s->u.binop.seen |= ST_TYPE_OVERFLOW;
    }
    s->u.binop.seen |= st_feedback_type_of(a);
    SAVE_PC();
    double d;
    THROW_IF(!st_ops_to_double(vm, a, &d));
    r[U(1)] = st_double(d + delta);
    NEXT(SIZE(INC));
  }
  CASE(NEG) : {
    StValue a = r[U(2)];
    StFeedbackSlot *s = FB(3);
    s->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_int(a) && st_get_int(a) != 0 && st_get_int(a) != INT32_MIN) {
      r[U(1)] = st_int(-st_get_int(a));
      NEXT(SIZE(NEG));
    }
    SAVE_PC();
    double d;
    THROW_IF(!st_ops_to_double(vm, a, &d));
    r[U(1)] = st_double(-d);
    NEXT(SIZE(NEG));
  }
  CASE(BITNOT) : {
    StValue a = r[U(2)];
    FB(3)->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_int(a)) {
      r[U(1)] = st_int(~st_get_int(a));
      NEXT(SIZE(BITNOT));
    }
    SAVE_PC();
    int32_t i;
    THROW_IF(!st_ops_to_int32(vm, a, &i));
    r[U(1)] = st_int(~i);
    NEXT(SIZE(BITNOT));
  }
  CASE(TONUMBER) : {
    StValue a = r[U(2)];
    FB(3)->u.binop.seen |= st_feedback_type_of(a);
    if (st_is_number(a)) {
      r[U(1)] = a;
      NEXT(SIZE(TONUMBER));
    }
    ARITH_SLOW(TONUMBER, st_ops_to_number(vm, a));
  }
  CASE(NOT) : r[U(1)] = st_bool(!st_value_truthy(r[U(2)])); NEXT(SIZE(NOT));
  CASE(TYPEOF) : r[U(1)] = st_string_value(st_ops_typeof(vm, r[U(2)])); NEXT(SIZE(TYPEOF));
  CASE(TOSTRING) : {
    StValue a = r[U(2)];
    if (st_is_string(a)) {
      r[U(1)] = a;
      NEXT(SIZE(TOSTRING));
    }
    SAVE_PC();
    StString *str = st_ops_to_string(vm, a);
    THROW_IF(!str);
    r[U(1)] = st_string_value(str);
    NEXT(SIZE(TOSTRING));
  }
  CASE(TOPROPKEY) : STEP(TOPROPKEY);
  CASE(CONCAT) : STEP(CONCAT);

  /* --- comparisons --- */
#define CMP_FAST(name, op, cmpenum) \
  CASE(name) : { \
    StValue a = r[U(2)], b = r[U(3)]; \
    RECORD2(FB(4), a, b); \
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) { \
      r[U(1)] = st_bool(st_get_int(a) op st_get_int(b)); \
      NEXT(SIZE(name)); \
    } \
    if (st_is_number(a) && st_is_number(b)) { \
      r[U(1)] = st_bool(st_get_number(a) op st_get_number(b)); \
      NEXT(SIZE(name)); \
    } \
    SAVE_PC(); \
    int res_ = st_ops_compare(vm, cmpenum, a, b); \
    THROW_IF(res_ < 0); \
    r[U(1)] = st_bool(res_); \
    NEXT(SIZE(name)); \
  }
  CMP_FAST(LT, <, ST_CMP_LT)
  CMP_FAST(LE, <=, ST_CMP_LE)
  CMP_FAST(GT, >, ST_CMP_GT)
  CMP_FAST(GE, >=, ST_CMP_GE)
#undef CMP_FAST
  CASE(SEQ) : {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    r[U(1)] = st_bool(a == b ? !(st_is_double(a) && st_get_double(a) != st_get_double(a))
                             : st_ops_strict_equals(vm, a, b));
    NEXT(SIZE(SEQ));
  }
  CASE(SNE) : {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    r[U(1)] = st_bool(!(a == b ? !(st_is_double(a) && st_get_double(a) != st_get_double(a))
                               : st_ops_strict_equals(vm, a, b)));
    NEXT(SIZE(SNE));
  }
  CASE(EQ) :
  CASE(NE) : {
    StValue a = r[U(2)], b = r[U(3)];
    RECORD2(FB(4), a, b);
    int res;
    if (st_is_int(a) && st_is_int(b)) {
      res = a == b;
    } else {
      SAVE_PC();
      res = st_ops_loose_equals(vm, a, b);
      THROW_IF(res < 0);
    }
    r[U(1)] = st_bool(*pc == ST_OP_EQ ? res : !res);
    NEXT(SIZE(EQ));
  }

  /* --- jumps --- */
  CASE(JMP) : pc += I32(1); DISPATCH();
  CASE(JTRUE) : {
    StValue v = r[U(1)];
    bool t = v == ST_TRUE || (v != ST_FALSE && st_value_truthy(v));
    if (t) {
      pc += I32(2);
      DISPATCH();
    }
    NEXT(SIZE(JTRUE));
  }
  CASE(JFALSE) : {
    StValue v = r[U(1)];
    bool t = v == ST_TRUE || (v != ST_FALSE && st_value_truthy(v));
    if (!t) {
      pc += I32(2);
      DISPATCH();
    }
    NEXT(SIZE(JFALSE));
  }
  CASE(JNULLISH) : if (st_is_nullish(r[U(1)])) { pc += I32(2); DISPATCH(); } NEXT(SIZE(JNULLISH));
  CASE(JNOTNULLISH) : if (!st_is_nullish(r[U(1)])) { pc += I32(2); DISPATCH(); } NEXT(SIZE(JNOTNULLISH));
  CASE(JUNDEF) : if (r[U(1)] == ST_UNDEFINED) { pc += I32(2); DISPATCH(); } NEXT(SIZE(JUNDEF));
  CASE(JNOTUNDEF) : if (r[U(1)] != ST_UNDEFINED) { pc += I32(2); DISPATCH(); } NEXT(SIZE(JNOTUNDEF));

#define JCMP(name, op, cmpenum, negate) \
  CASE(name) : { \
    StValue a = r[U(1)], b = r[U(2)]; \
    int res_; \
    RECORD2(FB(5), a, b); \
    if (ST_LIKELY(st_is_int(a) && st_is_int(b))) { \
      res_ = st_get_int(a) op st_get_int(b); \
    } else if (st_is_number(a) && st_is_number(b)) { \
      res_ = st_get_number(a) op st_get_number(b); \
    } else { \
      SAVE_PC(); \
      res_ = st_ops_compare(vm, cmpenum, a, b); \
      THROW_IF(res_ < 0); \
    } \
    if (res_ != (negate)) { \
      pc += I32(3); \
      DISPATCH(); \
    } \
    NEXT(SIZE(name)); \
  }
  JCMP(JLT, <, ST_CMP_LT, 0)
  JCMP(JLE, <=, ST_CMP_LE, 0)
  JCMP(JGT, >, ST_CMP_GT, 0)
  JCMP(JGE, >=, ST_CMP_GE, 0)
  JCMP(JNLT, <, ST_CMP_LT, 1)
  JCMP(JNLE, <=, ST_CMP_LE, 1)
  JCMP(JNGT, >, ST_CMP_GT, 1)
  JCMP(JNGE, >=, ST_CMP_GE, 1)
#undef JCMP
  CASE(JSEQ) :
  CASE(JSNE) : {
    StValue a = r[U(1)], b = r[U(2)];
    RECORD2(FB(5), a, b);
    bool eq = a == b ? !(st_is_double(a) && st_get_double(a) != st_get_double(a))
                     : st_ops_strict_equals(vm, a, b);
    if (eq == (*pc == ST_OP_JSEQ)) {
      pc += I32(3);
      DISPATCH();
    }
    NEXT(SIZE(JSEQ));
  }
  CASE(JEQ) :
  CASE(JNE) : {
    StValue a = r[U(1)], b = r[U(2)];
    RECORD2(FB(5), a, b);
    int res;
    if (st_is_int(a) && st_is_int(b)) {
      res = a == b;
    } else {
      SAVE_PC();
      res = st_ops_loose_equals(vm, a, b);
      THROW_IF(res < 0);
    }
    if ((res != 0) == (*pc == ST_OP_JEQ)) {
      pc += I32(3);
      DISPATCH();
    }
    NEXT(SIZE(JEQ));
  }
  CASE(LOOPHEAD) : {
    FB(1)->u.loop.count++;
    proto->backedges++;
    if (ST_UNLIKELY(--proto->tier_budget < 0) && vm->hooks.hot) {
      SAVE_PC();
      void *osr = vm->hooks.hot(vm, st_frame_function(f), f, pc);
      if (osr) {
        /* OSR: compiled code takes over this frame at this loop header. */
        StValue v = ((StCompiledEntry)osr)(vm, f);
        if (v == ST_RESUME) {
          f = vm->frame;
          pc = f->pc;
          LOAD_FRAME();
          if (st_vm_has_exception(vm)) goto exception;
          DISPATCH();
        }
        vm->frame = f;
        THROW_IF(v == ST_EXCEPTION);
        ret = v;
        goto do_return;
      }
    }
    NEXT(SIZE(LOOPHEAD));
  }

  /* --- calls --- */
  CASE(CALL) : {
    uint32_t base = U(2), argc = U(3);
    StValue callee = r[base];
    StFeedbackSlot *s = FB(4);
    if (ST_LIKELY(st_is_object(callee))) {
      StObject *fo = st_get_object(callee);
      st_feedback_record_call(s, fo);
      if (ST_LIKELY(fo->hdr.kind == ST_KIND_FUNCTION && !(fo->hdr.flags & ST_OBJECT_CLASS_CTOR))) {
        StFunction *fn = (StFunction *)fo;
        StProto *cp = fn->proto;
        SAVE_PC();
        cp->calls++;
        if (ST_UNLIKELY(--cp->tier_budget < 0) && vm->hooks.hot) vm->hooks.hot(vm, fn, NULL, NULL);
        StFrame *nf = push_frame(vm, f, fn, r[base + 1], argc, &r[base + 2], ST_UNDEFINED,
                                 (uint16_t)U(1), 0);
        THROW_IF(!nf);
        if (cp->entry) {
          vm->frame = nf;
          StValue v = ((StCompiledEntry)cp->entry)(vm, nf);
          if (v != ST_RESUME) {
            vm->stack_top = (StValue *)nf;
            vm->frame = f;
            THROW_IF(v == ST_EXCEPTION);
            r[U(1)] = v;
            NEXT(SIZE(CALL));
          }
          /* Deoptimized: continue in the innermost rebuilt frame (inlined callees get
           * frames of their own); a pending exception unwinds from there. */
          f = vm->frame;
          pc = f->pc;
          LOAD_FRAME();
          if (st_vm_has_exception(vm)) goto exception;
          DISPATCH();
        }
        f = nf;
        pc = f->pc;
        LOAD_FRAME();
        DISPATCH();
      }
      if (fo->hdr.kind == ST_KIND_NATIVE_FUNCTION) {
        SAVE_PC();
        StCallInfo ci = {fo, r[base + 1], ST_UNDEFINED, argc, &r[base + 2]};
        StValue v = ((StNativeFunction *)fo)->fn(vm, &ci);
        vm->frame = f;
        THROW_IF(v == ST_EXCEPTION);
        r[U(1)] = v;
        NEXT(SIZE(CALL));
      }
    }
    SAVE_PC();
    StValue v = st_interp_call(vm, callee, r[base + 1], argc, &r[base + 2], ST_UNDEFINED);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(CALL));
  }
  CASE(CALLEVAL) : {
    /* A direct eval when the callee is %eval%; else an ordinary call. */
    uint32_t base = U(2), argc = U(3);
    StValue callee = r[base];
    SAVE_PC();
    if (st_is_object(callee)) st_feedback_record_call(FB(5), st_get_object(callee));
    StValue v;
    if (st_is_object(callee) && st_get_object(callee) == vm->intrinsics.Eval) {
      v = argc ? r[base + 2] : ST_UNDEFINED;
      if (st_is_string(v))
        v = st_slowpath_eval_from(vm, v, K[U(4)], st_frame_ctx(f), r[0],
                                  st_frame_function(f)->home_object);
    } else {
      v = st_interp_call(vm, callee, r[base + 1], argc, &r[base + 2], ST_UNDEFINED);
    }
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(CALLEVAL));
  }
  CASE(CALLSPREAD) : {
    uint32_t base = U(2);
    SAVE_PC();
    StValue callee = r[base];
    if (st_is_object(callee)) st_feedback_record_call(FB(3), st_get_object(callee));
    StObject *args = st_get_object(r[base + 2]);
    StValue v = st_interp_call(vm, callee, r[base + 1], st_array_length(args),
                               args->elements ? args->elements->data : NULL, ST_UNDEFINED);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(CALLSPREAD));
  }
  CASE(NEW) : {
    uint32_t base = U(2), argc = U(3);
    SAVE_PC();
    StValue callee = r[base];
    if (st_is_object(callee)) st_feedback_record_call(FB(4), st_get_object(callee));
    StValue v = st_interp_call(vm, callee, ST_UNDEFINED, argc, &r[base + 2], r[base + 1]);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(NEW));
  }
  CASE(NEWSPREAD) : {
    uint32_t base = U(2);
    SAVE_PC();
    StValue callee = r[base];
    if (st_is_object(callee)) st_feedback_record_call(FB(3), st_get_object(callee));
    StObject *args = st_get_object(r[base + 2]);
    StValue v = st_interp_call(vm, callee, ST_UNDEFINED, st_array_length(args),
                               args->elements ? args->elements->data : NULL, r[base + 1]);
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(NEWSPREAD));
  }
  CASE(SUPERCALL) : {
    uint32_t base = U(2), argc = U(3);
    SAVE_PC();
    StValue v = st_slowpath_super_call(vm, r[base], r[base + 1], argc, &r[base + 2]);
    vm->frame = f;
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(SUPERCALL));
  }
  CASE(SUPERCALLSPREAD) : {
    uint32_t base = U(2);
    SAVE_PC();
    StObject *args = st_get_object(r[base + 2]);
    StValue v = st_slowpath_super_call(vm, r[base], r[base + 1], st_array_length(args),
                                       args->elements ? args->elements->data : NULL);
    vm->frame = f;
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(SUPERCALLSPREAD));
  }
  CASE(BINDTHIS) : STEP(BINDTHIS);
  CASE(CALLNATIVE) : {
    SAVE_PC();
    const StNativeSyntax *table = vm->hooks.natives;
    StValue v = table[U(2)].fn(vm, U(4), &r[U(3)]);
    vm->frame = f;
    THROW_IF(v == ST_EXCEPTION);
    r[U(1)] = v;
    NEXT(SIZE(CALLNATIVE));
  }
  CASE(RETUNDEF) : ret = ST_UNDEFINED; goto do_return;
  CASE(RET) : ret = r[U(1)]; goto do_return;
  do_return : {
    if (ST_UNLIKELY(f->flags & (ST_FRAME_CONSTRUCT | ST_FRAME_ASYNC))) {
      SAVE_PC();
      if (f->flags & ST_FRAME_CONSTRUCT) {
        ret = st_slowpath_construct_result(vm, f, ret);
        /* The TypeError of a bad derived-constructor result is thrown by the [[Construct]]
         * call, after the body returned: no handler of the body may catch it. */
        if (ST_UNLIKELY(ret == ST_EXCEPTION)) goto exception_in_caller;
      }
      if (f->flags & ST_FRAME_ASYNC) {
        THROW_IF(!vm->hooks.promise_resolve(vm, f->aux, ret));
        ret = f->aux;
      }
    }
  pop_and_return:;
    StFrame *caller = f->caller;
    bool was_entry = (f->flags & ST_FRAME_ENTRY) != 0;
    uint16_t rr = f->ret_reg;
    vm->stack_top = (StValue *)f;
    if (was_entry) {
      vm->frame = saved_frame;
      return ret;
    }
    f = caller;
    pc = f->pc;
    LOAD_FRAME();
    r[rr] = ret;
    pc += st_bytecode_size(*pc);
    DISPATCH();
  }

  /* --- functions, classes, objects, arrays --- */
  CASE(CLOSURE) : {
    SAVE_PC();
    StProto *cp = st_get_cell(K[U(2)]);
    StFunction *fn = st_function_new_closure(vm, cp, st_frame_ctx(f));
    THROW_IF(!fn);
    if (cp->flags & ST_PROTO_ARROW) fn->home_object = st_frame_function(f)->home_object;
    r[U(1)] = st_object_value(&fn->obj);
    NEXT(SIZE(CLOSURE));
  }
  CASE(CLASS) : STEP(CLASS);
  CASE(SETFIELDS) : STEP(SETFIELDS);
  CASE(SETHOME) : STEP(SETHOME);
  CASE(NEWOBJECT) : {
    SAVE_PC();
    StObject *o = st_feedback_new_object(vm, FB(3), U(2));
    THROW_IF(!o);
    r[U(1)] = st_object_value(o);
    NEXT(SIZE(NEWOBJECT));
  }
  CASE(NEWARRAY) : {
    SAVE_PC();
    StObject *a = st_array_new(vm, U(2));
    THROW_IF(!a);
    r[U(1)] = st_object_value(a);
    NEXT(SIZE(NEWARRAY));
  }
  CASE(ARRAYFROM) : {
    SAVE_PC();
    StObject *a = st_array_from(vm, U(3), &r[U(2)]);
    THROW_IF(!a);
    r[U(1)] = st_object_value(a);
    NEXT(SIZE(ARRAYFROM));
  }
  CASE(ARRAYPUSH) : {
    SAVE_PC();
    THROW_IF(!st_array_push(vm, st_get_object(r[U(1)]), r[U(2)]));
    NEXT(SIZE(ARRAYPUSH));
  }
  CASE(ARRAYHOLE) : STEP(ARRAYHOLE);
  CASE(ARRAYSPREAD) : STEP(ARRAYSPREAD);
  CASE(ARGUMENTS) : STEP(ARGUMENTS);
  CASE(REST) : STEP(REST);
  CASE(NEWTARGET) : r[U(1)] = f->new_target; NEXT(SIZE(NEWTARGET));
  CASE(THISFUNC) : r[U(1)] = f->callee; NEXT(SIZE(THISFUNC));

  /* --- iteration --- */
  CASE(GETITER) : {
    SAVE_PC();
    THROW_IF(!st_slowpath_get_iterator(vm, FB(3), r[U(2)], &r[U(1)]));
    NEXT(SIZE(GETITER));
  }
  CASE(ITERNEXT) : {
    StValue *rec = &r[U(2)];
    /* Fast path: a plain array iterated by index (see st_slowpath_get_iterator). */
    if (st_is_int(rec[1])) {
      StObject *a = st_get_object(rec[0]);
      uint32_t i = (uint32_t)st_get_int(rec[1]);
      if (i < st_array_length(a)) {
        StValue v = st_object_dense_get(a, i);
        if (v == ST_HOLE) {
          SAVE_PC();
          v = st_object_get_index(vm, a, i, rec[0]);
          THROW_IF(v == ST_EXCEPTION);
        }
        r[U(1)] = v;
        rec[1] = st_int((int32_t)i + 1);
        NEXT(SIZE(ITERNEXT));
      }
      rec[1] = st_int(INT32_MAX); /* exhausted: stays done if resumed */
      pc += I32(3);
      DISPATCH();
    }
    SAVE_PC();
    StValue v;
    int res = st_slowpath_iter_next(vm, rec, &v);
    THROW_IF(res < 0);
    if (!res) {
      pc += I32(3);
      DISPATCH();
    }
    r[U(1)] = v;
    NEXT(SIZE(ITERNEXT));
  }
  CASE(ITERCLOSE) : STEP(ITERCLOSE);
  CASE(ITERCLOSEQUIET) : STEP(ITERCLOSEQUIET);
  CASE(FORINPREP) : STEP(FORINPREP);
  CASE(FORINNEXT) : {
    SAVE_PC();
    StValue k;
    int res = st_slowpath_forin_next(vm, r[U(2)], &k);
    THROW_IF(res < 0);
    if (!res) {
      pc += I32(3);
      DISPATCH();
    }
    r[U(1)] = k;
    NEXT(SIZE(FORINNEXT));
  }

  /* --- exceptions and async --- */
  CASE(THROW) : {
    SAVE_PC();
    st_vm_throw(vm, r[U(1)]);
    goto exception;
  }
  CASE(AWAIT) : {
    SAVE_PC();
    THROW_IF(!st_async_suspend(vm, f, r[U(2)]));
    /* The frame now lives in the suspended cell: pop it and hand the result promise to the
     * caller (the first time) or back to the job runner (after a resumption). */
    ret = f->aux;
    goto pop_and_return;
  }

#ifdef STRATA_SWITCH_DISPATCH
  default: ST_UNREACHABLE();
  }
#endif

exception_in_caller : {
  StFrame *caller = f->caller;
  bool was_entry = (f->flags & ST_FRAME_ENTRY) != 0;
  vm->stack_top = (StValue *)f;
  if (was_entry) {
    vm->frame = saved_frame;
    return ST_EXCEPTION;
  }
  f = caller;
  goto exception;
}
exception : {
  /* f->pc is the throwing instruction. Find a handler here or in a caller. */
  for (;;) {
    StProto *p = st_frame_proto(f);
    uint32_t off = (uint32_t)(f->pc - p->code);
    const StHandler *h = NULL;
    for (uint32_t i = 0; i < p->nhandlers; i++) {
      if (off >= p->handlers[i].start && off < p->handlers[i].end) {
        h = &p->handlers[i];
        break;
      }
    }
    if (h) {
      pc = p->code + h->handler;
      LOAD_FRAME();
      if (h->ctx_reg != ST_REG_NONE) f->ctx = r[h->ctx_reg];
      clear_dead_registers(r, h, p->nregs);
      r[h->exc_reg] = st_vm_take_exception(vm);
      if (ST_UNLIKELY(st_gc_take_failure(vm->heap))) {
        /* Out of memory (or another failed allocation) on the way here: see run(). */
        f->pc = pc;
        vm->frame = saved_frame;
        *resume = f;
        return ST_UNDEFINED;
      }
      DISPATCH();
    }
    if (f->flags & ST_FRAME_ASYNC) {
      /* An exception leaving an async function rejects its promise; the call itself
       * completes normally with that promise. */
      StValue exc = st_vm_take_exception(vm);
      if (vm->hooks.promise_reject(vm, f->aux, exc)) {
        pc = f->pc;
        LOAD_FRAME();
        ret = f->aux;
        goto pop_and_return;
      }
      /* Out of memory while rejecting: that error unwinds further, as any exception. */
    }
    StFrame *caller = f->caller;
    bool was_entry = (f->flags & ST_FRAME_ENTRY) != 0;
    vm->stack_top = (StValue *)f;
    if (was_entry) {
      vm->frame = saved_frame;
      return ST_EXCEPTION;
    }
    f = caller;
  }
}
}

/* ------------------------------------------------------------------------------------------ */
/* Entry points                                                                               */

StValue st_interp_call(StVM *vm, StValue fnv, StValue this_val, uint32_t argc,
                       const StValue *argv, StValue new_target) {
  bool construct = new_target != ST_UNDEFINED;
  if (!st_vm_check_c_stack(vm)) return ST_EXCEPTION;
  /* The argument array of the previous bound level, while argv points into it: kept in memory
   * (volatile) so the conservative stack scan sees it when the next level allocates. */
  StObject *volatile bound_args = NULL;
  for (;;) {
    if (!st_is_object(fnv) || !st_object_is_callable(st_get_object(fnv)) ||
        (construct && !(st_get_object(fnv)->hdr.flags & ST_OBJECT_CONSTRUCTOR)))
      return st_slowpath_not_callable(vm, fnv, construct);
    StObject *fo = st_get_object(fnv);
    switch (fo->hdr.kind) {
    case ST_KIND_NATIVE_FUNCTION: {
      StCallInfo ci = {fo, this_val, new_target, argc, argv};
      StFrame *saved = vm->frame;
      StValue v = ((StNativeFunction *)fo)->fn(vm, &ci);
      vm->frame = saved;
      return v;
    }
    case ST_KIND_BOUND_FUNCTION: {
      StBoundFunction *b = (StBoundFunction *)fo;
      if (b->nargs) {
        /* Prepend the bound arguments; the buffer lives in a GC-visible array. */
        StObject *all = st_array_new(vm, b->nargs + argc);
        if (!all) return ST_EXCEPTION;
        for (uint32_t i = 0; i < b->nargs; i++) all->elements->data[i] = b->args[i];
        for (uint32_t i = 0; i < argc; i++) all->elements->data[b->nargs + i] = argv[i];
        all->elements->length = all->hdr.aux = b->nargs + argc;
        argc += b->nargs;
        argv = all->elements->data;
        bound_args = all;
        (void)bound_args;
      }
      if (construct && st_get_object(new_target) == fo) new_target = b->target;
      if (!construct) this_val = b->bound_this;
      fnv = b->target;
      continue;
    }
    case ST_KIND_FUNCTION: {
      StFunction *fn = (StFunction *)fo;
      if ((fo->hdr.flags & ST_OBJECT_CLASS_CTOR) && !construct) {
        char n[160];
        return st_vm_type_error(vm, "Class constructor %s cannot be invoked without 'new'",
                                st_function_debug_name(vm, fo, n, sizeof n));
      }
      uint16_t flags = ST_FRAME_ENTRY;
      if (construct) {
        this_val = st_slowpath_construct_this(vm, fn, new_target);
        if (this_val == ST_EXCEPTION) return ST_EXCEPTION;
        flags |= ST_FRAME_CONSTRUCT;
      }
      fn->proto->calls++;
      if (--fn->proto->tier_budget < 0 && vm->hooks.hot) vm->hooks.hot(vm, fn, NULL, NULL);
      StFrame *nf = push_frame(vm, vm->frame, fn, this_val, argc, argv, new_target, 0, flags);
      if (!nf) return ST_EXCEPTION;
      if (construct && this_val != ST_UNINIT && (fn->proto->flags & ST_PROTO_HAS_FIELDS)) {
        if (!st_slowpath_init_fields(vm, fn, this_val)) {
          vm->stack_top = (StValue *)nf;
          return ST_EXCEPTION;
        }
      }
      if (fn->proto->entry) {
        StFrame *saved = vm->frame;
        vm->frame = nf;
        StValue v = ((StCompiledEntry)fn->proto->entry)(vm, nf);
        if (v != ST_RESUME) {
          vm->frame = saved;
          vm->stack_top = (StValue *)nf;
          if (v != ST_EXCEPTION && construct) v = st_slowpath_construct_result(vm, nf, v);
          return v;
        }
        /* Deoptimized: the interpreter continues in the innermost rebuilt frame, whose
         * caller chain leads back to nf (the entry frame of this call). */
        StFrame *inner = vm->frame;
        vm->frame = saved;
        return run(vm, inner, st_vm_has_exception(vm));
      }
      return run(vm, nf, false);
    }
    default: return st_slowpath_not_callable(vm, fnv, construct);
    }
  }
}

StValue st_interp_run_script(StVM *vm, StProto *script) {
  StFunction *fn = st_function_new_closure(vm, script, NULL);
  if (!fn) return ST_EXCEPTION;
  StFrame *nf = push_frame(vm, vm->frame, fn, st_object_value(vm->global), 0, NULL, ST_UNDEFINED, 0,
                           ST_FRAME_ENTRY);
  if (!nf) return ST_EXCEPTION;
  return run(vm, nf, false);
}

/* ------------------------------------------------------------------------------------------ */
/* Stack traces                                                                               */

/* One line: the function (callee, a closure of proto p) at bytecode offset pc. */
static void append_frame_line(StVM *vm, StStringBuilder *b, StValue callee, StProto *p, uint32_t pc,
                              bool construct) {
  uint32_t line, col;
  st_function_position(p, pc, &line, &col);
  char buf[512], name[200];
  const char *file = p->source ? p->source->filename : "<anonymous>";
  if (p->flags & ST_PROTO_SCRIPT) {
    snprintf(buf, sizeof buf, "\n    at %s:%u:%u", file, line, col);
  } else {
    st_function_debug_name(vm, st_get_object(callee), name, sizeof name);
    snprintf(buf, sizeof buf, "\n    at %s%s (%s:%u:%u)", construct ? "new " : "", name, file, line,
             col);
  }
  st_string_builder_add_cstr(b, buf);
}

enum { STACK_TRACE_LIMIT = 10 }; /* V8's Error.stackTraceLimit default */

/* The frames as the interpreter would have them: a frame running optimized code, stopped at a
 * call made from code inlined into it, stands for the inlined levels too (the tiers' hook lists
 * them from the call's snapshot, found through the frame's site word: interp/frame.h),
 * innermost first, each counted against the limit. Inlined levels are calls, never
 * constructions (only CALL is inlined). */
StString *st_interp_capture_stack(StVM *vm) {
  StStringBuilder b;
  st_string_builder_init(vm, &b);
  int n = 0;
  for (StFrame *f = vm->frame; f && n < STACK_TRACE_LIMIT; f = f->caller) {
    if (vm->hooks.inlined_frames && !(f->flags & ST_FRAME_ASYNC) && f->aux != ST_UNDEFINED) {
      StVMInlinedLevel lv[STACK_TRACE_LIMIT];
      uint32_t k = vm->hooks.inlined_frames(vm, f, lv, (uint32_t)(STACK_TRACE_LIMIT - n));
      for (uint32_t i = 0; i < k; i++, n++) {
        StFunction *fn = (StFunction *)st_get_object(lv[i].callee);
        append_frame_line(vm, &b, lv[i].callee, fn->proto, lv[i].pc, false);
      }
      if (n >= STACK_TRACE_LIMIT) break;
    }
    append_frame_line(vm, &b, f->callee, st_frame_proto(f), st_frame_pc_offset(f),
                      (f->flags & ST_FRAME_CONSTRUCT) != 0);
    n++;
  }
  return st_string_builder_finish(&b);
}

void st_interp_print_stack(StVM *vm, FILE *out) {
  StString *s = st_interp_capture_stack(vm);
  if (!s) return;
  char *u = st_string_to_utf8(vm, s, NULL);
  if (u) fprintf(out, "%s\n", u + (u[0] == '\n'));
  free(u);
}

/* ------------------------------------------------------------------------------------------ */
/* Set-up                                                                                     */

static StValue call_hook(StVM *vm, StValue fn, StValue this_val, uint32_t argc,
                         const StValue *argv, StValue new_target) {
  return st_interp_call(vm, fn, this_val, argc, argv, new_target);
}

void st_interp_init(StVM *vm) {
  size_t n = vm->flags.stack_size > 0 ? (size_t)vm->flags.stack_size : DEFAULT_STACK_VALUES;
  void *mem = mmap(NULL, n * sizeof(StValue), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ST_CHECK(mem != MAP_FAILED, "cannot reserve the VM register stack (%zu values)", n);
  vm->stack_base = vm->stack_top = mem;
  vm->stack_limit = vm->stack_base + n;
  vm->hooks.call = call_hook;
  vm->hooks.capture_stack = st_interp_capture_stack;
  vm->hooks.trace_proto = st_feedback_trace;
  vm->hooks.free_proto = st_feedback_free;
  st_async_init(vm);
}

void st_interp_free(StVM *vm) {
  if (vm->stack_base) munmap(vm->stack_base, (size_t)(vm->stack_limit - vm->stack_base) * sizeof(StValue));
  vm->stack_base = vm->stack_top = vm->stack_limit = NULL;
}
