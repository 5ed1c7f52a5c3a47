/* objects/vm.c: creating and destroying the VM, its roots, exceptions, and the hooks. */
#include "objects/vm.h"

#include "objects/function.h"
#include "objects/object.h"
#include "objects/shape.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static const char *const kind_names[] = {
    "free",
#define ST_KIND_NAME(name, display) display,
    ST_CELL_KINDS(ST_KIND_NAME)
#undef ST_KIND_NAME
};

const char *st_cell_kind_name(StCellKind k) {
  return (unsigned)k < ST_KIND_COUNT ? kind_names[k] : "?";
}

/* The VM's own roots. The register stack is traced precisely up to stack_top: every register
 * of a pushed frame holds a valid value (frames are filled with undefined when pushed). */
static void trace_vm_roots(StHeap *h, void *ud) {
  StVM *vm = ud;
  st_gc_mark_value(h, vm->exception);
  st_gc_mark_cell(h, (StCell *)vm->global);
#define ST_ATOM_MARK(field, text) st_gc_mark_cell(h, (StCell *)vm->atoms.field);
  ST_ATOMS(ST_ATOM_MARK)
#undef ST_ATOM_MARK
#define ST_INTRINSIC_MARK(field) st_gc_mark_cell(h, (StCell *)vm->intrinsics.field);
  ST_INTRINSICS(ST_INTRINSIC_MARK)
#undef ST_INTRINSIC_MARK
  st_gc_mark_cell(h, (StCell *)vm->array_shape);
  st_gc_mark_cell(h, (StCell *)vm->object_shape);
  for (int i = 0; i < 4; i++) st_gc_mark_cell(h, (StCell *)vm->fn_shapes[i]);
  st_gc_mark_cell(h, (StCell *)vm->sym_iterator);
  st_gc_mark_cell(h, (StCell *)vm->sym_async_iterator);
  for (int i = 0; i < 256; i++) st_gc_mark_cell(h, (StCell *)vm->single_units[i]);
  if (vm->deopt_buffer) st_gc_mark_values(h, vm->deopt_buffer, vm->deopt_buffer_cap);
  if (vm->stack_base && vm->stack_top > vm->stack_base)
    st_gc_mark_values(h, vm->stack_base, (size_t)(vm->stack_top - vm->stack_base));
}

/* Native stack guard: leave a margin for the deepest non-recursive work (printing, a GC, an
 * LLVM compile on this thread) below the point where recursion is refused. */
enum { C_STACK_MARGIN = 256 * 1024, C_STACK_DEFAULT = 8 * 1024 * 1024 };

static uintptr_t compute_c_stack_limit(void) {
  struct rlimit rl;
  size_t size = C_STACK_DEFAULT;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > 0)
    size = (size_t)rl.rlim_cur;
  if (size > 64u * 1024 * 1024) size = 64u * 1024 * 1024;
  uintptr_t here = (uintptr_t)__builtin_frame_address(0);
  return here - size + C_STACK_MARGIN;
}

StVM *st_vm_new(const StFlags *flags) {
  StVM *vm = st_xcalloc(1, sizeof *vm);
  vm->flags = *flags;
  vm->exception = ST_HOLE;
  vm->heap = st_gc_new();
  if (flags->max_heap) st_gc_set_limit(vm->heap, flags->max_heap);
  vm->c_stack_limit = compute_c_stack_limit();
  st_gc_add_root_tracer(vm->heap, trace_vm_roots, vm);
  st_gc_defer(vm->heap); /* nothing is rooted until the atoms exist */
  st_string_init(vm);
  st_shape_init(vm);
  st_object_init(vm);
  st_function_init(vm);
#define ST_ATOM_INIT(field, text) vm->atoms.field = st_string_intern_cstr(vm, text);
  ST_ATOMS(ST_ATOM_INIT)
#undef ST_ATOM_INIT
  st_gc_undefer(vm->heap);
  /* Stress mode only after the base state exists: a VM that cannot start is not a test. */
  if (flags->gc_stress) st_gc_set_stress(vm->heap, true);
  return vm;
}

void st_vm_free(StVM *vm) {
  if (!vm) return;
  free(vm->deopt_buffer);
  st_gc_free(vm->heap);
  st_shape_free_all(vm);
  st_string_free_all(vm);
  free(vm);
}

StValue st_vm_throw(StVM *vm, StValue v) {
  ST_ASSERT(v != ST_EXCEPTION && v != ST_HOLE, "throwing an internal marker");
  vm->exception = v;
  return ST_EXCEPTION;
}

