/* tests/unit/test_interp.c: the interpreter on hand-assembled bytecode (independent of the
 * parser and compiler): arithmetic fast paths and overflow, loops, calls and recursion,
 * property caches, exceptions and handlers, contexts (closures), arrays, stack overflow. */
#include "builtins/builtins.h"
#include "frontend/emit.h"
#include "interp/feedback.h"
#include "interp/interp.h"
#include "tests/unit/check.h"

#include <math.h>

static StVM *vm;

/* Finishes an emitter into a proto. */
static StProto *make_proto(StEmitter *e, uint16_t nparams, uint32_t flags, const char *name) {
  StProto *p = st_function_new_proto(vm);
  ST_EXPECT(p != NULL);
  p->nparams = nparams;
  p->length = nparams;
  p->flags = flags | ST_PROTO_STRICT;
  p->name = st_string_intern_cstr(vm, name);
  ST_EXPECT(st_emit_finish(e, p));
  st_emit_free(e);
  return p;
}

static StValue run(StProto *p, uint32_t argc, StValue *argv) {
  StFunction *f = st_function_new_closure(vm, p, NULL);
  return st_interp_call(vm, st_object_value(&f->obj), ST_UNDEFINED, argc, argv, ST_UNDEFINED);
}

/* sum(n): s = 0; for (i = 0; i < n; i++) s += i; return s */
static StProto *sum_proto(void) {
  StEmitter e;
  st_emit_init(&e, vm, 2); /* r0 this, r1 n */
  uint32_t s = st_emit_local(&e), i = st_emit_local(&e);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)s, 0);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)i, 0);
  StLabel top, cond;
  st_emit_label_init(&top);
  st_emit_label_init(&cond);
  st_emit_jump(&e, &cond, ST_OP_JMP);
  st_emit_loop_head(&e, &top);
  st_emit_op(&e, ST_OP_ADD, (int32_t)s, (int32_t)s, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_INC, (int32_t)i, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_bind(&e, &cond);
  st_emit_jump(&e, &top, ST_OP_JLT, (int32_t)i, 1, (int32_t)st_emit_feedback(&e, ST_FB_COMPARE));
  st_emit_op(&e, ST_OP_RET, (int32_t)s);
  st_emit_label_free(&top);
  st_emit_label_free(&cond);
  return make_proto(&e, 1, 0, "sum");
}

static void test_loop_and_overflow(void) {
  StProto *p = sum_proto();
  StValue n = st_int(100);
  StValue r = run(p, 1, &n);
  ST_EXPECT(r == st_int(4950));
  /* 100000 * 99999 / 2 overflows int32: the result becomes a double. */
  n = st_int(100000);
  r = run(p, 1, &n);
  ST_EXPECT(st_is_double(r) && st_get_double(r) == 4999950000.0);
  StFeedbackVector *fb = p->feedback;
  /* slot 0 is the loop header's, slot 1 the ADD's */
  ST_EXPECT(fb && (fb->slots[1].u.binop.seen & ST_TYPE_OVERFLOW));
  ST_EXPECT(fb->slots[1].u.binop.seen & ST_TYPE_DOUBLE);
  ST_EXPECT(fb->slots[0].u.loop.count >= 100000);
  ST_EXPECT(p->backedges >= 100000);
}

/* fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2), calling itself through a constant closure. */
static StProto *fib_proto(StValue *self_slot) {
  StEmitter e;
  st_emit_init(&e, vm, 2);
  uint32_t base = st_emit_temps(&e, 3), t1 = st_emit_temp(&e), t2 = st_emit_temp(&e);
  StLabel rec;
  st_emit_label_init(&rec);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)t1, 2);
  st_emit_jump(&e, &rec, ST_OP_JNLT, 1, (int32_t)t1, (int32_t)st_emit_feedback(&e, ST_FB_COMPARE));
  st_emit_op(&e, ST_OP_RET, 1);
  st_emit_bind(&e, &rec);
  uint32_t k = st_emit_const(&e, *self_slot); /* the closure, patched below */
  st_emit_op(&e, ST_OP_LOADK, (int32_t)base, (int32_t)k);
  st_emit_op(&e, ST_OP_LOADUNDEF, (int32_t)base + 1);
  st_emit_op(&e, ST_OP_ADDI, (int32_t)base + 2, 1, -1, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_CALL, (int32_t)t1, (int32_t)base, 1, (int32_t)st_emit_feedback(&e, ST_FB_CALL));
  st_emit_op(&e, ST_OP_LOADK, (int32_t)base, (int32_t)k);
  st_emit_op(&e, ST_OP_ADDI, (int32_t)base + 2, 1, -2, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_CALL, (int32_t)t2, (int32_t)base, 1, (int32_t)st_emit_feedback(&e, ST_FB_CALL));
  st_emit_op(&e, ST_OP_ADD, (int32_t)t1, (int32_t)t1, (int32_t)t2, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_RET, (int32_t)t1);
  st_emit_label_free(&rec);
  return make_proto(&e, 1, 0, "fib");
}

