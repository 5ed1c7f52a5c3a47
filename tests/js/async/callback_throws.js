// An exception thrown in a timer callback is uncaught: the process reports it and exits 1;
// later timers do not run.
setTimeout(function () {
  print('first timer');
  throw new TypeError('thrown in a timer');
}, 0);
setTimeout(function () { print('second timer must not run'); }, 20);
print('sync');
// expect: sync
// expect: first timer
// expect-uncaught: TypeError: thrown in a timer
