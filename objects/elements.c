/* objects/elements.c: storage of indexed properties (elements), dense and sparse.
 *
 * Dense storage is an StElements (objects/object.h): a StValue array with ST_HOLE for missing
 * indices; every dense element is a writable, enumerable, configurable data property (objects
 * whose elements need other attributes go sparse). Sparse storage is an open-addressing table
 * of (index, attributes, value), used when a write would leave a huge gap, when an element
 * gets non-default attributes or an accessor, and for frozen/sealed objects. An object never
 * goes back from sparse to dense.
 */
#include "objects/object_internal.h"

#include "objects/function.h"

#include <stdlib.h>
#include <string.h>

typedef struct SparseEntry {
  uint32_t index;
  uint8_t attrs;
  uint8_t state; /* 0 empty, 1 used, 2 deleted */
  StValue value;
} SparseEntry;

typedef struct Sparse {
  uint32_t used, tombs, mask;
  SparseEntry *slots;
} Sparse;

ST_INLINE bool is_sparse(const StObject *o) { return (o->hdr.flags & ST_OBJECT_SPARSE) != 0; }
ST_INLINE Sparse *sparse_of(StObject *o) { return (Sparse *)(void *)o->elements; }

static uint32_t index_hash(uint32_t i) {
  i ^= i >> 16;
  i *= 0x7feb352du;
  i ^= i >> 15;
  return i;
}

static SparseEntry *sparse_find(Sparse *s, uint32_t index) {
  for (uint32_t i = index_hash(index) & s->mask;; i = (i + 1) & s->mask) {
    SparseEntry *e = &s->slots[i];
    if (e->state == 0) return NULL;
    if (e->state == 1 && e->index == index) return e;
  }
}

static void sparse_insert_raw(Sparse *s, uint32_t index, StValue v, uint8_t attrs);

static void sparse_grow(StVM *vm, Sparse *s) {
  uint32_t old_cap = s->slots ? s->mask + 1 : 0;
  SparseEntry *old = s->slots;
  uint32_t cap = 16;
  while (cap < (s->used + 1) * 2) cap *= 2;
  s->slots = st_xcalloc(cap, sizeof *s->slots);
  s->mask = cap - 1;
  s->used = s->tombs = 0;
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i].state == 1) sparse_insert_raw(s, old[i].index, old[i].value, old[i].attrs);
  free(old);
  st_gc_external(vm->heap, ((int64_t)cap - (int64_t)old_cap) * (int64_t)sizeof(SparseEntry));
}

static void sparse_insert_raw(Sparse *s, uint32_t index, StValue v, uint8_t attrs) {
  for (uint32_t i = index_hash(index) & s->mask;; i = (i + 1) & s->mask) {
    SparseEntry *e = &s->slots[i];
    if (e->state != 1) {
      if (e->state == 2) s->tombs--;
      *e = (SparseEntry){index, attrs, 1, v};
      s->used++;
      return;
    }
  }
}

static void sparse_set(StVM *vm, Sparse *s, uint32_t index, StValue v, uint8_t attrs) {
  SparseEntry *e = sparse_find(s, index);
  if (e) {
    e->value = v;
    e->attrs = attrs;
    return;
  }
  if ((s->used + s->tombs + 1) * 4 > (s->mask + 1) * 3) sparse_grow(vm, s);
  sparse_insert_raw(s, index, v, attrs);
}

/* Converts dense elements (if any) to sparse storage. */
static void make_sparse(StVM *vm, StObject *o) {
  if (is_sparse(o)) return;
  Sparse *s = st_xcalloc(1, sizeof *s);
  s->slots = st_xcalloc(16, sizeof *s->slots);
  s->mask = 15;
  st_gc_external(vm->heap, (int64_t)(sizeof *s + 16 * sizeof(SparseEntry)));
  StElements *e = o->elements;
  if (e) {
    for (uint32_t i = 0; i < e->length; i++)
      if (e->data[i] != ST_HOLE) sparse_set(vm, s, i, e->data[i], ST_ATTR_DEFAULT);
    st_gc_external(vm->heap, -(int64_t)(sizeof(StElements) + e->capacity * sizeof(StValue)));
    free(e);
  }
  o->elements = (StElements *)(void *)s;
  o->hdr.flags |= ST_OBJECT_SPARSE | ST_OBJECT_HOLEY;
  o->hdr.flags = (uint16_t)((o->hdr.flags & ~(3u << ST_OBJECT_ELEMS_KIND_SHIFT)) |
                            (ST_ELEMS_GENERIC << ST_OBJECT_ELEMS_KIND_SHIFT));
}

