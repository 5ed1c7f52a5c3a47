// expect: SyntaxError: 'super' keyword unexpected here @3:27
var o = {
  f: function () { return super.x; }
};
