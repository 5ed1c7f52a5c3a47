/* profiler/prof.h: counters, timers and one-line events for every stage of the engine, and the
 * --stats JSON. Near-zero cost when nothing is traced: counters are plain increments, and the
 * event functions return at once unless their trace flag is on.
 *
 * The profiler knows no engine types (it sits below gc/): callers pass names and numbers.
 * Per-function records are kept in arrays owned here; strings are copied.
 */
#ifndef ST_PROFILER_PROF_H
#define ST_PROFILER_PROF_H

#include "support/common.h"
#include "support/vec.h"

#include <stdio.h>

/* One compile attempt of one function by one tier. */
typedef struct StCompileRecord {
  char *function;     /* "name (file:line:col)" */
  const char *tier;
  const char *abort_reason; /* NULL when it produced code */
  uint64_t ir_build_ns, passes_ns, backend_ns, total_ns;
  uint32_t bytecodes;  /* bytecode instructions compiled (inlined ones included) */
  uint32_t ir_insns;
  uint64_t code_size;  /* bytes of machine code, when the backend reports it */
  bool osr;
} StCompileRecord;

typedef struct StDeoptCount {
  char *function;
  const char *tier;
  const char *reason;
  uint32_t pc;
  uint32_t count;
} StDeoptCount;

typedef struct StProf {
  bool trace_tier, trace_deopt;
  FILE *out; /* trace output (stderr) */
  uint64_t start_ns;
  StVec(StCompileRecord) compiles;
  StVec(StDeoptCount) deopts;
  uint64_t ndeopts, ninvalidations, nosr;
  uint64_t calls_by_tier[8]; /* entries into code of each tier level (0: interpreter) */
} StProf;

StProf *st_prof_new(void);
void st_prof_free(StProf *p);

/* Events: each prints one line when its trace flag is on, and is counted always. */
void st_prof_compile(StProf *p, const StCompileRecord *r);
void st_prof_deopt(StProf *p, const char *function, const char *tier, const char *reason,
                   uint32_t pc, uint32_t depth);
void st_prof_event(StProf *p, const char *what, const char *function, const char *fmt, ...)
    ST_PRINTF(4, 5);

/* Totals for --stats. */
typedef struct StProfTotals {
  uint64_t compiles, aborts, compile_ns, deopts, invalidations, osr;
} StProfTotals;
void st_prof_totals(const StProf *p, StProfTotals *t);
/* Writes the profiler's part of the --stats JSON: "compiles": [...], "deopts": [...]. */
void st_prof_write_json(const StProf *p, FILE *out);

#endif
