// expect: SyntaxError: Unexpected eval or arguments in strict mode @2:12
function f(eval) {
  'use strict';
}
