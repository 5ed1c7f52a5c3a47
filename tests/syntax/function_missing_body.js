// expect: SyntaxError: Unexpected token 'var' @3:1
function f(a)
var x;
