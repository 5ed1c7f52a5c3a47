// Promise.resolve/reject, all, allSettled, race, any (AggregateError): ordering of results,
// empty inputs, non-promise values, first rejection wins.
// Settling order comes from a virtual clock, not from real time: every delay(ms) waits for its
// turn in one chain of zero-delay timers (one macrotask per settlement, microtasks drained in
// between, as with real timers), so the order holds however slow the engine runs (stress modes).
var timers = [];
function after(ms, fn) { timers.push({ ms: ms, seq: timers.length, fn: fn }); }
function delay(ms, v, fail) { return new Promise(function (res, rej) { after(ms, function () { fail ? rej(v) : res(v); }); }); }
function runTimers() {
  timers.sort(function (a, b) { return a.ms - b.ms || a.seq - b.seq; });
  var i = 0;
  (function next() { if (i < timers.length) { timers[i++].fn(); setTimeout(next, 0); } })();
}
var p = Promise.resolve(5);
print(Promise.resolve(p) === p, Promise.resolve(1) instanceof Promise);
Promise.all([delay(30, 'slow'), delay(5, 'fast'), 'plain', Promise.resolve('resolved')]).then(function (vs) { print('all:', vs.join(',')); });
Promise.all([]).then(function (vs) { print('all empty:', vs.length); });
Promise.all([delay(5, 'ok'), delay(10, new Error('bad'), true), delay(15, new Error('later'), true)]).catch(function (e) { print('all rejected with first:', e.message); });
Promise.allSettled([Promise.resolve(1), Promise.reject(new Error('no')), 3]).then(function (rs) {
  print('allSettled:', rs.map(function (r) { return r.status + ':' + (r.status === 'fulfilled' ? r.value : r.reason.message); }).join(' '));
  print('allSettled keys:', Object.keys(rs[0]).join(), Object.keys(rs[1]).join());
});
Promise.race([delay(20, 'slow'), delay(5, 'fast')]).then(function (v) { print('race:', v); });
Promise.race([delay(20, 'slow'), delay(5, new Error('fast failure'), true)]).catch(function (e) { print('race rejected:', e.message); });
var forever = Promise.race([]);
after(40, function () { forever.then(function () { print('never'); }); print('race([]) stays pending'); });
Promise.any([delay(10, new Error('e1'), true), delay(5, 'first success'), delay(20, 'second')]).then(function (v) { print('any:', v); });
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch(function (e) {
  print('any rejected:', e instanceof AggregateError, e.name, e.errors.map(function (x) { return x.message; }).join(','));
});
Promise.any([]).catch(function (e) { print('any empty:', e.constructor.name, e.errors.length); });
Promise.reject('plain reason').catch(function (r) { print('reject:', r); });
Promise.all('ab').then(function (vs) { print('all of a string:', vs.join('|')); });
Promise.all(5).catch(function (e) { print('all of a non-iterable:', e.name); });
setTimeout(runTimers, 0);

// Output:
// expect: true true
// expect: all empty: 0
// expect: any empty: AggregateError 0
// expect: reject: plain reason
// expect: all of a non-iterable: TypeError
// expect: allSettled: fulfilled:1 rejected:no fulfilled:3
// expect: allSettled keys: status,value status,reason
// expect: any rejected: true AggregateError x,y
// expect: all of a string: a|b
// expect: race: fast
// expect: race rejected: fast failure
// expect: any: first success
// expect: all rejected with first: bad
// expect: all: slow,fast,plain,resolved
// expect: race([]) stays pending
