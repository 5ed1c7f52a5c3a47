// expect: SyntaxError: Unexpected token 'class' @2:9
if (ok) class C {}
