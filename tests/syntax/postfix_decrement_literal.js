// expect: SyntaxError: Invalid left-hand side expression in postfix operation @2:9
var x = 1--;
