// expect: SyntaxError: Identifier 'i' has already been declared @3:7
for (let i = 0; i < 3; i++) {
  var i;
}
