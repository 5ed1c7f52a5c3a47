// expect: SyntaxError: Label 'a' has already been declared @3:3
a: {
  a: for (;;) {}
}
