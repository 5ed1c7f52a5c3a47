/* tiers/compile_queue.c: background compilation: one compiler thread running backends while
 * the interpreter continues (tier.h explains the split of work and when code is installed).
 *
 * Two lists under one mutex: `todo` (main -> compiler thread) and `done` (compiler thread ->
 * main). The main thread never waits for a compile except at exit. Jobs keep their proto and
 * the cells their IR embeds alive (a GC root tracer), since the proto may otherwise die while
 * its code is being generated.
 *
 * Batches: a backend whose plugin exports a batch entry (libgccjit: ST_GCCJIT_BATCH_SYMBOL,
 * backends/gccjit/gccjit.h) pays a fixed cost per compile (the driver's `as` and `ld` runs,
 * 13-20 ms), so when the thread takes a job for such a backend and more jobs for the same
 * backend are waiting, it compiles up to BATCH_MAX of them in one call. Only waiting jobs are
 * batched (the thread never holds a job back to wait for company), so a lone compile is never
 * delayed. A batch that fails is compiled again one job at a time, so one function the backend
 * rejects cannot take the others down with it. STRATA_GCCJIT_BATCH=0 in the environment turns
 * batching off (for measuring what it saves).
 */
#include "tiers/tier_internal.h"

#include "backends/gccjit/gccjit.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { BATCH_MAX = 8 };

struct StCompileQueue {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t wake;
  StJitJob *todo, *todo_tail, *done;
  StJitJob *running[BATCH_MAX]; /* the jobs the compiler thread is generating: traced too */
  uint32_t nrunning;
  bool quit;
  bool no_batches; /* STRATA_GCCJIT_BATCH=0 */
  uint32_t in_flight;
};

/* The batch entry of the job's backend plugin, or NULL (the plugin is loaded: begin() did). */
static StGccjitCompileBatchFn batch_entry(const StJitJob *job) {
  StBackendPlugin *pl = job->cfg.plugin;
  if (!pl || !pl->ok || !pl->dl) return NULL;
  return (StGccjitCompileBatchFn)dlsym(pl->dl, ST_GCCJIT_BATCH_SYMBOL);
}

static bool same_backend(const StJitJob *a, const StJitJob *b) {
  return a->cfg.plugin == b->cfg.plugin && a->cfg.opt_level == b->cfg.opt_level &&
         a->cfg.fast_isel == b->cfg.fast_isel &&
         (a->cfg.pipeline == b->cfg.pipeline ||
          (a->cfg.pipeline && b->cfg.pipeline && !strcmp(a->cfg.pipeline, b->cfg.pipeline)));
}

/* Moves the first waiting job and, when its backend compiles batches, the other waiting jobs
 * for the same backend and options to q->running. Called with q->lock held. */
static StGccjitCompileBatchFn take_jobs(StCompileQueue *q) {
  StJitJob *first = q->todo;
  q->todo = first->next;
  q->running[0] = first;
  q->nrunning = 1;
  StGccjitCompileBatchFn batch = NULL;
  if (q->todo && !q->no_batches && (batch = batch_entry(first))) {
    for (StJitJob **link = &q->todo; *link && q->nrunning < BATCH_MAX;) {
      StJitJob *j = *link;
      if (same_backend(first, j)) {
        *link = j->next;
        q->running[q->nrunning++] = j;
      } else {
        link = &j->next;
      }
    }
  }
  q->todo_tail = NULL;
  for (StJitJob *j = q->todo; j; j = j->next) q->todo_tail = j;
  return batch;
}

/* The backend half of n jobs in one batch call (st_jit_generate's work for each). */
static void generate_batch(StJitJob *const *jobs, uint32_t n, StGccjitCompileBatchFn batch) {
  StBackendPlugin *pl = jobs[0]->cfg.plugin;
  const StJitConfig *cfg = &jobs[0]->cfg;
  StBackendOptions bopt = {.opt_level = cfg->opt_level,
                           .fast_isel = cfg->fast_isel || cfg->opt_level == 0,
                           .pipeline = cfg->pipeline};
  StIrFunc *fs[BATCH_MAX];
  const char *names[BATCH_MAX];
  StBackendResult res[BATCH_MAX];
  for (uint32_t k = 0; k < n; k++) {
    fs[k] = &jobs[k]->ir;
    names[k] = jobs[k]->name;
  }
  uint64_t t = st_common_now_ns();
  pthread_mutex_lock(&pl->lock);
  bool ok = batch(pl->state, fs, names, n, &bopt, res);
  pthread_mutex_unlock(&pl->lock);
  uint64_t each = (st_common_now_ns() - t) / n;
  for (uint32_t k = 0; k < n; k++) {
    StJitJob *job = jobs[k];
    if (!ok) {
      job->code->tier->generate(job); /* one at a time: the failure names its function */
      continue;
    }
    job->res = res[k];
    job->ok = true;
    job->rec.backend_ns = each;
    st_ir_free(&job->ir);
    job->ir_freed = true;
  }
}

static void *compiler_thread(void *arg) {
  StCompileQueue *q = arg;
  pthread_mutex_lock(&q->lock);
  for (;;) {
    while (!q->todo && !q->quit) pthread_cond_wait(&q->wake, &q->lock);
    if (q->quit) break;
    StGccjitCompileBatchFn batch = take_jobs(q);
    StJitJob *jobs[BATCH_MAX];
    uint32_t n = q->nrunning;
    memcpy(jobs, q->running, n * sizeof *jobs);
    pthread_mutex_unlock(&q->lock);
    if (n > 1) generate_batch(jobs, n, batch);
    else jobs[0]->code->tier->generate(jobs[0]);
    pthread_mutex_lock(&q->lock);
    q->nrunning = 0;
    for (uint32_t k = 0; k < n; k++) {
      jobs[k]->next = q->done;
      q->done = jobs[k];
    }
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
  for (uint32_t k = 0; k < q->nrunning; k++) trace_job(h, q->running[k]);
  pthread_mutex_unlock(&q->lock);
}

StCompileQueue *st_compile_queue_new(StVM *vm) {
  StCompileQueue *q = st_xcalloc(1, sizeof *q);
  const char *env = getenv("STRATA_GCCJIT_BATCH");
  q->no_batches = env && !strcmp(env, "0");
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
