/* builtins/lib_promise.c: Promise, following the specification's abstract operations
 * (ECMA-262 section 27.2) step by step, so that the order of jobs, and hence of every
 * observable callback, is the one node produces.
 *
 *  - Jobs (PromiseReactionJob, PromiseResolveThenableJob) are native functions enqueued with
 *    vm->hooks.enqueue_job; runtime/eventloop.c runs them.
 *  - Reactions of a pending promise are kept in a JS array, four values per reaction:
 *    [capability promise, capability resolve, capability reject, handler] (undefined fields
 *    where the reaction has no capability, as for await).
 *  - "Already resolved" is shared by a resolve/reject pair through a one-element array.
 *  - Rejection tracking (HostPromiseRejectionTracker) reports to the host through
 *    vm->hooks.promise_rejected so unhandled rejections can be reported as node does.
 */
#include "builtins/builtins.h"

#include "builtins/promise.h"

#include <stdlib.h>

enum { PENDING, FULFILLED, REJECTED };
enum { REACT_FULFILL, REACT_REJECT };

static void trace_promise(StHeap *h, StCell *c) {
  StPromise *p = (StPromise *)c;
  st_object_trace_base(h, &p->obj);
  st_gc_mark_value(h, p->result);
  st_gc_mark_value(h, p->fulfill_reactions);
  st_gc_mark_value(h, p->reject_reactions);
}

static void finalize_promise(StHeap *h, StCell *c) { st_object_finalize_base(h, (StObject *)c); }

bool st_promise_is(StValue v) {
  return st_is_object(v) && st_get_object(v)->hdr.kind == ST_KIND_PROMISE;
}

static StPromise *as_promise(StValue v) { return (StPromise *)st_get_object(v); }

/* --- the data of native closures ---
 * data[0..2] of StNativeFunction carry what each closure needs; see each constructor below. */

static StNativeFunction *native(StVM *vm, StNativeFn fn, const char *name, uint32_t len) {
  return st_function_new_native(vm, fn, name, len, false);
}

/* --- TriggerPromiseReactions / FulfillPromise / RejectPromise --- */

static StValue reaction_job(StVM *vm, StCallInfo *ci);

/* Enqueues a PromiseReactionJob for each reaction (4 values each) in list. */
static bool trigger_reactions(StVM *vm, StValue list, int type, StValue argument) {
  if (!st_is_object(list)) return true;
  StObject *a = st_get_object(list);
  uint32_t n = st_array_length(a);
  for (uint32_t i = 0; i + 3 < n; i += 4) {
    StNativeFunction *job = native(vm, reaction_job, "", 1) /* jobs are never visible to JS: no name */;
    if (!job) return false;
    StObject *rec = st_array_from(vm, 4, &a->elements->data[i]);
    if (!rec) return false;
    job->data[0] = st_object_value(rec);
    job->data[1] = st_int(type);
    vm->hooks.enqueue_job(vm, st_object_value(&job->obj), argument);
  }
  return true;
}

static bool settle(StVM *vm, StPromise *p, int state, StValue value) {
  StValue reactions = state == FULFILLED ? p->fulfill_reactions : p->reject_reactions;
  p->result = value;
  p->state = (uint8_t)state;
  p->fulfill_reactions = ST_UNDEFINED;
  p->reject_reactions = ST_UNDEFINED;
  if (state == REJECTED && !p->handled && vm->hooks.promise_rejected)
    vm->hooks.promise_rejected(vm, st_object_value(&p->obj), false);
  return trigger_reactions(vm, reactions, state == FULFILLED ? REACT_FULFILL : REACT_REJECT, value);
}

/* --- resolving functions (CreateResolvingFunctions) --- */

static StValue resolve_thenable_job(StVM *vm, StCallInfo *ci);

