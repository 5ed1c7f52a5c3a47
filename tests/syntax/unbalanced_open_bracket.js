// expect: SyntaxError: Unexpected token ';' @2:17
var a = [1, 2, 3;
