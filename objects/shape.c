/* objects/shape.c: shapes, transition trees, property tables and dictionary shapes.
 *
 * Keys are interned strings or symbols, so key equality is pointer equality and a key hashes
 * by its address (the heap never moves).
 *
 * Weak references: the root-shape table and every transition edge are weak. After marking,
 * the weak callback drops entries whose shape is dead; shapes themselves hold their parent and
 * prototype strongly, so a live shape keeps its whole path to the root alive.
 */
#include "objects/shape.h"

#include "objects/object.h"
#include "support/vec.h"

#include <stdlib.h>
#include <string.h>

/* --- key hashing --- */

ST_INLINE uint32_t key_hash(StValue key) {
  uint64_t x = key & ST_PAYLOAD_MASK;
  x ^= x >> 29;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 32;
  return (uint32_t)x;
}

/* --- transitions: (key, attrs) -> child, open addressing --- */

typedef struct TransitionEntry {
  StValue key;
  StShape *child; /* NULL: empty; (StShape *)1: deleted */
  uint8_t attrs;
} TransitionEntry;

struct StTransitions {
  TransitionEntry *slots;
  uint32_t mask, used;
};

#define TOMBSTONE ((StShape *)1)

static StShape *transitions_find(StTransitions *t, StValue key, uint8_t attrs) {
  if (!t) return NULL;
  for (uint32_t i = (key_hash(key) ^ attrs) & t->mask;; i = (i + 1) & t->mask) {
    TransitionEntry *e = &t->slots[i];
    if (!e->child) return NULL;
    if (e->child != TOMBSTONE && e->key == key && e->attrs == attrs) return e->child;
  }
}

static void transitions_insert(StTransitions *t, StValue key, uint8_t attrs, StShape *child);

static void transitions_grow(StTransitions *t) {
  uint32_t old_cap = t->slots ? t->mask + 1 : 0;
  TransitionEntry *old = t->slots;
  uint32_t cap = old_cap ? old_cap * 2 : 8;
  t->slots = st_xcalloc(cap, sizeof *t->slots);
  t->mask = cap - 1;
  t->used = 0;
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i].child && old[i].child != TOMBSTONE)
      transitions_insert(t, old[i].key, old[i].attrs, old[i].child);
  free(old);
}

static void transitions_insert(StTransitions *t, StValue key, uint8_t attrs, StShape *child) {
  if (!t->slots || (t->used + 1) * 4 > (t->mask + 1) * 3) transitions_grow(t);
  for (uint32_t i = (key_hash(key) ^ attrs) & t->mask;; i = (i + 1) & t->mask) {
    TransitionEntry *e = &t->slots[i];
    if (!e->child || e->child == TOMBSTONE) {
      if (!e->child) t->used++;
      e->key = key;
      e->attrs = attrs;
      e->child = child;
      return;
    }
  }
}

/* --- the VM's shape bookkeeping --- */

typedef struct RootKey {
  StObject *proto;
  uint8_t kind, inline_start, inline_cap;
} RootKey;

typedef struct RootEntry {
  RootKey k;
  StShape *shape; /* NULL: empty; TOMBSTONE: deleted */
} RootEntry;

struct StShapeCache {
  RootEntry *roots;
  uint32_t roots_mask, roots_used;
  StVec(StShape *) parents; /* fast shapes with transitions, for pruning */
  uint32_t next_id;
};

static uint32_t root_hash(const RootKey *k) {
  return key_hash((StValue)(uintptr_t)k->proto) ^ ((uint32_t)k->kind * 0x9E3779B1u) ^
         ((uint32_t)k->inline_cap << 8) ^ k->inline_start;
}

static bool root_eq(const RootKey *a, const RootKey *b) {
  return a->proto == b->proto && a->kind == b->kind && a->inline_start == b->inline_start &&
         a->inline_cap == b->inline_cap;
}

static void roots_insert(StShapeCache *c, const RootKey *k, StShape *s);

static void roots_grow(StShapeCache *c) {
  uint32_t old_cap = c->roots ? c->roots_mask + 1 : 0;
  RootEntry *old = c->roots;
  uint32_t cap = old_cap ? old_cap * 2 : 64;
  c->roots = st_xcalloc(cap, sizeof *c->roots);
  c->roots_mask = cap - 1;
  c->roots_used = 0;
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i].shape && old[i].shape != TOMBSTONE) roots_insert(c, &old[i].k, old[i].shape);
  free(old);
}

static void roots_insert(StShapeCache *c, const RootKey *k, StShape *s) {
  if (!c->roots || (c->roots_used + 1) * 4 > (c->roots_mask + 1) * 3) roots_grow(c);
  for (uint32_t i = root_hash(k) & c->roots_mask;; i = (i + 1) & c->roots_mask) {
    RootEntry *e = &c->roots[i];
    if (!e->shape || e->shape == TOMBSTONE) {
      if (!e->shape) c->roots_used++;
      e->k = *k;
      e->shape = s;
      return;
    }
  }
}