bool st_promise_resolve_with(StVM *vm, StValue promise, StValue resolution) {
  StPromise *p = as_promise(promise);
  if (resolution == promise) {
    StObject *e = st_builtins_make_error(vm, ST_ERROR_TYPE,
                                         st_builtins_string(vm, "Chaining cycle detected for promise #<Promise>"));
    if (!e) return false;
    return settle(vm, p, REJECTED, st_object_value(e));
  }
  if (!st_is_object(resolution)) return settle(vm, p, FULFILLED, resolution);
  StValue then = st_value_get(vm, resolution, st_string_value(vm->atoms.then));
  if (then == ST_EXCEPTION) return settle(vm, p, REJECTED, st_vm_take_exception(vm));
  if (!st_value_is_callable(then)) return settle(vm, p, FULFILLED, resolution);
  StNativeFunction *job = native(vm, resolve_thenable_job, "", 0) /* never visible to JS */;
  if (!job) return false;
  job->data[0] = promise;
  job->data[1] = resolution;
  job->data[2] = then;
  vm->hooks.enqueue_job(vm, st_object_value(&job->obj), ST_UNDEFINED);
  return true;
}

bool st_promise_reject_with(StVM *vm, StValue promise, StValue reason) {
  return settle(vm, as_promise(promise), REJECTED, reason);
}

/* data[0] = promise, data[1] = the shared [alreadyResolved] array */
static bool take_resolution(StVM *vm, StNativeFunction *self) {
  (void)vm;
  StObject *flag = st_get_object(self->data[1]);
  if (flag->elements->data[0] == ST_TRUE) return false;
  flag->elements->data[0] = ST_TRUE;
  return true;
}

static StValue resolve_function(StVM *vm, StCallInfo *ci) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  if (!take_resolution(vm, self)) return ST_UNDEFINED;
  return st_promise_resolve_with(vm, self->data[0], st_arg(ci, 0)) ? ST_UNDEFINED : ST_EXCEPTION;
}

static StValue reject_function(StVM *vm, StCallInfo *ci) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  if (!take_resolution(vm, self)) return ST_UNDEFINED;
  return st_promise_reject_with(vm, self->data[0], st_arg(ci, 0)) ? ST_UNDEFINED : ST_EXCEPTION;
}

static bool make_resolving_functions(StVM *vm, StValue promise, StValue out[2]) {
  StValue f = ST_FALSE;
  StObject *flag = st_array_from(vm, 1, &f);
  if (!flag) return false;
  StNativeFunction *res = native(vm, resolve_function, "", 1);
  if (!res) return false;
  res->data[0] = promise;
  res->data[1] = st_object_value(flag);
  StNativeFunction *rej = native(vm, reject_function, "", 1);
  if (!rej) return false;
  rej->data[0] = promise;
  rej->data[1] = st_object_value(flag);
  out[0] = st_object_value(&res->obj);
  out[1] = st_object_value(&rej->obj);
  return true;
}

/* --- jobs --- */

/* PromiseReactionJob: data[0] = reaction [capPromise, capResolve, capReject, handler],
 * data[1] = type; argument in argv[0]. */
static StValue reaction_job(StVM *vm, StCallInfo *ci) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  StObject *rec = st_get_object(self->data[0]);
  int type = st_get_int(self->data[1]);
  StValue *r = rec->elements->data;
  StValue cap_promise = r[0], cap_resolve = r[1], cap_reject = r[2], handler = r[3];
  StValue argument = st_arg(ci, 0);
  StValue result;
  bool ok = true;
  if (st_is_undefined(handler)) {
    result = argument;
    ok = type == REACT_FULFILL;
  } else {
    result = st_vm_call(vm, handler, ST_UNDEFINED, 1, &argument);
    if (result == ST_EXCEPTION) {
      ok = false;
      result = st_vm_take_exception(vm);
    }
  }
  if (st_is_undefined(cap_promise) && st_is_undefined(cap_resolve)) {
    /* No capability (await, and internal reactions): errors propagate to the job runner. */
    if (!ok && !st_is_undefined(handler)) return st_vm_throw(vm, result);
    return ST_UNDEFINED;
  }
  StValue fn = ok ? cap_resolve : cap_reject;
  return st_vm_call(vm, fn, ST_UNDEFINED, 1, &result);
}

