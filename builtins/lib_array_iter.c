/* builtins/lib_array_iter.c: the Array.prototype methods that call back into JS for each
 * element: forEach, map, filter, reduce, reduceRight, some, every, find, findIndex, findLast,
 * findLastIndex, flat and flatMap.
 *
 * The callback may change the array as it goes (push, pop, delete, redefine), so each step
 * re-reads the element through st_lib_array_get_if_present / st_lib_array_get, whose dense
 * fast path re-checks the array's state on every call. The length is read once, as the spec
 * says, so elements appended by the callback are not visited.
 */
#include "builtins/lib_array.h"

#include <math.h>

/* The shared start of every method: O = ToObject(this), len = LengthOfArrayLike(O), and the
 * callback check (which comes after the length is read). */
static StObject *begin(StVM *vm, StCallInfo *ci, const char *method, double *len) {
  StObject *o = st_lib_array_this_object(vm, ci, method);
  if (!o || !st_lib_array_length_of(vm, o, len) || !st_lib_array_check_callable(vm, st_arg(ci, 0)))
    return NULL;
  return o;
}

/* callback.call(thisArg, v, k, O) */
static StValue call3(StVM *vm, StCallInfo *ci, StValue v, double k, StObject *o) {
  StValue args[3] = {v, st_number(k), st_object_value(o)};
  return st_vm_call(vm, ci->argv[0], st_arg(ci, 1), 3, args);
}

static StValue array_for_each(StVM *vm, StCallInfo *ci) {
  double len;
  StObject *o = begin(vm, ci, "forEach", &len);
  if (!o) return ST_EXCEPTION;
  for (double k = 0; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (has && call3(vm, ci, v, k, o) == ST_EXCEPTION) return ST_EXCEPTION;
  }
  return ST_UNDEFINED;
}

static StValue array_map(StVM *vm, StCallInfo *ci) {
  double len;
  StObject *o = begin(vm, ci, "map", &len);
  if (!o) return ST_EXCEPTION;
  StObject *a = st_lib_array_species_create(vm, o, len);
  if (!a) return ST_EXCEPTION;
  for (double k = 0; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (!has) continue;
    StValue r = call3(vm, ci, v, k, o);
    if (r == ST_EXCEPTION || !st_lib_array_create(vm, a, k, r)) return ST_EXCEPTION;
  }
  st_lib_array_mark_packed(a);
  return st_object_value(a);
}

static StValue array_filter(StVM *vm, StCallInfo *ci) {
  double len;
  StObject *o = begin(vm, ci, "filter", &len);
  if (!o) return ST_EXCEPTION;
  StObject *a = st_lib_array_species_create(vm, o, 0);
  if (!a) return ST_EXCEPTION;
  double to = 0;
  for (double k = 0; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (!has) continue;
    StValue r = call3(vm, ci, v, k, o);
    if (r == ST_EXCEPTION) return ST_EXCEPTION;
    if (st_value_truthy(r)) {
      if (!st_lib_array_create(vm, a, to, v)) return ST_EXCEPTION;
      to++;
    }
  }
  return st_object_value(a);
}

/* reduce (dir 1) and reduceRight (dir -1). */
static StValue reduce(StVM *vm, StCallInfo *ci, const char *method, int dir) {
  double len;
  StObject *o = begin(vm, ci, method, &len);
  if (!o) return ST_EXCEPTION;
  double k = dir > 0 ? 0 : len - 1;
  StValue acc = ST_UNDEFINED;
  if (ci->argc >= 2) {
    acc = ci->argv[1];
  } else {
    bool found = false;
    for (; dir > 0 ? k < len : k >= 0; k += dir) {
      int has = st_lib_array_get_if_present(vm, o, k, &acc);
      if (has < 0) return ST_EXCEPTION;
      if (has) {
        found = true;
        k += dir;
        break;
      }
    }
    if (!found) return st_vm_type_error(vm, "Reduce of empty array with no initial value");
  }
  for (; dir > 0 ? k < len : k >= 0; k += dir) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (!has) continue;
    StValue args[4] = {acc, v, st_number(k), st_object_value(o)};
    acc = st_vm_call(vm, ci->argv[0], ST_UNDEFINED, 4, args);
    if (acc == ST_EXCEPTION) return ST_EXCEPTION;
  }
  return acc;
}

static StValue array_reduce(StVM *vm, StCallInfo *ci) { return reduce(vm, ci, "reduce", 1); }
static StValue array_reduce_right(StVM *vm, StCallInfo *ci) {
  return reduce(vm, ci, "reduceRight", -1);
}

/* some (want true: stop at the first truthy result) and every (stop at the first falsy). */
static StValue some_every(StVM *vm, StCallInfo *ci, const char *method, bool stop_on) {
  double len;
  StObject *o = begin(vm, ci, method, &len);
  if (!o) return ST_EXCEPTION;
  for (double k = 0; k < len; k++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, o, k, &v);
    if (has < 0) return ST_EXCEPTION;
    if (!has) continue;
    StValue r = call3(vm, ci, v, k, o);
    if (r == ST_EXCEPTION) return ST_EXCEPTION;
    if (st_value_truthy(r) == stop_on) return st_bool(stop_on);
  }
  return st_bool(!stop_on);
}

