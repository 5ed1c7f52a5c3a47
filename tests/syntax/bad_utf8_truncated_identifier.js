// expect: SyntaxError: Invalid or unexpected token @2:8
var caf√ = 1;
