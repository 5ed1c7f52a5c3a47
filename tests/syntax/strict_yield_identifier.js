// expect: SyntaxError: Unexpected strict mode reserved word @3:5
'use strict';
var yield = 1;
