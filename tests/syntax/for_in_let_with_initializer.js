// expect: SyntaxError: for-in loop variable declaration may not have an initializer. @2:10
for (let k = 0 in o) {}