/* PromiseResolveThenableJob: data = [promise, thenable, then]. */
static StValue resolve_thenable_job(StVM *vm, StCallInfo *ci) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  StValue fns[2];
  if (!make_resolving_functions(vm, self->data[0], fns)) return ST_EXCEPTION;
  StValue r = st_vm_call(vm, self->data[2], self->data[1], 2, fns);
  if (r == ST_EXCEPTION) {
    StValue e = st_vm_take_exception(vm);
    return st_vm_call(vm, fns[1], ST_UNDEFINED, 1, &e);
  }
  return ST_UNDEFINED;
}

/* --- capabilities --- */

static StValue executor_function(StVM *vm, StCallInfo *ci) {
  /* GetCapabilitiesExecutor: data[0] = [resolve, reject] array being filled. */
  StObject *slots = st_get_object(((StNativeFunction *)ci->callee)->data[0]);
  StValue *s = slots->elements->data;
  if (!st_is_undefined(s[0]) || !st_is_undefined(s[1]))
    return st_vm_type_error(vm, "Promise executor has already been invoked with non-undefined arguments");
  s[0] = st_arg(ci, 0);
  s[1] = st_arg(ci, 1);
  return ST_UNDEFINED;
}

static StObject *promise_alloc(StVM *vm, StObject *proto) {
  StPromise *p = (StPromise *)st_object_alloc(vm, ST_KIND_PROMISE, sizeof(StPromise), proto, 0);
  if (!p) return NULL;
  p->state = PENDING;
  p->result = ST_UNDEFINED;
  p->fulfill_reactions = ST_UNDEFINED;
  p->reject_reactions = ST_UNDEFINED;
  return &p->obj;
}

StValue st_promise_new(StVM *vm) {
  StObject *p = promise_alloc(vm, vm->intrinsics.PromisePrototype);
  return p ? st_object_value(p) : ST_EXCEPTION;
}

/* NewPromiseCapability(C): out = {promise, resolve, reject}. */
static bool new_capability(StVM *vm, StValue c, StValue out[3]) {
  if (c == st_object_value(vm->intrinsics.Promise)) {
    /* The intrinsic constructor: no observable difference in skipping the executor. */
    StValue p = st_promise_new(vm);
    if (p == ST_EXCEPTION) return false;
    StValue fns[2];
    if (!make_resolving_functions(vm, p, fns)) return false;
    out[0] = p;
    out[1] = fns[0];
    out[2] = fns[1];
    return true;
  }
  if (!st_is_object(c) || !(st_get_object(c)->hdr.flags & ST_OBJECT_CONSTRUCTOR)) {
    st_vm_type_error(vm, "Promise resolve or reject function is not callable");
    return false;
  }
  StValue init[2] = {ST_UNDEFINED, ST_UNDEFINED};
  StObject *slots = st_array_from(vm, 2, init);
  if (!slots) return false;
  StNativeFunction *ex = native(vm, executor_function, "", 2);
  if (!ex) return false;
  ex->data[0] = st_object_value(slots);
  StValue exv = st_object_value(&ex->obj);
  StValue p = st_vm_construct(vm, c, 1, &exv, c);
  if (p == ST_EXCEPTION) return false;
  if (!st_value_is_callable(slots->elements->data[0]) || !st_value_is_callable(slots->elements->data[1])) {
    st_vm_type_error(vm, "Promise resolve or reject function is not callable");
    return false;
  }
  out[0] = p;
  out[1] = slots->elements->data[0];
  out[2] = slots->elements->data[1];
  return true;
}