static StValue array_some(StVM *vm, StCallInfo *ci) { return some_every(vm, ci, "some", true); }
static StValue array_every(StVM *vm, StCallInfo *ci) { return some_every(vm, ci, "every", false); }

/* find / findIndex / findLast / findLastIndex: every index is visited, holes as undefined. */
static StValue find(StVM *vm, StCallInfo *ci, const char *method, bool from_end, bool want_index) {
  double len;
  StObject *o = begin(vm, ci, method, &len);
  if (!o) return ST_EXCEPTION;
  for (double i = 0; i < len; i++) {
    double k = from_end ? len - 1 - i : i;
    StValue v = st_lib_array_get(vm, o, k);
    if (v == ST_EXCEPTION) return ST_EXCEPTION;
    StValue r = call3(vm, ci, v, k, o);
    if (r == ST_EXCEPTION) return ST_EXCEPTION;
    if (st_value_truthy(r)) return want_index ? st_number(k) : v;
  }
  return want_index ? st_int(-1) : ST_UNDEFINED;
}

static StValue array_find(StVM *vm, StCallInfo *ci) { return find(vm, ci, "find", false, false); }
static StValue array_find_index(StVM *vm, StCallInfo *ci) {
  return find(vm, ci, "findIndex", false, true);
}
static StValue array_find_last(StVM *vm, StCallInfo *ci) {
  return find(vm, ci, "findLast", true, false);
}
static StValue array_find_last_index(StVM *vm, StCallInfo *ci) {
  return find(vm, ci, "findLastIndex", true, true);
}

/* FlattenIntoArray(target, source, sourceLen, start, depth [, mapper, thisArg]); returns the
 * next target index, or -1 on a throw. */
static double flatten_into(StVM *vm, StObject *target, StObject *source, double source_len,
                           double start, double depth, StValue mapper, StValue this_arg) {
  if (!st_vm_check_c_stack(vm)) return -1;
  double t = start;
  for (double s = 0; s < source_len; s++) {
    StValue v;
    int has = st_lib_array_get_if_present(vm, source, s, &v);
    if (has < 0) return -1;
    if (!has) continue;
    if (!st_is_undefined(mapper)) {
      StValue args[3] = {v, st_number(s), st_object_value(source)};
      v = st_vm_call(vm, mapper, this_arg, 3, args);
      if (v == ST_EXCEPTION) return -1;
    }
    if (depth > 0 && st_lib_array_is_array(v)) {
      StObject *inner = st_get_object(v);
      double inner_len;
      if (!st_lib_array_length_of(vm, inner, &inner_len)) return -1;
      t = flatten_into(vm, target, inner, inner_len, t, depth == INFINITY ? depth : depth - 1,
                       ST_UNDEFINED, ST_UNDEFINED);
      if (t < 0) return -1;
    } else {
      if (t >= ST_LIB_ARRAY_MAX_LENGTH) {
        st_vm_type_error(vm, "Invalid array length: the result would exceed 2**53-1 elements");
        return -1;
      }
      if (!st_lib_array_create(vm, target, t, v)) return -1;
      t++;
    }
  }
  return t;
}

static StValue array_flat(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "flat");
  if (!o) return ST_EXCEPTION;
  double len, depth = 1;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  if (!st_is_undefined(st_arg(ci, 0))) {
    if (!st_ops_to_integer(vm, ci->argv[0], &depth)) return ST_EXCEPTION;
    if (depth < 0) depth = 0;
  }
  StObject *a = st_lib_array_species_create(vm, o, 0);
  if (!a) return ST_EXCEPTION;
  if (flatten_into(vm, a, o, len, 0, depth, ST_UNDEFINED, ST_UNDEFINED) < 0) return ST_EXCEPTION;
  return st_object_value(a);
}

static StValue array_flat_map(StVM *vm, StCallInfo *ci) {
  double len;
  StObject *o = begin(vm, ci, "flatMap", &len);
  if (!o) return ST_EXCEPTION;
  StObject *a = st_lib_array_species_create(vm, o, 0);
  if (!a) return ST_EXCEPTION;
  if (flatten_into(vm, a, o, len, 0, 1, ci->argv[0], st_arg(ci, 1)) < 0) return ST_EXCEPTION;
  return st_object_value(a);
}

void st_lib_array_iter_init(StVM *vm, StObject *ap) {
  st_builtins_method(vm, ap, "every", array_every, 1);
  st_builtins_method(vm, ap, "filter", array_filter, 1);
  st_builtins_method(vm, ap, "find", array_find, 1);
  st_builtins_method(vm, ap, "findIndex", array_find_index, 1);
  st_builtins_method(vm, ap, "findLast", array_find_last, 1);
  st_builtins_method(vm, ap, "findLastIndex", array_find_last_index, 1);
  st_builtins_method(vm, ap, "flat", array_flat, 0);
  st_builtins_method(vm, ap, "flatMap", array_flat_map, 1);
  st_builtins_method(vm, ap, "forEach", array_for_each, 1);
  st_builtins_method(vm, ap, "map", array_map, 1);
  st_builtins_method(vm, ap, "reduce", array_reduce, 1);
  st_builtins_method(vm, ap, "reduceRight", array_reduce_right, 1);
  st_builtins_method(vm, ap, "some", array_some, 1);
}
