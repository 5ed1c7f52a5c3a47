// Timers scheduled from microtasks and microtasks scheduled from timers.
Promise.resolve().then(function () {
  print('microtask schedules a timer');
  setTimeout(function () {
    print('timer from microtask');
    Promise.resolve().then(function () { print('microtask from that timer'); });
  }, 0);
});
setTimeout(function () {
  print('timer scheduled first');
  setTimeout(function () { print('timer from timer'); }, 0);
  queueMicrotask(function () { print('microtask from first timer'); });
}, 0);
print('sync done');

// Output:
// expect: sync done
// expect: microtask schedules a timer
// expect: timer scheduled first
// expect: microtask from first timer
// expect: timer from microtask
// expect: microtask from that timer
// expect: timer from timer
