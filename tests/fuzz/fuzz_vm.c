/* tests/fuzz/fuzz_vm.c: see fuzz_vm.h. */
#include "tests/fuzz/fuzz_vm.h"

#include "builtins/builtins.h"
#include "gc/gc.h"
#include "interp/interp.h"
#include "objects/object.h"
#include "support/vec.h"

/* Per-process by design (fuzz_vm.h): the hooks below have no other place to find it. */
static struct {
  uint64_t steps, max_steps;
  StValue *saved_limit; /* the register stack's real limit while calls are shut off */
  StVec(StValue) jobs;  /* microtasks: (fn, arg) pairs, arg ST_HOLE for none */
} budget;

/* A queue longer than this is dropped: each job is a call, and calls are budgeted anyway. */
enum { FUZZ_VM_MAX_JOBS = 1 << 16 };

/* Between two hook calls the interpreter counts this many calls or back-edges of the proto. */
enum { FUZZ_VM_SLICE = 64 };

static StValue no_print(StVM *vm, StCallInfo *ci) {
  (void)vm;
  (void)ci;
  return ST_UNDEFINED;
}

/* Installed as the "compiled code" of a loop header once the budget is spent: the interpreter
 * enters it as an OSR entry and rethrows its exception at the loop. */
static StValue out_of_steps(StVM *vm, StFrame *f) {
  (void)f;
  return st_vm_range_error(vm, "fuzz: step budget exhausted");
}

static void *hot(StVM *vm, StFunction *fn, StFrame *f, const uint16_t *pc) {
  (void)f;
  fn->proto->tier_budget = FUZZ_VM_SLICE;
  budget.steps += FUZZ_VM_SLICE;
  if (!budget.max_steps || budget.steps < budget.max_steps) return NULL;
  if (!budget.saved_limit) {
    /* Every frame push now fails with the interpreter's own stack-overflow RangeError. */
    budget.saved_limit = vm->stack_limit;
    vm->stack_limit = vm->stack_base;
  }
  return pc ? (void *)out_of_steps : NULL;
}

/* The microtask queue. runtime/eventloop.c is not used: it has timers (which sleep) and keeps
 * state that the CLI frees only by exiting, which LeakSanitizer would report on every input. */
static void enqueue_job(StVM *vm, StValue fn, StValue arg) {
  (void)vm;
  if (budget.jobs.len >= 2 * FUZZ_VM_MAX_JOBS) return;
  st_vec_push(&budget.jobs, fn);
  st_vec_push(&budget.jobs, arg);
}

static void trace_jobs(StHeap *h, void *ud) {
  (void)ud;
  st_gc_mark_values(h, budget.jobs.data, budget.jobs.len);
}

static bool drain_jobs(StVM *vm) {
  bool ok = true;
  /* FIFO; a job may queue more while it runs. */
  for (size_t i = 0; ok && i < budget.jobs.len; i += 2) {
    StValue fn = budget.jobs.data[i], arg = budget.jobs.data[i + 1];
    if (st_vm_call(vm, fn, ST_UNDEFINED, arg == ST_HOLE ? 0 : 1, &arg) == ST_EXCEPTION) {
      st_vm_take_exception(vm);
      ok = false;
    }
  }
  budget.jobs.len = 0;
  return ok;
}

static void restore_stack(StVM *vm) {
  if (budget.saved_limit) vm->stack_limit = budget.saved_limit;
  budget.saved_limit = NULL;
}

StVM *st_fuzz_vm_new(const StFuzzVMOptions *opt, void *stack_base) {
  StFlags flags;
  st_flags_init(&flags);
  flags.max_heap = opt->max_heap;
  StVM *vm = st_vm_new(&flags);
  st_gc_set_stack_base(vm->heap, stack_base);
  st_interp_init(vm);
  st_builtins_init(vm);
  st_builtins_method(vm, vm->global, "print", no_print, 0);
  vm->hooks.hot = hot;
  vm->hooks.enqueue_job = enqueue_job;
  budget.jobs.len = 0;
  st_gc_add_root_tracer(vm->heap, trace_jobs, NULL);
  budget.max_steps = opt->max_steps;
  budget.steps = 0;
  budget.saved_limit = NULL;
  return vm;
}

void st_fuzz_vm_enter(StVM *vm, void *stack_base) {
  st_gc_set_stack_base(vm->heap, stack_base);
  restore_stack(vm);
  budget.steps = 0;
}

bool st_fuzz_vm_out_of_steps(StVM *vm) {
  (void)vm;
  return budget.max_steps && budget.steps >= budget.max_steps;
}

bool st_fuzz_vm_run(StVM *vm, StProto *script) {
  StValue r = st_interp_run_script(vm, script);
  if (r == ST_EXCEPTION) {
    st_vm_take_exception(vm);
    return false;
  }
  return drain_jobs(vm);
}

StValue st_fuzz_vm_global(StVM *vm, const char *name) {
  StString *key = st_string_intern_cstr(vm, name);
  if (!key) {
    st_vm_take_exception(vm);
    return ST_UNDEFINED;
  }
  StValue v = st_object_get(vm, vm->global, st_string_value(key), st_object_value(vm->global));
  if (v == ST_EXCEPTION) {
    st_vm_take_exception(vm);
    return ST_UNDEFINED;
  }
  return v;
}

void st_fuzz_vm_free(StVM *vm) {
  restore_stack(vm);
  st_gc_remove_root_tracer(vm->heap, trace_jobs, NULL);
  st_vec_free(&budget.jobs);
  st_interp_free(vm);
  st_vm_free(vm);
}
