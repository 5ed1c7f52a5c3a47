/* builtins/lib_json.c: JSON.parse and JSON.stringify.
 *
 * JSON.parse is a loop over an explicit stack, not a recursive descent: nesting depth is
 * bounded by memory, never by the C stack. The containers being filled are GC values, so the
 * stack of enclosing containers (and their pending keys) is a JS array; only the frame types
 * live in malloc'd memory. It reads the flat source string's units in place, makes strings
 * without escapes straight from the source slice, builds integers of up to nine digits without
 * a conversion, and remembers the last interned key per hash slot (objects in big inputs
 * repeat their keys), so big inputs parse in one pass with little garbage.
 *
 * The reviver walk (InternalizeJSONProperty) and JSON.stringify recurse on the C stack, as
 * the spec's algorithms do, guarded by st_vm_check_c_stack: a structure too deep for them
 * throws RangeError "Maximum call stack size exceeded", as in V8.
 *
 * Syntax errors use V8's classic wording: "Unexpected token } in JSON at position 7",
 * "Unexpected end of JSON input", "Unexpected string in JSON at position N" and
 * "Unexpected number in JSON at position N".
 *
 * JSON.stringify writes into one StStringBuilder. A member whose value serializes to
 * undefined is decided before anything of it is written, so nothing is ever taken back.
 * Unobservable shortcuts: objects with a fast shape and no elements have their keys read from
 * the shape and their data slots read directly (generic Get otherwise, and after any shape
 * change); the toJSON lookup is skipped for shapes already seen without one while no
 * prototype has changed; cycle detection is O(1) per object (a hashed stack).
 */
#include "builtins/lib_array.h"

#include "support/numconv.h"
#include "support/vec.h"

#include <math.h>
#include <stdlib.h>

/* CreateDataProperty(o, key, v) for a key in any form; false on a throw (a refusal is not an
 * error here: callers ignore it as the spec does). */
static bool create_data_property(StVM *vm, StObject *o, StValue keyval, StValue v) {
  uint32_t index;
  StValue key = st_object_to_key(vm, keyval, &index);
  if (key == ST_EXCEPTION) return false;
  if (key != ST_HOLE) return st_object_define(vm, o, key, v, ST_ATTR_DEFAULT) >= 0;
  StPropDesc d = {.value = v, .has_value = true, .has_writable = true, .writable = true,
                  .has_enumerable = true, .enumerable = true, .has_configurable = true,
                  .configurable = true};
  return st_object_define_desc(vm, o, st_number((double)index), &d) >= 0;
}

/* ------------------------------------------------------------------------------------------ */
/* JSON.parse                                                                                 */

enum { KEY_CACHE_SIZE = 256 };

typedef struct Parser {
  StVM *vm;
  const uint8_t *one; /* the source's units: one of these is set */
  const uint16_t *two;
  uint32_t pos, len;
  StObject *key_cache; /* array of KEY_CACHE_SIZE interned keys (or undefined) by hash */
} Parser;

ST_INLINE uint32_t unit(const Parser *p, uint32_t i) { return p->one ? p->one[i] : p->two[i]; }

ST_INLINE void skip_ws(Parser *p) {
  while (p->pos < p->len) {
    uint32_t c = unit(p, p->pos);
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    p->pos++;
  }
}

