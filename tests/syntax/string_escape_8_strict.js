// expect: SyntaxError: \8 and \9 are not allowed in strict mode. @3:10
'use strict';
var s = '\8';
