// expect: SyntaxError: Illegal 'use strict' directive in function with non-simple parameter list @3:3
function f(a = 1) {
  'use strict';
}
