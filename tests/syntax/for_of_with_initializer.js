// expect: SyntaxError: for-of loop variable declaration may not have an initializer. @2:10
for (let x = 0 of xs) {}
