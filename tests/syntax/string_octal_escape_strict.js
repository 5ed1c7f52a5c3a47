// expect: SyntaxError: Octal escape sequences are not allowed in strict mode. @3:11
'use strict';
var s = 'a\101';
