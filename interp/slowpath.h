/* interp/slowpath.h: the out-of-line parts of bytecode instructions that are too big for the
 * dispatch loop: class creation, arguments objects, iteration, for-in, spread, super, and
 * the call path used for everything that is not an interpreted-to-interpreted call.
 * Compiled code calls these same functions, so every tier shares one implementation.
 * All return ST_EXCEPTION (or false/NULL) with the exception pending on failure.
 */
#ifndef ST_INTERP_SLOWPATH_H
#define ST_INTERP_SLOWPATH_H

#include "interp/feedback.h"
#include "interp/frame.h"

/* Sloppy-mode `this`: undefined/null -> the global object, primitives -> wrappers. */
StValue st_slowpath_coerce_this(StVM *vm, StValue this_val);

/* [[Construct]] of a JS constructor `fn` (kind FUNCTION): the `this` object for a base
 * constructor (prototype from new_target), or ST_UNINIT for a derived one. */
StValue st_slowpath_construct_this(StVM *vm, StFunction *fn, StValue new_target);
/* Runs the class's instance-field initializer of `ctor` on `this_obj`, if any. */
bool st_slowpath_init_fields(StVM *vm, StFunction *ctor, StValue this_obj);
/* The result of a [[Construct]] call given the body's return value. */
StValue st_slowpath_construct_result(StVM *vm, StFrame *f, StValue ret);

/* Eval code `src` (a string): compiled by frontend/compiler_eval.c and run as a closure over
 * ctx. desc: CALLEVAL's scope descriptor for a direct eval (ctx: the caller's current
 * context, this_val and home: the caller's `this` register and home object, which super.x
 * reads), undefined for an indirect one (ctx NULL, home undefined). Global code runs with the
 * global object as `this`. A syntax error in the code is thrown as a SyntaxError. Returns the
 * completion value. */
ST_MUST_CHECK StValue st_slowpath_eval_from(StVM *vm, StValue src, StValue desc, StContext *ctx,
                                            StValue this_val, StValue home);
/* The same, for a direct eval taking `this` and the home object from vm->frame, the calling
 * frame (compiled code that keeps the interpreter's frame layout). */
ST_MUST_CHECK StValue st_slowpath_eval(StVM *vm, StValue src, StValue desc, StContext *ctx);

/* Calling a non-callable: the TypeError ("x is not a function"). */
StValue st_slowpath_not_callable(StVM *vm, StValue v, bool construct);

/* CLASS: creates the constructor and prototype; out[0] = ctor, out[1] = prototype. */
bool st_slowpath_class(StVM *vm, StFrame *f, StProto *ctor_proto, StValue heritage,
                       bool has_heritage, StValue out[2]);
/* DEFMETHOD / DEFACCESSOR / DEFFIELD. flags as in bytecode.h. */
bool st_slowpath_def_method(StVM *vm, StValue obj, StValue key, StValue fn, unsigned flags);
bool st_slowpath_def_accessor(StVM *vm, StValue obj, StValue key, StValue fn, unsigned flags);
bool st_slowpath_def_field(StVM *vm, StValue obj, StValue key, StValue v);
/* SUPERCALL: constructs the parent of constructor ctor with args and new_target (binding
 * `this` and the fields are BINDTHIS's job). */
StValue st_slowpath_super_call(StVM *vm, StValue ctor, StValue new_target, uint32_t argc,
                               const StValue *argv);
StValue st_slowpath_get_super(StVM *vm, StFrame *f, StValue key);
bool st_slowpath_set_super(StVM *vm, StFrame *f, StValue key, StValue v);

/* Arguments and rest parameters. */
StValue st_slowpath_arguments(StVM *vm, StFrame *f);
StValue st_slowpath_rest(StVM *vm, StFrame *f, uint32_t from);
/* Spread: an array of the values iterated from `iterable` (fast for plain arrays). */
StValue st_slowpath_spread_to_array(StVM *vm, StValue iterable);
bool st_slowpath_array_append_spread(StVM *vm, StValue arr, StValue iterable);

/* Object spread and rest. */
bool st_slowpath_copy_props(StVM *vm, StValue target, StValue source);
StValue st_slowpath_object_rest(StVM *vm, StValue source, const StValue *excluded, uint32_t n);

/* Iteration: rec[0] = iterator object (or the array, fast path), rec[1] = next method (or an
 * int32 index, fast path). */
bool st_slowpath_get_iterator(StVM *vm, StFeedbackSlot *fb, StValue iterable, StValue rec[2]);
/* 1: a value in *out, 0: done, -1: exception. */
int st_slowpath_iter_next(StVM *vm, StValue rec[2], StValue *out);
bool st_slowpath_iter_close(StVM *vm, StValue rec[2], bool quiet);

/* for-in. */
StValue st_slowpath_forin_prep(StVM *vm, StValue obj);
int st_slowpath_forin_next(StVM *vm, StValue enumerator, StValue *key);

/* Globals (script top level). */
/* DECLVAR / DECLFUNC; configurable: eval code's declarations (ST_PROTO_EVAL) are. */
bool st_slowpath_decl_var(StVM *vm, StValue name, bool configurable);
bool st_slowpath_decl_func(StVM *vm, StValue name, StValue fn, bool configurable);
StValue st_slowpath_delete_global(StVM *vm, StValue name);

/* Errors: TDZ, const assignment and friends. */
StValue st_slowpath_throw_tdz(StVM *vm, StValue name);
StValue st_slowpath_throw_error(StVM *vm, unsigned kind, StValue message);

/* String concatenation of n values that are strings already. */
StValue st_slowpath_concat(StVM *vm, const StValue *v, uint32_t n);

#endif
