/* interp/feedback.c: feedback vectors, the property and global inline caches' slow paths (a
 * full lookup that also fills the cache), and the --print-feedback dump.
 *
 * The interpreter inlines only the monomorphic hit of the common cases; everything else lands
 * here. A lookup is cached only when it can be re-validated cheaply: the receiver has a fast
 * (non-dictionary) shape, and for anything found beyond the receiver's own properties, the
 * prototype epoch still matches.
 */
#include "interp/feedback.h"

#include "objects/ops.h"

#include <stdlib.h>
#include <string.h>

StFeedbackVector *st_feedback_get(StVM *vm, StProto *p) {
  (void)vm;
  if (ST_LIKELY(p->feedback != NULL)) return p->feedback;
  StFeedbackVector *v = st_xcalloc(1, sizeof(StFeedbackVector) + p->nfeedback * sizeof(StFeedbackSlot));
  v->n = p->nfeedback;
  p->feedback = v;
  return v;
}

StLattice st_feedback_lattice(uint8_t seen) {
  seen &= (uint8_t)~ST_TYPE_OVERFLOW;
  if (!seen) return ST_LATTICE_NONE;
  if (seen == ST_TYPE_INT32) return ST_LATTICE_INT32;
  if (!(seen & ~(ST_TYPE_INT32 | ST_TYPE_DOUBLE))) return ST_LATTICE_NUMBER;
  if (seen == ST_TYPE_STRING) return ST_LATTICE_STRING;
  return ST_LATTICE_ANY;
}

/* ------------------------------------------------------------------------------------------ */
/* IC entries                                                                                 */

static uint8_t prim_class(StValue v) {
  if (st_is_string(v)) return ST_ICPRIM_STRING;
  if (st_is_number(v)) return ST_ICPRIM_NUMBER;
  if (st_is_bool(v)) return ST_ICPRIM_BOOL;
  if (st_is_symbol(v)) return ST_ICPRIM_SYMBOL;
  return ST_ICPRIM_NONE;
}

static bool entry_valid(StVM *vm, const StIcEntry *e) {
  switch (e->kind) {
  case ST_ICE_OWN:
  case ST_ICE_ARRAY_LENGTH:
  case ST_ICE_STRING_LENGTH: return true;
  default: return e->epoch == vm->proto_epoch;
  }
}

const StIcEntry *st_feedback_ic_lookup(StVM *vm, const StFeedbackSlot *s, const StShape *shape) {
  if (s->u.prop.state == ST_IC_MONO) {
    const StIcEntry *e = &s->u.prop.mono;
    return e->shape == shape && entry_valid(vm, e) ? e : NULL;
  }
  if (s->u.prop.state == ST_IC_POLY) {
    for (int i = 0; i < s->u.prop.count; i++) {
      const StIcEntry *e = &s->u.prop.poly[i];
      if (e->shape == shape && entry_valid(vm, e)) return e;
    }
  }
  return NULL;
}

static const StIcEntry *prim_lookup(StVM *vm, const StFeedbackSlot *s, uint8_t prim) {
  const StIcEntry *es = s->u.prop.state == ST_IC_MONO ? &s->u.prop.mono : s->u.prop.poly;
  int n = s->u.prop.state == ST_IC_MONO ? 1 : s->u.prop.state == ST_IC_POLY ? s->u.prop.count : 0;
  for (int i = 0; i < n; i++)
    if (!es[i].shape && es[i].prim == prim && entry_valid(vm, &es[i])) return &es[i];
  return NULL;
}

/* Adds (or replaces the stale entry for the same shape) an entry; goes polymorphic, then
 * megamorphic. */
