// expect: SyntaxError: Illegal continue statement: no surrounding iteration statement @2:1
continue;
