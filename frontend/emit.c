/* frontend/emit.c: the bytecode emitter (see emit.h). */
#include "frontend/emit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_REGS = 0xFFFE, MAX_CONSTS = 0xFFFF, MAX_FEEDBACK = 0xFFFF };

static void fail(StEmitter *e, const char *msg) {
  if (!e->failed) snprintf(e->error, sizeof e->error, "%s", msg);
  e->failed = true;
}

void st_emit_init(StEmitter *e, StVM *vm, uint32_t first_free_reg) {
  memset(e, 0, sizeof *e);
  e->vm = vm;
  e->next_reg = e->nregs = first_free_reg;
}

void st_emit_pool_free(StEmitPool *pool) {
  for (size_t i = 0; i < pool->spare.len; i++) {
    StEmitBufs *b = &pool->spare.data[i];
    free(b->code);
    free(b->consts);
    free(b->fb_kinds);
    free(b->lines);
    free(b->handlers);
  }
  st_vec_free(&pool->spare);
}

void st_emit_use_pool(StEmitter *e, StEmitPool *pool) {
  ST_ASSERT(!e->code.cap && !e->consts.cap && !e->fb_kinds.cap && !e->lines.cap &&
                !e->handlers.cap, "st_emit_use_pool after emitting");
  e->pool = pool;
  if (!pool->spare.len) return;
  StEmitBufs b = st_vec_pop(&pool->spare);
  e->code.data = b.code, e->code.cap = b.code_cap;
  e->consts.data = b.consts, e->consts.cap = b.consts_cap;
  e->fb_kinds.data = b.fb_kinds, e->fb_kinds.cap = b.fb_cap;
  e->lines.data = b.lines, e->lines.cap = b.lines_cap;
  e->handlers.data = b.handlers, e->handlers.cap = b.handlers_cap;
}

void st_emit_free(StEmitter *e) {
  free(e->const_index);
  e->const_index = NULL;
  if (e->pool) {
    StEmitBufs b = {e->code.data, e->consts.data, e->fb_kinds.data, e->lines.data,
                    e->handlers.data, e->code.cap, e->consts.cap, e->fb_kinds.cap,
                    e->lines.cap, e->handlers.cap};
    st_vec_push(&e->pool->spare, b);
    memset(&e->code, 0, sizeof e->code);
    memset(&e->consts, 0, sizeof e->consts);
    memset(&e->fb_kinds, 0, sizeof e->fb_kinds);
    memset(&e->lines, 0, sizeof e->lines);
    memset(&e->handlers, 0, sizeof e->handlers);
    e->pool = NULL;
    return;
  }
  st_vec_free(&e->code);
  st_vec_free(&e->consts);
  st_vec_free(&e->fb_kinds);
  st_vec_free(&e->lines);
  st_vec_free(&e->handlers);
}

uint32_t st_emit_temps(StEmitter *e, uint32_t n) {
  uint32_t r = e->next_reg;
  if (r + n > MAX_REGS) {
    fail(e, "function too large: more than 65534 registers");
    return 0;
  }
  e->next_reg += n;
  if (e->next_reg > e->nregs) e->nregs = e->next_reg;
  return r;
}

uint32_t st_emit_temp(StEmitter *e) { return st_emit_temps(e, 1); }

void st_emit_free_to(StEmitter *e, uint32_t reg) {
  if (reg < e->next_reg) e->next_reg = reg;
}

uint32_t st_emit_local(StEmitter *e) { return st_emit_temps(e, 1); }

static uint32_t value_hash(StValue v) {
  v ^= v >> 29;
  v *= 0xbf58476d1ce4e5b9ull;
  return (uint32_t)(v ^ (v >> 32));
}

static void index_insert(StEmitter *e, uint32_t i) {
  /* Reserved slots are never looked up (st_emit_const_reserve): indexing them would file
   * every placeholder under one hash, and a script with thousands of top-level functions
   * would probe one ever-longer run on each insertion (quadratic; most of --check's time). */
  if (e->consts.data[i] == ST_EXCEPTION) return;
  for (uint32_t h = value_hash(e->consts.data[i]) & e->const_index_mask;;
       h = (h + 1) & e->const_index_mask) {
    if (!e->const_index[h]) {
      e->const_index[h] = i + 1;
      return;
    }
  }
}

static uint32_t add_const(StEmitter *e, StValue v);

/* Constants are found by value bits: strings are interned (one pointer per content) and numbers
 * keep their form, so 0 and -0 stay distinct. */
uint32_t st_emit_const(StEmitter *e, StValue v) {
  uint32_t mask = e->const_index_mask;
  if (e->const_index) {
    for (uint32_t h = value_hash(v) & mask;; h = (h + 1) & mask) {
      uint32_t i = e->const_index[h];
      if (!i) break;
      if (e->consts.data[i - 1] == v) return i - 1;
    }
  }
  return add_const(e, v);
}

uint32_t st_emit_const_reserve(StEmitter *e) { return add_const(e, ST_EXCEPTION); }

/* The slot stays out of the index until a rehash files it under its value: harmless, since a
 * function's proto is never looked up (each is a constant of one function only). */
