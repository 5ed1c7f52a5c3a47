// expect: SyntaxError: Duplicate parameter name not allowed in this context @2:16
var f = (x, y, x) => x;
