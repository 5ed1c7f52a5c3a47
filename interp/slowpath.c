/* interp/slowpath.c: the large or rare parts of instructions (see slowpath.h). */
#include "interp/slowpath.h"

#include "frontend/compiler.h"
#include "interp/interp.h"
#include "objects/ops.h"
#include "support/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A short description of a value for error messages ("undefined", "123", "#<Object>"). */
static const char *describe(StVM *vm, StValue v, char *buf, size_t cap) {
  if (st_is_undefined(v)) return "undefined";
  if (st_is_null(v)) return "null";
  if (st_is_bool(v)) return st_get_bool(v) ? "true" : "false";
  if (st_is_number(v)) {
    StString *s = st_string_from_double(vm, st_get_number(v));
    char *u = s ? st_string_to_utf8(vm, s, NULL) : NULL;
    snprintf(buf, cap, "%s", u ? u : "number");
    free(u);
    return buf;
  }
  if (st_is_string(v)) {
    char *u = st_string_to_utf8(vm, st_get_string(v), NULL);
    snprintf(buf, cap, "\"%.60s\"", u ? u : "");
    free(u);
    return buf;
  }
  if (st_is_symbol(v)) return "Symbol()";
  StObject *o = st_get_object(v);
  if (st_object_is_callable(o)) {
    char n[120];
    snprintf(buf, cap, "%s", st_function_debug_name(vm, o, n, sizeof n));
    return buf;
  }
  snprintf(buf, cap, "#<%s>", st_ops_builtin_tag(vm, o));
  return buf;
}

StValue st_slowpath_coerce_this(StVM *vm, StValue this_val) {
  if (st_is_nullish(this_val)) return st_object_value(vm->global);
  if (st_is_object(this_val) || this_val == ST_UNINIT) return this_val;
  StObject *o = st_ops_to_object(vm, this_val);
  return o ? st_object_value(o) : ST_EXCEPTION;
}

/* Byte offset in src of 1-based (line, col), col in UTF-16 units; len when out of range. */
static size_t source_offset(const char *src, size_t len, uint32_t line, uint32_t col) {
  size_t i = 0;
  for (uint32_t l = 1; l < line && i < len; i++)
    if (src[i] == '\n') l++;
  for (uint32_t c = 1; c < col && i < len; c++) {
    unsigned char b = (unsigned char)src[i];
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (n == 4) c++; /* a surrogate pair: two UTF-16 units */
    i += n;
  }
  return i < len ? i : len;
}

