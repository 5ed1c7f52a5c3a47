// expect: SyntaxError: Lexical declaration cannot appear in a single-statement context @2:9
if (ok) let x = 1;
