/* objects/function.c: closures, natives, bound functions, protos, contexts, accessors and
 * sources: their allocation and GC hooks.
 *
 * Closures are created often (every evaluation of a function expression or arrow), so their
 * initial shapes are built once per variant and cached in the VM: a new closure is allocated
 * directly with its final shape and its `length`/`name`(/`prototype`) slots filled in.
 */
#include "objects/function.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- GC --- */

static void trace_function(StHeap *h, StCell *c) {
  StFunction *f = (StFunction *)c;
  st_object_trace_base(h, &f->obj);
  st_gc_mark_cell(h, (StCell *)f->proto);
  st_gc_mark_cell(h, (StCell *)f->ctx);
  st_gc_mark_value(h, f->home_object);
  st_gc_mark_value(h, f->fields);
}

static void trace_native(StHeap *h, StCell *c) {
  StNativeFunction *f = (StNativeFunction *)c;
  st_object_trace_base(h, &f->obj);
  st_gc_mark_values(h, f->data, ST_NATIVE_DATA);
}

static void trace_bound(StHeap *h, StCell *c) {
  StBoundFunction *f = (StBoundFunction *)c;
  st_object_trace_base(h, &f->obj);
  st_gc_mark_value(h, f->target);
  st_gc_mark_value(h, f->bound_this);
  if (f->args) st_gc_mark_values(h, f->args, f->nargs);
}

static void finalize_bound(StHeap *h, StCell *c) {
  StBoundFunction *f = (StBoundFunction *)c;
  free(f->args);
  f->args = NULL;
  st_object_finalize_base(h, &f->obj);
}

static void finalize_function(StHeap *h, StCell *c) { st_object_finalize_base(h, (StObject *)c); }

static void trace_proto(StHeap *h, StCell *c) {
  StProto *p = (StProto *)c;
  if (p->consts) st_gc_mark_values(h, p->consts, p->nconsts);
  st_gc_mark_cell(h, (StCell *)p->name);
  st_gc_mark_cell(h, (StCell *)p->source);
  st_gc_mark_cell(h, (StCell *)p->new_shape);
  if (p->vm && p->vm->hooks.trace_proto) p->vm->hooks.trace_proto(p->vm, h, p);
}

static void finalize_proto(StHeap *h, StCell *c) {
  (void)h;
  StProto *p = (StProto *)c;
  if (p->vm && p->vm->hooks.free_proto) p->vm->hooks.free_proto(p->vm, p);
  free(p->code);
  free(p->consts);
  free(p->lines);
  free(p->handlers);
  free(p->fb_kinds);
}

static void trace_context(StHeap *h, StCell *c) {
  StContext *x = (StContext *)c;
  st_gc_mark_cell(h, (StCell *)x->parent);
  st_gc_mark_values(h, x->slots, x->hdr.aux);
}

/* StSource hdr.flags: the text is the caller's (st_function_new_source_shared), not ours. */
enum { SOURCE_TEXT_BORROWED = 1 };

static void finalize_source(StHeap *h, StCell *c) {
  (void)h;
  StSource *s = (StSource *)c;
  if (!(s->hdr.flags & SOURCE_TEXT_BORROWED)) free(s->text);
  free(s->filename);
}

void st_function_init(StVM *vm) {
  StHeap *h = vm->heap;
  st_gc_register_kind(h, ST_KIND_FUNCTION, "Function", trace_function, finalize_function);
  st_gc_register_kind(h, ST_KIND_NATIVE_FUNCTION, "Function", trace_native, finalize_function);
  st_gc_register_kind(h, ST_KIND_BOUND_FUNCTION, "Function", trace_bound, finalize_bound);
  st_gc_register_kind(h, ST_KIND_PROTO, "proto", trace_proto, finalize_proto);
  st_gc_register_kind(h, ST_KIND_CONTEXT, "context", trace_context, NULL);
  st_gc_register_kind(h, ST_KIND_SOURCE, "source", NULL, finalize_source);
}

/* --- closures --- */

/* fn_shapes[] indexes: closure variants, then natives (whose struct differs). */
enum { FN_PLAIN, FN_CTOR, FN_ASYNC, FN_NATIVE, FN_SHAPES };

/* The initial shape of a closure variant: length, name, and for constructors prototype. */
static StShape *closure_shape(StVM *vm, int variant) {
  StObject *fproto = variant == FN_ASYNC && vm->intrinsics.AsyncFunctionPrototype
                         ? vm->intrinsics.AsyncFunctionPrototype
                         : vm->intrinsics.FunctionPrototype;
  StShape *s = vm->fn_shapes[variant];
  if (s && s->proto == fproto) return s;
  s = st_shape_root(vm, ST_KIND_FUNCTION, sizeof(StFunction), 3, fproto);
  if (s) s = st_shape_add(vm, s, st_string_value(vm->atoms.length), ST_ATTR_CONFIGURABLE);
  if (s) s = st_shape_add(vm, s, st_string_value(vm->atoms.name), ST_ATTR_CONFIGURABLE);
  if (s && variant == FN_CTOR)
    s = st_shape_add(vm, s, st_string_value(vm->atoms.prototype), ST_ATTR_WRITABLE);
  vm->fn_shapes[variant] = s;
  return s;
}

