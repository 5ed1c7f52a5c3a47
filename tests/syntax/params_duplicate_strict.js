// expect: SyntaxError: Duplicate parameter name not allowed in this context @3:18
'use strict';
function f(a, b, a) {}
