// Rejections that get a handler before the microtask queue drains are not reported, and the
// program exits 0; a handled rejection chain continues normally.
var p = Promise.reject(new Error('handled in a later microtask'));
Promise.resolve().then(function () { return null; }).then(function () {
  p.catch(function (e) { print('caught:', e.message); });
});
var q = Promise.reject(new Error('handled immediately'));
q.then(null, function (e) { print('caught:', e.message); });
Promise.reject(new Error('caught by allSettled')).then(null, function () {});
Promise.allSettled([Promise.reject(new Error('x'))]).then(function (r) { print('allSettled status:', r[0].status); });
print('sync');
setTimeout(function () { print('timers run: no unhandled rejection'); }, 0);

// Output:
// expect: sync
// expect: caught: handled immediately
// expect: allSettled status: rejected
// expect: caught: handled in a later microtask
// expect: timers run: no unhandled rejection
