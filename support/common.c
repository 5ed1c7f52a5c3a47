/* support/common.c: assertion failure, checked allocation, the clock. */
#include "support/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void st_common_fail(const char *file, int line, const char *cond, const char *fmt, ...) {
  fprintf(stderr, "strata: internal error at %s:%d: assertion '%s' failed: ", file, line, cond);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  abort();
}

static ST_NORETURN void out_of_memory(size_t n) {
  fprintf(stderr, "strata: out of memory (allocating %zu bytes)\n", n);
  exit(3);
}

void *st_common_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) out_of_memory(n);
  return p;
}

void *st_common_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) out_of_memory(count * size);
  return p;
}

void *st_common_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) out_of_memory(n);
  return q;
}

char *st_common_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = st_common_xmalloc(n);
  memcpy(p, s, n);
  return p;
}

uint64_t st_common_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