/* The SyntaxError for whatever is at p->pos (or the end). */
static bool syntax_error(Parser *p) {
  if (p->pos >= p->len)
    return st_vm_throw_error(p->vm, ST_ERROR_SYNTAX, "Unexpected end of JSON input"), false;
  uint32_t c = unit(p, p->pos);
  if (c == '"')
    return st_vm_throw_error(p->vm, ST_ERROR_SYNTAX, "Unexpected string in JSON at position %u",
                             p->pos), false;
  if (c == '-' || (c >= '0' && c <= '9'))
    return st_vm_throw_error(p->vm, ST_ERROR_SYNTAX, "Unexpected number in JSON at position %u",
                             p->pos), false;
  char tok[8];
  if (c < 0x80) {
    tok[0] = (char)c;
    tok[1] = 0;
  } else if (c < 0x800) {
    tok[0] = (char)(0xC0 | (c >> 6));
    tok[1] = (char)(0x80 | (c & 0x3F));
    tok[2] = 0;
  } else {
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    tok[0] = (char)(0xE0 | (c >> 12));
    tok[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    tok[2] = (char)(0x80 | (c & 0x3F));
    tok[3] = 0;
  }
  st_vm_throw_error(p->vm, ST_ERROR_SYNTAX, "Unexpected token %s in JSON at position %u", tok,
                    p->pos);
  return false;
}

static int hex_digit(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
  return -1;
}

/* Scans the body of a string (p->pos just after the opening quote) up to the first quote,
 * backslash or control character; returns that position. */
static uint32_t scan_plain(const Parser *p, uint32_t i) {
  if (p->one) {
    const uint8_t *s = p->one;
    while (i < p->len && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20) i++;
  } else {
    const uint16_t *s = p->two;
    while (i < p->len && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20) i++;
  }
  return i;
}

static StString *slice_string(Parser *p, uint32_t start, uint32_t end) {
  if (end - start == 1) return st_string_from_unit(p->vm, (uint16_t)unit(p, start));
  if (p->one) return st_string_from_latin1(p->vm, p->one + start, end - start);
  return st_string_from_utf16(p->vm, p->two + start, end - start);
}

/* A string literal (p->pos at the opening quote) as a new string; *plain_end is the end of
 * its body when it had no escapes (else 0), for the key cache. NULL on error. */
static StString *parse_string(Parser *p, uint32_t *plain_end) {
  uint32_t start = ++p->pos;
  uint32_t i = scan_plain(p, start);
  *plain_end = 0;
  if (i < p->len && unit(p, i) == '"') {
    p->pos = i + 1;
    *plain_end = i;
    return slice_string(p, start, i);
  }
  StStringBuilder b;
  st_string_builder_init(p->vm, &b);
  for (;;) {
    for (uint32_t k = start; k < i; k++) st_string_builder_add_unit(&b, (uint16_t)unit(p, k));
    if (i >= p->len || unit(p, i) < 0x20) {
      p->pos = i;
      goto fail;
    }
    if (unit(p, i) == '"') {
      p->pos = i + 1;
      break;
    }
    /* A backslash. */
    if (++i >= p->len) {
      p->pos = i;
      goto fail;
    }
    uint32_t c = unit(p, i), out;
    switch (c) {
    case '"': out = '"'; break;
    case '\\': out = '\\'; break;
    case '/': out = '/'; break;
    case 'b': out = '\b'; break;
    case 'f': out = '\f'; break;
    case 'n': out = '\n'; break;
    case 'r': out = '\r'; break;
    case 't': out = '\t'; break;
    case 'u': {
      out = 0;
      for (int k = 1; k <= 4; k++) {
        int h = i + k < p->len ? hex_digit(unit(p, i + k)) : -1;
        if (h < 0) {
          p->pos = i + k;
          goto fail;
        }
        out = out * 16 + (uint32_t)h;
      }
      i += 4;
      break;
    }
    default:
      p->pos = i;
      goto fail;
    }
    st_string_builder_add_unit(&b, (uint16_t)out);
    start = i + 1;
    i = scan_plain(p, start);
  }
  return st_string_builder_finish(&b);
fail:
  st_string_builder_free(&b);
  syntax_error(p);
  return NULL;
}

static uint32_t slice_hash(const Parser *p, uint32_t start, uint32_t end) {
  uint32_t h = 2166136261u;
  for (uint32_t i = start; i < end; i++) h = (h ^ unit(p, i)) * 16777619u;
  return h ^ (end - start);
}

static bool slice_equals(const Parser *p, uint32_t start, uint32_t end, StString *s) {
  if (st_string_length(s) != end - start || !st_string_is_flat(s)) return false;
  for (uint32_t i = start; i < end; i++)
    if (st_string_unit_at(s, i - start) != unit(p, i)) return false;
  return true;
}

/* An object key (p->pos at its opening quote) and the colon after it, as a canonical key:
 * an interned string, or an index as a number value. ST_EXCEPTION on error. */
static StValue parse_key(Parser *p) {
  if (p->pos >= p->len || unit(p, p->pos) != '"') return syntax_error(p), ST_EXCEPTION;
  uint32_t start = p->pos + 1;
  uint32_t end = scan_plain(p, start);
  StValue key = ST_UNDEFINED;
  uint32_t slot = 0;
  if (end < p->len && unit(p, end) == '"' && end - start <= 64) {
    /* Without escapes: look in the cache first. */
    slot = slice_hash(p, start, end) & (KEY_CACHE_SIZE - 1);
    StValue c = p->key_cache->elements->data[slot];
    if (st_is_string(c) && slice_equals(p, start, end, st_get_string(c))) {
      key = c;
      p->pos = end + 1;
    }
  }
  if (key == ST_UNDEFINED) {
    uint32_t plain_end;
    StString *s = parse_string(p, &plain_end);
    if (!s) return ST_EXCEPTION;
    uint32_t index;
    StValue k = st_object_to_key(p->vm, st_string_value(s), &index);
    if (k == ST_EXCEPTION) return ST_EXCEPTION;
    if (k == ST_HOLE) {
      key = st_number((double)index);
    } else {
      key = k;
      if (plain_end && plain_end - start <= 64) {
        slot = slice_hash(p, start, plain_end) & (KEY_CACHE_SIZE - 1);
        p->key_cache->elements->data[slot] = k;
        st_object_note_element(p->key_cache, k);
        st_gc_write_barrier(p->vm->heap, &p->key_cache->hdr, k);
      }
    }
  }
  skip_ws(p);
  if (p->pos >= p->len || unit(p, p->pos) != ':') return syntax_error(p), ST_EXCEPTION;
  p->pos++;
  return key;
}

static StValue parse_number(Parser *p) {
  uint32_t start = p->pos, i = p->pos;
  bool neg = false, simple = true;
  if (unit(p, i) == '-') {
    neg = true;
    i++;
  }
  uint32_t digits_start = i;
  if (i < p->len && unit(p, i) == '0') {
    i++;
  } else if (i < p->len && unit(p, i) >= '1' && unit(p, i) <= '9') {
    while (i < p->len && unit(p, i) >= '0' && unit(p, i) <= '9') i++;
  } else {
    p->pos = i;
    return syntax_error(p), ST_EXCEPTION;
  }
  uint32_t int_end = i;
  if (i < p->len && unit(p, i) == '.') {
    simple = false;
    i++;
    if (i >= p->len || unit(p, i) < '0' || unit(p, i) > '9') {
      p->pos = i;
      return syntax_error(p), ST_EXCEPTION;
    }
    while (i < p->len && unit(p, i) >= '0' && unit(p, i) <= '9') i++;
  }
  if (i < p->len && (unit(p, i) == 'e' || unit(p, i) == 'E')) {
    simple = false;
    i++;
    if (i < p->len && (unit(p, i) == '+' || unit(p, i) == '-')) i++;
    if (i >= p->len || unit(p, i) < '0' || unit(p, i) > '9') {
      p->pos = i;
      return syntax_error(p), ST_EXCEPTION;
    }
    while (i < p->len && unit(p, i) >= '0' && unit(p, i) <= '9') i++;
  }
  p->pos = i;
  if (simple && int_end - digits_start <= 9) {
    int32_t v = 0;
    for (uint32_t k = digits_start; k < int_end; k++) v = v * 10 + (int32_t)(unit(p, k) - '0');
    if (neg) return v == 0 ? st_double(-0.0) : st_int(-v);
    return st_int(v);
  }
  double d;
  if (p->one) {
    d = st_numconv_string_to_number8(p->one + start, i - start);
  } else {
    d = st_numconv_string_to_number16(p->two + start, i - start);
  }
  return st_number(d);
}

/* The literal `word` at p->pos (whose first unit matched). */
static bool parse_literal(Parser *p, const char *word) {
  for (uint32_t k = 0; word[k]; k++, p->pos++) {
    if (p->pos >= p->len || unit(p, p->pos) != (uint8_t)word[k]) return syntax_error(p);
  }
  return true;
}

/* Writes v at index i (<= length) of the parser's stack array. */
static bool stack_put(StVM *vm, StObject *stack, uint32_t i, StValue v) {
  StElements *e = stack->elements;
  if (e && i < e->length) {
    e->data[i] = v;
    st_object_note_element(stack, v);
    st_gc_write_barrier(vm->heap, &stack->hdr, v);
    return true;
  }
  return st_array_push(vm, stack, v);
}

enum { FRAME_ARRAY, FRAME_OBJECT };

/* The value of the JSON text, or ST_EXCEPTION. */
static StValue parse_text(Parser *p) {
  StVM *vm = p->vm;
  StValue undefs[KEY_CACHE_SIZE];
  for (int i = 0; i < KEY_CACHE_SIZE; i++) undefs[i] = ST_UNDEFINED;
  p->key_cache = st_array_from(vm, KEY_CACHE_SIZE, undefs);
  StObject *stack = st_array_new(vm, 16);
  if (!p->key_cache || !stack) return ST_EXCEPTION;
  StVec(uint8_t) frames = {0}; /* types of the enclosing containers */
  uint32_t sp = 0;             /* values used in `stack` */
  StObject *cur = NULL;        /* the container being filled, NULL at top level */
  uint8_t cur_type = FRAME_ARRAY;
  StValue cur_key = ST_UNDEFINED, value;

parse_value:
  skip_ws(p);
  if (p->pos >= p->len) goto syntax;
  switch (unit(p, p->pos)) {
  case '{': {
    p->pos++;
    StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
    if (!o) goto fail;
    skip_ws(p);
    if (p->pos < p->len && unit(p, p->pos) == '}') {
      p->pos++;
      value = st_object_value(o);
      goto got_value;
    }
    if (cur) {
      if (!stack_put(vm, stack, sp++, st_object_value(cur))) goto fail;
      if (cur_type == FRAME_OBJECT && !stack_put(vm, stack, sp++, cur_key)) goto fail;
      st_vec_push(&frames, cur_type);
    }
    cur = o;
    cur_type = FRAME_OBJECT;
    cur_key = parse_key(p);
    if (cur_key == ST_EXCEPTION) goto fail;
    goto parse_value;
  }
  case '[': {
    p->pos++;
    StObject *a = st_array_new(vm, 0);
    if (!a) goto fail;
    skip_ws(p);
    if (p->pos < p->len && unit(p, p->pos) == ']') {
      p->pos++;
      value = st_object_value(a);
      goto got_value;
    }
    if (cur) {
      if (!stack_put(vm, stack, sp++, st_object_value(cur))) goto fail;
      if (cur_type == FRAME_OBJECT && !stack_put(vm, stack, sp++, cur_key)) goto fail;
      st_vec_push(&frames, cur_type);
    }
    cur = a;
    cur_type = FRAME_ARRAY;
    goto parse_value;
  }
  case '"': {
    uint32_t plain_end;
    StString *s = parse_string(p, &plain_end);
    if (!s) goto fail;
    value = st_string_value(s);
    break;
  }
  case 't':
    if (!parse_literal(p, "true")) goto fail;
    value = ST_TRUE;
    break;
  case 'f':
    if (!parse_literal(p, "false")) goto fail;
    value = ST_FALSE;
    break;
  case 'n':
    if (!parse_literal(p, "null")) goto fail;
    value = ST_NULL;
    break;
  default:
    if (unit(p, p->pos) != '-' && (unit(p, p->pos) < '0' || unit(p, p->pos) > '9')) goto syntax;
    value = parse_number(p);
    if (value == ST_EXCEPTION) goto fail;
    break;
  }

got_value:
  if (!cur) {
    skip_ws(p);
    if (p->pos < p->len) goto syntax;
    st_vec_free(&frames);
    return value;
  }
  if (cur_type == FRAME_ARRAY) {
    if (!st_array_push(vm, cur, value)) goto fail;
  } else if (!create_data_property(vm, cur, cur_key, value)) {
    goto fail;
  }
  skip_ws(p);
  if (p->pos >= p->len) goto syntax;
  {
    uint32_t c = unit(p, p->pos);
    if (c == ',') {
      p->pos++;
      if (cur_type == FRAME_OBJECT) {
        skip_ws(p);
        cur_key = parse_key(p);
        if (cur_key == ST_EXCEPTION) goto fail;
      }
      goto parse_value;
    }
    if (c != (cur_type == FRAME_ARRAY ? ']' : '}')) goto syntax;
    p->pos++;
    value = st_object_value(cur);
    if (frames.len == 0) {
      cur = NULL;
    } else {
      cur_type = st_vec_pop(&frames);
      if (cur_type == FRAME_OBJECT) cur_key = st_object_dense_get(stack, --sp);
      cur = st_get_object(st_object_dense_get(stack, --sp));
    }
    goto got_value;
  }

syntax:
  syntax_error(p);
fail:
  st_vec_free(&frames);
  return ST_EXCEPTION;
}

/* InternalizeJSONProperty(holder, name, reviver); name is a key value (string or index). */
static StValue internalize(StVM *vm, StObject *holder, StValue name, StValue reviver) {
  if (!st_vm_check_c_stack(vm)) return ST_EXCEPTION;
  StValue val = st_value_get_elem(vm, st_object_value(holder), name);
  if (val == ST_EXCEPTION) return ST_EXCEPTION;
  if (st_is_object(val)) {
    StObject *o = st_get_object(val);
    if (st_lib_array_is_array(val)) {
      double len;
      if (!st_lib_array_length_of(vm, o, &len)) return ST_EXCEPTION;
      for (double i = 0; i < len; i++) {
        StValue k = st_number(i);
        StValue ne = internalize(vm, o, k, reviver);
        if (ne == ST_EXCEPTION) return ST_EXCEPTION;
        if (st_is_undefined(ne)) {
          uint32_t index;
          StValue key = st_object_to_key(vm, k, &index);
          if (key == ST_EXCEPTION) return ST_EXCEPTION;
          int r = key == ST_HOLE ? st_object_delete_index(vm, o, index, false)
                                 : st_object_delete(vm, o, key, false);
          if (r < 0) return ST_EXCEPTION;
        } else if (!create_data_property(vm, o, k, ne)) {
          return ST_EXCEPTION;
        }
      }
    } else {
      StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS | ST_KEYS_ENUMERABLE);
      if (!keys) return ST_EXCEPTION;
      uint32_t n = st_array_length(keys);
      for (uint32_t i = 0; i < n; i++) {
        StValue k = st_object_dense_get(keys, i);
        StValue ne = internalize(vm, o, k, reviver);
        if (ne == ST_EXCEPTION) return ST_EXCEPTION;
        if (st_is_undefined(ne)) {
          uint32_t index;
          StValue key = st_object_to_key(vm, k, &index);
          if (key == ST_EXCEPTION) return ST_EXCEPTION;
          int r = key == ST_HOLE ? st_object_delete_index(vm, o, index, false)
                                 : st_object_delete(vm, o, key, false);
          if (r < 0) return ST_EXCEPTION;
        } else if (!create_data_property(vm, o, k, ne)) {
          return ST_EXCEPTION;
        }
      }
    }
  }
  StString *ns = st_ops_to_string(vm, name);
  if (!ns) return ST_EXCEPTION;
  StValue args[2] = {st_string_value(ns), val};
  return st_vm_call(vm, reviver, st_object_value(holder), 2, args);
}

