// expect: SyntaxError: Unterminated template literal @2:17
var t = `abc ${x} def;
