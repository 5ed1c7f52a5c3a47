/* builtins/lib_array_sort.c: Array.prototype.sort and the change-array-by-copy methods
 * (toSorted, toReversed, toSpliced, with).
 *
 * Sorting (SortIndexedProperties + SortCompare): the present elements are copied into a
 * private JS array, undefined values are set aside (SortCompare puts them last without
 * calling the comparator), the rest is merge-sorted (stable, as the spec requires since
 * ES2019), and the result is written back with Set / DeletePropertyOrThrow. The comparator
 * may do anything, including modifying the array being sorted; it only ever sees the private
 * copy's values, and an exception from it stops the sort before anything is written back.
 *
 * Without a comparator, elements are compared as strings: each is converted once, up front,
 * into a parallel array of keys (the spec converts at every comparison; the number of
 * toString calls is implementation-defined in practice and not tested).
 *
 * GC: the sort buffers are the element storage of private JS arrays (malloc'd, invisible to
 * the conservative scan), so the arrays themselves are kept alive until the sort is done.
 */
#include "builtins/lib_array.h"

#include <stdlib.h>
#include <string.h>

typedef struct Sorter {
  StVM *vm;
  StValue cmp;       /* the comparator, or undefined: compare keys as strings */
  StValue *vals;     /* the values being sorted */
  StValue *keys;     /* their string keys (no comparator), parallel to vals */
  StValue *tmp_vals; /* merge buffers */
  StValue *tmp_keys;
} Sorter;

/* x < y in the sort order? (SortCompare(x, y) < 0 for the merge: stability takes the left run
 * unless the right element is strictly smaller.) -1 on a throw. */
static int less(Sorter *s, const StValue *xv, const StValue *xk, const StValue *yv,
                const StValue *yk) {
  StVM *vm = s->vm;
  if (st_is_undefined(s->cmp)) {
    StString *a = st_get_string(*xk), *b = st_get_string(*yk);
    if (a == b) return 0;
    return st_string_compare(vm, a, b) < 0;
  }
  StValue args[2] = {*xv, *yv};
  StValue r = st_vm_call(vm, s->cmp, ST_UNDEFINED, 2, args);
  if (r == ST_EXCEPTION) return -1;
  if (st_is_int(r)) return st_get_int(r) < 0;
  double d;
  if (!st_ops_to_double(vm, r, &d)) return -1;
  return d < 0; /* NaN counts as +0 */
}

/* Merges runs [lo, mid) and [mid, hi) of the values (and keys) through the buffers. */
static bool merge(Sorter *s, uint32_t lo, uint32_t mid, uint32_t hi) {
  StValue *v = s->vals, *k = s->keys, *tv = s->tmp_vals, *tk = s->tmp_keys;
  uint32_t i = lo, j = mid, o = lo;
  while (i < mid && j < hi) {
    /* Take from the right only when right < left: equal elements keep their order. */
    int r = less(s, &v[j], k ? &k[j] : NULL, &v[i], k ? &k[i] : NULL);
    if (r < 0) return false;
    if (r) {
      tv[o] = v[j];
      if (k) tk[o] = k[j];
      j++;
    } else {
      tv[o] = v[i];
      if (k) tk[o] = k[i];
      i++;
    }
    o++;
  }
  for (; i < mid; i++, o++) {
    tv[o] = v[i];
    if (k) tk[o] = k[i];
  }
  for (; j < hi; j++, o++) {
    tv[o] = v[j];
    if (k) tk[o] = k[j];
  }
  memcpy(v + lo, tv + lo, (hi - lo) * sizeof(StValue));
  if (k) memcpy(k + lo, tk + lo, (hi - lo) * sizeof(StValue));
  return true;
}

/* Insertion sort of a short run (stable; fewer comparator calls than merging tiny runs). */
static bool insertion_sort(Sorter *s, uint32_t lo, uint32_t hi) {
  StValue *v = s->vals, *k = s->keys;
  for (uint32_t i = lo + 1; i < hi; i++) {
    StValue x = v[i], xk = k ? k[i] : ST_UNDEFINED;
    uint32_t j = i;
    while (j > lo) {
      int r = less(s, &x, &xk, &v[j - 1], k ? &k[j - 1] : NULL);
      if (r < 0) return false;
      if (!r) break;
      v[j] = v[j - 1];
      if (k) k[j] = k[j - 1];
      j--;
    }
    v[j] = x;
    if (k) k[j] = xk;
  }
  return true;
}

enum { RUN = 8 };