static StValue json_parse(StVM *vm, StCallInfo *ci) {
  StString *s = st_ops_to_string(vm, st_arg(ci, 0));
  if (!s || !(s = st_string_flatten(vm, s))) return ST_EXCEPTION;
  Parser p = {.vm = vm, .pos = 0, .len = st_string_length(s)};
  if (st_string_is_one_byte(s)) p.one = st_string_one_byte_data(s);
  else p.two = st_string_two_byte_data(s);
  StValue v = parse_text(&p);
  st_lib_array_keep_alive(s); /* the parser read its units in place */
  if (v == ST_EXCEPTION) return v;
  StValue reviver = st_arg(ci, 1);
  if (!st_value_is_callable(reviver)) return v;
  StObject *root = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!root) return ST_EXCEPTION;
  StValue empty = st_string_value(vm->atoms.empty);
  if (!create_data_property(vm, root, empty, v)) return ST_EXCEPTION;
  return internalize(vm, root, empty, reviver);
}

/* ------------------------------------------------------------------------------------------ */
/* JSON.stringify                                                                             */

/* The objects being serialized, for cycle detection: a stack whose entries are also chained
 * per hash bucket, so membership is O(1) on average however deep the nesting. A stack pop
 * always removes the head of its bucket's chain. The objects stay alive through the C frames
 * serializing them (the collector scans the C stack), and cells never move, so their
 * addresses are stable keys. */
