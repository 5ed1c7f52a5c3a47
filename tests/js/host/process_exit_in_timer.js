// process.exit inside a timer callback stops the event loop.
setTimeout(function () { print('first timer'); process.exit(0); print('not reached'); }, 0);
setTimeout(function () { print('second timer must not run'); }, 50);
print('sync');
// expect: sync
// expect: first timer
