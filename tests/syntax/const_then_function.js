// expect: SyntaxError: Identifier 'f' has already been declared @3:10
const f = 1;
function f() {}