static bool ident_char(char ch) {
  return ch == '_' || ch == '$' || (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z') ||
         (unsigned char)ch >= 0x80;
}

/* The source text of the callee at a call site, as V8 prints it in "x is not a function":
 * the call's position is the callee's property name (or its start); the object part before
 * a `.` or `?.` is taken back over identifiers and balanced [...]; a call result in that
 * chain prints as "(intermediate value)". False when the callee is not such a chain. */
static bool callee_text(const char *src, size_t len, size_t at, char *out, size_t cap) {
  if (at + 3 < len && !strncmp(src + at, "new", 3) && !ident_char(src[at + 3])) {
    /* `new X.Y(...)`: the position is the `new`; the callee is the chain after it. */
    size_t i = at + 3;
    while (i < len && (src[i] == ' ' || src[i] == '\t')) i++;
    size_t start = i;
    int depth = 0;
    while (i < len && (ident_char(src[i]) || src[i] == '.' || src[i] == '[' || src[i] == ']' || depth > 0)) {
      if (src[i] == '[') depth++;
      else if (src[i] == ']') depth--;
      i++;
    }
    if (i == start || i - start > 120 || depth != 0) return false;
    snprintf(out, cap, "%.*s", (int)(i - start), src + start);
    return true;
  }
  size_t end = at;
  while (end < len && ident_char(src[end])) end++;
  if (end == at) return false;
  size_t start = at;
  const char *prefix = "";
  for (;;) {
    size_t j = start;
    while (j > 0 && (src[j - 1] == ' ' || src[j - 1] == '\t')) j--;
    if (j == 0 || src[j - 1] != '.') break;
    j--;
    if (j > 0 && src[j - 1] == '?') j--;
    while (j > 0 && (src[j - 1] == ' ' || src[j - 1] == '\t')) j--;
    if (j > 0 && src[j - 1] == ']') {
      int depth = 0;
      size_t k = j;
      while (k > 0) {
        k--;
        if (src[k] == ']') depth++;
        else if (src[k] == '[' && --depth == 0) break;
      }
      if (depth != 0) return false;
      j = k;
      size_t k2 = j;
      while (k2 > 0 && ident_char(src[k2 - 1])) k2--;
      if (k2 == j) return false;
      start = k2;
      continue;
    }
    if (j > 0 && src[j - 1] == ')') {
      prefix = "(intermediate value)";
      start = j;
      while (start < at && src[start] != '.' && src[start] != '?') start++;
      break;
    }
    size_t k = j;
    while (k > 0 && ident_char(src[k - 1])) k--;
    if (k == j) return false;
    start = k;
  }
  size_t n = end - start;
  if (n > 120) return false;
  snprintf(out, cap, "%s%.*s", prefix, (int)n, src + start);
  return true;
}

StValue st_slowpath_not_callable(StVM *vm, StValue v, bool construct) {
  char buf[160];
  const char *what = NULL;
  /* At a call instruction whose callee register holds v: name the callee as written. */
  StFrame *f = vm->frame;
  if (f && f->pc && !(f->flags & ST_FRAME_COMPILED)) {
    StProto *p = st_frame_proto(f);
    const uint16_t *pc = f->pc;
    uint16_t op = pc[0];
    bool is_call = op == ST_OP_CALL || op == ST_OP_CALLSPREAD || op == ST_OP_NEW || op == ST_OP_NEWSPREAD;
    if (is_call && pc[2] < p->nregs && st_frame_regs(f)[pc[2]] == v && p->source && p->source->text) {
      uint32_t line, col;
      st_function_position(p, (uint32_t)(pc - p->code), &line, &col);
      size_t at = source_offset(p->source->text, p->source->len, line, col);
      if (callee_text(p->source->text, p->source->len, at, buf, sizeof buf)) what = buf;
    }
  }
  if (!what) what = describe(vm, v, buf, sizeof buf);
  return st_vm_type_error(vm, "%s is not a %s", what, construct ? "constructor" : "function");
}

/* ------------------------------------------------------------------------------------------ */
/* Construction                                                                               */

StValue st_slowpath_construct_this(StVM *vm, StFunction *fn, StValue new_target) {
  StProto *p = fn->proto;
  if (p->flags & ST_PROTO_DERIVED) return ST_UNINIT;
  StObject *nt = st_get_object(new_target);
  StValue pv = st_object_get(vm, nt, st_string_value(vm->atoms.prototype), new_target);
  if (pv == ST_EXCEPTION) return ST_EXCEPTION;
  StObject *proto = st_is_object(pv) ? st_get_object(pv) : vm->intrinsics.ObjectPrototype;
  /* Objects made by one constructor start from one cached root shape, sized by the
   * compiler's count of `this.x = ...` assignments. */
  StShape *root = p->new_shape;
  if (!root || root->proto != proto) {
    uint32_t cap = p->this_props < 2 ? 2 : p->this_props > 32 ? 32 : p->this_props;
    root = st_shape_root(vm, ST_KIND_OBJECT, sizeof(StObject), cap, proto);
    if (!root) return ST_EXCEPTION;
    p->new_shape = root;
  }
  StObject *o = st_object_new_with_shape(vm, root, sizeof(StObject));
  return o ? st_object_value(o) : ST_EXCEPTION;
}

/* Instance fields: ctor->fields is an array of pairs [key, initializer or undefined], in
 * declaration order; each initializer runs with `this` the new object. */
bool st_slowpath_init_fields(StVM *vm, StFunction *ctor, StValue this_obj) {
  if (!st_is_object(ctor->fields)) return true;
  StObject *list = st_get_object(ctor->fields);
  uint32_t n = st_array_length(list);
  for (uint32_t i = 0; i + 1 < n; i += 2) {
    StValue key = list->elements->data[i], init = list->elements->data[i + 1];
    StValue v = ST_UNDEFINED;
    if (st_is_object(init)) {
      v = st_vm_call(vm, init, this_obj, 0, NULL);
      if (v == ST_EXCEPTION) return false;
    }
    if (!st_slowpath_def_field(vm, this_obj, key, v)) return false;
  }
  return true;
}

StValue st_slowpath_construct_result(StVM *vm, StFrame *f, StValue ret) {
  if (st_is_object(ret)) return ret;
  StValue self = st_frame_regs(f)[0];
  if (st_frame_proto(f)->flags & ST_PROTO_DERIVED) {
    if (ret != ST_UNDEFINED)
      return st_vm_type_error(vm, "Derived constructors may only return object or undefined");
    if (self == ST_UNINIT)
      return st_vm_reference_error(vm, "Must call super constructor in derived class before "
                                       "accessing 'this' or returning from derived constructor");
  }
  return self;
}

/* ------------------------------------------------------------------------------------------ */
/* Classes and methods                                                                        */

bool st_slowpath_class(StVM *vm, StFrame *f, StProto *ctor_proto, StValue heritage,
                       bool has_heritage, StValue out[2]) {
  StObject *proto_parent = vm->intrinsics.ObjectPrototype;
  StObject *ctor_parent = vm->intrinsics.FunctionPrototype;
  if (has_heritage) {
    if (st_is_null(heritage)) {
      proto_parent = NULL;
    } else {
      if (!st_is_object(heritage) ||
          !(st_get_object(heritage)->hdr.flags & ST_OBJECT_CONSTRUCTOR)) {
        char buf[160];
        st_vm_type_error(vm, "Class extends value %s is not a constructor or null",
                         describe(vm, heritage, buf, sizeof buf));
        return false;
      }
      StValue pp = st_value_get(vm, heritage, st_string_value(vm->atoms.prototype));
      if (pp == ST_EXCEPTION) return false;
      if (!st_is_object(pp) && !st_is_null(pp)) {
        char buf[160];
        st_vm_type_error(vm, "Class extends value does not have valid prototype property %s",
                         describe(vm, pp, buf, sizeof buf));
        return false;
      }
      proto_parent = st_is_null(pp) ? NULL : st_get_object(pp);
      ctor_parent = st_get_object(heritage);
    }
  }
  StObject *prototype = st_object_new(vm, proto_parent, ST_OBJECT_DEFAULT_INLINE);
  if (!prototype) return false;
  StFunction *ctor = st_function_new_class(vm, ctor_proto, st_frame_ctx(f), ctor_parent);
  if (!ctor) return false;
  ctor->home_object = st_object_value(prototype);
  if (!st_object_add(vm, &ctor->obj, st_string_value(vm->atoms.prototype),
                     st_object_value(prototype), 0) ||
      !st_object_add(vm, prototype, st_string_value(vm->atoms.constructor),
                     st_object_value(&ctor->obj), ST_ATTR_HIDDEN))
    return false;
  out[0] = st_object_value(&ctor->obj);
  out[1] = st_object_value(prototype);
  return true;
}

/* SetFunctionName for computed keys: only when the literal had no static name. */
static bool name_function(StVM *vm, StValue fn, StValue key, const char *prefix) {
  StObject *fo = st_get_object(fn);
  if (fo->hdr.kind != ST_KIND_FUNCTION) return true;
  StProto *p = ((StFunction *)fo)->proto;
  if (p->name && st_string_length(p->name) && !prefix) return true;
  StString *name;
  if (st_is_symbol(key)) {
    StValue d = st_get_symbol(key)->description;
    if (!st_is_string(d)) {
      name = vm->atoms.empty;
    } else {
      StStringBuilder b;
      st_string_builder_init(vm, &b);
      st_string_builder_add_unit(&b, '[');
      st_string_builder_add_string(&b, st_get_string(d));
      st_string_builder_add_unit(&b, ']');
      name = st_string_builder_finish(&b);
    }
  } else {
    name = st_ops_to_string(vm, key);
  }
  if (!name) return false;
  if (prefix) {
    StString *pre = st_string_from_cstr(vm, prefix);
    if (!pre) return false;
    if (p->name && st_string_length(p->name) && st_is_string(key)) name = p->name;
    name = st_string_concat(vm, pre, name);
    if (!name) return false;
  }
  return st_object_define(vm, fo, st_string_value(vm->atoms.name), st_string_value(name),
                          ST_ATTR_CONFIGURABLE) >= 0;
}

static StValue canonical_key(StVM *vm, StValue key) {
  uint32_t idx;
  StValue k = st_object_to_key(vm, key, &idx);
  if (k == ST_HOLE) return st_number((double)idx);
  return k;
}

bool st_slowpath_def_method(StVM *vm, StValue obj, StValue key, StValue fn, unsigned flags) {
  StValue k = canonical_key(vm, key);
  if (k == ST_EXCEPTION) return false;
  StObject *f = st_get_object(fn);
  if (f->hdr.kind == ST_KIND_FUNCTION) ((StFunction *)f)->home_object = obj;
  if (!st_is_string(key) || !st_is_number(k)) {
    if (!name_function(vm, fn, st_is_number(k) ? key : k, NULL)) return false;
  }
  StPropDesc d = {.value = fn, .has_value = true, .has_writable = true, .writable = true,
                  .has_enumerable = true, .enumerable = !(flags & 1), .has_configurable = true,
                  .configurable = true};
  int r = st_object_define_desc(vm, st_get_object(obj), k, &d);
  if (r == 0) {
    st_vm_type_error(vm, "Cannot redefine property");
    return false;
  }
  return r > 0;
}

bool st_slowpath_def_accessor(StVM *vm, StValue obj, StValue key, StValue fn, unsigned flags) {
  StValue k = canonical_key(vm, key);
  if (k == ST_EXCEPTION) return false;
  bool setter = (flags & 2) != 0;
  StObject *f = st_get_object(fn);
  if (f->hdr.kind == ST_KIND_FUNCTION) ((StFunction *)f)->home_object = obj;
  if (!name_function(vm, fn, st_is_number(k) ? key : k, setter ? "set " : "get ")) return false;
  StPropDesc d = {.has_enumerable = true, .enumerable = !(flags & 1), .has_configurable = true,
                  .configurable = true};
  if (setter) {
    d.set = fn;
    d.has_set = true;
  } else {
    d.get = fn;
    d.has_get = true;
  }
  int r = st_object_define_desc(vm, st_get_object(obj), k, &d);
  if (r == 0) {
    st_vm_type_error(vm, "Cannot redefine property");
    return false;
  }
  return r > 0;
}

bool st_slowpath_def_field(StVM *vm, StValue obj, StValue key, StValue v) {
  StValue k = canonical_key(vm, key);
  if (k == ST_EXCEPTION) return false;
  if (st_is_object(v) && st_object_is_callable(st_get_object(v)) &&
      !name_function(vm, v, st_is_number(k) ? key : k, NULL))
    return false;
  StPropDesc d = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                  .has_enumerable = true, .enumerable = true, .has_configurable = true,
                  .configurable = true};
  int r = st_object_define_desc(vm, st_get_object(obj), k, &d);
  if (r == 0) {
    char *u = st_is_string(k) ? st_string_to_utf8(vm, st_get_string(k), NULL) : NULL;
    st_vm_type_error(vm, "Cannot define property %s, object is not extensible", u ? u : "?");
    free(u);
    return false;
  }
  return r > 0;
}

