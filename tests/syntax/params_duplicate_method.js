// expect: SyntaxError: Duplicate parameter name not allowed in this context @3:8
var o = {
  m(a, a) {}
};
