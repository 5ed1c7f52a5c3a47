/* support/diag.h: diagnostics recorded by deep code (lexer, parser, compiler).
 *
 * Deep code never prints: it records an StDiag with a position and a message, and keeps going
 * when it can. The caller (the CLI) decides how to show them. Positions are 1-based line and
 * column; the column counts UTF-16 code units from the start of the line, as JS engines do.
 */
#ifndef ST_SUPPORT_DIAG_H
#define ST_SUPPORT_DIAG_H

#include "support/common.h"
#include "support/vec.h"

#include <stdio.h>

typedef enum StDiagKind {
  ST_DIAG_SYNTAX_ERROR, /* reported as "SyntaxError" */
  ST_DIAG_RANGE_ERROR,  /* e.g. nesting too deep: reported as "RangeError" */
  ST_DIAG_WARNING,
} StDiagKind;

typedef struct StDiag {
  StDiagKind kind;
  uint32_t line, col;
  uint32_t offset; /* byte offset into the source, to find the source line for a caret */
  char *message;   /* malloc'd */
} StDiag;

typedef struct StDiagList {
  StVec(StDiag) items;
  uint32_t errors; /* number of items that are not warnings */
} StDiagList;

void st_diag_add(StDiagList *d, StDiagKind kind, uint32_t line, uint32_t col, uint32_t offset,
                 const char *fmt, ...) ST_PRINTF(6, 7);
void st_diag_free(StDiagList *d);
const char *st_diag_kind_name(StDiagKind kind);


/* Prints one diagnostic the way the CLI reports an uncaught SyntaxError:
 *   Uncaught SyntaxError: <message>
 *       at <file>:<line>:<col>
 *   <the source line>
 *   <caret under the column>
 */
void st_diag_print(FILE *out, const StDiag *d, const char *filename, const char *src, size_t len);

#endif
