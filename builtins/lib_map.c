/* builtins/lib_map.c: Map and Set, their prototypes and iterators.
 *
 * A Map or Set is an StMapObject (kinds ST_KIND_MAP / ST_KIND_SET) holding a hash table keyed
 * by value: an insertion-ordered entry array (deleted entries stay as tombstones, key
 * ST_HOLE) plus an open-addressing index over it. Operations are O(1) on average.
 *
 *   index[hash & mask] = hash << 32 | entry number + 1   (0: empty; linear probing)
 *   entries: [e0 e1 (tombstone) e3 ...]   count used, live not deleted, cap allocated
 *
 * The index has 2 * cap slots and holds every entry in [0, count), tombstones included, so it
 * is at most half full and a probe usually touches one cache line; the hash bits in the slot
 * let a probe skip entries without loading them. Tombstones go when the entry array fills
 * (compaction), or when the table shrinks.
 *
 * Keys are normalized on the way in so that SameValueZero is bit equality except for strings:
 * every number is in canonical form (int32 when it is one, -0 as +0, one NaN) and strings are
 * flat (compared by content, hashed with st_string_hash). Objects and symbols compare by
 * identity (their boxed bits).
 *
 * Iteration must survive any mutation (spec: the entry list only grows; deleting empties a
 * slot; clear empties all; iterators keep a position in the list). Entries carry a sequence
 * number, increasing in insertion order and never reused, and the table an epoch bumped
 * whenever entries move (compaction, resizing, clear). A cursor (iterator or forEach) keeps
 * the sequence number of the next entry it may visit and a physical index valid for one
 * epoch; after a move it finds its place again by binary search on the sequence numbers. So
 * entries deleted behind or ahead of a cursor are skipped, entries added are visited, and
 * clear() leaves live iterators positioned before whatever is added next, all without the
 * table knowing its iterators (nothing to unregister when an iterator is abandoned).
 *
 * Invariants: live <= count <= cap; entries[0, count) is sorted by seq; every entry in
 * [0, count), tombstones included, has exactly one index slot, reachable from its hash's home
 * slot without crossing an empty one; the index has 2 * cap slots (cap a power of two, or 0
 * with no storage).
 */
#include "builtins/lib_iterator.h"

#include "builtins/lib_array.h"
#include "builtins/lib_object.h"
#include "interp/slowpath.h"

#include <stdlib.h>

typedef struct MapEntry {
  StValue key; /* ST_HOLE: deleted */
  StValue value;
  uint64_t seq;
} MapEntry;

typedef struct StMapObject {
  StObject obj;
  MapEntry *entries; /* malloc'd, cap of them */
  uint64_t *index;   /* malloc'd, 2 * cap slots */
  uint32_t count, live, cap;
  uint32_t epoch;
  uint64_t next_seq;
} StMapObject;

/* A map/set iterator: StIteratorObject (target = the map, undefined once done; kind = keys,
 * values or entries) extended with its cursor. */
typedef struct MapCursor {
  uint64_t seq;
  uint32_t pos, epoch;
} MapCursor;

typedef struct MapIterator {
  StIteratorObject it;
  MapCursor cur;
} MapIterator;

enum {
  ITERATOR_TYPE_MAP = ST_ITERATOR_TYPE_FIRST_FREE,
  ITERATOR_TYPE_SET = ST_ITERATOR_TYPE_FIRST_FREE + 1,
};

#define MIN_CAP 8u

/* ------------------------------------------------------------------------------------------ */
/* The table                                                                                  */

/* SameValueZero canonical form of a key (strings are flattened by the caller). */
static StValue normalize_key(StValue k) {
  if (st_is_double(k)) {
    double d = st_get_double(k);
    if (d != d) return st_double(NAN);
    if (d == 0) return st_int(0);
    return st_number(d);
  }
  return k;
}

