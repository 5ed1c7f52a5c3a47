// expect: SyntaxError: Invalid or unexpected token @2:9
var x = 0x;