static bool is_constructor_proto(const StProto *p) {
  return !(p->flags & (ST_PROTO_ARROW | ST_PROTO_METHOD | ST_PROTO_ASYNC | ST_PROTO_GETTER |
                       ST_PROTO_SETTER | ST_PROTO_FIELD_INIT | ST_PROTO_SCRIPT));
}

static void init_closure(StFunction *f, StProto *proto, StContext *ctx) {
  f->proto = proto;
  f->ctx = ctx;
  f->home_object = ST_UNDEFINED;
  f->fields = ST_UNDEFINED;
  f->obj.hdr.flags = ST_OBJECT_EXTENSIBLE | ST_OBJECT_CALLABLE;
}

StFunction *st_function_new_closure(StVM *vm, StProto *proto, StContext *ctx) {
  bool ctor = is_constructor_proto(proto);
  int variant = ctor ? FN_CTOR : (proto->flags & ST_PROTO_ASYNC) ? FN_ASYNC : FN_PLAIN;
  StShape *shape = closure_shape(vm, variant);
  if (!shape) return NULL;
  StObject *prototype = NULL;
  if (ctor) {
    prototype = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
    if (!prototype) return NULL;
  }
  StFunction *f = (StFunction *)st_object_new_with_shape(vm, shape, sizeof(StFunction));
  if (!f) return NULL;
  init_closure(f, proto, ctx);
  if (ctor) f->obj.hdr.flags |= ST_OBJECT_CONSTRUCTOR;
  *st_object_slot(&f->obj, 0) = st_int(proto->length);
  *st_object_slot(&f->obj, 1) = st_string_value(proto->name ? proto->name : vm->atoms.empty);
  if (ctor) {
    *st_object_slot(&f->obj, 2) = st_object_value(prototype);
    if (!st_object_add(vm, prototype, st_string_value(vm->atoms.constructor),
                       st_object_value(&f->obj), ST_ATTR_HIDDEN))
      return NULL;
  }
  return f;
}

StFunction *st_function_new_class(StVM *vm, StProto *proto, StContext *ctx, StObject *fproto) {
  StFunction *f = (StFunction *)st_object_alloc(vm, ST_KIND_FUNCTION, sizeof(StFunction), fproto, 4);
  if (!f) return NULL;
  init_closure(f, proto, ctx);
  f->obj.hdr.flags |= ST_OBJECT_CONSTRUCTOR | ST_OBJECT_CLASS_CTOR;
  if (!st_object_add(vm, &f->obj, st_string_value(vm->atoms.length), st_int(proto->length),
                     ST_ATTR_CONFIGURABLE) ||
      !st_object_add(vm, &f->obj, st_string_value(vm->atoms.name),
                     st_string_value(proto->name ? proto->name : vm->atoms.empty),
                     ST_ATTR_CONFIGURABLE))
    return NULL;
  return f;
}

/* --- natives and bound functions --- */

/* Natives with Function.prototype as prototype share one initial shape (length, name), made
 * once: promise machinery creates two or more natives per reaction, so this path is hot. */
static StShape *native_shape(StVM *vm) {
  StObject *fproto = vm->intrinsics.FunctionPrototype;
  StShape *s = vm->fn_shapes[FN_NATIVE];
  if (s && s->proto == fproto) return s;
  s = st_shape_root(vm, ST_KIND_NATIVE_FUNCTION, sizeof(StNativeFunction), 3, fproto);
  if (s) s = st_shape_add(vm, s, st_string_value(vm->atoms.length), ST_ATTR_CONFIGURABLE);
  if (s) s = st_shape_add(vm, s, st_string_value(vm->atoms.name), ST_ATTR_CONFIGURABLE);
  vm->fn_shapes[FN_NATIVE] = s;
  return s;
}

StNativeFunction *st_function_new_native(StVM *vm, StNativeFn fn, const char *name,
                                         uint32_t length, bool ctor) {
  StString *n = name[0] ? st_string_intern_cstr(vm, name) : vm->atoms.empty;
  if (!n) return NULL;
  StShape *shape = vm->intrinsics.FunctionPrototype ? native_shape(vm) : NULL;
  StNativeFunction *f;
  if (shape) {
    f = (StNativeFunction *)st_object_new_with_shape(vm, shape, sizeof(StNativeFunction));
    if (!f) return NULL;
    f->obj.hdr.flags = ST_OBJECT_EXTENSIBLE;
    *st_object_slot(&f->obj, 0) = st_int((int32_t)length);
    *st_object_slot(&f->obj, 1) = st_string_value(n);
  } else {
    /* Bootstrapping: Function.prototype itself is being made. */
    f = (StNativeFunction *)st_object_alloc(vm, ST_KIND_NATIVE_FUNCTION, sizeof(StNativeFunction),
                                            vm->intrinsics.FunctionPrototype, 3);
    if (!f) return NULL;
    if (!st_object_add(vm, &f->obj, st_string_value(vm->atoms.length), st_int((int32_t)length),
                       ST_ATTR_CONFIGURABLE) ||
        !st_object_add(vm, &f->obj, st_string_value(vm->atoms.name), st_string_value(n),
                       ST_ATTR_CONFIGURABLE))
      return NULL;
  }
  f->fn = fn;
  for (int i = 0; i < ST_NATIVE_DATA; i++) f->data[i] = ST_UNDEFINED;
  f->obj.hdr.flags |= ST_OBJECT_CALLABLE | (ctor ? ST_OBJECT_CONSTRUCTOR : 0);
  return f;
}

