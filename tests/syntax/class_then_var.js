// expect: SyntaxError: Identifier 'C' has already been declared @3:5
class C {}
var C;
