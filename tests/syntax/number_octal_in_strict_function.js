// expect: SyntaxError: Octal literals are not allowed in strict mode. @4:10
function f() {
  'use strict';
  return 010;
}
