/* builtins/builtins.h: the ECMAScript standard library: realm set-up and the helpers every
 * library file uses to define its functions.
 *
 * One file per library object (lib_object.c, lib_array.c, ...; the lib_ prefix keeps .c
 * basenames unique next to objects/object.c and objects/string.c). Each has an init function
 * called by st_builtins_init in dependency order (see realm.c). Natives follow
 * objects/function.h: StValue fn(StVM *, StCallInfo *), ST_EXCEPTION on a throw.
 *
 * Realm set-up cannot fail in practice (a fresh heap); an allocation failure there is an
 * internal error (ST_CHECK), not a JS exception.
 */
#ifndef ST_BUILTINS_BUILTINS_H
#define ST_BUILTINS_BUILTINS_H

#include "objects/ops.h"

/* Creates the realm: intrinsics, the global object and every built-in. */
void st_builtins_init(StVM *vm);

/* Defines a native method (writable, configurable, non-enumerable) on target. */
StNativeFunction *st_builtins_method(StVM *vm, StObject *target, const char *name,
                                     StNativeFn fn, uint32_t length);
/* The same keyed by a symbol; the function's name is "[description]". */
StNativeFunction *st_builtins_symbol_method(StVM *vm, StObject *target, StSymbol *sym,
                                            const char *name, StNativeFn fn, uint32_t length);
/* A constructor: native `fn` with `prototype` (non-writable, non-enumerable,
 * non-configurable) and prototype.constructor; defined on the global object as `name`. */
StNativeFunction *st_builtins_ctor(StVM *vm, const char *name, StNativeFn fn, uint32_t length,
                                   StObject *prototype);
/* A data property with attributes. */
void st_builtins_value(StVM *vm, StObject *target, const char *name, StValue v, uint8_t attrs);
/* An accessor property with a native getter (and optional setter); configurable. */
void st_builtins_accessor(StVM *vm, StObject *target, const char *name, StNativeFn getter,
                          StNativeFn setter);
/* A plain object with Object.prototype as prototype, defined on the global object. */
StObject *st_builtins_namespace(StVM *vm, const char *name);
/* Interned string value of a C string (realm set-up: cannot fail). */
StValue st_builtins_atom(StVM *vm, const char *s);
/* A new string value from UTF-8, or ST_EXCEPTION. */
StValue st_builtins_string(StVM *vm, const char *s);

/* Argument helpers for natives. */
/* `this` as an object of the given kind, or a TypeError naming method. */
StObject *st_builtins_this_kind(StVM *vm, StCallInfo *ci, StCellKind kind, const char *method);
/* Creates an Error-like object of the kind with message (not thrown). */
StObject *st_builtins_make_error(StVM *vm, StErrorKind kind, StValue message);

/* Map/Set contents for inspection (console.log): a new array [k0, v0, k1, v1, ...] for a Map
 * (*is_map set) or [v0, v1, ...] for a Set, in insertion order. NULL with an exception pending
 * on OOM. Implemented in lib_map.c. */
StObject *st_lib_map_snapshot(StVM *vm, StObject *o, bool *is_map);

/* Per-library initializers (realm.c calls them in this order). */
void st_lib_function_init(StVM *vm);
void st_lib_dynamic_init(StVM *vm); /* after Function: %AsyncFunction.prototype% */
/* new Function(...) / Function(...): CreateDynamicFunction (lib_dynamic.c). */
StValue st_lib_dynamic_function(StVM *vm, StCallInfo *ci);
void st_lib_object_init(StVM *vm);
void st_lib_symbol_init(StVM *vm);
void st_lib_error_init(StVM *vm);
void st_lib_iterator_init(StVM *vm);
void st_lib_array_init(StVM *vm);
void st_lib_string_init(StVM *vm);
void st_lib_number_init(StVM *vm);
void st_lib_date_init(StVM *vm);
void st_lib_boolean_init(StVM *vm);
void st_lib_math_init(StVM *vm);
void st_lib_json_init(StVM *vm);
void st_lib_map_init(StVM *vm);
void st_lib_global_init(StVM *vm);

#endif
