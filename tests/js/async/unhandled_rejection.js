// An unhandled rejection ends the process with exit status 1 after the microtasks drain and
// before any timer runs; the error's message is reported on stderr.
print('sync');
Promise.reject(new Error('nobody handles this'));
setTimeout(function () { print('timer must not run'); }, 0);
Promise.resolve().then(function () { print('microtask still runs'); });
// expect: sync
// expect: microtask still runs
// expect-exit: 1
// expect-stderr: nobody handles this