static void test_recursion(void) {
  StValue placeholder = ST_UNDEFINED;
  StProto *p = fib_proto(&placeholder);
  StFunction *f = st_function_new_closure(vm, p, NULL);
  p->consts[0] = st_object_value(&f->obj); /* the function calls itself */
  StValue n = st_int(20);
  StValue r = st_interp_call(vm, st_object_value(&f->obj), ST_UNDEFINED, 1, &n, ST_UNDEFINED);
  ST_EXPECT(r == st_int(6765));
  /* Runaway recursion: RangeError, catchable, and the VM stack is back where it was. */
  StValue *top = vm->stack_top;
  n = st_int(100000000);
  r = st_interp_call(vm, st_object_value(&f->obj), ST_UNDEFINED, 1, &n, ST_UNDEFINED);
  ST_EXPECT(r == ST_EXCEPTION);
  StValue exc = st_vm_take_exception(vm);
  ST_EXPECT(st_is_object(exc) && st_object_proto(st_get_object(exc)) == vm->intrinsics.RangeErrorPrototype);
  ST_EXPECT(vm->stack_top == top);
}

/* get(o) = o.x + o.y through inline caches, for two shapes (polymorphic). */
static void test_property_caches(void) {
  StEmitter e;
  st_emit_init(&e, vm, 2);
  uint32_t a = st_emit_temp(&e), b = st_emit_temp(&e);
  uint32_t kx = st_emit_const(&e, st_string_value(st_string_intern_cstr(vm, "x")));
  uint32_t ky = st_emit_const(&e, st_string_value(st_string_intern_cstr(vm, "y")));
  st_emit_op(&e, ST_OP_GETPROP, (int32_t)a, 1, (int32_t)kx, (int32_t)st_emit_feedback(&e, ST_FB_PROP));
  st_emit_op(&e, ST_OP_GETPROP, (int32_t)b, 1, (int32_t)ky, (int32_t)st_emit_feedback(&e, ST_FB_PROP));
  st_emit_op(&e, ST_OP_ADD, (int32_t)a, (int32_t)a, (int32_t)b, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_RET, (int32_t)a);
  StProto *p = make_proto(&e, 1, 0, "get");
  StValue x = st_string_value(st_string_intern_cstr(vm, "x"));
  StValue y = st_string_value(st_string_intern_cstr(vm, "y"));
  StObject *o1 = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  st_object_add(vm, o1, x, st_int(1), ST_ATTR_DEFAULT);
  st_object_add(vm, o1, y, st_int(2), ST_ATTR_DEFAULT);
  StObject *o2 = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  st_object_add(vm, o2, y, st_int(20), ST_ATTR_DEFAULT);
  st_object_add(vm, o2, x, st_int(10), ST_ATTR_DEFAULT);
  StValue v1 = st_object_value(o1), v2 = st_object_value(o2);
  for (int i = 0; i < 3; i++) {
    ST_EXPECT(run(p, 1, &v1) == st_int(3));
    ST_EXPECT(run(p, 1, &v2) == st_int(30));
  }
  StFeedbackVector *fb = p->feedback;
  ST_EXPECT_EQ_INT(fb->slots[0].u.prop.state, ST_IC_POLY);
  /* A property on the prototype is found through a cached proto entry, and a change to the
   * prototype invalidates it. */
  StObject *proto = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  st_object_add(vm, proto, x, st_int(100), ST_ATTR_DEFAULT);
  StObject *o3 = st_object_new(vm, proto, 4);
  st_object_add(vm, o3, y, st_int(5), ST_ATTR_DEFAULT);
  StValue v3 = st_object_value(o3);
  ST_EXPECT(run(p, 1, &v3) == st_int(105));
  ST_EXPECT(run(p, 1, &v3) == st_int(105));
  st_object_set(vm, proto, x, st_int(200), st_object_value(proto), true);
  ST_EXPECT(run(p, 1, &v3) == st_int(205));
  st_object_add(vm, o3, x, st_int(1), ST_ATTR_DEFAULT); /* shadowing: new shape */
  ST_EXPECT(run(p, 1, &v3) == st_int(6));
}

/* try { throw 7 } catch (e) { return e + 1 } */
static void test_exceptions(void) {
  StEmitter e;
  st_emit_init(&e, vm, 1);
  uint32_t t = st_emit_temp(&e), exc = st_emit_temp(&e);
  uint32_t start = st_emit_pc(&e);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)t, 7);
  st_emit_op(&e, ST_OP_THROW, (int32_t)t);
  uint32_t end = st_emit_pc(&e);
  uint32_t handler = st_emit_pc(&e);
  st_emit_op(&e, ST_OP_ADDI, (int32_t)t, (int32_t)exc, 1, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_RET, (int32_t)t);
  st_emit_handler(&e, start, end, handler, exc, ST_REG_NONE);
  StProto *p = make_proto(&e, 0, 0, "catcher");
  ST_EXPECT(run(p, 0, NULL) == st_int(8));
  /* An uncaught throw unwinds to the caller with the value pending. */
  st_emit_init(&e, vm, 1);
  t = st_emit_temp(&e);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)t, 42);
  st_emit_op(&e, ST_OP_THROW, (int32_t)t);
  p = make_proto(&e, 0, 0, "thrower");
  ST_EXPECT(run(p, 0, NULL) == ST_EXCEPTION);
  ST_EXPECT(st_vm_take_exception(vm) == st_int(42));
}