static StShape *roots_find(StShapeCache *c, const RootKey *k) {
  if (!c->roots) return NULL;
  for (uint32_t i = root_hash(k) & c->roots_mask;; i = (i + 1) & c->roots_mask) {
    RootEntry *e = &c->roots[i];
    if (!e->shape) return NULL;
    if (e->shape != TOMBSTONE && root_eq(&e->k, k)) return e->shape;
  }
}

/* --- GC hooks --- */

static void trace_shape(StHeap *h, StCell *c) {
  StShape *s = (StShape *)c;
  st_gc_mark_cell(h, (StCell *)s->parent);
  st_gc_mark_cell(h, (StCell *)s->proto);
  st_gc_mark_value(h, s->key);
  if (s->table && (s->hdr.flags & ST_SHAPE_DICT)) {
    /* A dictionary shape owns its keys; a fast shape's table only repeats keys its chain
     * already holds. */
    for (uint32_t i = 0; i < s->table->count; i++) st_gc_mark_value(h, s->table->entries[i].key);
  }
}

static void free_table(StPropTable *t) {
  if (!t) return;
  free(t->free_slots);
  free(t->entries);
  free(t->index);
  free(t);
}

static void finalize_shape(StHeap *h, StCell *c) {
  StShape *s = (StShape *)c;
  free_table(s->table);
  if (s->more) {
    free(s->more->slots);
    free(s->more);
  }
}

static void prune_weak(StHeap *h, void *ud) {
  StShapeCache *c = ud;
  for (uint32_t i = 0; c->roots && i <= c->roots_mask; i++) {
    RootEntry *e = &c->roots[i];
    if (e->shape && e->shape != TOMBSTONE && !st_gc_is_marked(h, (StCell *)e->shape))
      e->shape = TOMBSTONE;
  }
  size_t keep = 0;
  for (size_t i = 0; i < c->parents.len; i++) {
    StShape *p = c->parents.data[i];
    if (!st_gc_is_marked(h, (StCell *)p)) continue; /* dies; its finalizer frees `more` */
    if (p->child && !st_gc_is_marked(h, (StCell *)p->child)) p->child = NULL;
    if (p->more) {
      for (uint32_t j = 0; j <= p->more->mask; j++) {
        TransitionEntry *e = &p->more->slots[j];
        if (e->child && e->child != TOMBSTONE && !st_gc_is_marked(h, (StCell *)e->child))
          e->child = TOMBSTONE;
      }
    }
    c->parents.data[keep++] = p;
  }
  c->parents.len = keep;
}

void st_shape_init(StVM *vm) {
  vm->shapes = st_xcalloc(1, sizeof(StShapeCache));
  st_gc_register_kind(vm->heap, ST_KIND_SHAPE, "shape", trace_shape, finalize_shape);
  /* An object's finalizer reads its shape (the overflow capacity: shape.h) and a dictionary
   * shape dies with its only object: shapes go after every object of the collection. */
  st_gc_set_finalize_last(vm->heap, ST_KIND_SHAPE);
  st_gc_add_weak_callback(vm->heap, prune_weak, vm->shapes);
}

void st_shape_free_all(StVM *vm) {
  StShapeCache *c = vm->shapes;
  if (!c) return;
  free(c->roots);
  st_vec_free(&c->parents);
  free(c);
  vm->shapes = NULL;
}

/* --- creation --- */

static StShape *alloc_shape(StVM *vm) {
  StShape *s = st_vm_alloc(vm, ST_KIND_SHAPE, sizeof(StShape));
  if (s) s->id = ++vm->shapes->next_id;
  return s;
}

StShape *st_shape_root(StVM *vm, StCellKind kind, size_t struct_size, uint32_t inline_cap,
                       StObject *proto) {
  ST_ASSERT(struct_size % 8 == 0 && struct_size / 8 < 256, "object struct size %zu", struct_size);
  if (inline_cap > 64) inline_cap = 64;
  RootKey k = {proto, (uint8_t)kind, (uint8_t)(struct_size / 8), (uint8_t)inline_cap};
  StShape *s = roots_find(vm->shapes, &k);
  if (s) return s;
  s = alloc_shape(vm);
  if (!s) return NULL;
  s->inline_start = k.inline_start;
  s->inline_cap = k.inline_cap;
  s->obj_kind = (uint8_t)kind;
  s->proto = proto;
  s->key = ST_UNDEFINED;
  if (proto) st_object_mark_prototype(vm, proto);
  roots_insert(vm->shapes, &k, s);
  return s;
}