/* PerformPromiseThen(promise, onFulfilled, onRejected, capability or NULL). */
bool st_promise_then(StVM *vm, StValue promise, StValue on_fulfilled, StValue on_rejected,
                     const StValue *cap) {
  StPromise *p = as_promise(promise);
  StValue fr[4] = {cap ? cap[0] : ST_UNDEFINED, cap ? cap[1] : ST_UNDEFINED,
                   cap ? cap[2] : ST_UNDEFINED,
                   st_value_is_callable(on_fulfilled) ? on_fulfilled : ST_UNDEFINED};
  StValue rr[4] = {fr[0], fr[1], fr[2], st_value_is_callable(on_rejected) ? on_rejected : ST_UNDEFINED};
  if (p->state == PENDING) {
    for (int k = 0; k < 2; k++) {
      StValue *list = k == 0 ? &p->fulfill_reactions : &p->reject_reactions;
      if (!st_is_object(*list)) {
        StObject *a = st_array_new(vm, 4);
        if (!a) return false;
        *list = st_object_value(a);
      }
      StValue *src = k == 0 ? fr : rr;
      for (int i = 0; i < 4; i++)
        if (!st_array_push(vm, st_get_object(*list), src[i])) return false;
    }
  } else {
    StValue *src = p->state == FULFILLED ? fr : rr;
    if (p->state == REJECTED && !p->handled && vm->hooks.promise_rejected)
      vm->hooks.promise_rejected(vm, promise, true);
    StObject *rec = st_array_from(vm, 4, src);
    if (!rec) return false;
    StNativeFunction *job = native(vm, reaction_job, "", 1) /* jobs are never visible to JS: no name */;
    if (!job) return false;
    job->data[0] = st_object_value(rec);
    job->data[1] = st_int(p->state == FULFILLED ? REACT_FULFILL : REACT_REJECT);
    vm->hooks.enqueue_job(vm, st_object_value(&job->obj), p->result);
  }
  p->handled = true;
  return true;
}

/* PromiseResolve(C, x). */
static StValue promise_resolve(StVM *vm, StValue c, StValue x) {
  if (st_promise_is(x)) {
    StValue ctor = st_value_get(vm, x, st_string_value(vm->atoms.constructor));
    if (ctor == ST_EXCEPTION) return ST_EXCEPTION;
    if (ctor == c) return x;
  }
  StValue cap[3];
  if (!new_capability(vm, c, cap)) return ST_EXCEPTION;
  if (st_vm_call(vm, cap[1], ST_UNDEFINED, 1, &x) == ST_EXCEPTION) return ST_EXCEPTION;
  return cap[0];
}

StValue st_promise_resolve_value(StVM *vm, StValue x) {
  return promise_resolve(vm, st_object_value(vm->intrinsics.Promise), x);
}

/* --- constructor and prototype --- */

static StValue promise_ctor(StVM *vm, StCallInfo *ci) {
  if (st_is_undefined(ci->new_target))
    return st_vm_type_error(vm, "Promise constructor cannot be invoked without 'new'");
  StValue executor = st_arg(ci, 0);
  if (!st_value_is_callable(executor)) {
    return st_vm_type_error(vm, "Promise resolver %s is not a function",
                            st_is_undefined(executor) ? "undefined" : "#<Object>");
  }
  StValue pv = st_value_get(vm, ci->new_target, st_string_value(vm->atoms.prototype));
  if (pv == ST_EXCEPTION) return pv;
  StObject *p = promise_alloc(vm, st_is_object(pv) ? st_get_object(pv) : vm->intrinsics.PromisePrototype);
  if (!p) return ST_EXCEPTION;
  StValue fns[2];
  if (!make_resolving_functions(vm, st_object_value(p), fns)) return ST_EXCEPTION;
  if (st_vm_call(vm, executor, ST_UNDEFINED, 2, fns) == ST_EXCEPTION) {
    StValue e = st_vm_take_exception(vm);
    if (st_vm_call(vm, fns[1], ST_UNDEFINED, 1, &e) == ST_EXCEPTION) return ST_EXCEPTION;
  }
  return st_object_value(p);
}

static StValue species_constructor(StVM *vm, StValue o) {
  StValue c = st_value_get(vm, o, st_string_value(vm->atoms.constructor));
  if (c == ST_EXCEPTION) return c;
  if (st_is_undefined(c)) return st_object_value(vm->intrinsics.Promise);
  if (!st_is_object(c)) return st_vm_type_error(vm, "The .constructor property is not an object");
  return c; /* Symbol.species is out of scope: the constructor itself */
}

