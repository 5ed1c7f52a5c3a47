// expect: SyntaxError: Unexpected token ';' @2:14
var v = a ? b;
