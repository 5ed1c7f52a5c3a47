// expect: SyntaxError: Invalid Unicode escape sequence @2:10
var t = `\u{zz}`;
