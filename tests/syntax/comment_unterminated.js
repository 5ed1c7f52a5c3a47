// expect: SyntaxError: Invalid or unexpected token @2:12
var x = 1; /* comment
never closed
