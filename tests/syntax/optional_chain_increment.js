// expect: SyntaxError: Invalid left-hand side expression in postfix operation @2:1
obj?.count++;
