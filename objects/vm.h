/* objects/vm.h: StVM, all engine state.
 *
 * Rule 3 of STYLE.md: state is passed, never found. Everything a floor needs hangs off the VM:
 * the heap, the flags, interned strings and atoms, the realm's intrinsic objects, the register
 * stack, the pending exception, and the hooks through which lower floors call upward (the
 * interpreter registers `call` so that objects/ can run getters and valueOf; the host registers
 * `enqueue_job` for promise jobs; tiers register `dependency_broken`).
 *
 * Exceptions: a function that can throw returns ST_EXCEPTION (or NULL/false where its result is
 * a pointer/flag) after storing the thrown value with st_vm_throw; the caller must propagate it
 * (ST_MUST_CHECK marks such functions). vm->exception is ST_HOLE when none is pending.
 */
#ifndef ST_OBJECTS_VM_H
#define ST_OBJECTS_VM_H

#include "gc/gc.h"
#include "objects/cell.h"
#include "objects/string.h"
#include "support/flags.h"

typedef struct StShape StShape;
typedef struct StProto StProto;
typedef struct StFunction StFunction;
typedef struct StFrame StFrame;
typedef struct StInternTable StInternTable;
typedef struct StShapeCache StShapeCache;

/* Interned property names the engine uses often: X(field, "text"). vm->atoms.field. */
#define ST_ATOMS(X) \
  X(empty, "") X(length, "length") X(prototype, "prototype") X(constructor, "constructor") \
  X(name, "name") X(message, "message") X(stack, "stack") X(cause, "cause") \
  X(errors, "errors") X(value, "value") X(done, "done") X(next, "next") X(return_, "return") \
  X(throw_, "throw") X(get, "get") X(set, "set") X(writable, "writable") \
  X(enumerable, "enumerable") X(configurable, "configurable") X(toString, "toString") \
  X(valueOf, "valueOf") X(toJSON, "toJSON") X(then, "then") X(callee, "callee") \
  X(caller, "caller") X(arguments, "arguments") X(undefined, "undefined") X(null_, "null") \
  X(true_, "true") X(false_, "false") X(NaN, "NaN") X(Infinity, "Infinity") \
  X(number, "number") X(string, "string") X(boolean, "boolean") X(object, "object") \
  X(function, "function") X(symbol, "symbol") X(bigint, "bigint") X(index, "index") \
  X(input, "input") X(default_, "default") X(anonymous, "anonymous") X(size, "size") \
  X(add, "add") X(has, "has") X(key, "key") X(status, "status") X(reason, "reason") \
  X(fulfilled, "fulfilled") X(rejected, "rejected") X(global, "global") \
  X(globalThis, "globalThis") X(description, "description") X(join, "join") \
  X(exports, "exports") X(module, "module") X(require, "require") X(bound_, "bound ")

/* Intrinsic objects of the realm: X(field). vm->intrinsics.field (NULL until builtins/ sets
 * them up). */
#define ST_INTRINSICS(X) \
  X(ObjectPrototype) X(FunctionPrototype) X(ArrayPrototype) X(StringPrototype) \
  X(NumberPrototype) X(BooleanPrototype) X(SymbolPrototype) X(ErrorPrototype) \
  X(TypeErrorPrototype) X(RangeErrorPrototype) X(ReferenceErrorPrototype) \
  X(SyntaxErrorPrototype) X(EvalErrorPrototype) X(URIErrorPrototype) \
  X(AggregateErrorPrototype) X(IteratorPrototype) X(ArrayIteratorPrototype) \
  X(StringIteratorPrototype) X(MapIteratorPrototype) X(SetIteratorPrototype) \
  X(MapPrototype) X(SetPrototype) X(PromisePrototype) X(AsyncFunctionPrototype) \
  X(Object) X(Function) X(Array) X(Promise) X(ThrowTypeError) \
  X(ArrayValues) X(ArrayIteratorNext) X(Eval) X(Math) X(JSON)

