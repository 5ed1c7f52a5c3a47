// expect: SyntaxError: Unexpected token '=>' @3:3
var f = async x
  => x;
