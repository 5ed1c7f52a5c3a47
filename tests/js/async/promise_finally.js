// finally: runs on both outcomes, receives no argument, passes the original value/reason
// through unless it throws or returns a rejected promise, and waits for a returned promise.
Promise.resolve('value').finally(function () {
  print('finally args:', arguments.length);
  return 'ignored';
}).then(function (v) { print('after finally:', v); });
Promise.reject(new Error('reason')).finally(function () { print('finally on rejection'); })
  .catch(function (e) { print('still rejected:', e.message); });
Promise.resolve('kept').finally(function () { throw new TypeError('finally threw'); })
  .catch(function (e) { print('finally throw wins:', e.name); });
Promise.resolve('kept').finally(function () { return Promise.reject(new Error('rejected in finally')); })
  .catch(function (e) { print(e.message); });
var waited = false;
Promise.resolve('v').finally(function () {
  return new Promise(function (res) { setTimeout(function () { waited = true; res('ignored'); }, 10); });
}).then(function (v) { print('finally waited:', waited, v); });
Promise.resolve(1).finally(5).then(function (v) { print('non-function finally:', v); });

// Output:
// expect: finally args: 0
// expect: finally on rejection
// expect: finally throw wins: TypeError
// expect: non-function finally: 1
// expect: after finally: value
// expect: still rejected: reason
// expect: rejected in finally
// expect: finally waited: true v
