// expect: SyntaxError: Identifier 'f' has already been declared @4:7
{
  function f() {}
  let f;
}
