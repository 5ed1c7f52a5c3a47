// expect: SyntaxError: Unexpected token '=>' @3:3
var f = (a, b)
  => a + b;