static void ic_add(StFeedbackSlot *s, const StIcEntry *e) {
  switch (s->u.prop.state) {
  case ST_IC_UNINIT:
    s->u.prop.mono = *e;
    s->u.prop.state = ST_IC_MONO;
    s->u.prop.count = 1;
    return;
  case ST_IC_MONO:
    if (s->u.prop.mono.shape == e->shape && s->u.prop.mono.prim == e->prim) {
      s->u.prop.mono = *e;
      return;
    }
    s->u.prop.poly = st_xmalloc(ST_IC_POLY_MAX * sizeof(StIcEntry));
    s->u.prop.poly[0] = s->u.prop.mono;
    s->u.prop.poly[1] = *e;
    s->u.prop.count = 2;
    s->u.prop.state = ST_IC_POLY;
    return;
  case ST_IC_POLY:
    for (int i = 0; i < s->u.prop.count; i++) {
      if (s->u.prop.poly[i].shape == e->shape && s->u.prop.poly[i].prim == e->prim) {
        s->u.prop.poly[i] = *e;
        return;
      }
    }
    if (s->u.prop.count < ST_IC_POLY_MAX) {
      s->u.prop.poly[s->u.prop.count++] = *e;
      return;
    }
    free(s->u.prop.poly);
    s->u.prop.poly = NULL;
    s->u.prop.count = 0;
    s->u.prop.state = ST_IC_MEGA;
    return;
  case ST_IC_MEGA: return;
  }
}

/* Where key is found starting at `start` for a receiver. */
typedef struct Found {
  StIcKind kind;
  StObject *holder;
  uint32_t slot;
  StValue value; /* the slot's content */
} Found;

static void find(StVM *vm, StObject *start, StValue key, bool own_receiver, Found *f) {
  StValue length_key = st_string_value(vm->atoms.length);
  bool first = own_receiver;
  for (StObject *o = start; o; o = o->shape->proto, first = false) {
    if (o->hdr.kind == ST_KIND_ARRAY && key == length_key) {
      f->kind = first ? ST_ICE_ARRAY_LENGTH : ST_ICE_PROTO;
      f->holder = o;
      f->slot = UINT32_MAX; /* not a slot: not cacheable as PROTO */
      return;
    }
    StPropInfo info;
    if (st_shape_find(vm, o->shape, key, &info)) {
      f->holder = o;
      f->slot = info.slot;
      f->value = *st_object_slot(o, info.slot);
      if (info.attrs & ST_ATTR_ACCESSOR) f->kind = ST_ICE_GETTER;
      else f->kind = first ? ST_ICE_OWN : ST_ICE_PROTO;
      return;
    }
  }
  f->kind = ST_ICE_MISSING;
  f->holder = NULL;
}

