/* frontend/bcdump.c: the bytecode disassembler behind --print-bytecode.
 *
 * The format is stable (golden tests hold it):
 *
 *   function f (file.js:1:1) params=2 regs=5 ctx=0 feedback=3 flags=strict
 *     0000  LOADI        r3, 1
 *     0003  ADD          r4, r1, r3, fb0
 *     ...
 *   constants: 0: "x"  1: 1.5  2: <function g>
 *   handlers: [0004, 0012) -> 0014 exc=r5 ctx=-
 *
 * Nested functions follow their parent, in constant-pool order.
 *
 * Speed: a big script dumps millions of operands, so the text goes through one buffer (Out)
 * with hand-written number formatting, and constant strings are converted into one reused
 * scratch vector: no printf and no malloc per instruction.
 */
#include "frontend/compiler.h"

#include "frontend/bytecode.h"
#include "objects/string.h"
#include "support/vec.h"

#include <stdlib.h>
#include <string.h>

typedef struct Out {
  FILE *f;
  StVM *vm;
  size_t len;
  StVec(char) scratch; /* a constant string's UTF-8 */
  char buf[1 << 16];
} Out;

static void flush(Out *o) {
  fwrite(o->buf, 1, o->len, o->f);
  o->len = 0;
}

static void put_mem(Out *o, const char *s, size_t n) {
  if (o->len + n > sizeof o->buf) {
    flush(o);
    if (n > sizeof o->buf) {
      fwrite(s, 1, n, o->f);
      return;
    }
  }
  memcpy(o->buf + o->len, s, n);
  o->len += n;
}

static void put_str(Out *o, const char *s) { put_mem(o, s, strlen(s)); }

static void put_char(Out *o, char c) {
  if (o->len == sizeof o->buf) flush(o);
  o->buf[o->len++] = c;
}

