// expect: SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence @2:18
var v = typeof x ** 2;
