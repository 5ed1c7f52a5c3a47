/* tiers/unbuilt.c: the mid tier's registry entry until it exists (issue 6; the baseline tier
 * is tiers/baseline.c). Its name is valid in --tiers so that experiment configurations can be
 * written now; the manager drops it from the chain with a clear message. */
#include "tiers/tier_internal.h"

static bool not_built(StVM *vm, const char **why) {
  (void)vm;
  *why = "not built yet (the mid tier comes with issue 6)";
  return false;
}

static StCode *no_compile(StVM *vm, StProto *p, uint32_t osr_pc, StAbort *abort, StCompileRecord *rec) {
  (void)vm, (void)p, (void)osr_pc, (void)rec;
  *abort = ST_ABORT_NOT_BUILT;
  return NULL;
}

static void no_release(StVM *vm, StCode *code) { (void)vm, (void)code; }

const StTier st_midtier_tier = {
    .name = "mid", .level = 2, .speculative = true, .default_threshold = 500,
    .available = not_built, .compile = no_compile, .release = no_release,
};
