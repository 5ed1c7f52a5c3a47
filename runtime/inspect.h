/* runtime/inspect.h: node-compatible formatting of values for console.log. */
#ifndef ST_RUNTIME_INSPECT_H
#define ST_RUNTIME_INSPECT_H

#include "objects/vm.h"

/* util.inspect(v) with node's defaults; malloc'd UTF-8. Never throws (exceptions raised by
 * getters or conversions during formatting are swallowed, as node prints what it can). */
char *st_inspect_value(StVM *vm, StValue v);
/* console.log's formatting of its arguments: strings as they are, others inspected, joined by
 * spaces (format specifiers like %s are applied when the first argument is a string). */
char *st_inspect_format_args(StVM *vm, uint32_t argc, const StValue *argv);

#endif
