/* objects/ops.c: ECMAScript abstract operations on values (conversions, equality, relational
 * comparison, typeof, instanceof, in) and the slow paths of the arithmetic operators.
 *
 * The interpreter's fast paths handle int32 and double operands inline; these functions give
 * the complete semantics and are what compiled code calls when its guards do not apply.
 */
#include "objects/ops.h"

#include "objects/object_internal.h"

#include "support/numconv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool st_value_truthy(StValue v) {
  if (v == ST_TRUE) return true;
  if (v == ST_FALSE || v == ST_UNDEFINED || v == ST_NULL) return false;
  if (st_is_int(v)) return st_get_int(v) != 0;
  if (st_is_double(v)) {
    double d = st_get_double(v);
    return d == d && d != 0;
  }
  if (st_is_string(v)) return st_string_length(st_get_string(v)) != 0;
  return true; /* objects and symbols */
}

/* ------------------------------------------------------------------------------------------ */
/* Conversions                                                                                */

static StValue call_method_if_callable(StVM *vm, StObject *o, StValue name, bool *called) {
  StValue m = st_object_get(vm, o, name, st_object_value(o));
  *called = false;
  if (m == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(m)) return ST_UNDEFINED;
  *called = true;
  return st_vm_call(vm, m, st_object_value(o), 0, NULL);
}

StValue st_ops_to_primitive(StVM *vm, StValue v, StHint hint) {
  if (!st_is_object(v)) return v;
  if (!st_vm_check_c_stack(vm)) return ST_EXCEPTION;
  StObject *o = st_get_object(v);
  StValue order[2] = {st_string_value(vm->atoms.valueOf), st_string_value(vm->atoms.toString)};
  if (hint == ST_HINT_STRING) {
    order[0] = st_string_value(vm->atoms.toString);
    order[1] = st_string_value(vm->atoms.valueOf);
  }
  for (int i = 0; i < 2; i++) {
    bool called;
    StValue r = call_method_if_callable(vm, o, order[i], &called);
    if (r == ST_EXCEPTION) return ST_EXCEPTION;
    if (called && !st_is_object(r)) return r;
  }
  return st_vm_type_error(vm, "Cannot convert object to primitive value");
}

StValue st_ops_to_number(StVM *vm, StValue v) {
  for (;;) {
    if (st_is_number(v)) return v;
    if (st_is_string(v)) return st_number(st_string_to_number(vm, st_get_string(v)));
    if (st_is_bool(v)) return st_int(st_get_bool(v));
    if (v == ST_UNDEFINED) return st_double(NAN);
    if (v == ST_NULL) return st_int(0);
    if (st_is_symbol(v)) return st_vm_type_error(vm, "Cannot convert a Symbol value to a number");
    v = st_ops_to_primitive(vm, v, ST_HINT_NUMBER);
    if (v == ST_EXCEPTION) return ST_EXCEPTION;
  }
}

bool st_ops_to_double(StVM *vm, StValue v, double *out) {
  if (st_is_int(v)) {
    *out = st_get_int(v);
    return true;
  }
  if (st_is_double(v)) {
    *out = st_get_double(v);
    return true;
  }
  StValue n = st_ops_to_number(vm, v);
  if (n == ST_EXCEPTION) return false;
  *out = st_get_number(n);
  return true;
}

bool st_ops_to_int32(StVM *vm, StValue v, int32_t *out) {
  if (st_is_int(v)) {
    *out = st_get_int(v);
    return true;
  }
  double d;
  if (!st_ops_to_double(vm, v, &d)) return false;
  *out = st_numconv_to_int32(d);
  return true;
}

bool st_ops_to_uint32(StVM *vm, StValue v, uint32_t *out) {
  int32_t i;
  if (!st_ops_to_int32(vm, v, &i)) return false;
  *out = (uint32_t)i;
  return true;
}

bool st_ops_to_integer(StVM *vm, StValue v, double *out) {
  double d;
  if (!st_ops_to_double(vm, v, &d)) return false;
  if (d != d) d = 0;
  else if (isfinite(d)) d = trunc(d) + 0.0; /* + 0.0 turns -0 into +0 */
  *out = d;
  return true;
}

bool st_ops_to_length(StVM *vm, StValue v, double *out) {
  double d;
  if (!st_ops_to_integer(vm, v, &d)) return false;
  if (d <= 0) d = 0;
  else if (d > 9007199254740991.0) d = 9007199254740991.0;
  *out = d;
  return true;
}

