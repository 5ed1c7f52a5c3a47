// expect: SyntaxError: Octal escape sequences are not allowed in template strings. @2:10
var t = `\012`;