enum { CYCLE_BUCKETS = 1024 };

typedef struct CycleEntry {
  StObject *o;
  uint32_t next; /* previous entry in the same bucket + 1, 0 at the end */
} CycleEntry;

typedef struct Writer {
  StVM *vm;
  StStringBuilder out;
  StVec(CycleEntry) stack; /* the objects being serialized (malloc'd) */
  uint32_t buckets[CYCLE_BUCKETS];
  StObject *props;        /* the replacer array's property list, or NULL */
  StValue replacer;       /* the replacer function, or undefined */
  StString *gap;          /* "" when not pretty-printing */
  uint32_t depth;         /* current indentation level */
  /* Shapes of objects known to have no "toJSON" on themselves or their prototype chain, valid
   * while vm->proto_epoch is no_json_epoch (prototypes unchanged). The Writer lives on the C
   * stack, so these shapes stay alive (conservative scan) and their addresses cannot be
   * reused by other shapes during the call. */
  StShape *no_json[8];
  uint32_t no_json_epoch;
} Writer;

ST_INLINE uint32_t cycle_bucket(const StObject *o) {
  uint64_t x = (uint64_t)(uintptr_t)o >> 4;
  return (uint32_t)((x ^ (x >> 10) ^ (x >> 20)) & (CYCLE_BUCKETS - 1));
}

