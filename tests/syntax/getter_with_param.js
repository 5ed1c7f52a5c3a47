// expect: SyntaxError: Getter must not have any formal parameters. @3:11
var o = {
  get size(n) { return n; }
};