void st_emit_const_set(StEmitter *e, uint32_t k, StValue v) {
  ST_ASSERT(k < e->consts.len && e->consts.data[k] == ST_EXCEPTION, "k%u is no reserved slot", k);
  e->consts.data[k] = v;
}

static uint32_t add_const(StEmitter *e, StValue v) {
  uint32_t mask = e->const_index_mask;
  if (e->consts.len >= MAX_CONSTS) {
    fail(e, "function too large: more than 65535 constants");
    return 0;
  }
  st_vec_push(&e->consts, v);
  uint32_t n = (uint32_t)e->consts.len;
  if (!e->const_index || n * 2 > mask + 1) {
    uint32_t cap = e->const_index ? (mask + 1) * 2 : 64;
    free(e->const_index);
    e->const_index = st_xcalloc(cap, sizeof(uint32_t));
    e->const_index_mask = cap - 1;
    for (uint32_t i = 0; i < n; i++) index_insert(e, i);
  } else {
    index_insert(e, n - 1);
  }
  return n - 1;
}

uint32_t st_emit_feedback(StEmitter *e, StFeedbackKind kind) {
  if (e->fb_kinds.len >= MAX_FEEDBACK) {
    fail(e, "function too large: more than 65535 feedback slots");
    return 0;
  }
  st_vec_push(&e->fb_kinds, (uint8_t)kind);
  return (uint32_t)e->fb_kinds.len - 1;
}

void st_emit_position(StEmitter *e, uint32_t line, uint32_t col) {
  e->cur_line = line;
  e->cur_col = col;
  e->pos_lines = NULL;
}

void st_emit_position_at(StEmitter *e, StLineTable *lines, uint32_t offset) {
  e->pos_lines = lines;
  e->pos_offset = offset;
}

static void note_position(StEmitter *e) {
  uint32_t pc = st_emit_pc(e);
  if (e->pos_lines) {
    if (e->pos_lines != e->noted_lines || e->pos_offset != e->noted_offset) {
      StPos pos = st_lines_pos(e->pos_lines, e->pos_offset);
      e->noted_lines = e->pos_lines;
      e->noted_offset = e->pos_offset;
      e->noted_line = pos.line;
      e->noted_col = pos.col;
    }
    e->cur_line = e->noted_line;
    e->cur_col = e->noted_col;
    e->pos_lines = NULL;
  }
  if (e->lines.len) {
    StLineEntry *last = &e->lines.data[e->lines.len - 1];
    if (last->line == e->cur_line && last->col == e->cur_col) return;
    if (last->pc == pc) {
      last->line = e->cur_line;
      last->col = e->cur_col;
      return;
    }
  }
  StLineEntry le = {pc, e->cur_line, e->cur_col};
  st_vec_push(&e->lines, le);
}

static uint32_t emit_v(StEmitter *e, StOpcode op, va_list ap, StLabel *jump_label) {
  const StOpInfo *info = &st_bytecode_info[op];
  if (info->flags & (ST_BC_THROWS | ST_BC_CALL)) note_position(e);
  uint32_t pc = st_emit_pc(e);
  st_vec_push(&e->code, (uint16_t)op);
  for (const char *f = info->format; *f; f++) {
    if (*f == 'J' && jump_label) {
      uint32_t at = st_emit_pc(e);
      if (jump_label->pos >= 0) {
        int32_t off = jump_label->pos - (int32_t)pc;
        st_vec_push(&e->code, (uint16_t)((uint32_t)off & 0xFFFF));
        st_vec_push(&e->code, (uint16_t)((uint32_t)off >> 16));
      } else {
        /* The placeholder holds the instruction start until the label is bound. */
        st_vec_push(&e->code, (uint16_t)(pc & 0xFFFF));
        st_vec_push(&e->code, (uint16_t)(pc >> 16));
        st_vec_push(&jump_label->patches, at);
      }
      continue;
    }
    int32_t v = va_arg(ap, int32_t);
    if (*f == 'I' || *f == 'J') {
      st_vec_push(&e->code, (uint16_t)((uint32_t)v & 0xFFFF));
      st_vec_push(&e->code, (uint16_t)((uint32_t)v >> 16));
    } else {
      st_vec_push(&e->code, (uint16_t)v);
    }
  }
  return pc;
}

uint32_t st_emit_op(StEmitter *e, StOpcode op, ...) {
  va_list ap;
  va_start(ap, op);
  uint32_t pc = emit_v(e, op, ap, NULL);
  va_end(ap);
  return pc;
}

void st_emit_label_init(StLabel *l) {
  l->pos = -1;
  l->patches.data = NULL;
  l->patches.len = l->patches.cap = 0;
}

void st_emit_label_free(StLabel *l) { st_vec_free(&l->patches); }

