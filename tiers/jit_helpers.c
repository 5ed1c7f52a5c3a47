/* tiers/jit_helpers.c: the runtime functions compiled code calls (backends/helpers.h), with
 * exactly the C signatures the table's signature strings describe, and the table itself.
 * Each is a thin adapter onto the engine's own operations, so every tier shares one
 * implementation of the language's semantics with the interpreter.
 */
#include "tiers/tier_internal.h"

#include "backends/helpers.h"
#include "interp/slowpath.h"
#include "interp/step.h"
#include "objects/ops.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static StValue h_add(StVM *vm, StValue a, StValue b) { return st_ops_add(vm, a, b); }
static StValue h_arith(StVM *vm, int32_t op, StValue a, StValue b) { return st_ops_arith(vm, (StArith)op, a, b); }
static int32_t h_compare(StVM *vm, int32_t op, StValue a, StValue b) { return st_ops_compare(vm, (StCompare)op, a, b); }
static int32_t h_loose_eq(StVM *vm, StValue a, StValue b) { return st_ops_loose_equals(vm, a, b); }
static int32_t h_strict_eq(StVM *vm, StValue a, StValue b) { return st_ops_strict_equals(vm, a, b); }
static StValue h_to_number(StVM *vm, StValue v) { return st_ops_to_number(vm, v); }
static int32_t h_truthy(StValue v) { return st_value_truthy(v); }
static StValue h_typeof(StVM *vm, StValue v) { return st_string_value(st_ops_typeof(vm, v)); }
static StValue h_get_prop(StVM *vm, StValue o, StValue k) { return st_value_get(vm, o, k); }
static int32_t h_set_prop(StVM *vm, StValue o, StValue k, StValue v, int32_t strict) {
  return st_value_set(vm, o, k, v, strict != 0) < 0 ? -1 : 0;
}
static StValue h_get_elem(StVM *vm, StValue o, StValue k) { return st_value_get_elem(vm, o, k); }
static int32_t h_set_elem(StVM *vm, StValue o, StValue k, StValue v, int32_t strict) {
  return st_value_set_elem(vm, o, k, v, strict != 0) < 0 ? -1 : 0;
}

static StValue h_get_global(StVM *vm, StValue key) {
  StObject *g = vm->global;
  int has = st_object_has(vm, g, key);
  if (has < 0) return ST_EXCEPTION;
  if (!has) {
    char *u = st_string_to_utf8(vm, st_get_string(key), NULL);
    StValue r = st_vm_reference_error(vm, "%s is not defined", u ? u : "?");
    free(u);
    return r;
  }
  return st_object_get(vm, g, key, st_object_value(g));
}

static int32_t h_set_global(StVM *vm, StValue key, StValue v, int32_t strict) {
  StObject *g = vm->global;
  if (strict) {
    int has = st_object_has(vm, g, key);
    if (has < 0) return -1;
    if (!has) {
      char *u = st_string_to_utf8(vm, st_get_string(key), NULL);
      st_vm_reference_error(vm, "%s is not defined", u ? u : "?");
      free(u);
      return -1;
    }
  }
  return st_object_set(vm, g, key, v, st_object_value(g), strict != 0) < 0 ? -1 : 0;
}

/* A call made by compiled code: `this` and the arguments are in the caller's frame registers
 * window, window+1 ..., exactly where the interpreter's CALL would find them. */
static StValue h_call(StVM *vm, StFrame *frame, StValue fn, int32_t window, int32_t argc) {
  StValue *r = st_frame_regs(frame);
  StFrame *saved = vm->frame;
  vm->frame = frame;
  StValue v = st_interp_call(vm, fn, r[window], (uint32_t)argc, &r[window + 1], ST_UNDEFINED);
  vm->frame = saved;
  return v;
}

static StValue h_construct(StVM *vm, StValue fn, uint32_t argc, StValue *argv, StValue new_target) {
  return st_interp_call(vm, fn, ST_UNDEFINED, argc, argv, new_target);
}

