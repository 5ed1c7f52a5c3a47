/* builtins/lib_date.h: Date objects and the time arithmetic of ECMA-262 21.4.1, shared by
 * lib_date.c (the constructor, the prototype, formatting) and lib_date_parse.c (Date.parse),
 * plus what the host needs to print a Date (console.log shows its ISO string).
 *
 * Invariants:
 *  - A Date is a cell of kind ST_KIND_DATE laid out as StDateObject. Its `time` is always a
 *    time value: NaN, or an integral double in [-8.64e15, 8.64e15] (TimeClip'd), never -0.
 *  - Time values count milliseconds since 1970-01-01T00:00:00Z without leap seconds. All
 *    calendar arithmetic on them is exact integer arithmetic with floor semantics; only local
 *    time asks the C library (localtime_r and tm_gmtoff, so it follows TZ).
 */
#ifndef ST_BUILTINS_LIB_DATE_H
#define ST_BUILTINS_LIB_DATE_H

#include "builtins/builtins.h"

typedef struct StDateObject {
  StObject obj;
  double time; /* [[DateValue]] */
} StDateObject;

/* The abstract operations of 21.4.1, on doubles (NaN in, NaN out). */
double st_lib_date_make_day(double year, double month, double date);
double st_lib_date_make_time(double hour, double min, double sec, double ms);
double st_lib_date_make_date(double day, double time);
double st_lib_date_time_clip(double t);
/* UTC(t): a local time (the wall clock of the TZ in effect) to a time value. A wall-clock time
 * that happens twice (DST ends) is the earlier instant; one that never happens (DST starts) is
 * read with the offset in effect before the transition (21.4.1.26). */
double st_lib_date_utc(double local);

/* Date.parse on a flat string: the spec's Date Time String Format (21.4.1.32), then the
 * fallback formats V8 accepts (toString, toUTCString and the usual "Month DD, YYYY HH:MM:SS"
 * forms). NaN when the string is not recognized. Never throws. (lib_date_parse.c) */
double st_lib_date_parse_string(const StString *flat);

/* The text node's console.log prints for a Date: its toISOString, or "Invalid Date". NULL on
 * OOM (exception pending). Precondition: date->hdr.kind == ST_KIND_DATE. */
StString *st_lib_date_inspect(StVM *vm, StObject *date);

#endif
