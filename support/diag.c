/* support/diag.c: recording diagnostics. */
#include "support/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void st_diag_add(StDiagList *d, StDiagKind kind, uint32_t line, uint32_t col, uint32_t offset,
                 const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = st_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(msg, (size_t)n + 1, fmt, ap);
  va_end(ap);
  StDiag diag = {kind, line, col, offset, msg};
  st_vec_push(&d->items, diag);
  if (kind != ST_DIAG_WARNING) d->errors++;
}

void st_diag_free(StDiagList *d) {
  for (size_t i = 0; i < d->items.len; i++) free(d->items.data[i].message);
  st_vec_free(&d->items);
  d->errors = 0;
}

const char *st_diag_kind_name(StDiagKind kind) {
  switch (kind) {
  case ST_DIAG_SYNTAX_ERROR: return "SyntaxError";
  case ST_DIAG_RANGE_ERROR: return "RangeError";
  case ST_DIAG_WARNING: return "Warning";
  }
  return "Error";
}

void st_diag_print(FILE *out, const StDiag *d, const char *filename, const char *src, size_t len) {
  fprintf(out, "Uncaught %s: %s\n", st_diag_kind_name(d->kind), d->message);
  fprintf(out, "    at %s:%u:%u\n", filename, d->line, d->col);
  if (!src || d->offset > len) return;
  size_t start = d->offset, end = d->offset;
  while (start > 0 && src[start - 1] != '\n' && src[start - 1] != '\r') start--;
  while (end < len && src[end] != '\n' && src[end] != '\r') end++;
  if (end - start > 200) return; /* minified or binary input: the line would not help */
  for (size_t i = start; i < end; i++) {
    unsigned char c = (unsigned char)src[i];
    fputc(c == '\t' || c >= 0x20 ? c : ' ', out);
  }
  fputc('\n', out);
  /* The caret goes under the byte offset; tabs are echoed so the caret lines up. */
  for (size_t i = start; i < d->offset && i < end; i++) {
    unsigned char c = (unsigned char)src[i];
    if ((c & 0xC0) == 0x80) continue; /* UTF-8 continuation byte: same column */
    fputc(c == '\t' ? '\t' : ' ', out);
  }
  fputs("^\n", out);
}