bool st_elements_reserve(StVM *vm, StObject *o, uint32_t capacity) {
  if (is_sparse(o)) return true;
  StElements *e = o->elements;
  uint32_t old = e ? e->capacity : 0;
  if (capacity <= old) return true;
  StElements *n = st_xrealloc(e, sizeof(StElements) + (size_t)capacity * sizeof(StValue));
  if (!e) n->length = 0;
  n->capacity = capacity;
  o->elements = n;
  st_gc_external(vm->heap, (int64_t)(capacity - old) * (int64_t)sizeof(StValue) +
                               (e ? 0 : (int64_t)sizeof(StElements)));
  return true;
}

int st_elements_get_own(StVM *vm, StObject *o, uint32_t i, StValue *out, uint8_t *attrs) {
  (void)vm;
  if (!o->elements) return 0;
  if (is_sparse(o)) {
    SparseEntry *e = sparse_find(sparse_of(o), i);
    if (!e) return 0;
    *out = e->value;
    *attrs = e->attrs;
    return 1;
  }
  StElements *e = o->elements;
  if (i >= e->length || e->data[i] == ST_HOLE) return 0;
  *out = e->data[i];
  *attrs = ST_ATTR_DEFAULT;
  return 1;
}

void st_object_note_element(StObject *o, StValue v) {
  uint32_t kind = st_object_elems_kind(o), nk = kind;
  if (kind == ST_ELEMS_GENERIC) return;
  if (st_is_int(v)) {
    if (kind == ST_ELEMS_NONE) nk = ST_ELEMS_INT32;
  } else if (st_is_double(v)) {
    if (kind < ST_ELEMS_DOUBLE) nk = ST_ELEMS_DOUBLE;
  } else {
    nk = ST_ELEMS_GENERIC;
  }
  if (nk != kind)
    o->hdr.flags = (uint16_t)((o->hdr.flags & ~(3u << ST_OBJECT_ELEMS_KIND_SHIFT)) |
                              (nk << ST_OBJECT_ELEMS_KIND_SHIFT));
}

static void bump_array_length(StObject *o, uint32_t i) {
  if (o->hdr.kind == ST_KIND_ARRAY && i >= o->hdr.aux) o->hdr.aux = i + 1;
}

bool st_elements_put(StVM *vm, StObject *o, uint32_t i, StValue v) {
  if (is_sparse(o)) {
    Sparse *s = sparse_of(o);
    SparseEntry *e = sparse_find(s, i);
    if (e) e->value = v;
    else sparse_set(vm, s, i, v, ST_ATTR_DEFAULT);
    bump_array_length(o, i);
    return true;
  }
  StElements *e = o->elements;
  uint32_t len = e ? e->length : 0, cap = e ? e->capacity : 0;
  if (i < len) {
    e->data[i] = v;
    st_object_note_element(o, v);
    return true;
  }
  if (i >= cap) {
    /* A write far beyond the current storage would leave a gap not worth allocating. */
    if (i > cap * 2u + ST_OBJECT_MAX_DENSE_GAP) {
      make_sparse(vm, o);
      return st_elements_put(vm, o, i, v);
    }
    uint32_t ncap = cap < 4 ? 4 : cap + cap / 2 + 1;
    if (ncap <= i) ncap = i + 1;
    st_elements_reserve(vm, o, ncap);
    e = o->elements;
  }
  if (i > len) {
    for (uint32_t k = len; k < i; k++) e->data[k] = ST_HOLE;
    o->hdr.flags |= ST_OBJECT_HOLEY;
  } else if (o->hdr.kind == ST_KIND_ARRAY && len < o->hdr.aux) {
    /* Appending after `length` was raised past the stored elements leaves holes too. */
    o->hdr.flags |= ST_OBJECT_HOLEY;
  }
  e->data[i] = v;
  e->length = i + 1;
  st_object_note_element(o, v);
  bump_array_length(o, i);
  return true;
}

bool st_elements_define(StVM *vm, StObject *o, uint32_t i, StValue v, uint8_t attrs) {
  if (attrs == ST_ATTR_DEFAULT && !is_sparse(o)) return st_elements_put(vm, o, i, v);
  make_sparse(vm, o);
  sparse_set(vm, sparse_of(o), i, v, attrs);
  bump_array_length(o, i);
  return true;
}

