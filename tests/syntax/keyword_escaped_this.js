// expect: SyntaxError: Keyword must not contain escaped characters @2:9
var o = \u0074his;
