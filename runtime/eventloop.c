/* runtime/eventloop.c: the microtask queue, the timer (macrotask) queue and the event loop,
 * as the seed articles describe them and node implements them:
 *
 *   run the script
 *   drain every microtask (promise jobs, queueMicrotask), including ones they enqueue
 *   report unhandled rejections
 *   while a timer is pending:
 *     wait (monotonic clock, no busy wait) until the earliest timer is due
 *     run that one timer callback
 *     drain every microtask, report unhandled rejections
 *
 * Timers are ordered by due time, then by creation (a sequence number). Delays are clamped as
 * node clamps them: anything that is not a number in [1, 2^31-1] becomes 1 ms, so
 * setTimeout(f, 0) runs after the current script and all microtasks, never "now".
 * An uncaught exception in any callback is reported and ends the loop with status 1.
 */
#include "runtime/eventloop.h"

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "runtime/host.h"
#include "support/vec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MAX 2147483647.0

typedef struct Job {
  StValue fn, arg;
} Job;

typedef struct Timer {
  uint64_t due_ns;
  uint64_t seq;
  uint32_t id;
  double interval_ms; /* 0: one-shot */
  StValue fn;
  StValue args; /* array of extra arguments, or undefined */
} Timer;

typedef enum RejectionMode { REJ_THROW, REJ_WARN, REJ_NONE, REJ_WARN_CODE } RejectionMode;

struct StEventLoop {
  Job *jobs;
  size_t head, count, cap; /* ring buffer */
  StVec(Timer) timers;     /* binary min-heap on (due_ns, seq) */
  uint64_t next_seq;
  uint32_t next_id;
  StVec(uint32_t) cancelled; /* ids cleared while queued */
  StVec(StValue) unhandled;  /* rejected promises without a handler */
  RejectionMode rejections;
  int status;
  uint64_t microtasks_run, timers_run;
};

static StEventLoop *loop_of(StVM *vm) { return vm->loop; }

/* --- microtasks --- */

static void enqueue_job(StVM *vm, StValue fn, StValue arg) {
  StEventLoop *l = loop_of(vm);
  if (l->count == l->cap) {
    size_t ncap = l->cap ? l->cap * 2 : 64;
    Job *n = st_xmalloc(ncap * sizeof(Job));
    for (size_t i = 0; i < l->count; i++) n[i] = l->jobs[(l->head + i) % l->cap];
    free(l->jobs);
    l->jobs = n;
    l->cap = ncap;
    l->head = 0;
  }
  l->jobs[(l->head + l->count) % l->cap] = (Job){fn, arg};
  l->count++;
}

static bool run_callback(StVM *vm, StValue fn, StValue this_val, uint32_t argc, const StValue *argv) {
  StValue r = st_vm_call(vm, fn, this_val, argc, argv);
  if (r != ST_EXCEPTION) return true;
  st_host_report_uncaught(vm, st_vm_take_exception(vm));
  loop_of(vm)->status = 1;
  return false;
}

static bool report_unhandled(StVM *vm);

bool st_eventloop_drain_microtasks(StVM *vm) {
  StEventLoop *l = loop_of(vm);
  while (l->count) {
    Job j = l->jobs[l->head];
    l->head = (l->head + 1) % l->cap;
    l->count--;
    l->microtasks_run++;
    /* ST_HOLE marks a job without argument (queueMicrotask callbacks take none). */
    if (!run_callback(vm, j.fn, ST_UNDEFINED, j.arg == ST_HOLE ? 0 : 1, &j.arg)) return false;
  }
  return report_unhandled(vm);
}

/* --- unhandled rejections (HostPromiseRejectionTracker) --- */

static void promise_rejected(StVM *vm, StValue promise, bool handled) {
  StEventLoop *l = loop_of(vm);
  if (!handled) {
    st_vec_push(&l->unhandled, promise);
    return;
  }
  for (size_t i = 0; i < l->unhandled.len; i++) {
    if (l->unhandled.data[i] == promise) {
      l->unhandled.data[i] = l->unhandled.data[--l->unhandled.len];
      return;
    }
  }
}