void st_elements_remove(StVM *vm, StObject *o, uint32_t i) {
  (void)vm;
  if (!o->elements) return;
  if (is_sparse(o)) {
    SparseEntry *e = sparse_find(sparse_of(o), i);
    if (e) {
      e->state = 2;
      e->value = ST_UNDEFINED;
      sparse_of(o)->used--;
      sparse_of(o)->tombs++;
    }
    return;
  }
  StElements *e = o->elements;
  if (i >= e->length) return;
  e->data[i] = ST_HOLE;
  if (i + 1 == e->length) {
    uint32_t n = i;
    while (n > 0 && e->data[n - 1] == ST_HOLE) n--;
    e->length = n;
  }
  o->hdr.flags |= ST_OBJECT_HOLEY;
}

void st_elements_restrict(StVM *vm, StObject *o, uint8_t clear) {
  if (!o->elements) return;
  make_sparse(vm, o);
  Sparse *s = sparse_of(o);
  for (uint32_t k = 0; k <= s->mask; k++) {
    SparseEntry *e = &s->slots[k];
    if (e->state != 1) continue;
    e->attrs &= (uint8_t)~clear; /* `clear` never holds ST_ATTR_ACCESSOR */
  }
}

bool st_elements_all_lack(StVM *vm, StObject *o, uint8_t mask) {
  (void)vm;
  if (!o->elements) return true;
  if (!is_sparse(o)) {
    StElements *e = o->elements;
    for (uint32_t i = 0; i < e->length; i++)
      if (e->data[i] != ST_HOLE) return false; /* dense elements have every attribute */
    return true;
  }
  Sparse *s = sparse_of(o);
  for (uint32_t k = 0; k <= s->mask; k++) {
    SparseEntry *e = &s->slots[k];
    if (e->state != 1) continue;
    uint8_t m = mask;
    if (e->attrs & ST_ATTR_ACCESSOR) m &= (uint8_t)~ST_ATTR_WRITABLE;
    if (e->attrs & m) return false;
  }
  return true;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

void st_elements_keys(StVM *vm, StObject *o, bool enumerable_only, void *vec) {
  (void)vm;
  StVec(uint32_t) *out = vec;
  if (!o->elements) return;
  if (!is_sparse(o)) {
    StElements *e = o->elements;
    for (uint32_t i = 0; i < e->length; i++)
      if (e->data[i] != ST_HOLE) st_vec_push(out, i);
    return;
  }
  Sparse *s = sparse_of(o);
  size_t first = out->len;
  for (uint32_t k = 0; k <= s->mask; k++) {
    SparseEntry *e = &s->slots[k];
    if (e->state == 1 && (!enumerable_only || (e->attrs & ST_ATTR_ENUMERABLE)))
      st_vec_push(out, e->index);
  }
  qsort(out->data + first, out->len - first, sizeof(uint32_t), cmp_u32);
}

uint32_t st_elements_truncate(StVM *vm, StObject *o, uint32_t new_len) {
  (void)vm;
  if (!o->elements) return new_len;
  if (!is_sparse(o)) {
    StElements *e = o->elements;
    if (new_len < e->length) {
      for (uint32_t i = new_len; i < e->length; i++) e->data[i] = ST_HOLE;
      e->length = new_len;
    }
    return new_len;
  }
  Sparse *s = sparse_of(o);
  uint32_t result = new_len;
  for (uint32_t k = 0; k <= s->mask; k++) {
    SparseEntry *e = &s->slots[k];
    if (e->state == 1 && e->index >= new_len && !(e->attrs & ST_ATTR_CONFIGURABLE) &&
        e->index + 1 > result)
      result = e->index + 1;
  }
  for (uint32_t k = 0; k <= s->mask; k++) {
    SparseEntry *e = &s->slots[k];
    if (e->state == 1 && e->index >= result) {
      e->state = 2;
      e->value = ST_UNDEFINED;
      s->used--;
      s->tombs++;
    }
  }
  return result;
}

void st_elements_trace(StHeap *h, StObject *o) {
  if (!o->elements) return;
  if (!is_sparse(o)) {
    st_gc_mark_values(h, o->elements->data, o->elements->length);
    return;
  }
  Sparse *s = sparse_of(o);
  for (uint32_t k = 0; k <= s->mask; k++)
    if (s->slots[k].state == 1) st_gc_mark_value(h, s->slots[k].value);
}

void st_elements_free(StHeap *h, StObject *o) {
  if (!o->elements) return;
  if (is_sparse(o)) {
    Sparse *s = sparse_of(o);
    st_gc_external(h, -(int64_t)(sizeof *s + (s->mask + 1) * sizeof(SparseEntry)));
    free(s->slots);
    free(s);
  } else {
    st_gc_external(h, -(int64_t)(sizeof(StElements) + o->elements->capacity * sizeof(StValue)));
    free(o->elements);
  }
  o->elements = NULL;
}
