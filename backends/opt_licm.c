/* backends/opt_licm.c: (in progress) */
#include "backends/opt_internal.h"

uint32_t st_opt_licm_run(StIrFunc *f) { return 0; }
