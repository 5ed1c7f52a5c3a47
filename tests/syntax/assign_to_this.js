// expect: SyntaxError: Invalid left-hand side in assignment @2:1
this = {};
