/* objects/function.h: functions (closures, natives, bound functions), call information,
 * and StProto, the compiled form of one function literal.
 *
 * A JS closure is an StFunction: its StProto (bytecode, constants, feedback; shared by all
 * closures of one literal) plus the context it closes over. Natives are StNativeFunction with
 * a C entry point and up to ST_NATIVE_DATA internal slots. Bound functions keep target, this
 * and arguments. All three are callable JS objects (ST_OBJECT_CALLABLE).
 */
#ifndef ST_OBJECTS_FUNCTION_H
#define ST_OBJECTS_FUNCTION_H

#include "objects/object.h"

/* What a native receives. argv has at least `argc` values; st_arg() reads past the end as
 * undefined. new_target is undefined for a call, the constructor for `new`. */
typedef struct StCallInfo {
  StObject *callee;
  StValue this_val;
  StValue new_target;
  uint32_t argc;
  const StValue *argv;
} StCallInfo;

ST_INLINE StValue st_arg(const StCallInfo *ci, uint32_t i) {
  return i < ci->argc ? ci->argv[i] : ST_UNDEFINED;
}

/* A native returns a value, or ST_EXCEPTION with the exception pending on the VM. */
typedef StValue (*StNativeFn)(StVM *vm, StCallInfo *ci);

/* StProto flags. */
enum {
  ST_PROTO_STRICT = 1 << 0,
  ST_PROTO_ARROW = 1 << 1,
  ST_PROTO_ASYNC = 1 << 2,
  ST_PROTO_METHOD = 1 << 3,        /* method/accessor: not a constructor, has a home object */
  ST_PROTO_CLASS_CTOR = 1 << 4,
  ST_PROTO_DERIVED = 1 << 5,       /* derived class constructor: `this` starts uninitialized */
  ST_PROTO_NEEDS_ARGS = 1 << 6,    /* uses `arguments` or a rest parameter: keep extra args */
  ST_PROTO_SCRIPT = 1 << 7,        /* top-level code of a script or module */
  ST_PROTO_GETTER = 1 << 8,
  ST_PROTO_SETTER = 1 << 9,
  ST_PROTO_FIELD_INIT = 1 << 10,   /* class field initializer function */
  ST_PROTO_HAS_SIMPLE_PARAMS = 1 << 11,
  ST_PROTO_NEEDS_HOME = 1 << 12,   /* uses super.x */
  ST_PROTO_EXPRESSION_NAME = 1 << 13, /* named function expression binding its own name */
  ST_PROTO_MAPPED_ARGS = 1 << 14, /* sloppy `arguments` aliasing parameters: the parameters
                                     live in slots 0..nparams-1 of the function's context */
  ST_PROTO_HAS_FIELDS = 1 << 15,  /* class constructor whose class has instance fields */
  ST_PROTO_HAS_EVAL = 1 << 16,    /* contains a direct eval (CALLEVAL): optimizing tiers abort */
  ST_PROTO_EVAL = 1 << 17,        /* eval code: its global var/function declarations are
                                     configurable (deletable) */
};

/* One entry of the exception handler table: a throw at pc in [start, end) goes to `handler`
 * with the exception in register `exc_reg` and the context restored from `ctx_reg`
 * (0xFFFF: the function's base context). Inner try blocks come first.
 *
 * Registers dead at the handler: the locals of the scopes inside the protected code
 * [dead_lo, dead_hi) and every register from temps_lo up (0xFFFF: none), exc_reg excepted.
 * The unwinder sets them to undefined before the handler runs, so that what the abandoned code
 * held (e.g. the garbage that exhausted the heap) is not kept alive by registers, which the GC
 * traces without liveness. */
typedef struct StHandler {
  uint32_t start, end, handler;
  uint16_t exc_reg, ctx_reg;
  uint16_t dead_lo, dead_hi, temps_lo;
} StHandler;

/* pc -> source position, sorted by pc: the entry with the largest pc <= a given pc applies. */
typedef struct StLineEntry {
  uint32_t pc;
  uint32_t line, col;
} StLineEntry;

