/* support/vec.c: growth for StVec. Doubling keeps push amortized O(1). */
#include "support/vec.h"

#include <stdlib.h>

void st_vec_grow_raw(void **data, size_t *cap, size_t need, size_t elem) {
  size_t c = *cap ? *cap : 8;
  while (c < need) c *= 2;
  *data = st_xrealloc(*data, c * elem);
  *cap = c;
}