/* ------------------------------------------------------------------------------------------ */
/* super                                                                                      */

StValue st_slowpath_super_call(StVM *vm, StValue ctor, StValue new_target, uint32_t argc,
                               const StValue *argv) {
  StFunction *active = (StFunction *)st_get_object(ctor);
  StObject *parent = active->obj.shape->proto;
  if (!parent || !(parent->hdr.flags & ST_OBJECT_CONSTRUCTOR)) {
    char buf[160];
    return st_vm_type_error(vm, "Super constructor %s of anonymous class is not a constructor",
                            describe(vm, st_object_or_null(parent), buf, sizeof buf));
  }
  return st_interp_call(vm, st_object_value(parent), ST_UNDEFINED, argc, argv, new_target);
}

static StObject *super_base(StVM *vm, StFrame *f) {
  StValue home = st_frame_function(f)->home_object;
  if (!st_is_object(home)) {
    st_vm_throw_error(vm, ST_ERROR_SYNTAX, "'super' keyword unexpected here");
    return NULL;
  }
  return st_object_proto(st_get_object(home));
}

StValue st_slowpath_get_super(StVM *vm, StFrame *f, StValue key) {
  StObject *base = super_base(vm, f);
  if (!base) {
    if (st_vm_has_exception(vm)) return ST_EXCEPTION;
    return st_vm_type_error(vm, "Cannot read properties of null (super)");
  }
  StValue self = st_frame_regs(f)[0];
  uint32_t idx;
  StValue k = st_object_to_key(vm, key, &idx);
  if (k == ST_EXCEPTION) return ST_EXCEPTION;
  return k == ST_HOLE ? st_object_get_index(vm, base, idx, self) : st_object_get(vm, base, k, self);
}