/* Flattens a string key (so equality never allocates); ST_EXCEPTION on OOM. */
static StValue prepare_key(StVM *vm, StValue k) {
  if (st_is_string(k)) {
    StString *f = st_string_flatten(vm, st_get_string(k));
    return f ? st_string_value(f) : ST_EXCEPTION;
  }
  return normalize_key(k);
}

static uint32_t hash_key(StVM *vm, StValue k) {
  if (st_is_string(k)) return st_string_hash(vm, st_get_string(k));
  uint64_t x = k;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return (uint32_t)x;
}

static bool keys_equal(StVM *vm, StValue a, StValue b) {
  if (a == b) return true;
  return st_is_string(a) && st_is_string(b) && st_string_equals(vm, st_get_string(a), st_get_string(b));
}

/* The live entry with key k (prepared), or -1. */
static int64_t table_find(StVM *vm, StMapObject *m, StValue k, uint32_t h) {
  if (!m->cap) return -1;
  uint32_t mask = 2 * m->cap - 1;
  for (uint32_t pos = h & mask;; pos = (pos + 1) & mask) {
    uint64_t slot = m->index[pos];
    if (!slot) return -1;
    if ((uint32_t)(slot >> 32) != h) continue;
    uint32_t i = (uint32_t)slot - 1;
    StValue ek = m->entries[i].key;
    if (ek != ST_HOLE && keys_equal(vm, ek, k)) return i;
  }
}

static void index_insert(StMapObject *m, uint32_t h, uint32_t i) {
  uint32_t mask = 2 * m->cap - 1, pos = h & mask;
  while (m->index[pos]) pos = (pos + 1) & mask;
  m->index[pos] = (uint64_t)h << 32 | (i + 1);
}

static size_t table_bytes(uint32_t cap) {
  return (size_t)cap * (sizeof(MapEntry) + 2 * sizeof(uint64_t));
}

/* Gives the table room for new_cap entries (>= live, a power of two >= MIN_CAP), dropping
 * tombstones. Only then do entries move (epoch bumped); growing a table without tombstones
 * keeps every entry where it is, so cursors stay valid. */
static void table_resize(StVM *vm, StMapObject *m, uint32_t new_cap) {
  if (m->live == m->count && new_cap >= m->count) {
    m->entries = st_xrealloc(m->entries, sizeof(MapEntry) * new_cap);
  } else {
    MapEntry *ne = st_xmalloc(sizeof(MapEntry) * new_cap);
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->count; i++)
      if (m->entries[i].key != ST_HOLE) ne[n++] = m->entries[i];
    ST_ASSERT(n == m->live, "map live count");
    free(m->entries);
    m->entries = ne;
    m->count = n;
    m->epoch++;
  }
  free(m->index);
  int64_t delta = (int64_t)table_bytes(new_cap) - (int64_t)table_bytes(m->cap);
  m->index = st_xcalloc(2 * (size_t)new_cap, sizeof(uint64_t));
  m->cap = new_cap;
  for (uint32_t i = 0; i < m->count; i++) index_insert(m, hash_key(vm, m->entries[i].key), i);
  st_gc_external(vm->heap, delta);
}

/* Appends a new entry (key prepared and absent). */
static void table_add(StVM *vm, StMapObject *m, StValue k, uint32_t h, StValue v) {
  if (m->count == m->cap) {
    /* Full: grow when more than half the entries are live, else just drop the tombstones
     * (which frees at least half the array, so the copying is amortized O(1)). */
    uint32_t cap = m->cap ? m->cap : MIN_CAP;
    if (m->live + 1 > cap / 2) cap *= 2;
    ST_CHECK(cap > m->live && cap <= (1u << 30), "Map too large");
    table_resize(vm, m, cap);
  }
  uint32_t i = m->count++;
  MapEntry *e = &m->entries[i];
  e->key = k;
  e->value = v;
  e->seq = m->next_seq++;
  index_insert(m, h, i);
  m->live++;
  st_gc_write_barrier(vm->heap, &m->obj.hdr, k);
  st_gc_write_barrier(vm->heap, &m->obj.hdr, v);
}

