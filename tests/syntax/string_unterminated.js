// expect: SyntaxError: Invalid or unexpected token @2:9
var s = 'abc;
