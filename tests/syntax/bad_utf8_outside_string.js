// expect: SyntaxError: Invalid or unexpected token @3:9
var x = 1;
var y = ÿ;
