/* support/vec.h: a typed growable array, the one generic container.
 *
 *   StVec(int) v = {0};          // zero-initialized is empty
 *   st_vec_push(&v, 42);
 *   for (size_t i = 0; i < v.len; i++) use(v.data[i]);
 *   st_vec_free(&v);
 *
 * Invariant: len <= cap; data is NULL iff cap == 0. Memory comes from malloc (jemalloc in the
 * strata binary). Elements may move when the vector grows: do not keep pointers into it
 * across a push.
 */
#ifndef ST_SUPPORT_VEC_H
#define ST_SUPPORT_VEC_H

#include "support/common.h"

#include <stdlib.h>
#include <string.h>

#define StVec(T) struct { T *data; size_t len, cap; }

void st_vec_grow_raw(void **data, size_t *cap, size_t need, size_t elem);

#define st_vec_reserve(v, n) \
  ((n) > (v)->cap ? st_vec_grow_raw((void **)&(v)->data, &(v)->cap, (n), sizeof(*(v)->data)) \
                  : (void)0)
#define st_vec_push(v, x) \
  do { \
    st_vec_reserve((v), (v)->len + 1); \
    (v)->data[(v)->len++] = (x); \
  } while (0)
#define st_vec_pop(v) ((v)->data[--(v)->len])
#define st_vec_last(v) ((v)->data[(v)->len - 1])
#define st_vec_clear(v) ((v)->len = 0)
/* Gives back the unused capacity (cap = len), e.g. before the data is handed to a long-lived
 * owner; growth by doubling leaves up to half of it unused. */
#define st_vec_shrink(v) \
  do { \
    if ((v)->len < (v)->cap) { \
      if ((v)->len) { \
        (v)->data = st_xrealloc((v)->data, (v)->len * sizeof(*(v)->data)); \
      } else { \
        free((v)->data); \
        (v)->data = NULL; \
      } \
      (v)->cap = (v)->len; \
    } \
  } while (0)
#define st_vec_free(v) \
  do { \
    free((v)->data); \
    (v)->data = NULL; \
    (v)->len = (v)->cap = 0; \
  } while (0)

#endif
