// expect: SyntaxError: Identifier 'y' has already been declared @4:15
switch (x) {
  case 1: let y = 1; break;
  case 2: let y = 2;
}