StString *st_ops_to_string(StVM *vm, StValue v) {
  for (;;) {
    if (st_is_string(v)) return st_get_string(v);
    if (st_is_int(v)) return st_string_from_int(vm, st_get_int(v));
    if (st_is_double(v)) return st_string_from_double(vm, st_get_double(v));
    if (v == ST_TRUE) return vm->atoms.true_;
    if (v == ST_FALSE) return vm->atoms.false_;
    if (v == ST_UNDEFINED) return vm->atoms.undefined;
    if (v == ST_NULL) return vm->atoms.null_;
    if (st_is_symbol(v)) {
      st_vm_type_error(vm, "Cannot convert a Symbol value to a string");
      return NULL;
    }
    v = st_ops_to_primitive(vm, v, ST_HINT_STRING);
    if (v == ST_EXCEPTION) return NULL;
  }
}

StObject *st_ops_to_object(StVM *vm, StValue v) {
  if (st_is_object(v)) return st_get_object(v);
  StCellKind kind;
  StObject *proto;
  if (st_is_string(v)) {
    kind = ST_KIND_STRING_OBJECT;
    proto = vm->intrinsics.StringPrototype;
  } else if (st_is_number(v)) {
    kind = ST_KIND_NUMBER_OBJECT;
    proto = vm->intrinsics.NumberPrototype;
  } else if (st_is_bool(v)) {
    kind = ST_KIND_BOOLEAN_OBJECT;
    proto = vm->intrinsics.BooleanPrototype;
  } else if (st_is_symbol(v)) {
    kind = ST_KIND_SYMBOL_OBJECT;
    proto = vm->intrinsics.SymbolPrototype;
  } else {
    st_vm_type_error(vm, "Cannot convert undefined or null to object");
    return NULL;
  }
  StWrapper *w = (StWrapper *)st_object_alloc(vm, kind, sizeof(StWrapper), proto, 1);
  if (!w) return NULL;
  w->value = v;
  if (kind == ST_KIND_STRING_OBJECT) {
    w->obj.hdr.flags |= ST_OBJECT_EXOTIC;
    if (!st_object_add(vm, &w->obj, st_string_value(vm->atoms.length),
                       st_int((int32_t)st_string_length(st_get_string(v))), 0))
      return NULL;
  }
  return &w->obj;
}

