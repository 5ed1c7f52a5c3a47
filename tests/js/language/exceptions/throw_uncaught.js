// An uncaught exception ends the program after printing what ran before it.
print('before');  // expect: before
function thrower() { throw new TypeError('uncaught here'); }
thrower();
print('never printed');
// expect-uncaught: TypeError: uncaught here