/* Appends one ASCII character; writes into the builder's buffer directly when it has room
 * (the common case), else goes through the builder. */
ST_INLINE void put(StStringBuilder *b, char c) {
  if (b->len < b->cap && !b->failed) {
    if (b->two) b->two[b->len++] = (uint8_t)c;
    else b->one[b->len++] = (uint8_t)c;
  } else {
    st_string_builder_add_unit(b, (uint8_t)c);
  }
}

static void quote(StStringBuilder *b, StString *s) {
  static const char hex[] = "0123456789abcdef";
  uint32_t n = st_string_length(s);
  put(b, '"');
  if (st_string_is_one_byte(s)) {
    const uint8_t *d = st_string_one_byte_data(s);
    uint32_t run = 0;
    for (uint32_t i = 0; i < n; i++) {
      uint8_t c = d[i];
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      if (i > run) st_string_builder_add_latin1(b, (const char *)d + run, i - run);
      run = i + 1;
      char esc[6] = {'\\', 0};
      size_t len = 2;
      switch (c) {
      case '"': esc[1] = '"'; break;
      case '\\': esc[1] = '\\'; break;
      case '\b': esc[1] = 'b'; break;
      case '\f': esc[1] = 'f'; break;
      case '\n': esc[1] = 'n'; break;
      case '\r': esc[1] = 'r'; break;
      case '\t': esc[1] = 't'; break;
      default:
        memcpy(esc + 1, "u00", 3);
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 15];
        len = 6;
      }
      st_string_builder_add_latin1(b, esc, len);
    }
    if (n > run) st_string_builder_add_latin1(b, (const char *)d + run, n - run);
  } else {
    const uint16_t *d = st_string_two_byte_data(s);
    for (uint32_t i = 0; i < n; i++) {
      uint16_t c = d[i];
      bool lone = false;
      if (c >= 0xD800 && c <= 0xDBFF) {
        if (i + 1 < n && d[i + 1] >= 0xDC00 && d[i + 1] <= 0xDFFF) {
          st_string_builder_add_unit(b, c);
          st_string_builder_add_unit(b, d[++i]);
          continue;
        }
        lone = true;
      } else if (c >= 0xDC00 && c <= 0xDFFF) {
        lone = true;
      }
      if (c >= 0x20 && c != '"' && c != '\\' && !lone) {
        st_string_builder_add_unit(b, c);
        continue;
      }
      char esc[6] = {'\\', 0};
      size_t len = 2;
      switch (c) {
      case '"': esc[1] = '"'; break;
      case '\\': esc[1] = '\\'; break;
      case '\b': esc[1] = 'b'; break;
      case '\f': esc[1] = 'f'; break;
      case '\n': esc[1] = 'n'; break;
      case '\r': esc[1] = 'r'; break;
      case '\t': esc[1] = 't'; break;
      default:
        esc[1] = 'u';
        esc[2] = hex[c >> 12];
        esc[3] = hex[(c >> 8) & 15];
        esc[4] = hex[(c >> 4) & 15];
        esc[5] = hex[c & 15];
        len = 6;
      }
      st_string_builder_add_latin1(b, esc, len);
    }
  }
  put(b, '"');
}

