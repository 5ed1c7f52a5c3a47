/* profiler/prof.c: counters, events and the profiler's part of --stats. */
#include "profiler/prof.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

StProf *st_prof_new(void) {
  StProf *p = st_xcalloc(1, sizeof *p);
  p->out = stderr;
  p->start_ns = st_common_now_ns();
  return p;
}

void st_prof_free(StProf *p) {
  if (!p) return;
  for (size_t i = 0; i < p->compiles.len; i++) free(p->compiles.data[i].function);
  for (size_t i = 0; i < p->deopts.len; i++) free(p->deopts.data[i].function);
  st_vec_free(&p->compiles);
  st_vec_free(&p->deopts);
  free(p);
}

static double ms(uint64_t ns) { return (double)ns / 1e6; }

void st_prof_compile(StProf *p, const StCompileRecord *r) {
  StCompileRecord c = *r;
  c.function = st_xstrdup(r->function ? r->function : "?");
  st_vec_push(&p->compiles, c);
  if (!p->trace_tier) return;
  if (r->abort_reason)
    fprintf(p->out, "[tier] abort %s %s%s: %s (%.3f ms)\n", r->tier, c.function,
            r->osr ? " (osr)" : "", r->abort_reason, ms(r->total_ns));
  else
    fprintf(p->out,
            "[tier] compiled %s %s%s: %u bytecodes, %u ir, %llu bytes, %.3f ms (ir %.3f, passes "
            "%.3f, backend %.3f)\n",
            r->tier, c.function, r->osr ? " (osr)" : "", r->bytecodes, r->ir_insns,
            (unsigned long long)r->code_size, ms(r->total_ns), ms(r->ir_build_ns),
            ms(r->passes_ns), ms(r->backend_ns));
}

void st_prof_deopt(StProf *p, const char *function, const char *tier, const char *reason,
                   uint32_t pc, uint32_t depth) {
  p->ndeopts++;
  for (size_t i = 0; i < p->deopts.len; i++) {
    StDeoptCount *d = &p->deopts.data[i];
    if (d->pc == pc && d->tier == tier && d->reason == reason && !strcmp(d->function, function)) {
      d->count++;
      goto traced;
    }
  }
  {
    StDeoptCount d = {st_xstrdup(function), tier, reason, pc, 1};
    st_vec_push(&p->deopts, d);
  }
traced:
  if (p->trace_deopt)
    fprintf(p->out, "[deopt] %s @%u: %s (tier %s, depth %u)\n", function, pc, reason, tier, depth);
}

void st_prof_event(StProf *p, const char *what, const char *function, const char *fmt, ...) {
  if (!strcmp(what, "invalidate")) p->ninvalidations++;
  if (!strcmp(what, "osr")) p->nosr++;
  if (!p->trace_tier) return;
  fprintf(p->out, "[tier] %s %s", what, function ? function : "");
  if (fmt && *fmt) {
    fputs(": ", p->out);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(p->out, fmt, ap);
    va_end(ap);
  }
  fputc('\n', p->out);
}

void st_prof_totals(const StProf *p, StProfTotals *t) {
  memset(t, 0, sizeof *t);
  for (size_t i = 0; i < p->compiles.len; i++) {
    const StCompileRecord *r = &p->compiles.data[i];
    if (r->abort_reason) t->aborts++;
    else t->compiles++;
    t->compile_ns += r->total_ns;
  }
  t->deopts = p->ndeopts;
  t->invalidations = p->ninvalidations;
  t->osr = p->nosr;
}

static void json_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c < 0x20) fprintf(out, "\\u%04x", c);
    else fputc(c, out);
  }
  fputc('"', out);
}

void st_prof_write_json(const StProf *p, FILE *out) {
  fputs("\"compiles\": [", out);
  for (size_t i = 0; i < p->compiles.len; i++) {
    const StCompileRecord *r = &p->compiles.data[i];
    fputs(i ? ",\n    {" : "\n    {", out);
    fputs("\"function\": ", out);
    json_string(out, r->function);
    fputs(", \"tier\": ", out);
    json_string(out, r->tier);
    fprintf(out, ", \"ok\": %s", r->abort_reason ? "false" : "true");
    if (r->abort_reason) {
      fputs(", \"abort\": ", out);
      json_string(out, r->abort_reason);
    }
    fprintf(out,
            ", \"osr\": %s, \"bytecodes\": %u, \"ir_insns\": %u, \"code_bytes\": %llu, "
            "\"ir_build_ms\": %.4f, \"passes_ms\": %.4f, \"backend_ms\": %.4f, \"total_ms\": %.4f}",
            r->osr ? "true" : "false", r->bytecodes, r->ir_insns, (unsigned long long)r->code_size,
            ms(r->ir_build_ns), ms(r->passes_ns), ms(r->backend_ns), ms(r->total_ns));
  }
  fputs("],\n  \"deopts\": [", out);
  for (size_t i = 0; i < p->deopts.len; i++) {
    const StDeoptCount *d = &p->deopts.data[i];
    fputs(i ? ",\n    {" : "\n    {", out);
    fputs("\"function\": ", out);
    json_string(out, d->function);
    fputs(", \"tier\": ", out);
    json_string(out, d->tier);
    fputs(", \"reason\": ", out);
    json_string(out, d->reason);
    fprintf(out, ", \"pc\": %u, \"count\": %u}", d->pc, d->count);
  }
  fputs("]", out);
}