/* Bottom-up merge sort of s->vals[0, n). */
static bool merge_sort(Sorter *s, uint32_t n) {
  for (uint32_t lo = 0; lo < n; lo += RUN)
    if (!insertion_sort(s, lo, lo + RUN < n ? lo + RUN : n)) return false;
  for (uint32_t width = RUN; width < n; width *= 2) {
    for (uint32_t lo = 0; lo + width < n; lo += 2 * width) {
      uint32_t mid = lo + width, hi = lo + 2 * width < n ? lo + 2 * width : n;
      /* Already in order: the runs need no merge (a cheap win on sorted input). */
      int r = less(s, &s->vals[mid], s->keys ? &s->keys[mid] : NULL, &s->vals[mid - 1],
                   s->keys ? &s->keys[mid - 1] : NULL);
      if (r < 0) return false;
      if (!r) continue;
      if (!merge(s, lo, mid, hi)) return false;
    }
    if (width > UINT32_MAX / 2) break;
  }
  return true;
}

/* A private array of n slots (undefined), for sort storage. */
static StObject *buffer(StVM *vm, uint32_t n) {
  StObject *a = st_array_new(vm, n ? n : 1);
  if (!a) return NULL;
  for (uint32_t i = 0; i < n; i++) a->elements->data[i] = ST_UNDEFINED;
  a->elements->length = n;
  a->hdr.aux = n;
  return a;
}

/* SortIndexedProperties(o, len, SortCompare, holes): the sorted values as a new private array
 * (undefined values last). skip_holes: only present elements (sort); else every index, holes
 * read as undefined (toSorted). NULL on a throw. */
static StObject *sort_values(StVM *vm, StObject *o, double len, StValue cmp, bool skip_holes) {
  if (len > 4294967295.0) {
    st_vm_range_error(vm, "Invalid array length");
    return NULL;
  }
  StObject *items = st_array_new(vm, 0);
  if (!items) return NULL;
  uint32_t undefs = 0;
  for (double k = 0; k < len; k++) {
    StValue v;
    if (skip_holes) {
      int has = st_lib_array_get_if_present(vm, o, k, &v);
      if (has < 0) return NULL;
      if (!has) continue;
    } else {
      v = st_lib_array_get(vm, o, k);
      if (v == ST_EXCEPTION) return NULL;
    }
    if (st_is_undefined(v)) undefs++;
    else if (!st_array_push(vm, items, v)) return NULL;
  }
  uint32_t n = st_array_length(items);
  StObject *keys = NULL, *tmp_keys = NULL;
  if (st_is_undefined(cmp)) {
    keys = buffer(vm, n);
    if (!keys) return NULL;
    for (uint32_t i = 0; i < n; i++) {
      StString *str = st_ops_to_string(vm, items->elements->data[i]);
      if (!str) return NULL;
      keys->elements->data[i] = st_string_value(str);
    }
    tmp_keys = buffer(vm, n);
    if (!tmp_keys) return NULL;
  }
  StObject *tmp = buffer(vm, n);
  if (!tmp) return NULL;
  if (n > 1) {
    Sorter s = {vm, cmp, items->elements->data, keys ? keys->elements->data : NULL,
                tmp->elements->data, tmp_keys ? tmp_keys->elements->data : NULL};
    bool ok = merge_sort(&s, n);
    st_lib_array_keep_alive(keys);
    st_lib_array_keep_alive(tmp_keys);
    st_lib_array_keep_alive(tmp);
    if (!ok) return NULL;
  }
  for (uint32_t i = 0; i < undefs; i++)
    if (!st_array_push(vm, items, ST_UNDEFINED)) return NULL;
  return items;
}

static bool check_comparator(StVM *vm, StValue cmp) {
  if (st_is_undefined(cmp) || st_value_is_callable(cmp)) return true;
  st_vm_type_error(vm, "The comparison function must be either a function or undefined");
  return false;
}

static StValue array_sort(StVM *vm, StCallInfo *ci) {
  StValue cmp = st_arg(ci, 0);
  if (!check_comparator(vm, cmp)) return ST_EXCEPTION;
  StObject *o = st_lib_array_this_object(vm, ci, "sort");
  if (!o) return ST_EXCEPTION;
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  StObject *sorted = sort_values(vm, o, len, cmp, true);
  if (!sorted) return ST_EXCEPTION;
  uint32_t n = st_array_length(sorted);
  StElements *e = o->elements;
  if (st_lib_array_is_writable_dense(o) && !vm->protos_have_elements && e && e->length >= len &&
      len == o->hdr.aux) {
    /* Every index below len is a plain dense slot: the Sets and Deletes are stores. */
    for (uint32_t j = 0; j < n; j++) {
      e->data[j] = sorted->elements->data[j];
      st_object_note_element(o, e->data[j]);
      st_gc_write_barrier(vm->heap, &o->hdr, e->data[j]);
    }
    for (uint32_t j = n; j < (uint32_t)len; j++) e->data[j] = ST_HOLE;
    if (n < len) o->hdr.flags |= ST_OBJECT_HOLEY;
    return st_object_value(o);
  }
  for (uint32_t j = 0; j < n; j++)
    if (!st_lib_array_set(vm, o, j, sorted->elements->data[j])) return ST_EXCEPTION;
  for (double j = n; j < len; j++)
    if (!st_lib_array_delete(vm, o, j)) return ST_EXCEPTION;
  return st_object_value(o);
}

