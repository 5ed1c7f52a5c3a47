// expect: SyntaxError: Unexpected identifier 'b' @2:16
var o = { a: 1 b: 2 };