static StValue promise_then_method(StVM *vm, StCallInfo *ci) {
  if (!st_promise_is(ci->this_val))
    return st_vm_type_error(vm, "Method Promise.prototype.then called on incompatible receiver");
  StValue c = species_constructor(vm, ci->this_val);
  if (c == ST_EXCEPTION) return c;
  StValue cap[3];
  if (!new_capability(vm, c, cap)) return ST_EXCEPTION;
  if (!st_promise_then(vm, ci->this_val, st_arg(ci, 0), st_arg(ci, 1), cap)) return ST_EXCEPTION;
  return cap[0];
}

static StValue invoke_then(StVM *vm, StValue p, StValue a, StValue b) {
  StValue then = st_value_get(vm, p, st_string_value(vm->atoms.then));
  if (then == ST_EXCEPTION) return then;
  if (!st_value_is_callable(then)) return st_vm_type_error(vm, "then is not a function");
  StValue args[2] = {a, b};
  return st_vm_call(vm, then, p, 2, args);
}

static StValue promise_catch(StVM *vm, StCallInfo *ci) {
  return invoke_then(vm, ci->this_val, ST_UNDEFINED, st_arg(ci, 0));
}

/* finally: thenFinally/catchFinally closures: data[0] = onFinally, data[1] = C. */
static StValue value_thunk(StVM *vm, StCallInfo *ci) {
  (void)vm;
  return ((StNativeFunction *)ci->callee)->data[0];
}
static StValue thrower_thunk(StVM *vm, StCallInfo *ci) {
  return st_vm_throw(vm, ((StNativeFunction *)ci->callee)->data[0]);
}

static StValue finally_step(StVM *vm, StCallInfo *ci, bool fulfilled) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  StValue result = st_vm_call(vm, self->data[0], ST_UNDEFINED, 0, NULL);
  if (result == ST_EXCEPTION) return result;
  StValue p = promise_resolve(vm, self->data[1], result);
  if (p == ST_EXCEPTION) return p;
  StNativeFunction *thunk = native(vm, fulfilled ? value_thunk : thrower_thunk, "", 0);
  if (!thunk) return ST_EXCEPTION;
  thunk->data[0] = st_arg(ci, 0);
  return invoke_then(vm, p, st_object_value(&thunk->obj), ST_UNDEFINED);
}
static StValue then_finally(StVM *vm, StCallInfo *ci) { return finally_step(vm, ci, true); }
static StValue catch_finally(StVM *vm, StCallInfo *ci) { return finally_step(vm, ci, false); }

static StValue promise_finally(StVM *vm, StCallInfo *ci) {
  if (!st_is_object(ci->this_val))
    return st_vm_type_error(vm, "Method Promise.prototype.finally called on incompatible receiver");
  StValue c = species_constructor(vm, ci->this_val);
  if (c == ST_EXCEPTION) return c;
  StValue on_finally = st_arg(ci, 0);
  if (!st_value_is_callable(on_finally)) return invoke_then(vm, ci->this_val, on_finally, on_finally);
  StNativeFunction *tf = native(vm, then_finally, "", 1);
  StNativeFunction *cf = native(vm, catch_finally, "", 1);
  if (!tf || !cf) return ST_EXCEPTION;
  tf->data[0] = cf->data[0] = on_finally;
  tf->data[1] = cf->data[1] = c;
  return invoke_then(vm, ci->this_val, st_object_value(&tf->obj), st_object_value(&cf->obj));
}

/* --- statics --- */

static StValue promise_static_resolve(StVM *vm, StCallInfo *ci) {
  if (!st_is_object(ci->this_val)) return st_vm_type_error(vm, "PromiseResolve called on non-object");
  return promise_resolve(vm, ci->this_val, st_arg(ci, 0));
}

static StValue promise_static_reject(StVM *vm, StCallInfo *ci) {
  StValue cap[3];
  if (!new_capability(vm, ci->this_val, cap)) return ST_EXCEPTION;
  StValue r = st_arg(ci, 0);
  if (st_vm_call(vm, cap[2], ST_UNDEFINED, 1, &r) == ST_EXCEPTION) return ST_EXCEPTION;
  return cap[0];
}