/* Closures through contexts: make() { PUSHCTX 1; ctx[0] = 0; return CLOSURE inc } and
 * inc() { ctx[0] = ctx[0] + 1; return ctx[0] } */
static void test_contexts(void) {
  StEmitter e;
  st_emit_init(&e, vm, 1);
  uint32_t t = st_emit_temp(&e);
  st_emit_op(&e, ST_OP_GETCTX, (int32_t)t, 0, 0);
  st_emit_op(&e, ST_OP_INC, (int32_t)t, (int32_t)t, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_SETCTX, (int32_t)t, 0, 0);
  st_emit_op(&e, ST_OP_RET, (int32_t)t);
  StProto *inc = make_proto(&e, 0, ST_PROTO_ARROW, "inc");

  st_emit_init(&e, vm, 1);
  t = st_emit_temp(&e);
  st_emit_op(&e, ST_OP_PUSHCTX, 1);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)t, 0);
  st_emit_op(&e, ST_OP_SETCTX, (int32_t)t, 0, 0);
  st_emit_op(&e, ST_OP_CLOSURE, (int32_t)t, (int32_t)st_emit_const(&e, st_cell_value(inc)));
  st_emit_op(&e, ST_OP_RET, (int32_t)t);
  StProto *make = make_proto(&e, 0, 0, "make");

  StValue counter = run(make, 0, NULL);
  ST_EXPECT(st_value_is_callable(counter));
  StValue last = ST_UNDEFINED;
  for (int i = 0; i < 5; i++)
    last = st_interp_call(vm, counter, ST_UNDEFINED, 0, NULL, ST_UNDEFINED);
  ST_EXPECT(last == st_int(5));
  StValue other = run(make, 0, NULL); /* a fresh context */
  ST_EXPECT(st_interp_call(vm, other, ST_UNDEFINED, 0, NULL, ST_UNDEFINED) == st_int(1));
}

/* Array element fast paths: a[i] = i * 2 for i < n, then sum. */
static void test_arrays(void) {
  StEmitter e;
  st_emit_init(&e, vm, 2);
  uint32_t a = st_emit_local(&e), i = st_emit_local(&e), s = st_emit_local(&e), t = st_emit_temp(&e);
  st_emit_op(&e, ST_OP_NEWARRAY, (int32_t)a, 0);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)i, 0);
  StLabel top, cond, top2, cond2;
  st_emit_label_init(&top);
  st_emit_label_init(&cond);
  st_emit_label_init(&top2);
  st_emit_label_init(&cond2);
  st_emit_jump(&e, &cond, ST_OP_JMP);
  st_emit_loop_head(&e, &top);
  st_emit_op(&e, ST_OP_ADD, (int32_t)t, (int32_t)i, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_SETELEM, (int32_t)a, (int32_t)i, (int32_t)t, (int32_t)st_emit_feedback(&e, ST_FB_ELEM));
  st_emit_op(&e, ST_OP_INC, (int32_t)i, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_bind(&e, &cond);
  st_emit_jump(&e, &top, ST_OP_JLT, (int32_t)i, 1, (int32_t)st_emit_feedback(&e, ST_FB_COMPARE));
  st_emit_op(&e, ST_OP_LOADI, (int32_t)i, 0);
  st_emit_op(&e, ST_OP_LOADI, (int32_t)s, 0);
  st_emit_jump(&e, &cond2, ST_OP_JMP);
  st_emit_loop_head(&e, &top2);
  st_emit_op(&e, ST_OP_GETELEM, (int32_t)t, (int32_t)a, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_ELEM));
  st_emit_op(&e, ST_OP_ADD, (int32_t)s, (int32_t)s, (int32_t)t, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_op(&e, ST_OP_INC, (int32_t)i, (int32_t)i, (int32_t)st_emit_feedback(&e, ST_FB_BINOP));
  st_emit_bind(&e, &cond2);
  st_emit_jump(&e, &top2, ST_OP_JLT, (int32_t)i, 1, (int32_t)st_emit_feedback(&e, ST_FB_COMPARE));
  st_emit_op(&e, ST_OP_RET, (int32_t)s);
  st_emit_label_free(&top);
  st_emit_label_free(&cond);
  st_emit_label_free(&top2);
  st_emit_label_free(&cond2);
  StProto *p = make_proto(&e, 1, 0, "arrays");
  StValue n = st_int(10000);
  ST_EXPECT(run(p, 1, &n) == st_int(99990000));
}

int main(void) {
  int base;
  StFlags flags;
  st_flags_init(&flags);
  vm = st_vm_new(&flags);
  st_gc_set_stack_base(vm->heap, &base);
  st_interp_init(vm);
  st_builtins_init(vm);
  ST_RUN(test_loop_and_overflow);
  ST_RUN(test_recursion);
  ST_RUN(test_property_caches);
  ST_RUN(test_exceptions);
  ST_RUN(test_contexts);
  ST_RUN(test_arrays);
  return st_check_report();
}