StValue st_ops_to_property_key(StVM *vm, StValue v) {
  StValue p = st_ops_to_primitive(vm, v, ST_HINT_STRING);
  if (p == ST_EXCEPTION || st_is_symbol(p)) return p;
  StString *s = st_ops_to_string(vm, p);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

/* ------------------------------------------------------------------------------------------ */
/* Arithmetic                                                                                 */

double st_ops_mod(double a, double b) {
  /* C's fmod matches JS % (sign of the dividend, NaN for x % 0 and Infinity % x). */
  return fmod(a, b);
}

double st_ops_pow(double a, double b) {
  /* JS differs from C's pow: 1 ** NaN and (+-1) ** (+-Infinity) are NaN. */
  if (b != b) return NAN;
  if ((a == 1 || a == -1) && isinf(b)) return NAN;
  /* Squaring is one IEEE multiplication (round to nearest even) here, as in V8 and as LLVM
   * folds pow(x, 2) in compiled code; glibc's pow can round an exact tie the other way. */
  if (b == 2) return a * a;
  return pow(a, b);
}

StValue st_ops_add(StVM *vm, StValue a, StValue b) {
  if (st_is_int(a) && st_is_int(b)) {
    int64_t r = (int64_t)st_get_int(a) + st_get_int(b);
    return r == (int32_t)r ? st_int((int32_t)r) : st_double((double)r);
  }
  if (st_is_number(a) && st_is_number(b)) return st_double(st_get_number(a) + st_get_number(b));
  if (st_is_string(a) && st_is_string(b)) {
    StString *s = st_string_concat(vm, st_get_string(a), st_get_string(b));
    return s ? st_string_value(s) : ST_EXCEPTION;
  }
  StValue pa = st_ops_to_primitive(vm, a, ST_HINT_DEFAULT);
  if (pa == ST_EXCEPTION) return ST_EXCEPTION;
  StValue pb = st_ops_to_primitive(vm, b, ST_HINT_DEFAULT);
  if (pb == ST_EXCEPTION) return ST_EXCEPTION;
  if (st_is_string(pa) || st_is_string(pb)) {
    StString *sa = st_ops_to_string(vm, pa);
    if (!sa) return ST_EXCEPTION;
    StString *sb = st_ops_to_string(vm, pb);
    if (!sb) return ST_EXCEPTION;
    StString *s = st_string_concat(vm, sa, sb);
    return s ? st_string_value(s) : ST_EXCEPTION;
  }
  double x, y;
  if (!st_ops_to_double(vm, pa, &x) || !st_ops_to_double(vm, pb, &y)) return ST_EXCEPTION;
  return st_number(x + y);
}

StValue st_ops_arith(StVM *vm, StArith op, StValue a, StValue b) {
  double x, y;
  /* ToNumeric of the left operand comes first, then the right. */
  if (!st_ops_to_double(vm, a, &x)) return ST_EXCEPTION;
  if (!st_ops_to_double(vm, b, &y)) return ST_EXCEPTION;
  switch (op) {
  case ST_ARITH_SUB: return st_number(x - y);
  case ST_ARITH_MUL: return st_number(x * y);
  case ST_ARITH_DIV: return st_number(x / y);
  case ST_ARITH_MOD: return st_number(st_ops_mod(x, y));
  case ST_ARITH_EXP: return st_number(st_ops_pow(x, y));
  case ST_ARITH_AND: return st_int(st_numconv_to_int32(x) & st_numconv_to_int32(y));
  case ST_ARITH_OR: return st_int(st_numconv_to_int32(x) | st_numconv_to_int32(y));
  case ST_ARITH_XOR: return st_int(st_numconv_to_int32(x) ^ st_numconv_to_int32(y));
  case ST_ARITH_SHL:
    return st_int((int32_t)((uint32_t)st_numconv_to_int32(x) << (st_numconv_to_int32(y) & 31)));
  case ST_ARITH_SAR: return st_int(st_numconv_to_int32(x) >> (st_numconv_to_int32(y) & 31));
  case ST_ARITH_SHR:
    return st_number((double)((uint32_t)st_numconv_to_int32(x) >> (st_numconv_to_int32(y) & 31)));
  }
  ST_UNREACHABLE();
}

/* ------------------------------------------------------------------------------------------ */
/* Equality                                                                                   */

bool st_ops_strict_equals(StVM *vm, StValue a, StValue b) {
  if (st_is_number(a) && st_is_number(b)) return st_get_number(a) == st_get_number(b);
  if (st_is_string(a) && st_is_string(b))
    return a == b || st_string_equals(vm, st_get_string(a), st_get_string(b));
  return a == b;
}

bool st_ops_same_value_zero(StVM *vm, StValue a, StValue b) {
  if (st_is_number(a) && st_is_number(b)) {
    double x = st_get_number(a), y = st_get_number(b);
    return x == y || (x != x && y != y);
  }
  return st_ops_strict_equals(vm, a, b);
}

bool st_ops_same_value(StVM *vm, StValue a, StValue b) {
  if (st_is_number(a) && st_is_number(b)) {
    double x = st_get_number(a), y = st_get_number(b);
    if (x != x) return y != y;
    return x == y && signbit(x) == signbit(y);
  }
  return st_ops_strict_equals(vm, a, b);
}

int st_ops_loose_equals(StVM *vm, StValue a, StValue b) {
  for (;;) {
    if (st_is_number(a) && st_is_number(b)) return st_get_number(a) == st_get_number(b);
    if (st_is_string(a) && st_is_string(b)) return st_ops_strict_equals(vm, a, b);
    if (st_is_nullish(a) || st_is_nullish(b)) return st_is_nullish(a) && st_is_nullish(b);
    if ((st_is_bool(a) && st_is_bool(b)) || (st_is_symbol(a) && st_is_symbol(b)) ||
        (st_is_object(a) && st_is_object(b)))
      return a == b;
    if (st_is_number(a) && st_is_string(b)) {
      b = st_number(st_string_to_number(vm, st_get_string(b)));
    } else if (st_is_string(a) && st_is_number(b)) {
      a = st_number(st_string_to_number(vm, st_get_string(a)));
    } else if (st_is_bool(a)) {
      a = st_int(st_get_bool(a));
    } else if (st_is_bool(b)) {
      b = st_int(st_get_bool(b));
    } else if (st_is_object(a) && !st_is_object(b)) {
      a = st_ops_to_primitive(vm, a, ST_HINT_DEFAULT);
      if (a == ST_EXCEPTION) return -1;
    } else if (st_is_object(b) && !st_is_object(a)) {
      b = st_ops_to_primitive(vm, b, ST_HINT_DEFAULT);
      if (b == ST_EXCEPTION) return -1;
    } else {
      return 0; /* e.g. a symbol against a number or a string */
    }
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Relational comparison                                                                      */

int st_ops_less_than(StVM *vm, StValue a, StValue b, bool left_first, bool *undef) {
  *undef = false;
  StValue px, py;
  if (left_first) {
    px = st_ops_to_primitive(vm, a, ST_HINT_NUMBER);
    if (px == ST_EXCEPTION) return -1;
    py = st_ops_to_primitive(vm, b, ST_HINT_NUMBER);
    if (py == ST_EXCEPTION) return -1;
  } else {
    py = st_ops_to_primitive(vm, b, ST_HINT_NUMBER);
    if (py == ST_EXCEPTION) return -1;
    px = st_ops_to_primitive(vm, a, ST_HINT_NUMBER);
    if (px == ST_EXCEPTION) return -1;
  }
  if (st_is_string(px) && st_is_string(py))
    return st_string_compare(vm, st_get_string(px), st_get_string(py)) < 0;
  double x, y;
  if (!st_ops_to_double(vm, px, &x) || !st_ops_to_double(vm, py, &y)) return -1;
  if (x != x || y != y) {
    *undef = true;
    return 0;
  }
  return x < y;
}

int st_ops_compare(StVM *vm, StCompare op, StValue a, StValue b) {
  if (st_is_number(a) && st_is_number(b)) {
    double x = st_get_number(a), y = st_get_number(b);
    switch (op) {
    case ST_CMP_LT: return x < y;
    case ST_CMP_LE: return x <= y;
    case ST_CMP_GT: return x > y;
    case ST_CMP_GE: return x >= y;
    }
  }
  bool undef;
  int r;
  switch (op) {
  case ST_CMP_LT: return st_ops_less_than(vm, a, b, true, &undef);
  case ST_CMP_GT: return st_ops_less_than(vm, b, a, false, &undef);
  case ST_CMP_LE:
    r = st_ops_less_than(vm, b, a, false, &undef);
    return r < 0 ? -1 : (undef ? 0 : !r);
  case ST_CMP_GE:
    r = st_ops_less_than(vm, a, b, true, &undef);
    return r < 0 ? -1 : (undef ? 0 : !r);
  }
  ST_UNREACHABLE();
}

/* ------------------------------------------------------------------------------------------ */
/* typeof, instanceof, in                                                                     */

StString *st_ops_typeof(StVM *vm, StValue v) {
  if (st_is_number(v)) return vm->atoms.number;
  if (st_is_string(v)) return vm->atoms.string;
  if (st_is_bool(v)) return vm->atoms.boolean;
  if (v == ST_UNDEFINED) return vm->atoms.undefined;
  if (v == ST_NULL) return vm->atoms.object;
  if (st_is_symbol(v)) return vm->atoms.symbol;
  if (st_is_object(v) && st_object_is_callable(st_get_object(v))) return vm->atoms.function;
  return vm->atoms.object;
}

int st_ops_instance_of(StVM *vm, StValue v, StValue ctor) {
  if (!st_value_is_callable(ctor)) {
    st_vm_type_error(vm, "Right-hand side of 'instanceof' is not %s",
                     st_is_object(ctor) ? "callable" : "an object");
    return -1;
  }
  StObject *c = st_get_object(ctor);
  while (c->hdr.kind == ST_KIND_BOUND_FUNCTION) c = st_get_object(((StBoundFunction *)c)->target);
  if (!st_is_object(v)) return 0;
  StValue proto = st_object_get(vm, c, st_string_value(vm->atoms.prototype), st_object_value(c));
  if (proto == ST_EXCEPTION) return -1;
  if (!st_is_object(proto)) {
    st_vm_type_error(vm, "Function has non-object prototype '%s' in instanceof check",
                     st_is_undefined(proto) ? "undefined" : "value");
    return -1;
  }
  StObject *p = st_get_object(proto);
  for (StObject *o = st_object_proto(st_get_object(v)); o; o = st_object_proto(o))
    if (o == p) return 1;
  return 0;
}

int st_ops_in(StVM *vm, StValue key, StValue obj) {
  if (!st_is_object(obj)) {
    char k[200] = "?";
    if (st_is_string(key) || st_is_symbol(key) || st_is_number(key))
      st_object_key_cstr(vm, key, k, sizeof k);
    st_vm_type_error(vm, "Cannot use 'in' operator to search for '%s' in %s", k,
                     st_is_string(obj) ? "a string" : "a non-object");
    return -1;
  }
  uint32_t index;
  StValue k = st_object_to_key(vm, key, &index);
  if (k == ST_EXCEPTION) return -1;
  if (k == ST_HOLE) return st_object_has_index(vm, st_get_object(obj), index);
  return st_object_has(vm, st_get_object(obj), k);
}

const char *st_ops_builtin_tag(StVM *vm, StObject *o) {
  (void)vm;
  switch (o->hdr.kind) {
  case ST_KIND_ARRAY: return "Array";
  case ST_KIND_FUNCTION:
  case ST_KIND_NATIVE_FUNCTION:
  case ST_KIND_BOUND_FUNCTION: return "Function";
  case ST_KIND_ERROR: return "Error";
  case ST_KIND_BOOLEAN_OBJECT: return "Boolean";
  case ST_KIND_NUMBER_OBJECT: return "Number";
  case ST_KIND_STRING_OBJECT: return "String";
  case ST_KIND_ARGUMENTS: return "Arguments";
  default: return "Object";
  }
}
