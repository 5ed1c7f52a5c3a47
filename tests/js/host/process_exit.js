// process.exit(code) ends the program at once with that status: no later code, no timers.
print('before exit');
setTimeout(function () { print('timer must not run'); }, 0);
Promise.resolve().then(function () { print('microtask must not run'); });
process.exit(3);
print('after exit');
// expect: before exit
// expect-exit: 3
