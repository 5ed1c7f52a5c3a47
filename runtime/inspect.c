/* runtime/inspect.c: node's util.inspect formatting (the subset console.log uses by default:
 * depth 2, no colors, breakLength 80, compact 3), so that console.log prints exactly what node
 * prints for primitives, arrays, plain objects, class instances, functions, errors, Map, Set
 * and boxed primitives.
 *
 * The algorithm follows node's lib/internal/util/inspect.js (formatValue, formatRaw,
 * reduceToSingleString, groupArrayElements), re-implemented here from its documented
 * behaviour: entries are formatted first, then either joined on one line (when the object
 * is at most `compact` levels deep and fits in breakLength) or laid out one per line, with
 * arrays of more than six short entries grouped into aligned columns.
 */
#include "runtime/inspect.h"

#include "builtins/builtins.h"
#include "support/vec.h"

#include <stdarg.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef StVec(char) Buf;

typedef struct Ctx {
  StVM *vm;
  int depth_limit;
  int indentation;
  int current_depth;
  int break_length;
  int compact;
  StObject *seen; /* array of objects on the current path (cycle detection) */
  StObject *circular; /* array of objects referenced circularly, index+1 is the ref number */
  bool failed;
} Ctx;

/* Output strings are C strings (UTF-8); lengths in node are UTF-16 code units, which match
 * byte lengths for ASCII, the overwhelmingly common case; for non-ASCII text we count code
 * points, which matches UTF-16 outside the astral planes. */
static size_t display_len(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

static void buf_add(Buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) st_vec_push(b, s[i]);
}
static void buf_puts(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }
static char *buf_take(Buf *b) {
  st_vec_push(b, 0);
  char *s = b->data;
  b->data = NULL;
  b->len = b->cap = 0;
  return s;
}

static char *dupf(const char *fmt, ...) ST_PRINTF(1, 2);
static char *dupf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = st_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

static char *to_utf8(Ctx *c, StString *s) {
  char *u = st_string_to_utf8(c->vm, s, NULL);
  if (!u) c->failed = true;
  return u ? u : st_xstrdup("");
}

/* Quotes a string the way node does: single quotes unless the string contains one, then
 * double quotes, then backticks. */
static char *quote(const char *s) {
  char q = '\'';
  if (strchr(s, '\'')) {
    if (!strchr(s, '"')) q = '"';
    else if (!strchr(s, '`') && !strstr(s, "${")) q = '`';
  }
  Buf b = {0};
  st_vec_push(&b, q);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    char esc[8];
    switch (*p) {
    case '\n': buf_puts(&b, "\\n"); break;
    case '\t': buf_puts(&b, "\\t"); break;
    case '\r': buf_puts(&b, "\\r"); break;
    case '\b': buf_puts(&b, "\\b"); break;
    case '\f': buf_puts(&b, "\\f"); break;
    case '\v': buf_puts(&b, "\\x0B"); break;
    case '\\': buf_puts(&b, "\\\\"); break;
    default:
      if (*p == (unsigned char)q) {
        st_vec_push(&b, '\\');
        st_vec_push(&b, (char)q);
      } else if (*p < 0x20 || *p == 0x7f) {
        snprintf(esc, sizeof esc, "\\x%02X", *p);
        buf_puts(&b, esc);
      } else {
        st_vec_push(&b, (char)*p);
      }
    }
  }
  st_vec_push(&b, q);
  return buf_take(&b);
}