StValue st_feedback_get_prop(StVM *vm, StFeedbackSlot *s, StValue recv, StValue key) {
  StObject *start;
  uint8_t prim = ST_ICPRIM_NONE;
  if (st_is_object(recv)) {
    start = st_get_object(recv);
    const StIcEntry *e = st_feedback_ic_lookup(vm, s, start->shape);
    if (e) {
      switch ((StIcKind)e->kind) {
      case ST_ICE_OWN: return *st_object_slot(start, e->slot);
      case ST_ICE_PROTO: return *st_object_slot(e->holder, e->slot);
      case ST_ICE_MISSING: return ST_UNDEFINED;
      case ST_ICE_ARRAY_LENGTH: return st_number((double)start->hdr.aux);
      case ST_ICE_GETTER: {
        StAccessor *a = st_get_cell(*st_object_slot(e->holder, e->slot));
        return st_is_undefined(a->getter) ? ST_UNDEFINED : st_vm_call(vm, a->getter, recv, 0, NULL);
      }
      default: break;
      }
    }
  } else {
    prim = prim_class(recv);
    if (prim == ST_ICPRIM_NONE) return st_value_get(vm, recv, key); /* throws TypeError */
    if (prim == ST_ICPRIM_STRING && key == st_string_value(vm->atoms.length)) {
      if (s->u.prop.state == ST_IC_UNINIT) {
        StIcEntry e = {.kind = ST_ICE_STRING_LENGTH, .prim = prim};
        ic_add(s, &e);
      }
      return st_int((int32_t)st_string_length(st_get_string(recv)));
    }
    const StIcEntry *e = prim_lookup(vm, s, prim);
    if (e && e->kind == ST_ICE_PROTO) return *st_object_slot(e->holder, e->slot);
    start = st_value_proto_for(vm, recv);
  }
  Found f;
  find(vm, start, key, prim == ST_ICPRIM_NONE, &f);
  /* Fill the cache when the result can be re-validated. */
  StShape *shape = prim == ST_ICPRIM_NONE ? start->shape : NULL;
  bool cacheable = s->u.prop.state != ST_IC_MEGA && (!shape || !st_shape_is_dict(shape)) &&
                   (f.kind == ST_ICE_MISSING || f.slot != UINT32_MAX || f.kind == ST_ICE_ARRAY_LENGTH);
  if (cacheable) {
    /* An array's own length is read from the receiver: no holder, so that the cache does not
     * keep the first array it saw alive (feedback is traced strongly). */
    StObject *holder = f.kind == ST_ICE_ARRAY_LENGTH ? NULL : f.holder;
    StIcEntry e = {.shape = shape, .holder = holder, .slot = f.slot, .epoch = vm->proto_epoch,
                   .kind = (uint8_t)f.kind, .prim = prim};
    ic_add(s, &e);
  }
  switch (f.kind) {
  case ST_ICE_OWN:
  case ST_ICE_PROTO:
    if (f.slot == UINT32_MAX) return st_number((double)f.holder->hdr.aux); /* array length on a proto */
    return f.value;
  case ST_ICE_ARRAY_LENGTH: return st_number((double)start->hdr.aux);
  case ST_ICE_GETTER: {
    StAccessor *a = st_get_cell(f.value);
    return st_is_undefined(a->getter) ? ST_UNDEFINED : st_vm_call(vm, a->getter, recv, 0, NULL);
  }
  default: return ST_UNDEFINED;
  }
}

/* Whether adding key to an object of this shape may use a cached transition: nothing on the
 * prototype chain intercepts the store (setter, read-only property). */
static bool chain_allows_add(StVM *vm, StObject *proto, StValue key) {
  for (StObject *o = proto; o; o = o->shape->proto) {
    if (o->hdr.kind == ST_KIND_ARRAY && key == st_string_value(vm->atoms.length)) return false;
    StPropInfo info;
    if (st_shape_find(vm, o->shape, key, &info))
      return !(info.attrs & ST_ATTR_ACCESSOR) && (info.attrs & ST_ATTR_WRITABLE);
  }
  return true;
}

int st_feedback_set_prop(StVM *vm, StFeedbackSlot *s, StValue recv, StValue key, StValue v,
                         bool strict) {
  if (!st_is_object(recv)) return st_value_set(vm, recv, key, v, strict);
  StObject *o = st_get_object(recv);
  StShape *before = o->shape;
  const StIcEntry *e = st_feedback_ic_lookup(vm, s, before);
  if (e) {
    if (e->kind == ST_ICE_OWN) {
      *st_object_slot(o, e->slot) = v;
      st_gc_write_barrier(vm->heap, &o->hdr, v);
      return 1;
    }
    if (e->kind == ST_ICE_TRANSITION && (o->hdr.flags & ST_OBJECT_EXTENSIBLE)) {
      /* Taking the cached transition is st_object_add without the lookups. */
      return st_object_add(vm, o, key, v, ST_ATTR_DEFAULT) ? 1 : -1;
    }
    if (e->kind == ST_ICE_SETTER) {
      StAccessor *a = st_get_cell(*st_object_slot(e->holder, e->slot));
      if (!st_is_undefined(a->setter))
        return st_vm_call(vm, a->setter, recv, 1, &v) == ST_EXCEPTION ? -1 : 1;
    }
  }
  /* Classify before the store, for the cache. */
  StPropInfo info;
  bool own = st_shape_find(vm, before, key, &info);
  bool was_dict = st_shape_is_dict(before);
  int r = st_object_set(vm, o, key, v, recv, strict);
  if (r != 1 || was_dict || s->u.prop.state == ST_IC_MEGA) return r;
  StIcEntry ne = {.shape = before, .epoch = vm->proto_epoch};
  if (own) {
    if (info.attrs & (ST_ATTR_ACCESSOR)) {
      ne.kind = ST_ICE_SETTER;
      ne.holder = o;
      ne.slot = info.slot;
    } else if (info.attrs & ST_ATTR_WRITABLE) {
      ne.kind = ST_ICE_OWN;
      ne.slot = info.slot;
    } else {
      return r;
    }
    ic_add(s, &ne);
  } else if (o->shape != before && !st_shape_is_dict(o->shape) && o->shape->parent == before &&
             chain_allows_add(vm, before->proto, key)) {
    ne.kind = ST_ICE_TRANSITION;
    ne.new_shape = o->shape;
    ne.slot = o->shape->hdr.aux - 1;
    ic_add(s, &ne);
  } else if (o->shape == before) {
    Found f;
    find(vm, before->proto, key, false, &f);
    if (f.kind == ST_ICE_GETTER && f.slot != UINT32_MAX) {
      ne.kind = ST_ICE_SETTER;
      ne.holder = f.holder;
      ne.slot = f.slot;
      ic_add(s, &ne);
    }
  }
  return r;
}

