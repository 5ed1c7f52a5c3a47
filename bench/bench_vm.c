/* bench/bench_vm.c: the engine set up as tools/strata.c does it, for benchmarks (bench_vm.h). */
#include "bench/bench_vm.h"

#include "builtins/builtins.h"
#include "frontend/compiler.h"
#include "interp/interp.h"
#include "objects/function.h"
#include "runtime/eventloop.h"
#include "runtime/host.h"
#include "support/diag.h"
#include "tiers/natives.h"
#include "tiers/tier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

StBenchVm *st_bench_vm_new(const char *tiers, bool eager, char *err, size_t errlen) {
  StBenchVm *bv = st_xcalloc(1, sizeof *bv);
  StFlags flags;
  st_flags_init(&flags);
  flags.allow_natives_syntax = true;
  flags.concurrent = false;
  flags.random_seed = 1;
  StVM *vm = bv->vm = st_vm_new(&flags);
  st_interp_init(vm);
  bv->interp_trace_proto = vm->hooks.trace_proto;
  bv->interp_free_proto = vm->hooks.free_proto;
  st_builtins_init(vm);
  st_host_init(vm, "strata_bench", NULL, 0, NULL);
  if (!st_eventloop_init(vm, "throw")) {
    snprintf(err, errlen, "event loop set-up failed");
    st_bench_vm_free(bv);
    return NULL;
  }
  if (!st_tier_init(vm, tiers, eager, err, errlen)) {
    st_bench_vm_free(bv);
    return NULL;
  }
  vm->hooks.natives = (void *)st_tier_natives();
  return bv;
}

void st_bench_vm_free(StBenchVm *bv) {
  if (!bv) return;
  StVM *vm = bv->vm;
  st_tier_free(vm);
  vm->hooks.trace_proto = bv->interp_trace_proto;
  vm->hooks.free_proto = bv->interp_free_proto;
  vm->hooks.hot = NULL;
  st_interp_free(vm);
  st_vm_free(vm);
  free(bv);
}

bool st_bench_vm_tier_available(StVM *vm, const char *name, char *why, size_t whylen) {
  const StTier *t = st_tier_find(name);
  if (!t) {
    snprintf(why, whylen, "tier %s unknown", name);
    return false;
  }
  const char *reason = NULL;
  if (!t->available(vm, &reason)) {
    snprintf(why, whylen, "tier %s not built: %s", name, reason ? reason : "unavailable");
    return false;
  }
  return true;
}

/* Reports an uncaught exception to stderr (with its stack) and names it in err. */
static void report(StVM *vm, const char *what, char *err, size_t errlen) {
  st_host_report_uncaught(vm, st_vm_take_exception(vm));
  snprintf(err, errlen, "%s threw (message on stderr)", what);
}

StProto *st_bench_vm_compile(StVM *vm, const char *src, char *err, size_t errlen) {
  StDiagList diags = {0};
  StCompileOptions copt = {.filename = "[bench]", .allow_natives_syntax = true,
                           .native_id = st_tier_native_id};
  StProto *p = st_compiler_compile_script(vm, src, strlen(src), &copt, &diags);
  if (!p) {
    if (st_vm_has_exception(vm)) {
      report(vm, "compiling the script", err, errlen);
    } else {
      const StDiag *d = diags.items.len ? &diags.items.data[0] : NULL;
      snprintf(err, errlen, "SyntaxError at %d:%d: %s", d ? (int)d->line : 0,
               d ? (int)d->col : 0, d ? d->message : "?");
    }
  }
  st_diag_free(&diags);
  return p;
}

bool st_bench_vm_run(StVM *vm, const char *src, char *err, size_t errlen) {
  StProto *p = st_bench_vm_compile(vm, src, err, errlen);
  if (!p) return false;
  StValue r = st_interp_run_script(vm, p);
  if (r == ST_EXCEPTION) {
    report(vm, "the script", err, errlen);
    return false;
  }
  if (!st_eventloop_drain_microtasks(vm)) {
    snprintf(err, errlen, "a microtask threw (message on stderr)");
    return false;
  }
  return true;
}

StValue st_bench_vm_global(StVM *vm, const char *name) {
  StString *key = st_string_intern_cstr(vm, name);
  if (!key) return ST_UNDEFINED;
  StValue v = st_object_get(vm, vm->global, st_string_value(key), st_object_value(vm->global));
  if (v == ST_EXCEPTION) {
    st_vm_take_exception(vm);
    return ST_UNDEFINED;
  }
  return v;
}

StProto *st_bench_vm_proto(StValue fn) {
  if (!st_is_object(fn) || st_get_object(fn)->hdr.kind != ST_KIND_FUNCTION) return NULL;
  return ((StFunction *)st_get_object(fn))->proto;
}

StValue st_bench_vm_call(StVM *vm, StValue fn, uint32_t argc, const StValue *argv, char *err,
                         size_t errlen) {
  StValue r = st_vm_call(vm, fn, ST_UNDEFINED, argc, argv);
  if (r == ST_EXCEPTION) report(vm, "the call", err, errlen);
  return r;
}

const char *st_bench_vm_tier_of(StVM *vm, StValue fn) {
  StProto *p = st_bench_vm_proto(fn);
  return p ? st_tier_current_name(vm, p) : "?";
}
