/* tools/report.h: what the CLI reports at exit: the --stats JSON and --print-feedback. */
#ifndef ST_TOOLS_REPORT_H
#define ST_TOOLS_REPORT_H

#include "interp/interp.h"

#include <stdio.h>

/* Writes the --stats JSON (flags, wall time, GC totals, compiles, deopts) to path ('-' for
 * stderr). False with a message on stderr when the file cannot be written. */
bool st_report_stats(StVM *vm, const char *path, uint64_t wall_ns);

/* Dumps the feedback of every function named `name` ('*' for all) reachable from the script. */
void st_report_feedback(StVM *vm, FILE *out, StProto *script, const char *name);

#endif
