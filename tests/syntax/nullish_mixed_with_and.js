// expect: SyntaxError: Unexpected token '??' @2:16
var v = a && b ?? c;
