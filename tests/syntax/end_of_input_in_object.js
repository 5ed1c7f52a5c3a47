// expect: SyntaxError: Unexpected end of input @4:1
var o = {
  a: 1,
