// expect: SyntaxError: Unterminated template literal @2:20
var t = `no end ${1}