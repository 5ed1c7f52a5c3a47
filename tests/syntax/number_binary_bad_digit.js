// expect: SyntaxError: Invalid or unexpected token @2:13
var x = 0b102;
