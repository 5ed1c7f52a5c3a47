// expect: SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence @2:12
var v = -x ** 2;
