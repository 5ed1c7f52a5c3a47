// expect: SyntaxError: Unexpected token 'class' @2:5
var class = 1;
