// expect: SyntaxError: Unexpected token '(' @2:10
function (a) {}
