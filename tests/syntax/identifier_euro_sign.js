// expect: SyntaxError: Invalid or unexpected token @2:10
var price€ = 1;
