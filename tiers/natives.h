/* tiers/natives.h: the `%Name(args)` test natives (--allow-natives-syntax); see natives.c. */
#ifndef ST_TIERS_NATIVES_H
#define ST_TIERS_NATIVES_H

#include "interp/interp.h"

/* The table to install as vm->hooks.natives. */
const StNativeSyntax *st_tier_natives(void);
/* The compiler's resolver (StCompileOptions.native_id): index in the table, or -1. */
int st_tier_native_id(StVM *vm, const char *name, int argc);

#endif