StValue st_vm_take_exception(StVM *vm) {
  StValue e = vm->exception;
  vm->exception = ST_HOLE;
  return e;
}

static StObject *error_proto(StVM *vm, StErrorKind kind) {
  switch (kind) {
  case ST_ERROR_ERROR: return vm->intrinsics.ErrorPrototype;
  case ST_ERROR_TYPE: return vm->intrinsics.TypeErrorPrototype;
  case ST_ERROR_RANGE: return vm->intrinsics.RangeErrorPrototype;
  case ST_ERROR_REFERENCE: return vm->intrinsics.ReferenceErrorPrototype;
  case ST_ERROR_SYNTAX: return vm->intrinsics.SyntaxErrorPrototype;
  case ST_ERROR_EVAL: return vm->intrinsics.EvalErrorPrototype;
  case ST_ERROR_URI: return vm->intrinsics.URIErrorPrototype;
  case ST_ERROR_AGGREGATE: return vm->intrinsics.AggregateErrorPrototype;
  }
  return vm->intrinsics.ErrorPrototype;
}

StValue st_vm_throw_error(StVM *vm, StErrorKind kind, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  StObject *proto = error_proto(vm, kind);
  StObject *err = st_object_alloc(vm, ST_KIND_ERROR, sizeof(StObject), proto, 4);
  if (!err) return ST_EXCEPTION; /* out of memory: that exception is pending */
  StString *msg = st_string_from_utf8(vm, buf, strlen(buf));
  if (!msg) return ST_EXCEPTION;
  if (!st_object_add(vm, err, st_string_value(vm->atoms.message), st_string_value(msg),
                     ST_ATTR_HIDDEN))
    return ST_EXCEPTION;
  /* stack = "Name: message" + the trace, as the Error constructor makes it. */
  static const char *const names[] = {"Error", "TypeError", "RangeError", "ReferenceError",
                                      "SyntaxError", "EvalError", "URIError", "AggregateError"};
  char head[600];
  snprintf(head, sizeof head, "%s: %s", names[kind], buf);
  StString *stack = st_string_from_utf8(vm, head, strlen(head));
  if (!stack) return ST_EXCEPTION;
  if (vm->hooks.capture_stack) {
    StString *frames = vm->hooks.capture_stack(vm);
    if (!frames) return ST_EXCEPTION;
    stack = st_string_concat(vm, stack, frames);
    if (!stack) return ST_EXCEPTION;
  }
  if (!st_object_add(vm, err, st_string_value(vm->atoms.stack), st_string_value(stack),
                     ST_ATTR_HIDDEN))
    return ST_EXCEPTION;
  return st_vm_throw(vm, st_object_value(err));
}

/* Throwing on heap exhaustion must not need much heap: the GC grants an emergency reserve once
 * the limit is hit, enough for one error object; if even that fails, the process ends with a
 * clear message (see gc/gc.h). */
StValue st_vm_throw_oom(StVM *vm) {
  if (vm->throwing_oom) {
    fprintf(stderr, "strata: fatal: JavaScript heap out of memory\n");
    exit(3);
  }
  vm->throwing_oom = true;
  StValue r = st_vm_throw_error(vm, ST_ERROR_RANGE, "Out of memory: JavaScript heap limit reached");
  vm->throwing_oom = false;
  /* The error exists: give the emergency reserve back, so the next exhaustion is caught too. */
  st_gc_clear_exhausted(vm->heap);
  return r;
}

void *st_vm_alloc(StVM *vm, StCellKind kind, size_t size) {
  void *c = st_gc_alloc(vm->heap, (uint8_t)kind, size);
  if (ST_UNLIKELY(!c)) st_vm_throw_oom(vm);
  return c;
}

StValue st_vm_call(StVM *vm, StValue fn, StValue this_val, uint32_t argc, const StValue *argv) {
  return vm->hooks.call(vm, fn, this_val, argc, argv, ST_UNDEFINED);
}

StValue st_vm_construct(StVM *vm, StValue fn, uint32_t argc, const StValue *argv,
                        StValue new_target) {
  return vm->hooks.call(vm, fn, ST_UNDEFINED, argc, argv, new_target);
}

bool st_vm_check_c_stack(StVM *vm) {
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  if (ST_LIKELY(sp > vm->c_stack_limit)) return true;
  st_vm_range_error(vm, "Maximum call stack size exceeded");
  return false;
}
