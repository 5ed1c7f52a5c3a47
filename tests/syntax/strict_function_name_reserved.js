// expect: SyntaxError: Unexpected strict mode reserved word @2:10
function package() {
  'use strict';
}
