// expect: SyntaxError: Identifier 'a' has already been declared @3:5
let a;
var a;