int st_feedback_define_prop(StVM *vm, StFeedbackSlot *s, StObject *o, StValue key, StValue v) {
  StShape *before = o->shape;
  const StIcEntry *e = st_feedback_ic_lookup(vm, s, before);
  if (e && e->kind == ST_ICE_TRANSITION) {
    /* Literal definitions add to a fresh extensible object: the cached transition applies. */
    StShape *n = e->new_shape;
    uint32_t slot = e->slot;
    if (slot >= before->inline_cap) {
      uint32_t j = slot - before->inline_cap;
      uint32_t oc = st_object_overflow_cap(j), nc = st_object_overflow_cap(j + 1);
      if (nc > oc) {
        o->slots = st_xrealloc(o->slots, nc * sizeof(StValue));
        st_gc_external(vm->heap, (int64_t)(nc - oc) * (int64_t)sizeof(StValue));
      }
    }
    o->shape = n;
    *st_object_slot(o, slot) = v;
    st_gc_write_barrier(vm->heap, &o->hdr, v);
    return 1;
  }
  int r = st_object_define(vm, o, key, v, ST_ATTR_DEFAULT);
  if (r == 1 && !st_shape_is_dict(before) && !st_shape_is_dict(o->shape) &&
      o->shape->parent == before && s->u.prop.state != ST_IC_MEGA &&
      !(o->hdr.flags & ST_OBJECT_IS_PROTOTYPE)) {
    StIcEntry ne = {.shape = before, .new_shape = o->shape, .slot = o->shape->hdr.aux - 1,
                    .epoch = vm->proto_epoch, .kind = ST_ICE_TRANSITION};
    ic_add(s, &ne);
  }
  return r;
}

/* ------------------------------------------------------------------------------------------ */
/* Globals                                                                                    */

StValue st_feedback_get_global(StVM *vm, StFeedbackSlot *s, StValue key, bool for_typeof) {
  StObject *g = vm->global;
  if (s->u.global.valid && s->u.global.epoch == vm->global_epoch)
    return *st_object_slot(g, s->u.global.slot);
  StPropInfo info;
  if (st_shape_find(vm, g->shape, key, &info)) {
    StValue v = *st_object_slot(g, info.slot);
    if (!(info.attrs & ST_ATTR_ACCESSOR)) {
      s->u.global.valid = 1;
      s->u.global.slot = info.slot;
      s->u.global.epoch = vm->global_epoch;
      return v;
    }
    StAccessor *a = st_get_cell(v);
    return st_is_undefined(a->getter) ? ST_UNDEFINED
                                      : st_vm_call(vm, a->getter, st_object_value(g), 0, NULL);
  }
  /* Through the global object's prototype chain (e.g. Object.prototype.toString). */
  for (StObject *o = g->shape->proto; o; o = o->shape->proto) {
    if (st_shape_find(vm, o->shape, key, &info))
      return st_object_get(vm, o, key, st_object_value(g));
  }
  if (for_typeof) return ST_UNDEFINED;
  char k[200];
  size_t n;
  char *name = st_string_to_utf8(vm, st_get_string(key), &n);
  snprintf(k, sizeof k, "%s", name ? name : "?");
  free(name);
  return st_vm_reference_error(vm, "%s is not defined", k);
}

