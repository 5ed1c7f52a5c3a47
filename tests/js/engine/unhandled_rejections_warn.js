// engine-only: Strata's --unhandled-rejections=warn (as node's flag of the same name)
// flags: --unhandled-rejections=warn
// With warn, an unhandled rejection prints a warning with the reason on stderr and the
// program continues and exits 0.
Promise.reject(new Error('warned about'));
setTimeout(function () { print('timers still run'); }, 0);
print('sync');
// expect: sync
// expect: timers still run
// expect-stderr: warned about
