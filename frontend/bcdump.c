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
 */
#include "frontend/compiler.h"

#include "frontend/bytecode.h"
#include "objects/string.h"

#include <stdlib.h>
#include <string.h>

static void print_string(StVM *vm, FILE *out, StString *s) {
  char *u = st_string_to_utf8(vm, s, NULL);
  fputc('"', out);
  for (const char *p = u ? u : ""; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c == '\n') fputs("\\n", out);
    else if (c < 0x20) fprintf(out, "\\x%02x", c);
    else fputc(c, out);
  }
  fputc('"', out);
  free(u);
}

static void print_name(StVM *vm, FILE *out, StProto *p) {
  if (p->name && st_string_length(p->name)) {
    char *u = st_string_to_utf8(vm, p->name, NULL);
    fputs(u ? u : "?", out);
    free(u);
  } else {
    fputs((p->flags & ST_PROTO_SCRIPT) ? "<script>" : "<anonymous>", out);
  }
}

static void print_const(StVM *vm, FILE *out, StValue v) {
  if (st_is_string(v)) print_string(vm, out, st_get_string(v));
  else if (st_is_int(v)) fprintf(out, "%d", st_get_int(v));
  else if (st_is_double(v)) {
    StString *s = st_string_from_double(vm, st_get_double(v));
    char *u = s ? st_string_to_utf8(vm, s, NULL) : NULL;
    fputs(u ? u : "?", out);
    free(u);
  } else if (st_is_cell(v) && st_cell_kind(st_get_cell(v)) == ST_KIND_PROTO) {
    fputs("<function ", out);
    print_name(vm, out, st_get_cell(v));
    fputc('>', out);
  } else if (v == ST_UNDEFINED) fputs("undefined", out);
  else fputs("?", out);
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

static void dump_one(StVM *vm, FILE *out, StProto *p) {
  char flags[256];
  fputs("function ", out);
  print_name(vm, out, p);
  fprintf(out, " (%s:%u:%u) params=%u regs=%u ctx=%u feedback=%u flags=%s\n",
          p->source ? p->source->filename : "?", p->line, p->col, p->nparams, p->nregs,
          p->ctx_slots, p->nfeedback, flag_names(p->flags, flags, sizeof flags));
  for (uint32_t pc = 0; pc < p->code_len;) {
    const uint16_t *insn = p->code + pc;
    const StOpInfo *info = &st_bytecode_info[insn[0]];
    fprintf(out, "  %04u  %-15s", pc, info->name);
    for (int i = 0; info->format[i]; i++) {
      int32_t v = st_bytecode_operand(insn, i);
      fputs(i ? ", " : " ", out);
      switch (info->format[i]) {
      case 'R':
        if ((uint32_t)v == ST_REG_NONE) fputs("-", out);
        else fprintf(out, "r%d", v);
        break;
      case 'K':
        fprintf(out, "k%d(", v);
        print_const(vm, out, p->consts[v]);
        fputc(')', out);
        break;
      case 'J': fprintf(out, "->%04d", (int)pc + v); break;
      case 'F': fprintf(out, "fb%d", v); break;
      default: fprintf(out, "%d", v); break;
      }
    }
    fputc('\n', out);
    pc += info->size;
  }
  for (uint32_t i = 0; i < p->nhandlers; i++) {
    const StHandler *h = &p->handlers[i];
    fprintf(out, "  handler [%04u, %04u) -> %04u exc=r%u", h->start, h->end, h->handler, h->exc_reg);
    if (h->ctx_reg == ST_REG_NONE) fputs(" ctx=-\n", out);
    else fprintf(out, " ctx=r%u\n", h->ctx_reg);
  }
}

void st_bcdump_proto(StVM *vm, FILE *out, StProto *p) {
  dump_one(vm, out, p);
  for (uint32_t i = 0; i < p->nconsts; i++) {
    StValue v = p->consts[i];
    if (st_is_cell(v) && st_cell_kind(st_get_cell(v)) == ST_KIND_PROTO) {
      fputc('\n', out);
      st_bcdump_proto(vm, out, st_get_cell(v));
    }
  }
}