typedef enum StErrorKind {
  ST_ERROR_ERROR,
  ST_ERROR_TYPE,
  ST_ERROR_RANGE,
  ST_ERROR_REFERENCE,
  ST_ERROR_SYNTAX,
  ST_ERROR_EVAL,
  ST_ERROR_URI,
  ST_ERROR_AGGREGATE,
} StErrorKind;

/* One level of an inlined call chain (hooks.inlined_frames). */
typedef struct StVMInlinedLevel {
  StValue callee; /* the level's closure */
  uint32_t pc;    /* bytecode offset in callee's proto */
} StVMInlinedLevel;

/* Upward calls, registered at start-up by the floor that implements them. */
typedef struct StVMHooks {
  /* interp/: call a function value (any callable) with this and args; new_target undefined for
   * a call, the constructor for `new`. Returns ST_EXCEPTION on a throw. */
  StValue (*call)(StVM *vm, StValue fn, StValue this_val, uint32_t argc, const StValue *argv,
                  StValue new_target);
  /* interp/: the JS stack trace at this point, as a string ("    at f (file:1:2)" lines). */
  StString *(*capture_stack)(StVM *vm);
  /* tiers/: for a compiled frame f stopped at a call made from code inlined into it, the
   * inlined levels of that call, innermost first, up to max: out[i] gets the level's closure
   * (callee) and the bytecode offset it is at (pc). Returns how many; 0 when f is not at
   * such a call. Stack traces list them above f itself (interp/interp.c). */
  uint32_t (*inlined_frames)(StVM *vm, const StFrame *f, StVMInlinedLevel *out, uint32_t max);
  /* runtime/: enqueue a microtask (a promise job): fn(arg) on an empty stack. */
  void (*enqueue_job)(StVM *vm, StValue fn, StValue arg);
  /* runtime/: HostPromiseRejectionTracker: a promise was rejected with no handler
   * (handled=false), or a handler was added to a rejected one (handled=true). */
  void (*promise_rejected)(StVM *vm, StValue promise, bool handled);
  /* builtins/ (Promise), for async functions in the interpreter: a new pending promise;
   * resolve/reject it; await: PromiseResolve(v) then PerformPromiseThen(on_ful, on_rej). */
  StValue (*promise_new)(StVM *vm);
  bool (*promise_resolve)(StVM *vm, StValue promise, StValue v);
  bool (*promise_reject)(StVM *vm, StValue promise, StValue v);
  bool (*await_value)(StVM *vm, StValue v, StValue on_fulfilled, StValue on_rejected);
  /* tiers/: a function's hotness budget ran out: at a call (f and pc NULL) or at the loop
   * header pc of frame f. May compile; for loops it may return an OSR entry
   * (StCompiledEntry) that takes over frame f at pc; else NULL. */
  void *(*hot)(StVM *vm, StFunction *fn, StFrame *f, const uint16_t *pc);
  /* tiers/: an object with ST_OBJECT_HAS_DEPENDENTS changed shape, or a global changed. */
  void (*dependency_broken)(StVM *vm, void *subject);
  /* interp/ + tiers/: trace the engine-private parts of a proto (feedback, compiled code). */
  void (*trace_proto)(StVM *vm, StHeap *h, StProto *p);
  /* interp/ + tiers/: free them when the proto dies. */
  void (*free_proto)(StVM *vm, StProto *p);
  /* builtins/: the `%Name(...)` natives table and other late-bound services. */
  void *natives;
} StVMHooks;

struct StVM {
  StHeap *heap;
  StFlags flags;

  StValue exception;       /* the pending exception, or ST_HOLE */
  StObject *global;        /* globalThis */
  uint64_t global_epoch;   /* bumped when the global object's properties change shape */
  uint32_t proto_epoch;    /* bumped when any prototype object changes shape (IC validity) */

