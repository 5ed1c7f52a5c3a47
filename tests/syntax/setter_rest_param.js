// expect: SyntaxError: Setter function argument must not be a rest parameter @3:11
var o = {
  set size(...v) {}
};