static bool report_unhandled(StVM *vm) {
  StEventLoop *l = loop_of(vm);
  while (l->unhandled.len) {
    StValue p = l->unhandled.data[0];
    memmove(l->unhandled.data, l->unhandled.data + 1, (l->unhandled.len - 1) * sizeof(StValue));
    l->unhandled.len--;
    StPromise *pr = (StPromise *)st_get_object(p);
    if (pr->handled) continue;
    switch (l->rejections) {
    case REJ_NONE: break;
    case REJ_WARN:
    case REJ_WARN_CODE: {
      fflush(stdout);
      fprintf(stderr, "(strata:%d) UnhandledPromiseRejectionWarning: ", (int)getpid());
      st_host_report_uncaught(vm, pr->result);
      if (l->rejections == REJ_WARN_CODE) l->status = 1;
      break;
    }
    case REJ_THROW:
      st_host_report_uncaught(vm, pr->result);
      l->status = 1;
      return false;
    }
  }
  return true;
}

/* --- timers --- */

static bool timer_before(const Timer *a, const Timer *b) {
  return a->due_ns < b->due_ns || (a->due_ns == b->due_ns && a->seq < b->seq);
}

static void heap_push(StEventLoop *l, Timer t) {
  st_vec_push(&l->timers, t);
  size_t i = l->timers.len - 1;
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (!timer_before(&l->timers.data[i], &l->timers.data[p])) break;
    Timer tmp = l->timers.data[i];
    l->timers.data[i] = l->timers.data[p];
    l->timers.data[p] = tmp;
    i = p;
  }
}

static Timer heap_pop(StEventLoop *l) {
  Timer top = l->timers.data[0];
  l->timers.data[0] = l->timers.data[--l->timers.len];
  size_t i = 0, n = l->timers.len;
  for (;;) {
    size_t a = 2 * i + 1, b = a + 1, m = i;
    if (a < n && timer_before(&l->timers.data[a], &l->timers.data[m])) m = a;
    if (b < n && timer_before(&l->timers.data[b], &l->timers.data[m])) m = b;
    if (m == i) break;
    Timer tmp = l->timers.data[i];
    l->timers.data[i] = l->timers.data[m];
    l->timers.data[m] = tmp;
    i = m;
  }
  return top;
}

static bool take_cancelled(StEventLoop *l, uint32_t id) {
  for (size_t i = 0; i < l->cancelled.len; i++) {
    if (l->cancelled.data[i] == id) {
      l->cancelled.data[i] = l->cancelled.data[--l->cancelled.len];
      return true;
    }
  }
  return false;
}

static StValue add_timer(StVM *vm, StCallInfo *ci, bool repeat) {
  StEventLoop *l = loop_of(vm);
  StValue fn = st_arg(ci, 0);
  if (!st_value_is_callable(fn)) {
    return st_vm_throw_error(vm, ST_ERROR_TYPE,
                             "The \"callback\" argument must be of type function. Received %s",
                             st_is_undefined(fn) ? "undefined" : "an instance of a non-function");
  }
  double ms = 1;
  if (ci->argc > 1) {
    double d;
    if (!st_ops_to_double(vm, ci->argv[1], &d)) return ST_EXCEPTION;
    ms = d;
  }
  if (!(ms >= 1 && ms <= TIMEOUT_MAX)) ms = 1;
  ms = (double)(uint64_t)ms; /* node truncates */
  StValue args = ST_UNDEFINED;
  if (ci->argc > 2) {
    StObject *a = st_array_from(vm, ci->argc - 2, ci->argv + 2);
    if (!a) return ST_EXCEPTION;
    args = st_object_value(a);
  }
  Timer t = {st_common_now_ns() + (uint64_t)(ms * 1e6), l->next_seq++, ++l->next_id,
             repeat ? ms : 0, fn, args};
  heap_push(l, t);
  return st_int((int32_t)t.id);
}

static StValue set_timeout(StVM *vm, StCallInfo *ci) { return add_timer(vm, ci, false); }
static StValue set_interval(StVM *vm, StCallInfo *ci) { return add_timer(vm, ci, true); }

static StValue clear_timer(StVM *vm, StCallInfo *ci) {
  StEventLoop *l = loop_of(vm);
  StValue v = st_arg(ci, 0);
  if (!st_is_number(v)) return ST_UNDEFINED;
  uint32_t id = (uint32_t)st_get_number(v);
  for (size_t i = 0; i < l->timers.len; i++) {
    if (l->timers.data[i].id == id) {
      st_vec_push(&l->cancelled, id);
      break;
    }
  }
  return ST_UNDEFINED;
}