bool st_slowpath_set_super(StVM *vm, StFrame *f, StValue key, StValue v) {
  StObject *base = super_base(vm, f);
  if (!base) {
    if (st_vm_has_exception(vm)) return false;
    st_vm_type_error(vm, "Cannot set property on null prototype");
    return false;
  }
  StValue self = st_frame_regs(f)[0];
  uint32_t idx;
  StValue k = st_object_to_key(vm, key, &idx);
  if (k == ST_EXCEPTION) return false;
  int r = k == ST_HOLE ? st_object_set_index(vm, base, idx, v, self, true)
                       : st_object_set(vm, base, k, v, self, true);
  return r >= 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Arguments                                                                                  */

StValue st_slowpath_arguments(StVM *vm, StFrame *f) {
  StProto *p = st_frame_proto(f);
  StArguments *a = (StArguments *)st_object_alloc(vm, ST_KIND_ARGUMENTS, sizeof(StArguments),
                                                  vm->intrinsics.ObjectPrototype, 3);
  if (!a) return ST_EXCEPTION;
  uint32_t argc = f->argc;
  StObject *all = st_is_object(f->args) ? st_get_object(f->args) : NULL;
  if (argc) {
    st_object_reserve_elements(vm, &a->obj, argc);
    for (uint32_t i = 0; i < argc; i++) {
      StValue v = all ? st_object_dense_get(all, i) : ST_UNDEFINED;
      a->obj.elements->data[i] = v == ST_HOLE ? ST_UNDEFINED : v;
      st_object_note_element(&a->obj, a->obj.elements->data[i]);
    }
    a->obj.elements->length = argc;
  }
  if (!st_object_add(vm, &a->obj, st_string_value(vm->atoms.length), st_int((int32_t)argc),
                     ST_ATTR_HIDDEN))
    return ST_EXCEPTION;
  if (!st_object_add(vm, &a->obj, st_symbol_value(vm->sym_iterator),
                     st_object_value(vm->intrinsics.ArrayValues), ST_ATTR_HIDDEN))
    return ST_EXCEPTION;
  if (p->flags & ST_PROTO_STRICT || !(p->flags & ST_PROTO_HAS_SIMPLE_PARAMS)) {
    StAccessor *thrower = st_function_new_accessor(vm, st_object_value(vm->intrinsics.ThrowTypeError),
                                                   st_object_value(vm->intrinsics.ThrowTypeError));
    if (!thrower || !st_object_add(vm, &a->obj, st_string_value(vm->atoms.callee),
                                   st_cell_value(thrower), ST_ATTR_ACCESSOR))
      return ST_EXCEPTION;
  } else {
    if (!st_object_add(vm, &a->obj, st_string_value(vm->atoms.callee), f->callee, ST_ATTR_HIDDEN))
      return ST_EXCEPTION;
  }
  if (p->flags & ST_PROTO_MAPPED_ARGS) {
    uint32_t n = argc < p->nparams ? argc : p->nparams;
    if (n > 64) n = 64;
    a->ctx = st_frame_ctx(f);
    a->mapped = n == 64 ? ~0ull : ((1ull << n) - 1);
    a->obj.hdr.flags |= ST_OBJECT_EXOTIC;
  }
  return st_object_value(&a->obj);
}

StValue st_slowpath_rest(StVM *vm, StFrame *f, uint32_t from) {
  uint32_t argc = f->argc;
  uint32_t n = argc > from ? argc - from : 0;
  StObject *all = st_is_object(f->args) ? st_get_object(f->args) : NULL;
  StObject *a = st_array_new(vm, n);
  if (!a) return ST_EXCEPTION;
  for (uint32_t i = 0; i < n; i++) {
    StValue v = all ? st_object_dense_get(all, from + i) : ST_UNDEFINED;
    a->elements->data[i] = v == ST_HOLE ? ST_UNDEFINED : v;
    st_object_note_element(a, a->elements->data[i]);
  }
  if (n) a->elements->length = n;
  a->hdr.aux = n;
  return st_object_value(a);
}

/* ------------------------------------------------------------------------------------------ */
/* Iteration                                                                                  */

/* Whether iterating v may skip the iterator protocol: a plain array whose iteration behaviour
 * is the built-in one (no own @@iterator, Array.prototype[@@iterator] and %ArrayIteratorPrototype%.next
 * untouched). The walk is exactly what the protocol would observe. */
static bool is_plain_array_iteration(StVM *vm, StValue v) {
  if (!st_is_object(v)) return false;
  StObject *a = st_get_object(v);
  if (a->hdr.kind != ST_KIND_ARRAY || a->shape != vm->array_shape || !vm->array_shape) return false;
  StObject *ap = vm->intrinsics.ArrayPrototype;
  if (!ap || !vm->intrinsics.ArrayValues || !vm->intrinsics.ArrayIteratorPrototype) return false;
  StPropInfo info;
  if (!st_object_find_own(vm, ap, st_symbol_value(vm->sym_iterator), &info) ||
      (info.attrs & ST_ATTR_ACCESSOR) ||
      *st_object_slot(ap, info.slot) != st_object_value(vm->intrinsics.ArrayValues))
    return false;
  StObject *aip = vm->intrinsics.ArrayIteratorPrototype;
  if (!st_object_find_own(vm, aip, st_string_value(vm->atoms.next), &info) ||
      (info.attrs & ST_ATTR_ACCESSOR) ||
      *st_object_slot(aip, info.slot) != st_object_value(vm->intrinsics.ArrayIteratorNext))
    return false;
  return true;
}

bool st_slowpath_get_iterator(StVM *vm, StFeedbackSlot *fb, StValue iterable, StValue rec[2]) {
  if (is_plain_array_iteration(vm, iterable)) {
    if (fb) fb->u.iter.array_fast = 1;
    rec[0] = iterable;
    rec[1] = st_int(0);
    return true;
  }
  if (fb) fb->u.iter.generic = 1;
  StValue method = st_value_get(vm, iterable, st_symbol_value(vm->sym_iterator));
  if (method == ST_EXCEPTION) return false;
  if (!st_value_is_callable(method)) {
    char buf[160];
    st_vm_type_error(vm, "%s is not iterable", describe(vm, iterable, buf, sizeof buf));
    return false;
  }
  StValue it = st_vm_call(vm, method, iterable, 0, NULL);
  if (it == ST_EXCEPTION) return false;
  if (!st_is_object(it)) {
    st_vm_type_error(vm, "Result of the Symbol.iterator method is not an object");
    return false;
  }
  StValue next = st_value_get(vm, it, st_string_value(vm->atoms.next));
  if (next == ST_EXCEPTION) return false;
  rec[0] = it;
  rec[1] = next;
  return true;
}

int st_slowpath_iter_next(StVM *vm, StValue rec[2], StValue *out) {
  if (st_is_int(rec[1])) {
    StObject *a = st_get_object(rec[0]);
    uint32_t i = (uint32_t)st_get_int(rec[1]);
    if (i >= st_array_length(a)) {
      rec[1] = st_int(INT32_MAX);
      return 0;
    }
    StValue v = st_object_get_index(vm, a, i, rec[0]);
    if (v == ST_EXCEPTION) return -1;
    rec[1] = st_int((int32_t)i + 1);
    *out = v;
    return 1;
  }
  StValue res = st_vm_call(vm, rec[1], rec[0], 0, NULL);
  if (res == ST_EXCEPTION) return -1;
  if (!st_is_object(res)) {
    char buf[160];
    st_vm_type_error(vm, "Iterator result %s is not an object", describe(vm, res, buf, sizeof buf));
    return -1;
  }
  StValue done = st_value_get(vm, res, st_string_value(vm->atoms.done));
  if (done == ST_EXCEPTION) return -1;
  if (st_value_truthy(done)) return 0;
  StValue v = st_value_get(vm, res, st_string_value(vm->atoms.value));
  if (v == ST_EXCEPTION) return -1;
  *out = v;
  return 1;
}

bool st_slowpath_iter_close(StVM *vm, StValue rec[2], bool quiet) {
  if (st_is_int(rec[1])) return true;
  StValue pending = quiet ? st_vm_take_exception(vm) : ST_HOLE;
  StValue ret = st_value_get(vm, rec[0], st_string_value(vm->atoms.return_));
  bool ok = true;
  if (ret == ST_EXCEPTION) {
    ok = false;
  } else if (!st_is_nullish(ret)) {
    if (!st_value_is_callable(ret)) {
      st_vm_type_error(vm, "iterator.return is not a function");
      ok = false;
    } else {
      StValue r = st_vm_call(vm, ret, rec[0], 0, NULL);
      if (r == ST_EXCEPTION) ok = false;
      else if (!st_is_object(r) && !quiet) {
        st_vm_type_error(vm, "Iterator result is not an object");
        ok = false;
      }
    }
  }
  if (quiet) {
    if (!ok) st_vm_take_exception(vm);
    if (pending != ST_HOLE) vm->exception = pending;
    return true;
  }
  return ok;
}

bool st_slowpath_array_append_spread(StVM *vm, StValue arr, StValue iterable) {
  StObject *a = st_get_object(arr);
  StValue rec[2];
  if (!st_slowpath_get_iterator(vm, NULL, iterable, rec)) return false;
  for (;;) {
    StValue v;
    int r = st_slowpath_iter_next(vm, rec, &v);
    if (r < 0) return false;
    if (r == 0) return true;
    if (!st_array_push(vm, a, v)) return false;
  }
}

StValue st_slowpath_spread_to_array(StVM *vm, StValue iterable) {
  StObject *a = st_array_new(vm, 0);
  if (!a) return ST_EXCEPTION;
  return st_slowpath_array_append_spread(vm, st_object_value(a), iterable) ? st_object_value(a)
                                                                           : ST_EXCEPTION;
}

/* ------------------------------------------------------------------------------------------ */
/* Object spread / rest                                                                       */

bool st_slowpath_copy_props(StVM *vm, StValue target, StValue source) {
  if (st_is_nullish(source)) return true;
  StObject *from = st_ops_to_object(vm, source);
  if (!from) return false;
  StObject *keys = st_object_own_keys(vm, from, ST_KEYS_STRINGS | ST_KEYS_SYMBOLS);
  if (!keys) return false;
  StObject *to = st_get_object(target);
  for (uint32_t i = 0; i < st_array_length(keys); i++) {
    StValue k = keys->elements->data[i];
    StPropDesc d;
    int has = st_object_get_own_desc(vm, from, k, &d);
    if (has < 0) return false;
    if (!has || !d.enumerable) continue;
    StValue v = st_value_get_elem(vm, st_object_value(from), k);
    if (v == ST_EXCEPTION) return false;
    StPropDesc nd = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                     .has_enumerable = true, .enumerable = true, .has_configurable = true,
                     .configurable = true};
    if (st_object_define_desc(vm, to, k, &nd) < 0) return false;
  }
  return true;
}

