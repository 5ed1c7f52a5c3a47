// Synchronous code first, then every microtask, then timers (macrotasks), one at a time with
// the microtask queue drained after each.
print('sync 1');
setTimeout(function () { print('timeout 1'); }, 0);
Promise.resolve().then(function () { print('micro 1'); });
queueMicrotask(function () { print('micro 2'); });
setTimeout(function () {
  print('timeout 2');
  Promise.resolve().then(function () { print('micro inside timeout 2'); });
  queueMicrotask(function () { print('second micro inside timeout 2'); });
}, 0);
setTimeout(function () { print('timeout 3'); }, 0);
Promise.resolve().then(function () {
  print('micro 3');
  Promise.resolve().then(function () { print('micro 3 nested'); });
});
print('sync 2');

// Output:
// expect: sync 1
// expect: sync 2
// expect: micro 1
// expect: micro 2
// expect: micro 3
// expect: micro 3 nested
// expect: timeout 1
// expect: timeout 2
// expect: micro inside timeout 2
// expect: second micro inside timeout 2
// expect: timeout 3