struct StProto {
  StCell hdr;
  uint16_t *code;          /* bytecode (frontend/bytecode.h), malloc'd */
  uint32_t code_len;       /* in 16-bit units */
  uint32_t nregs;          /* registers: this, params, locals, temporaries */
  StValue *consts;         /* constant pool: numbers, strings, nested StProto (as cells) */
  uint32_t nconsts;
  uint16_t nparams;        /* formal parameters, in registers 1..nparams */
  uint16_t length;         /* Function.length */
  uint32_t flags;          /* ST_PROTO_* */
  StString *name;          /* the function's name ("" when anonymous) */
  StSource *source;        /* the script text */
  uint32_t src_start, src_end; /* byte range of the function's text in source */
  uint32_t line, col;      /* where it is defined */
  StLineEntry *lines;      /* malloc'd */
  uint32_t nlines;
  StHandler *handlers;     /* malloc'd */
  uint32_t nhandlers;
  uint8_t *fb_kinds;       /* kind of each feedback slot (interp/feedback.h), malloc'd */
  uint32_t nfeedback;
  void *feedback;          /* interp/: the feedback vector, allocated on first run */
  uint32_t ctx_slots;      /* slots of the function-level context (0: none is created) */
  uint32_t this_props;     /* expected `this.x = ...` count, for pre-sizing `new` objects */
  /* Hotness and tier state (interp/ and tiers/ own these). */
  uint32_t calls, backedges;
  int32_t tier_budget;     /* counts down to the next tier-up check */
  uint32_t tier_flags;
  void *tier;              /* tiers/: compiled code and per-tier state */
  void *entry;             /* tiers/: compiled-code entry (StCompiledEntry), NULL: interpret */
  StShape *new_shape;      /* cached initial shape of objects made by `new` (interp/) */
  StVM *vm;                /* for the finalizer's hooks (the GC passes only the heap) */
};

typedef struct StFunction {
  StObject obj;
  StProto *proto;
  StContext *ctx;
  StValue home_object; /* methods: the object whose [[Prototype]] super.x reads; else undefined */
  StValue fields;      /* class constructors: the instance-field initializer (a function) or undefined */
} StFunction;

#define ST_NATIVE_DATA 3
typedef struct StNativeFunction {
  StObject obj;
  StNativeFn fn;
  StValue data[ST_NATIVE_DATA];
} StNativeFunction;

typedef struct StBoundFunction {
  StObject obj;
  StValue target;
  StValue bound_this;
  uint32_t nargs;
  StValue *args; /* malloc'd */
} StBoundFunction;

/* --- creation --- */
/* A closure of proto in ctx, with `length`, `name` and (for constructors) `prototype`. */
StFunction *st_function_new_closure(StVM *vm, StProto *proto, StContext *ctx);
/* The same with an explicit [[Prototype]] (class constructors: the parent class) and no
 * `prototype` property (the class machinery defines it). */
StFunction *st_function_new_class(StVM *vm, StProto *proto, StContext *ctx, StObject *fproto);
/* A native function; `length` and `name` properties set. ctor: also a constructor (new). */
StNativeFunction *st_function_new_native(StVM *vm, StNativeFn fn, const char *name,
                                         uint32_t length, bool ctor);
StBoundFunction *st_function_new_bound(StVM *vm, StObject *target, StValue this_val,
                                       uint32_t nargs, const StValue *args);
StProto *st_function_new_proto(StVM *vm);
StContext *st_function_new_context(StVM *vm, StContext *parent, uint32_t nslots);
StAccessor *st_function_new_accessor(StVM *vm, StValue getter, StValue setter);
StSource *st_function_new_source(StVM *vm, const char *filename, const char *text, size_t len);
/* The same without a copy, for the CLI's script: text[0..len) (with text[len] == 0) belongs to
 * the caller, who keeps it unchanged until the VM is freed; the source never frees it. A big
 * script is then held once, not twice (issue 2's peak-memory goal). */
StSource *st_function_new_source_shared(StVM *vm, const char *filename, const char *text,
                                        size_t len);

/* The function's name property as a C string for traces (not JS-visible semantics). */
const char *st_function_debug_name(StVM *vm, StObject *fn, char *buf, size_t cap);
/* Source position of a bytecode offset. */
void st_function_position(const StProto *p, uint32_t pc, uint32_t *line, uint32_t *col);

void st_function_init(StVM *vm);

#endif
