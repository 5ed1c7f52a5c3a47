// expect: SyntaxError: Lexical declaration cannot appear in a single-statement context @2:12
while (ok) const x = 1;
