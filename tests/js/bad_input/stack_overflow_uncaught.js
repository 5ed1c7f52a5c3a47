// Uncaught runaway recursion ends the program with exit status 1 and the RangeError report,
// never a crash of the C stack.
function f(n) { return f(n + 1) + 1; }
print('before');  // expect: before
f(0);
print('not reached');
// expect-uncaught: RangeError: Maximum call stack size exceeded