static void table_delete(StVM *vm, StMapObject *m, uint32_t i) {
  m->entries[i].key = ST_HOLE;
  m->entries[i].value = ST_UNDEFINED;
  m->live--;
  /* Shrink when mostly empty, with hysteresis against grow/shrink cycles. */
  if (m->cap > 4 * MIN_CAP && m->live < m->cap / 8) {
    uint32_t cap = m->cap;
    while (cap > MIN_CAP && m->live < cap / 4) cap /= 2;
    table_resize(vm, m, cap);
  }
}

static void table_clear(StVM *vm, StMapObject *m) {
  free(m->entries);
  free(m->index);
  st_gc_external(vm->heap, -(int64_t)table_bytes(m->cap));
  m->entries = NULL;
  m->index = NULL;
  m->count = m->live = m->cap = 0;
  m->epoch++;
}

/* The next live entry at or after the cursor (its index), advancing the cursor past it; -1
 * at the end. */
static int64_t cursor_next(StMapObject *m, MapCursor *c) {
  uint32_t pos = c->pos;
  if (c->epoch != m->epoch) {
    /* Entries moved: the first with seq >= c->seq (entries are sorted by seq). */
    uint32_t lo = 0, hi = m->count;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (m->entries[mid].seq < c->seq) lo = mid + 1;
      else hi = mid;
    }
    pos = lo;
    c->epoch = m->epoch;
  }
  while (pos < m->count && m->entries[pos].key == ST_HOLE) pos++;
  if (pos >= m->count) {
    c->pos = pos;
    return -1;
  }
  c->pos = pos + 1;
  c->seq = m->entries[pos].seq + 1;
  return pos;
}

static void cursor_start(StMapObject *m, MapCursor *c) {
  c->seq = 0;
  c->pos = 0;
  c->epoch = m->epoch;
}

static void trace_map(StHeap *h, StCell *c) {
  StMapObject *m = (StMapObject *)c;
  st_object_trace_base(h, &m->obj);
  for (uint32_t i = 0; i < m->count; i++) {
    if (m->entries[i].key == ST_HOLE) continue;
    st_gc_mark_value(h, m->entries[i].key);
    st_gc_mark_value(h, m->entries[i].value);
  }
}

static void finalize_map(StHeap *h, StCell *c) {
  StMapObject *m = (StMapObject *)c;
  if (m->cap) st_gc_external(h, -(int64_t)table_bytes(m->cap));
  free(m->entries);
  free(m->index);
  m->entries = NULL;
  m->index = NULL;
  st_object_finalize_base(h, &m->obj);
}

/* ------------------------------------------------------------------------------------------ */
/* Shared operations                                                                          */

static StMapObject *this_map(StVM *vm, StCallInfo *ci, StCellKind kind, const char *method) {
  return (StMapObject *)st_builtins_this_kind(vm, ci, kind, method);
}

/* get/has: 1 found (*out = value), 0 not, -1 OOM. */
static int lookup(StVM *vm, StMapObject *m, StValue key, StValue *out) {
  if (!m->live) return 0;
  StValue k = prepare_key(vm, key);
  if (k == ST_EXCEPTION) return -1;
  int64_t i = table_find(vm, m, k, hash_key(vm, k));
  if (i < 0) return 0;
  if (out) *out = m->entries[i].value;
  return 1;
}

static bool insert(StVM *vm, StMapObject *m, StValue key, StValue value) {
  StValue k = prepare_key(vm, key);
  if (k == ST_EXCEPTION) return false;
  uint32_t h = hash_key(vm, k);
  int64_t i = table_find(vm, m, k, h);
  if (i >= 0) {
    m->entries[i].value = value;
    st_gc_write_barrier(vm->heap, &m->obj.hdr, value);
  } else {
    table_add(vm, m, k, h, value);
  }
  return true;
}

static StValue remove_key(StVM *vm, StMapObject *m, StValue key) {
  if (!m->live) return ST_FALSE;
  StValue k = prepare_key(vm, key);
  if (k == ST_EXCEPTION) return ST_EXCEPTION;
  int64_t i = table_find(vm, m, k, hash_key(vm, k));
  if (i < 0) return ST_FALSE;
  table_delete(vm, m, (uint32_t)i);
  return ST_TRUE;
}