int st_feedback_set_global(StVM *vm, StFeedbackSlot *s, StValue key, StValue v, bool strict) {
  StObject *g = vm->global;
  if (s->u.global.valid && s->u.global.epoch == vm->global_epoch) {
    /* Only writable data properties are cached for stores (see below). */
    *st_object_slot(g, s->u.global.slot) = v;
    st_gc_write_barrier(vm->heap, &g->hdr, v);
    return 1;
  }
  StPropInfo info;
  if (st_shape_find(vm, g->shape, key, &info)) {
    if (!(info.attrs & ST_ATTR_ACCESSOR) && (info.attrs & ST_ATTR_WRITABLE)) {
      s->u.global.valid = 1;
      s->u.global.slot = info.slot;
      s->u.global.epoch = vm->global_epoch;
      *st_object_slot(g, info.slot) = v;
      st_gc_write_barrier(vm->heap, &g->hdr, v);
      return 1;
    }
    return st_object_set(vm, g, key, v, st_object_value(g), strict);
  }
  if (strict && !st_object_has(vm, g, key)) {
    char k[200];
    size_t n;
    char *name = st_string_to_utf8(vm, st_get_string(key), &n);
    snprintf(k, sizeof k, "%s", name ? name : "?");
    free(name);
    st_vm_reference_error(vm, "%s is not defined", k);
    return -1;
  }
  return st_object_set(vm, g, key, v, st_object_value(g), strict);
}

/* ------------------------------------------------------------------------------------------ */
/* Recording                                                                                  */

void st_feedback_record_call(StFeedbackSlot *s, StObject *target) {
  s->u.call.count++;
  if (s->u.call.mega) return;
  StProto *p = target->hdr.kind == ST_KIND_FUNCTION ? ((StFunction *)target)->proto : NULL;
  if (!s->u.call.target) {
    s->u.call.target = target;
    s->u.call.proto = p;
    return;
  }
  if (s->u.call.target == target) return;
  if (p && s->u.call.proto == p) {
    s->u.call.target = target; /* same literal, another closure: proto-monomorphic */
    s->u.call.closures = 1;
    return;
  }
  s->u.call.mega = 1;
  s->u.call.target = NULL;
  s->u.call.proto = NULL;
}

void st_feedback_record_elem(StFeedbackSlot *s, StValue recv, StValue key) {
  uint16_t bits = 0;
  if (st_is_object(recv)) {
    StObject *o = st_get_object(recv);
    if (o->hdr.flags & (ST_OBJECT_SPARSE | ST_OBJECT_EXOTIC)) {
      bits |= ST_ELEMFB_OTHER;
    } else {
      if (o->hdr.kind != ST_KIND_ARRAY) bits |= ST_ELEMFB_NONARRAY;
      switch (st_object_elems_kind(o)) {
      case ST_ELEMS_INT32: bits |= ST_ELEMFB_INT32; break;
      case ST_ELEMS_DOUBLE: bits |= ST_ELEMFB_DOUBLE; break;
      case ST_ELEMS_GENERIC: bits |= ST_ELEMFB_GENERIC; break;
      default: break;
      }
      if (o->hdr.flags & ST_OBJECT_HOLEY) bits |= ST_ELEMFB_HOLEY;
    }
    if (st_is_int(key)) {
      int32_t i = st_get_int(key);
      if (i < 0 || !o->elements || (uint32_t)i >= o->elements->length) bits |= ST_ELEMFB_OOB;
    } else if (!st_is_double(key)) {
      bits |= ST_ELEMFB_NAMED;
    }
  } else if (st_is_string(recv)) {
    bits |= ST_ELEMFB_STRING;
  } else {
    bits |= ST_ELEMFB_OTHER;
  }
  s->u.elem.seen |= bits;
}

