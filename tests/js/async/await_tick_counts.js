// The number of microtask ticks an await takes, as in node: awaiting a native promise or a
// plain value resumes after one tick; awaiting a thenable after two (one job calls its then);
// an async function that returns a promise settles two ticks later than one returning a value.
var log = [];
function ticker(n) {
  var p = Promise.resolve();
  for (var i = 1; i <= n; i++) {
    (function (i) { p = p.then(function () { log.push('tick' + i); }); })(i);
  }
  return p;
}
async function awaitPromise() { await Promise.resolve(); log.push('await promise done'); }
async function awaitValue() { await 42; log.push('await value done'); }
async function awaitThenable() { await { then: function (r) { r(); } }; log.push('await thenable done'); }
async function returnsPromise() { return Promise.resolve('v'); }
async function returnsValue() { return 'v'; }
awaitPromise();
awaitValue();
awaitThenable();
returnsPromise().then(function () { log.push('returned promise settled'); });
returnsValue().then(function () { log.push('returned value settled'); });
ticker(5).then(function () { print(log.join('\n')); });
// expect: await promise done
// expect: await value done
// expect: returned value settled
// expect: tick1
// expect: await thenable done
// expect: tick2
// expect: returned promise settled
// expect: tick3
// expect: tick4
// expect: tick5
