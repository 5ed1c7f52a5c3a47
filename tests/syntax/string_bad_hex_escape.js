// expect: SyntaxError: Invalid hexadecimal escape sequence @2:10
var s = '\x4g';