static bool quote_value(StVM *vm, StStringBuilder *b, StValue sv) {
  StString *s = st_string_flatten(vm, st_get_string(sv));
  if (!s) return false;
  quote(b, s);
  return true;
}

static void newline_indent(Writer *w) {
  put(&w->out, '\n');
  for (uint32_t i = 0; i < w->depth; i++) st_string_builder_add_string(&w->out, w->gap);
}

static bool write_value(Writer *w, StValue v);

/* Whether o may have a toJSON property (own or inherited); false only when it certainly has
 * none, so reading it is unobservable (no getter) and can be skipped. */
static bool may_have_to_json(Writer *w, StObject *o) {
  StVM *vm = w->vm;
  if (w->no_json_epoch != vm->proto_epoch) {
    memset(w->no_json, 0, sizeof w->no_json);
    w->no_json_epoch = vm->proto_epoch;
  }
  uint32_t slot = (uint32_t)((uintptr_t)o->shape >> 5) & 7;
  if (w->no_json[slot] == o->shape) return false;
  StValue key = st_string_value(vm->atoms.toJSON);
  StPropInfo info;
  for (StObject *p = o; p; p = st_object_proto(p))
    if (st_shape_find(vm, p->shape, key, &info)) return true;
  /* A fast shape fixes the own properties; a dictionary shape can change in place. */
  if (!st_shape_is_dict(o->shape)) w->no_json[slot] = o->shape;
  return false;
}

/* The first half of SerializeJSONProperty: the value to write for key of holder, after toJSON,
 * the replacer and unwrapping. 1: *out is to be written; 0: undefined (skip); -1: throw.
 * key is a string or an index number value (made a string only when JS sees it). */
static int property_value(Writer *w, StValue holder, StValue key, StValue v, StValue *out) {
  StVM *vm = w->vm;
  if (st_is_object(v) && may_have_to_json(w, st_get_object(v))) {
    StValue to_json = st_value_get(vm, v, st_string_value(vm->atoms.toJSON));
    if (to_json == ST_EXCEPTION) return -1;
    if (st_value_is_callable(to_json)) {
      StString *ks = st_ops_to_string(vm, key);
      if (!ks) return -1;
      StValue kv = st_string_value(ks);
      v = st_vm_call(vm, to_json, v, 1, &kv);
      if (v == ST_EXCEPTION) return -1;
    }
  }
  if (!st_is_undefined(w->replacer)) {
    StString *ks = st_ops_to_string(vm, key);
    if (!ks) return -1;
    StValue args[2] = {st_string_value(ks), v};
    v = st_vm_call(vm, w->replacer, holder, 2, args);
    if (v == ST_EXCEPTION) return -1;
  }
  if (st_is_object(v)) {
    StObject *o = st_get_object(v);
    switch (o->hdr.kind) {
    case ST_KIND_NUMBER_OBJECT:
      v = st_ops_to_number(vm, v);
      if (v == ST_EXCEPTION) return -1;
      break;
    case ST_KIND_STRING_OBJECT: {
      StString *s = st_ops_to_string(vm, v);
      if (!s) return -1;
      v = st_string_value(s);
      break;
    }
    case ST_KIND_BOOLEAN_OBJECT: v = ((StWrapper *)o)->value; break;
    default:
      if (st_object_is_callable(o)) return 0;
      break;
    }
  }
  if (st_is_undefined(v) || st_is_symbol(v)) return 0;
  *out = v;
  return 1;
}

static bool write_number(Writer *w, StValue v) {
  char buf[ST_NUMCONV_BUF_SIZE];
  int n;
  if (st_is_int(v)) {
    n = st_numconv_int32_to_string(st_get_int(v), buf);
  } else {
    double d = st_get_double(v);
    if (!isfinite(d)) {
      st_string_builder_add_latin1(&w->out, "null", 4);
      return true;
    }
    n = st_numconv_to_string(d, buf);
  }
  st_string_builder_add_latin1(&w->out, buf, (size_t)n);
  return true;
}

/* Pushes o on the stack of objects being serialized, or throws for a cycle. */
static bool enter(Writer *w, StObject *o) {
  if (!st_vm_check_c_stack(w->vm)) return false;
  uint32_t b = cycle_bucket(o);
  for (uint32_t i = w->buckets[b]; i; i = w->stack.data[i - 1].next) {
    if (w->stack.data[i - 1].o == o) {
      st_vm_type_error(w->vm, "Converting circular structure to JSON");
      return false;
    }
  }
  CycleEntry e = {o, w->buckets[b]};
  st_vec_push(&w->stack, e);
  w->buckets[b] = (uint32_t)w->stack.len;
  w->depth++;
  return true;
}

