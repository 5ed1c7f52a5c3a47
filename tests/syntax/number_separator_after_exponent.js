// expect: SyntaxError: Invalid or unexpected token @2:11
var x = 1e_5;
