// expect: SyntaxError: Invalid Unicode escape sequence @2:5
var \u0031abc = 1;
