// expect: SyntaxError: Identifier 'a' has already been declared @3:5
let a = 1;
let a = 2;
