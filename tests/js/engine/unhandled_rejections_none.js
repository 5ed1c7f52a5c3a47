// engine-only: Strata's --unhandled-rejections=none (as node's flag; test262 runs with it)
// flags: --unhandled-rejections=none
// With none, unhandled rejections are silent and do not change the exit status.
Promise.reject(new Error('ignored'));
(async function () { throw new TypeError('also ignored'); })();
setTimeout(function () { print('timers still run'); }, 0);
print('sync');
// expect: sync
// expect: timers still run