static StValue h_new(StVM *vm, StFrame *frame, StValue fn, int32_t window, int32_t argc) {
  StValue *r = st_frame_regs(frame);
  StFrame *saved = vm->frame;
  vm->frame = frame;
  StValue v = st_interp_call(vm, fn, ST_UNDEFINED, (uint32_t)argc, &r[window + 1], r[window]);
  vm->frame = saved;
  return v;
}

static int32_t h_step(StVM *vm, StFrame *frame, uint32_t pc) {
  StFrame *saved = vm->frame;
  vm->frame = frame;
  bool ok = st_interp_step(vm, frame, st_frame_proto(frame)->code + pc);
  vm->frame = saved;
  return ok ? 0 : -1;
}

static int32_t h_step_jump(StVM *vm, StFrame *frame, uint32_t pc) {
  StFrame *saved = vm->frame;
  vm->frame = frame;
  int res = st_interp_step_jump(vm, frame, st_frame_proto(frame)->code + pc);
  vm->frame = saved;
  return res;
}

static double h_fmod(double a, double b) { return st_ops_mod(a, b); }
static double h_pow(double a, double b) { return st_ops_pow(a, b); }

static StValue h_new_array(StVM *vm, uint32_t n, StValue *items) {
  StObject *a = st_array_from(vm, n, items);
  return a ? st_object_value(a) : ST_EXCEPTION;
}

static StValue h_new_object(StVM *vm, StShape *shape) {
  StObject *o = st_object_new_with_shape(vm, shape, sizeof(StObject));
  return o ? st_object_value(o) : ST_EXCEPTION;
}

static int32_t h_add_prop(StVM *vm, StValue o, StValue k, StValue v) {
  return st_object_add(vm, st_get_object(o), k, v, ST_ATTR_DEFAULT) ? 0 : -1;
}

static int32_t h_array_push(StVM *vm, StValue a, StValue v) {
  return st_array_push(vm, st_get_object(a), v) ? 0 : -1;
}

static int32_t h_check_interrupt(StVM *vm, StFrame *frame) {
  (void)frame;
  if (st_gc_exhausted(vm->heap)) {
    st_vm_throw_oom(vm);
    return -1;
  }
  return 0;
}

/* --deopt-every=N: returns 1 on every Nth guard check (the guard then fails). */
static int32_t h_deopt_every(StVM *vm, StCode *code) {
  (void)code;
  StTierState *ts = st_tier_state(vm);
  if (ts->deopt_every <= 0) return 0;
  return ++ts->guard_checks % (uint64_t)ts->deopt_every == 0;
}