/* forEach(callback, thisArg): callback(value, key, map) per live entry in order, seeing the
 * mutations the callbacks make (the cursor). */
static StValue for_each(StVM *vm, StCallInfo *ci, StMapObject *m, bool is_map) {
  StValue fn = st_arg(ci, 0);
  if (!st_lib_array_check_callable(vm, fn)) return ST_EXCEPTION;
  StValue this_arg = st_arg(ci, 1);
  MapCursor c;
  cursor_start(m, &c);
  for (;;) {
    int64_t i = cursor_next(m, &c);
    if (i < 0) return ST_UNDEFINED;
    StValue args[3] = {m->entries[i].value, m->entries[i].key, st_object_value(&m->obj)};
    if (!is_map) args[0] = args[1];
    if (st_vm_call(vm, fn, this_arg, 3, args) == ST_EXCEPTION) return ST_EXCEPTION;
  }
}

static StValue new_iterator(StVM *vm, StMapObject *m, bool is_map, uint32_t kind) {
  StObject *proto = is_map ? vm->intrinsics.MapIteratorPrototype : vm->intrinsics.SetIteratorPrototype;
  MapIterator *it = (MapIterator *)st_object_alloc(vm, ST_KIND_ITERATOR, sizeof(MapIterator), proto, 0);
  if (!it) return ST_EXCEPTION;
  it->it.obj.hdr.aux = is_map ? ITERATOR_TYPE_MAP : ITERATOR_TYPE_SET;
  it->it.target = st_object_value(&m->obj);
  it->it.kind = kind;
  cursor_start(m, &it->cur);
  return st_object_value(&it->it.obj);
}

static StValue result(StVM *vm, StValue v, bool done) {
  StObject *r = st_lib_iterator_result(vm, v, done);
  return r ? st_object_value(r) : ST_EXCEPTION;
}

static StValue iterator_next(StVM *vm, StCallInfo *ci, uint32_t type, const char *what) {
  StValue t = ci->this_val;
  if (!st_is_object(t) || st_get_object(t)->hdr.kind != ST_KIND_ITERATOR ||
      st_get_object(t)->hdr.aux != type) {
    char buf[160];
    return st_vm_type_error(vm, "Method %s.prototype.next called on incompatible receiver %s",
                            what, st_lib_array_describe(vm, t, buf, sizeof buf));
  }
  MapIterator *it = (MapIterator *)st_get_object(t);
  if (st_is_undefined(it->it.target)) return result(vm, ST_UNDEFINED, true);
  StMapObject *m = (StMapObject *)st_get_object(it->it.target);
  int64_t i = cursor_next(m, &it->cur);
  if (i < 0) {
    it->it.target = ST_UNDEFINED; /* an exhausted iterator stays exhausted */
    return result(vm, ST_UNDEFINED, true);
  }
  StValue k = m->entries[i].key;
  StValue v = type == ITERATOR_TYPE_MAP ? m->entries[i].value : k;
  switch (it->it.kind) {
  case ST_ITERATOR_KEYS: return result(vm, k, false);
  case ST_ITERATOR_VALUES: return result(vm, v, false);
  default: {
    StValue pair[2] = {k, v};
    StObject *a = st_array_from(vm, 2, pair);
    return a ? result(vm, st_object_value(a), false) : ST_EXCEPTION;
  }
  }
}

static StValue map_set(StVM *vm, StCallInfo *ci);
static StValue set_add(StVM *vm, StCallInfo *ci);

/* The constructors: new Map(iterable) / new Set(iterable). Entries go through the `set` /
 * `add` method read once from the new object (observable: a subclass may override it); when
 * that is the built-in one the entry is inserted directly. */
