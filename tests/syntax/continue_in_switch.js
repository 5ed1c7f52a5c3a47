// expect: SyntaxError: Illegal continue statement: no surrounding iteration statement @3:11
switch (x) {
  case 1: continue;
}
