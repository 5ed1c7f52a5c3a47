// How many ticks resolution takes: resolving with a value is immediate; resolving a promise
// with another promise takes two extra ticks (NewPromiseResolveThenableJob + then).
var log = [];
function tick(label, n) { var p = Promise.resolve(); for (var i = 0; i < n; i++) p = p.then(function () {}); return p.then(function () { log.push(label); }); }
new Promise(function (r) { r('value'); }).then(function () { log.push('resolved with value'); });
new Promise(function (r) { r(Promise.resolve('inner')); }).then(function () { log.push('resolved with promise'); });
Promise.resolve(Promise.resolve('x')).then(function () { log.push('Promise.resolve(promise)'); });
Promise.resolve().then(function () { return Promise.resolve('returned'); }).then(function () { log.push('then returned promise'); });
tick('after 1 tick', 0);
tick('after 2 ticks', 1);
tick('after 3 ticks', 2);
tick('after 4 ticks', 3);
tick('after 5 ticks', 4);
setTimeout(function () { print(log.join('\n')); }, 0);
// expect: resolved with value
// expect: Promise.resolve(promise)
// expect: after 1 tick
// expect: after 2 ticks
// expect: resolved with promise
// expect: after 3 ticks
// expect: then returned promise
// expect: after 4 ticks
// expect: after 5 ticks
