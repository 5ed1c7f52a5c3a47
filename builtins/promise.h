/* builtins/promise.h: Promise internals shared with the host (event loop, unhandled-rejection
 * tracking) and, through vm->hooks, with the interpreter (async functions). */
#ifndef ST_BUILTINS_PROMISE_H
#define ST_BUILTINS_PROMISE_H

#include "objects/object.h"

typedef struct StPromise {
  StObject obj;
  uint8_t state;   /* 0 pending, 1 fulfilled, 2 rejected */
  bool handled;    /* [[PromiseIsHandled]] */
  StValue result;
  StValue fulfill_reactions; /* JS array, 4 values per reaction, or undefined */
  StValue reject_reactions;
} StPromise;

bool st_promise_is(StValue v);
/* A new pending promise (the intrinsic %Promise%); ST_EXCEPTION on OOM. */
StValue st_promise_new(StVM *vm);
/* Resolve/reject a promise as its resolving functions would (no "already resolved" check). */
bool st_promise_resolve_with(StVM *vm, StValue promise, StValue resolution);
bool st_promise_reject_with(StVM *vm, StValue promise, StValue reason);
/* PerformPromiseThen; cap: {promise, resolve, reject} or NULL. */
bool st_promise_then(StVM *vm, StValue promise, StValue on_fulfilled, StValue on_rejected,
                     const StValue *cap);
/* PromiseResolve(%Promise%, x). */
StValue st_promise_resolve_value(StVM *vm, StValue x);

void st_lib_promise_init(StVM *vm);

#endif
