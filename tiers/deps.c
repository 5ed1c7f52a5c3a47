/* tiers/deps.c: code dependencies on objects. Compiled code that speculates on a prototype
 * chain (a method found on a prototype, a property missing along the whole chain, no setter
 * on the chain of a transitioning store) does not re-check the chain at run time: it depends
 * on the chain's objects instead. Those objects get ST_OBJECT_HAS_DEPENDENTS, so any change to
 * their shape calls vm->hooks.dependency_broken (objects/object.c's shape-change protocol),
 * which invalidates every code depending on the object. Frames still running invalidated code
 * leave it lazily at their next check (tiers/deopt.h).
 *
 * The table maps an object to the codes that depend on it (open addressing, pointer keys).
 * Code removes its entries when it is released; invalidated code is dropped from every list
 * the first time one of its objects changes.
 */
#include "tiers/tier_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct DepEntry {
  StObject *obj;         /* NULL: empty */
  StVec(StCode *) codes;
} DepEntry;

struct StDepTable {
  DepEntry *slots;
  uint32_t cap, count;
};

static uint32_t hash_ptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

static DepEntry *find(StDepTable *t, StObject *o, bool insert) {
  if (insert && (t->count + 1) * 4 >= t->cap * 3) {
    uint32_t ncap = t->cap ? t->cap * 2 : 64;
    DepEntry *old = t->slots;
    uint32_t ocap = t->cap;
    t->slots = st_xcalloc(ncap, sizeof(DepEntry));
    t->cap = ncap;
    for (uint32_t i = 0; i < ocap; i++) {
      if (!old[i].obj) continue;
      uint32_t k = hash_ptr(old[i].obj) & (ncap - 1);
      while (t->slots[k].obj) k = (k + 1) & (ncap - 1);
      t->slots[k] = old[i];
    }
    free(old);
  }
  if (!t->cap) return NULL;
  uint32_t k = hash_ptr(o) & (t->cap - 1);
  while (t->slots[k].obj) {
    if (t->slots[k].obj == o) return &t->slots[k];
    k = (k + 1) & (t->cap - 1);
  }
  if (!insert) return NULL;
  t->slots[k].obj = o;
  t->count++;
  return &t->slots[k];
}

StDepTable *st_deps_new(void) { return st_xcalloc(1, sizeof(StDepTable)); }

void st_deps_free(StDepTable *t) {
  for (uint32_t i = 0; i < t->cap; i++) st_vec_free(&t->slots[i].codes);
  free(t->slots);
  free(t);
}

void st_deps_register(StVM *vm, StCode *code) {
  StDepTable *t = st_tier_state(vm)->deps;
  for (uint32_t i = 0; i < code->ndeps; i++) {
    StObject *o = code->deps[i];
    DepEntry *e = find(t, o, true);
    st_vec_push(&e->codes, code);
    o->hdr.flags |= ST_OBJECT_HAS_DEPENDENTS;
  }
}

void st_deps_unregister(StVM *vm, StCode *code) {
  StDepTable *t = st_tier_state(vm)->deps;
  for (uint32_t i = 0; i < code->ndeps; i++) {
    DepEntry *e = find(t, code->deps[i], false);
    if (!e) continue;
    for (size_t k = 0; k < e->codes.len; k++)
      if (e->codes.data[k] == code) e->codes.data[k--] = e->codes.data[--e->codes.len];
  }
}

/* vm->hooks.dependency_broken: o changed shape. */
void st_deps_broken(StVM *vm, void *subject) {
  StTierState *ts = st_tier_state(vm);
  DepEntry *e = find(ts->deps, subject, false);
  if (!e) return;
  /* Invalidation may not reenter this list (it only flags code), but copy anyway: clarity. */
  size_t n = e->codes.len;
  StCode **codes = st_xmalloc((n ? n : 1) * sizeof *codes);
  memcpy(codes, e->codes.data, n * sizeof *codes);
  e->codes.len = 0;
  for (size_t k = 0; k < n; k++) st_deopt_invalidate(vm, codes[k], "a prototype it depends on changed");
  free(codes);
}
