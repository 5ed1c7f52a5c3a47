// expect: SyntaxError: Identifier 'a' has already been declared @3:7
function f(a) {
  let a;
}
