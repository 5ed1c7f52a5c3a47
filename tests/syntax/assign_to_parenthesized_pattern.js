// expect: SyntaxError: Invalid left-hand side in assignment @2:2
({a}) = o;
