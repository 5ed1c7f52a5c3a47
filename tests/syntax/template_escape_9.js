// expect: SyntaxError: \8 and \9 are not allowed in template strings. @2:10
var t = `\9`;