/* ------------------------------------------------------------------------------------------ */
/* GC                                                                                         */

static void trace_entry(StHeap *h, const StIcEntry *e) {
  st_gc_mark_cell(h, (StCell *)e->shape);
  st_gc_mark_cell(h, (StCell *)e->new_shape);
  st_gc_mark_cell(h, (StCell *)e->holder);
}

void st_feedback_trace(StVM *vm, StHeap *h, StProto *p) {
  (void)vm;
  StFeedbackVector *v = p->feedback;
  if (!v) return;
  for (uint32_t i = 0; i < v->n; i++) {
    StFeedbackSlot *s = &v->slots[i];
    switch ((StFeedbackKind)p->fb_kinds[i]) {
    case ST_FB_PROP:
      if (s->u.prop.state == ST_IC_MONO) trace_entry(h, &s->u.prop.mono);
      else if (s->u.prop.state == ST_IC_POLY)
        for (int k = 0; k < s->u.prop.count; k++) trace_entry(h, &s->u.prop.poly[k]);
      break;
    case ST_FB_CALL:
      st_gc_mark_cell(h, (StCell *)s->u.call.target);
      st_gc_mark_cell(h, (StCell *)s->u.call.proto);
      break;
    case ST_FB_LITERAL: st_gc_mark_cell(h, (StCell *)s->u.literal.root); break;
    case ST_FB_INSTANCEOF: st_gc_mark_cell(h, (StCell *)s->u.instanceof.ctor); break;
    default: break;
    }
  }
}