static StValue queue_microtask(StVM *vm, StCallInfo *ci) {
  StValue fn = st_arg(ci, 0);
  if (!st_value_is_callable(fn))
    return st_vm_throw_error(vm, ST_ERROR_TYPE,
                             "The \"callback\" argument must be of type function. Received %s",
                             st_is_undefined(fn) ? "undefined" : "an instance of a non-function");
  enqueue_job(vm, fn, ST_HOLE);
  return ST_UNDEFINED;
}

/* --- the loop --- */

static void sleep_until(uint64_t due_ns) {
  for (;;) {
    uint64_t now = st_common_now_ns();
    if (now >= due_ns) return;
    uint64_t d = due_ns - now;
    struct timespec ts = {(time_t)(d / 1000000000u), (long)(d % 1000000000u)};
    if (nanosleep(&ts, NULL) == 0) return;
    if (errno != EINTR) return;
  }
}

int st_eventloop_run(StVM *vm) {
  StEventLoop *l = loop_of(vm);
  if (!st_eventloop_drain_microtasks(vm)) return l->status;
  while (l->timers.len) {
    sleep_until(l->timers.data[0].due_ns);
    Timer t = heap_pop(l);
    if (take_cancelled(l, t.id)) continue;
    l->timers_run++;
    StObject *args = st_is_object(t.args) ? st_get_object(t.args) : NULL;
    uint32_t argc = args ? st_array_length(args) : 0;
    if (t.interval_ms > 0) {
      /* Re-arm before the callback, so that clearInterval inside it cancels the next run. */
      Timer again = t;
      again.due_ns = st_common_now_ns() + (uint64_t)(t.interval_ms * 1e6);
      again.seq = l->next_seq++;
      heap_push(l, again);
    }
    if (!run_callback(vm, t.fn, ST_UNDEFINED, argc, args ? args->elements->data : NULL)) return l->status;
    if (!st_eventloop_drain_microtasks(vm)) return l->status;
  }
  return l->status;
}

/* --- GC and set-up --- */

static void trace_loop(StHeap *h, void *ud) {
  StEventLoop *l = ud;
  for (size_t i = 0; i < l->count; i++) {
    Job *j = &l->jobs[(l->head + i) % l->cap];
    st_gc_mark_value(h, j->fn);
    st_gc_mark_value(h, j->arg);
  }
  for (size_t i = 0; i < l->timers.len; i++) {
    st_gc_mark_value(h, l->timers.data[i].fn);
    st_gc_mark_value(h, l->timers.data[i].args);
  }
  for (size_t i = 0; i < l->unhandled.len; i++) st_gc_mark_value(h, l->unhandled.data[i]);
}

bool st_eventloop_init(StVM *vm, const char *unhandled_rejections) {
  StEventLoop *l = st_xcalloc(1, sizeof *l);
  vm->loop = l;
  const char *m = unhandled_rejections ? unhandled_rejections : "throw";
  if (!strcmp(m, "throw") || !strcmp(m, "strict")) l->rejections = REJ_THROW;
  else if (!strcmp(m, "warn")) l->rejections = REJ_WARN;
  else if (!strcmp(m, "none")) l->rejections = REJ_NONE;
  else if (!strcmp(m, "warn-with-error-code")) l->rejections = REJ_WARN_CODE;
  else return false;
  st_gc_add_root_tracer(vm->heap, trace_loop, l);
  vm->hooks.enqueue_job = enqueue_job;
  vm->hooks.promise_rejected = promise_rejected;
  StObject *g = vm->global;
  st_builtins_method(vm, g, "setTimeout", set_timeout, 2);
  st_builtins_method(vm, g, "setInterval", set_interval, 2);
  st_builtins_method(vm, g, "clearTimeout", clear_timer, 1);
  st_builtins_method(vm, g, "clearInterval", clear_timer, 1);
  st_builtins_method(vm, g, "queueMicrotask", queue_microtask, 1);
  return true;
}

void st_eventloop_free(StVM *vm) {
  StEventLoop *l = loop_of(vm);
  if (!l) return;
  st_gc_remove_root_tracer(vm->heap, trace_loop, l);
  vm->hooks.enqueue_job = NULL;
  vm->hooks.promise_rejected = NULL;
  free(l->jobs);
  st_vec_free(&l->timers);
  st_vec_free(&l->cancelled);
  st_vec_free(&l->unhandled);
  free(l);
  vm->loop = NULL;
}

void st_eventloop_stats(StVM *vm, uint64_t *microtasks, uint64_t *timers) {
  StEventLoop *l = loop_of(vm);
  *microtasks = l ? l->microtasks_run : 0;
  *timers = l ? l->timers_run : 0;
}
