// expect: SyntaxError: More than one default clause in switch statement @5:3
switch (x) {
  default: a();
  case 1: b();
  default: c();
}
