// expect: SyntaxError: Identifier 'e' has already been declared @3:7
try {} catch (e) {
  let e;
}
