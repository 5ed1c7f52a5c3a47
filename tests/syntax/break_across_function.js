// expect: SyntaxError: Illegal break statement @3:18
while (true) {
  (function () { break; })();
}