static StValue construct(StVM *vm, StCallInfo *ci, bool is_map) {
  const char *name = is_map ? "Map" : "Set";
  if (st_is_undefined(ci->new_target))
    return st_vm_type_error(vm, "Constructor %s requires 'new'", name);
  StObject *proto = st_lib_object_proto_from_ctor(
      vm, ci->new_target, is_map ? vm->intrinsics.MapPrototype : vm->intrinsics.SetPrototype);
  if (!proto) return ST_EXCEPTION;
  StMapObject *m = (StMapObject *)st_object_alloc(vm, is_map ? ST_KIND_MAP : ST_KIND_SET,
                                                  sizeof(StMapObject), proto, 0);
  if (!m) return ST_EXCEPTION;
  StValue mv = st_object_value(&m->obj);
  StValue iterable = st_arg(ci, 0);
  if (st_is_nullish(iterable)) return mv;

  StValue adder = st_value_get(vm, mv, st_string_value(is_map ? vm->atoms.set : vm->atoms.add));
  if (adder == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(adder))
    return st_vm_type_error(vm, "'%s' returned for property '%s' of object '#<%s>' is not a function",
                            st_is_undefined(adder) ? "undefined" : "non-callable",
                            is_map ? "set" : "add", name);
  StNativeFn builtin = NULL;
  if (st_get_object(adder)->hdr.kind == ST_KIND_NATIVE_FUNCTION)
    builtin = ((StNativeFunction *)st_get_object(adder))->fn;

  StValue method = st_value_get(vm, iterable, st_symbol_value(vm->sym_iterator));
  if (method == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(method)) {
    char buf[160];
    return st_vm_type_error(vm, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                            st_lib_array_describe(vm, iterable, buf, sizeof buf));
  }
  StValue rec[2];
  if (!st_lib_iterator_open(vm, iterable, method, rec)) return ST_EXCEPTION;
  for (;;) {
    StValue item;
    int r = st_slowpath_iter_next(vm, rec, &item);
    if (r < 0) return ST_EXCEPTION;
    if (r == 0) return mv;
    if (is_map) {
      if (!st_is_object(item)) {
        char buf[160];
        st_vm_type_error(vm, "Iterator value %s is not an entry object",
                         st_lib_array_describe(vm, item, buf, sizeof buf));
        goto close;
      }
      StValue k = st_value_get_elem(vm, item, st_int(0));
      if (k == ST_EXCEPTION) goto close;
      StValue v = st_value_get_elem(vm, item, st_int(1));
      if (v == ST_EXCEPTION) goto close;
      if (builtin == map_set) {
        if (!insert(vm, m, k, v)) goto close;
      } else {
        StValue args[2] = {k, v};
        if (st_vm_call(vm, adder, mv, 2, args) == ST_EXCEPTION) goto close;
      }
    } else {
      if (builtin == set_add) {
        if (!insert(vm, m, item, item)) goto close;
      } else if (st_vm_call(vm, adder, mv, 1, &item) == ST_EXCEPTION) {
        goto close;
      }
    }
  }
close:
  (void)st_slowpath_iter_close(vm, rec, true);
  return ST_EXCEPTION;
}

/* ------------------------------------------------------------------------------------------ */
/* Map                                                                                        */

static StValue map_ctor(StVM *vm, StCallInfo *ci) { return construct(vm, ci, true); }

static StValue map_get(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "Map.prototype.get");
  if (!m) return ST_EXCEPTION;
  StValue v = ST_UNDEFINED;
  return lookup(vm, m, st_arg(ci, 0), &v) < 0 ? ST_EXCEPTION : v;
}

static StValue map_has(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "Map.prototype.has");
  if (!m) return ST_EXCEPTION;
  int r = lookup(vm, m, st_arg(ci, 0), NULL);
  return r < 0 ? ST_EXCEPTION : st_bool(r);
}

static StValue map_set(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "Map.prototype.set");
  if (!m) return ST_EXCEPTION;
  return insert(vm, m, st_arg(ci, 0), st_arg(ci, 1)) ? ci->this_val : ST_EXCEPTION;
}

