// expect: SyntaxError: Identifier 'a' has already been declared @5:9
{
  let a;
  {
    var a;
  }
}
