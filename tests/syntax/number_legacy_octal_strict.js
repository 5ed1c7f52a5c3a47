// expect: SyntaxError: Octal literals are not allowed in strict mode. @3:12
'use strict';
var mode = 0755;