StBoundFunction *st_function_new_bound(StVM *vm, StObject *target, StValue this_val,
                                       uint32_t nargs, const StValue *args) {
  StBoundFunction *f = (StBoundFunction *)st_object_alloc(
      vm, ST_KIND_BOUND_FUNCTION, sizeof(StBoundFunction), target->shape->proto, 2);
  if (!f) return NULL;
  f->target = st_object_value(target);
  f->bound_this = this_val;
  f->nargs = nargs;
  if (nargs) {
    f->args = st_xmalloc(nargs * sizeof(StValue));
    memcpy(f->args, args, nargs * sizeof(StValue));
  }
  f->obj.hdr.flags |= ST_OBJECT_CALLABLE | (target->hdr.flags & ST_OBJECT_CONSTRUCTOR);
  return f;
}

/* --- engine-internal cells --- */

StProto *st_function_new_proto(StVM *vm) {
  StProto *p = st_vm_alloc(vm, ST_KIND_PROTO, sizeof(StProto));
  if (p) p->vm = vm;
  return p;
}

StContext *st_function_new_context(StVM *vm, StContext *parent, uint32_t nslots) {
  StContext *c = st_vm_alloc(vm, ST_KIND_CONTEXT, sizeof(StContext) + nslots * sizeof(StValue));
  if (!c) return NULL;
  c->hdr.aux = nslots;
  c->parent = parent;
  for (uint32_t i = 0; i < nslots; i++) c->slots[i] = ST_UNDEFINED;
  return c;
}

StAccessor *st_function_new_accessor(StVM *vm, StValue getter, StValue setter) {
  StAccessor *a = st_vm_alloc(vm, ST_KIND_ACCESSOR, sizeof(StAccessor));
  if (!a) return NULL;
  a->getter = getter;
  a->setter = setter;
  return a;
}

StSource *st_function_new_source(StVM *vm, const char *filename, const char *text, size_t len) {
  StSource *s = st_vm_alloc(vm, ST_KIND_SOURCE, sizeof(StSource));
  if (!s) return NULL;
  s->text = st_xmalloc(len + 1);
  memcpy(s->text, text, len);
  s->text[len] = 0;
  s->len = len;
  s->filename = st_xstrdup(filename ? filename : "<anonymous>");
  st_gc_external(vm->heap, (int64_t)len);
  return s;
}

StSource *st_function_new_source_shared(StVM *vm, const char *filename, const char *text,
                                        size_t len) {
  ST_ASSERT(text[len] == 0, "a shared source text must be NUL-terminated");
  StSource *s = st_vm_alloc(vm, ST_KIND_SOURCE, sizeof(StSource));
  if (!s) return NULL;
  s->hdr.flags |= SOURCE_TEXT_BORROWED;
  s->text = (char *)text; /* never written: the type is shared with owned texts */
  s->len = len;
  s->filename = st_xstrdup(filename ? filename : "<anonymous>");
  return s;
}

/* --- introspection for traces and stack traces --- */

const char *st_function_debug_name(StVM *vm, StObject *fn, char *buf, size_t cap) {
  StPropInfo info;
  StString *name = NULL;
  if (st_object_find_own(vm, fn, st_string_value(vm->atoms.name), &info) &&
      !(info.attrs & ST_ATTR_ACCESSOR)) {
    StValue v = *st_object_slot(fn, info.slot);
    if (st_is_string(v)) name = st_get_string(v);
  }
  if (!name && fn->hdr.kind == ST_KIND_FUNCTION) name = ((StFunction *)fn)->proto->name;
  if (!name || st_string_length(name) == 0) {
    snprintf(buf, cap, "<anonymous>");
    return buf;
  }
  size_t n;
  char *s = st_string_to_utf8(vm, name, &n);
  snprintf(buf, cap, "%s", s ? s : "?");
  free(s);
  return buf;
}

void st_function_position(const StProto *p, uint32_t pc, uint32_t *line, uint32_t *col) {
  *line = p->line;
  *col = p->col;
  uint32_t lo = 0, hi = p->nlines;
  while (lo < hi) { /* last entry with entry.pc <= pc */
    uint32_t mid = (lo + hi) / 2;
    if (p->lines[mid].pc <= pc) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) {
    *line = p->lines[lo - 1].line;
    *col = p->lines[lo - 1].col;
  }
}
