// engine-only: the exact report format of an uncaught exception is Strata's
// An uncaught exception prints "Uncaught <Name>: <message>" as the first stderr line, then a
// JS stack trace naming the functions and this file, and exits 1.
function inner() { throw new TypeError('bad value ' + 42); }
function outer() { inner(); }
print('before');
outer();
// expect: before
// expect-uncaught: TypeError: bad value 42
// expect-stderr: inner
// expect-stderr: outer
// expect-stderr: uncaught_report.js:4
