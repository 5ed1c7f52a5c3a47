// An exception thrown in a queueMicrotask callback is uncaught as well.
queueMicrotask(function () {
  print('in microtask');
  throw new RangeError('thrown in a microtask');
});
setTimeout(function () { print('timer must not run'); }, 0);
print('sync');
// expect: sync
// expect: in microtask
// expect-uncaught: RangeError: thrown in a microtask
