// expect: SyntaxError: Unexpected strict mode reserved word @3:1
'use strict';
let = 1;
