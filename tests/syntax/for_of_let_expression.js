// expect: SyntaxError: The left-hand side of a for-of loop may not be 'let'. @2:6
for (let.x of xs) {}