StValue st_slowpath_object_rest(StVM *vm, StValue source, const StValue *excluded, uint32_t n) {
  StObject *out = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!out) return ST_EXCEPTION;
  if (st_is_nullish(source))
    return st_vm_type_error(vm, "Cannot destructure '%s' as it is %s.",
                            st_is_null(source) ? "null" : "undefined",
                            st_is_null(source) ? "null" : "undefined");
  StObject *from = st_ops_to_object(vm, source);
  if (!from) return ST_EXCEPTION;
  StObject *keys = st_object_own_keys(vm, from, ST_KEYS_STRINGS | ST_KEYS_SYMBOLS);
  if (!keys) return ST_EXCEPTION;
  for (uint32_t i = 0; i < st_array_length(keys); i++) {
    StValue k = keys->elements->data[i];
    StValue ck = canonical_key(vm, k);
    if (ck == ST_EXCEPTION) return ST_EXCEPTION;
    bool skip = false;
    for (uint32_t j = 0; j < n && !skip; j++) {
      StValue ek = canonical_key(vm, excluded[j]);
      if (ek == ST_EXCEPTION) return ST_EXCEPTION;
      skip = st_ops_same_value(vm, ck, ek);
    }
    if (skip) continue;
    StPropDesc d;
    int has = st_object_get_own_desc(vm, from, k, &d);
    if (has < 0) return ST_EXCEPTION;
    if (!has || !d.enumerable) continue;
    StValue v = st_value_get_elem(vm, st_object_value(from), k);
    if (v == ST_EXCEPTION) return ST_EXCEPTION;
    StPropDesc nd = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                     .has_enumerable = true, .enumerable = true, .has_configurable = true,
                     .configurable = true};
    if (st_object_define_desc(vm, out, k, &nd) < 0) return ST_EXCEPTION;
  }
  return st_object_value(out);
}

