/* objects/ops.h: the abstract operations of ECMAScript on values: type conversions, equality,
 * relational comparison, typeof, and the arithmetic slow paths the interpreter and compiled
 * code fall back to when the int32/double fast paths do not apply.
 *
 * All may call JS (valueOf, toString, getters) and so may throw: results are ST_EXCEPTION (or
 * -1 / NaN-with-pending-exception where documented) with the exception pending on the VM.
 */
#ifndef ST_OBJECTS_OPS_H
#define ST_OBJECTS_OPS_H

#include "objects/function.h"

typedef enum StHint { ST_HINT_DEFAULT, ST_HINT_NUMBER, ST_HINT_STRING } StHint;

ST_MUST_CHECK StValue st_ops_to_primitive(StVM *vm, StValue v, StHint hint);
/* ToNumber: a number value (int32 or double form), or ST_EXCEPTION. */
ST_MUST_CHECK StValue st_ops_to_number(StVM *vm, StValue v);
/* ToNumber as a double; false on exception. */
ST_MUST_CHECK bool st_ops_to_double(StVM *vm, StValue v, double *out);
ST_MUST_CHECK bool st_ops_to_int32(StVM *vm, StValue v, int32_t *out);
ST_MUST_CHECK bool st_ops_to_uint32(StVM *vm, StValue v, uint32_t *out);
/* ToIntegerOrInfinity. */
ST_MUST_CHECK bool st_ops_to_integer(StVM *vm, StValue v, double *out);
/* ToLength (0..2^53-1). */
ST_MUST_CHECK bool st_ops_to_length(StVM *vm, StValue v, double *out);
/* ToString: a string, or NULL on exception (symbols throw TypeError). */
StString *st_ops_to_string(StVM *vm, StValue v);
/* ToObject: the object, or NULL with a TypeError for null/undefined. */
StObject *st_ops_to_object(StVM *vm, StValue v);
/* ToPropertyKey as a value (string or symbol, not interned). */
ST_MUST_CHECK StValue st_ops_to_property_key(StVM *vm, StValue v);

/* The numeric operators on values: the full semantics (strings for +, ToNumeric ...). */
ST_MUST_CHECK StValue st_ops_add(StVM *vm, StValue a, StValue b);
typedef enum StArith {
  ST_ARITH_SUB, ST_ARITH_MUL, ST_ARITH_DIV, ST_ARITH_MOD, ST_ARITH_EXP,
  ST_ARITH_AND, ST_ARITH_OR, ST_ARITH_XOR, ST_ARITH_SHL, ST_ARITH_SAR, ST_ARITH_SHR,
} StArith;
ST_MUST_CHECK StValue st_ops_arith(StVM *vm, StArith op, StValue a, StValue b);
/* Numeric ops on doubles (shared with compiled code: fmod semantics, ** edge cases). */
double st_ops_mod(double a, double b);
double st_ops_pow(double a, double b);

/* Equality: 1 true, 0 false, -1 exception (only loose equality can throw). */
int st_ops_loose_equals(StVM *vm, StValue a, StValue b);
bool st_ops_strict_equals(StVM *vm, StValue a, StValue b);
bool st_ops_same_value(StVM *vm, StValue a, StValue b);
bool st_ops_same_value_zero(StVM *vm, StValue a, StValue b);
/* a < b (IsLessThan with LeftFirst): 1 true, 0 false (incl. undefined/NaN), -1 exception.
 * For a <= b call st_ops_less_than(vm, b, a, false) and negate unless it is "undefined":
 * the `*undef` out-parameter reports the NaN case. */
int st_ops_less_than(StVM *vm, StValue a, StValue b, bool left_first, bool *undef);
typedef enum StCompare { ST_CMP_LT, ST_CMP_LE, ST_CMP_GT, ST_CMP_GE } StCompare;
int st_ops_compare(StVM *vm, StCompare op, StValue a, StValue b); /* 1, 0, -1 exception */

/* typeof as an interned string (never throws). */
StString *st_ops_typeof(StVM *vm, StValue v);
/* instanceof (with Symbol.hasInstance out of scope: OrdinaryHasInstance + bound functions). */
int st_ops_instance_of(StVM *vm, StValue v, StValue ctor);
/* `key in obj`. */
int st_ops_in(StVM *vm, StValue key, StValue obj);

/* The [[Class]]-like name used by Object.prototype.toString ("Array", "Function" ...). */
const char *st_ops_builtin_tag(StVM *vm, StObject *o);

#endif
