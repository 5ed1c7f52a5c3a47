/* runtime/eventloop.h: microtasks, timers and the event loop (see eventloop.c). */
#ifndef ST_RUNTIME_EVENTLOOP_H
#define ST_RUNTIME_EVENTLOOP_H

#include "objects/vm.h"

typedef struct StEventLoop StEventLoop;

/* Registers the job hooks and defines setTimeout, setInterval, clearTimeout, clearInterval and
 * queueMicrotask. unhandled_rejections: throw | strict | warn | warn-with-error-code | none
 * (false for anything else). */
bool st_eventloop_init(StVM *vm, const char *unhandled_rejections);
/* Runs every pending microtask; false when one threw (already reported). */
bool st_eventloop_drain_microtasks(StVM *vm);
/* Drains microtasks, then runs timers until none is pending. Returns the exit status:
 * 0, or 1 after an uncaught exception or unhandled rejection (already reported). */
int st_eventloop_run(StVM *vm);
void st_eventloop_stats(StVM *vm, uint64_t *microtasks, uint64_t *timers);
/* Drops the queues (pending jobs and timers are discarded, not run) and the loop itself; the
 * VM can be freed afterwards. Safe on a VM whose loop was never set up. */
void st_eventloop_free(StVM *vm);

#endif
