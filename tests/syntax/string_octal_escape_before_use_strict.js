// expect: SyntaxError: Octal escape sequences are not allowed in strict mode. @3:5
function f() {
  'a\1b';
  'use strict';
}
