// expect: SyntaxError: Unexpected eval or arguments in strict mode @4:3
function f() {
  'use strict';
  arguments++;
}