static StValue h_to_string(StVM *vm, StValue v) {
  StString *s = st_ops_to_string(vm, v);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

static StValue h_concat2(StVM *vm, StValue a, StValue b) {
  StString *s = st_string_concat(vm, st_get_string(a), st_get_string(b));
  return s ? st_string_value(s) : ST_EXCEPTION;
}

static int32_t h_instanceof(StVM *vm, StValue v, StValue c) { return st_ops_instance_of(vm, v, c); }
static int32_t h_in(StVM *vm, StValue k, StValue o) { return st_ops_in(vm, k, o); }

static StValue h_closure(StVM *vm, StProto *p, StFrame *frame) {
  StFunction *f = st_function_new_closure(vm, p, st_frame_ctx(frame));
  return f ? st_object_value(&f->obj) : ST_EXCEPTION;
}

/* Math functions by number (StIrMath plus the libm ones the IR calls out for). */
static double h_math1(int32_t fn, double x) {
  switch (fn) {
  case 0: return sqrt(x);
  case 1: return floor(x);
  case 2: return ceil(x);
  case 3: return fabs(x);
  case 4: return trunc(x);
  case 5: {
    /* JS Math.round: halves toward +Infinity, keeping -0 for [-0.5, -0]. */
    if (!isfinite(x) || x == 0) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    double r = floor(x + 0.5);
    return r;
  }
  case 6: return sin(x);
  case 7: return cos(x);
  case 8: return exp(x);
  case 9: return log(x);
  default: return NAN;
  }
}

void st_jit_helpers_init(StBackendHost *host) {
  static void *const helpers[ST_HELPER_COUNT] = {
      [ST_HELPER_DEOPT] = (void *)st_deopt_exit,
      [ST_HELPER_ADD] = (void *)h_add,
      [ST_HELPER_ARITH] = (void *)h_arith,
      [ST_HELPER_COMPARE] = (void *)h_compare,
      [ST_HELPER_LOOSE_EQ] = (void *)h_loose_eq,
      [ST_HELPER_STRICT_EQ] = (void *)h_strict_eq,
      [ST_HELPER_TO_NUMBER] = (void *)h_to_number,
      [ST_HELPER_TRUTHY] = (void *)h_truthy,
      [ST_HELPER_TYPEOF] = (void *)h_typeof,
      [ST_HELPER_GET_PROP] = (void *)h_get_prop,
      [ST_HELPER_SET_PROP] = (void *)h_set_prop,
      [ST_HELPER_GET_ELEM] = (void *)h_get_elem,
      [ST_HELPER_SET_ELEM] = (void *)h_set_elem,
      [ST_HELPER_GET_GLOBAL] = (void *)h_get_global,
      [ST_HELPER_SET_GLOBAL] = (void *)h_set_global,
      [ST_HELPER_CALL] = (void *)h_call,
      [ST_HELPER_CONSTRUCT] = (void *)h_construct,
      [ST_HELPER_FMOD] = (void *)h_fmod,
      [ST_HELPER_POW] = (void *)h_pow,
      [ST_HELPER_NEW_ARRAY] = (void *)h_new_array,
      [ST_HELPER_NEW_OBJECT] = (void *)h_new_object,
      [ST_HELPER_ADD_PROP] = (void *)h_add_prop,
      [ST_HELPER_ARRAY_PUSH] = (void *)h_array_push,
      [ST_HELPER_CHECK_INTERRUPT] = (void *)h_check_interrupt,
      [ST_HELPER_DEOPT_EVERY] = (void *)h_deopt_every,
      [ST_HELPER_TO_STRING] = (void *)h_to_string,
      [ST_HELPER_CONCAT2] = (void *)h_concat2,
      [ST_HELPER_INSTANCEOF] = (void *)h_instanceof,
      [ST_HELPER_IN] = (void *)h_in,
      [ST_HELPER_CLOSURE] = (void *)h_closure,
      [ST_HELPER_MATH1] = (void *)h_math1,
      [ST_HELPER_STEP] = (void *)h_step,
      [ST_HELPER_NEW] = (void *)h_new,
      [ST_HELPER_STEP_JUMP] = (void *)h_step_jump,
  };
  static const char *const sigs[ST_HELPER_COUNT] = {
#define ST_HELPER_SIG(name, sig) sig,
      ST_HELPERS(ST_HELPER_SIG)
#undef ST_HELPER_SIG
  };
  static const char *const names[ST_HELPER_COUNT] = {
#define ST_HELPER_NAME(name, sig) "st_helper_" #name,
      ST_HELPERS(ST_HELPER_NAME)
#undef ST_HELPER_NAME
  };
  host->abi_version = ST_BACKEND_ABI_VERSION;
  host->helpers = helpers;
  host->helper_sigs = sigs;
  host->helper_names = names;
  host->nhelpers = ST_HELPER_COUNT;
  host->vm_deopt_buffer_offset = (uint32_t)offsetof(StVM, deopt_buffer);
  host->vm_proto_epoch_offset = (uint32_t)offsetof(StVM, proto_epoch);
  host->frame_regs_offset = (uint32_t)sizeof(StFrame);
}
