// expect: SyntaxError: Unexpected string @2:13
var s = 'a' 'b';
