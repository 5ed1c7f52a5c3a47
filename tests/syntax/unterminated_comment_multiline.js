// expect: SyntaxError: Invalid or unexpected token @2:1
/*
 * a doc comment
 * that never ends