StShape *st_shape_add(StVM *vm, StShape *s, StValue key, uint8_t attrs) {
  ST_ASSERT(!st_shape_is_dict(s), "st_shape_add on a dictionary shape");
  StShape *c = NULL;
  if (s->child && s->child->key == key && s->child->attrs == attrs) return s->child;
  c = transitions_find(s->more, key, attrs);
  if (c) return c;
  c = alloc_shape(vm);
  if (!c) return NULL;
  c->hdr.aux = s->hdr.aux + 1;
  c->hdr.flags = s->hdr.flags & ST_SHAPE_PROTOTYPE;
  c->inline_start = s->inline_start;
  c->inline_cap = s->inline_cap;
  c->obj_kind = s->obj_kind;
  c->attrs = attrs;
  c->parent = s;
  c->proto = s->proto;
  c->key = key;
  bool was_parent = s->child || s->more;
  if (s->child) {
    /* Keep the newest edge in `child` (the common case is one successor); older ones move to
     * the table. */
    if (!s->more) s->more = st_xcalloc(1, sizeof(StTransitions));
    transitions_insert(s->more, s->child->key, s->child->attrs, s->child);
  }
  s->child = c;
  if (!was_parent) st_vec_push(&vm->shapes->parents, s);
  return c;
}

/* --- lookup --- */

static void table_index_insert(StPropTable *t, uint32_t entry) {
  for (uint32_t i = key_hash(t->entries[entry].key) & t->index_mask;; i = (i + 1) & t->index_mask) {
    if (!t->index[i]) {
      t->index[i] = entry + 1;
      return;
    }
  }
}

static void table_reindex(StPropTable *t) {
  free(t->index);
  t->index = NULL;
  t->index_mask = 0;
  if (t->live < 9) return;
  uint32_t cap = 16;
  while (cap < t->count * 2) cap *= 2;
  t->index = st_xcalloc(cap, sizeof(uint32_t));
  t->index_mask = cap - 1;
  for (uint32_t i = 0; i < t->count; i++)
    if (t->entries[i].key != ST_HOLE) table_index_insert(t, i);
}

static int64_t table_find(const StPropTable *t, StValue key) {
  if (t->index) {
    for (uint32_t i = key_hash(key) & t->index_mask;; i = (i + 1) & t->index_mask) {
      uint32_t e = t->index[i];
      if (!e) return -1;
      if (t->entries[e - 1].key == key) return e - 1;
    }
  }
  for (uint32_t i = 0; i < t->count; i++)
    if (t->entries[i].key == key) return i;
  return -1;
}

static void table_push(StPropTable *t, StValue key, uint32_t slot, uint8_t attrs) {
  if (t->count == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 8;
    t->entries = st_xrealloc(t->entries, t->cap * sizeof *t->entries);
  }
  t->entries[t->count++] = (StPropEntry){key, slot, attrs};
  t->live++;
  if (t->index) {
    if (t->count * 2 > t->index_mask + 1) table_reindex(t);
    else table_index_insert(t, t->count - 1);
  } else if (t->live >= 9) {
    table_reindex(t);
  }
}

/* The full property table of a fast shape, in insertion order. */
static StPropTable *build_table(StShape *s) {
  uint32_t n = s->hdr.aux;
  StPropTable *t = st_xcalloc(1, sizeof *t);
  t->cap = n ? n : 1;
  t->entries = st_xmalloc(t->cap * sizeof *t->entries);
  t->count = t->live = n;
  uint32_t i = n;
  for (StShape *p = s; p && p->parent; p = p->parent) {
    --i;
    t->entries[i] = (StPropEntry){p->key, p->hdr.aux - 1, p->attrs};
  }
  table_reindex(t);
  return t;
}

bool st_shape_find(StVM *vm, StShape *s, StValue key, StPropInfo *out) {
  (void)vm;
  if (!st_shape_is_dict(s) && !s->table) {
    if (s->hdr.aux <= 8) {
      for (StShape *p = s; p->parent; p = p->parent) {
        if (p->key == key) {
          out->slot = p->hdr.aux - 1;
          out->attrs = p->attrs;
          return true;
        }
      }
      return false;
    }
    s->table = build_table(s);
  }
  if (!s->table) return false;
  int64_t e = table_find(s->table, key);
  if (e < 0) return false;
  out->slot = s->table->entries[e].slot;
  out->attrs = s->table->entries[e].attrs;
  return true;
}

uint32_t st_shape_count(StShape *s) {
  if (st_shape_is_dict(s)) return s->table ? s->table->live : 0;
  return s->hdr.aux;
}