static void leave(Writer *w) {
  CycleEntry e = st_vec_pop(&w->stack);
  w->buckets[cycle_bucket(e.o)] = e.next;
  w->depth--;
}

/* Fast path of EnumerableOwnProperties for an ordinary object with a fast shape and no
 * elements: its enumerable string keys are the shape's, in insertion order, and their slots
 * can be read directly while the shape stays the same. */
enum { FAST_KEYS = 32 };

typedef struct FastKeys {
  StValue keys[FAST_KEYS]; /* on the C stack: the collector sees them */
  uint32_t slots[FAST_KEYS];
  uint8_t attrs[FAST_KEYS];
  uint32_t n;
  bool overflow;
} FastKeys;

static bool collect_fast_key(StVM *vm, StValue key, StPropInfo info, void *ud) {
  (void)vm;
  FastKeys *fk = ud;
  if (st_is_symbol(key) || !(info.attrs & ST_ATTR_ENUMERABLE)) return true;
  if (fk->n == FAST_KEYS) {
    fk->overflow = true;
    return false;
  }
  fk->keys[fk->n] = key;
  fk->slots[fk->n] = info.slot;
  fk->attrs[fk->n] = info.attrs;
  fk->n++;
  return true;
}

static bool has_fast_keys(const StObject *o) {
  return !(o->hdr.flags & (ST_OBJECT_EXOTIC | ST_OBJECT_SPARSE)) &&
         (!o->elements || o->elements->length == 0) && !st_shape_is_dict(o->shape);
}

/* Writes one member (separator, key, value) unless its value serializes to undefined. */
static bool write_member(Writer *w, StObject *o, StValue k, StValue v, bool *any) {
  int r = property_value(w, st_object_value(o), k, v, &v);
  if (r <= 0) return r == 0;
  bool pretty = st_string_length(w->gap) > 0;
  if (*any) put(&w->out, ',');
  if (pretty) newline_indent(w);
  if (!quote_value(w->vm, &w->out, k)) return false;
  put(&w->out, ':');
  if (pretty) put(&w->out, ' ');
  *any = true;
  return write_value(w, v);
}

static bool write_object(Writer *w, StObject *o) {
  StVM *vm = w->vm;
  if (!enter(w, o)) return false;
  bool any = false;
  put(&w->out, '{');
  FastKeys fk;
  fk.n = 0;
  fk.overflow = false;
  StShape *shape = o->shape;
  if (!w->props && has_fast_keys(o)) st_shape_each(vm, shape, collect_fast_key, &fk);
  if (!w->props && has_fast_keys(o) && !fk.overflow) {
    for (uint32_t i = 0; i < fk.n; i++) {
      StValue v;
      if (o->shape == shape && !(fk.attrs[i] & ST_ATTR_ACCESSOR)) {
        v = *st_object_slot(o, fk.slots[i]);
      } else {
        v = st_object_get(vm, o, fk.keys[i], st_object_value(o));
        if (v == ST_EXCEPTION) return false;
      }
      if (!write_member(w, o, fk.keys[i], v, &any)) return false;
    }
  } else {
    StObject *keys = w->props;
    if (!keys) {
      keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS | ST_KEYS_ENUMERABLE);
      if (!keys) return false;
    }
    uint32_t n = st_array_length(keys);
    for (uint32_t i = 0; i < n; i++) {
      StValue k = st_object_dense_get(keys, i);
      StValue v = st_value_get_elem(vm, st_object_value(o), k);
      if (v == ST_EXCEPTION || !write_member(w, o, k, v, &any)) return false;
    }
    st_lib_array_keep_alive(keys);
  }
  st_lib_array_keep_alive(o);
  leave(w);
  if (any && st_string_length(w->gap) > 0) newline_indent(w);
  put(&w->out, '}');
  return true;
}

static bool write_array(Writer *w, StObject *a) {
  StVM *vm = w->vm;
  if (!enter(w, a)) return false;
  double len;
  if (!st_lib_array_length_of(vm, a, &len)) return false;
  bool pretty = st_string_length(w->gap) > 0;
  put(&w->out, '[');
  for (double i = 0; i < len; i++) {
    if (i > 0) put(&w->out, ',');
    if (pretty) newline_indent(w);
    StValue v = st_lib_array_get(vm, a, i);
    if (v == ST_EXCEPTION) return false;
    int r = property_value(w, st_object_value(a), st_number(i), v, &v);
    if (r < 0) return false;
    if (r == 0) st_string_builder_add_latin1(&w->out, "null", 4);
    else if (!write_value(w, v)) return false;
  }
  st_lib_array_keep_alive(a);
  leave(w);
  if (len > 0 && pretty) newline_indent(w);
  put(&w->out, ']');
  return true;
}

