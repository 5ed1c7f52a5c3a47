/* tiers/compile_queue.c: background compilation: one compiler thread running backends while
 * the interpreter continues (tier.h explains the split of work and when code is installed).
 *
 * Two lists under one mutex: `todo` (main -> compiler thread) and `done` (compiler thread ->
 * main). The main thread never waits for a compile except at exit. Jobs keep their proto and
 * the cells their IR embeds alive (a GC root tracer), since the proto may otherwise die while
 * its code is being generated.
 */
#include "tiers/tier_internal.h"

#include <pthread.h>
#include <stdlib.h>

struct StCompileQueue {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  StJitJob *todo, *todo_tail, *done;
  StJitJob *running; /* the job the compiler thread is generating: traced like the lists */
  bool quit;
  uint32_t in_flight;
};

static void *compiler_thread(void *arg) {
  StCompileQueue *q = arg;
  pthread_mutex_lock(&q->lock);
  for (;;) {
    while (!q->todo && !q->quit) pthread_cond_wait(&q->wake, &q->lock);
    if (q->quit) break;
    StJitJob *job = q->todo;
    q->todo = job->next;
    if (!q->todo) q->todo_tail = NULL;
    q->running = job;
    pthread_mutex_unlock(&q->lock);
    const StTier *tier = job->code->tier;
    tier->generate(job);
    pthread_mutex_lock(&q->lock);
    q->running = NULL;
    job->next = q->done;
    q->done = job;
  }
  pthread_mutex_unlock(&q->lock);
  return NULL;
}

static void trace_job(StHeap *h, const StJitJob *j) {
  st_gc_mark_cell(h, (StCell *)j->proto);
  if (j->code) {
    st_deopt_info_trace(h, j->code->deopt_info);
    for (uint32_t i = 0; i < j->code->ncells; i++) st_gc_mark_cell(h, (StCell *)j->code->cells[i]);
  }
}

/* Every job from push to install: queued, being generated (its IR embeds the cells, and a
 * cell freed meanwhile would be a dangling pointer in the installed code), or done. */
static void trace_jobs(StHeap *h, void *ud) {
  StCompileQueue *q = ud;
  pthread_mutex_lock(&q->lock);
  for (int list = 0; list < 2; list++)
    for (StJitJob *j = list ? q->done : q->todo; j; j = j->next) trace_job(h, j);
  if (q->running) trace_job(h, q->running);
  pthread_mutex_unlock(&q->lock);
}

StCompileQueue *st_compile_queue_new(StVM *vm) {
  StCompileQueue *q = st_xcalloc(1, sizeof *q);
  pthread_mutex_init(&q->lock, NULL);
  pthread_cond_init(&q->wake, NULL);
  if (pthread_create(&q->thread, NULL, compiler_thread, q) != 0) {
    free(q);
    return NULL; /* no thread: the manager compiles synchronously */
  }
  st_gc_add_root_tracer(vm->heap, trace_jobs, q);
  return q;
}

void st_compile_queue_push(StCompileQueue *q, StJitJob *job) {
  pthread_mutex_lock(&q->lock);
  job->next = NULL;
  if (q->todo_tail) q->todo_tail->next = job;
  else q->todo = job;
  q->todo_tail = job;
  q->in_flight++;
  pthread_cond_signal(&q->wake);
  pthread_mutex_unlock(&q->lock);
}

StJitJob *st_compile_queue_take_done(StCompileQueue *q) {
  if (!q->in_flight) return NULL; /* the common case, without the lock */
  pthread_mutex_lock(&q->lock);
  StJitJob *done = q->done;
  q->done = NULL;
  for (StJitJob *j = done; j; j = j->next) q->in_flight--;
  pthread_mutex_unlock(&q->lock);
  return done;
}

void st_compile_queue_free(StVM *vm, StCompileQueue *q) {
  pthread_mutex_lock(&q->lock);
  q->quit = true;
  pthread_cond_signal(&q->wake);
  pthread_mutex_unlock(&q->lock);
  pthread_join(q->thread, NULL);
  st_gc_remove_root_tracer(vm->heap, trace_jobs, q);
  for (int list = 0; list < 2; list++) {
    StJitJob *j = list ? q->done : q->todo;
    while (j) {
      StJitJob *next = j->next;
      st_jit_job_free(j);
      j = next;
    }
  }
  pthread_mutex_destroy(&q->lock);
  pthread_cond_destroy(&q->wake);
  free(q);
}