static bool is_identifier(const char *s) {
  /* node quotes every key outside /^[a-zA-Z_][a-zA-Z_0-9]*$/ ('$x' included). */
  if (!*s || !(s[0] == '_' || ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z'))) return false;
  for (const char *p = s; *p; p++)
    if (!(*p == '_' || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
      return false;
  return true;
}

static char *format_number(Ctx *c, StValue v) {
  double d = st_get_number(v);
  if (d == 0 && signbit(d)) return st_xstrdup("-0");
  StString *s = st_ops_to_string(c->vm, v);
  return s ? to_utf8(c, s) : st_xstrdup("?");
}

static char *format_value(Ctx *c, StValue v, int recurse, bool typed_array_key);

static char *symbol_desc(Ctx *c, StValue v) {
  StSymbol *sym = st_get_symbol(v);
  if (!st_is_string(sym->description)) return st_xstrdup("Symbol()");
  char *d = to_utf8(c, st_get_string(sym->description));
  char *r = dupf("Symbol(%s)", d);
  free(d);
  return r;
}

static char *format_primitive(Ctx *c, StValue v) {
  if (st_is_string(v)) {
    char *u = to_utf8(c, st_get_string(v));
    char *q = quote(u);
    free(u);
    return q;
  }
  if (st_is_number(v)) return format_number(c, v);
  if (st_is_bool(v)) return st_xstrdup(st_get_bool(v) ? "true" : "false");
  if (st_is_undefined(v)) return st_xstrdup("undefined");
  if (st_is_null(v)) return st_xstrdup("null");
  if (st_is_symbol(v)) return symbol_desc(c, v);
  return st_xstrdup("?");
}

/* --- object helpers --- */

static StValue get_own_data(Ctx *c, StObject *o, StValue key, bool *is_accessor, bool *has_get,
                            bool *has_set) {
  StPropDesc d;
  int r = st_object_get_own_desc(c->vm, o, key, &d);
  *is_accessor = false;
  if (r <= 0) {
    if (r < 0) {
      st_vm_take_exception(c->vm);
    }
    return ST_UNDEFINED;
  }
  if (d.has_get || d.has_set) {
    *is_accessor = true;
    *has_get = !st_is_undefined(d.get);
    *has_set = !st_is_undefined(d.set);
    return ST_UNDEFINED;
  }
  return d.value;
}

/* The constructor name node prints before braces: the `name` of the first prototype's
 * own `constructor`. NULL for null-prototype objects. */
static char *constructor_name(Ctx *c, StObject *o) {
  StVM *vm = c->vm;
  for (StObject *p = st_object_proto(o); p; p = st_object_proto(p)) {
    StPropInfo info;
    if (st_object_find_own(vm, p, st_string_value(vm->atoms.constructor), &info) &&
        !(info.attrs & ST_ATTR_ACCESSOR)) {
      StValue ctor = *st_object_slot(p, info.slot);
      if (st_is_object(ctor)) {
        StPropInfo ni;
        StObject *co = st_get_object(ctor);
        if (st_object_find_own(vm, co, st_string_value(vm->atoms.name), &ni) &&
            !(ni.attrs & ST_ATTR_ACCESSOR)) {
          StValue n = *st_object_slot(co, ni.slot);
          if (st_is_string(n) && st_string_length(st_get_string(n))) return to_utf8(c, st_get_string(n));
        }
      }
    }
  }
  return NULL;
}

static int seen_index(StObject *list, StObject *o) {
  if (!list) return -1;
  for (uint32_t i = 0; i < st_array_length(list); i++)
    if (list->elements->data[i] == st_object_value(o)) return (int)i;
  return -1;
}

static char *format_key(Ctx *c, StValue key) {
  if (st_is_symbol(key)) {
    char *s = symbol_desc(c, key);
    char *r = dupf("[%s]", s);
    free(s);
    return r;
  }
  char *u = to_utf8(c, st_get_string(key));
  if (is_identifier(u)) return u;
  char *q = quote(u);
  free(u);
  return q;
}

typedef StVec(char *) Strs;

static void strs_free(Strs *s) {
  for (size_t i = 0; i < s->len; i++) free(s->data[i]);
  st_vec_free(s);
}

/* Formats the property `key` of o as "key: value" (or the value alone for array indices). */
static char *format_property(Ctx *c, StObject *o, StValue key, int recurse, bool array_index) {
  bool acc = false, hg = false, hs = false;
  StValue v = get_own_data(c, o, key, &acc, &hg, &hs);
  char *val;
  if (acc) val = st_xstrdup(hg && hs ? "[Getter/Setter]" : hg ? "[Getter]" : "[Setter]");
  else {
    c->indentation += 2;
    val = format_value(c, v, recurse + 1, false);
    c->indentation -= 2;
  }
  if (array_index) return val;
  char *k = format_key(c, key);
  char *r = dupf("%s: %s", k, val);
  free(k);
  free(val);
  return r;
}

static bool is_below_break_length(Ctx *c, Strs *out, size_t start, const char *base) {
  size_t total = out->len + start;
  if (total + out->len > (size_t)c->break_length) return false;
  for (size_t i = 0; i < out->len; i++) {
    total += display_len(out->data[i]);
    if (total > (size_t)c->break_length) return false;
  }
  return !*base || !strchr(base, '\n');
}

/* node's groupArrayElements: short array entries in aligned columns. */
static void group_array_elements(Ctx *c, Strs *out, bool has_more, bool all_numbers) {
  size_t total = 0, max_len = 0;
  size_t n = out->len - (has_more ? 1 : 0);
  const size_t sep = 2;
  size_t *lens = st_xmalloc((n ? n : 1) * sizeof(size_t));
  for (size_t i = 0; i < n; i++) {
    size_t len = display_len(out->data[i]);
    lens[i] = len;
    total += len + sep;
    if (max_len < len) max_len = len;
  }
  size_t actual_max = max_len + sep;
  if (actual_max * 3 + (size_t)c->indentation < (size_t)c->break_length &&
      ((double)total / (double)actual_max > 5 || max_len <= 6)) {
    double average_bias = sqrt((double)actual_max - (double)total / (double)out->len);
    double biased_max = fmax((double)actual_max - 3 - average_bias, 1);
    double cols = fmin(fmin(round(sqrt(2.5 * biased_max * (double)n) / biased_max),
                            floor((double)(c->break_length - c->indentation) / (double)actual_max)),
                       fmin((double)c->compact * 4, 15));
    size_t columns = (size_t)cols;
    if (columns > 1) {
      size_t *max_line = st_xmalloc(columns * sizeof(size_t));
      for (size_t i = 0; i < columns; i++) {
        size_t line = 0;
        for (size_t j = i; j < n; j += columns)
          if (lens[j] > line) line = lens[j];
        max_line[i] = line + sep;
      }
      Strs tmp = {0};
      for (size_t i = 0; i < n; i += columns) {
        size_t max = i + columns < n ? i + columns : n;
        Buf line = {0};
        size_t j = i;
        for (; j < max - 1; j++) {
          size_t w = lens[j] + 2;
          size_t pad = max_line[j - i] > w ? max_line[j - i] - w : 0;
          if (all_numbers)
            for (size_t k = 0; k < pad; k++) st_vec_push(&line, ' ');
          buf_puts(&line, out->data[j]);
          buf_puts(&line, ", ");
          if (!all_numbers)
            for (size_t k = 0; k < pad; k++) st_vec_push(&line, ' ');
        }
        if (all_numbers) {
          size_t w = lens[j];
          size_t target = max_line[j - i] - sep;
          for (size_t k = w; k < target; k++) st_vec_push(&line, ' ');
        }
        buf_puts(&line, out->data[j]);
        st_vec_push(&tmp, buf_take(&line));
      }
      if (has_more) st_vec_push(&tmp, st_xstrdup(out->data[out->len - 1]));
      strs_free(out);
      *out = tmp;
      free(max_line);
    }
  }
  free(lens);
}

static char *reduce_to_single_string(Ctx *c, Strs *out, const char *base, const char *open,
                                     const char *close, bool is_array, int recurse,
                                     bool has_more, bool all_numbers) {
  size_t entries = out->len;
  if (is_array && entries > 6) group_array_elements(c, out, has_more, all_numbers);
  Buf b = {0};
  if (c->current_depth - recurse < c->compact && entries == out->len) {
    size_t start = out->len + (size_t)c->indentation + strlen(open) + strlen(base) + 10;
    if (is_below_break_length(c, out, start, base)) {
      Buf joined = {0};
      for (size_t i = 0; i < out->len; i++) {
        if (i) buf_puts(&joined, ", ");
        buf_puts(&joined, out->data[i]);
      }
      char *j = buf_take(&joined);
      if (!strchr(j, '\n')) {
        if (*base) {
          buf_puts(&b, base);
          st_vec_push(&b, ' ');
        }
        buf_puts(&b, open);
        st_vec_push(&b, ' ');
        buf_puts(&b, j);
        st_vec_push(&b, ' ');
        buf_puts(&b, close);
        free(j);
        return buf_take(&b);
      }
      free(j);
    }
  }
  char *ind = st_xmalloc((size_t)c->indentation + 2);
  ind[0] = '\n';
  memset(ind + 1, ' ', (size_t)c->indentation);
  ind[c->indentation + 1] = 0;
  if (*base) {
    buf_puts(&b, base);
    st_vec_push(&b, ' ');
  }
  buf_puts(&b, open);
  buf_puts(&b, ind);
  buf_puts(&b, "  ");
  for (size_t i = 0; i < out->len; i++) {
    if (i) {
      st_vec_push(&b, ',');
      buf_puts(&b, ind);
      buf_puts(&b, "  ");
    }
    buf_puts(&b, out->data[i]);
  }
  buf_puts(&b, ind);
  buf_puts(&b, close);
  free(ind);
  return buf_take(&b);
}

static char *function_base(Ctx *c, StObject *o) {
  char name[200];
  st_function_debug_name(c->vm, o, name, sizeof name);
  bool anon = !strcmp(name, "<anonymous>");
  if (o->hdr.flags & ST_OBJECT_CLASS_CTOR) {
    StObject *parent = st_object_proto(o);
    if (parent && parent != c->vm->intrinsics.FunctionPrototype && st_object_is_callable(parent)) {
      char pn[200];
      st_function_debug_name(c->vm, parent, pn, sizeof pn);
      return anon ? dupf("[class (anonymous) extends %s]", pn) : dupf("[class %s extends %s]", name, pn);
    }
    return anon ? st_xstrdup("[class (anonymous)]") : dupf("[class %s]", name);
  }
  bool async = o->hdr.kind == ST_KIND_FUNCTION && (((StFunction *)o)->proto->flags & ST_PROTO_ASYNC);
  const char *kind = async ? "AsyncFunction" : "Function";
  return anon ? dupf("[%s (anonymous)]", kind) : dupf("[%s: %s]", kind, name);
}

/* Appends "key: value" entries for own enumerable string and symbol keys, skipping array
 * indices when `skip_indices`. */
static void format_own_props(Ctx *c, StObject *o, Strs *out, int recurse, bool skip_indices,
                             bool skip_length) {
  StVM *vm = c->vm;
  StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS | ST_KEYS_SYMBOLS);
  if (!keys) {
    st_vm_take_exception(vm);
    return;
  }
  for (uint32_t i = 0; i < st_array_length(keys); i++) {
    StValue k = keys->elements->data[i];
    uint32_t idx;
    StValue ck = st_object_to_key(vm, k, &idx);
    if (ck == ST_EXCEPTION) {
      st_vm_take_exception(vm);
      continue;
    }
    if (ck == ST_HOLE && skip_indices) continue;
    if (skip_length && ck == st_string_value(vm->atoms.length)) continue;
    StPropDesc d;
    if (st_object_get_own_desc(vm, o, k, &d) <= 0 || !d.enumerable) continue;
    st_vec_push(out, format_property(c, o, k, recurse, false));
  }
}

static char *format_error(Ctx *c, StObject *o) {
  StVM *vm = c->vm;
  StValue st = st_object_get(vm, o, st_string_value(vm->atoms.stack), st_object_value(o));
  if (st == ST_EXCEPTION) {
    st_vm_take_exception(vm);
    st = ST_UNDEFINED;
  }
  if (st_is_string(st)) return to_utf8(c, st_get_string(st));
  StString *s = st_ops_to_string(vm, st_object_value(o));
  if (!s) {
    st_vm_take_exception(vm);
    return st_xstrdup("[Error]");
  }
  char *u = to_utf8(c, s);
  char *r = dupf("[%s]", u);
  free(u);
  return r;
}

static char *format_raw(Ctx *c, StObject *o, int recurse) {
  StVM *vm = c->vm;
  Strs out = {0};
  char *base = st_xstrdup("");
  const char *open = "{", *close = "}";
  bool is_array = false, has_more = false, all_numbers = true;
  char open_buf[300];
  char *cname = constructor_name(c, o);

  c->current_depth = recurse;
  if (o->hdr.kind == ST_KIND_ARRAY) {
    is_array = true;
    uint32_t len = st_array_length(o);
    if (cname && strcmp(cname, "Array") != 0) {
      snprintf(open_buf, sizeof open_buf, "%s(%u) [", cname, len);
      open = open_buf;
    } else {
      open = "[";
    }
    close = "]";
    uint32_t shown = 0, limit = 100;
    for (uint32_t i = 0; i < len && shown < limit; shown++) {
      StValue v;
      int has = st_object_has_own(vm, o, st_number((double)i));
      if (has <= 0) {
        uint32_t j = i;
        while (j < len && st_object_has_own(vm, o, st_number((double)j)) == 0) j++;
        st_vec_push(&out, dupf("<%u empty item%s>", j - i, j - i > 1 ? "s" : ""));
        all_numbers = false;
        i = j;
        continue;
      }
      v = st_object_get_index(vm, o, i, st_object_value(o));
      if (v == ST_EXCEPTION) {
        st_vm_take_exception(vm);
        v = ST_UNDEFINED;
      }
      if (!st_is_number(v)) all_numbers = false;
      st_vec_push(&out, format_property(c, o, st_number((double)i), recurse, true));
      i++;
    }
    if (len > limit && out.len >= limit) {
      uint32_t rest = len - limit;
      st_vec_push(&out, dupf("... %u more item%s", rest, rest > 1 ? "s" : ""));
      has_more = true;
    }
    format_own_props(c, o, &out, recurse, true, true);
  } else if (st_object_is_callable(o)) {
    free(base);
    base = function_base(c, o);
    format_own_props(c, o, &out, recurse, false, false);
    if (out.len == 0) {
      free(cname);
      st_vec_free(&out);
      return base;
    }
  } else if (o->hdr.kind == ST_KIND_ERROR) {
    free(base);
    base = format_error(c, o);
    format_own_props(c, o, &out, recurse, false, false);
    if (out.len == 0) {
      free(cname);
      st_vec_free(&out);
      return base;
    }
  } else if (o->hdr.kind == ST_KIND_BOOLEAN_OBJECT || o->hdr.kind == ST_KIND_NUMBER_OBJECT ||
             o->hdr.kind == ST_KIND_STRING_OBJECT || o->hdr.kind == ST_KIND_SYMBOL_OBJECT) {
    StValue pv = ((StWrapper *)o)->value;
    char *p = format_primitive(c, pv);
    const char *t = o->hdr.kind == ST_KIND_BOOLEAN_OBJECT ? "Boolean"
                    : o->hdr.kind == ST_KIND_NUMBER_OBJECT ? "Number"
                    : o->hdr.kind == ST_KIND_STRING_OBJECT ? "String" : "Symbol";
    free(base);
    base = dupf("[%s: %s]", t, p);
    free(p);
    format_own_props(c, o, &out, recurse, o->hdr.kind == ST_KIND_STRING_OBJECT,
                     o->hdr.kind == ST_KIND_STRING_OBJECT);
    if (out.len == 0) {
      free(cname);
      st_vec_free(&out);
      return base;
    }
  } else if (o->hdr.kind == ST_KIND_MAP || o->hdr.kind == ST_KIND_SET) {
    bool is_map = false;
    StObject *items = st_lib_map_snapshot(vm, o, &is_map);
    if (!items) {
      st_vm_take_exception(vm);
      items = NULL;
    }
    uint32_t size = items ? st_array_length(items) / (is_map ? 2 : 1) : 0;
    snprintf(open_buf, sizeof open_buf, "%s(%u) {", is_map ? "Map" : "Set", size);
    open = open_buf;
    for (uint32_t i = 0; i < size; i++) {
      c->indentation += 2;
      if (is_map) {
        char *k = format_value(c, items->elements->data[2 * i], recurse + 1, false);
        char *v = format_value(c, items->elements->data[2 * i + 1], recurse + 1, false);
        st_vec_push(&out, dupf("%s => %s", k, v));
        free(k);
        free(v);
      } else {
        st_vec_push(&out, format_value(c, items->elements->data[i], recurse + 1, false));
      }
      c->indentation -= 2;
    }
    format_own_props(c, o, &out, recurse, false, false);
    if (out.len == 0) {
      char *r = dupf("%s(0) {}", is_map ? "Map" : "Set");
      free(base);
      free(cname);
      st_vec_free(&out);
      return r;
    }
  } else {
    if (!cname) {
      snprintf(open_buf, sizeof open_buf, "[Object: null prototype] {");
      open = open_buf;
    } else if (strcmp(cname, "Object") != 0) {
      snprintf(open_buf, sizeof open_buf, "%s {", cname);
      open = open_buf;
    }
    format_own_props(c, o, &out, recurse, false, false);
    if (out.len == 0) {
      char *r;
      if (!cname) r = st_xstrdup("[Object: null prototype] {}");
      else if (strcmp(cname, "Object") != 0) r = dupf("%s {}", cname);
      else r = st_xstrdup("{}");
      free(base);
      free(cname);
      st_vec_free(&out);
      return r;
    }
  }
  if (is_array && out.len == 0) {
    free(base);
    free(cname);
    st_vec_free(&out);
    return st_xstrdup(open[0] == '[' ? "[]" : "[]");
  }
  char *res = reduce_to_single_string(c, &out, base, open, close, is_array, recurse, has_more,
                                      all_numbers);
  strs_free(&out);
  free(base);
  free(cname);
  return res;
}

static char *format_value(Ctx *c, StValue v, int recurse, bool unused) {
  (void)unused;
  if (!st_is_object(v)) return format_primitive(c, v);
  StObject *o = st_get_object(v);
  StVM *vm = c->vm;
  if (seen_index(c->seen, o) >= 0) {
    int idx = seen_index(c->circular, o);
    if (idx < 0) {
      st_array_push(vm, c->circular, v);
      idx = (int)st_array_length(c->circular) - 1;
    }
    return dupf("[Circular *%d]", idx + 1);
  }
  if (recurse > c->depth_limit) {
    if (o->hdr.kind == ST_KIND_ARRAY) return st_xstrdup("[Array]");
    char *cn = constructor_name(c, o);
    char *r = dupf("[%s]", cn ? cn : "Object: null prototype");
    free(cn);
    return r;
  }
  st_array_push(vm, c->seen, v);
  char *r = format_raw(c, o, recurse);
  c->seen->hdr.aux--; /* pop */
  c->seen->elements->length--;
  int idx = seen_index(c->circular, o);
  if (idx >= 0) {
    char *withref = dupf("<ref *%d> %s", idx + 1, r);
    free(r);
    r = withref;
  }
  return r;
}

char *st_inspect_value(StVM *vm, StValue v) {
  Ctx c = {.vm = vm, .depth_limit = 2, .break_length = 80, .compact = 3};
  c.seen = st_array_new(vm, 8);
  c.circular = st_array_new(vm, 0);
  if (!c.seen || !c.circular) {
    st_vm_take_exception(vm);
    return st_xstrdup("[out of memory]");
  }
  return format_value(&c, v, 0, false);
}

/* A number as node's formatNumber prints it (-0 keeps its sign). */
static char *number_text(StVM *vm, double d) {
  if (d == 0 && signbit(d)) return st_xstrdup("-0");
  StString *s = st_ops_to_string(vm, st_number(d));
  char *u = s ? st_string_to_utf8(vm, s, NULL) : NULL;
  return u ? u : st_xstrdup("NaN");
}

/* Calls global function `name` (parseInt, parseFloat) on v; NaN when that fails. */
static double call_global_number(StVM *vm, const char *name, StValue v) {
  StString *key = st_string_intern_cstr(vm, name);
  StValue fn = key ? st_object_get(vm, vm->global, st_string_value(key), st_object_value(vm->global)) : ST_EXCEPTION;
  StValue r = st_is_object(fn) ? st_vm_call(vm, fn, ST_UNDEFINED, 1, &v) : ST_EXCEPTION;
  if (r == ST_EXCEPTION || !st_is_number(r)) {
    if (st_vm_has_exception(vm)) st_vm_take_exception(vm);
    return NAN;
  }
  return st_get_number(r);
}

/* One %-directive of a format string applied to v (node's formatWithOptions). */
static char *format_directive(StVM *vm, char spec, StValue v) {
  switch (spec) {
  case 's':
    if (st_is_string(v)) {
      char *u = st_string_to_utf8(vm, st_get_string(v), NULL);
      return u ? u : st_xstrdup("");
    }
    if (st_is_number(v)) return number_text(vm, st_get_number(v));
    if (st_is_symbol(v) || st_is_object(v)) return st_inspect_value(vm, v);
    break;
  case 'd': {
    if (st_is_object(v) || st_is_symbol(v)) return st_xstrdup("NaN");
    StValue n = st_ops_to_number(vm, v);
    if (n == ST_EXCEPTION) {
      st_vm_take_exception(vm);
      return st_xstrdup("NaN");
    }
    return number_text(vm, st_get_number(n));
  }
  case 'i':
    if (st_is_symbol(v)) return st_xstrdup("NaN");
    return number_text(vm, call_global_number(vm, "parseInt", v));
  case 'f':
    if (st_is_symbol(v)) return st_xstrdup("NaN");
    return number_text(vm, call_global_number(vm, "parseFloat", v));
  case 'o':
  case 'O':
  case 'j': return st_inspect_value(vm, v);
  default: break;
  }
  StString *s = st_ops_to_string(vm, v);
  if (!s) {
    st_vm_take_exception(vm);
    return st_xstrdup("");
  }
  char *u = st_string_to_utf8(vm, s, NULL);
  return u ? u : st_xstrdup("");
}

char *st_inspect_format_args(StVM *vm, uint32_t argc, const StValue *argv) {
  Buf b = {0};
  uint32_t i = 0;
  if (argc > 1 && st_is_string(argv[0])) {
    /* A format string: %s %d %i %f %j %o %O %c and %% consume arguments in order. */
    char *fmt = st_string_to_utf8(vm, st_get_string(argv[0]), NULL);
    i = 1;
    for (const char *p = fmt ? fmt : ""; *p; p++) {
      if (*p != '%' || !p[1]) {
        st_vec_push(&b, *p);
        continue;
      }
      char spec = p[1];
      if (spec == '%') {
        st_vec_push(&b, '%');
        p++;
        continue;
      }
      if (!strchr("sdifjoOc", spec) || i >= argc) {
        st_vec_push(&b, *p);
        continue;
      }
      p++;
      if (spec == 'c') { /* CSS: consumed, not printed */
        i++;
        continue;
      }
      char *s = format_directive(vm, spec, argv[i++]);
      buf_puts(&b, s);
      free(s);
    }
    free(fmt);
    if (i < argc) st_vec_push(&b, ' ');
  }
  for (uint32_t first = i; i < argc; i++) {
    if (i > first) st_vec_push(&b, ' ');
    char *s;
    if (st_is_string(argv[i])) {
      s = st_string_to_utf8(vm, st_get_string(argv[i]), NULL);
      if (!s) s = st_xstrdup("");
    } else {
      s = st_inspect_value(vm, argv[i]);
    }
    buf_puts(&b, s);
    free(s);
  }
  return buf_take(&b);
}