static StValue promise_with_resolvers(StVM *vm, StCallInfo *ci) {
  StValue cap[3];
  if (!new_capability(vm, ci->this_val, cap)) return ST_EXCEPTION;
  StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, 3);
  if (!o) return ST_EXCEPTION;
  if (st_object_define(vm, o, st_builtins_atom(vm, "promise"), cap[0], ST_ATTR_DEFAULT) < 0 ||
      st_object_define(vm, o, st_builtins_atom(vm, "resolve"), cap[1], ST_ATTR_DEFAULT) < 0 ||
      st_object_define(vm, o, st_builtins_atom(vm, "reject"), cap[2], ST_ATTR_DEFAULT) < 0)
    return ST_EXCEPTION;
  return st_object_value(o);
}

/* Combinators share one driver: iterate, call C.resolve on each value, then `then` with
 * per-element closures. The shared state is a JS array:
 *   state = [values array, remaining count, capability promise, resolve, reject]
 * and element closures carry data[0] = state, data[1] = index, data[2] = [alreadyCalled]. */
enum { COMB_ALL, COMB_ALL_SETTLED, COMB_ANY, COMB_RACE };

static StValue comb_finish(StVM *vm, StObject *state, int mode) {
  StValue *s = state->elements->data;
  if (mode == COMB_ANY) {
    StObject *err = st_builtins_make_error(vm, ST_ERROR_AGGREGATE,
                                           st_builtins_string(vm, "All promises were rejected"));
    if (!err) return ST_EXCEPTION;
    if (st_object_define(vm, err, st_string_value(vm->atoms.errors), s[0], ST_ATTR_HIDDEN) < 0)
      return ST_EXCEPTION;
    StValue e = st_object_value(err);
    return st_vm_call(vm, s[4], ST_UNDEFINED, 1, &e);
  }
  return st_vm_call(vm, s[3], ST_UNDEFINED, 1, &s[0]);
}

static StValue comb_element(StVM *vm, StCallInfo *ci, int mode, int which) {
  StNativeFunction *self = (StNativeFunction *)ci->callee;
  StObject *called = st_get_object(self->data[2]);
  if (called->elements->data[0] == ST_TRUE) return ST_UNDEFINED;
  called->elements->data[0] = ST_TRUE;
  StObject *state = st_get_object(self->data[0]);
  uint32_t index = (uint32_t)st_get_int(self->data[1]);
  StValue x = st_arg(ci, 0);
  StValue stored = x;
  if (mode == COMB_ALL_SETTLED) {
    StObject *o = st_object_new(vm, vm->intrinsics.ObjectPrototype, 2);
    if (!o) return ST_EXCEPTION;
    bool ok = which == 0;
    if (st_object_define(vm, o, st_string_value(vm->atoms.status),
                         st_string_value(ok ? vm->atoms.fulfilled : vm->atoms.rejected), ST_ATTR_DEFAULT) < 0 ||
        st_object_define(vm, o, st_string_value(ok ? vm->atoms.value : vm->atoms.reason), x,
                         ST_ATTR_DEFAULT) < 0)
      return ST_EXCEPTION;
    stored = st_object_value(o);
  }
  if (st_object_set_index(vm, st_get_object(state->elements->data[0]), index, stored,
                          state->elements->data[0], true) < 0)
    return ST_EXCEPTION;
  int32_t rem = st_get_int(state->elements->data[1]) - 1;
  state->elements->data[1] = st_int(rem);
  if (rem == 0) return comb_finish(vm, state, mode);
  return ST_UNDEFINED;
}

static StValue all_resolve_element(StVM *vm, StCallInfo *ci) { return comb_element(vm, ci, COMB_ALL, 0); }
static StValue settled_fulfill_element(StVM *vm, StCallInfo *ci) { return comb_element(vm, ci, COMB_ALL_SETTLED, 0); }
static StValue settled_reject_element(StVM *vm, StCallInfo *ci) { return comb_element(vm, ci, COMB_ALL_SETTLED, 1); }
static StValue any_reject_element(StVM *vm, StCallInfo *ci) { return comb_element(vm, ci, COMB_ANY, 1); }