void st_feedback_free(StVM *vm, StProto *p) {
  (void)vm;
  StFeedbackVector *v = p->feedback;
  if (!v) return;
  for (uint32_t i = 0; i < v->n; i++)
    if (p->fb_kinds[i] == ST_FB_PROP && v->slots[i].u.prop.state == ST_IC_POLY)
      free(v->slots[i].u.prop.poly);
  free(v);
  p->feedback = NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Dump                                                                                       */

static const char *const lattice_names[] = {"none", "int32", "number", "string", "any"};
static const char *const ic_kind_names[] = {"own", "proto", "getter", "setter", "missing",
                                            "transition", "array-length", "string-length"};
static const char *const ic_state_names[] = {"uninitialized", "monomorphic", "polymorphic",
                                             "megamorphic"};

static void dump_types(FILE *out, uint8_t seen) {
  static const char *const names[] = {"int32", "double", "string", "bool", "nullish", "object",
                                      "other", "overflow"};
  fprintf(out, "%s", lattice_names[st_feedback_lattice(seen)]);
  if (!seen) return;
  fputs(" [", out);
  const char *sep = "";
  for (int b = 0; b < 8; b++)
    if (seen & (1 << b)) {
      fprintf(out, "%s%s", sep, names[b]);
      sep = " ";
    }
  fputc(']', out);
}

static void dump_entry(FILE *out, const StIcEntry *e) {
  if (e->shape) fprintf(out, " {shape#%u %s", e->shape->id, ic_kind_names[e->kind]);
  else fprintf(out, " {primitive %s", ic_kind_names[e->kind]);
  if (e->kind == ST_ICE_OWN || e->kind == ST_ICE_PROTO || e->kind == ST_ICE_TRANSITION)
    fprintf(out, " slot %u", e->slot);
  if (e->kind == ST_ICE_TRANSITION && e->new_shape) fprintf(out, " -> shape#%u", e->new_shape->id);
  fputc('}', out);
}

void st_feedback_dump(StVM *vm, FILE *out, StProto *p) {
  char name[160] = "<anonymous>";
  if (p->name && st_string_length(p->name)) {
    size_t n;
    char *s = st_string_to_utf8(vm, p->name, &n);
    snprintf(name, sizeof name, "%s", s ? s : "?");
    free(s);
  }
  fprintf(out, "feedback for %s (%s:%u:%u): %u slots, %u calls, %u back-edges\n", name,
          p->source ? p->source->filename : "?", p->line, p->col, p->nfeedback, p->calls,
          p->backedges);
  StFeedbackVector *v = p->feedback;
  /* Walk the bytecode to name the instruction of each slot. */
  for (uint32_t pc = 0; pc < p->code_len; pc += st_bytecode_size(p->code[pc])) {
    uint16_t op = p->code[pc];
    const StOpInfo *info = &st_bytecode_info[op];
    if (info->feedback == ST_FB_NONE) continue;
    int fi = (int)strlen(info->format) - 1;
    while (fi >= 0 && info->format[fi] != 'F') fi--;
    if (fi < 0) continue;
    uint32_t slot = (uint32_t)st_bytecode_operand(p->code + pc, fi);
    fprintf(out, "  #%-3u pc %-5u %-12s ", slot, pc, info->name);
    if (!v) {
      fputs("(never run)\n", out);
      continue;
    }
    StFeedbackSlot *s = &v->slots[slot];
    switch ((StFeedbackKind)info->feedback) {
    case ST_FB_BINOP:
    case ST_FB_COMPARE: dump_types(out, s->u.binop.seen); break;
    case ST_FB_PROP:
      fprintf(out, "%s", ic_state_names[s->u.prop.state]);
      if (s->u.prop.state == ST_IC_MONO) dump_entry(out, &s->u.prop.mono);
      else if (s->u.prop.state == ST_IC_POLY)
        for (int k = 0; k < s->u.prop.count; k++) dump_entry(out, &s->u.prop.poly[k]);
      break;
    case ST_FB_GLOBAL:
      if (s->u.global.valid) fprintf(out, "cached slot %u", s->u.global.slot);
      else fputs("uncached", out);
      break;
    case ST_FB_CALL:
      if (s->u.call.mega) fprintf(out, "megamorphic (%u calls)", s->u.call.count);
      else if (s->u.call.target) {
        char tn[160];
        fprintf(out, "%s %s (%u calls)", s->u.call.closures ? "one literal, several closures:" : "monomorphic",
                st_function_debug_name(vm, s->u.call.target, tn, sizeof tn), s->u.call.count);
      } else fputs("never called", out);
      break;
    case ST_FB_ELEM: {
      static const char *const names[] = {"int32", "double", "generic", "holey", "out-of-bounds",
                                          "string", "named", "other", "non-array"};
      const char *sep = "";
      fputc('[', out);
      for (int b = 0; b < 9; b++)
        if (s->u.elem.seen & (1 << b)) {
          fprintf(out, "%s%s", sep, names[b]);
          sep = " ";
        }
      fputc(']', out);
      break;
    }
    case ST_FB_LOOP: fprintf(out, "%u iterations", s->u.loop.count); break;
    case ST_FB_LITERAL:
      if (s->u.literal.root) fprintf(out, "shape#%u", s->u.literal.root->id);
      else fputs("-", out);
      break;
    case ST_FB_ITER:
      fprintf(out, "%s%s", s->u.iter.array_fast ? "array-fast " : "", s->u.iter.generic ? "generic" : "");
      break;
    case ST_FB_INSTANCEOF:
      fputs(s->u.instanceof.mega ? "megamorphic" : s->u.instanceof.ctor ? "monomorphic" : "-", out);
      break;
    default: break;
    }
    fputc('\n', out);
  }
}

StObject *st_feedback_new_object(StVM *vm, StFeedbackSlot *s, uint32_t hint) {
  StShape *root = s->u.literal.root;
  if (root && root->proto == vm->intrinsics.ObjectPrototype)
    return st_object_new_with_shape(vm, root, sizeof(StObject));
  StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, hint ? hint : ST_OBJECT_DEFAULT_INLINE);
  if (o) s->u.literal.root = o->shape;
  return o;
}