void st_emit_bind(StEmitter *e, StLabel *l) {
  ST_ASSERT(l->pos < 0, "label bound twice");
  l->pos = (int32_t)st_emit_pc(e);
  for (size_t i = 0; i < l->patches.len; i++) {
    uint32_t at = l->patches.data[i];
    uint16_t *p = &e->code.data[at];
    uint32_t insn = (uint32_t)p[0] | ((uint32_t)p[1] << 16);
    int32_t off = l->pos - (int32_t)insn;
    p[0] = (uint16_t)((uint32_t)off & 0xFFFF);
    p[1] = (uint16_t)((uint32_t)off >> 16);
  }
  l->patches.len = 0;
}

uint32_t st_emit_jump(StEmitter *e, StLabel *l, StOpcode op, ...) {
  va_list ap;
  va_start(ap, op);
  uint32_t pc = emit_v(e, op, ap, l);
  va_end(ap);
  return pc;
}

void st_emit_loop_head(StEmitter *e, StLabel *l) {
  st_emit_bind(e, l);
  st_emit_op(e, ST_OP_LOOPHEAD, (int32_t)st_emit_feedback(e, ST_FB_LOOP));
}

void st_emit_handler(StEmitter *e, uint32_t start, uint32_t end, uint32_t handler,
                     uint32_t exc_reg, uint32_t ctx_reg) {
  st_emit_add_handler(e, (StHandler){.start = start, .end = end, .handler = handler,
                                     .exc_reg = (uint16_t)exc_reg, .ctx_reg = (uint16_t)ctx_reg,
                                     .temps_lo = ST_REG_NONE});
}

void st_emit_add_handler(StEmitter *e, StHandler h) {
  if (h.start >= h.end) return; /* an empty try block cannot throw */
  /* The unwinder reads ctx_reg and writes exc_reg after clearing the dead registers: the
   * context must survive the clearing, and the dead local range lies below the temporaries. */
  ST_ASSERT(h.dead_lo <= h.dead_hi && (h.temps_lo == ST_REG_NONE || h.dead_hi <= h.temps_lo),
            "bad dead register ranges [%u, %u) + %u", h.dead_lo, h.dead_hi, h.temps_lo);
  ST_ASSERT(h.ctx_reg == ST_REG_NONE ||
                ((h.ctx_reg < h.dead_lo || h.ctx_reg >= h.dead_hi) && h.ctx_reg < h.temps_lo),
            "handler context register r%u is among its dead registers", h.ctx_reg);
  st_vec_push(&e->handlers, h);
}

/* An exact-size malloc'd copy of n elements (NULL for none), for the proto. */
static void *copy_out(const void *data, size_t n, size_t elem) {
  if (!n) return NULL;
  void *r = st_xmalloc(n * elem);
  memcpy(r, data, n * elem);
  return r;
}

bool st_emit_finish(StEmitter *e, StProto *p) {
  if (e->failed) return false;
  if (e->pool) {
    /* The buffers stay with the emitter (and go back to the pool); the proto gets copies. */
    p->code_len = (uint32_t)e->code.len;
    p->code = copy_out(e->code.data, e->code.len, sizeof *e->code.data);
    p->nconsts = (uint32_t)e->consts.len;
    p->consts = copy_out(e->consts.data, e->consts.len, sizeof *e->consts.data);
    p->nlines = (uint32_t)e->lines.len;
    p->lines = copy_out(e->lines.data, e->lines.len, sizeof *e->lines.data);
    p->nhandlers = (uint32_t)e->handlers.len;
    p->handlers = copy_out(e->handlers.data, e->handlers.len, sizeof *e->handlers.data);
    p->nfeedback = (uint32_t)e->fb_kinds.len;
    p->fb_kinds = copy_out(e->fb_kinds.data, e->fb_kinds.len, sizeof *e->fb_kinds.data);
    e->code.len = e->consts.len = e->lines.len = e->handlers.len = e->fb_kinds.len = 0;
    p->nregs = e->nregs;
    return true;
  }
  /* The proto keeps these for the life of the program: no slack from growth. */
  st_vec_shrink(&e->code);
  st_vec_shrink(&e->consts);
  st_vec_shrink(&e->lines);
  st_vec_shrink(&e->handlers);
  st_vec_shrink(&e->fb_kinds);
  p->code_len = (uint32_t)e->code.len;
  p->code = e->code.data;
  e->code.data = NULL;
  e->code.len = e->code.cap = 0;
  p->nconsts = (uint32_t)e->consts.len;
  p->consts = e->consts.data;
  e->consts.data = NULL;
  e->consts.len = e->consts.cap = 0;
  p->nlines = (uint32_t)e->lines.len;
  p->lines = e->lines.data;
  e->lines.data = NULL;
  e->lines.len = e->lines.cap = 0;
  p->nhandlers = (uint32_t)e->handlers.len;
  p->handlers = e->handlers.data;
  e->handlers.data = NULL;
  e->handlers.len = e->handlers.cap = 0;
  p->nfeedback = (uint32_t)e->fb_kinds.len;
  p->fb_kinds = e->fb_kinds.data;
  e->fb_kinds.data = NULL;
  e->fb_kinds.len = e->fb_kinds.cap = 0;
  p->nregs = e->nregs;
  return true;
}

void st_emit_trace(StHeap *h, StEmitter *e) {
  for (; e; e = e->outer) st_gc_mark_values(h, e->consts.data, e->consts.len);
}