static StNativeFunction *element_fn(StVM *vm, StNativeFn fn, StObject *state, uint32_t index,
                                    StValue called) {
  StNativeFunction *f = native(vm, fn, "", 1);
  if (!f) return NULL;
  f->data[0] = st_object_value(state);
  f->data[1] = st_int((int32_t)index);
  f->data[2] = called;
  return f;
}

static StValue combinator(StVM *vm, StCallInfo *ci, int mode) {
  StValue c = ci->this_val;
  StValue cap[3];
  if (!new_capability(vm, c, cap)) return ST_EXCEPTION;
  /* Any abrupt completion from here on rejects the capability (IfAbruptRejectPromise). */
  StValue resolve_fn = st_value_get(vm, c, st_builtins_atom(vm, "resolve"));
  StValue rec[2] = {ST_UNDEFINED, ST_UNDEFINED};
  bool iter_open = false;
  StValue values_arr = ST_UNDEFINED;
  StObject *state = NULL;
  if (resolve_fn == ST_EXCEPTION) goto reject;
  if (!st_value_is_callable(resolve_fn)) {
    st_vm_type_error(vm, "Promise resolve or reject function is not callable");
    goto reject;
  }
  {
    StValue iterable = st_arg(ci, 0);
    StValue method = st_value_get(vm, iterable, st_symbol_value(vm->sym_iterator));
    if (method == ST_EXCEPTION) goto reject;
    if (!st_value_is_callable(method)) {
      st_vm_type_error(vm, "%s is not iterable", st_is_undefined(iterable) ? "undefined" : "object");
      goto reject;
    }
    rec[0] = st_vm_call(vm, method, iterable, 0, NULL);
    if (rec[0] == ST_EXCEPTION) goto reject;
    if (!st_is_object(rec[0])) {
      st_vm_type_error(vm, "Result of the Symbol.iterator method is not an object");
      goto reject;
    }
    rec[1] = st_value_get(vm, rec[0], st_string_value(vm->atoms.next));
    if (rec[1] == ST_EXCEPTION) goto reject;
    iter_open = true;
  }
  StObject *values = st_array_new(vm, 0);
  if (!values) goto reject;
  values_arr = st_object_value(values);
  StValue init[5] = {values_arr, st_int(1), cap[0], cap[1], cap[2]};
  state = st_array_from(vm, 5, init);
  if (!state) goto reject;
  for (uint32_t index = 0;; index++) {
    StValue res = st_vm_call(vm, rec[1], rec[0], 0, NULL);
    if (res == ST_EXCEPTION) {
      iter_open = false;
      goto reject;
    }
    if (!st_is_object(res)) {
      iter_open = false;
      st_vm_type_error(vm, "Iterator result is not an object");
      goto reject;
    }
    StValue done = st_value_get(vm, res, st_string_value(vm->atoms.done));
    if (done == ST_EXCEPTION) {
      iter_open = false;
      goto reject;
    }
    if (st_value_truthy(done)) {
      iter_open = false;
      int32_t rem = st_get_int(state->elements->data[1]) - 1;
      state->elements->data[1] = st_int(rem);
      if (mode != COMB_RACE && rem == 0 && comb_finish(vm, state, mode) == ST_EXCEPTION) goto reject;
      return cap[0];
    }
    StValue next_value = st_value_get(vm, res, st_string_value(vm->atoms.value));
    if (next_value == ST_EXCEPTION) {
      iter_open = false;
      goto reject;
    }
    if (mode != COMB_RACE && !st_array_push(vm, values, ST_UNDEFINED)) goto reject;
    StValue p = st_vm_call(vm, resolve_fn, c, 1, &next_value);
    if (p == ST_EXCEPTION) goto reject;
    StValue on_ful = cap[1], on_rej = cap[2];
    if (mode != COMB_RACE) {
      StValue f = ST_FALSE;
      StObject *called = st_array_from(vm, 1, &f);
      if (!called) goto reject;
      StNativeFunction *a = NULL, *b = NULL;
      if (mode == COMB_ALL) a = element_fn(vm, all_resolve_element, state, index, st_object_value(called));
      if (mode == COMB_ALL_SETTLED) {
        a = element_fn(vm, settled_fulfill_element, state, index, st_object_value(called));
        b = element_fn(vm, settled_reject_element, state, index, st_object_value(called));
        if (!b) goto reject;
      }
      if (mode == COMB_ANY) b = element_fn(vm, any_reject_element, state, index, st_object_value(called));
      if ((mode != COMB_ANY && !a) || (mode == COMB_ANY && !b)) goto reject;
      if (a) on_ful = st_object_value(&a->obj);
      if (b) on_rej = st_object_value(&b->obj);
      state->elements->data[1] = st_int(st_get_int(state->elements->data[1]) + 1);
    }
    if (invoke_then(vm, p, on_ful, on_rej) == ST_EXCEPTION) goto reject;
  }
reject : {
  StValue e = st_vm_take_exception(vm);
  if (iter_open) {
    StValue ret = st_value_get(vm, rec[0], st_string_value(vm->atoms.return_));
    /* IteratorClose with a throw completion: return()'s own result or error is ignored. */
    if (ret != ST_EXCEPTION && st_value_is_callable(ret) &&
        st_vm_call(vm, ret, rec[0], 0, NULL) == ST_EXCEPTION)
      st_vm_take_exception(vm);
    if (st_vm_has_exception(vm)) st_vm_take_exception(vm);
  }
  if (st_vm_call(vm, cap[2], ST_UNDEFINED, 1, &e) == ST_EXCEPTION) return ST_EXCEPTION;
  return cap[0];
}
}

