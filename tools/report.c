/* tools/report.c: the reports the CLI writes at exit.
 *
 * --stats=FILE is one JSON object:
 *   {"engine": "strata", "version": ..., "flags": {every flag},
 *    "wall_ms": ..., "gc": {collections, pause and byte totals},
 *    "totals": {compiles, aborts, compile_ms, deopts, invalidations, osr},
 *    "compiles": [one record per compile attempt: function, tier, ok/abort, osr, sizes,
 *                 ir_build_ms, passes_ms, backend_ms, total_ms],
 *    "deopts": [function, tier, reason, pc, count]}
 * experiments/ reads it; keep field names stable (add, do not rename).
 */
#include "tools/report.h"

#include "interp/feedback.h"
#include "support/flags.h"
#include "support/version.h"
#include "tiers/tier.h"

#include <stdlib.h>
#include <string.h>

static double ms(uint64_t ns) { return (double)ns / 1e6; }

bool st_report_stats(StVM *vm, const char *path, uint64_t wall_ns) {
  FILE *out = strcmp(path, "-") ? fopen(path, "w") : stderr;
  if (!out) {
    perror(path);
    return false;
  }
  fprintf(out, "{\n  \"engine\": \"strata\",\n  \"version\": \"%s\",\n  \"flags\": ", STRATA_VERSION);
  st_flags_print_json(out, &vm->flags);
  fprintf(out, ",\n  \"wall_ms\": %.3f,\n", ms(wall_ns));
  const StGcStats *g = st_gc_stats(vm->heap);
  fprintf(out,
          "  \"gc\": {\"collections\": %llu, \"pause_ms_total\": %.3f, \"pause_ms_max\": %.3f, "
          "\"mark_ms_total\": %.3f, \"sweep_ms_total\": %.3f, \"bytes_allocated\": %llu, "
          "\"bytes_live\": %llu, \"bytes_freed\": %llu},\n",
          (unsigned long long)g->collections, ms(g->pause_ns_total), ms(g->pause_ns_max),
          ms(g->mark_ns_total), ms(g->sweep_ns_total), (unsigned long long)g->bytes_allocated_total,
          (unsigned long long)g->bytes_live, (unsigned long long)g->bytes_freed_total);
  StProf *prof = st_tier_prof(vm);
  if (prof) {
    StProfTotals t;
    st_prof_totals(prof, &t);
    fprintf(out,
            "  \"totals\": {\"compiles\": %llu, \"aborts\": %llu, \"compile_ms\": %.3f, "
            "\"deopts\": %llu, \"invalidations\": %llu, \"osr\": %llu},\n  ",
            (unsigned long long)t.compiles, (unsigned long long)t.aborts, ms(t.compile_ns),
            (unsigned long long)t.deopts, (unsigned long long)t.invalidations,
            (unsigned long long)t.osr);
    st_prof_write_json(prof, out);
  } else {
    fputs("  \"compiles\": [], \"deopts\": []", out);
  }
  fputs("\n}\n", out);
  bool ok = !ferror(out);
  if (out != stderr) ok = fclose(out) == 0 && ok;
  if (!ok) fprintf(stderr, "strata: could not write --stats file '%s'\n", path);
  return ok;
}

static bool name_matches(StVM *vm, StProto *p, const char *name) {
  if (!strcmp(name, "*")) return true;
  if (!p->name) return false;
  char *u = st_string_to_utf8(vm, p->name, NULL);
  bool m = u && !strcmp(u, name);
  free(u);
  return m;
}

static void feedback_walk(StVM *vm, FILE *out, StProto *p, const char *name, int depth) {
  if (depth > 256) return; /* nesting is bounded by the parser; this is a backstop */
  if (name_matches(vm, p, name)) st_feedback_dump(vm, out, p);
  for (uint32_t i = 0; i < p->nconsts; i++) {
    StValue c = p->consts[i];
    if ((c >> ST_TAG_SHIFT) == ST_TAG_CELL && st_cell_kind(st_nanbox_pointer(c)) == ST_KIND_PROTO)
      feedback_walk(vm, out, (StProto *)st_nanbox_pointer(c), name, depth + 1);
  }
}

void st_report_feedback(StVM *vm, FILE *out, StProto *script, const char *name) {
  feedback_walk(vm, out, script, name, 0);
}
