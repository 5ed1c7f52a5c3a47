// expect: SyntaxError: Invalid shorthand property initializer @2:12
var o = {a = 1};
