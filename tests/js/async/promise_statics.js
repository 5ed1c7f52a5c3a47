// Promise.resolve/reject, all, allSettled, race, any (AggregateError): ordering of results,
// empty inputs, non-promise values, first rejection wins.
function delay(ms, v, fail) { return new Promise(function (res, rej) { setTimeout(function () { fail ? rej(v) : res(v); }, ms); }); }
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
setTimeout(function () { forever.then(function () { print('never'); }); print('race([]) stays pending'); }, 40);
Promise.any([delay(10, new Error('e1'), true), delay(5, 'first success'), delay(20, 'second')]).then(function (v) { print('any:', v); });
Promise.any([Promise.reject(new Error('x')), Promise.reject(new Error('y'))]).catch(function (e) {
  print('any rejected:', e instanceof AggregateError, e.name, e.errors.map(function (x) { return x.message; }).join(','));
});
Promise.any([]).catch(function (e) { print('any empty:', e.constructor.name, e.errors.length); });
Promise.reject('plain reason').catch(function (r) { print('reject:', r); });
Promise.all('ab').then(function (vs) { print('all of a string:', vs.join('|')); });
Promise.all(5).catch(function (e) { print('all of a non-iterable:', e.name); });

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
