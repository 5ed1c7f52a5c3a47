// expect: SyntaxError: Keyword must not contain escaped characters @2:5
var \u0069f = 1;
