// Microtasks queued by microtasks run before any timer; chains interleave by depth.
setTimeout(function () { print('timer'); }, 0);
Promise.resolve().then(function () { print('a1'); }).then(function () { print('a2'); }).then(function () { print('a3'); });
Promise.resolve().then(function () { print('b1'); }).then(function () { print('b2'); });
queueMicrotask(function () {
  print('q1');
  queueMicrotask(function () {
    print('q2');
    queueMicrotask(function () { print('q3'); });
  });
});
print('sync');

// Output:
// expect: sync
// expect: a1
// expect: b1
// expect: q1
// expect: a2
// expect: b2
// expect: q2
// expect: a3
// expect: q3
// expect: timer