void st_shape_each(StVM *vm, StShape *s, StShapeVisitFn fn, void *ud) {
  if (!st_shape_is_dict(s) && !s->table && s->hdr.aux > 0) s->table = build_table(s);
  StPropTable *t = s->table;
  if (!t) return;
  /* Iterate by index into the table: fn may not mutate the shape, but re-read count anyway. */
  for (uint32_t i = 0; i < t->count; i++) {
    StPropEntry e = t->entries[i];
    if (e.key == ST_HOLE) continue;
    if (!fn(vm, e.key, (StPropInfo){e.slot, e.attrs}, ud)) return;
  }
}

/* --- dictionaries --- */

StShape *st_shape_to_dict(StVM *vm, StShape *s) {
  StShape *d = alloc_shape(vm);
  if (!d) return NULL;
  d->hdr.flags = ST_SHAPE_DICT | (s->hdr.flags & ST_SHAPE_PROTOTYPE);
  d->inline_start = s->inline_start;
  d->inline_cap = s->inline_cap;
  d->obj_kind = s->obj_kind;
  d->proto = s->proto;
  d->key = ST_UNDEFINED;
  StPropTable *t;
  if (st_shape_is_dict(s)) {
    t = st_xcalloc(1, sizeof *t);
    StPropTable *o = s->table;
    t->cap = o->count ? o->count : 1;
    t->entries = st_xmalloc(t->cap * sizeof *t->entries);
    for (uint32_t i = 0; i < o->count; i++)
      if (o->entries[i].key != ST_HOLE) t->entries[t->count++] = o->entries[i];
    t->live = t->count;
    t->slot_cap = o->slot_cap;
    t->next_slot = o->next_slot;
    if (o->nfree) {
      t->free_cap = t->nfree = o->nfree;
      t->free_slots = st_xmalloc(o->nfree * sizeof(uint32_t));
      memcpy(t->free_slots, o->free_slots, o->nfree * sizeof(uint32_t));
    }
    table_reindex(t);
  } else {
    t = build_table(s);
    uint32_t n = s->hdr.aux;
    t->next_slot = n;
    t->slot_cap = n <= s->inline_cap ? s->inline_cap
                                     : s->inline_cap + st_object_overflow_cap(n - s->inline_cap);
  }
  d->table = t;
  return d;
}

/* Tombstones (deleted entries) keep insertion order cheap; they are compacted away when they
 * outnumber live entries. Slots of deleted properties are reused first, so a dictionary used
 * as a map with churn stays bounded. */
static void compact(StPropTable *t) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < t->count; i++)
    if (t->entries[i].key != ST_HOLE) t->entries[n++] = t->entries[i];
  t->count = n;
  table_reindex(t);
}

bool st_shape_dict_add(StVM *vm, StShape *s, StValue key, uint8_t attrs, uint32_t *slot_out) {
  (void)vm;
  StPropTable *t = s->table;
  uint32_t slot;
  if (t->nfree) {
    slot = t->free_slots[--t->nfree];
  } else {
    slot = t->next_slot++;
    if (slot >= t->slot_cap) {
      uint32_t over = slot + 1 > s->inline_cap ? slot + 1 - s->inline_cap : 0;
      t->slot_cap = s->inline_cap + st_object_overflow_cap(over);
    }
  }
  table_push(t, key, slot, attrs);
  if (t->count > 16 && t->count > 2 * t->live) compact(t);
  *slot_out = slot;
  return true;
}

bool st_shape_dict_remove(StVM *vm, StShape *s, StValue key) {
  (void)vm;
  StPropTable *t = s->table;
  int64_t e = table_find(t, key);
  if (e < 0) return false;
  /* The index keeps pointing at the tombstone: probes pass over it, since ST_HOLE never equals
   * a key. */
  t->entries[e].key = ST_HOLE;
  t->live--;
  if (t->nfree == t->free_cap) {
    t->free_cap = t->free_cap ? t->free_cap * 2 : 8;
    t->free_slots = st_xrealloc(t->free_slots, t->free_cap * sizeof(uint32_t));
  }
  t->free_slots[t->nfree++] = t->entries[e].slot;
  return true;
}

void st_shape_dict_set_attrs(StVM *vm, StShape *s, StValue key, uint8_t attrs) {
  (void)vm;
  int64_t e = table_find(s->table, key);
  if (e >= 0) s->table->entries[e].attrs = attrs;
}

StShape *st_shape_dict_renew(StVM *vm, StShape *s) {
  StShape *d = alloc_shape(vm);
  if (!d) return NULL;
  d->hdr.flags = s->hdr.flags & ~ST_SHAPE_STALE;
  d->inline_start = s->inline_start;
  d->inline_cap = s->inline_cap;
  d->obj_kind = s->obj_kind;
  d->proto = s->proto;
  d->key = ST_UNDEFINED;
  d->table = s->table;
  s->table = NULL;
  s->hdr.flags |= ST_SHAPE_STALE;
  return d;
}
