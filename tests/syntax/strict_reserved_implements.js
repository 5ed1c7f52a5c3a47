// expect: SyntaxError: Unexpected strict mode reserved word @3:5
'use strict';
var implements = 1;