/* The second half of SerializeJSONProperty: v is not undefined, a symbol or a function. */
static bool write_value(Writer *w, StValue v) {
  if (st_is_null(v)) {
    st_string_builder_add_latin1(&w->out, "null", 4);
    return true;
  }
  if (st_is_bool(v)) {
    if (st_get_bool(v)) st_string_builder_add_latin1(&w->out, "true", 4);
    else st_string_builder_add_latin1(&w->out, "false", 5);
    return true;
  }
  if (st_is_string(v)) return quote_value(w->vm, &w->out, v);
  if (st_is_number(v)) return write_number(w, v);
  ST_ASSERT(st_is_object(v), "JSON value kind");
  return st_lib_array_is_array(v) ? write_array(w, st_get_object(v))
                                  : write_object(w, st_get_object(v));
}

/* The property list from a replacer array: strings, numbers and String/Number objects, as
 * strings, without duplicates, in order. */
static StObject *property_list(StVM *vm, StObject *r) {
  double len;
  if (!st_lib_array_length_of(vm, r, &len)) return NULL;
  StObject *list = st_array_new(vm, 0);
  if (!list) return NULL;
  for (double k = 0; k < len; k++) {
    StValue v = st_lib_array_get(vm, r, k);
    if (v == ST_EXCEPTION) return NULL;
    bool take = st_is_string(v) || st_is_number(v) ||
                (st_is_object(v) && (st_get_object(v)->hdr.kind == ST_KIND_STRING_OBJECT ||
                                     st_get_object(v)->hdr.kind == ST_KIND_NUMBER_OBJECT));
    if (!take) continue;
    StString *s = st_ops_to_string(vm, v);
    if (!s) return NULL;
    uint32_t n = st_array_length(list);
    bool dup = false;
    for (uint32_t i = 0; i < n && !dup; i++)
      dup = st_string_equals(vm, st_get_string(st_object_dense_get(list, i)), s);
    if (!dup && !st_array_push(vm, list, st_string_value(s))) return NULL;
  }
  return list;
}

/* The gap string from the space argument. */
static StString *make_gap(StVM *vm, StValue space) {
  if (st_is_object(space)) {
    StCellKind k = st_get_object(space)->hdr.kind;
    if (k == ST_KIND_NUMBER_OBJECT) {
      space = st_ops_to_number(vm, space);
      if (space == ST_EXCEPTION) return NULL;
    } else if (k == ST_KIND_STRING_OBJECT) {
      StString *s = st_ops_to_string(vm, space);
      if (!s) return NULL;
      space = st_string_value(s);
    }
  }
  if (st_is_number(space)) {
    double d = st_numconv_to_integer(st_get_number(space));
    int n = d < 1 ? 0 : d > 10 ? 10 : (int)d;
    return st_string_from_latin1(vm, (const uint8_t *)"          ", (size_t)n);
  }
  if (st_is_string(space)) {
    StString *s = st_get_string(space);
    return st_string_length(s) <= 10 ? s : st_string_substring(vm, s, 0, 10);
  }
  return vm->atoms.empty;
}

static StValue json_stringify(StVM *vm, StCallInfo *ci) {
  StValue value = st_arg(ci, 0), replacer = st_arg(ci, 1);
  Writer w = {.vm = vm, .replacer = ST_UNDEFINED, .gap = vm->atoms.empty};
  if (st_is_object(replacer)) {
    if (st_value_is_callable(replacer)) {
      w.replacer = replacer;
    } else if (st_lib_array_is_array(replacer)) {
      w.props = property_list(vm, st_get_object(replacer));
      if (!w.props) return ST_EXCEPTION;
    }
  }
  w.gap = make_gap(vm, st_arg(ci, 2));
  if (!w.gap || !(w.gap = st_string_flatten(vm, w.gap))) return ST_EXCEPTION;
  StObject *wrapper = st_object_new(vm, vm->intrinsics.ObjectPrototype, ST_OBJECT_DEFAULT_INLINE);
  if (!wrapper) return ST_EXCEPTION;
  StValue empty = st_string_value(vm->atoms.empty);
  if (!create_data_property(vm, wrapper, empty, value)) return ST_EXCEPTION;
  st_string_builder_init(vm, &w.out);
  StValue v;
  int r = property_value(&w, st_object_value(wrapper), empty, value, &v);
  bool ok = r > 0 && write_value(&w, v);
  st_vec_free(&w.stack);
  st_lib_array_keep_alive(wrapper);
  st_lib_array_keep_alive(w.props);
  if (!ok) {
    st_string_builder_free(&w.out);
    return r == 0 ? ST_UNDEFINED : ST_EXCEPTION;
  }
  StString *s = st_string_builder_finish(&w.out);
  return s ? st_string_value(s) : ST_EXCEPTION;
}

void st_lib_json_init(StVM *vm) {
  StObject *json = st_builtins_namespace(vm, "JSON");
  vm->intrinsics.JSON = json;
  st_builtins_method(vm, json, "parse", json_parse, 2);
  st_builtins_method(vm, json, "stringify", json_stringify, 3);
}