  struct {
#define ST_ATOM_FIELD(field, text) StString *field;
    ST_ATOMS(ST_ATOM_FIELD)
#undef ST_ATOM_FIELD
  } atoms;
  struct {
#define ST_INTRINSIC_FIELD(field) StObject *field;
    ST_INTRINSICS(ST_INTRINSIC_FIELD)
#undef ST_INTRINSIC_FIELD
  } intrinsics;
  StSymbol *sym_iterator;     /* Symbol.iterator */
  StSymbol *sym_async_iterator;
  StString *single_units[256]; /* one-unit strings, for charAt and friends */

  StInternTable *interned;  /* objects/string.c */
  StShape *array_shape;     /* root shape of arrays (proto Array.prototype), cached */
  StShape *object_shape;    /* root shape of `{}` (proto Object.prototype, default inline) */
  StShape *fn_shapes[4];    /* closures' initial shapes (objects/function.c), cached */
  bool protos_have_elements;/* some prototype object has elements: holes must look up */
  StShapeCache *shapes;     /* objects/shape.c: root shapes, transition bookkeeping */

  /* The interpreter's register stack (interp/frame.h); here so the GC can trace it. */
  StValue *stack_base, *stack_limit, *stack_top;
  StFrame *frame;             /* innermost active frame, or NULL */
  uintptr_t c_stack_limit;    /* native stack address below which recursion is refused */

  /* Deoptimization: compiled code stores an exit's live values here (tiers/deopt.h). */
  StValue *deopt_buffer;
  uint32_t deopt_buffer_cap;

  StVMHooks hooks;
  void *interp;   /* interp/ private state */
  void *tiers;    /* tiers/ private state */
  void *runtime;  /* runtime/ private state (host.c) */
  void *loop;     /* runtime/eventloop.c state */
  void *builtins; /* builtins/ private state */
  uint64_t random_state[2]; /* Math.random (xorshift128+) */
  uint32_t symbol_counter;
  bool throwing_oom; /* st_vm_throw_oom is building its error */
};

/* Creates a VM with the flags given (the realm's built-ins are set up by builtins/). */
StVM *st_vm_new(const StFlags *flags);
void st_vm_free(StVM *vm);

/* --- exceptions --- */
/* Stores v as the pending exception; returns ST_EXCEPTION for `return st_vm_throw(vm, v);`. */
StValue st_vm_throw(StVM *vm, StValue v);
/* Creates an error of the kind with a printf-style message and throws it. */
StValue st_vm_throw_error(StVM *vm, StErrorKind kind, const char *fmt, ...) ST_PRINTF(3, 4);
#define st_vm_type_error(vm, ...) st_vm_throw_error((vm), ST_ERROR_TYPE, __VA_ARGS__)
#define st_vm_range_error(vm, ...) st_vm_throw_error((vm), ST_ERROR_RANGE, __VA_ARGS__)
#define st_vm_reference_error(vm, ...) st_vm_throw_error((vm), ST_ERROR_REFERENCE, __VA_ARGS__)
/* Out of JS heap: throws a RangeError without allocating much (pre-built message). */
StValue st_vm_throw_oom(StVM *vm);
ST_INLINE bool st_vm_has_exception(const StVM *vm) { return vm->exception != ST_HOLE; }
/* Takes the pending exception (and clears it). */
StValue st_vm_take_exception(StVM *vm);

/* Calls through the interpreter's hook. */
ST_MUST_CHECK StValue st_vm_call(StVM *vm, StValue fn, StValue this_val, uint32_t argc,
                                 const StValue *argv);
ST_MUST_CHECK StValue st_vm_construct(StVM *vm, StValue fn, uint32_t argc, const StValue *argv,
                                      StValue new_target);

/* Allocation of a cell of a kind; NULL (with a pending RangeError) when the heap is exhausted. */
void *st_vm_alloc(StVM *vm, StCellKind kind, size_t size);

/* Native stack guard: false (with a pending RangeError "Maximum call stack size exceeded")
 * when the C stack is nearly exhausted. Call before recursing on the C stack. */
bool st_vm_check_c_stack(StVM *vm);

#endif