/* printf's "%0*d" for width 0 (plain) or 4 (pc columns): digits of |v|, zero-padded. */
static void put_int(Out *o, int64_t v, int width) {
  char d[24];
  int n = 0;
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  do {
    d[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  /* d holds the text reversed: digits, then the zero padding, then the sign (the width
   * counts the sign, as printf's does) */
  while (n < (v < 0 ? width - 1 : width)) d[n++] = '0';
  if (v < 0) d[n++] = '-';
  if (o->len + (size_t)n > sizeof o->buf) flush(o);
  while (n) o->buf[o->len++] = d[--n];
}

static void print_string(Out *o, StString *s) {
  o->scratch.len = 0;
  st_string_append_utf8(o->vm, s, &o->scratch);
  put_char(o, '"');
  for (size_t i = 0; i < o->scratch.len; i++) {
    unsigned char c = (unsigned char)o->scratch.data[i];
    if (c == 0) break; /* the text ends at a NUL, as it did when printed as a C string */
    if (c == '"' || c == '\\') {
      put_char(o, '\\');
      put_char(o, (char)c);
    } else if (c == '\n') {
      put_mem(o, "\\n", 2);
    } else if (c < 0x20) {
      static const char hex[] = "0123456789abcdef";
      char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
      put_mem(o, e, 4);
    } else {
      put_char(o, (char)c);
    }
  }
  put_char(o, '"');
}

static void print_name(Out *o, StProto *p) {
  if (p->name && st_string_length(p->name)) {
    o->scratch.len = 0;
    st_string_append_utf8(o->vm, p->name, &o->scratch);
    put_mem(o, o->scratch.data, strnlen(o->scratch.data, o->scratch.len)); /* up to a NUL */
  } else {
    put_str(o, (p->flags & ST_PROTO_SCRIPT) ? "<script>" : "<anonymous>");
  }
}

static void print_const(Out *o, StValue v) {
  if (st_is_string(v)) print_string(o, st_get_string(v));
  else if (st_is_int(v)) put_int(o, st_get_int(v), 0);
  else if (st_is_double(v)) {
    StString *s = st_string_from_double(o->vm, st_get_double(v));
    if (s) {
      o->scratch.len = 0;
      st_string_append_utf8(o->vm, s, &o->scratch);
      put_mem(o, o->scratch.data, o->scratch.len);
    } else {
      put_char(o, '?');
    }
  } else if (st_is_cell(v) && st_cell_kind(st_get_cell(v)) == ST_KIND_PROTO) {
    put_str(o, "<function ");
    print_name(o, st_get_cell(v));
    put_char(o, '>');
  } else if (v == ST_UNDEFINED) put_str(o, "undefined");
  else put_char(o, '?');
}

static const char *flag_names(uint32_t f, char *buf, size_t cap) {
  static const char *const names[] = {"strict", "arrow", "async", "method", "class-ctor", "derived",
                                      "needs-args", "script", "getter", "setter", "field-init",
                                      "simple-params", "needs-home", "named-expr", "mapped-args",
                                      "has-fields", "has-eval", "eval"};
  buf[0] = 0;
  for (unsigned i = 0; i < ST_ARRAY_LEN(names); i++) {
    if (!(f & (1u << i))) continue;
    if (buf[0]) strncat(buf, ",", cap - strlen(buf) - 1);
    strncat(buf, names[i], cap - strlen(buf) - 1);
  }
  if (!buf[0]) snprintf(buf, cap, "-");
  return buf;
}

static void dump_one(Out *o, StProto *p) {
  char flags[256], head[512];
  put_str(o, "function ");
  print_name(o, p);
  int n = snprintf(head, sizeof head, " (%s:%u:%u) params=%u regs=%u ctx=%u feedback=%u flags=%s\n",
                   p->source ? p->source->filename : "?", p->line, p->col, p->nparams, p->nregs,
                   p->ctx_slots, p->nfeedback, flag_names(p->flags, flags, sizeof flags));
  put_mem(o, head, n < 0 ? 0 : (size_t)n < sizeof head ? (size_t)n : sizeof head - 1);
  for (uint32_t pc = 0; pc < p->code_len;) {
    const uint16_t *insn = p->code + pc;
    const StOpInfo *info = &st_bytecode_info[insn[0]];
    put_mem(o, "  ", 2);
    put_int(o, pc, 4);
    put_mem(o, "  ", 2);
    size_t nl = strlen(info->name);
    put_mem(o, info->name, nl);
    for (size_t i = nl; i < 15; i++) put_char(o, ' ');
    const uint16_t *arg = insn + 1; /* operands decoded in one pass (st_bytecode_operand's rules) */
    for (int i = 0; info->format[i]; i++) {
      int32_t v;
      switch (info->format[i]) {
      case 'I':
      case 'J': v = st_bytecode_i32(arg), arg += 2; break;
      case 's': v = (int16_t)*arg++; break;
      default: v = *arg++; break;
      }
      ST_ASSERT(v == st_bytecode_operand(insn, i), "operand %d decoded wrongly", i);
      if (i) put_mem(o, ", ", 2);
      else put_char(o, ' ');
      switch (info->format[i]) {
      case 'R':
        if ((uint32_t)v == ST_REG_NONE) put_char(o, '-');
        else put_char(o, 'r'), put_int(o, v, 0);
        break;
      case 'K':
        put_char(o, 'k');
        put_int(o, v, 0);
        put_char(o, '(');
        print_const(o, p->consts[v]);
        put_char(o, ')');
        break;
      case 'J': put_mem(o, "->", 2), put_int(o, (int)pc + v, 4); break;
      case 'F': put_mem(o, "fb", 2), put_int(o, v, 0); break;
      default: put_int(o, v, 0); break;
      }
    }
    put_char(o, '\n');
    pc += info->size;
  }
  for (uint32_t i = 0; i < p->nhandlers; i++) {
    const StHandler *h = &p->handlers[i];
    put_str(o, "  handler [");
    put_int(o, h->start, 4);
    put_mem(o, ", ", 2);
    put_int(o, h->end, 4);
    put_mem(o, ") -> ", 5);
    put_int(o, h->handler, 4);
    put_mem(o, " exc=r", 6);
    put_int(o, h->exc_reg, 0);
    if (h->ctx_reg == ST_REG_NONE) put_str(o, " ctx=-\n");
    else put_str(o, " ctx=r"), put_int(o, h->ctx_reg, 0), put_char(o, '\n');
  }
}

static void dump_tree(Out *o, StProto *p) {
  dump_one(o, p);
  for (uint32_t i = 0; i < p->nconsts; i++) {
    StValue v = p->consts[i];
    if (st_is_cell(v) && st_cell_kind(st_get_cell(v)) == ST_KIND_PROTO) {
      put_char(o, '\n');
      dump_tree(o, st_get_cell(v));
    }
  }
}

void st_bcdump_proto(StVM *vm, FILE *out, StProto *p) {
  Out *o = st_xmalloc(sizeof(Out));
  o->f = out;
  o->vm = vm;
  o->len = 0;
  o->scratch.data = NULL;
  o->scratch.len = o->scratch.cap = 0;
  dump_tree(o, p);
  flush(o);
  st_vec_free(&o->scratch);
  free(o);
}
