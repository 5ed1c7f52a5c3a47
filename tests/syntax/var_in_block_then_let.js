// expect: SyntaxError: Identifier 'a' has already been declared @5:5
{
  var a;
}
let a;
