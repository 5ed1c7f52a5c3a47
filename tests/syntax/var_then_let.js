// expect: SyntaxError: Identifier 'a' has already been declared @3:5
var a;
let a;
