// expect: SyntaxError: Unexpected eval or arguments in strict mode @2:10
function arguments() {
  'use strict';
}