/* ------------------------------------------------------------------------------------------ */
/* for-in                                                                                     */

/* The enumerator is an ITERATOR-kind object: target = the object, index = position, and its own
 * dense elements hold the keys collected up front (enumerable string keys of the object and its
 * prototypes, without shadowed ones). Keys deleted before they are reached are skipped. */
StValue st_slowpath_forin_prep(StVM *vm, StValue v) {
  StIteratorObject *e = (StIteratorObject *)st_object_alloc(
      vm, ST_KIND_FORIN_ENUM, sizeof(StIteratorObject), NULL, 0);
  if (!e) return ST_EXCEPTION;
  e->target = ST_UNDEFINED;
  if (st_is_nullish(v)) return st_object_value(&e->obj);
  StObject *o = st_ops_to_object(vm, v);
  if (!o) return ST_EXCEPTION;
  e->target = st_object_value(o);
  StObject *seen = st_object_new(vm, NULL, 0); /* a set of keys, as a null-prototype object */
  if (!seen) return ST_EXCEPTION;
  uint32_t n = 0;
  for (StObject *p = o; p; p = st_object_proto(p)) {
    StObject *keys = st_object_own_keys(vm, p, ST_KEYS_STRINGS);
    if (!keys) return ST_EXCEPTION;
    for (uint32_t i = 0; i < st_array_length(keys); i++) {
      StValue k = keys->elements->data[i];
      int dup = st_object_has_own(vm, seen, k);
      if (dup < 0) return ST_EXCEPTION;
      if (dup) continue;
      StPropDesc d;
      int has = st_object_get_own_desc(vm, p, k, &d);
      if (has < 0) return ST_EXCEPTION;
      StPropDesc mark = {.value = ST_TRUE, .has_value = true, .has_writable = true,
                         .writable = true, .has_enumerable = true, .enumerable = true,
                         .has_configurable = true, .configurable = true};
      if (st_object_define_desc(vm, seen, k, &mark) < 0) return ST_EXCEPTION;
      if (!has || !d.enumerable) continue;
      st_object_reserve_elements(vm, &e->obj, n + 1 > 8 ? (n + 1) * 2 : 8);
      e->obj.elements->data[n++] = k;
      e->obj.elements->length = n;
    }
  }
  return st_object_value(&e->obj);
}

