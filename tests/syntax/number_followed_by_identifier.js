// expect: SyntaxError: Invalid or unexpected token @2:6
if (3in [1]) {}
