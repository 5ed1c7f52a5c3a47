// expect: SyntaxError: Unexpected token ';' @2:13
var v = 1 + ;