static StValue array_to_sorted(StVM *vm, StCallInfo *ci) {
  StValue cmp = st_arg(ci, 0);
  if (!check_comparator(vm, cmp)) return ST_EXCEPTION;
  StObject *o = st_lib_array_this_object(vm, ci, "toSorted");
  if (!o) return ST_EXCEPTION;
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  StObject *a = st_lib_array_create_array(vm, len);
  if (!a) return ST_EXCEPTION;
  StObject *sorted = sort_values(vm, o, len, cmp, false);
  if (!sorted) return ST_EXCEPTION;
  for (uint32_t j = 0; j < st_array_length(sorted); j++)
    if (!st_lib_array_create(vm, a, j, sorted->elements->data[j])) return ST_EXCEPTION;
  st_lib_array_mark_packed(a);
  return st_object_value(a);
}

static StValue array_to_reversed(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "toReversed");
  if (!o) return ST_EXCEPTION;
  double len;
  if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
  StObject *a = st_lib_array_create_array(vm, len);
  if (!a) return ST_EXCEPTION;
  for (double k = 0; k < len; k++) {
    StValue v = st_lib_array_get(vm, o, len - k - 1);
    if (v == ST_EXCEPTION || !st_lib_array_create(vm, a, k, v)) return ST_EXCEPTION;
  }
  st_lib_array_mark_packed(a);
  return st_object_value(a);
}

static StValue array_to_spliced(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "toSpliced");
  if (!o) return ST_EXCEPTION;
  double len, start, skip;
  if (!st_lib_array_length_of(vm, o, &len) ||
      !st_lib_array_relative_index(vm, st_arg(ci, 0), len, 0, &start))
    return ST_EXCEPTION;
  uint32_t nitems = ci->argc > 2 ? ci->argc - 2 : 0;
  if (ci->argc == 0) {
    skip = 0;
  } else if (ci->argc == 1) {
    skip = len - start;
  } else {
    double sc;
    if (!st_ops_to_integer(vm, ci->argv[1], &sc)) return ST_EXCEPTION;
    skip = sc < 0 ? 0 : sc > len - start ? len - start : sc;
  }
  double new_len = len + nitems - skip;
  if (new_len > ST_LIB_ARRAY_MAX_LENGTH)
    return st_vm_type_error(vm, "Invalid array length: the result would exceed 2**53-1 elements");
  StObject *a = st_lib_array_create_array(vm, new_len);
  if (!a) return ST_EXCEPTION;
  double i = 0, r = start + skip;
  for (; i < start; i++) {
    StValue v = st_lib_array_get(vm, o, i);
    if (v == ST_EXCEPTION || !st_lib_array_create(vm, a, i, v)) return ST_EXCEPTION;
  }
  for (uint32_t j = 0; j < nitems; j++, i++)
    if (!st_lib_array_create(vm, a, i, ci->argv[2 + j])) return ST_EXCEPTION;
  for (; i < new_len; i++, r++) {
    StValue v = st_lib_array_get(vm, o, r);
    if (v == ST_EXCEPTION || !st_lib_array_create(vm, a, i, v)) return ST_EXCEPTION;
  }
  st_lib_array_mark_packed(a);
  return st_object_value(a);
}

static StValue array_with(StVM *vm, StCallInfo *ci) {
  StObject *o = st_lib_array_this_object(vm, ci, "with");
  if (!o) return ST_EXCEPTION;
  double len, rel;
  if (!st_lib_array_length_of(vm, o, &len) || !st_ops_to_integer(vm, st_arg(ci, 0), &rel))
    return ST_EXCEPTION;
  double index = rel >= 0 ? rel : len + rel;
  if (index >= len || index < 0) return st_vm_range_error(vm, "Invalid index : %.0f", rel);
  StObject *a = st_lib_array_create_array(vm, len);
  if (!a) return ST_EXCEPTION;
  StValue value = st_arg(ci, 1);
  for (double k = 0; k < len; k++) {
    StValue v = k == index ? value : st_lib_array_get(vm, o, k);
    if (v == ST_EXCEPTION || !st_lib_array_create(vm, a, k, v)) return ST_EXCEPTION;
  }
  st_lib_array_mark_packed(a);
  return st_object_value(a);
}

void st_lib_array_sort_init(StVM *vm, StObject *ap) {
  st_builtins_method(vm, ap, "sort", array_sort, 1);
  st_builtins_method(vm, ap, "toReversed", array_to_reversed, 0);
  st_builtins_method(vm, ap, "toSorted", array_to_sorted, 1);
  st_builtins_method(vm, ap, "toSpliced", array_to_spliced, 2);
  st_builtins_method(vm, ap, "with", array_with, 2);
}
