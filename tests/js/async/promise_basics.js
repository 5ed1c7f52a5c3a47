// Promise constructor, then/catch chains, resolution values, executor timing, errors in
// handlers, and non-function arguments to then (ignored: values and reasons pass through).
var p = new Promise(function (resolve, reject) {
  print('executor runs synchronously');
  resolve('first value');
  resolve('ignored second resolve');
  reject(new Error('ignored reject'));
});
p.then(function (v) { print('then got', v); return v.length; })
  .then(function (len) { print('chained value', len); throw new TypeError('from handler'); })
  .then(function () { print('skipped'); })
  .catch(function (e) { print('catch got', e.name, e.message); return 'recovered'; })
  .then(function (v) { print('after catch', v); });
Promise.resolve(1).then(null).then(undefined, undefined).then(5).then(function (v) { print('passed through non-functions', v); });
Promise.reject(new Error('reason')).then(function () { print('no'); }).then(null, function (e) { print('rejection passed through', e.message); });
new Promise(function () { throw new RangeError('executor threw'); }).catch(function (e) { print('executor throw becomes rejection', e.name); });
var thenResult = Promise.resolve();
print(thenResult.then() instanceof Promise, thenResult.then() !== thenResult, typeof Promise.prototype.catch);
print('sync end');

// Output:
// expect: executor runs synchronously
// expect: true true function
// expect: sync end
// expect: then got first value
// expect: executor throw becomes rejection RangeError
// expect: chained value 11
// expect: rejection passed through reason
// expect: catch got TypeError from handler
// expect: passed through non-functions 1
// expect: after catch recovered