int st_slowpath_forin_next(StVM *vm, StValue enumerator, StValue *key) {
  StIteratorObject *e = (StIteratorObject *)st_get_object(enumerator);
  if (!st_is_object(e->target) || !e->obj.elements) return 0;
  StObject *o = st_get_object(e->target);
  while (e->index < e->obj.elements->length) {
    StValue k = e->obj.elements->data[e->index++];
    uint32_t idx;
    StValue ck = st_object_to_key(vm, k, &idx);
    if (ck == ST_EXCEPTION) return -1;
    int has = ck == ST_HOLE ? st_object_has_index(vm, o, idx) : st_object_has(vm, o, ck);
    if (has < 0) return -1;
    if (has) {
      *key = k;
      return 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Globals                                                                                    */

bool st_slowpath_decl_var(StVM *vm, StValue name, bool configurable) {
  StPropInfo info;
  if (st_object_find_own(vm, vm->global, name, &info)) return true;
  if (!(vm->global->hdr.flags & ST_OBJECT_EXTENSIBLE)) {
    st_vm_type_error(vm, "Cannot define global variable");
    return false;
  }
  return st_object_add(vm, vm->global, name, ST_UNDEFINED,
                       ST_ATTR_WRITABLE | ST_ATTR_ENUMERABLE | (configurable ? ST_ATTR_CONFIGURABLE : 0));
}

bool st_slowpath_decl_func(StVM *vm, StValue name, StValue fn, bool configurable) {
  StPropInfo info;
  if (st_object_find_own(vm, vm->global, name, &info)) {
    if (info.attrs & ST_ATTR_CONFIGURABLE) {
      StPropDesc d = {.value = fn, .has_value = true, .has_writable = true, .writable = true,
                      .has_enumerable = true, .enumerable = true, .has_configurable = true,
                      .configurable = configurable};
      return st_object_define_desc(vm, vm->global, name, &d) >= 0;
    }
    if ((info.attrs & ST_ATTR_ACCESSOR) || !(info.attrs & (ST_ATTR_WRITABLE)) ||
        !(info.attrs & ST_ATTR_ENUMERABLE)) {
      char *u = st_string_to_utf8(vm, st_get_string(name), NULL);
      st_vm_type_error(vm, "Cannot redefine property: %s", u ? u : "?");
      free(u);
      return false;
    }
    *st_object_slot(vm->global, info.slot) = fn;
    return true;
  }
  return st_object_add(vm, vm->global, name, fn,
                       ST_ATTR_WRITABLE | ST_ATTR_ENUMERABLE | (configurable ? ST_ATTR_CONFIGURABLE : 0));
}

StValue st_slowpath_delete_global(StVM *vm, StValue name) {
  int r = st_object_delete(vm, vm->global, name, false);
  return r < 0 ? ST_EXCEPTION : st_bool(r == 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Errors and strings                                                                         */

StValue st_slowpath_throw_tdz(StVM *vm, StValue name) {
  char *u = st_is_string(name) ? st_string_to_utf8(vm, st_get_string(name), NULL) : NULL;
  st_vm_reference_error(vm, "Cannot access '%s' before initialization", u ? u : "?");
  free(u);
  return ST_EXCEPTION;
}

StValue st_slowpath_throw_error(StVM *vm, unsigned kind, StValue message) {
  char *u = st_is_string(message) ? st_string_to_utf8(vm, st_get_string(message), NULL) : NULL;
  st_vm_throw_error(vm, (StErrorKind)kind, "%s", u ? u : "");
  free(u);
  return ST_EXCEPTION;
}

StValue st_slowpath_concat(StVM *vm, const StValue *v, uint32_t n) {
  if (n == 0) return st_string_value(vm->atoms.empty);
  StString *acc = st_get_string(v[0]);
  for (uint32_t i = 1; i < n; i++) {
    acc = st_string_concat(vm, acc, st_get_string(v[i]));
    if (!acc) return ST_EXCEPTION;
  }
  return st_string_value(acc);
}

/* ------------------------------------------------------------------------------------------ */
/* eval                                                                                       */

StValue st_slowpath_eval(StVM *vm, StValue src, StValue desc, StContext *ctx) {
  StFrame *f = vm->frame;
  if (st_is_string(desc) && f)
    return st_slowpath_eval_from(vm, src, desc, ctx, st_frame_regs(f)[0],
                                 st_frame_function(f)->home_object);
  return st_slowpath_eval_from(vm, src, desc, ctx, st_object_value(vm->global), ST_UNDEFINED);
}

StValue st_slowpath_eval_from(StVM *vm, StValue src, StValue desc, StContext *ctx,
                              StValue this_val, StValue home) {
  size_t n = 0, dn = 0;
  char *u = st_string_to_utf8(vm, st_get_string(src), &n);
  if (!u) return ST_EXCEPTION;
  char *d = NULL;
  if (st_is_string(desc)) {
    d = st_string_to_utf8(vm, st_get_string(desc), &dn);
    if (!d) {
      free(u);
      return ST_EXCEPTION;
    }
  }
  StDiagList diags = {0};
  StProto *p = st_compiler_compile_eval(vm, u, n, d, dn, &diags);
  free(u);
  free(d);
  if (!p) {
    if (!st_vm_has_exception(vm)) {
      const StDiag *dg = diags.items.len ? &diags.items.data[0] : NULL;
      StErrorKind kind = dg && dg->kind == ST_DIAG_RANGE_ERROR ? ST_ERROR_RANGE : ST_ERROR_SYNTAX;
      st_vm_throw_error(vm, kind, "%s", dg ? dg->message : "invalid eval code");
    }
    st_diag_free(&diags);
    return ST_EXCEPTION;
  }
  st_diag_free(&diags);
  StFunction *fn = st_function_new_closure(vm, p, ctx);
  if (!fn) return ST_EXCEPTION;
  fn->home_object = home;
  /* Arrow-like eval code (in a function) sees the caller's `this`; global code the global's. */
  if (!(p->flags & ST_PROTO_ARROW)) this_val = st_object_value(vm->global);
  return st_interp_call(vm, st_object_value(&fn->obj), this_val, 0, NULL, ST_UNDEFINED);
}
