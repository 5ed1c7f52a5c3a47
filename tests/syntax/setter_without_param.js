// expect: SyntaxError: Setter must have exactly one formal parameter. @3:11
var o = {
  set size() {}
};
