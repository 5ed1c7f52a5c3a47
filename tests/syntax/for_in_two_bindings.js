// expect: SyntaxError: Invalid left-hand side in for-in loop: Must have a single binding. @2:6
for (var a, b in o) {}