static StValue promise_all(StVM *vm, StCallInfo *ci) { return combinator(vm, ci, COMB_ALL); }
static StValue promise_all_settled(StVM *vm, StCallInfo *ci) { return combinator(vm, ci, COMB_ALL_SETTLED); }
static StValue promise_any(StVM *vm, StCallInfo *ci) { return combinator(vm, ci, COMB_ANY); }
static StValue promise_race(StVM *vm, StCallInfo *ci) { return combinator(vm, ci, COMB_RACE); }

/* --- hooks for the interpreter (async functions) --- */

static StValue hook_new(StVM *vm) { return st_promise_new(vm); }

static bool hook_await(StVM *vm, StValue v, StValue on_fulfilled, StValue on_rejected) {
  StValue p = st_promise_resolve_value(vm, v);
  if (p == ST_EXCEPTION) return false;
  return st_promise_then(vm, p, on_fulfilled, on_rejected, NULL);
}

void st_lib_promise_init(StVM *vm) {
  st_gc_register_kind(vm->heap, ST_KIND_PROMISE, "Promise", trace_promise, finalize_promise);
  StObject *proto = st_object_new(vm, vm->intrinsics.ObjectPrototype, 4);
  ST_CHECK(proto, "out of memory during realm set-up");
  vm->intrinsics.PromisePrototype = proto;
  StNativeFunction *ctor = st_builtins_ctor(vm, "Promise", promise_ctor, 1, proto);
  vm->intrinsics.Promise = &ctor->obj;
  st_builtins_method(vm, proto, "then", promise_then_method, 2);
  st_builtins_method(vm, proto, "catch", promise_catch, 1);
  st_builtins_method(vm, proto, "finally", promise_finally, 1);
  st_builtins_method(vm, &ctor->obj, "resolve", promise_static_resolve, 1);
  st_builtins_method(vm, &ctor->obj, "reject", promise_static_reject, 1);
  st_builtins_method(vm, &ctor->obj, "all", promise_all, 1);
  st_builtins_method(vm, &ctor->obj, "allSettled", promise_all_settled, 1);
  st_builtins_method(vm, &ctor->obj, "any", promise_any, 1);
  st_builtins_method(vm, &ctor->obj, "race", promise_race, 1);
  st_builtins_method(vm, &ctor->obj, "withResolvers", promise_with_resolvers, 0);
  vm->hooks.promise_new = hook_new;
  vm->hooks.promise_resolve = st_promise_resolve_with;
  vm->hooks.promise_reject = st_promise_reject_with;
  vm->hooks.await_value = hook_await;
}
