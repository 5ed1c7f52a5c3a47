// expect: SyntaxError: Unexpected token '}' @3:1
function f() {}
}