static StValue map_delete(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "Map.prototype.delete");
  return m ? remove_key(vm, m, st_arg(ci, 0)) : ST_EXCEPTION;
}

static StValue map_clear(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "Map.prototype.clear");
  if (!m) return ST_EXCEPTION;
  table_clear(vm, m);
  return ST_UNDEFINED;
}

static StValue map_size(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "get Map.prototype.size");
  return m ? st_number(m->live) : ST_EXCEPTION;
}

static StValue map_for_each(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, "Map.prototype.forEach");
  return m ? for_each(vm, ci, m, true) : ST_EXCEPTION;
}

static StValue map_iter(StVM *vm, StCallInfo *ci, uint32_t kind, const char *method) {
  StMapObject *m = this_map(vm, ci, ST_KIND_MAP, method);
  return m ? new_iterator(vm, m, true, kind) : ST_EXCEPTION;
}

static StValue map_keys(StVM *vm, StCallInfo *ci) {
  return map_iter(vm, ci, ST_ITERATOR_KEYS, "Map.prototype.keys");
}
static StValue map_values(StVM *vm, StCallInfo *ci) {
  return map_iter(vm, ci, ST_ITERATOR_VALUES, "Map.prototype.values");
}
static StValue map_entries(StVM *vm, StCallInfo *ci) {
  return map_iter(vm, ci, ST_ITERATOR_ENTRIES, "Map.prototype.entries");
}

static StValue map_iterator_next(StVM *vm, StCallInfo *ci) {
  return iterator_next(vm, ci, ITERATOR_TYPE_MAP, "Map Iterator");
}

/* ------------------------------------------------------------------------------------------ */
/* Set                                                                                        */

static StValue set_ctor(StVM *vm, StCallInfo *ci) { return construct(vm, ci, false); }

static StValue set_has(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.has");
  if (!m) return ST_EXCEPTION;
  int r = lookup(vm, m, st_arg(ci, 0), NULL);
  return r < 0 ? ST_EXCEPTION : st_bool(r);
}

static StValue set_add(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.add");
  if (!m) return ST_EXCEPTION;
  StValue v = st_arg(ci, 0);
  return insert(vm, m, v, v) ? ci->this_val : ST_EXCEPTION;
}

static StValue set_delete(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.delete");
  return m ? remove_key(vm, m, st_arg(ci, 0)) : ST_EXCEPTION;
}

static StValue set_clear(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.clear");
  if (!m) return ST_EXCEPTION;
  table_clear(vm, m);
  return ST_UNDEFINED;
}

static StValue set_size(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "get Set.prototype.size");
  return m ? st_number(m->live) : ST_EXCEPTION;
}

static StValue set_for_each(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.forEach");
  return m ? for_each(vm, ci, m, false) : ST_EXCEPTION;
}

static StValue set_values(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.values");
  return m ? new_iterator(vm, m, false, ST_ITERATOR_VALUES) : ST_EXCEPTION;
}

static StValue set_entries(StVM *vm, StCallInfo *ci) {
  StMapObject *m = this_map(vm, ci, ST_KIND_SET, "Set.prototype.entries");
  return m ? new_iterator(vm, m, false, ST_ITERATOR_ENTRIES) : ST_EXCEPTION;
}

static StValue set_iterator_next(StVM *vm, StCallInfo *ci) {
  return iterator_next(vm, ci, ITERATOR_TYPE_SET, "Set Iterator");
}

/* ------------------------------------------------------------------------------------------ */

StObject *st_lib_map_snapshot(StVM *vm, StObject *o, bool *is_map) {
  ST_ASSERT(o->hdr.kind == ST_KIND_MAP || o->hdr.kind == ST_KIND_SET, "not a Map or Set");
  StMapObject *m = (StMapObject *)o;
  *is_map = o->hdr.kind == ST_KIND_MAP;
  StObject *a = st_array_new(vm, *is_map ? 2 * m->live : m->live);
  if (!a) return NULL;
  /* st_array_push may collect but does not run JS, so the table does not change. */
  for (uint32_t i = 0; i < m->count; i++) {
    if (m->entries[i].key == ST_HOLE) continue;
    if (!st_array_push(vm, a, m->entries[i].key)) return NULL;
    if (*is_map && !st_array_push(vm, a, m->entries[i].value)) return NULL;
  }
  return a;
}

