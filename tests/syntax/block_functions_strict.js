// expect: SyntaxError: Identifier 'f' has already been declared @5:12
'use strict';
{
  function f() {}
  function f() {}
}
