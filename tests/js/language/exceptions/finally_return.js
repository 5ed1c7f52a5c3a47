// return/break/continue/throw in finally override the completion of try and catch.
function tryReturns() { try { return 'try'; } finally { print('finally runs before the return'); } }
// expect: finally runs before the return
print(tryReturns());  // expect: try
function finallyOverrides() { try { return 'try'; } finally { return 'finally'; } }
print(finallyOverrides());  // expect: finally
function finallyOverridesThrow() { try { throw new Error('lost'); } finally { return 'finally wins over throw'; } }
print(finallyOverridesThrow());  // expect: finally wins over throw
function catchReturnFinallyOverride() { try { throw 1; } catch (e) { return 'catch'; } finally { return 'finally'; } }
print(catchReturnFinallyOverride());  // expect: finally
// The return value is computed before finally runs; finally changing the variable does not
// change what is returned.
function valueFixed() { var x = 'before'; try { return x; } finally { x = 'after'; } }
print(valueFixed());  // expect: before
function objectMutated() { var o = { v: 'before' }; try { return o; } finally { o.v = 'after'; } }
print(objectMutated().v);  // expect: after
// break in finally cancels a return or a throw.
function breakCancels() {
  for (;;) {
    try { return 'from try'; } finally { break; }
  }
  return 'after loop';
}
print(breakCancels());  // expect: after loop
function breakCancelsThrow() {
  do {
    try { throw new Error('swallowed'); } finally { break; }
  } while (false);
  return 'throw swallowed';
}
print(breakCancelsThrow());  // expect: throw swallowed
// continue in finally.
function continueInFinally() {
  var n = 0;
  for (var i = 0; i < 3; i++) {
    try { n += 10; return 'never'; } finally { n++; continue; }
  }
  return n;
}
print(continueInFinally());  // expect: 33
// Nested finally blocks run innermost first.
var order = [];
function nested() {
  try {
    try { return 'value'; } finally { order.push('inner'); }
  } finally {
    order.push('outer');
  }
}
print(nested(), order.join());  // expect: value inner,outer
// A finally without return keeps the original exception.
function keeps() { try { throw new TypeError('kept'); } finally { order.push('cleanup'); } }
try { keeps(); } catch (e) { print(e.name, e.message); }  // expect: TypeError kept
// Return from catch after a throw in try, with finally side effect.
var side = 0;
function combo() { try { throw 0; } catch (e) { return ++side; } finally { side += 10; } }
print(combo(), side);  // expect: 1 11