/* A function object defined under several names (Set.prototype.keys === values). */
static void define_fn(StVM *vm, StObject *target, const char *name, StNativeFunction *f) {
  st_builtins_value(vm, target, name, st_object_value(&f->obj), ST_ATTR_HIDDEN);
}

static StObject *make_iterator_proto(StVM *vm, StNativeFn next) {
  StObject *p = st_object_new(vm, vm->intrinsics.IteratorPrototype, 1);
  ST_CHECK(p, "out of memory during realm set-up");
  st_object_mark_prototype(vm, p);
  st_builtins_method(vm, p, "next", next, 0);
  return p;
}

void st_lib_map_init(StVM *vm) {
  st_gc_register_kind(vm->heap, ST_KIND_MAP, "Map", trace_map, finalize_map);
  st_gc_register_kind(vm->heap, ST_KIND_SET, "Set", trace_map, finalize_map);
  ST_CHECK(vm->intrinsics.IteratorPrototype, "lib_iterator.c initializes before lib_map.c");

  StObject *mp = st_object_new(vm, vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(mp, "out of memory during realm set-up");
  vm->intrinsics.MapPrototype = mp;
  st_object_mark_prototype(vm, mp);
  st_builtins_ctor(vm, "Map", map_ctor, 0, mp);
  st_builtins_method(vm, mp, "clear", map_clear, 0);
  st_builtins_method(vm, mp, "delete", map_delete, 1);
  StNativeFunction *entries = st_builtins_method(vm, mp, "entries", map_entries, 0);
  st_builtins_method(vm, mp, "forEach", map_for_each, 1);
  st_builtins_method(vm, mp, "get", map_get, 1);
  st_builtins_method(vm, mp, "has", map_has, 1);
  st_builtins_method(vm, mp, "keys", map_keys, 0);
  st_builtins_method(vm, mp, "set", map_set, 2);
  st_builtins_accessor(vm, mp, "size", map_size, NULL);
  st_builtins_method(vm, mp, "values", map_values, 0);
  ST_CHECK(st_object_define(vm, mp, st_symbol_value(vm->sym_iterator), st_object_value(&entries->obj),
                            ST_ATTR_HIDDEN) == 1, "Map.prototype[Symbol.iterator]");
  vm->intrinsics.MapIteratorPrototype = make_iterator_proto(vm, map_iterator_next);

  StObject *sp = st_object_new(vm, vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(sp, "out of memory during realm set-up");
  vm->intrinsics.SetPrototype = sp;
  st_object_mark_prototype(vm, sp);
  st_builtins_ctor(vm, "Set", set_ctor, 0, sp);
  StNativeFunction *values = st_function_new_native(vm, set_values, "values", 0, false);
  ST_CHECK(values, "out of memory during realm set-up");
  st_builtins_method(vm, sp, "add", set_add, 1);
  st_builtins_method(vm, sp, "clear", set_clear, 0);
  st_builtins_method(vm, sp, "delete", set_delete, 1);
  st_builtins_method(vm, sp, "entries", set_entries, 0);
  st_builtins_method(vm, sp, "forEach", set_for_each, 1);
  st_builtins_method(vm, sp, "has", set_has, 1);
  define_fn(vm, sp, "keys", values);
  st_builtins_accessor(vm, sp, "size", set_size, NULL);
  define_fn(vm, sp, "values", values);
  ST_CHECK(st_object_define(vm, sp, st_symbol_value(vm->sym_iterator), st_object_value(&values->obj),
                            ST_ATTR_HIDDEN) == 1, "Set.prototype[Symbol.iterator]");
  vm->intrinsics.SetIteratorPrototype = make_iterator_proto(vm, set_iterator_next);
}
