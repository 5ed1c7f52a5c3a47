/* runtime/host.h: the host (print, console, performance, process, require, $262). */
#ifndef ST_RUNTIME_HOST_H
#define ST_RUNTIME_HOST_H

#include "objects/vm.h"

/* Defines the host's globals. engine_path is argv[0]; script_path the script (NULL for -e);
 * argc/argv the script's own arguments (process.argv after the first two entries). */
void st_host_init(StVM *vm, const char *engine_path, const char *script_path, int argc,
                  char **argv);
/* Work to do once at process end, also on process.exit(): last registered runs first. */
void st_host_add_exit_hook(StVM *vm, void (*fn)(StVM *vm, void *ud), void *ud);
void st_host_run_exit_hooks(StVM *vm);
/* Drops the host state (after the exit hooks ran); the VM can be freed afterwards. */
void st_host_free(StVM *vm);
/* Prints "Uncaught <String(exc)>" (an error's stack, which starts with "Name: message" and
 * continues with the JS stack trace) to stderr, as the CLI contract wants. */
void st_host_report_uncaught(StVM *vm, StValue exc);
void st_host_set_exit_code(StVM *vm, int code);
int st_host_exit_code(StVM *vm);

#endif
